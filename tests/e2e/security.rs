//! Defence in depth: even markup that reached the DOM cannot run inline script, because the
//! document is served with the CSP from `tauri.conf.json`.

use std::time::Duration;

use golivekit_e2e::App;
use serde_json::json;

const WAIT: Duration = Duration::from_secs(20);

#[test]
fn inline_event_handlers_are_blocked_by_the_csp() {
    let app = App::launch("/counter").expect("launch");
    let s = app.session();
    s.wait_for("[data-slot=count]", WAIT).expect("counter");
    s.execute(
        "window.__ran = false; const d = document.createElement('div');\
         d.innerHTML = '<img src=\"data:,x\" onerror=\"window.__ran = true\">'; document.body.append(d);",
        json!([]),
    )
    .expect("inject");
    // Wait until the image has failed to load (its error fired or not), then check nothing ran.
    s.wait(WAIT, "the image to settle", || {
        s.execute("const i = document.querySelector('img[onerror]'); return i && i.complete", json!([]))
            .ok()?
            .as_bool()?
            .then_some(())
    })
    .expect("image settled");
    let ran = s.execute("return window.__ran", json!([])).expect("read");
    assert_eq!(ran, json!(false), "an inline handler ran: the CSP is missing");
}
