//! External links (issue 15, item 5): a click on an `https://` link in a page opens it outside
//! the app (the demo app's `--links-log FILE` writes it there instead of starting a browser) and
//! the app's window stays on its page; page JavaScript cannot call the opener or fs plugins.

use std::time::Duration;

use golivekit_e2e::App;
use serde_json::json;

use crate::util::{refused_to_page, WAIT};

#[test]
fn an_external_link_opens_outside_and_the_page_stays() {
    let log = std::env::temp_dir().join(format!("golivekit-e2e-links-{}.log", std::process::id()));
    let _ = std::fs::remove_file(&log);
    let app = App::launch_with("/", &["--links-log", log.to_str().expect("utf-8")]).expect("launch");
    let s = app.session();
    let link = s.wait_for("#tauri-link", WAIT).expect("the start page");
    let before = s.current_url().expect("url");
    s.click(&link).expect("click the link");
    let opened = s
        .wait(WAIT, "the link to be opened outside", || {
            std::fs::read_to_string(&log).ok().filter(|l| !l.trim().is_empty())
        })
        .expect("opened");
    assert_eq!(opened.trim(), "https://tauri.app/");
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(s.current_url().expect("url"), before, "the window stays on the app's page");
    assert!(s.find("[data-live-view=home]").is_ok(), "and shows it");
    // A navigation from page code goes the same way.
    s.execute("location.href = 'https://example.com/from-script';", json!([])).expect("script");
    s.wait(WAIT, "the script's URL outside", || {
        std::fs::read_to_string(&log).ok().filter(|l| l.contains("https://example.com/from-script"))
    })
    .expect("opened");
    assert_eq!(s.current_url().expect("url"), before);
    let _ = std::fs::remove_file(&log);
}

#[test]
fn page_javascript_cannot_call_the_opener_or_fs_plugins() {
    let app = App::launch("/").expect("launch");
    let s = app.session();
    s.wait_for("#tauri-link", WAIT).expect("the start page");
    let secret = std::env::temp_dir().join(format!("golivekit-e2e-secret-{}.txt", std::process::id()));
    std::fs::write(&secret, "secret").expect("write");
    for (cmd, args) in [
        ("plugin:opener|open_url", json!({"url": "https://example.com/"})),
        ("plugin:opener|open_path", json!({"path": "/tmp"})),
        ("plugin:fs|read_text_file", json!({"path": secret.to_str().expect("utf-8")})),
        ("plugin:fs|read_dir", json!({"path": "/"})),
        ("plugin:fs|write_text_file", json!({"path": secret.to_str().expect("utf-8"), "data": "pwned"})),
    ] {
        let err = refused_to_page(s, cmd, args);
        assert!(err.contains("not allowed") || err.contains("not found"), "{cmd} refused for the wrong reason: {err}");
    }
    assert_eq!(std::fs::read_to_string(&secret).expect("read"), "secret", "nothing was written");
    let _ = std::fs::remove_file(&secret);
}
