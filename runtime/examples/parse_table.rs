//! Parses the 1,000-row table of `benches/diff.rs` 20 times with `dom::parse_fragment` — a fixed
//! amount of work for instruction counts, which this shared VM measures far more steadily than
//! wall time (`docs/CONFORMANCE.md`):
//!
//! ```sh
//! cargo build --release -p golivekit --example parse_table
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/parse_table
//! ```
//!
//! `parse_table svg` parses a table whose rows each hold an inline SVG icon instead.

use std::fmt::Write as _;

use golivekit::dom::parse_fragment;

fn table(rows: usize, svg: bool) -> String {
    let mut out =
        String::from(r#"<div data-live-view="table" data-lv-id="lv1"><h1>Users</h1><table><tbody data-list="rows">"#);
    for i in 0..rows {
        let icon = if svg {
            r#"<svg viewBox="0 0 16 16" class="icon"><path d="M0 0h16v16H0z"/><circle cx="8" cy="8" r="4"/></svg>"#
        } else {
            ""
        };
        let _ = write!(
            out,
            r#"<tr data-key="r{i}"><td>{i}</td><td>{icon}Name {i}</td><td>user{i}@example.com</td><td class="status">active</td></tr>"#
        );
    }
    out + "</tbody></table></div>"
}

fn main() {
    let svg = std::env::args().nth(1).is_some_and(|a| a == "svg");
    let html = table(1000, svg);
    let mut elements = 0;
    for _ in 0..20 {
        elements += std::hint::black_box(parse_fragment(std::hint::black_box(&html))).len();
    }
    println!("{} bytes, {elements} top-level nodes", html.len());
}
