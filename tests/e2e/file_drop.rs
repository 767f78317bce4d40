//! Files dropped from outside the app (issue 15, item 3), as a user drops them from a file
//! manager: a real XDND drag from a small GTK window (`tools/drag_source.py`) under Xvfb, driven
//! with xdotool, onto the `/files` page. A drop on the `lv-drop` zone imports the file (its path
//! and first lines shown, the path from the native drop); the zone carries `lv-drop-active` while
//! the files hover over it; a drop elsewhere on the page does nothing.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use golivekit_e2e::{App, Session};
use serde_json::json;

use crate::util::{outside_event, screen_point, text, xdotool, WAIT};

/// The GTK drag source, with the screen point of its button.
pub(crate) struct DragSource {
    child: Child,
    at: (i64, i64),
}

impl DragSource {
    /// Starts the drag source offering `files`.
    pub(crate) fn start(files: &[&PathBuf]) -> Self {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/e2e/tools/drag_source.py");
        let mut child = Command::new("/usr/bin/python3")
            .arg(script)
            .args(["1080", "700"])
            .args(files.iter().map(|f| f.as_os_str()))
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 with GTK (scripts/setup.sh installs python3-gi, gir1.2-gtk-3.0)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("ready line");
        let mut words = line.split_whitespace().skip(1).map(|w| w.parse::<i64>().expect("a coordinate"));
        let at = (words.next().expect("x"), words.next().expect("y"));
        DragSource { child, at }
    }
}

impl Drop for DragSource {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Moves the pointer from `from` to `to` in small steps (a held button makes it a drag).
fn glide(from: (i64, i64), to: (i64, i64)) {
    let steps = 24;
    for i in 1..=steps {
        let x = from.0 + (to.0 - from.0) * i / steps;
        let y = from.1 + (to.1 - from.1) * i / steps;
        xdotool(&["mousemove", &x.to_string(), &y.to_string()]);
        std::thread::sleep(Duration::from_millis(40));
    }
    // A last small move, so that the drop site has seen the pointer there.
    xdotool(&["mousemove", &(to.0 + 2).to_string(), &(to.1 + 1).to_string()]);
    std::thread::sleep(Duration::from_millis(150));
}

/// Presses on the drag source's button and drags through `points` in turn, calling `at` with
/// each point's index when the pointer is there (the button still held); releases at the last.
pub(crate) fn drag(source: &DragSource, points: &[(i64, i64)], mut at: impl FnMut(usize)) {
    let (x0, y0) = source.at;
    xdotool(&["mousemove", "--sync", &x0.to_string(), &y0.to_string()]);
    xdotool(&["mousedown", "1"]);
    let mut from = source.at;
    for (i, &to) in points.iter().enumerate() {
        glide(from, to);
        at(i);
        from = to;
    }
    xdotool(&["mouseup", "1"]);
}

fn sample(name: &str, body: &str) -> PathBuf {
    // A folder per file: the tests run at once and each removes its own.
    let stem = name.split('.').next().unwrap_or(name).replace(' ', "-");
    let dir = std::env::temp_dir().join(format!("golivekit-e2e-drop-{stem}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join(name);
    std::fs::write(&file, body).expect("write");
    file
}

fn launch() -> App {
    let app = App::launch("/files").expect("launch");
    app.session().wait_for("#dropzone", WAIT).expect("the files example");
    app
}

/// Waits up to 5 s for the drop zone to carry `lv-drop-active`.
fn active(s: &Session) -> bool {
    s.wait(Duration::from_secs(5), "lv-drop-active", || has_class(s, "#dropzone", "lv-drop-active").then_some(()))
        .is_ok()
}

fn has_class(s: &Session, css: &str, class: &str) -> bool {
    s.execute("return document.querySelector(arguments[0]).classList.contains(arguments[1]);", json!([css, class]))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

#[test]
fn a_file_dropped_on_the_drop_zone_is_imported_with_its_real_path() {
    let file = sample("dropped note.md", "# Dropped by hand\n<b>not bold</b>\n");
    let app = launch();
    let s = app.session();
    let source = DragSource::start(&[&file]);
    let zone = screen_point(&app, "#dropzone");
    let mut hovered = false;
    drag(&source, &[zone], |_| hovered = active(s));
    let path = file.to_str().expect("utf-8");
    s.wait_for_text("#imported .dropped", path, WAIT).expect("the dropped file's path is shown");
    assert!(text(s, "#imported pre").contains("# Dropped by hand"), "its first lines are shown");
    assert!(text(s, "#imported pre").contains("<b>not bold</b>"), "as text, not markup");
    assert!(hovered, "the zone carried lv-drop-active while the file hovered over it");
    assert!(!has_class(s, "#dropzone", "lv-drop-active"), "and not after the drop");
    let _ = std::fs::remove_dir_all(file.parent().expect("dir"));
}

#[test]
fn a_file_dropped_outside_the_drop_zone_does_nothing() {
    let file = sample("elsewhere.md", "not imported\n");
    let app = launch();
    let s = app.session();
    let before = text(s, "[data-slot=shown]");
    let source = DragSource::start(&[&file]);
    let (zone, heading) = (screen_point(&app, "#dropzone"), screen_point(&app, "h1"));
    // Over the zone first (the drag is live: the zone lights up), then released on the heading.
    let mut lit = (false, true);
    drag(&source, &[zone, heading], |i| if i == 0 { lit.0 = active(s) } else { lit.1 = active(s) });
    assert!(lit.0, "the zone carried lv-drop-active while the file was over it");
    assert!(!lit.1, "and not once the file moved off it");
    std::thread::sleep(Duration::from_millis(1500));
    assert!(s.find("#imported").is_err(), "nothing was imported");
    assert_eq!(text(s, "[data-slot=shown]"), before, "the page is as it was");
    // The view still answers: an `import` with no files (as a drop of nothing would be) shows so.
    assert_eq!(outside_event(s, "import", json!({}), None), None);
    s.wait_for_text("#nothing", "Nothing chosen", WAIT).expect("the view is live");
    let _ = std::fs::remove_dir_all(file.parent().expect("dir"));
}
