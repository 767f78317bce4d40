//! The tray icon (issue 15, item 5) in the real app under Xvfb: a fake desktop panel
//! (`tools/tray_watcher.py`, an org.kde.StatusNotifierWatcher on the session bus) sees the app's
//! StatusNotifierItem register, reads its menu over com.canonical.dbusmenu and clicks items as a
//! panel does: New note reaches the editor as the app menu's `new` command; Show window gives the
//! window back the focus another window took; Quit quits gracefully (the editor's `terminate(Shutdown)` runs).

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use golivekit_e2e::App;
use serde_json::{json, Value};

use crate::util::{text, xdotool, WAIT};

/// The fake panel: the script's stdin, and its output lines.
struct Panel {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<String>,
}

impl Panel {
    fn start() -> Self {
        assert!(
            std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
            "no D-Bus session bus: run the e2e tests under dbus-run-session (scripts/test.sh does)"
        );
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/e2e/tools/tray_watcher.py");
        let mut child = Command::new("/usr/bin/python3")
            .arg(script)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 with GTK's Gio (scripts/setup.sh installs python3-gi)");
        let stdin = child.stdin.take().expect("stdin");
        let out = child.stdout.take().expect("stdout");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let panel = Panel { child, stdin, lines };
        assert_eq!(panel.next("ready").as_deref(), Some("ready"), "the fake panel owns the watcher name");
        panel
    }

    /// The next output line starting with `prefix` (others are skipped), within [`WAIT`].
    fn next(&self, prefix: &str) -> Option<String> {
        let deadline = std::time::Instant::now() + WAIT;
        while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) if line.starts_with(prefix) => return Some(line),
                Ok(_) => continue,
                Err(_) => return None,
            }
        }
        None
    }

    fn ask(&mut self, command: &str) {
        writeln!(self.stdin, "{command}").and_then(|()| self.stdin.flush()).expect("write to the fake panel");
    }
}

impl Drop for Panel {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A GTK window titled "elsewhere", open for 30 s.
const OTHER_WINDOW: &str = "import gi; gi.require_version('Gtk', '3.0'); from gi.repository import Gtk, GLib; \
    w = Gtk.Window(title='elsewhere'); w.set_default_size(200, 100); w.show_all(); \
    GLib.timeout_add_seconds(30, Gtk.main_quit); Gtk.main()";

/// Whether the page's window has the keyboard focus.
fn focused(s: &golivekit_e2e::Session) -> bool {
    s.execute("return document.hasFocus()", json!([])).ok() == Some(Value::from(true))
}

#[test]
fn the_tray_menu_reaches_the_view_brings_the_window_back_and_quits_gracefully() {
    let mut panel = Panel::start();
    let journal = std::env::temp_dir().join(format!("golivekit-e2e-tray-{}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&journal);
    let app = App::launch_with("/editor", &["--journal", journal.to_str().expect("utf-8")]).expect("launch");
    let s = app.session();
    s.wait_for("#body", WAIT).expect("the editor");
    let pid = app.pid().expect("the app's pid");
    // Other apps of the suite may register too: wait for ours.
    let mine = format!("item {pid} ");
    assert!(panel.next(&mine).is_some(), "the app's tray icon registered with the panel");
    panel.ask(&format!("labels {pid}"));
    let labels = panel.next("labels ").expect("the tray menu's labels");
    assert_eq!(labels, "labels Show window|New note|Quit", "separators have no label");

    panel.ask(&format!("click {pid} New note"));
    assert_eq!(panel.next("clicked").as_deref(), Some("clicked New note"));
    s.wait(WAIT, "the new note", || s.find("li[data-key=n4]").ok()).expect("New note reached the editor");
    assert!(text(s, "[data-slot=log]").contains("new:4"), "{}", text(s, "[data-slot=log]"));

    // Another window takes the focus (there is no window manager under Xvfb to minimize to).
    let mut other = Command::new("/usr/bin/python3")
        .args(["-c", OTHER_WINDOW])
        .spawn()
        .expect("python3 with GTK (scripts/setup.sh installs python3-gi, gir1.2-gtk-3.0)");
    let id = xdotool(&["search", "--sync", "--onlyvisible", "--name", "^elsewhere$"]);
    let id = id.lines().next().unwrap_or_default().trim().to_owned();
    xdotool(&["windowfocus", "--sync", &id]);
    s.wait(WAIT, "the app window to lose the focus", || (!focused(s)).then_some(())).expect("focus elsewhere");
    panel.ask(&format!("click {pid} Show window"));
    s.wait(WAIT, "the app window to come back", || focused(s).then_some(())).expect("Show window focused it");
    let _ = other.kill();
    let _ = other.wait();

    panel.ask(&format!("click {pid} Quit"));
    assert!(app.wait_exited(WAIT), "Quit quit the app");
    let ended = std::fs::read_to_string(&journal).unwrap_or_default();
    assert!(ended.contains("\"reason\":\"Shutdown\""), "terminate(Shutdown) ran: {ended}");
    std::thread::sleep(Duration::from_millis(100));
    let _ = std::fs::remove_file(&journal);
}
