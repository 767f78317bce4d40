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
    assert_eq!(
        invoke(&window, "connect", json!({"viewId": id, "channel": "__CHANNEL__:9"})),
        Ok(json!({"v": 0, "page": 1}))
    );
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
fn a_typed_event_with_a_field_that_does_not_decode_is_bad_payload_naming_it() {
    // The counter's `Msg::Increment { by: Option<i64> }`, decoded before its handler runs.
    let (app, window) = app();
    let id = mount(&app, "/counter");
    let bad =
        invoke(&window, "event", json!({"viewId": id, "ref": 1, "event": "increment", "payload": {"by": "five"}}));
    let err = bad.expect_err("bad_payload");
    assert_eq!(err["code"], "bad_payload", "{err}");
    assert!(err["message"].as_str().is_some_and(|m| m.contains("`by`") && m.contains("increment")), "{err}");
    let ok = invoke(&window, "event", json!({"viewId": id, "ref": 2, "event": "increment", "payload": {"by": 3}}));
    assert_eq!(ok.expect("works")["patch"]["s"]["count"], "3", "the bad event changed nothing");
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

fn invoke_raw(window: &WebviewWindow<tauri::test::MockRuntime>, cmd: &str, body: Vec<u8>) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: format!("plugin:golivekit|{cmd}"),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: golivekit_tauri::url("/counter"),
        body: InvokeBody::Raw(body),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|b| b.deserialize::<Value>().expect("JSON reply"))
}

/// A value nested `depth` levels deep, built without recursion.
fn nested(depth: usize) -> Value {
    let mut v = json!(1);
    for i in 0..depth {
        v = if i % 2 == 0 { Value::Array(vec![v]) } else { json!({ "a": v }) };
    }
    v
}

/// Bodies that are wrong for every command: not objects, deep, huge, unknown fields.
fn hostile_bodies(id: &str) -> Vec<Value> {
    let huge = "x".repeat(golivekit::protocol::MAX_PAYLOAD_BYTES + 1);
    let mut bodies = vec![
        Value::Null,
        json!(true),
        json!(0),
        json!(-1.5),
        json!("a string"),
        json!([]),
        json!([{"viewId": id}]),
        json!({"viewId": id, "unexpected": 1, "ref": 1, "event": "increment", "payload": {}, "channel": "__CHANNEL__:1", "question": "?", "token": 1}),
        json!({"viewId": huge.clone()}),
        json!({"viewId": id, "question": huge.clone(), "event": huge, "token": 1}),
        // Tauri itself refuses JSON deeper than serde_json's 128 before any command runs; a parsed
        // body still cannot be deeper than 64 here (10,000 deep arrives as a raw body, below).
        json!({"viewId": nested(1_000)}),
        json!({"viewId": id, "payload": nested(1_000), "ref": 1, "event": "increment"}),
        json!({"viewId": id, "payload": nested(65), "ref": 1, "event": "increment"}),
        nested(200),
    ];
    for field in ["viewId", "ref", "event", "payload", "channel", "question", "token", "page"] {
        for wrong in [
            json!(null),
            json!([1]),
            json!({"x": 1}),
            json!(-7),
            json!(1e300),
            json!(""),
            json!("\u{0}\u{ffff}<script>"),
        ] {
            let mut body = json!({"viewId": id, "ref": 1, "event": "increment", "payload": {}, "channel": "__CHANNEL__:1", "question": "?", "token": 1});
            body[field] = wrong;
            bodies.push(body);
        }
    }
    bodies
}

/// Raw (non-JSON-parsed) bodies: garbage bytes, lone surrogates, truncated JSON, bad UTF-8.
fn hostile_raw() -> Vec<Vec<u8>> {
    vec![
        vec![],
        vec![0xff, 0xfe, 0x00],
        b"{".to_vec(),
        b"{\"viewId\":".to_vec(),
        br#"{"viewId":"\ud800"}"#.to_vec(),
        br#"{"viewId":"lv","ref":1,"event":"\udc00","payload":{},"question":"\ud800","token":1,"channel":"\ud800"}"#
            .to_vec(),
        "[".repeat(10_000).into_bytes(),
        format!("{{\"viewId\":\"{}\"}}", "y".repeat(golivekit::protocol::MAX_PAYLOAD_BYTES)).into_bytes(),
        b"\"viewId\"".to_vec(),
        b"null".to_vec(),
    ]
}

