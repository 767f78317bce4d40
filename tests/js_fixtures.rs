//! The shared JS-command fixtures (`tests/fixtures/js/*.json`) from the Rust side: every valid
//! attribute parses into [`golivekit::Js`] and serializes back to exactly the same string (so what
//! Rust renders is what the client's tests run), and every invalid one is refused.
//! `ui-bridge/test/` runs the same files through the client.

use golivekit::Js;
use serde_json::Value;

fn fixtures() -> Vec<(String, Value)> {
    golivekit_e2e::fixtures::load("js", 15)
}

#[test]
fn valid_js_command_fixtures_are_exactly_what_rust_renders() {
    for (name, fx) in fixtures().into_iter().filter(|(_, fx)| fx["valid"] != Value::Bool(false)) {
        let json = fx["json"].as_str().unwrap_or_else(|| panic!("{name}: `json` is a string"));
        let js = Js::parse(json).unwrap_or_else(|e| panic!("{name}: Rust refuses {json}: {e}"));
        assert_eq!(js.to_string(), json, "{name}: Rust would render it differently");
    }
}

#[test]
fn invalid_js_command_fixtures_are_refused_by_rust() {
    let invalid: Vec<_> = fixtures().into_iter().filter(|(_, fx)| fx["valid"] == Value::Bool(false)).collect();
    assert!(invalid.len() >= 3, "keep some invalid cases");
    for (name, fx) in invalid {
        let json = fx["json"].as_str().unwrap_or_default();
        assert!(Js::parse(json).is_err(), "{name}: Rust accepts {json}");
    }
}
