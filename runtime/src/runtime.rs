//! [`LiveRuntime`]: the app-wide registry of live views, keyed by id and by window.
//!
//! The shell calls it with plain values: a document request for a window and path, `connect`,
//! `event`, `resync`, `leave` — each from a window, which may only reach its own views — a
//! window closing, the app quitting. It mounts views through the [`Router`] and forwards
//! everything else to the view's mailbox.
//!
//! View ids are unguessable (`lv-` and 16 hex digits from a per-process keyed hash), so a page
//! cannot name another window's view by counting; and it could not use one anyway.
//!
//! Ending: closing a window, leaving or navigating terminates views on the caller's task, and
//! every termination is recorded in [`Endings`] while it runs; [`LiveRuntime::shutdown`] waits
//! for them (bounded by [`LiveRuntime::with_shutdown_timeout`], 5 s by default) and then
//! terminates what is left with `Shutdown`, so no `terminate` is cut short by the process exiting.

use std::collections::HashMap;
use std::future::Future;
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use crate::component::{Info, TerminateReason};
use crate::context::{Params, Session};
use crate::endings::Endings;
use crate::error::{Error, Result};
use crate::layout::Layout;
use crate::protocol::{ConnectReply, EventReply, EventRequest, ResyncReply};
use crate::pubsub::PubSub;
use crate::router::Router;
use crate::services::Services;
use crate::shell::{Shell, WindowOptions};
use crate::socket::Outbound;
use crate::tasks::TaskStats;
use crate::view::{self, MountOptions, ViewHandle, ViewStats};

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
    /// Keys the view-id hash: ids are unpredictable across runs.
    ids: std::collections::hash_map::RandomState,
    endings: Endings,
    shutdown_timeout: Duration,
}

