//! Native dialogs awaited in handlers (issue 15), in the real app: the GTK file chooser opened by
//! a button is driven with xdotool and the handler's chosen path shows in the page; Cancel shows
//! that nothing was chosen; and page JavaScript cannot open dialogs itself (the demo app's
//! capability grants no `dialog:` permission).

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use golivekit_e2e::App;
use serde_json::json;

use crate::util::{refused_to_page, text, xdotool};

const WAIT: Duration = Duration::from_secs(20);
/// `OPEN_TITLE`: the title of the example's "Open file…" dialog.
const OPEN_TITLE: &str = "Open a text file";

/// The visible native window titled exactly `title`, waited for.
fn native_window(title: &str) -> String {
    let id = xdotool(&["search", "--sync", "--onlyvisible", "--name", &format!("^{title}$")]);
    let id = id.lines().next().unwrap_or_default().trim().to_owned();
    assert!(!id.is_empty(), "no native window titled {title:?} appeared");
    // Give GTK a moment to map and focus its widgets.
    std::thread::sleep(Duration::from_millis(700));
    let _ = xdotool(&["windowfocus", "--sync", &id]);
    id
}

/// In the GTK file chooser titled `title`: opens the location field, types `path`, presses Return
/// (twice if the chooser is still open after the first: the first may only accept a completion).
pub(crate) fn choose_in_file_chooser(title: &str, path: &str) {
    let id = native_window(title);
    xdotool(&["key", "--clearmodifiers", "ctrl+l"]);
    std::thread::sleep(Duration::from_millis(300));
    xdotool(&["type", "--delay", "20", path]);
    std::thread::sleep(Duration::from_millis(300));
    let open = || !xdotool(&["search", "--onlyvisible", "--name", &format!("^{title}$")]).trim().is_empty();
    for _ in 0..2 {
        xdotool(&["key", "Return"]);
        // The chooser goes away once the handler has the path.
        for _ in 0..20 {
            std::thread::sleep(Duration::from_millis(100));
            if !open() {
                return;
            }
        }
    }
    panic!("the file chooser {id} is still open (screen: {})", screenshot("chooser-still-open"));
}

/// Saves the whole screen to a temp file (for a failing test's message) and returns its path.
fn screenshot(name: &str) -> String {
    let path = std::env::temp_dir().join(format!("golivekit-e2e-{name}-{}.png", std::process::id()));
    let _ = Command::new("import").args(["-window", "root"]).arg(&path).status();
    path.display().to_string()
}

fn cancel_file_chooser(title: &str) {
    native_window(title);
    xdotool(&["key", "Escape"]);
}

fn launch_files() -> App {
    let app = App::launch("/files").expect("launch");
    app.session().wait_for("#open-file", WAIT).expect("the files example");
    app
}

fn sample_file() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("golivekit-e2e-native-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("chosen.md");
    std::fs::write(&file, "# Chosen by hand\nsecond line\n").expect("write");
    file
}

#[test]
fn a_file_chosen_in_the_gtk_file_chooser_reaches_the_handler() {
    let file = sample_file();
    let app = launch_files();
    let s = app.session();
    let open = s.find("#open-file").expect("Open file…");
    s.click(&open).expect("click Open file…");
    choose_in_file_chooser(OPEN_TITLE, file.to_str().expect("utf-8"));
    s.wait_for_text("#chosen", file.to_str().expect("utf-8"), WAIT).expect("the chosen path is shown");
    assert!(text(s, "#preview").contains("# Chosen by hand"), "the file's first lines are shown");
    // The view stays live after the dialog.
    let _ = std::fs::remove_dir_all(file.parent().expect("dir"));
}

#[test]
fn cancelling_the_gtk_file_chooser_shows_that_nothing_was_chosen() {
    let app = launch_files();
    let s = app.session();
    let open = s.find("#open-file").expect("Open file…");
    s.click(&open).expect("click Open file…");
    cancel_file_chooser(OPEN_TITLE);
    s.wait_for_text("#nothing", "Nothing chosen", WAIT).expect("Nothing chosen");
}

/// Page JavaScript calling the dialog plugin's commands directly is refused: the capability grants
/// no `dialog:` permission, so no page script can open a file chooser or a message box.
#[test]
fn page_javascript_cannot_call_the_dialog_plugin() {
    let app = launch_files();
    let s = app.session();
    for (cmd, args) in [
        ("plugin:dialog|open", json!({"options": {"directory": false, "multiple": false}})),
        ("plugin:dialog|save", json!({"options": {}})),
        ("plugin:dialog|message", json!({"message": "hi", "title": "x"})),
        ("plugin:dialog|confirm", json!({"message": "ok?"})),
    ] {
        let err = refused_to_page(s, cmd, args);
        assert!(err.contains("not allowed"), "{cmd} refused for the wrong reason: {err}");
    }
    // No dialog window appeared.
    let shown = xdotool(&["search", "--onlyvisible", "--name", "^(hi|x|Open File|Save File)$"]);
    assert!(shown.trim().is_empty(), "a dialog appeared: {shown}");
}