#[test]
fn every_command_answers_every_malformed_body_with_a_typed_error_and_keeps_serving() {
    let (app, window) = app();
    let id = mount(&app, "/counter");
    let commands = ["connect", "event", "resync", "leave", "stats", "confirm", "close", "flushed"];
    let mut checked = 0;
    for cmd in commands {
        let bodies = hostile_bodies(&id);
        let raws = hostile_raw();
        assert!(bodies.len() + raws.len() >= 50, "{cmd}: at least 50 malformed bodies");
        for body in bodies {
            let shown = clip(&body.to_string());
            let reply = invoke(&window, cmd, body);
            if let Err(err) = &reply {
                let c = code(Err(err.clone()));
                assert!(["bad_payload", "payload_too_large"].contains(&c.as_str()), "{cmd} {shown}: {err}");
            } else {
                panic!("{cmd} accepted a malformed body: {shown} → {reply:?}");
            }
            checked += 1;
        }
        for raw in raws {
            let c = code(invoke_raw(&window, cmd, raw.clone()));
            assert!(
                ["bad_payload", "payload_too_large"].contains(&c.as_str()),
                "{cmd} raw {:?}: {c}",
                clip(&String::from_utf8_lossy(&raw))
            );
            checked += 1;
        }
    }
    assert!(checked >= 50 * commands.len());
    assert_eq!(app.golivekit().live_views(), 1, "nothing was left or closed");
    let ok = invoke(&window, "event", json!({"viewId": id, "ref": 9, "event": "increment", "payload": {}}));
    assert_eq!(ok.expect("still works")["patch"]["s"]["count"], "1");
}

#[test]
fn a_command_the_plugin_does_not_have_is_refused_and_the_view_keeps_working() {
    let (app, window) = app();
    let id = mount(&app, "/counter");
    for cmd in ["nope", "Event", "event ", "", "connect|event"] {
        let reply = invoke(&window, cmd, json!({"viewId": id, "ref": 1, "event": "increment", "payload": {}}));
        assert!(reply.is_err(), "{cmd:?} was answered: {reply:?}");
    }
    let ok = invoke(&window, "event", json!({"viewId": id, "ref": 1, "event": "increment", "payload": {}}));
    assert_eq!(ok.expect("still works")["patch"]["s"]["count"], "1", "no refused call reached the view");
}

fn clip(s: &str) -> String {
    s.chars().take(80).collect()
}

#[test]
fn a_garbage_channel_is_bad_payload_not_an_untyped_tauri_error() {
    let (app, window) = app();
    let id = mount(&app, "/counter");
    for channel in [
        json!("nope"),
        json!("__CHANNEL__:"),
        json!("__CHANNEL__:-1"),
        json!("__CHANNEL__:99999999999"),
        json!(5),
        json!(null),
    ] {
        let r = invoke(&window, "connect", json!({"viewId": id, "channel": channel.clone()}));
        assert_eq!(code(r), "bad_payload", "{channel}");
    }
    assert_eq!(code(invoke(&window, "connect", json!({"viewId": id}))), "bad_payload", "missing channel");
}

#[test]
fn a_page_cannot_drive_or_end_another_windows_view() {
    let (app, window) = app();
    let url = tauri::WebviewUrl::CustomProtocol(golivekit_tauri::url("/counter"));
    let _other = WebviewWindowBuilder::new(&app, "other", url).build().expect("other window");
    let theirs = tauri::async_runtime::block_on(app.golivekit().document("other", "/counter", "")).view_id.expect("id");
    let body = json!({"viewId": theirs, "ref": 1, "event": "increment", "payload": {}});
    assert_eq!(code(invoke(&window, "event", body)), "unknown_view");
    assert_eq!(code(invoke(&window, "connect", json!({"viewId": theirs, "channel": "__CHANNEL__:3"}))), "unknown_view");
    assert_eq!(code(invoke(&window, "resync", json!({"viewId": theirs}))), "unknown_view");
    assert_eq!(code(invoke(&window, "leave", json!({"viewId": theirs}))), "unknown_view");
    assert_eq!(app.golivekit().views_in("other"), vec![theirs.clone()], "their view lives on");
    assert_eq!(app.golivekit().view_stats(&theirs).expect("stats").events, 0, "nothing reached it");
}

