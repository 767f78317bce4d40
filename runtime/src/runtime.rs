//! [`LiveRuntime`]: the app-wide registry of live views, keyed by id and by window.
//!
//! The shell calls it with plain values: a document request for a window and path, `connect`,
//! `event`, `leave`, a window closing, the app quitting. It mounts views through the [`Router`]
//! and forwards everything else to the view's mailbox.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::component::{Info, TerminateReason};
use crate::context::{Params, Session};
use crate::error::{Error, Result};
use crate::layout::Layout;
use crate::protocol::{ConnectReply, EventReply, EventRequest};
use crate::pubsub::PubSub;
use crate::router::Router;
use crate::services::Services;
use crate::shell::{Shell, WindowOptions};
use crate::socket::Outbound;
use crate::tasks::TaskStats;
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
    /// `path?query` the view was mounted for: a document request for the same route in the same
    /// window re-renders this instance (a reload keeps state).
    route: String,
}

#[derive(Default)]
struct Registry {
    views: HashMap<String, Entry>,
    /// Views that crashed, with the message; their window's next document is the error document.
    crashed: HashMap<String, String>,
}

impl Registry {
    /// Forgets view `id`: its entry and, if it crashed, the crash message.
    fn remove(&mut self, id: &str) -> (Option<Entry>, Option<String>) {
        (self.views.remove(id), self.crashed.remove(id))
    }
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
    registry: Arc<Mutex<Registry>>,
    services: Arc<Services>,
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
            registry: Arc::default(),
            services: Arc::default(),
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

    /// The app's PubSub: broadcast to views from app code (`rt.pubsub().broadcast(&TOPIC, msg)`).
    pub fn pubsub(&self) -> &PubSub {
        &self.services.pubsub
    }

    /// Live background tasks (timers, intervals, spawned work) of all views.
    pub fn task_stats(&self) -> TaskStats {
        self.services.tasks.clone()
    }

    /// Installs the app shell that opens windows. The first one installed stays.
    pub fn set_shell(&self, shell: Arc<dyn Shell>) {
        if !self.services.set_shell(shell) {
            tracing::warn!("a shell is already installed; keeping the first");
        }
    }

    /// Opens a new window on `path` (see [`crate::Socket::open_window`]); returns its label.
    pub fn open_window(&self, path: &str, options: &WindowOptions) -> Result<String> {
        self.services.open_window(path, options)
    }

    /// Sends `msg` to one view's `handle_info` (from app code). A view that has ended gives
    /// `unknown_view`.
    pub fn info(&self, view_id: &str, msg: Info) -> Result<()> {
        self.handle(view_id)?.info(msg).map_err(|_| Error::UnknownView(view_id.into()))
    }

