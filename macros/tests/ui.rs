//! Compile-fail tests: each file in `tests/ui/` is a template or an event the compiler must refuse,
//! with its message snapshotted next to it (`.stderr`) so a change in wording or in the token an
//! error points at shows up in review. `TRYBUILD=overwrite cargo test -p golivekit-macros --test ui`
//! rewrites the snapshots.

#[test]
fn templates_and_events_the_compiler_refuses() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
