//! Diff cases in the corpus format (`from.html`, `to.html`, `patch.json`; see
//! `tests/fixtures/diff/README.md`) that only Rust checks, in `runtime/tests/diff_rust_only/`:
//! - leading newlines in `pre`, `listing`, `textarea`: the jsdom check of the corpus re-parses the
//!   patched root's `outerHTML` (and not `to.html`), and jsdom's serializer does not double a
//!   leading newline, so the DOM side loses one whatever the patch;
//! - `noscript` with escaped markup: jsdom runs with scripting off (`runScripts: 'outside-only'`),
//!   where `noscript` is not raw text; the webview runs with scripting on.
//!
//! Regenerate `patch.json` with `UPDATE_FIXTURES=1 cargo test -p golivekit --test diff_rust_only`.

use std::path::{Path, PathBuf};

use golivekit::diff::{diff, Snapshot};
use golivekit::protocol::Patch;
use golivekit::testing::{apply_patch, normalize};

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diff_rust_only");
    let mut cases: Vec<PathBuf> =
        std::fs::read_dir(&dir).expect("dir").map(|e| e.expect("entry").path()).filter(|p| p.is_dir()).collect();
    cases.sort();
    cases
}

fn read(case: &Path, file: &str) -> String {
    std::fs::read_to_string(case.join(file))
        .unwrap_or_else(|e| panic!("{}/{file}: {e}", case.display()))
        .trim()
        .to_owned()
}

fn patch_of(from: &str, to: &str) -> Patch {
    let mut patch = diff(&Snapshot::from_html(from).expect("from"), &Snapshot::from_html(to).expect("to"));
    patch.v = 1;
    patch
}

#[test]
fn every_patch_turns_from_into_to_and_is_current() {
    let update = std::env::var_os("UPDATE_FIXTURES").is_some_and(|v| v == "1");
    assert!(cases().len() >= 6);
    for case in cases() {
        let (from, to) = (read(&case, "from.html"), read(&case, "to.html"));
        let patch = patch_of(&from, &to);
        assert_eq!(normalize(&apply_patch(&from, &patch)), normalize(&to), "case {}: {patch:?}", case.display());
        for html in [&from, &to] {
            let snap = Snapshot::from_html(html).expect("snapshot");
            assert!(diff(&snap, &snap).is_empty(), "{}", case.display());
        }
        let json = serde_json::to_string_pretty(&patch).expect("json") + "\n";
        if update {
            std::fs::write(case.join("patch.json"), &json).expect("write");
        } else {
            assert_eq!(read(&case, "patch.json"), json.trim(), "{}: stale patch.json", case.display());
        }
    }
}
