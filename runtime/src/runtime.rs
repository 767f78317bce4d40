//! [`LiveRuntime`]: the app-wide registry of live views, keyed by id and by window.
//!
//! The shell calls it with plain values: a document request for a window and path, `connect`,
//! `event`, `leave`, a window closing, the app quitting. It mounts views through the [`Router`]
//! and forwards everything else to the view's mailbox.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::component::TerminateReason;
use crate::context::{Params, Session};
use crate::error::{Error, Result};
use crate::layout::Layout;
use crate::protocol::{ConnectReply, EventReply, EventRequest};
use crate::router::Router;
use crate::socket::Outbound;
use crate::view::{self, MountOptions, ViewHandle};

/// A document served to a window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// HTTP status: 200, 404 (no route) or 500 (mount failed).
    pub status: u16,
    /// The full HTML document.
    pub html: String,
    /// The id of the view mounted for it, if any.
    pub view_id: Option<String>,
}

struct Entry {
    handle: ViewHandle,
    window: String,
}

/// The registry of live views for one app.
///
/// ```
/// # use golivekit::{async_trait, BaseComponent, Component, Context, Renderer, RendererFunc, Html};
/// # #[derive(Default)] struct Hello { base: BaseComponent }
/// # #[async_trait] impl Component for Hello {
/// #   fn name(&self) -> &'static str { "hello" }
/// #   fn base(&self) -> &BaseComponent { &self.base }
/// #   fn render(&self, _: &Context) -> Renderer<'_> {
/// #     RendererFunc(|_: &Context, w: &mut Html| w.write_str("<p data-live-view=\"hello\">hi</p>")).into() }
/// # }
/// # use std::fmt::Write;
/// use golivekit::{LiveRuntime, Router};
/// # tokio::runtime::Runtime::new().unwrap().block_on(async {
/// let rt = LiveRuntime::new(Router::new().route("/", Hello::default));
/// let doc = rt.document("main", "/", "").await;
/// assert_eq!(doc.status, 200);
/// assert!(doc.html.contains("data-live-view=\"hello\""));
/// assert_eq!(rt.document("main", "/nope", "").await.status, 404);
/// rt.shutdown().await;
/// # });
/// ```
pub struct LiveRuntime {
    router: Router,
    session: Session,
    layout: Layout,
    views: Mutex<HashMap<String, Entry>>,
    next_id: AtomicU64,
}

impl std::fmt::Debug for LiveRuntime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LiveRuntime").field("router", &self.router).field("views", &self.live_views()).finish()
    }
}

impl LiveRuntime {
    /// A runtime serving `router`'s routes with the default layout and an empty session.
    pub fn new(router: Router) -> Self {
        Self {
            router,
            session: Session::new(),
            layout: Layout::default(),
            views: Mutex::new(HashMap::new()),
            next_id: AtomicU64::new(1),
        }
    }

    /// Uses `layout` for documents.
    pub fn with_layout(mut self, layout: Layout) -> Self {
        self.layout = layout;
        self
    }

    /// Uses `session` as the app session handed to every `mount`.
    pub fn with_session(mut self, session: Session) -> Self {
        self.session = session;
        self
    }

    /// The app session.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The router.
    pub fn router(&self) -> &Router {
        &self.router
    }

    fn views(&self) -> MutexGuard<'_, HashMap<String, Entry>> {
        self.views.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Serves the document for `path?query` in `window`: the window's previous views terminate
    /// with `Navigate`, a fresh view is mounted, and its first render is the document.
    pub async fn document(&self, window: &str, path: &str, query: &str) -> Document {
        for handle in self.take_window(window) {
            handle.terminate(TerminateReason::Navigate).await;
        }
        let Some((component, route_params)) = self.router.resolve(path) else {
            return Document { status: 404, html: self.layout.not_found(path), view_id: None };
        };
        let id = format!("lv{}", self.next_id.fetch_add(1, Ordering::Relaxed));
        let name = component.name();
        let opts = MountOptions {
            id: id.clone(),
            path: path.into(),
            window: window.into(),
            params: Params::from_query(path, query).with_route(route_params),
            session: self.session.clone(),
        };
        match view::mount(component, opts).await {
            Ok((handle, root)) => {
                self.views().insert(id.clone(), Entry { handle, window: window.into() });
                Document { status: 200, html: self.layout.document(name, &root), view_id: Some(id) }
            }
            Err(e) => {
                tracing::error!(path, "mount failed: {e}");
                Document { status: 500, html: self.layout.crashed(&e.to_string()), view_id: None }
            }
        }
    }

    fn handle(&self, view_id: &str) -> Result<ViewHandle> {
        let mut views = self.views();
        match views.get(view_id) {
            Some(entry) if entry.handle.is_alive() => Ok(entry.handle.clone()),
            Some(_) => {
                views.remove(view_id);
                Err(Error::UnknownView(view_id.into()))
            }
            None => Err(Error::UnknownView(view_id.into())),
        }
    }

    /// Attaches the page's outbound line to a view.
    pub async fn connect(&self, view_id: &str, sink: Arc<dyn Outbound>) -> Result<ConnectReply> {
        self.handle(view_id)?.connect(sink).await
    }

    /// Delivers a client event and returns its ack.
    pub async fn event(&self, req: EventRequest) -> Result<EventReply> {
        let handle = self.handle(&req.view_id)?;
        let reply = handle.event(req.reference, req.event, req.payload).await;
        if matches!(reply, Err(Error::ViewCrashed { .. } | Error::ViewClosed(_))) {
            self.views().remove(&req.view_id);
        }
        reply
    }

    /// The page left a view: it terminates with `Normal`.
    pub async fn leave(&self, view_id: &str) -> Result<()> {
        let entry = self.views().remove(view_id).ok_or_else(|| Error::UnknownView(view_id.into()))?;
        entry.handle.terminate(TerminateReason::Normal).await;
        Ok(())
    }

    fn take_window(&self, window: &str) -> Vec<ViewHandle> {
        let mut views = self.views();
        let ids: Vec<String> = views.iter().filter(|(_, e)| e.window == window).map(|(k, _)| k.clone()).collect();
        ids.iter().filter_map(|id| views.remove(id)).map(|e| e.handle).collect()
    }

    /// A window closed: its views terminate with `Normal`; other windows are untouched.
    pub async fn close_window(&self, window: &str) {
        for handle in self.take_window(window) {
            handle.terminate(TerminateReason::Normal).await;
        }
    }

    /// The app is quitting: every view terminates with `Shutdown`.
    pub async fn shutdown(&self) {
        let handles: Vec<ViewHandle> = self.views().drain().map(|(_, e)| e.handle).collect();
        for handle in handles {
            handle.terminate(TerminateReason::Shutdown).await;
        }
    }

    /// Ids of the live views shown in `window`.
    pub fn views_in(&self, window: &str) -> Vec<String> {
        self.views().iter().filter(|(_, e)| e.window == window).map(|(k, _)| k.clone()).collect()
    }

    /// How many views are live.
    pub fn live_views(&self) -> usize {
        self.views().values().filter(|e| e.handle.is_alive()).count()
    }
}
