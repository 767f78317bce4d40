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

/// A subresource (here an image) that asks for a route path gets no document: the window's view
/// is not remounted or terminated, and keeps counting.
#[test]
fn subresource_requests_for_a_route_do_not_replace_the_view() {
    let app = App::launch("/counter").expect("launch");
    let s = app.session();
    s.wait_for("[data-slot=count]", WAIT).expect("counter");
    let loaded = s
        .execute_async(
            "const done = arguments[0]; const img = new Image();\
             img.onload = () => done('loaded'); img.onerror = () => done('error'); img.src = '/counter';",
            json!([]),
        )
        .expect("image request");
    assert_eq!(loaded, json!("error"), "a route is not an image");
    let plus = s.find("button[lv-click=increment]").expect("+");
    s.click(&plus).expect("click +");
    s.wait_for_text("[data-slot=count]", "1", WAIT).expect("the same view still answers");
}
