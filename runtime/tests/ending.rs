//! `terminate` always finishes: quitting waits for terminations already running (a closed
//! window's), so closing the last window is `Normal` every time, and a `terminate` that never
//! returns is given up on after the shutdown timeout instead of hanging the app.

mod common;

use std::time::Duration;

use common::{count, entries, runtime, Log};

#[tokio::test]
async fn quitting_right_after_the_last_window_closes_waits_for_its_slow_terminate() {
    for run in 0..10 {
        let log = Log::default();
        let rt = runtime(&log);
        rt.document("main", "/", "slow_end=300").await;
        // The shell spawns the close and, at once, the app exits.
        let closing = tokio::spawn(rt.close_window("main"));
        rt.shutdown().await;
        assert_eq!(count(&log, "terminate-done:Normal"), 1, "run {run}: {:?}", entries(&log));
        assert_eq!(count(&log, "terminate:"), 1, "run {run}: exactly once, as a window close");
        closing.await.expect("close task");
    }
}

#[tokio::test]
async fn a_close_records_its_terminations_before_it_is_first_polled() {
    let log = Log::default();
    let rt = runtime(&log);
    let id = rt.document("main", "/", "slow_end=200").await.view_id.expect("id");
    let closing = rt.close_window("main");
    assert_eq!(rt.endings().running(), vec![id], "recorded before anything ran");
    assert_eq!(rt.live_views(), 0, "the window's views left the registry");
    closing.await;
    assert!(rt.endings().running().is_empty());
    assert_eq!(count(&log, "terminate-done:Normal"), 1);
}

#[tokio::test]
async fn shutdown_terminates_every_window_at_once_and_waits_for_all() {
    let log = Log::default();
    let rt = runtime(&log);
    for w in ["a", "b", "c"] {
        rt.document(w, "/", "slow_end=300").await;
    }
    let started = std::time::Instant::now();
    rt.shutdown().await;
    assert_eq!(count(&log, "terminate-done:Shutdown"), 3, "{:?}", entries(&log));
    // Three 300 ms cleanups side by side, not one after another (a bound, not a timing goal).
    assert!(started.elapsed() < Duration::from_millis(850), "{:?}", started.elapsed());
}

#[tokio::test(start_paused = true)]
async fn a_terminate_that_never_returns_is_given_up_on_after_the_timeout() {
    let log = Log::default();
    let rt = runtime(&log).with_shutdown_timeout(Duration::from_secs(5));
    rt.document("main", "/", "slow_end=3600000").await;
    rt.document("other", "/", "slow_end=10").await;
    rt.shutdown().await; // with the clock paused, returns once 5 s of virtual time have passed
    assert_eq!(count(&log, "terminate:Shutdown"), 2);
    assert_eq!(count(&log, "terminate-done:Shutdown"), 1, "the quick one finished");
    assert_eq!(rt.endings().running().len(), 1, "the stuck one is still running, given up on");
}
