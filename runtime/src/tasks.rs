//! Background work owned by a view: timers, intervals and spawned futures.
//!
//! Every task a view starts (through [`crate::Context::send_after`], [`crate::Context::send_interval`]
//! or [`crate::Context::spawn`]) is registered in the view's [`TaskSet`]; when the view terminates,
//! the set aborts them all before `terminate` runs, so no `handle_info` ever follows `terminate`.
//! [`TaskStats`] counts the live tasks of an app, so leaks show up in tests and benchmarks.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tokio::task::AbortHandle;

/// Counts the tasks views have started and that have not yet ended (finished or aborted).
#[derive(Debug, Clone, Default)]
pub struct TaskStats(Arc<AtomicUsize>);

impl TaskStats {
    /// How many view-owned tasks are alive right now.
    pub fn live(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

/// Decrements the live count when the task's future is dropped: on completion or abort.
struct LiveGuard(Arc<AtomicUsize>);

impl Drop for LiveGuard {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Names one task of a view, to cancel it with [`crate::Context::cancel`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TaskRef(u64);

/// The tasks of one view.
#[derive(Debug, Default)]
pub(crate) struct TaskSet {
    next: AtomicU64,
    handles: Mutex<HashMap<u64, AbortHandle>>,
    closed: AtomicBool,
}

impl TaskSet {
    /// Spawns `fut` on the current Tokio runtime as a task of this view. After [`TaskSet::abort_all`]
    /// nothing is spawned any more: the future is dropped unpolled.
    pub(crate) fn spawn<F>(&self, stats: &TaskStats, fut: F) -> TaskRef
    where
        F: Future<Output = ()> + Send + 'static,
    {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let mut handles = lock(&self.handles);
        if self.closed.load(Ordering::SeqCst) {
            tracing::debug!("view has terminated; background task not started");
            return TaskRef(id);
        }
        handles.retain(|_, h| !h.is_finished());
        stats.0.fetch_add(1, Ordering::SeqCst);
        let guard = LiveGuard(Arc::clone(&stats.0));
        // Boxed: Tokio's task code (harness, poll, drop, abort) is then compiled once for every
        // kind of background work an app spawns, not once per future type (issue 16's binary
        // size); the cost is one allocation per task started.
        let task: Pin<Box<dyn Future<Output = ()> + Send>> = Box::pin(async move {
            let _guard = guard;
            fut.await;
        });
        let handle = tokio::spawn(task);
        handles.insert(id, handle.abort_handle());
        TaskRef(id)
    }

    /// Aborts one task; `false` if it had already ended or was never started.
    pub(crate) fn cancel(&self, task: TaskRef) -> bool {
        match lock(&self.handles).remove(&task.0) {
            Some(h) if !h.is_finished() => {
                h.abort();
                true
            }
            _ => false,
        }
    }

    /// Aborts every task and refuses new ones.
    pub(crate) fn abort_all(&self) {
        let mut handles = lock(&self.handles);
        self.closed.store(true, Ordering::SeqCst);
        for (_, h) in handles.drain() {
            h.abort();
        }
    }

    /// How many tasks of this view have not finished.
    #[cfg(test)]
    pub(crate) fn running(&self) -> usize {
        lock(&self.handles).values().filter(|h| !h.is_finished()).count()
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    async fn settle(stats: &TaskStats, want: usize) {
        for _ in 0..200 {
            if stats.live() == want {
                return;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        assert_eq!(stats.live(), want);
    }

    #[tokio::test]
    async fn abort_all_ends_every_task_and_refuses_new_ones() {
        let stats = TaskStats::default();
        let set = TaskSet::default();
        for _ in 0..3 {
            set.spawn(&stats, std::future::pending());
        }
        assert_eq!(stats.live(), 3);
        set.abort_all();
        settle(&stats, 0).await;
        set.spawn(&stats, std::future::pending());
        assert_eq!(stats.live(), 0);
    }

    #[tokio::test]
    async fn cancel_stops_one_task_only() {
        let stats = TaskStats::default();
        let set = TaskSet::default();
        let a = set.spawn(&stats, std::future::pending());
        set.spawn(&stats, std::future::pending());
        assert!(set.cancel(a));
        assert!(!set.cancel(a));
        settle(&stats, 1).await;
        assert_eq!(set.running(), 1);
        set.abort_all();
    }

    #[tokio::test]
    async fn finished_tasks_leave_the_live_count() {
        let stats = TaskStats::default();
        let set = TaskSet::default();
        set.spawn(&stats, async {});
        settle(&stats, 0).await;
    }
}
