//! Memory held by idle views (issue 6): the heap bytes one mounted, connected, idle counter view
//! keeps alive, measured with a counting global allocator (live bytes = allocated − freed).
//!
//! Mounts `K` counters, each in its own window and connected to a page, lets them settle, and
//! divides the growth of live heap bytes by `K`. Everything a view owns is counted: its task and
//! mailbox, the component and its assigns, the last render and its snapshot, the registry entry.
//! Then closes every window and reports what is left (a leak shows here).
//!
//! Run: `cargo bench -p golivekit --bench memory` (`-- --test`: 10 views instead of 1,000).
//! Prints figures; the goal (issue 6) is ≤ 10 KB per idle view.

// Benches are binaries: `main` and the allocator need no docs.
#![allow(missing_docs)]

mod support;

use std::alloc::System;
use std::time::Duration;

use stats_alloc::{StatsAlloc, INSTRUMENTED_SYSTEM};

/// The system allocator, counting bytes allocated, freed and resized.
#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Live heap bytes: allocated − freed (`stats_alloc` counts a `realloc`'s growth as allocated
/// and its shrinking as freed).
fn live() -> isize {
    let s = GLOBAL.stats();
    s.bytes_allocated as isize - s.bytes_deallocated as isize
}

/// Lets the views' tasks run until they wait on their mailboxes.
async fn settle() {
    tokio::time::sleep(Duration::from_millis(100)).await;
}

fn main() {
    let quick = std::env::args().any(|a| a == "--test");
    let k: usize = if quick { 10 } else { 1_000 };
    // One worker: the figure should not depend on how many threads tokio starts.
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().expect("tokio");
    let runtime = support::runtime();
    rt.block_on(async {
        // Warm up: first-use allocations (thread-locals, the registry's first buckets).
        support::mount_connected(&runtime, "warm-up").await;
        settle().await;
        let before = live();
        for i in 0..k {
            support::mount_connected(&runtime, &format!("w{i}")).await;
        }
        settle().await;
        let after = live();
        assert_eq!(runtime.live_views(), k + 1);
        let per_view = (after - before) as f64 / k as f64;
        println!(
            "memory/idle_counter_view: {per_view:.0} B per view ({k} views mounted and connected, heap +{} B)",
            after - before
        );
        for i in 0..k {
            runtime.close_window(&format!("w{i}")).await;
        }
        settle().await;
        let closed = live();
        println!(
            "memory/after_closing_them: {:+} B live against before mounting ({} views left)",
            closed - before,
            runtime.live_views()
        );
    });
}
