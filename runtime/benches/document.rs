//! First documents (issue 16, item 4): what a window opening on a route, or a reload, pays before
//! the webview gets its document — mount, first render, the runtime's parse and snapshot of it,
//! and the document's HTML — for a 1,000-row table, through [`LiveRuntime::document`] as the plugin
//! calls it. Next to it, the parts on their own (render, parse, snapshot) to say where the time
//! goes.
//!
//! Run: `cargo bench -p golivekit --bench document` (`-- --test` runs each once).

// `criterion_group!` generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use golivekit::diff::Snapshot;
use golivekit::{component, html, BaseComponent, Component, Context, LiveRuntime, Renderer, Router};

mod common;
use common::{users, User};

/// A 1,000-row keyed table, as the search example shows one.
struct Table {
    base: BaseComponent,
    rows: Vec<User>,
}

impl Default for Table {
    fn default() -> Self {
        Table { base: BaseComponent::default(), rows: users(1000) }
    }
}

#[component]
impl Component for Table {
    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        html! {
            <div data-live-view="table">
                <h1>"Users"</h1>
                <table>
                    <tbody data-list="rows">
                        for u in &self.rows key = u.id {
                            <tr>
                                <td>{u.id}</td>
                                <td>{u.name}</td>
                                <td>{u.email}</td>
                                <td class="status">{if u.active { "active" } else { "away" }}</td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
        }
        .into()
    }
}

fn benches(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio");
    let live = LiveRuntime::new(Router::new().route("/a", Table::default).route("/b", Table::default));
    let doc = rt.block_on(live.document("main", "/a", ""));
    assert_eq!(doc.status, 200);
    assert_eq!(doc.html.matches("<tr ").count(), 1000, "the document holds the table");

    // Each request navigates to the other route: the window's view ends, a new one mounts.
    let mut flip = false;
    c.bench_function("table 1000 rows: first document (mount)", |b| {
        b.iter(|| {
            flip = !flip;
            let path = if flip { "/b" } else { "/a" };
            rt.block_on(live.document("main", black_box(path), "")).html.len()
        })
    });
    // The same route again: a reload, the live view renders again.
    let path = if flip { "/b" } else { "/a" };
    c.bench_function("table 1000 rows: document on reload", |b| {
        b.iter(|| rt.block_on(live.document("main", black_box(path), "")).html.len())
    });
    // A page that missed a version asks for the whole root (`resync`).
    let id = rt.block_on(live.document("main", path, "")).view_id.expect("a live view");
    c.bench_function("table 1000 rows: resync", |b| {
        b.iter(|| rt.block_on(live.resync("main", black_box(&id))).expect("resync").v)
    });

    let html = common::table_html(&users(1000));
    c.bench_function("table 1000 rows: parse only (document parts)", |b| {
        b.iter(|| golivekit::dom::parse_with_spans(black_box(&html)).0.len())
    });
    c.bench_function("table 1000 rows: parse + snapshot (document parts)", |b| {
        b.iter(|| Snapshot::from_html(black_box(&html)).expect("snapshot"))
    });
    rt.block_on(live.shutdown());
}

criterion_group!(document, benches);
criterion_main!(document);
