//! The counter as a user sees it: the first paint already shows the count, clicks change it.

use std::time::Duration;

use golivekit_e2e::App;

const WAIT: Duration = Duration::from_secs(20);

/// The count is in the first document (read before any interaction), and `+ + + −` gives 2.
#[test]
fn counter_shows_initial_count_and_follows_clicks() {
    let app = App::launch("/counter").expect("launch");
    let s = app.session();
    let count = s.wait_for("[data-live-view=counter] [data-slot=count]", WAIT).expect("count slot");
    assert_eq!(s.text(&count).expect("text"), "0", "served in the initial document");
    let plus = s.find("button[lv-click=increment]").expect("+");
    let minus = s.find("button[lv-click=decrement]").expect("−");
    for expected in ["1", "2", "3"] {
        s.click(&plus).expect("click +");
        s.wait_for_text("[data-slot=count]", expected, WAIT).expect("count after +");
    }
    s.click(&minus).expect("click −");
    s.wait_for_text("[data-slot=count]", "2", WAIT).expect("count after −");
}

/// The start page links to the counter; following the link mounts it in the same window.
#[test]
fn start_page_link_opens_the_counter() {
    let app = App::launch("/").expect("launch");
    let s = app.session();
    let link = s.wait_for("[data-live-view=home] a[href='/counter']", WAIT).expect("link");
    s.click(&link).expect("click link");
    s.wait_for_text("[data-live-view=counter] [data-slot=count]", "0", WAIT).expect("counter mounted");
    let plus = s.find("button[lv-click=increment]").expect("+");
    s.click(&plus).expect("click +");
    s.wait_for_text("[data-slot=count]", "1", WAIT).expect("counter live after navigation");
    assert!(s.current_url().expect("url").ends_with("/counter"));
}
