//! Render + diff benchmarks (issues 4 and 6): the counter, a 1,000-row table where one row
//! changes, and a ~100 KB document. Each measures what a view does after an event: render the
//! component's HTML, diff it against the last render ([`Rendered::update`]: re-parse only the
//! changed slot or row), serialize the patch. Before measuring, prints the patch bytes next to the
//! full HTML bytes.
//!
//! Also measured: the full path (parse, snapshot and diff the whole render, as before
//! `Rendered`), the table's parts (parse, snapshot, diff, render alone), and how patch bytes and
//! time grow with the table from 10 to 10,000 rows when one row changes (issue 6).
//!
//! Run: `cargo bench -p golivekit --bench diff` (`-- --test` runs each once).

// `criterion_group!` generates an undocumented public function.
#![allow(missing_docs)]

use std::fmt::Write;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use golivekit::diff::{diff, Rendered, Snapshot};

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

/// Renders `render(flip)` and diffs it against the last render, alternating between two versions
/// so that every iteration is one change.
fn incremental(rendered: &mut Rendered, flip: &mut bool, render: impl Fn(bool) -> String) -> usize {
    *flip = !*flip;
    let patch = rendered.update(render(*flip), Snapshot::from_html).expect("update");
    serde_json::to_string(&patch).expect("json").len()
}

fn rendered(html: String) -> Rendered {
    let snapshot = Snapshot::from_html(&html).expect("snapshot");
    Rendered::new(html, snapshot)
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
    // (The tree is taken apart by the snapshot: each run gets its own copy, made outside the timing.)
    c.bench_function("table 1000 rows: snapshot only", |b| {
        b.iter_batched(|| root.clone(), |tree| Snapshot::from_tree(tree).expect("s"), BatchSize::LargeInput)
    });
    let prev = Snapshot::from_html(&table(1000, None)).expect("table");
    let next = Snapshot::of(root).expect("s");
    c.bench_function("table 1000 rows: diff only", |b| b.iter(|| diff(&prev, black_box(&next))));
    c.bench_function("table 1000 rows: render only", |b| b.iter(|| table(1000, black_box(Some(500))).len()));

    let (mut r, mut flip) = (rendered(counter(0)), false);
    c.bench_function("counter render+diff", |b| b.iter(|| incremental(&mut r, &mut flip, |f| counter(f.into()))));
    let (mut r, mut flip) = (rendered(table(1000, None)), false);
    c.bench_function("table 1000 rows, one changed: render+diff", |b| {
        b.iter(|| incremental(&mut r, &mut flip, |f| table(1000, f.then_some(500))))
    });
    let (mut r, mut flip) = (rendered(big(0)), false);
    c.bench_function("100 KB document render+diff", |b| b.iter(|| incremental(&mut r, &mut flip, |f| big(f.into()))));

    let prev = Snapshot::from_html(&counter(0)).expect("counter");
    c.bench_function("counter render+diff, full parse", |b| b.iter(|| render_and_diff(&prev, black_box(&counter(1)))));
    let prev = Snapshot::from_html(&table(1000, None)).expect("table");
    c.bench_function("table 1000 rows, one changed: render+diff, full parse", |b| {
        b.iter(|| render_and_diff(&prev, black_box(&table(1000, Some(500)))))
    });
    let prev = Snapshot::from_html(&big(0)).expect("big");
    c.bench_function("100 KB document render+diff, full parse", |b| {
        b.iter(|| render_and_diff(&prev, black_box(&big(1))))
    });

    for rows in [10, 100, 1000, 10_000] {
        let mut r = rendered(table(rows, None));
        let bytes = incremental(&mut r, &mut false, |_| table(rows, Some(rows / 2)));
        println!("scaling: {rows} rows, one changed: full HTML {} B, patch {bytes} B", table(rows, None).len());
        let (mut r, mut flip) = (rendered(table(rows, None)), false);
        c.bench_function(&format!("scaling {rows} rows, one changed: render+diff"), |b| {
            b.iter(|| incremental(&mut r, &mut flip, |f| table(rows, f.then_some(rows / 2))))
        });
        c.bench_function(&format!("scaling {rows} rows: render only"), |b| {
            b.iter(|| table(rows, black_box(Some(rows / 2))).len())
        });
        let versions = [table(rows, None), table(rows, Some(rows / 2))];
        // The floor for a diff that looks at every byte: one memcmp of the whole render.
        let copy = versions[0].clone();
        c.bench_function(&format!("scaling {rows} rows: memcmp of the render"), |b| {
            b.iter(|| black_box(&versions[0]) == black_box(&copy))
        });
        let (mut r, mut flip) = (rendered(versions[0].clone()), false);
        c.bench_function(&format!("scaling {rows} rows, one changed: diff only"), |b| {
            b.iter_batched(
                || {
                    flip = !flip;
                    versions[usize::from(flip)].clone()
                },
                |html| r.update(html, Snapshot::from_html).expect("update"),
                BatchSize::LargeInput,
            )
        });
    }
}

criterion_group! {
    name = diff_benches;
    config = Criterion::default().sample_size(20).warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
    targets = benches
}
criterion_main!(diff_benches);
