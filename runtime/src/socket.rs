//! [`Socket`]: a component's line to its page — pushes and redirects.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use serde::Serialize;

use crate::protocol::ServerMessage;

/// Where a view's server messages go: implemented by the shell (a Tauri `Channel`) and by
/// [`crate::testing`].
pub trait Outbound: Send + Sync + 'static {
    /// Delivers one message. An `Err` means the page is gone; the message is dropped.
    fn deliver(&self, msg: ServerMessage) -> Result<(), String>;
}

/// Messages sent before the page connects are kept (up to this many) and flushed on connect.
const PENDING_LIMIT: usize = 256;

#[derive(Default)]
pub(crate) struct Outbox {
    sink: Mutex<Option<Arc<dyn Outbound>>>,
    pending: Mutex<VecDeque<ServerMessage>>,
}

impl Outbox {
    pub(crate) fn attach(&self, sink: Arc<dyn Outbound>) {
        let pending: Vec<_> = lock(&self.pending).drain(..).collect();
        for msg in pending {
            if let Err(e) = sink.deliver(msg) {
                tracing::debug!("dropping buffered message: {e}");
            }
        }
        *lock(&self.sink) = Some(sink);
    }

    pub(crate) fn push(&self, msg: ServerMessage) {
        let sink = lock(&self.sink).clone();
        match sink {
            Some(sink) => {
                if let Err(e) = sink.deliver(msg) {
                    tracing::debug!("page gone, message dropped: {e}");
                }
            }
            None => {
                let mut pending = lock(&self.pending);
                if pending.len() == PENDING_LIMIT {
                    tracing::warn!("view not connected; dropping its oldest buffered message");
                    pending.pop_front();
                }
                pending.push_back(msg);
            }
        }
    }

    pub(crate) fn is_attached(&self) -> bool {
        lock(&self.sink).is_some()
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A view's socket — GoliveKit's `Socket`: `id()`, `send(event, payload)`, `redirect(path)`.
///
/// Cheap to clone; clones talk to the same page. Messages sent before the page has connected are
/// delivered when it does.
#[derive(Clone)]
pub struct Socket {
    id: Arc<str>,
    outbox: Arc<Outbox>,
}

impl std::fmt::Debug for Socket {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Socket").field("id", &self.id).finish()
    }
}

impl Socket {
    pub(crate) fn new(id: &str, outbox: Arc<Outbox>) -> Self {
        Self { id: id.into(), outbox }
    }

    /// A socket bound to no page; what it sends is kept until dropped.
    pub fn detached() -> Self {
        Self::new("", Arc::new(Outbox::default()))
    }

    /// The view id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Sends `event` to the page: the root element receives a DOM `CustomEvent` named
    /// `lv:<event>` whose `detail` is `payload`.
    ///
    /// # Panics
    /// If `payload` cannot be represented as JSON.
    pub fn send(&self, event: impl Into<String>, payload: impl Serialize) {
        let payload = serde_json::to_value(payload).expect("push payloads are JSON-representable");
        self.outbox.push(ServerMessage::Push { event: event.into(), payload });
    }

    /// Sends the window to `path` (a route of the app, e.g. `/counter`). The current view then
    /// terminates with [`crate::TerminateReason::Navigate`].
    pub fn redirect(&self, path: impl Into<String>) {
        self.outbox.push(ServerMessage::Redirect { to: path.into() });
    }

    /// Whether a page is connected.
    pub fn is_connected(&self) -> bool {
        self.outbox.is_attached()
    }
}
