//! The server's share of a keystroke in the webview bench's filter view: `handle_event`, render
//! of up to 1,000 rows, diff (list ops) and the patch as JSON — everything GoliveKit does between
//! the IPC request and its reply. Cycles through the probe's queries ("1", "12", "123", "12",
//! "1", ""), so the figure is the mean over one cycle's six keystrokes; the patch bytes of each
//! step are printed first. `keystroke_reply_spaced` times only each keystroke's wait for its
//! reply, with the view idle for 2 ms before each (as between typed keys).
//!
//! Run: `cargo bench -p golivekit-webview-bench --bench filter` (`-- --test` runs it once).

// `criterion_group!` generates an undocumented public function.
#![allow(missing_docs)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use golivekit::protocol::{EventReply, EventRequest};
use golivekit::testing::Discard;
use golivekit::{LiveRuntime, Payload};
use golivekit_webview_bench::{views, QUERIES};

/// The connected page: its view, its page id and the last ref it sent.
struct Page {
    id: String,
    page: golivekit::protocol::PageId,
    last_ref: std::cell::Cell<u64>,
}

async fn type_query(runtime: &LiveRuntime, page: &Page, q: &str) -> EventReply {
    let payload: Payload = [("value", q)].into_iter().collect();
    page.last_ref.set(page.last_ref.get() + 1);
    let mut req = EventRequest::new(&page.id, page.last_ref.get(), "filter", payload);
    req.page = Some(page.page);
    runtime.event("bench", req).await.expect("the view answers")
}

fn keystroke(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().expect("a tokio runtime");
    let runtime = LiveRuntime::new(views::router());
    let page = rt.block_on(async {
        let id = runtime.document("bench", "/filter", "").await.view_id.expect("the filter mounts");
        let page = runtime.connect("bench", &id, Arc::new(Discard)).await.expect("connect").page;
        Page { id, page, last_ref: Default::default() }
    });
    for q in QUERIES {
        let reply = rt.block_on(type_query(&runtime, &page, q));
        let bytes = serde_json::to_string(&reply).map_or(0, |s| s.len());
        println!("filter: \"{q}\" → reply of {bytes} B");
    }
    let mut group = c.benchmark_group("filter");
    group.throughput(Throughput::Elements(QUERIES.len() as u64));
    group.bench_function("keystroke_cycle_of_6", |b| {
        b.iter(|| {
            rt.block_on(async {
                for q in QUERIES {
                    std::hint::black_box(type_query(&runtime, &page, q).await);
                }
            })
        })
    });
    // What a page waits for when keystrokes come spaced out, as typing does: each keystroke's
    // event until its reply, the view idle in between (work the view does after replying, such
    // as freeing the render it replaced, is not waited for).
    group.sample_size(20);
    group.bench_function("keystroke_reply_spaced", |b| {
        b.iter_custom(|iters| {
            let mut waited = Duration::ZERO;
            for _ in 0..iters {
                for q in QUERIES {
                    std::thread::sleep(Duration::from_millis(2));
                    let start = Instant::now();
                    std::hint::black_box(rt.block_on(type_query(&runtime, &page, q)));
                    waited += start.elapsed();
                }
            }
            waited
        })
    });
    group.finish();
    rt.block_on(runtime.shutdown());
}

criterion_group!(benches, keystroke);
criterion_main!(benches);
