//! Desktop notifications (issue 15, item 5): "Remind me in 2 s" on the clock page sends a real
//! notification over D-Bus two seconds later — received here by a fake notification service
//! (`tools/notification_server.py`, what a desktop's notification daemon is) — and the page says
//! it was sent. Needs the D-Bus session bus `scripts/test.sh` provides.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use golivekit_e2e::App;

use crate::util::WAIT;

/// `golivekit_examples::clock::REMIND_TITLE`: the reminder's title.
const REMIND_TITLE: &str = "GoliveKit clock";

#[test]
fn a_reminder_reaches_the_desktops_notification_service() {
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "no D-Bus session bus: run the e2e tests under dbus-run-session (scripts/test.sh does)"
    );
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/e2e/tools/notification_server.py");
    let mut server = Command::new("/usr/bin/python3")
        .arg(script)
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 with GTK's Gio (scripts/setup.sh installs python3-gi)");
    let (tx, rx) = mpsc::channel();
    let out = server.stdout.take().expect("stdout");
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    assert_eq!(rx.recv_timeout(WAIT).ok().as_deref(), Some("ready"), "the fake service owns its name");
    let app = App::launch("/clock").expect("launch");
    let s = app.session();
    let remind = s.wait_for("#remind", WAIT).expect("the clock");
    s.click(&remind).expect("remind me");
    let got = rx.recv_timeout(Duration::from_secs(15)).expect("a notification within 15 s");
    let fields: Vec<&str> = got.trim_start_matches("notify ").split('|').collect();
    assert_eq!(fields.get(1).copied(), Some(REMIND_TITLE), "{got}");
    assert!(fields.get(2).is_some_and(|b| b.starts_with("It is ") && b.ends_with(" UTC.")), "{got}");
    s.wait_for_text("[data-slot=reminder]", "Notified.", WAIT).expect("the page says it was sent");
    let _ = server.kill();
    let _ = server.wait();
}
