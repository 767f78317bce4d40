//! One instance (issue 15, item 5): launching the app again while it runs hands the second
//! launch's arguments to the first — its start page shows them — and the second process exits at
//! once, opening no window. Needs a D-Bus session bus on Linux (`scripts/test.sh` runs the tests
//! under `dbus-run-session`).

use std::process::Command;
use std::time::{Duration, Instant};

use golivekit_e2e::{app_binary, App};

use crate::util::{app_windows, text, WAIT};

#[test]
fn a_second_launch_hands_its_arguments_to_the_first_and_exits() {
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "no D-Bus session bus: run the e2e tests under dbus-run-session (scripts/test.sh does)"
    );
    let id = format!("golivekit.e2e.single.p{}", std::process::id());
    let app = App::launch_with("/", &["--instance-id", &id]).expect("launch");
    let s = app.session();
    s.wait_for("[data-live-view=home]", WAIT).expect("the start page");
    // The first instance's windows, found by its pid: other tests' apps share the display.
    let windows_before = app_windows(&app, true).len();
    let started = Instant::now();
    let second = Command::new(app_binary())
        .args(["/counter", "--hello", "notes.md", "--instance-id", &id])
        .output()
        .expect("a second launch");
    assert!(second.status.success(), "the second launch exits with success: {second:?}");
    assert!(started.elapsed() < Duration::from_secs(15), "and at once ({:?})", started.elapsed());
    s.wait(WAIT, "the first instance to show the arguments", || {
        let shown = text(s, "#second-launch code");
        (!shown.is_empty()).then_some(shown)
    })
    .map(|shown| assert_eq!(shown, format!("/counter --hello notes.md --instance-id {id}")))
    .expect("the start page shows the second launch's arguments");
    // A window of the second process would have kept it running; the first opened none either.
    let windows_after = app_windows(&app, false).len();
    assert_eq!(windows_after, windows_before, "the second launch opened no window");
}
