//! The diff fixture corpus (`tests/fixtures/diff/<case>/{from,to}.html`, see its README), from
//! the Rust side: for every case, applying `diff(from, to)` to `from` gives `to` (as normalized
//! trees), `diff(to, to)` is empty, and the checked-in `patch.json` — which the JS tests apply
//! with the real client — is exactly what the diff produces. `UPDATE_FIXTURES=1` rewrites the
//! `patch.json` files instead of failing on a difference.

use std::path::{Path, PathBuf};

use golivekit::diff::{diff, Snapshot};
use golivekit::protocol::Patch;
use golivekit::testing::{apply_patch, normalize};

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/diff");
    let mut cases: Vec<PathBuf> =
        std::fs::read_dir(&dir).expect("corpus dir").map(|e| e.expect("entry").path()).filter(|p| p.is_dir()).collect();
    cases.sort();
    cases
}

fn read(case: &Path, file: &str) -> String {
    let text = std::fs::read_to_string(case.join(file)).unwrap_or_else(|e| panic!("{}/{file}: {e}", case.display()));
    text.trim().to_owned()
}

/// The patch a case produces, with `v` 1 as the first patch after connect would have.
fn patch_of(from: &str, to: &str) -> Patch {
    let mut patch = diff(&Snapshot::from_html(from).expect("from"), &Snapshot::from_html(to).expect("to"));
    patch.v = 1;
    patch
}

#[test]
fn corpus_has_at_least_forty_cases() {
    assert!(corpus().len() >= 40, "only {} cases", corpus().len());
}

#[test]
fn every_corpus_patch_turns_from_into_to() {
    for case in corpus() {
        let (from, to) = (read(&case, "from.html"), read(&case, "to.html"));
        let patch = patch_of(&from, &to);
        assert_eq!(normalize(&apply_patch(&from, &patch)), normalize(&to), "case {}: {patch:?}", case.display());
    }
}

#[test]
fn every_corpus_document_diffs_empty_against_itself() {
    for case in corpus() {
        for file in ["from.html", "to.html"] {
            let html = read(&case, file);
            let snap = Snapshot::from_html(&html).expect("snapshot");
            assert!(diff(&snap, &snap).is_empty(), "{}/{file}", case.display());
        }
    }
}

#[test]
fn checked_in_patches_match_the_diff() {
    let update = std::env::var_os("UPDATE_FIXTURES").is_some_and(|v| v == "1");
    for case in corpus() {
        let patch = patch_of(&read(&case, "from.html"), &read(&case, "to.html"));
        let json = serde_json::to_string_pretty(&patch).expect("json") + "\n";
        let path = case.join("patch.json");
        if update {
            std::fs::write(&path, &json).expect("write patch.json");
            continue;
        }
        let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(checked_in, json, "{} is stale: run with UPDATE_FIXTURES=1", path.display());
    }
}
