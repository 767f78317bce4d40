//! Bad input from the page gets a typed `{code, message}` error, and the app keeps working.

use std::time::Duration;

use golivekit_e2e::App;
use serde_json::{json, Value};

const WAIT: Duration = Duration::from_secs(20);

/// Calls a plugin command from the page and returns `{ok}` or `{err}`.
const INVOKE: &str = r#"
const [cmd, args, done] = arguments;
window.__TAURI_INTERNALS__.invoke('plugin:golivekit|' + cmd, args)
  .then((ok) => done({ ok: ok === undefined ? null : ok }), (err) => done({ err }));
"#;

fn invoke(app: &App, cmd: &str, args: Value) -> Value {
    app.session().execute_async(INVOKE, json!([cmd, args])).expect("script ran")
}

#[test]
fn bad_ipc_input_gets_typed_errors_and_the_counter_keeps_counting() {
    let app = App::launch("/counter").expect("launch");
    let s = app.session();
    s.wait_for("[data-slot=count]", WAIT).expect("counter");
    let view_id = s.execute("return document.querySelector('[data-live-view]').dataset.lvId", json!([])).expect("id");

    let unknown = invoke(&app, "event", json!({"viewId": "nope", "ref": 1, "event": "increment", "payload": {}}));
    assert_eq!(unknown["err"]["code"], "unknown_view", "{unknown}");
    assert!(unknown["err"]["message"].as_str().is_some_and(|m| m.contains("nope")));

    let malformed = invoke(&app, "event", json!({"viewId": view_id, "ref": 1, "event": "increment", "payload": [1]}));
    assert_eq!(malformed["err"]["code"], "bad_payload", "{malformed}");

    let unknown_event = invoke(&app, "event", json!({"viewId": view_id, "ref": 2, "event": "explode", "payload": {}}));
    assert_eq!(unknown_event["err"]["code"], "unknown_event", "{unknown_event}");

    let plus = s.find("button[lv-click=increment]").expect("+");
    s.click(&plus).expect("click +");
    s.wait_for_text("[data-slot=count]", "1", WAIT).expect("still counting");
}
