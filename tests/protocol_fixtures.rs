//! The shared protocol fixtures (`tests/fixtures/protocol/*.json`), from the Rust side: every valid
//! message round-trips through its Rust type unchanged, every invalid one is refused, and every
//! patch with a `dom` case turns `before` into `after`. `ui-bridge/test/protocol.test.mjs` loads
//! the same files on the JS side.

use golivekit::protocol::{
    CloseRequest, ConfirmReply, ConfirmRequest, ConnectReply, ErrorBody, EventReply, EventRequest, FlushedRequest,
    Patch, ResyncReply, ResyncRequest, ServerMessage,
};
use golivekit::testing::{apply_patch, normalize};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

fn fixtures() -> Vec<(String, Value)> {
    golivekit_e2e::fixtures::load("protocol", 20)
}

/// Parses `json` as `T`; when it parses, it must serialize back to exactly `json`.
fn roundtrip<T: DeserializeOwned + Serialize>(json: &Value) -> Result<(), String> {
    let parsed: T = serde_json::from_value(json.clone()).map_err(|e| e.to_string())?;
    let back = serde_json::to_value(&parsed).map_err(|e| e.to_string())?;
    if &back != json {
        return Err(format!("not canonical: {json} came back as {back}"));
    }
    Ok(())
}

#[test]
fn every_fixture_is_accepted_or_refused_as_marked() {
    for (name, fx) in fixtures() {
        let json = &fx["json"];
        let result = match fx["kind"].as_str().expect("kind") {
            "event_request" => roundtrip::<EventRequest>(json),
            "event_reply" => roundtrip::<EventReply>(json),
            "connect_reply" => roundtrip::<ConnectReply>(json),
            "error" => roundtrip::<ErrorBody>(json),
            "server_message" => roundtrip::<ServerMessage>(json),
            "patch" => roundtrip::<Patch>(json),
            "resync_request" => roundtrip::<ResyncRequest>(json),
            "resync_reply" => roundtrip::<ResyncReply>(json),
            "confirm_request" => roundtrip::<ConfirmRequest>(json),
            "confirm_reply" => roundtrip::<ConfirmReply>(json),
            "close_request" => roundtrip::<CloseRequest>(json),
            "flushed_request" => roundtrip::<FlushedRequest>(json),
            other => panic!("{name}: unknown kind {other}"),
        };
        let valid = fx.get("valid").and_then(Value::as_bool).unwrap_or(true);
        match (valid, result) {
            (true, Err(e)) => panic!("{name}: should be accepted: {e}"),
            (false, Ok(())) => panic!("{name}: should be refused"),
            _ => {}
        }
    }
}

#[test]
fn invalid_event_requests_map_to_bad_payload() {
    for (name, fx) in fixtures() {
        if fx["kind"] == "event_request" && fx["valid"] == false {
            let bytes = serde_json::to_vec(&fx["json"]).expect("bytes");
            let err = EventRequest::from_json(&bytes).expect_err(&name);
            assert_eq!(err.code(), "bad_payload", "{name}");
        }
    }
}

#[test]
fn patch_fixtures_turn_before_into_after() {
    let mut checked = 0;
    for (name, fx) in fixtures() {
        let Some(dom) = fx.get("dom") else { continue };
        let patch: Patch = serde_json::from_value(fx["json"].clone()).expect("patch");
        let before = dom["before"].as_str().expect("before");
        let after = dom["after"].as_str().expect("after");
        assert_eq!(normalize(&apply_patch(before, &patch)), normalize(after), "{name}");
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} dom cases");
}

#[test]
fn runtime_errors_serialize_to_the_error_fixture_shape() {
    let body = golivekit::Error::UnknownView("nope".into()).to_body();
    let fx = fixtures().into_iter().find(|(n, _)| n == "error_unknown_view").expect("fixture").1;
    assert_eq!(serde_json::to_value(body).expect("json"), fx["json"]);
}
