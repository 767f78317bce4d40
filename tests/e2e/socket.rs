//! `Socket::send` and `Socket::redirect` as the page sees them.

use std::time::Duration;

use golivekit_e2e::App;
use serde_json::json;

const WAIT: Duration = Duration::from_secs(20);

/// A push arrives as an `lv:<event>` DOM event on the root, carrying the payload.
#[test]
fn socket_send_arrives_as_a_dom_event_on_the_root() {
    let app = App::launch("/socket").expect("launch");
    let s = app.session();
    s.wait_for("[data-live-view=socket]", WAIT).expect("view");
    s.execute(
        "window.__pongs = []; document.querySelector('[data-live-view]')\
         .addEventListener('lv:pong', (e) => window.__pongs.push(e.detail));",
        json!([]),
    )
    .expect("listen");
    let ping = s.find("button[lv-click=ping]").expect("ping");
    s.click(&ping).expect("click");
    s.click(&ping).expect("click");
    s.wait_for_text("[data-slot=pings]", "2", WAIT).expect("two pings");
    let pongs = s
        .wait(WAIT, "two pongs", || {
            let v = s.execute("return window.__pongs", json!([])).ok()?;
            (v.as_array()?.len() == 2).then_some(v)
        })
        .expect("pongs");
    assert_eq!(pongs, json!([{"n": 1}, {"n": 2}]));
    s.wait_for_text("#pong-hook", "The hook saw pong 2", WAIT).expect("a hook's handleEvent got the push");
}

/// A redirect takes the window to the target route, with a freshly mounted view there.
#[test]
fn socket_redirect_shows_the_target_route() {
    let app = App::launch("/socket").expect("launch");
    let s = app.session();
    let go = s.wait_for("button[lv-click=go_counter]", WAIT).expect("button");
    s.click(&go).expect("click");
    s.wait_for_text("[data-live-view=counter] [data-slot=count]", "0", WAIT).expect("counter shown");
    assert!(s.current_url().expect("url").ends_with("/counter"));
    let plus = s.find("button[lv-click=increment]").expect("+");
    s.click(&plus).expect("click +");
    s.wait_for_text("[data-slot=count]", "1", WAIT).expect("the new view is live");
}
