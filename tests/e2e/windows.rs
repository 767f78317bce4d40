//! Many windows: a component opens a window, each window has its own view, and a crash in one
//! window leaves the others working.

use std::time::Duration;

use golivekit_e2e::App;

const WAIT: Duration = Duration::from_secs(20);

/// Waits for a second window and returns (first, second) handles.
fn second_window(s: &golivekit_e2e::webdriver::Session, first: &str) -> (String, String) {
    let other = s
        .wait(WAIT, "a second window", || s.window_handles().ok().and_then(|hs| hs.into_iter().find(|h| h != first)))
        .expect("second window");
    (first.to_owned(), other)
}

/// Panic in one window: that window shows the error document; the counter in another window
/// still counts; Reload brings the crashed window back with a fresh view.
#[test]
fn panic_shows_the_error_document_while_another_window_still_counts() {
    let app = App::launch("/crash").expect("launch");
    let s = app.session();
    let open = s.wait_for("[data-live-view=crash] button[lv-click=open_counter]", WAIT).expect("button");
    let first = s.window_handle().expect("handle");
    s.click(&open).expect("open counter window");
    let (crash_win, counter_win) = second_window(s, &first);

    s.switch_to_window(&counter_win).expect("to counter");
    let plus = s.wait_for("[data-live-view=counter] button[lv-click=increment]", WAIT).expect("+");
    s.click(&plus).expect("+");
    s.wait_for_text("[data-slot=count]", "1", WAIT).expect("counter counts");

    s.switch_to_window(&crash_win).expect("to crash");
    let panic = s.find("button[lv-click=panic]").expect("panic button");
    s.click(&panic).expect("panic");
    let heading = s.wait_for("[data-lv-error] h1", WAIT).expect("error document");
    assert_eq!(s.text(&heading).expect("text"), "Something went wrong");
    let pre = s.find("[data-lv-error] pre").expect("message");
    assert!(s.text(&pre).expect("text").contains("the Panic button was pressed"));
    assert!(s.find("[data-live-view=crash]").is_err(), "the crashed view is gone from its window");

    s.switch_to_window(&counter_win).expect("back to counter");
    let plus = s.find("button[lv-click=increment]").expect("+");
    s.click(&plus).expect("+");
    s.wait_for_text("[data-slot=count]", "2", WAIT).expect("the other window still counts");

    s.switch_to_window(&crash_win).expect("to crash");
    let reload = s.find("[data-lv-reload]").expect("reload");
    s.click(&reload).expect("reload");
    s.wait_for("[data-live-view=crash] button[lv-click=panic]", WAIT).expect("fresh view after Reload");
}