#[test]
fn an_event_tauri_sends_twice_is_applied_once() {
    let (app, window) = app();
    let id = mount(&app, "/counter");
    let page =
        invoke(&window, "connect", json!({"viewId": id, "channel": "__CHANNEL__:9"})).expect("connect")["page"].clone();
    let body = json!({"viewId": id, "page": page, "ref": 1, "event": "increment", "payload": {}});
    let first = invoke(&window, "event", body.clone()).expect("first");
    let again = invoke(&window, "event", body).expect("again");
    assert_eq!(first["patch"]["s"]["count"], "1");
    assert_eq!(again, json!({"ref": 1, "v": 1}), "acknowledged without a patch");
    let body = json!({"viewId": id, "page": 77, "ref": 2, "event": "increment", "payload": {}});
    assert_eq!(code(invoke(&window, "event", body)), "unknown_page");
}

#[test]
fn resync_returns_the_whole_root_at_the_current_version() {
    let (app, window) = app();
    let id = mount(&app, "/counter");
    invoke(&window, "event", json!({"viewId": id, "ref": 1, "event": "increment", "payload": {}})).expect("inc");
    let reply = invoke(&window, "resync", json!({"viewId": id})).expect("resync");
    assert_eq!(reply["v"], 1);
    assert_eq!(reply["patch"]["v"], 1);
    assert!(reply["patch"]["f"].as_str().is_some_and(|f| f.contains(r#"<span data-slot="count">1</span>"#)), "{reply}");
}

#[test]
fn stats_answer_only_when_the_app_turned_test_hooks_on() {
    let (app, window) = app();
    let id = mount(&app, "/counter");
    assert_eq!(code(invoke(&window, "stats", json!({"viewId": id}))), "test_hooks_off");
    let hooked = mock_builder()
        .plugin(golivekit_tauri::Builder::new(golivekit_examples::router()).test_hooks(true).build())
        .build(tauri::generate_context!(test = true))
        .expect("mock app");
    let url = tauri::WebviewUrl::CustomProtocol(golivekit_tauri::url("/counter"));
    let w = WebviewWindowBuilder::new(&hooked, "main", url).build().expect("window");
    let id = tauri::async_runtime::block_on(hooked.golivekit().document("main", "/counter", "")).view_id.expect("id");
    invoke(&w, "event", json!({"viewId": id, "ref": 1, "event": "increment", "payload": {}})).expect("inc");
    let stats = invoke(&w, "stats", json!({"viewId": id})).expect("stats");
    assert_eq!((&stats["events"], &stats["connects"]), (&json!(1), &json!(0)), "{stats}");
    assert!(stats["eventMicros"].as_u64().is_some(), "the runtime's time for the events: {stats}");
    assert_eq!(stats["menuEvents"], json!(0), "no menu item was chosen: {stats}");
    assert_eq!(stats["markupWarnings"], json!(0), "the counter renders no bad markup: {stats}");
}

#[test]
fn confirm_without_the_dialog_plugin_says_no_native_dialog() {
    let (_app, window) = app();
    assert_eq!(code(invoke(&window, "confirm", json!({"question": "Delete?"}))), "no_native_dialog");
}

/// A tray menu with two items of one id is refused when the app starts, naming the id (the app
/// menu's rule), instead of sending one item's clicks as the other's.
#[test]
fn a_tray_with_a_duplicate_item_id_fails_the_apps_setup() {
    use golivekit::menu::MenuItem;
    use golivekit::tray::Tray;
    let tray = Tray::new("t").item(MenuItem::new("new", "New")).item(MenuItem::new("new", "New again"));
    let plugin = golivekit_tauri::Builder::new(golivekit_examples::router()).tray(tray).build();
    let Err(err) = mock_builder().plugin(plugin).build(tauri::generate_context!(test = true)) else {
        panic!("a tray with a duplicate id was accepted");
    };
    assert!(err.to_string().contains("two menu items share the id `new`"), "{err}");
}
