//! [`Socket`]: a component's line to its page — pushes and redirects.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::protocol::ServerMessage;
use crate::services::Services;
use crate::shell::WindowOptions;

/// Where a view's server messages go: implemented by the shell (a Tauri `Channel`) and by
/// [`crate::testing`].
pub trait Outbound: Send + Sync + 'static {
    /// Delivers one message. An `Err` means the page is gone; the message is dropped.
    fn deliver(&self, msg: ServerMessage) -> Result<(), String>;
}

/// Messages sent before the page connects are kept (up to this many) and flushed on connect.
const PENDING_LIMIT: usize = 256;

#[derive(Default)]
struct OutboxState {
    sink: Option<Arc<dyn Outbound>>,
    pending: VecDeque<ServerMessage>,
}

/// A view's outbound line: delivers to the page's sink, or buffers until a page connects.
#[derive(Default)]
pub(crate) struct Outbox(Mutex<OutboxState>);

impl Outbox {
    fn state(&self) -> std::sync::MutexGuard<'_, OutboxState> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A page connected: deliver `first` (the view's catch-up patch), then what was buffered, in
    /// order; from now on deliver directly.
    pub(crate) fn attach(&self, sink: Arc<dyn Outbound>, first: Option<ServerMessage>) {
        let mut state = self.state();
        for msg in first.into_iter().chain(state.pending.drain(..)) {
            if let Err(e) = sink.deliver(msg) {
                tracing::debug!("dropping buffered message: {e}");
            }
        }
        state.sink = Some(sink);
    }

    /// The page is being replaced by a new document: stop delivering to the old page.
    pub(crate) fn detach(&self) {
        self.state().sink = None;
    }

    /// Delivers `msg`, or buffers it until a page connects. Patches are never buffered: the view
    /// sends one catch-up patch on connect instead.
    pub(crate) fn push(&self, msg: ServerMessage) {
        let mut state = self.state();
        match &state.sink {
            Some(sink) => {
                if let Err(e) = sink.deliver(msg) {
                    tracing::debug!("page gone, message dropped: {e}");
                }
            }
            None if matches!(msg, ServerMessage::Patch { .. }) => {}
            None => {
                if state.pending.len() == PENDING_LIMIT {
                    tracing::warn!("view not connected; dropping its oldest buffered message");
                    state.pending.pop_front();
                }
                state.pending.push_back(msg);
            }
        }
    }

    pub(crate) fn is_attached(&self) -> bool {
        self.state().sink.is_some()
    }
}

/// A view's socket — GoliveKit's `Socket`: `id()`, `send(event, payload)`, `redirect(path)`.
///
/// Cheap to clone; clones talk to the same page. Messages sent before the page has connected are
/// delivered when it does.
#[derive(Clone)]
pub struct Socket {
    id: Arc<str>,
    outbox: Arc<Outbox>,
    services: Option<Arc<Services>>,
}

impl std::fmt::Debug for Socket {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Socket").field("id", &self.id).finish()
    }
}

impl Socket {
    pub(crate) fn new(id: &str, outbox: Arc<Outbox>, services: Arc<Services>) -> Self {
        Self { id: id.into(), outbox, services: Some(services) }
    }

    /// A socket bound to no page; what it sends is kept until dropped, and it opens no windows.
    pub fn detached() -> Self {
        Self { id: "".into(), outbox: Arc::new(Outbox::default()), services: None }
    }

    /// The view id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Sends `event` to the page: the root element receives a DOM `CustomEvent` named
    /// `lv:<event>` whose `detail` is `payload`, and every hook of the view that called
    /// `this.handleEvent(event, fn)` gets `payload`. A payload that cannot be represented as JSON
    /// (a map with non-string keys, a failing `Serialize`) is not sent; that is logged.
    ///
    /// ```
    /// use std::collections::HashMap;
    /// let socket = golivekit::Socket::detached();
    /// socket.send("saved", serde_json::json!({"id": 7}));
    /// socket.send("bad", HashMap::from([((1, 2), "tuple keys are not JSON")])); // logged, dropped
    /// ```
    pub fn send(&self, event: impl Into<String>, payload: impl Serialize) {
        let event = event.into();
        match serde_json::to_value(payload) {
            Ok(payload) => self.outbox.push(ServerMessage::Push { event, payload }),
            Err(e) => tracing::error!(view = &*self.id, event, "push not sent: its payload is not JSON: {e}"),
        }
    }

    /// Sends the window to `path` (a route of the app, e.g. `/counter`). The current view then
    /// terminates with [`crate::TerminateReason::Navigate`].
    pub fn redirect(&self, path: impl Into<String>) {
        self.outbox.push(ServerMessage::Redirect { to: path.into() });
    }

    /// Opens a new app window showing `path` (a route such as `/chat?name=Bo`); returns the
    /// window's label. The new window gets its own view; this one is unaffected.
    ///
    /// ```
    /// use golivekit::Socket;
    /// let err = Socket::detached().open_window("/chat").unwrap_err();
    /// assert_eq!(err.code(), "window_unavailable");
    /// ```
    pub fn open_window(&self, path: &str) -> Result<String> {
        self.open_window_with(path, &WindowOptions::default())
    }

    /// [`Socket::open_window`] with a title and size.
    pub fn open_window_with(&self, path: &str, options: &WindowOptions) -> Result<String> {
        match &self.services {
            Some(services) => services.open_window(path, options),
            None => Err(Error::WindowUnavailable("the socket is not bound to a view".into())),
        }
    }

    /// Whether a page is connected.
    pub fn is_connected(&self) -> bool {
        self.outbox.is_attached()
    }
}
