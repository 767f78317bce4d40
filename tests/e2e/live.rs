//! The server moves the page: a clock that changes with no input, a chat between two windows over
//! PubSub, and a reload that keeps the live view's state.

use std::time::Duration;

use golivekit_e2e::App;

const WAIT: Duration = Duration::from_secs(20);

/// The clock's time and tick count change while nobody touches the window.
#[test]
fn clock_changes_without_input() {
    let app = App::launch("/clock").expect("launch");
    let s = app.session();
    let time = s.wait_for("[data-live-view=clock] [data-slot=time]", WAIT).expect("clock");
    let first = s.text(&time).expect("text");
    assert_eq!(first.len(), 8, "HH:MM:SS in the first document: {first:?}");
    s.wait(WAIT, "the time to change", || {
        let now = s.find("[data-slot=time]").and_then(|t| s.text(&t)).ok()?;
        (now != first).then_some(())
    })
    .expect("time moves");
    s.wait(WAIT, "two ticks", || {
        let n: u32 = s.find("[data-slot=ticks]").and_then(|t| s.text(&t)).ok()?.parse().ok()?;
        (n >= 2).then_some(())
    })
    .expect("ticks counted");
}

/// A line typed and sent in chat window A appears in window B, and B's reply appears in A.
#[test]
fn chat_message_sent_in_one_window_appears_in_the_other() {
    let app = App::launch("/chat?name=Ann").expect("launch");
    let s = app.session();
    let new_window = s.wait_for("[data-live-view=chat] button[lv-click=new_window]", WAIT).expect("chat");
    let a = s.window_handle().expect("handle");
    s.click(&new_window).expect("open B");
    let b = s
        .wait(WAIT, "window B", || s.window_handles().ok().and_then(|hs| hs.into_iter().find(|h| *h != a)))
        .expect("B");

    s.switch_to_window(&b).expect("to B");
    s.wait_for_text("[data-live-view=chat] [data-slot=name]", "Guest 1", WAIT).expect("B mounted");

    s.switch_to_window(&a).expect("to A");
    let input = s.find("form[lv-submit=say] input[name=text]").expect("input");
    s.send_keys(&input, "hello <b>from</b> A & co").expect("type");
    s.click(&s.find("form[lv-submit=say] button").expect("send")).expect("send");
    s.wait_for_text(".lines li:last-child .text", "hello <b>from</b> A & co", WAIT).expect("A shows its own line");
    s.wait(WAIT, "the chat box to clear", || {
        let v = s.execute("return document.querySelector('input[name=text]').value", serde_json::json!([])).ok()?;
        (v == serde_json::json!("")).then_some(())
    })
    .expect("a sent line leaves the box empty");

    s.switch_to_window(&b).expect("to B");
    s.wait_for_text(".lines li:last-child .text", "hello <b>from</b> A & co", WAIT).expect("B got A's line");
    assert!(s.find(".lines li b b").is_err(), "user text never becomes markup");
    let input = s.find("form[lv-submit=say] input[name=text]").expect("input");
    s.send_keys(&input, "hi Ann").expect("type");
    s.click(&s.find("form[lv-submit=say] button").expect("send")).expect("send");

    s.switch_to_window(&a).expect("to A");
    s.wait_for_text(".lines li:last-child", "Guest 1: hi Ann", WAIT).expect("A got B's reply");
}

/// Reloading the window (F5) shows the same live view: the count survives, and it keeps counting.
#[test]
fn reload_keeps_the_counter_value() {
    let app = App::launch("/counter").expect("launch");
    let s = app.session();
    let plus = s.wait_for("button[lv-click=increment]", WAIT).expect("+");
    for expected in ["1", "2", "3"] {
        s.click(&plus).expect("+");
        s.wait_for_text("[data-slot=count]", expected, WAIT).expect("count");
    }
    s.execute("window.__before_reload = true", serde_json::json!([])).expect("mark page");
    s.refresh().expect("reload");
    s.wait(WAIT, "the new document", || {
        let v = s.execute("return window.__before_reload === undefined", serde_json::json!([])).ok()?;
        v.as_bool().filter(|b| *b)
    })
    .expect("reloaded");
    s.wait_for_text("[data-slot=count]", "3", WAIT).expect("state kept across the reload");
    let plus = s.wait_for("button[lv-click=increment]", WAIT).expect("+");
    s.click(&plus).expect("+");
    s.wait_for_text("[data-slot=count]", "4", WAIT).expect("the reloaded page is live");
}