/// How long [`LiveRuntime::shutdown`] waits for `terminate`s by default.
pub const SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(5);

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
            ids: std::collections::hash_map::RandomState::new(),
            endings: Endings::default(),
            shutdown_timeout: SHUTDOWN_TIMEOUT,
        }
    }

    /// How long [`LiveRuntime::shutdown`] waits for running `terminate`s before giving up on
    /// them (and logging which).
    pub fn with_shutdown_timeout(mut self, timeout: Duration) -> Self {
        self.shutdown_timeout = timeout;
        self
    }

    /// The terminations running now (window closes, leaves and navigations in flight).
    pub fn endings(&self) -> &Endings {
        &self.endings
    }

    fn new_view_id(&self) -> String {
        let n = self.next_id.fetch_add(1, Ordering::Relaxed);
        format!("lv-{:016x}", self.ids.hash_one(n))
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

    /// Registers `service` as the app's `T`: every component reaches it with
    /// [`crate::Context::service`] (a database pool, a settings store, a client). One value per
    /// type; a second `T` replaces the first.
    ///
    /// ```
    /// # use golivekit::{LiveRuntime, Router};
    /// struct Settings { theme: String }
    /// let rt = LiveRuntime::new(Router::new()).with_service(Settings { theme: "dark".into() });
    /// assert_eq!(rt.service::<Settings>().unwrap().theme, "dark");
    /// assert_eq!(rt.service::<String>().unwrap_err().code(), "service_missing");
    /// ```
    pub fn with_service<T: Send + Sync + 'static>(self, service: T) -> Self {
        self.set_service(service);
        self
    }

    /// [`LiveRuntime::with_service`] on a shared runtime (views mounted later see it).
    pub fn set_service<T: Send + Sync + 'static>(&self, service: T) {
        if self.services.insert(Arc::new(service)) {
            tracing::debug!(service = std::any::type_name::<T>(), "app service replaced");
        }
    }

    /// The app's `T` (see [`crate::Context::service`]).
    pub fn service<T: Send + Sync + 'static>(&self) -> Result<Arc<T>> {
        self.services.get::<T>()
    }

    /// Uses `native` for the app's native dialogs ([`crate::Context::native`]).
    pub fn with_native(self, native: Arc<dyn crate::native::Native>) -> Self {
        self.set_native(native);
        self
    }

    /// [`LiveRuntime::with_native`] on a shared runtime.
    pub fn set_native(&self, native: Arc<dyn crate::native::Native>) {
        self.set_service(crate::native::NativeService(native));
    }

    /// Whether native dialogs are registered.
    pub fn has_native(&self) -> bool {
        self.services.contains::<crate::native::NativeService>()
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
        self.end_window(window, TerminateReason::Navigate).await;
        let Some((component, route_params)) = self.router.resolve(path) else {
            return Document { status: 404, html: self.layout.not_found(path), view_id: None };
        };
        let id = self.new_view_id();
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

    /// The live view `view_id` as seen from `window`: another window's view is `unknown_view`,
    /// exactly like a view that does not exist.
    fn handle_in(&self, window: &str, view_id: &str) -> Result<ViewHandle> {
        match self.registry().views.get(view_id) {
            Some(entry) if entry.window == window && entry.handle.is_alive() => Ok(entry.handle.clone()),
            _ => Err(Error::UnknownView(view_id.into())),
        }
    }

    /// Attaches the outbound line of `window`'s page to its view `view_id`.
    pub async fn connect(&self, window: &str, view_id: &str, sink: Arc<dyn Outbound>) -> Result<ConnectReply> {
        self.handle_in(window, view_id)?.connect(sink).await
    }

    /// Delivers a client event from `window` and returns its ack.
    pub async fn event(&self, window: &str, req: EventRequest) -> Result<EventReply> {
        self.handle_in(window, &req.view_id)?
            .component_event(req.page, req.reference, req.cid, req.event, req.payload)
            .await
    }

    /// Delivers an `lv-drop` event from `window` with the native drop's `files` (see
    /// [`ViewHandle::dropped_files_event`]); the shell calls it once it matched the page's drop
    /// token to the drop it holds.
    pub async fn dropped_files_event(
        &self,
        window: &str,
        req: EventRequest,
        files: &[std::path::PathBuf],
    ) -> Result<EventReply> {
        self.handle_in(window, &req.view_id)?
            .dropped_files_event(req.page, req.reference, req.cid, req.event, req.payload, files)
            .await
    }

    /// The whole current root of `window`'s view `view_id`, for a page that missed a version.
    pub async fn resync(&self, window: &str, view_id: &str) -> Result<ResyncReply> {
        self.handle_in(window, view_id)?.resync().await
    }

    /// How many client messages view `view_id` has received (a test hook: "did this interaction
    /// reach the runtime?").
    pub fn view_stats(&self, view_id: &str) -> Result<ViewStats> {
        Ok(self.handle(view_id)?.stats())
    }

    /// `window`'s page left its view `view_id`: it terminates with `Normal`.
    pub async fn leave(&self, window: &str, view_id: &str) -> Result<()> {
        let entry = {
            let mut registry = self.registry();
            match registry.views.get(view_id) {
                Some(e) if e.window == window => registry.remove(view_id).0,
                _ => None,
            }
        };
        let entry = entry.ok_or_else(|| Error::UnknownView(view_id.into()))?;
        self.end(vec![entry.handle], TerminateReason::Normal).await;
        Ok(())
    }

    fn take_window(&self, window: &str) -> Vec<ViewHandle> {
        let mut registry = self.registry();
        let ids: Vec<String> =
            registry.views.iter().filter(|(_, e)| e.window == window).map(|(k, _)| k.clone()).collect();
        ids.iter().filter_map(|id| registry.remove(id).0).map(|e| e.handle).collect()
    }

    /// Terminates `handles` with `reason`, all at once; each counts in [`Endings`] from now until
    /// its `terminate` returns. The returned future need not be polled for them to be recorded.
    fn end(&self, handles: Vec<ViewHandle>, reason: TerminateReason) -> impl Future<Output = ()> + Send + 'static {
        let ending: Vec<_> = handles.into_iter().map(|h| (self.endings.start(h.id()), h)).collect();
        async move {
            // Each on a task of its own: one that outlives a caller who stopped waiting (the
            // shutdown timeout) still counts as running until its `terminate` returns.
            let all = ending.into_iter().map(|(guard, handle)| {
                let reason = reason.clone();
                tokio::spawn(async move {
                    handle.terminate(reason).await;
                    drop(guard);
                })
            });
            futures::future::join_all(all.collect::<Vec<_>>()).await;
        }
    }

    fn end_window(&self, window: &str, reason: TerminateReason) -> impl Future<Output = ()> + Send + 'static {
        self.end(self.take_window(window), reason)
    }

    /// A window closed: its views terminate with `Normal`; other windows are untouched.
    ///
    /// The views leave the registry when this is called, and their terminations are recorded
    /// then, before the future is first polled: a [`LiveRuntime::shutdown`] that starts right
    /// after waits for them instead of racing them (so closing the last window is always
    /// `Normal`, never `Shutdown`).
    pub fn close_window(&self, window: &str) -> impl Future<Output = ()> + Send + 'static {
        self.end_window(window, TerminateReason::Normal)
    }

    /// The app is quitting: terminations already running (closed windows) are waited for, and
    /// every view left terminates with `Shutdown` — all bounded by the shutdown timeout (5 s by
    /// default), after which the views still terminating are logged and given up on.
    pub async fn shutdown(&self) {
        let handles: Vec<ViewHandle> = {
            let mut registry = self.registry();
            registry.crashed.clear();
            registry.views.drain().map(|(_, e)| e.handle).collect()
        };
        let ending = self.end(handles, TerminateReason::Shutdown);
        let timeout = self.shutdown_timeout;
        let deadline = tokio::time::Instant::now() + timeout;
        let _ = tokio::time::timeout_at(deadline, ending).await;
        let left = self.endings.wait(deadline.saturating_duration_since(tokio::time::Instant::now())).await;
        if !left.is_empty() {
            tracing::error!(views = ?left, "gave up waiting for terminate after {timeout:?}");
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

    /// Whether `window` has a live view that a page has connected to (a page that could hold
    /// typed input: the shell asks only those to flush before closing).
    pub fn has_connected_page(&self, window: &str) -> bool {
        self.registry()
            .views
            .values()
            .any(|e| e.window == window && e.handle.is_alive() && e.handle.stats().connects > 0)
    }

    /// How many views are live.
    pub fn live_views(&self) -> usize {
        self.registry().views.values().filter(|e| e.handle.is_alive()).count()
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
