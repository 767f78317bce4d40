//! [`Endings`]: the views whose `terminate` is running right now, so that quitting can wait for
//! them.
//!
//! A window closing takes its views out of the registry at once and terminates them on a task of
//! its own. Without a record of that task, the app could exit while a `terminate` is still saving
//! a file — seen as lost saves when the last window closes. Every termination holds an
//! [`Ending`] while it runs; [`Endings::wait`] returns once none is left, or when its deadline
//! passes, naming the views it gave up on.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::sync::Notify;

#[derive(Default)]
struct Inner {
    running: Mutex<Running>,
    done: Notify,
}

/// The terminations in flight, in the order they started. A `Vec` rather than a map: a handful
/// of entries at most, and one less map type compiled into every app.
#[derive(Default)]
struct Running {
    next: u64,
    views: Vec<(u64, String)>,
}

/// The terminations in flight in one app. Cheap to clone.
///
/// ```
/// use std::time::Duration;
/// use golivekit::endings::Endings;
/// # tokio::runtime::Runtime::new().unwrap().block_on(async {
/// let endings = Endings::default();
/// let ending = endings.start("lv-1");
/// assert_eq!(endings.running(), vec!["lv-1".to_string()]);
/// let waiter = tokio::spawn({
///     let endings = endings.clone();
///     async move { endings.wait(Duration::from_secs(5)).await }
/// });
/// drop(ending); // its terminate returned
/// assert!(waiter.await.unwrap().is_empty());
/// # });
/// ```
#[derive(Clone, Default)]
pub struct Endings(Arc<Inner>);

/// One termination in flight; dropping it marks it done.
#[must_use = "the termination counts as running only while this is held"]
pub struct Ending {
    endings: Endings,
    key: u64,
}

impl Endings {
    fn lock(&self) -> MutexGuard<'_, Running> {
        self.0.running.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records that view `id` has started terminating.
    pub fn start(&self, id: &str) -> Ending {
        let mut running = self.lock();
        let key = running.next;
        running.next += 1;
        running.views.push((key, id.to_owned()));
        drop(running);
        Ending { endings: self.clone(), key }
    }

    /// The ids of the views still terminating, in the order they started.
    pub fn running(&self) -> Vec<String> {
        self.lock().views.iter().map(|(_, id)| id.clone()).collect()
    }

    /// Waits until no termination is running, or `timeout` has passed; returns the ids of those
    /// still running then (empty when all finished).
    pub async fn wait(&self, timeout: Duration) -> Vec<String> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let done = self.0.done.notified();
            tokio::pin!(done);
            done.as_mut().enable();
            if self.lock().views.is_empty() {
                return Vec::new();
            }
            if tokio::time::timeout_at(deadline, done).await.is_err() {
                return self.running();
            }
        }
    }
}

impl Drop for Ending {
    fn drop(&mut self) {
        let mut running = self.endings.lock();
        if let Some(at) = running.views.iter().position(|(key, _)| *key == self.key) {
            running.views.remove(at);
        }
        drop(running);
        self.endings.0.done.notify_waiters();
    }
}

impl std::fmt::Debug for Endings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Endings").field("running", &self.running()).finish()
    }
}
