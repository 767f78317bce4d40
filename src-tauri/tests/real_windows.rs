//! The plugin in a real Tauri app (Wry + WebKitGTK, under Xvfb in CI): windows load their initial
//! documents through the real `golive://` handler, closing a window (a close request, as the close
//! button makes) ends its views with `Normal` before the window goes and leaves the other window's
//! alone, quitting ends the rest with `Shutdown`.
#![cfg(target_os = "linux")]

mod common;

use std::time::{Duration, Instant};

use common::{ended, Probe};
use golivekit::Router;
use golivekit_tauri::GoliveKitExt;
use tauri::Manager;

fn wait_until(what: &str, mut cond: impl FnMut() -> bool) {
    let start = Instant::now();
    while !cond() {
        assert!(start.elapsed() < Duration::from_secs(30), "gave up waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn closing_a_window_ends_its_views_with_normal_and_quitting_ends_the_rest_with_shutdown() {
    assert!(
        std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some(),
        "this test opens real windows: run it under Xvfb (scripts/test.sh does)"
    );
    let app = tauri::Builder::default()
        .any_thread()
        .plugin(golivekit_tauri::init(Router::new().route("/", Probe::default)))
        .build(tauri::generate_context!())
        .expect("app");
    for label in ["a", "b"] {
        golivekit_tauri::open_window(&app, label, "/", label).expect("window");
    }
    let handle = app.handle().clone();
    let driver = std::thread::spawn(move || {
        let rt = || handle.golivekit();
        // Whatever happens, quit the app so that `run_return` below returns and the test reports.
        let checks = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            wait_until("both windows to load their documents", || {
                rt().views_in("a").len() == 1 && rt().views_in("b").len() == 1
            });
            // As the window manager's close button does: a close request, which the plugin holds
            // back until the page flushed and the view terminated, then destroys the window.
            handle.get_webview_window("a").expect("window a").close().expect("close a");
            wait_until("window a to go", || handle.get_webview_window("a").is_none());
            assert!(rt().views_in("a").is_empty(), "its view ended before the window went");
            (ended(), rt().views_in("b").len())
        }));
        handle.exit(0);
        checks
    });
    app.run_return(|_, _| {});
    let (after_close, b_alive) = match driver.join().expect("driver thread") {
        Ok(seen) => seen,
        Err(panic) => std::panic::resume_unwind(panic),
    };
    assert_eq!(after_close, [("a".to_string(), "Normal".to_string())]);
    assert_eq!(b_alive, 1, "closing one window left the other's view running");
    assert_eq!(ended(), [("a".into(), "Normal".into()), ("b".into(), "Shutdown".into())]);
}
