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

use crate::util::{text, xdotool, WAIT};

/// The GTK drag source, with the screen point of its button.
struct DragSource {
    child: Child,
    at: (i64, i64),
}

impl DragSource {
    fn start(files: &[&PathBuf]) -> Self {
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

/// The screen point at the centre of the element `css` of the app's page.
fn screen_point(app: &App, css: &str) -> (i64, i64) {
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

/// Presses on the drag source's button and moves, in small steps, to `to`; calls `over` there
/// with the button still held, then releases.
fn drag(source: &DragSource, to: (i64, i64), over: impl FnOnce()) {
    let (x0, y0) = source.at;
    xdotool(&["mousemove", "--sync", &x0.to_string(), &y0.to_string()]);
    xdotool(&["mousedown", "1"]);
    let steps = 24;
    for i in 1..=steps {
        let x = x0 + (to.0 - x0) * i / steps;
        let y = y0 + (to.1 - y0) * i / steps;
        xdotool(&["mousemove", &x.to_string(), &y.to_string()]);
        std::thread::sleep(Duration::from_millis(40));
    }
    // A last small move over the target, so that the drop site has seen the pointer there.
    xdotool(&["mousemove", &(to.0 + 2).to_string(), &(to.1 + 1).to_string()]);
    std::thread::sleep(Duration::from_millis(150));
    over();
    xdotool(&["mouseup", "1"]);
}

fn sample(name: &str, body: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("golivekit-e2e-drop-{}", std::process::id()));
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
    drag(&source, zone, || {
        hovered = s
            .wait(Duration::from_secs(5), "lv-drop-active", || {
                has_class(s, "#dropzone", "lv-drop-active").then_some(())
            })
            .is_ok();
    });
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
    let heading = screen_point(&app, "h1");
    drag(&source, heading, || {});
    std::thread::sleep(Duration::from_millis(1500));
    assert!(s.find("#imported").is_err(), "nothing was imported");
    assert_eq!(text(s, "[data-slot=shown]"), before, "the page is as it was");
    // The page still works: the next drop, on the zone, imports.
    drop(source);
    let source = DragSource::start(&[&file]);
    drag(&source, screen_point(&app, "#dropzone"), || {});
    s.wait_for_text("#imported .dropped", file.to_str().expect("utf-8"), WAIT).expect("a drop on the zone works");
    let _ = std::fs::remove_dir_all(file.parent().expect("dir"));
}
