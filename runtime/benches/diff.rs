//! Render + diff benchmarks (issue 4): the counter, a 1,000-row table where one row changes, and
//! a ~100 KB document. Each measures what a view does after an event: render the component's HTML,
//! parse it, snapshot it, diff it against the previous snapshot. Before measuring, prints the
//! patch bytes next to the full HTML bytes.
//!
//! The table is also measured in parts (parse, snapshot, diff) to show where the time goes.
//!
//! Run: `cargo bench -p golivekit --bench diff` (`-- --test` runs each once).

// `criterion_group!` generates an undocumented public function.
#![allow(missing_docs)]

use std::fmt::Write;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use golivekit::diff::{diff, Snapshot};

fn counter(n: i64) -> String {
    format!(
        r#"<div data-live-view="counter" class="counter" data-lv-id="lv1">
  <h1>Counter</h1>
  <p class="count">Count: <span data-slot="count">{n}</span></p>
  <button lv-click="decrement" aria-label="decrement">−</button>
  <button lv-click="increment" aria-label="increment">+</button>
  <p><a href="/">← All examples</a></p>
</div>"#
    )
}

fn row(out: &mut String, i: usize, changed: bool) {
    let mark = if changed { " (edited)" } else { "" };
    let _ = write!(
        out,
        r#"<tr data-key="r{i}"><td>{i}</td><td>Name {i}{mark}</td><td>user{i}@example.com</td><td class="status">active</td></tr>"#
    );
}

fn table(rows: usize, changed: Option<usize>) -> String {
    let mut out =
        String::from(r#"<div data-live-view="table" data-lv-id="lv1"><h1>Users</h1><table><tbody data-list="rows">"#);
    for i in 0..rows {
        row(&mut out, i, Some(i) == changed);
    }
    out + "</tbody></table></div>"
}

/// ~100 KB of mixed content: sections with slots, paragraphs and a list; one slot changes.
fn big(version: usize) -> String {
    let mut out = String::from(r#"<div data-live-view="doc" data-lv-id="lv1">"#);
    for s in 0..340 {
        let v = if s == 170 { version } else { 0 };
        let _ = write!(
            out,
            r#"<section class="card"><h2>Section {s}</h2><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor &amp; more.</p><p>Status: <b data-slot="st{s}">v{v}</b></p><ul data-list="l{s}"><li data-key="a">Alpha</li><li data-key="b">Beta</li><li data-key="c">Gamma</li></ul></section>"#
        );
    }
    out + "</div>"
}

fn render_and_diff(prev: &Snapshot, html: &str) -> usize {
    let next = Snapshot::from_html(html).expect("snapshot");
    let patch = diff(prev, &next);
    serde_json::to_string(&patch).expect("json").len()
}

fn figures(name: &str, before: &str, after: &str, changed: &str) {
    let prev = Snapshot::from_html(before).expect("before");
    let bytes = render_and_diff(&prev, after);
    println!("{name}: full HTML {} B, patch {bytes} B, changed part {} B", after.len(), changed.len());
}

fn benches(c: &mut Criterion) {
    let mut changed_row = String::new();
    row(&mut changed_row, 500, true);
    figures("counter", &counter(0), &counter(1), "1");
    figures("table 1000 rows, one changed", &table(1000, None), &table(1000, Some(500)), &changed_row);
    figures("100 KB document, one slot changed", &big(0), &big(1), "v1");

    let t = table(1000, Some(500));
    c.bench_function("table 1000 rows: parse only", |b| b.iter(|| golivekit::dom::parse_fragment(black_box(&t)).len()));
    let nodes = golivekit::dom::parse_fragment(&t);
    let golivekit::dom::Node::Element(root) = &nodes[0] else { panic!() };
    c.bench_function("table 1000 rows: snapshot only", |b| b.iter(|| Snapshot::of(black_box(root)).expect("s")));
    let prev = Snapshot::from_html(&table(1000, None)).expect("table");
    let next = Snapshot::of(root).expect("s");
    c.bench_function("table 1000 rows: diff only", |b| b.iter(|| diff(&prev, black_box(&next))));
    let prev = Snapshot::from_html(&counter(0)).expect("counter");
    c.bench_function("counter render+diff", |b| b.iter(|| render_and_diff(&prev, black_box(&counter(1)))));
    let prev = Snapshot::from_html(&table(1000, None)).expect("table");
    c.bench_function("table 1000 rows, one changed: render+diff", |b| {
        b.iter(|| render_and_diff(&prev, black_box(&table(1000, Some(500)))))
    });
    let prev = Snapshot::from_html(&big(0)).expect("big");
    c.bench_function("100 KB document render+diff", |b| b.iter(|| render_and_diff(&prev, black_box(&big(1)))));
}

criterion_group! {
    name = diff_benches;
    config = Criterion::default().sample_size(20).warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
    targets = benches
}
criterion_main!(diff_benches);
