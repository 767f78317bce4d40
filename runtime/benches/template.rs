//! `html!` against `write_html!` (issue 14): the counter and a 1,000-row table rendered both ways
//! (the same markup: checked before measuring), and render + diff with one row changed
//! ([`Rendered::update`], which re-parses only the changed row).
//!
//! Run: `cargo bench -p golivekit --bench template` (`-- --test` runs each once).

// `criterion_group!` generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use golivekit::diff::{Rendered, Snapshot};
use golivekit::{html, write_html, Html};

fn counter_write_html(count: i64) -> String {
    let mut w = Html::new();
    write_html!(
        w,
        r#"<div data-live-view="counter" class="counter"><h1>Counter</h1><p class="count">Count: <span data-slot="count">{}</span></p><button lv-click="decrement" aria-label="decrement">−</button> <button lv-click="increment" aria-label="increment">+</button><p><a href="/">← All examples</a></p></div>"#,
        count
    )
    .expect("render");
    w.into_string()
}

fn counter_html(count: i64) -> String {
    let mut w = Html::new();
    html!(w,
        <div data-live-view="counter" class="counter">
            <h1>"Counter"</h1>
            <p class="count">"Count: " <span slot:count>{count}</span></p>
            <button lv-click="decrement" aria-label="decrement">"−"</button>
            " "
            <button lv-click="increment" aria-label="increment">"+"</button>
            <p><a href="/">"← All examples"</a></p>
        </div>
    )
    .expect("render");
    w.into_string()
}

mod common;
use common::{table_html, users, User, CAPACITY};

fn table_write_html(rows: &[User]) -> String {
    let mut w = Html::with_capacity(CAPACITY);
    write_html!(w, r#"<div data-live-view="table"><h1>Users</h1><table><tbody data-list="rows">"#).expect("w");
    for u in rows {
        write_html!(
            w,
            r#"<tr data-key="{}"><td>{}</td><td>{}</td><td>{}</td><td class="status">{}</td></tr>"#,
            u.id,
            u.id,
            u.name,
            u.email,
            if u.active { "active" } else { "away" }
        )
        .expect("w");
    }
    write_html!(w, "</tbody></table></div>").expect("w");
    w.into_string()
}

fn rendered(html: String) -> Rendered {
    let snapshot = Snapshot::from_html(&html).expect("snapshot");
    Rendered::new(html, snapshot)
}

fn benches(c: &mut Criterion) {
    assert_eq!(counter_html(7), counter_write_html(7), "the two counters write the same markup");
    let mut rows = users(1000);
    assert_eq!(table_html(&rows), table_write_html(&rows), "the two tables write the same markup");

    c.bench_function("counter render: write_html!", |b| b.iter(|| counter_write_html(black_box(7)).len()));
    c.bench_function("counter render: html!", |b| b.iter(|| counter_html(black_box(7)).len()));
    c.bench_function("table 1000 rows render: write_html!", |b| b.iter(|| table_write_html(black_box(&rows)).len()));
    c.bench_function("table 1000 rows render: html!", |b| b.iter(|| table_html(black_box(&rows)).len()));

    for (name, render) in [
        ("table 1000 rows, one changed: render+diff, write_html!", table_write_html as fn(&[User]) -> String),
        ("table 1000 rows, one changed: render+diff, html!", table_html),
    ] {
        let mut r = rendered(render(&rows));
        let mut flip = false;
        c.bench_function(name, |b| {
            b.iter(|| {
                flip = !flip;
                rows[500].name = if flip { "Name 500 (edited)".into() } else { "Name 500".into() };
                let patch = r.update(render(&rows), Snapshot::from_html).expect("update");
                serde_json::to_string(&patch).expect("json").len()
            })
        });
    }
}

criterion_group! {
    name = template;
    config = Criterion::default();
    targets = benches
}
criterion_main!(template);
