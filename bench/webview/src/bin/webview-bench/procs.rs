//! Launching a bench app, reading its memory, ending it.
//!
//! Memory is the resident set (`VmRSS` in `/proc/<pid>/status`) of the app's own process, and
//! separately the sum over its descendants: WebKitGTK's web and network processes (and the
//! bubblewrap sandbox around them when WebKit uses one).

use std::fs;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use golivekit_webview_bench::churn::{descendants, vm_rss_kib};

/// Resident memory of an app, in KiB.
#[derive(Debug, Clone, Copy, Default)]
pub struct Rss {
    /// The app's own process.
    pub app_kib: u64,
    /// Its descendants (WebKit's processes), summed.
    pub children_kib: u64,
    /// How many descendants there were.
    pub children: usize,
}

/// A launched app.
pub struct Running {
    child: Child,
    /// Wall-clock ms since the epoch just before the spawn.
    pub spawned_at_ms: f64,
}

/// Starts `bin` with `BENCH_CONFIG=config`, in its own process group; its stderr goes to `log`.
pub fn launch(bin: &Path, config: &str, log: &Path) -> std::io::Result<Running> {
    let stderr = fs::File::create(log)?;
    let spawned_at_ms = epoch_ms();
    let child = Command::new(bin)
        .env("BENCH_CONFIG", config)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(stderr)
        .process_group(0)
        .spawn()?;
    Ok(Running { child, spawned_at_ms })
}

impl Running {
    /// The app's memory now.
    pub fn rss(&self) -> Rss {
        let pid = self.child.id();
        let descendants = descendants(pid);
        Rss {
            app_kib: vm_rss_kib(pid),
            children_kib: descendants.iter().map(|&p| vm_rss_kib(p)).sum(),
            children: descendants.len(),
        }
    }

    /// Ends the app and everything it started (its process group): TERM, then KILL after 3 s.
    pub fn stop(mut self) {
        let group = format!("-{}", self.child.id());
        let signal = |sig: &str| {
            let _ = Command::new("kill").args([sig, "--", &group]).stderr(Stdio::null()).status();
        };
        signal("-TERM");
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        signal("-KILL");
        let _ = self.child.wait();
    }
}

/// Wall-clock ms since the epoch (the page's `performance.timeOrigin` is on the same clock).
pub fn epoch_ms() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64() * 1000.0).unwrap_or(0.0)
}
