//! What several e2e modules use: reading text, driving X with xdotool, quitting the app as a
//! logout does, sending an event from outside the bridge, opening a second window.

use std::process::Command;
use std::time::Duration;

use golivekit_e2e::{App, Session};
use serde_json::{json, Value};

/// How long a test waits for anything.
pub const WAIT: Duration = Duration::from_secs(20);

/// The text of the first element matching `css` (empty when there is none).
pub fn text(s: &Session, css: &str) -> String {
    s.find(css).and_then(|e| s.text(&e)).unwrap_or_default()
}

/// Runs xdotool and returns what it printed.
pub fn xdotool(args: &[&str]) -> String {
    let out = Command::new("xdotool").args(args).output().expect("xdotool (scripts/setup.sh installs it)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The app's visible X windows, oldest first: searched by its process id, not by title, because
/// other tests' apps run on the same display at the same time (waits for one with `sync`).
pub fn app_windows(app: &App, sync: bool) -> Vec<String> {
    let pid = app.pid().expect("the app's pid").to_string();
    let mut args = vec!["search"];
    if sync {
        args.push("--sync");
    }
    args.extend(["--onlyvisible", "--pid", &pid]);
    xdotool(&args).lines().map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()).collect()
}

/// Quits the app as a session logout does (SIGTERM) and waits for the process to end.
pub fn quit(app: &App) {
    let pid = app.pid().expect("the app's pid");
    Command::new("kill").args(["-TERM", &pid.to_string()]).status().expect("kill");
    assert!(app.wait_exited(WAIT), "the app quit");
}

/// Sends `event` with `payload` (to component `cid`, else the root) to the page's view straight
/// through Tauri, bypassing the bridge — as page code of the app's own, another window or a
/// background job might; returns the error code, if any.
pub fn outside_event(s: &Session, event: &str, payload: Value, cid: Option<u64>) -> Option<String> {
    let out = s
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             const id = document.querySelector('[data-lv-id]').getAttribute('data-lv-id');\
             const req = {viewId: id, ref: 1, event: arguments[0], payload: arguments[1]};\
             if (arguments[2] !== null) req.cid = arguments[2];\
             window.__TAURI_INTERNALS__.invoke('plugin:golivekit|event', req)\
               .then(() => done(null), (e) => done(e && e.code ? e.code : JSON.stringify(e)));",
            json!([event, payload, cid]),
        )
        .expect("invoke");
    out.as_str().map(str::to_owned)
}

/// Clicks the editor's "New window" button and switches to the window it opens (its editor
/// loaded); returns the first window's handle.
pub fn open_second_editor(s: &Session) -> String {
    let first = s.window_handle().expect("handle");
    s.click(&s.find("#new-window").expect("new window")).expect("open a window");
    let second = s
        .wait(WAIT, "a second window", || s.window_handles().ok().and_then(|h| h.into_iter().find(|w| *w != first)))
        .expect("second window");
    s.switch_to_window(&second).expect("switch");
    s.wait_for("#body", WAIT).expect("its editor");
    first
}

/// The screen point at the centre of the element `css` of the app's page.
pub fn screen_point(app: &App, css: &str) -> (i64, i64) {
    let s = app.session();
    let rect = s
        .execute(
            "const r = document.querySelector(arguments[0]).getBoundingClientRect();\
             return [r.left + r.width / 2, r.top + r.height / 2, window.innerWidth, window.innerHeight];",
            json!([css]),
        )
        .expect("rect");
    let num = |i: usize| rect[i].as_f64().expect("a number");
    let pid = app.pid().expect("pid").to_string();
    let window = xdotool(&["search", "--onlyvisible", "--pid", &pid]);
    let window = window.lines().last().expect("the app's X window").to_owned();
    let geometry = xdotool(&["getwindowgeometry", "--shell", &window]);
    let field = |name: &str| -> f64 {
        geometry
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}=")))
            .and_then(|v| v.trim().parse().ok())
            .expect("geometry")
    };
    // The webview sits at the bottom of the window, under the menu bar.
    let (left, top) = (field("X") + field("WIDTH") - num(2), field("Y") + field("HEIGHT") - num(3));
    ((left + num(0)) as i64, (top + num(1)) as i64)
}

/// Calls the Tauri command `cmd` with `args` from page JavaScript, as a hostile page script
/// could, and returns why it was refused; panics if it was allowed.
pub fn refused_to_page(s: &Session, cmd: &str, args: Value) -> String {
    let got = s
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])\
               .then((v) => done({ok: v}), (e) => done({err: String(e)}));",
            json!([cmd, args]),
        )
        .expect("invoke");
    assert!(got.get("ok").is_none(), "{cmd} was allowed: {got}");
    got.get("err").and_then(|e| e.as_str()).unwrap_or_default().to_owned()
}

