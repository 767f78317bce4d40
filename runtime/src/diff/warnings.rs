//! Counting bad markup per view: a duplicate `data-slot` id, `data-list` id or `data-key` is
//! logged and rendered as plain markup in every build (`build.rs`), and also counted for the view
//! whose task rendered it — the view runs its renders inside [`counted`] — so that its
//! [`ViewStats`](crate::view::ViewStats) and the test harness ([`TestView`](crate::testing::TestView),
//! which fails on it unless the test allows it) see it.

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

tokio::task_local! {
    static MARKUP_WARNINGS: Arc<AtomicU64>;
}

/// Runs `f` with bad markup found in its renders counted in `counter`.
pub(crate) fn counted<F: Future>(counter: Arc<AtomicU64>, f: F) -> impl Future<Output = F::Output> {
    MARKUP_WARNINGS.scope(counter, f)
}

/// Counts one bad-markup warning for the view rendering now (nothing outside a view's task).
pub(super) fn note() {
    let _ = MARKUP_WARNINGS.try_with(|c| c.fetch_add(1, Ordering::Relaxed));
}
