//! The shared JSON fixtures under `tests/fixtures/<kind>/`, loaded the same way by every Rust
//! test that checks them (the JS tests load the same files).

use std::path::PathBuf;

use serde_json::Value;

/// Every `*.json` file of `tests/fixtures/<kind>/` as `(name without extension, parsed JSON)`,
/// sorted by name.
///
/// # Panics
/// If the folder or a file cannot be read or parsed, or if fewer than `at_least` files are
/// there (a corpus that went missing must fail, not pass vacuously).
pub fn load(kind: &str, at_least: usize) -> Vec<(String, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(kind);
    let mut out: Vec<(String, Value)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("fixture dir {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read fixture");
            let name = p.file_stem().expect("file stem").to_string_lossy().into_owned();
            let json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name} is not JSON: {e}"));
            (name, json)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= at_least, "{kind} fixtures went missing: {} of at least {at_least}", out.len());
    out
}
