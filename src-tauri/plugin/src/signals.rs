//! Quitting on SIGTERM, SIGINT and SIGHUP (a session logging out, Ctrl+C in the terminal that
//! runs `cargo tauri dev`, `kill`): the first signal quits the app the graceful way — pages flush,
//! every view's `terminate(Shutdown)` runs — and a second one exits at once, as does a quit that
//! has not finished within [`GIVE_UP_AFTER`] (so a signal always ends the process).

use std::time::Duration;

use tauri::{AppHandle, Runtime};

/// A graceful quit still running this long after the signal ends with `exit` at once: flushing
/// (2 s) and terminating (5 s) are bounded well below it.
pub const GIVE_UP_AFTER: Duration = Duration::from_secs(10);

/// Starts the thread that turns termination signals into a graceful quit.
#[cfg(unix)]
pub(crate) fn quit_on_signals<R: Runtime>(app: AppHandle<R>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = match signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP]) {
        Ok(s) => s,
        Err(e) => {
            tracing::warn!("cannot listen for termination signals: {e}");
            return;
        }
    };
    let spawned = std::thread::Builder::new().name("golivekit-signals".into()).spawn(move || {
        let mut seen = false;
        for signal in signals.forever() {
            if seen {
                tracing::warn!(signal, "second termination signal: exiting now");
                std::process::exit(128 + signal);
            }
            seen = true;
            tracing::info!(signal, "termination signal: quitting (pages flush, views terminate)");
            let _ = std::thread::Builder::new().name("golivekit-give-up".into()).spawn(move || {
                std::thread::sleep(GIVE_UP_AFTER);
                tracing::error!(signal, "the quit did not finish in {GIVE_UP_AFTER:?}: exiting now");
                std::process::exit(128 + signal);
            });
            let app = app.clone();
            if std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || app.exit(0))).is_err() {
                std::process::exit(128 + signal); // a runtime that cannot exit (Tauri's mock runtime)
            }
        }
    });
    if let Err(e) = spawned {
        tracing::warn!("cannot start the signal thread: {e}");
    }
}

/// No termination signals to listen for on this platform.
#[cfg(not(unix))]
pub(crate) fn quit_on_signals<R: Runtime>(_app: AppHandle<R>) {}
