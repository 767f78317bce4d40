//! The app menu declared in Rust (issue 15, item 4) and window state remembered across runs
//! (item 5), in the real app under Xvfb: a menu accelerator pressed in the focused window and a
//! click on a menu item each reach the editor view as a `MenuCommand`; the Quit item quits
//! gracefully; a resized window reopens at the size it was closed at.
//!
//! The accelerator and the clicks are real X input (`xdotool`), not WebDriver keys: the GTK menu
//! bar sits outside the webview. Each test that stores window state uses a file of its own
//! (`--window-state FILE`), so tests do not see each other's sizes.

use std::path::{Path, PathBuf};
use std::time::Duration;

use golivekit_e2e::{App, Session};
use serde_json::{json, Value};

use crate::util::{app_windows, focus_app_window, menu_events, open_second_editor, press_in_app, quit, text, xdotool};

const WAIT: Duration = Duration::from_secs(20);

/// A fresh temp file path for one test.
fn temp_file(name: &str, ext: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("golivekit-e2e-menus-{name}-{}.{ext}", std::process::id()));
    let _ = std::fs::remove_file(&path);
    path
}

fn launch_editor(extra: &[&str]) -> App {
    // Test hooks on: `press_in_app` reads the app's count of menu events.
    let args: Vec<&str> = extra.iter().copied().chain(["--test-hooks"]).collect();
    let app = App::launch_with("/editor", &args).expect("launch");
    app.session().wait_for("#body", WAIT).expect("the editor");
    app
}

/// `ctrl+n` pressed in the focused app window is the File menu's New note accelerator: the
/// editor's `handle_info` gets `MenuCommand { id: "new" }` and adds a note and opens it.
#[test]
fn a_menu_accelerator_reaches_the_focused_windows_view() {
    let app = launch_editor(&[]);
    let s = app.session();
    press_in_app(&app, "ctrl+n", "a new note", || s.find("li[data-key=n4]").ok());
    assert_eq!(menu_events(&app), Some(1), "the app counted the accelerator as one menu event");
    s.wait_for_text("[data-slot=title]", "Note 4", WAIT).expect("and is open");
    assert!(text(s, "[data-slot=log]").contains("new:4"), "{}", text(s, "[data-slot=log]"));
}

/// A click on the File menu in the menu bar, then on its Save item, reaches the view — after
/// the text typed just before it.
/// The bar is at the window's top left (GTK under Xvfb, this machine's font): File at
/// (19, 12), Save (the third item: New note, Open folder…, Save) at (47, 87) in the open menu.
#[test]
fn a_click_on_a_menu_item_reaches_the_view() {
    let app = launch_editor(&[]);
    let s = app.session();
    let (x, y) = focus_app_window(&app);
    let click = |dx: i64, dy: i64| {
        xdotool(&["mousemove", "--sync", &(x + dx).to_string(), &(y + dy).to_string(), "click", "1"]);
    };
    // Typed just before, inside the 800 ms debounce: the page sends it before the menu command.
    let body = s.find("#body").expect("field");
    s.send_keys(&body, " and tea").expect("type");
    click(19, 12); // File
    std::thread::sleep(Duration::from_millis(400));
    click(47, 87); // Save
    s.wait_for_text("[data-slot=saves]", "1", WAIT).expect("the menu's Save reached the view");
    assert_eq!(text(s, "[data-slot=saved]"), "save:1:Milk, eggs and tea", "the save saw what was typed");
}

/// The File menu's Quit (`ctrl+q`) goes through the plugin's graceful quit: the editor's
/// `terminate(Shutdown)` runs and writes its journal before the process exits.
#[test]
fn the_quit_item_quits_gracefully() {
    let journal = temp_file("quit", "jsonl");
    let app = launch_editor(&["--journal", journal.to_str().expect("utf-8 path")]);
    press_in_app(&app, "ctrl+q", "the app to quit", || app.wait_exited(Duration::from_millis(100)).then_some(()));
    let lines: Vec<Value> = std::fs::read_to_string(&journal)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["reason"], "Shutdown");
    let _ = std::fs::remove_file(&journal);
}

fn inner_size(s: &Session) -> (i64, i64) {
    let v = s.execute("return [window.innerWidth, window.innerHeight]", json!([])).expect("size");
    (v[0].as_i64().unwrap_or(0), v[1].as_i64().unwrap_or(0))
}

fn stored(file: &Path) -> Option<Value> {
    serde_json::from_str(&std::fs::read_to_string(file).ok()?).ok()
}

/// Launch, resize the window, quit gracefully, launch again: the window has the size it was
/// closed at (and not the default 900 × 640).
#[test]
fn the_window_reopens_at_the_size_it_was_closed_at() {
    let state = temp_file("window-state", "json");
    let arg = state.to_str().expect("utf-8 path");
    let app = launch_editor(&["--window-state", arg]);
    let s = app.session();
    let id = app_windows(&app, true).pop().expect("the app's X window");
    xdotool(&["windowsize", "--sync", &id, "700", "520"]);
    let resized = s
        .wait(WAIT, "the page to see the new size", || {
            let (w, h) = inner_size(s);
            (w == 700).then_some((w, h))
        })
        .expect("resized");
    s.wait(WAIT, "the state file", || (stored(&state)?["main"]["width"].as_f64()? == 700.0).then_some(()))
        .expect("the size is stored");
    quit(&app);
    drop(app);

    let app = launch_editor(&["--window-state", arg]);
    let s = app.session();
    let reopened = s
        .wait(WAIT, "the restored size", || {
            let size = inner_size(s);
            (size == resized).then_some(size)
        })
        .unwrap_or_else(|_| inner_size(s));
    assert_eq!(reopened, resized, "the window reopened at the size it was closed at");
    assert_ne!(reopened.0, 900, "not the default size");
    let _ = std::fs::remove_file(&state);
}

/// With two editor windows, the accelerator goes to the focused one only: `ctrl+n` in the second
/// window adds a note there, and the first window's editor is untouched; focusing the first and
/// pressing it again adds one there.
#[test]
fn a_menu_command_goes_to_the_focused_window_only() {
    let app = launch_editor(&[]);
    let s = app.session();
    let before = app_windows(&app, true);
    let first = open_second_editor(s);
    let x_second = s
        .wait(WAIT, "its X window", || app_windows(&app, false).into_iter().find(|id| !before.contains(id)))
        .expect("the second X window");
    xdotool(&["windowactivate", "--sync", &x_second]);
    xdotool(&["windowfocus", "--sync", &x_second]);
    xdotool(&["key", "--clearmodifiers", "ctrl+n"]);
    s.wait(WAIT, "the new note in the second window", || s.find("li[data-key=n4]").ok()).expect("added there");
    s.switch_to_window(&first).expect("back to the first window");
    std::thread::sleep(Duration::from_millis(300));
    assert!(s.find("li[data-key=n4]").is_err(), "the first window's editor got nothing");
    let x_first = before.first().expect("the first X window").clone();
    xdotool(&["windowactivate", "--sync", &x_first]);
    xdotool(&["windowfocus", "--sync", &x_first]);
    xdotool(&["key", "--clearmodifiers", "ctrl+n"]);
    s.wait(WAIT, "the new note in the first window", || s.find("li[data-key=n4]").ok()).expect("added there");
}