/// The native confirmation dialog titled `title` (a GTK window, Cancel left and OK right on its
/// bottom row), answered with a click on one of its buttons.
pub fn answer_native_dialog(title: &str, ok: bool) {
    let id = xdotool(&["search", "--sync", "--onlyvisible", "--name", &format!("^{title}$")]);
    let id = id.lines().next().unwrap_or_default().trim().to_owned();
    assert!(!id.is_empty(), "no native dialog titled {title:?} appeared");
    let geometry = xdotool(&["getwindowgeometry", "--shell", &id]);
    let field = |name: &str| -> i64 {
        geometry.lines().find_map(|l| l.strip_prefix(&format!("{name}="))?.parse().ok()).unwrap_or(0)
    };
    let (x, y, w, h) = (field("X"), field("Y"), field("WIDTH"), field("HEIGHT"));
    let bx = if ok { x + 3 * w / 4 } else { x + w / 4 };
    xdotool(&["mousemove", &bx.to_string(), &(y + h - 18).to_string(), "click", "1"]);
}
/// The X id of this test's app window (its title starts with "GoliveKit").
fn app_window(app: &App) -> String {
    // This app's window, found by its process: a window of the app before it may still be on the
    // display while that app shuts down (a keystroke sent to it would be lost for this test).
    let pid = app.pid().expect("the app's pid").to_string();
    let mut id = xdotool(&["search", "--sync", "--onlyvisible", "--pid", &pid, "--name", "GoliveKit"]);
    if id.trim().is_empty() {
        id = xdotool(&["search", "--sync", "--onlyvisible", "--name", "GoliveKit"]);
    }
    let id = id.lines().next().unwrap_or_default().trim().to_owned();
    assert!(!id.is_empty(), "no app window on the display");
    id
}

/// The window that has the X input focus now.
fn focused_window() -> String {
    xdotool(&["getwindowfocus"]).trim().to_owned()
}

/// Gives window `id` the X input focus and checks that it has it (a few tries: there is no
/// window manager under Xvfb, so nothing else hands the focus over).
fn focus(id: &str) {
    for _ in 0..10 {
        xdotool(&["windowactivate", "--sync", id]);
        xdotool(&["windowfocus", "--sync", id]);
        if focused_window() == id {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("window {id} did not get the input focus (it is on {})", describe(&focused_window()));
}

/// A window for a failure message: its id, name and process.
fn describe(id: &str) -> String {
    let name = xdotool(&["getwindowname", id]);
    let pid = xdotool(&["getwindowpid", id]);
    format!("window {id} {:?} of pid {}", name.trim(), pid.trim())
}

/// The app's top-level window, focused, and its origin.
pub fn focus_app_window(app: &App) -> (i64, i64) {
    let id = app_window(app);
    focus(&id);
    let geometry = xdotool(&["getwindowgeometry", "--shell", &id]);
    let field = |name: &str| -> i64 {
        geometry.lines().find_map(|l| l.strip_prefix(&format!("{name}="))?.parse().ok()).unwrap_or(0)
    };
    (field("X"), field("Y"))
}

/// Presses `keys` (xdotool's syntax: `ctrl+n`) in this test's app window as a user does — real
/// X input to the focused window, so that GTK's menu accelerators see it — and waits for `done`
/// to give its effect.
///
/// The focus is checked right before the key. When [`KEY_RETRY`] passes without the effect, the
/// app's count of menu events (the `stats` test hook, with `--test-hooks`) says which side lost
/// the key: if the app received a menu event and nothing happened, the test fails (a bug in the
/// app); if it received none, X lost the key and it is pressed once more, with a
/// `KEYSTROKE PRESSED AGAIN` warning on stderr — twice in clean-clone and CI runs of the whole
/// suite (never in ~30 warm runs) an accelerator had no effect, cause unknown. Without the hook
/// the key is pressed again all the same. No effect after the second press fails the test.
pub fn press_in_app<T>(app: &App, keys: &str, what: &str, done: impl Fn() -> Option<T>) -> T {
    let before = menu_events(app);
    for attempt in 1..=2 {
        // Found again for each press: in one clean-clone run of the whole suite the window found
        // for the first press was gone by the second (no name, no pid; the focus elsewhere).
        let id = app_window(app);
        focus(&id);
        xdotool(&["key", "--clearmodifiers", keys]);
        let after = focused_window();
        if let Some(out) = poll(if attempt == 1 { KEY_RETRY } else { WAIT }, &done) {
            return out;
        }
        let focus = describe(&after);
        let received = menu_events(app);
        if let (Some(b), Some(r)) = (before, received) {
            if r != b {
                // The app got the key: give a slow machine the full wait before calling it an app bug.
                if let Some(out) = poll(WAIT, &done) {
                    return out;
                }
                panic!("{keys}: the app received {} menu event(s) and there is still no {what}", r - b);
            }
        }
        if attempt == 2 {
            panic!(
                "{keys}, pressed twice in {}, had no effect (focus after the key: {focus}): no {what}",
                describe(&id)
            );
        }
        eprintln!(
            "KEYSTROKE PRESSED AGAIN: {keys} in {} had no effect after {KEY_RETRY:?} and the app counted no \
             menu event ({received:?}; focus right after the key: {focus}); waiting for {what}",
            describe(&id)
        );
    }
    unreachable!("the second attempt returns or panics")
}

/// `done()` as soon as it is `Some`, checked every 50 ms for up to `wait`.
fn poll<T>(wait: Duration, done: &impl Fn() -> Option<T>) -> Option<T> {
    let deadline = std::time::Instant::now() + wait;
    loop {
        if let Some(out) = done() {
            return Some(out);
        }
        if std::time::Instant::now() >= deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The app's count of menu events received (the `stats` test hook; `None` without `--test-hooks`).
pub fn menu_events(app: &App) -> Option<u64> {
    let s = app.session();
    let got = s
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             const root = document.querySelector('[data-lv-id]');\
             if (!root) return done(null);\
             window.__TAURI_INTERNALS__.invoke('plugin:golivekit|stats', {viewId: root.getAttribute('data-lv-id')})\
               .then((s) => done(s.menuEvents), () => done(null));",
            json!([]),
        )
        .ok()?;
    got.as_u64()
}

/// How long [`press_in_app`] waits for a key's effect before pressing it again.
pub const KEY_RETRY: Duration = Duration::from_secs(8);
