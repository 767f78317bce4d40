//! The diff corpus (`tests/fixtures/diff/`) in the real WebKitGTK webview: each case's `from.html`
//! is parsed by WebKit, its `patch.json` applied with the bridge's own `applyPatch`, and the result
//! must equal `to.html` as WebKit parses it. The Rust and jsdom suites run the same corpus; this
//! checks that the real engine agrees with both.

use std::path::PathBuf;
use std::time::Duration;

use golivekit_e2e::App;
use serde_json::{json, Value};

const WAIT: Duration = Duration::from_secs(20);

fn corpus() -> Vec<Value> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/diff");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok().filter(|e| e.path().is_dir()).map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    let read = |name: &str, file: &str| {
        std::fs::read_to_string(dir.join(name).join(file)).expect("fixture file").trim().to_owned()
    };
    names
        .iter()
        .map(|n| {
            let patch: Value = serde_json::from_str(&read(n, "patch.json")).expect("patch is JSON");
            json!({"name": n, "from": read(n, "from.html"), "to": read(n, "to.html"), "patch": patch})
        })
        .collect()
}

/// Runs in the page: returns the names of cases whose result differs, with both sides.
const RUN: &str = r#"
const cases = arguments[0];
const canon = (html) => {
  const t = document.createElement('template');
  t.innerHTML = html;
  for (const list of t.content.querySelectorAll('[data-list]'))
    for (const n of Array.from(list.childNodes)) if (n.nodeType === 3 && n.nodeValue.trim() === '') n.remove();
  return t.innerHTML;
};
const failed = [];
for (const c of cases) {
  const host = document.createElement('div');
  host.innerHTML = c.from;
  const root = host.firstElementChild;
  try {
    window.__golivekit.applyPatch(root, c.patch);
    const got = canon(root.outerHTML), want = canon(c.to);
    if (got !== want) failed.push({ name: c.name, got, want });
  } catch (e) {
    failed.push({ name: c.name, error: String(e) });
  }
}
return { ran: cases.length, failed };
"#;

#[test]
fn every_diff_corpus_case_applies_exactly_in_webkit() {
    let cases = corpus();
    assert!(cases.len() >= 40, "corpus went missing: {}", cases.len());
    let app = App::launch("/").expect("launch");
    let s = app.session();
    s.wait_for("[data-live-view=home]", WAIT).expect("page");
    s.wait(WAIT, "the bridge", || s.execute("return !!window.__golivekit", json!([])).ok()?.as_bool().filter(|b| *b))
        .expect("bridge loaded");
    let result = s.execute(RUN, json!([cases])).expect("run corpus");
    assert_eq!(result["ran"], json!(cases.len()));
    assert_eq!(result["failed"], json!([]), "cases that WebKit applies differently");
}
