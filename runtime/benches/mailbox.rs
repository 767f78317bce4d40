//! Events through one view's mailbox (issue 6): how many counter events per second one mounted,
//! connected view answers, one at a time (each awaited: the latency an `lv-click` sees inside the
//! process) and pipelined (1,000 queued at once: the mailbox's throughput).
//!
//! Each event runs the whole server side of a click: the request crosses into the view's task,
//! `handle_event` changes an assign, the view renders, diffs against the last render and builds
//! the patch, and the reply crosses back. `noop` is an event that changes nothing: it still
//! renders, and the diff finds nothing to send. `info_1000_burst` queues 1,000 info messages at
//! once (a burst of ticks or broadcasts): the view handles them all but renders once per
//! `view::COALESCE_INFOS` of them.
//!
//! Run: `cargo bench -p golivekit --bench mailbox` (`-- --test` runs each once).

// `criterion_group!` generates an undocumented public function.
#![allow(missing_docs)]

mod support;

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use golivekit::{Info, LiveRuntime};
use support::Page;

async fn one_by_one(runtime: &LiveRuntime, page: &Page, event: &str, iters: u64) -> Duration {
    let start = Instant::now();
    for _ in 0..iters {
        let reply = runtime.event(&page.window, page.request(event)).await.expect("the view answers");
        std::hint::black_box(reply);
    }
    start.elapsed()
}

/// `batch` info messages queued at once (a burst of ticks or broadcasts), then one event whose
/// reply says they have all been handled and rendered.
async fn info_burst(runtime: &LiveRuntime, page: &Page, batch: u64) {
    for _ in 0..batch {
        runtime.info(&page.id, Info::new(())).expect("queued");
    }
    runtime.event(&page.window, page.request("noop")).await.expect("the view answers");
}

async fn pipelined(runtime: &LiveRuntime, page: &Page, batch: u64) {
    let requests: Vec<_> = (0..batch).map(|_| page.request("increment")).collect();
    let replies = futures::future::join_all(requests.into_iter().map(|r| runtime.event(&page.window, r))).await;
    assert!(replies.iter().all(Result::is_ok), "every queued event is answered");
}

fn mailbox(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().expect("a tokio runtime");
    let runtime = support::runtime();
    let page = rt.block_on(support::mount_connected(&runtime, "bench"));

    let mut group = c.benchmark_group("mailbox");
    group.throughput(Throughput::Elements(1));
    for event in ["increment", "noop"] {
        group.bench_function(format!("{event}_one_at_a_time"), |b| {
            b.iter_custom(|iters| rt.block_on(one_by_one(&runtime, &page, event, iters)))
        });
    }
    const BATCH: u64 = 1_000;
    group.throughput(Throughput::Elements(BATCH));
    group.bench_function("increment_1000_pipelined", |b| b.iter(|| rt.block_on(pipelined(&runtime, &page, BATCH))));
    group.bench_function("info_1000_burst", |b| b.iter(|| rt.block_on(info_burst(&runtime, &page, BATCH))));
    group.finish();
    rt.block_on(runtime.shutdown());
}

criterion_group!(benches, mailbox);
criterion_main!(benches);
