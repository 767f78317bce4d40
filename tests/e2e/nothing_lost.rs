//! Nothing the user does is lost (issue 11), in the real app: confirmations that cannot be
//! bypassed, typed text sent before shortcuts and before quitting, record switches while typing,
//! a page kept live by events from outside the bridge, events applied once across a reload, and
//! `terminate` finishing before the process exits.

use std::path::{Path, PathBuf};
use std::time::Duration;

use golivekit_e2e::{App, Session};
use serde_json::{json, Value};

use crate::util::{answer_native_dialog, open_second_editor, outside_event, quit, text};

const WAIT: Duration = Duration::from_secs(20);
/// WebDriver's Control key (held until the end of the keys sent, or until NULL).
const CTRL: &str = "\u{E009}";
const NULL: &str = "\u{E000}";

fn field_value(s: &Session) -> String {
    s.execute("return document.querySelector('#body').value", json!([])).expect("value").as_str().unwrap_or("").into()
}

/// A fresh journal file for one test.
fn journal(name: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("golivekit-e2e-{name}-{}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&path);
    path
}

/// The journal's entries (one per view that ended).
fn entries(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn launch_editor(journal: &Path, query: &str) -> App {
    let route = format!("/editor{query}");
    let app = App::launch_with(&route, &["--journal", journal.to_str().expect("utf-8 path")]).expect("launch");
    app.session().wait_for("#body", WAIT).expect("the editor");
    app
}

/// `lv-confirm` in an app that registers `tauri-plugin-dialog`: the question is a native dialog
/// opened by Rust; Cancel sends nothing, OK sends the event once.
#[test]
fn the_native_confirm_dialog_cancel_keeps_the_note_and_ok_deletes_it_once() {
    let path = journal("confirm");
    let app = launch_editor(&path, "");
    let s = app.session();
    let delete = s.find("li[data-key=n3] button.delete").expect("delete Todo");
    s.click(&delete).expect("click delete");
    answer_native_dialog("Confirm", false);
    std::thread::sleep(Duration::from_millis(500));
    assert!(s.find("li[data-key=n3]").is_ok(), "Cancel kept the note");
    assert!(!text(s, "[data-slot=log]").contains("delete"), "Cancel sent nothing");
    s.click(&delete).expect("click delete again");
    answer_native_dialog("Confirm", true);
    s.wait(WAIT, "the note to go", || s.find("li[data-key=n3]").is_err().then_some(())).expect("deleted");
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(text(s, "[data-slot=log]").matches("delete:3").count(), 1, "OK sent the event once");
}

/// Typing, then Ctrl+S at once (well inside the 800 ms debounce): the save sees the whole text,
/// and the text's event reached the view before the shortcut's.
#[test]
fn text_typed_right_before_a_window_shortcut_is_what_the_shortcut_saves() {
    let path = journal("shortcut");
    let app = launch_editor(&path, "");
    let s = app.session();
    let body = s.find("#body").expect("field");
    s.click(&body).expect("focus");
    s.send_keys(&body, &format!(" and bread{CTRL}s{NULL}")).expect("type, then Ctrl+S");
    s.wait_for_text("[data-slot=saved]", "save:1:Milk, eggs and bread", WAIT).expect("the save saw the whole text");
    let log = text(s, "[data-slot=log]");
    let (edit, save) = (log.find("edit:1:Milk, eggs and bread"), log.find("save:1:"));
    // The log shows the newest first.
    assert!(edit.is_some() && save.is_some() && save < edit, "the edit arrived first: {log}");
}

/// Typing, then the app is told to quit (SIGTERM, as a logout does) at once: the page flushes what
/// it holds before the views end, so `terminate(Shutdown)` sees the whole text.
#[test]
fn text_typed_right_before_the_app_quits_reaches_terminate() {
    let path = journal("quit");
    let app = launch_editor(&path, "");
    let s = app.session();
    let body = s.find("#body").expect("field");
    s.click(&body).expect("focus");
    s.send_keys(&body, ", coffee").expect("type");
    quit(&app);
    let entries = entries(&path);
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["reason"], "Shutdown");
    assert_eq!(entries[0]["notes"][0]["body"], "Milk, eggs, coffee", "{}", entries[0]);
}

/// Switching notes with the editor focused — by a window shortcut, and by the server on its own
/// while text is still held — shows the new note's text, saves what was typed into the old note,
/// and nothing of it into the new one.
#[test]
fn switching_notes_while_typing_shows_the_new_note_and_keeps_the_text_with_the_old_one() {
    let path = journal("switch");
    let app = launch_editor(&path, "");
    let s = app.session();
    let body = s.find("#body").expect("field");
    s.click(&body).expect("focus");
    // 1. A window shortcut (the page's own event: what it holds goes first).
    s.send_keys(&body, &format!("!{CTRL}j{NULL}")).expect("type, then Ctrl+J");
    s.wait_for_text("[data-slot=title]", "Ideas", WAIT).expect("note 2 open");
    s.wait(WAIT, "the field to show note 2", || (field_value(s) == "A desktop LiveView").then_some(())).expect("field");
    // 2. The server switches on its own (an event from outside the bridge, like a menu item)
    //    while the page still holds what was just typed.
    s.send_keys(&body, "?").expect("type into note 2");
    outside_event(s, "next", serde_json::json!({}), None);
    s.wait_for_text("[data-slot=title]", "Todo", WAIT).expect("note 3 open");
    s.wait(WAIT, "the field to show note 3", || field_value(s).is_empty().then_some(())).expect("field shows note 3");
    // 3. Typing now goes to note 3, and only there.
    s.send_keys(&body, "call Bo").expect("type into note 3");
    std::thread::sleep(Duration::from_millis(1_200));
    let log = text(s, "[data-slot=log]");
    assert!(log.contains("edit:3:call Bo"), "{log}");
    quit(&app); // terminate writes the journal
    let ended = entries(&path);
    assert_eq!(ended.len(), 1, "{ended:?}");
    let expected = json!([
        {"id": 1, "title": "Groceries", "body": "Milk, eggs!"},
        {"id": 2, "title": "Ideas", "body": "A desktop LiveView?"},
        {"id": 3, "title": "Todo", "body": "call Bo"},
    ]);
    assert_eq!(ended[0]["notes"], expected, "each text in the note it was typed into");
}

/// An event that reaches the view from outside the bridge bumps its version; the page gets that
/// patch too, so it never waits for a version it cannot get, and the next click works.
#[test]
fn an_event_from_outside_the_bridge_keeps_the_page_live() {
    let app = App::launch("/counter").expect("launch");
    let s = app.session();
    s.wait_for("[data-slot=count]", WAIT).expect("count");
    outside_event(s, "increment", serde_json::json!({}), None);
    s.wait_for_text("[data-slot=count]", "1", WAIT).expect("the page shows the outside event");
    let plus = s.find("button[lv-click=increment]").expect("+");
    s.click(&plus).expect("click +");
    s.wait_for_text("[data-slot=count]", "2", WAIT).expect("the page still follows its own clicks");
}

/// A reload while a slow event is in flight (Tauri may send the command again after a reload,
/// tauri #14154): the event is applied exactly once.
#[test]
fn reloading_with_an_event_in_flight_applies_it_once() {
    let path = journal("reload");
    let app = launch_editor(&path, "");
    let s = app.session();
    s.execute(
        "document.querySelector('#slow-save').click(); setTimeout(() => location.reload(), 60); return 1;",
        json!([]),
    )
    .expect("click, then reload");
    std::thread::sleep(Duration::from_millis(1_500));
    s.wait_for("#body", WAIT).expect("the reloaded editor");
    std::thread::sleep(Duration::from_millis(1_000));
    assert_eq!(text(s, "[data-slot=saves]"), "1", "applied once: {}", text(s, "[data-slot=log]"));
}

/// Closing the last window while `terminate` does 300 ms of async work (saving a file): the
/// process waits for it, ten times in a row.
#[test]
fn closing_the_last_window_waits_for_a_slow_terminate_ten_times() {
    for run in 0..10 {
        let path = journal(&format!("close-{run}"));
        let app = launch_editor(&path, "?slow_save=300");
        let _ = app.session().execute("setTimeout(() => window.close(), 0); return 1;", json!([]));
        assert!(app.wait_exited(WAIT), "run {run}: the app quit after its last window closed");
        let entries = entries(&path);
        assert_eq!(entries.len(), 1, "run {run}: {entries:?}");
        assert_eq!(entries[0]["reason"], "Normal", "run {run}: a window close, every time");
        let _ = std::fs::remove_file(&path);
    }
}

/// `window.close()` in a second window's page closes that window like its close button: its view
/// terminates once (`Normal`), no window is left behind, and the first window goes on.
#[test]
fn window_close_in_a_page_closes_its_window_and_ends_its_view_once() {
    let path = journal("window-close");
    let app = launch_editor(&path, "");
    let s = app.session();
    let first = open_second_editor(s);
    let _ = s.execute("setTimeout(() => window.close(), 0); return 1;", json!([]));
    s.wait(WAIT, "the window to go", || (s.window_handles().ok()?.len() == 1).then_some(())).expect("one window left");
    s.wait(WAIT, "its terminate", || (!entries(&path).is_empty()).then_some(())).expect("journal");
    std::thread::sleep(Duration::from_millis(300));
    let ended = entries(&path);
    assert_eq!(ended.len(), 1, "{ended:?}");
    assert_eq!(ended[0]["reason"], "Normal");
    assert_ne!(ended[0]["window"], "main");
    s.switch_to_window(&first).expect("back to the first window");
    s.click(&s.find("li[data-key=n2] button.open").expect("open Ideas")).expect("click");
    s.wait_for_text("[data-slot=title]", "Ideas", WAIT).expect("the first window goes on");
}
