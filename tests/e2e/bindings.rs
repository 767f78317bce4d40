//! The `lv-*` bindings in the real webview: typed text, keys, focus, forms, checkboxes, loading
//! states and client-side commands, each driven like a user would.

use std::time::Duration;

use golivekit_e2e::{App, Session};
use serde_json::json;

use crate::util::text;

const WAIT: Duration = Duration::from_secs(20);
const ENTER: &str = "\u{E007}";

/// How many events have reached the page's view, counted by the runtime where they arrive (the
/// app's `stats` test hook; launch with `--test-hooks`). Wrapping the page's `invoke` cannot see
/// this: Tauri's `invoke` is not writable, so such a counter would stay 0 whatever happened.
fn events_received(s: &Session) -> u64 {
    let stats = s
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             const id = document.querySelector('[data-lv-id]').getAttribute('data-lv-id');\
             window.__TAURI_INTERNALS__.invoke('plugin:golivekit|stats', {viewId: id}).then(done, (e) => done(e));",
            json!([]),
        )
        .expect("stats");
    stats["events"].as_u64().unwrap_or_else(|| panic!("no stats: {stats}"))
}

/// "abc" typed fast into a debounced `lv-input` reaches the view as one event carrying "abc".
#[test]
fn fast_typing_into_a_debounced_input_sends_one_event_with_the_whole_text() {
    let app = App::launch("/search").expect("launch");
    let s = app.session();
    let input = s.wait_for("[data-live-view=search] input[name=q]", WAIT).expect("input");
    s.send_keys(&input, "riv").expect("type");
    s.wait_for_text("[data-slot=count]", "40", WAIT).expect("filtered by the whole text");
    assert_eq!(text(s, "[data-slot=searches]"), "1");
    std::thread::sleep(Duration::from_millis(600)); // longer than the debounce: nothing else comes
    assert_eq!(text(s, "[data-slot=searches]"), "1", "exactly one event");
    assert_eq!(
        s.execute("return document.querySelectorAll('.results li').length", json!([])).expect("rows"),
        json!(40)
    );
}

/// Enter in a field with `lv-key="Enter"` sends (with the value); other keys do not. Focus and
/// blur reach the view; every key reaches the window binding.
#[test]
fn enter_sends_other_keys_do_not_and_focus_and_blur_arrive() {
    let app = App::launch("/keys").expect("launch");
    let s = app.session();
    let entry = s.wait_for("#entry", WAIT).expect("field");
    s.click(&entry).expect("focus the field");
    s.wait_for_text("[data-slot=focus]", "focused", WAIT).expect("lv-focus");
    s.send_keys(&entry, "hello").expect("type");
    s.wait_for_text("[data-slot=last-key]", "o", WAIT).expect("window keydown sees keys");
    assert_eq!(text(s, "[data-slot=enters]"), "0", "letters are filtered out by lv-key");
    s.send_keys(&entry, ENTER).expect("enter");
    s.wait_for_text("[data-slot=enters]", "1", WAIT).expect("Enter sent");
    assert_eq!(text(s, "[data-slot=entered]"), "hello");
    s.click(&s.find("h1").expect("heading")).expect("click away");
    s.wait_for_text("[data-slot=focus]", "blurred", WAIT).expect("lv-blur");
    // Ctrl+K: WebDriver's Control key held with `k`, then released (the null key).
    s.send_keys(&entry, "\u{E009}k\u{E000}").expect("ctrl+k");
    s.wait_for_text("[data-slot=shortcuts]", "1", WAIT).expect("the Ctrl+K shortcut");
    s.send_keys(&entry, "k").expect("plain k");
    s.send_keys(&entry, "\u{E009}k\u{E000}").expect("ctrl+k");
    s.wait_for_text("[data-slot=shortcuts]", "2", WAIT).expect("the Ctrl+K shortcut again");
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(text(s, "[data-slot=shortcuts]"), "2", "a plain k is not the shortcut");
}

