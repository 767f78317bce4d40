//! The plugin through Tauri's real IPC path (command routing, ACL, argument handling, error
//! serialization) on Tauri's mock runtime: what the page sends, what it gets back.

mod common;

use common::{ended, Probe};
use golivekit_tauri::GoliveKitExt;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

type App = tauri::App<tauri::test::MockRuntime>;

fn app() -> (App, WebviewWindow<tauri::test::MockRuntime>) {
    let app = mock_builder()
        .plugin(golivekit_tauri::init(golivekit_examples::router()))
        .build(tauri::generate_context!(test = true))
        .expect("mock app");
    let url = tauri::WebviewUrl::CustomProtocol(golivekit_tauri::url("/counter"));
    let window = WebviewWindowBuilder::new(&app, "main", url).build().expect("window");
    (app, window)
}

fn mount(app: &App, path: &str) -> String {
    let doc = tauri::async_runtime::block_on(app.golivekit().document("main", path, ""));
    assert_eq!(doc.status, 200, "{}", doc.html);
    doc.view_id.expect("a view")
}

fn invoke(window: &WebviewWindow<tauri::test::MockRuntime>, cmd: &str, body: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: format!("plugin:golivekit|{cmd}"),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: golivekit_tauri::url("/counter"),
        body: InvokeBody::Json(body),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|b| b.deserialize::<Value>().expect("JSON reply"))
}

#[test]
fn event_round_trip_returns_the_count_patch() {
    let (app, window) = app();
    let id = mount(&app, "/counter");
    assert_eq!(invoke(&window, "connect", json!({"viewId": id, "channel": "__CHANNEL__:9"})), Ok(json!({"v": 0})));
    let reply = invoke(&window, "event", json!({"viewId": id, "ref": 1, "event": "increment", "payload": {}}));
    assert_eq!(reply, Ok(json!({"ref": 1, "v": 1, "patch": {"v": 1, "s": {"count": "1"}}})));
    let reply = invoke(&window, "event", json!({"viewId": id, "ref": 2, "event": "increment", "payload": {"by": "5"}}));
    assert_eq!(reply, Ok(json!({"ref": 2, "v": 2, "patch": {"v": 2, "s": {"count": "6"}}})));
}

fn code(result: Result<Value, Value>) -> String {
    let err = result.expect_err("an error");
    assert!(err["message"].as_str().is_some_and(|m| !m.is_empty()), "{err}");
    assert_eq!(err.as_object().map(|o| o.len()), Some(2), "exactly {{code, message}}: {err}");
    err["code"].as_str().expect("code").to_owned()
}

#[test]
fn unknown_view_is_a_typed_error() {
    let (_app, window) = app();
    let r = invoke(&window, "event", json!({"viewId": "nope", "ref": 1, "event": "increment", "payload": {}}));
    assert_eq!(code(r), "unknown_view");
    assert_eq!(code(invoke(&window, "connect", json!({"viewId": "nope", "channel": "__CHANNEL__:9"}))), "unknown_view");
    assert_eq!(code(invoke(&window, "leave", json!({"viewId": "nope"}))), "unknown_view");
}

#[test]
fn malformed_payloads_are_bad_payload_and_the_view_keeps_working() {
    let (app, window) = app();
    let id = mount(&app, "/counter");
    let bad = [
        json!({"viewId": id, "ref": 1, "event": "increment", "payload": [1, 2]}),
        json!({"viewId": id, "event": "increment"}),
        json!({"viewId": id, "ref": "one", "event": "increment", "payload": {}}),
        json!({"viewId": 7, "ref": 1, "event": "increment", "payload": {}}),
        json!("just a string"),
    ];
    for body in bad {
        assert_eq!(code(invoke(&window, "event", body.clone())), "bad_payload", "{body}");
    }
    assert_eq!(code(invoke(&window, "leave", json!({"view": id}))), "bad_payload");
    let ok = invoke(&window, "event", json!({"viewId": id, "ref": 9, "event": "increment", "payload": {}}));
    assert_eq!(ok.expect("still works")["patch"]["s"]["count"], "1");
}

#[test]
fn oversized_payload_is_refused_as_payload_too_large() {
    let (app, window) = app();
    let id = mount(&app, "/counter");
    let big = "x".repeat(golivekit::protocol::MAX_PAYLOAD_BYTES + 1);
    let r = invoke(&window, "event", json!({"viewId": id, "ref": 1, "event": "increment", "payload": {"blob": big}}));
    assert_eq!(code(r), "payload_too_large");
}

#[test]
fn unknown_event_is_a_typed_error_and_changes_nothing() {
    let (app, window) = app();
    let id = mount(&app, "/counter");
    let r = invoke(&window, "event", json!({"viewId": id, "ref": 1, "event": "explode", "payload": {}}));
    assert_eq!(code(r), "unknown_event");
    let ok = invoke(&window, "event", json!({"viewId": id, "ref": 2, "event": "decrement", "payload": {}}));
    assert_eq!(ok.expect("works")["patch"]["s"]["count"], "-1");
}

#[test]
fn leave_terminates_the_view() {
    let (app, window) = app();
    let id = mount(&app, "/counter");
    assert_eq!(invoke(&window, "leave", json!({"viewId": id})), Ok(Value::Null));
    assert_eq!(app.golivekit().live_views(), 0);
    let r = invoke(&window, "event", json!({"viewId": id, "ref": 1, "event": "increment", "payload": {}}));
    assert_eq!(code(r), "unknown_view");
}

/// Tauri's mock runtime emits no `Destroyed` window events (the runtime-level test
/// `closing_a_window_terminates_only_its_views` covers `close_window`); it does run the app loop to
/// its end when the last window goes, which is the path of quitting the app.
#[test]
fn quitting_the_app_terminates_every_view_with_shutdown() {
    let app = mock_builder()
        .plugin(golivekit_tauri::init(golivekit::Router::new().route("/", Probe::default)))
        .build(tauri::generate_context!(test = true))
        .expect("mock app");
    let windows: Vec<_> = ["a", "b"]
        .iter()
        .map(|l| WebviewWindowBuilder::new(&app, *l, Default::default()).build().expect("window"))
        .collect();
    for w in ["a", "b"] {
        assert_eq!(tauri::async_runtime::block_on(app.golivekit().document(w, "/", "")).status, 200);
    }
    // Destroyed once the loop runs: the mock runtime handles a window message sent before that
    // on the spot, without the "last window gone" exit, and the loop would then never end.
    let mut windows = Some(windows);
    app.run_return(move |_, event| {
        if let tauri::RunEvent::Ready = event {
            for w in windows.take().into_iter().flatten() {
                w.destroy().expect("destroy");
            }
        }
    });
    let mut ended = ended();
    ended.sort();
    assert_eq!(ended, [("a".into(), "Shutdown".into()), ("b".into(), "Shutdown".into())]);
}
