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
  // Attributes in name order: their order means nothing, and the runtime writes them sorted.
  for (const el of t.content.querySelectorAll('*')) {
    const attrs = Array.from(el.attributes, (a) => [a.namespaceURI, a.localName, a.name, a.value]);
    for (const [ns, local] of attrs) el.removeAttributeNS(ns, local);
    attrs.sort((x, y) => (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0));
    for (const [ns, , name, value] of attrs) el.setAttributeNS(ns, name, value);
  }
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

/// Element identity in WebKit (issue 12, item 4): the focused input of the corpus case
/// `id_keeps_its_node_when_its_parent_changes_tag`, typed into, is the same node after the patch
/// changes its parent's tag — still focused, with the user's text and selection.
#[test]
fn a_focused_input_whose_parent_changes_tag_keeps_its_node_focus_text_and_selection_in_webkit() {
    let case = corpus()
        .into_iter()
        .find(|c| c["name"] == "id_keeps_its_node_when_its_parent_changes_tag")
        .expect("the identity case");
    let app = App::launch("/").expect("launch");
    let s = app.session();
    s.wait_for("[data-live-view=home]", WAIT).expect("page");
    let got = s
        .execute(
            "const c = arguments[0];\
             const host = document.createElement('div'); document.body.appendChild(host);\
             host.innerHTML = c.from; const root = host.firstElementChild;\
             const input = root.querySelector('#title'); input.focus();\
             input.value = 'Draft two'; input.dispatchEvent(new Event('input', {bubbles: true}));\
             input.setSelectionRange(2, 4);\
             window.__golivekit.applyPatch(root, c.patch);\
             const now = root.querySelector('#title');\
             const out = [now === input, document.activeElement === input, input.value,\
               input.selectionStart, input.selectionEnd, input.parentElement.parentElement.nodeName];\
             host.remove(); return out;",
            json!([case]),
        )
        .expect("run");
    assert_eq!(got, json!([true, true, "Draft two", 2, 4, "SECTION"]));
}