/// A submit carries the checkbox group as an array; the button shows its `lv-disable-with` text
/// while the slow handler runs, then comes back.
#[test]
fn submit_sends_the_checkbox_group_as_a_list_and_shows_disable_with_while_saving() {
    let app = App::launch("/form").expect("launch");
    let s = app.session();
    let name = s.wait_for("input[name=name]", WAIT).expect("form");
    s.send_keys(&name, "Ann").expect("name");
    s.send_keys(&s.find("input[name=email]").expect("email"), "ann@example.org").expect("email");
    s.click(&s.find("select[name=plan] option[value=pro]").expect("plan")).expect("pick plan");
    s.click(&s.find("input[name=interests][value=rust]").expect("rust")).expect("rust");
    s.click(&s.find("input[name=interests][value=desktop]").expect("desktop")).expect("desktop");
    s.click(&s.find("input[name=terms]").expect("terms")).expect("terms");
    // Record every state the button goes through, in the page (a poll could miss a short one).
    s.execute(
        "const b = document.querySelector('button[type=submit]'); window.__states = [];\
         new MutationObserver(() => window.__states.push([b.textContent, b.disabled]))\
           .observe(b, { attributes: true, childList: true, characterData: true, subtree: true });",
        json!([]),
    )
    .expect("observe the button");
    let button = s.find("button[type=submit]").expect("button");
    s.click(&button).expect("submit");
    s.wait_for_text("[data-slot=saved]", "Saved Ann (pro), interested in rust, desktop.", WAIT).expect("saved");
    s.wait_for_text("button[type=submit]", "Sign up", WAIT).expect("button restored");
    let states = s.execute("return window.__states", json!([])).expect("states");
    assert!(
        states.as_array().is_some_and(|a| a.contains(&json!(["Saving…", true]))),
        "lv-disable-with showed while saving: {states}"
    );
    assert_eq!(
        s.execute("return document.querySelector('button[type=submit]').disabled", json!([])).expect("js"),
        json!(false)
    );
    let kept = s.execute(
        "return [document.querySelector('input[name=name]').value, document.querySelector('select[name=plan]').value]",
        json!([]),
    );
    assert_eq!(kept.expect("js"), json!(["Ann", "pro"]), "the form shows what the server echoed after the submit");
    assert!(s.current_url().expect("url").ends_with("/form"), "the page never navigated");
}

/// Checking a todo sends `true`, unchecking sends `false` (never "on").
#[test]
fn a_checkbox_sends_its_real_state_both_ways() {
    let app = App::launch("/todos").expect("launch");
    let s = app.session();
    let title = s.wait_for("form[lv-submit=add] input[name=title]", WAIT).expect("form");
    s.send_keys(&title, "milk").expect("type");
    s.send_keys(&title, ENTER).expect("submit with Enter");
    let box_ = s.wait_for("[data-list=todos] li input[type=checkbox]", WAIT).expect("item");
    assert_eq!(text(s, "[data-slot=left]"), "1");
    s.click(&box_).expect("check");
    s.wait_for_text("[data-slot=left]", "0", WAIT).expect("checked → true");
    s.click(&box_).expect("uncheck");
    s.wait_for_text("[data-slot=left]", "1", WAIT).expect("unchecked → false");
}

/// A client-side command shows and hides the help without any event reaching the view; an
/// interaction that does send one is seen by the same count.
#[test]
fn a_js_command_toggles_visibility_without_ipc() {
    let app = App::launch_with("/keys", &["--test-hooks"]).expect("launch");
    let s = app.session();
    let help = s.wait_for("#help-button", WAIT).expect("button");
    let hidden = || s.execute("return document.getElementById('help').hidden", json!([])).expect("js");
    assert_eq!(hidden(), json!(true));
    let before = events_received(s);
    s.click(&help).expect("show help");
    s.wait(WAIT, "help shown", || (hidden() == json!(false)).then_some(())).expect("shown");
    s.click(&help).expect("hide help");
    s.wait(WAIT, "help hidden", || (hidden() == json!(true)).then_some(())).expect("hidden");
    assert_eq!(events_received(s), before, "no round trip");
    // The count does see a real round trip: Enter in the field sends `enter`.
    let entry = s.find("#entry").expect("field");
    s.send_keys(&entry, ENTER).expect("enter");
    s.wait_for_text("[data-slot=enters]", "1", WAIT).expect("Enter sent");
    assert!(events_received(s) > before, "the events that Enter sent were counted");
}

/// `lv-confirm` in an app without native dialogs (`--webkit-dialogs`: no tauri-plugin-dialog)
/// asks with the webview's own dialog: Cancel sends nothing, OK sends the event.
#[test]
fn lv_confirm_cancel_sends_nothing_and_ok_sends_the_event() {
    let app = App::launch_with("/keys", &["--webkit-dialogs"]).expect("launch");
    let s = app.session();
    let entry = s.wait_for("#entry", WAIT).expect("field");
    s.send_keys(&entry, ENTER).expect("enter");
    s.wait_for_text("[data-slot=enters]", "1", WAIT).expect("one Enter");
    let reset = s.find("#reset").expect("reset");
    let _ = s.click(&reset); // may report the prompt it opened
    let question = s.wait(WAIT, "the confirm dialog", || s.alert_text().ok()).expect("dialog");
    assert_eq!(question, "Reset the counters?");
    s.answer_alert(false).expect("cancel");
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(text(s, "[data-slot=enters]"), "1", "Cancel sent nothing");
    let _ = s.click(&reset);
    s.wait(WAIT, "the confirm dialog again", || s.alert_text().ok()).expect("dialog");
    s.answer_alert(true).expect("ok");
    s.wait_for_text("[data-slot=enters]", "0", WAIT).expect("OK sent reset");
}