    fn registry(&self) -> MutexGuard<'_, Registry> {
        lock(&self.registry)
    }

    /// Serves the document for `path?query` in `window`.
    ///
    /// - The window already shows a live view of this route (a reload): that instance renders
    ///   again; no mount, no terminate, nothing lost.
    /// - Its view of this route crashed: the error document (500) with a Reload action; the next
    ///   request mounts afresh.
    /// - Otherwise the window's views terminate with `Navigate` and a fresh view is mounted once;
    ///   its first render is the document.
    pub async fn document(&self, window: &str, path: &str, query: &str) -> Document {
        let route = if query.is_empty() { path.to_owned() } else { format!("{path}?{query}") };
        if let Some(doc) = self.reuse(window, &route).await {
            return doc;
        }
        for handle in self.take_window(window) {
            handle.terminate(TerminateReason::Navigate).await;
        }
        let Some((component, route_params)) = self.router.resolve(path) else {
            return Document { status: 404, html: self.layout.not_found(path), view_id: None };
        };
        let id = format!("lv{}", self.next_id.fetch_add(1, Ordering::Relaxed));
        let name = component.name();
        let registry = Arc::downgrade(&self.registry);
        let crashed_id = id.clone();
        let opts = MountOptions {
            id: id.clone(),
            path: path.into(),
            window: window.into(),
            params: Params::from_query(path, query).with_route(route_params),
            session: self.session.clone(),
            services: Arc::clone(&self.services),
            on_crash: Some(Box::new(move |message: &str| {
                if let Some(registry) = registry.upgrade() {
                    lock(&registry).crashed.insert(crashed_id.clone(), message.to_owned());
                }
            })),
        };
        match view::mount(component, opts).await {
            Ok((handle, root)) => {
                self.registry().views.insert(id.clone(), Entry { handle, window: window.into(), route });
                Document { status: 200, html: self.layout.document(name, &root), view_id: Some(id) }
            }
            Err(e) => {
                tracing::error!(path, "mount failed: {e}");
                Document { status: 500, html: self.layout.crashed(&e.to_string()), view_id: None }
            }
        }
    }

    /// The document for a reload of `route` in `window`, if the window has a view of that route.
    async fn reuse(&self, window: &str, route: &str) -> Option<Document> {
        let (id, handle, crashed) = {
            let mut registry = self.registry();
            let (id, entry) = registry.views.iter().find(|(_, e)| e.window == window && e.route == route)?;
            let (id, handle) = (id.clone(), entry.handle.clone());
            let crashed = if registry.crashed.contains_key(&id) { registry.remove(&id).1 } else { None };
            (id, handle, crashed)
        };
        if let Some(message) = crashed {
            return Some(Document { status: 500, html: self.layout.crashed(&message), view_id: None });
        }
        match handle.document().await {
            Ok(root) => {
                Some(Document { status: 200, html: self.layout.document(handle.name(), &root), view_id: Some(id) })
            }
            Err(e) => {
                tracing::warn!(view = id, "reload could not re-render the live view, mounting afresh: {e}");
                let (_, message) = self.registry().remove(&id);
                message.map(|m| Document { status: 500, html: self.layout.crashed(&m), view_id: None })
            }
        }
    }

    fn handle(&self, view_id: &str) -> Result<ViewHandle> {
        match self.registry().views.get(view_id) {
            Some(entry) if entry.handle.is_alive() => Ok(entry.handle.clone()),
            _ => Err(Error::UnknownView(view_id.into())),
        }
    }

    /// Attaches the page's outbound line to a view.
    pub async fn connect(&self, view_id: &str, sink: Arc<dyn Outbound>) -> Result<ConnectReply> {
        self.handle(view_id)?.connect(sink).await
    }

    /// Delivers a client event and returns its ack.
    pub async fn event(&self, req: EventRequest) -> Result<EventReply> {
        self.handle(&req.view_id)?.event(req.reference, req.event, req.payload).await
    }

    /// The page left a view: it terminates with `Normal`.
    pub async fn leave(&self, view_id: &str) -> Result<()> {
        let (entry, _) = self.registry().remove(view_id);
        let entry = entry.ok_or_else(|| Error::UnknownView(view_id.into()))?;
        entry.handle.terminate(TerminateReason::Normal).await;
        Ok(())
    }

    fn take_window(&self, window: &str) -> Vec<ViewHandle> {
        let mut registry = self.registry();
        let ids: Vec<String> =
            registry.views.iter().filter(|(_, e)| e.window == window).map(|(k, _)| k.clone()).collect();
        ids.iter().filter_map(|id| registry.remove(id).0).map(|e| e.handle).collect()
    }

    /// A window closed: its views terminate with `Normal`; other windows are untouched.
    pub async fn close_window(&self, window: &str) {
        for handle in self.take_window(window) {
            handle.terminate(TerminateReason::Normal).await;
        }
    }

    /// The app is quitting: every view terminates with `Shutdown`.
    pub async fn shutdown(&self) {
        let handles: Vec<ViewHandle> = {
            let mut registry = self.registry();
            registry.crashed.clear();
            registry.views.drain().map(|(_, e)| e.handle).collect()
        };
        for handle in handles {
            handle.terminate(TerminateReason::Shutdown).await;
        }
    }

    /// Ids of the live views shown in `window`.
    pub fn views_in(&self, window: &str) -> Vec<String> {
        self.registry()
            .views
            .iter()
            .filter(|(_, e)| e.window == window && e.handle.is_alive())
            .map(|(k, _)| k.clone())
            .collect()
    }

    /// How many views are live.
    pub fn live_views(&self) -> usize {
        self.registry().views.values().filter(|e| e.handle.is_alive()).count()
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
