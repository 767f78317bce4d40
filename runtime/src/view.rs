//! The view: one mounted component and its mailbox.
//!
//! A view is an actor. [`mount`] runs `mount` and the first render on the caller's task (that
//! render is the window's initial document), then spawns a task that owns the component and reads
//! one `Command` at a time from an unbounded mailbox: events, info messages, connects and the
//! final terminate all go through it, so callbacks of a view never overlap and patches leave in `v`
//! order. Every callback runs under `catch_unwind`: a panic terminates this view with
//! [`TerminateReason::Error`] and nothing else.
//!
//! Versions: the page's document shows one render (the first, or the one a reload made). Patches
//! made before that page connects are not queued: `connect` sends a single catch-up patch from
//! the document's render to the current one, numbered `v`, and answers `{v: v - 1}` — so a page
//! that connects late (a clock ticked meanwhile) neither misses nor double-applies anything, and
//! an unconnected view buffers no patches at all.
//!
//! Pages: every `connect` hands out a new [`PageId`]; the page's events carry it with refs that
//! strictly increase. The view remembers the last ref it applied for each of its recent pages, so
//! an event that arrives twice (Tauri re-sending a command after a reload) is acknowledged once
//! more but applied once. An event that is not from the connected page (sent from outside the
//! bridge, or late from a page that was reloaded) also pushes its patch to the connected page, so
//! that page never waits for a version it cannot get.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use tokio::sync::{mpsc, oneshot};

use crate::component::{Component, Info, TerminateReason};
use crate::compose::{Cid, Env, RootCrash, RootPart, Tree};
use crate::context::{Params, Session};
use crate::error::{Error, Result};
use crate::protocol::{
    ConnectReply, EventReply, PageId, Patch, Payload, ResyncReply, ServerMessage, Version, DROPPED_FILES,
};
use crate::services::Services;
use crate::socket::{Outbound, Outbox};

/// Attribute carrying the view id on the root element.
pub const VIEW_ID_ATTR: &str = "data-lv-id";

enum Command {
    Connect {
        sink: Arc<dyn Outbound>,
        reply: oneshot::Sender<ConnectReply>,
    },
    Event {
        page: Option<PageId>,
        reference: u64,
        cid: Option<Cid>,
        event: String,
        payload: Payload,
        reply: oneshot::Sender<Result<EventReply>>,
    },
    Resync {
        reply: oneshot::Sender<Result<ResyncReply>>,
    },
    Info {
        cid: Cid,
        msg: Info,
    },
    /// Work was queued for the tree from outside a turn (a background task's `send_child`).
    Wake,
    Document {
        reply: oneshot::Sender<Result<String>>,
    },
    Terminate {
        reason: TerminateReason,
        reply: oneshot::Sender<()>,
    },
    FindChild {
        parent: Cid,
        key: String,
        reply: oneshot::Sender<Option<Cid>>,
    },
}

/// The sending side of a view's mailbox addressed to one of its components, for that
/// component's timers, tasks and PubSub subscriptions. It is weak: only [`ViewHandle`]s keep a
/// view alive.
#[derive(Clone)]
pub(crate) struct Mailbox {
    id: Arc<str>,
    cid: Cid,
    /// Who this component is to PubSub: the view id for the root, `view#cid` for a child.
    subscriber: Arc<str>,
    tx: mpsc::WeakUnboundedSender<Command>,
}

impl Mailbox {
    /// The same mailbox, addressed to component `cid`.
    pub(crate) fn for_component(&self, cid: Cid) -> Mailbox {
        let subscriber = if cid == 0 { Arc::clone(&self.id) } else { format!("{}#{cid}", self.id).into() };
        Mailbox { id: Arc::clone(&self.id), cid, subscriber, tx: self.tx.clone() }
    }

    pub(crate) fn cid(&self) -> Cid {
        self.cid
    }

    pub(crate) fn subscriber(&self) -> &str {
        &self.subscriber
    }

    fn send(&self, cmd: Command) -> Result<()> {
        let closed = || Error::ViewClosed(self.id.to_string());
        self.tx.upgrade().ok_or_else(closed)?.send(cmd).map_err(|_| closed())
    }

    /// Queues a message for the component's `handle_info`; `ViewClosed` once the view has ended.
    pub(crate) fn info(&self, msg: Info) -> Result<()> {
        self.send(Command::Info { cid: self.cid, msg })
    }

    /// Asks the view to run a turn for work queued from outside one.
    pub(crate) fn wake(&self) -> Result<()> {
        self.send(Command::Wake)
    }
}

/// What a view has received, counted where the messages arrive (a test hook for "no round trip").
#[derive(Debug, Default)]
struct Counters {
    events: AtomicU64,
    connects: AtomicU64,
    /// Nanoseconds from each event's arrival at the handle to its reply (mailbox hop, handler,
    /// render, diff), summed.
    event_nanos: AtomicU64,
    /// Bad markup its renders had (duplicate slot, list or key ids; `diff/warnings.rs`).
    markup_warnings: Arc<AtomicU64>,
}

/// How many client messages a view has received so far, and the time its events took in the
/// runtime.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ViewStats {
    /// `event` requests that reached the view (duplicates and refused ones included).
    pub events: u64,
    /// `connect` requests.
    pub connects: u64,
    /// Microseconds the events took from reaching the view's handle to their reply — the hop to
    /// the view's task and back, the handler, render and diff; not the IPC, nor the reply's JSON
    /// (the webview bench subtracts it from the page's round trip).
    pub event_micros: u64,
    /// Bad markup found in its renders so far — a duplicate `data-slot` id, `data-list` id or
    /// `data-key`, each logged and rendered as plain markup. [`TestView`](crate::testing::TestView)
    /// fails a test on it unless the test allows it.
    pub markup_warnings: u64,
}

/// A handle to a running view. Cheap to clone; the view ends when told to, or when it crashes.
#[derive(Clone)]
pub struct ViewHandle {
    id: Arc<str>,
    name: &'static str,
    tx: mpsc::UnboundedSender<Command>,
    counters: Arc<Counters>,
}

impl std::fmt::Debug for ViewHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ViewHandle").field("id", &self.id).field("name", &self.name).finish()
    }
}

impl ViewHandle {
    /// The view id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The component name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Whether the view is still running.
    pub fn is_alive(&self) -> bool {
        !self.tx.is_closed()
    }

    fn closed(&self) -> Error {
        Error::ViewClosed(self.id.to_string())
    }

    async fn ask<T>(&self, make: impl FnOnce(oneshot::Sender<T>) -> Command) -> Result<T> {
        let (reply, rx) = oneshot::channel();
        self.tx.send(make(reply)).map_err(|_| self.closed())?;
        rx.await.map_err(|_| self.closed())
    }

    /// Attaches the page's outbound line; messages sent before are flushed to it. The reply
    /// carries the new connection's [`PageId`].
    pub async fn connect(&self, sink: Arc<dyn Outbound>) -> Result<ConnectReply> {
        self.counters.connects.fetch_add(1, Ordering::Relaxed);
        self.ask(|reply| Command::Connect { sink, reply }).await
    }

    /// Delivers a client event from outside any page connection and waits for its ack (see
    /// [`ViewHandle::page_event`]).
    pub async fn event(&self, reference: u64, event: String, payload: Payload) -> Result<EventReply> {
        self.page_event(None, reference, event, payload).await
    }

    /// Delivers a client event for the root component from connection `page` and waits for its
    /// ack (see [`ViewHandle::component_event`]).
    pub async fn page_event(
        &self,
        page: Option<PageId>,
        reference: u64,
        event: String,
        payload: Payload,
    ) -> Result<EventReply> {
        self.component_event(page, reference, None, event, payload).await
    }

    /// Delivers a client event from connection `page` for component `cid` (`None`: the root)
    /// and waits for its ack. A `reference` this page already sent is acknowledged without
    /// running the handler again; a page the view never handed out is `unknown_page`; a
    /// component it does not have (any more) is `unknown_component`.
    pub async fn component_event(
        &self,
        page: Option<PageId>,
        reference: u64,
        cid: Option<Cid>,
        event: String,
        payload: Payload,
    ) -> Result<EventReply> {
        self.deliver(page, reference, cid, event, payload, None).await
    }

    /// Delivers an `lv-drop` event: as [`ViewHandle::component_event`], with `files` — the real
    /// paths of a native drop, which only Rust has — added to the page's payload under
    /// [`DROPPED_FILES`] (read them with [`Payload::dropped_files`]).
    pub async fn dropped_files_event(
        &self,
        page: Option<PageId>,
        reference: u64,
        cid: Option<Cid>,
        event: String,
        payload: Payload,
        files: &[std::path::PathBuf],
    ) -> Result<EventReply> {
        self.deliver(page, reference, cid, event, payload, Some(files)).await
    }

    /// A page's payload never carries [`DROPPED_FILES`]; a drop's `files` go there.
    async fn deliver(
        &self,
        page: Option<PageId>,
        reference: u64,
        cid: Option<Cid>,
        event: String,
        mut payload: Payload,
        files: Option<&[std::path::PathBuf]>,
    ) -> Result<EventReply> {
        if payload.0.contains_key(DROPPED_FILES) {
            return Err(Error::BadPayload(format!(
                "`{DROPPED_FILES}` is set by Rust from a native file drop; a page cannot send it"
            )));
        }
        if let Some(files) = files {
            let paths = files.iter().map(|p| serde_json::Value::String(p.to_string_lossy().into_owned())).collect();
            payload.0.insert(DROPPED_FILES.to_owned(), serde_json::Value::Array(paths));
        }
        self.counters.events.fetch_add(1, Ordering::Relaxed);
        let start = std::time::Instant::now();
        let reply = self.ask(|reply| Command::Event { page, reference, cid, event, payload, reply }).await;
        let nanos = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
        self.counters.event_nanos.fetch_add(nanos, Ordering::Relaxed);
        reply?
    }

    /// The id of child `key` of component `parent` (0: the root), if it is mounted.
    pub async fn child_id(&self, parent: Cid, key: &str) -> Result<Option<Cid>> {
        let key = key.to_owned();
        self.ask(|reply| Command::FindChild { parent, key, reply }).await
    }

    /// The whole current root as a patch numbered with the current version, for a page that
    /// missed a version. Renders nothing and changes no version.
    pub async fn resync(&self) -> Result<ResyncReply> {
        self.ask(|reply| Command::Resync { reply }).await?
    }

    /// How many client messages the view has received.
    pub fn stats(&self) -> ViewStats {
        ViewStats {
            events: self.counters.events.load(Ordering::Relaxed),
            connects: self.counters.connects.load(Ordering::Relaxed),
            event_micros: self.counters.event_nanos.load(Ordering::Relaxed) / 1000,
            markup_warnings: self.counters.markup_warnings.load(Ordering::Relaxed),
        }
    }

    /// Queues a message for `handle_info`; its patch goes out over the view's channel.
    pub fn info(&self, msg: Info) -> Result<()> {
        self.tx.send(Command::Info { cid: 0, msg }).map_err(|_| self.closed())
    }

    /// Renders the live instance again for a new document in its window (a reload) and returns
    /// its root HTML: no mount, no terminate. The old page stops receiving; messages made from now
    /// on wait for the new page's `connect`.
    pub async fn document(&self) -> Result<String> {
        self.ask(|reply| Command::Document { reply }).await?
    }

    /// Terminates the view with `reason` and waits until `terminate` has returned. A view that
    /// has already ended is left alone: `terminate` never runs twice.
    pub async fn terminate(&self, reason: TerminateReason) {
        let _ = self.ask(|reply| Command::Terminate { reason, reply }).await;
    }
}

/// Called when a view crashes, before anyone is told (the runtime marks its window).
pub(crate) type CrashHook = Box<dyn Fn(&str) + Send + Sync>;

/// Where and how a view is mounted.
pub(crate) struct MountOptions {
    pub(crate) id: String,
    pub(crate) path: String,
    pub(crate) window: String,
    pub(crate) params: Params,
    pub(crate) session: Session,
    pub(crate) services: Arc<Services>,
    pub(crate) on_crash: Option<CrashHook>,
}

struct State {
    id: Arc<str>,
    tree: Tree,
    outbox: Arc<Outbox>,
    v: Version,
    /// The version the page's document shows, until that page connects.
    doc: Option<Version>,
    pages: Pages,
    on_crash: Option<CrashHook>,
}

/// How many recent page connections a view remembers refs for. An event from an older one is
/// `unknown_page` (its page was reloaded this many times since).
const PAGES_KEPT: usize = 16;

/// A view's page connections: which one is connected, and the last ref applied for each.
#[derive(Default)]
struct Pages {
    /// The connected page (none before the first connect and after a reload's document).
    current: Option<PageId>,
    /// Last ref applied per page, oldest first.
    last_ref: VecDeque<(PageId, u64)>,
    next: PageId,
}

/// What to do with an event, given the page it came from.
#[derive(Debug, PartialEq, Eq)]
enum Admit {
    /// Run it; `push` says its patch must also go to the connected page.
    Run { push: bool },
    /// This page already sent this ref: acknowledge, run nothing.
    Duplicate,
}

impl Pages {
    fn connect(&mut self) -> PageId {
        self.next += 1;
        if self.last_ref.len() == PAGES_KEPT {
            self.last_ref.pop_front();
        }
        self.last_ref.push_back((self.next, 0));
        self.current = Some(self.next);
        self.next
    }

    fn admit(&mut self, view: &str, page: Option<PageId>, reference: u64) -> Result<Admit> {
        let connected = self.current.is_some();
        let Some(page) = page else { return Ok(Admit::Run { push: connected }) };
        let Some((_, last)) = self.last_ref.iter_mut().find(|(p, _)| *p == page) else {
            return Err(Error::UnknownPage { view: view.into(), page });
        };
        if reference <= *last {
            return Ok(Admit::Duplicate);
        }
        *last = reference;
        Ok(Admit::Run { push: connected && self.current != Some(page) })
    }
}

/// Mounts `component`: `mount`, the first render of it and of the children it places, then the
/// mailbox task. Returns the handle and the view's HTML (the root element carrying
/// [`VIEW_ID_ATTR`], every child's content in its wrapper). A failing or panicking
/// `mount`/first render terminates the component with `Error` and returns the error.
pub(crate) async fn mount(component: Box<dyn Component>, opts: MountOptions) -> Result<(ViewHandle, String)> {
    let MountOptions { id, path, window, params, session, services, on_crash } = opts;
    let (tx, rx) = mpsc::unbounded_channel();
    let id: Arc<str> = id.into();
    let root_mailbox = Mailbox { id: Arc::clone(&id), cid: 0, subscriber: Arc::clone(&id), tx: tx.downgrade() };
    let outbox = Arc::new(Outbox::default());
    let env =
        Env { view_id: id.to_string(), path, window, services, outbox: Arc::clone(&outbox), mailbox: root_mailbox };
    let name = component.name();
    let tree = Tree::new(Box::new(RootPart(component)), env);
    let mut state =
        State { id: Arc::clone(&id), tree, outbox, v: 0, doc: None, pages: Pages::default(), on_crash: None };

    let counters = Arc::new(Counters::default());
    let markup = Arc::clone(&counters.markup_warnings);
    let first = crate::diff::warnings::counted(Arc::clone(&markup), async {
        state.tree.mount_root(&params, &session).await?;
        state.tree.run().await?;
        state.tree.discard_patch();
        Ok(state.tree.document())
    })
    .await;
    let html = match first {
        Ok(html) => html,
        Err(crash) => {
            let e = match crash {
                RootCrash::Panic { callback, message } => state.crashed(callback, &message),
                RootCrash::Failed(e) => e,
            };
            state.finish(TerminateReason::Error(e.to_string())).await;
            return Err(e);
        }
    };
    // From here on a crash is the window's business; a failed mount answered the request itself.
    state.on_crash = on_crash;
    state.doc = Some(0);
    state.tree.mark_doc();

    let handle = ViewHandle { id, name, tx, counters };
    tokio::spawn(crate::diff::warnings::counted(markup, run(state, rx)));
    Ok((handle, html))
}

/// At most this many queued info messages are handled before one render (a burst from a fast
/// timer or a busy topic becomes one patch, not one per message).
pub const COALESCE_INFOS: usize = 64;

async fn run(mut state: State, mut rx: mpsc::UnboundedReceiver<Command>) {
    // A command taken from the mailbox while coalescing infos, to run next.
    let mut next: Option<Command> = None;
    let reason = loop {
        let cmd = match next.take() {
            Some(cmd) => cmd,
            None => match rx.recv().await {
                Some(cmd) => cmd,
                None => break TerminateReason::Shutdown,
            },
        };
        let ended = match cmd {
            Command::Connect { sink, reply } => {
                let (v, catch_up) = state.catch_up();
                state.outbox.attach(sink, catch_up);
                let page = state.pages.connect();
                let _ = reply.send(ConnectReply { v, page });
                None
            }
            Command::Event { page, reference, cid, event, payload, reply } => {
                state.event(page, reference, cid, event, payload, reply).await
            }
            Command::Resync { reply } => {
                let mut patch = state.tree.whole();
                patch.v = state.v;
                let _ = reply.send(Ok(ResyncReply { v: state.v, patch }));
                None
            }
            Command::Info { cid, msg } => {
                // This info and those already queued right behind it, then one render.
                let mut handled = state.tree.info(cid, msg).await;
                for _ in 1..COALESCE_INFOS {
                    if handled.is_err() {
                        break;
                    }
                    match rx.try_recv() {
                        Ok(Command::Info { cid, msg }) => handled = state.tree.info(cid, msg).await,
                        Ok(other) => {
                            next = Some(other);
                            break;
                        }
                        Err(_) => break,
                    }
                }
                let result = match handled {
                    Err(crash) => Err(state.halted(crash)),
                    Ok(()) => state.turn().await,
                };
                state.push_turn(result)
            }
            Command::Wake => {
                let result = state.turn().await;
                state.push_turn(result)
            }
            Command::Document { reply } => {
                let result = state.document().await;
                let ended = crash_reason(&result);
                let _ = reply.send(result);
                ended
            }
            Command::FindChild { parent, key, reply } => {
                let _ = reply.send(state.tree.find_child(parent, &key));
                None
            }
            Command::Terminate { reason, reply } => {
                state.finish(reason).await;
                let _ = reply.send(());
                return;
            }
        };
        if let Some(reason) = ended {
            break reason;
        }
    };
    if let TerminateReason::Error(message) = &reason {
        state.outbox.push(ServerMessage::Error { code: "view_crashed".into(), message: message.clone() });
    }
    state.finish(reason).await;
    // Requests still queued get `ViewClosed` when `rx` drops.
}

impl State {
    fn view_id(&self) -> &str {
        &self.id
    }

    /// Handles one event; the terminate reason when it crashed the view.
    async fn event(
        &mut self,
        page: Option<PageId>,
        reference: u64,
        cid: Option<Cid>,
        event: String,
        payload: Payload,
        reply: oneshot::Sender<Result<EventReply>>,
    ) -> Option<TerminateReason> {
        let push = match self.pages.admit(&self.id, page, reference) {
            Ok(Admit::Run { push }) => push,
            Ok(Admit::Duplicate) => {
                tracing::debug!(view = self.view_id(), reference, "duplicate event acknowledged, not run");
                let _ = reply.send(Ok(EventReply { reference, v: self.v, patch: None }));
                return None;
            }
            Err(e) => {
                let _ = reply.send(Err(e));
                return None;
            }
        };
        let result = match self.tree.event(cid.unwrap_or(0), &event, &payload).await {
            Err(crash) => Err(self.halted(crash)),
            Ok(handled) => match self.turn().await {
                Err(e) => Err(e),
                // A handler's error (or a child's crash) is the reply; what the turn changed
                // anyway (the crashed child's fallback, queued messages) goes out as a push.
                Ok(patch) => match handled {
                    Ok(()) => Ok(EventReply { reference, v: self.v, patch }),
                    Err(e) => {
                        if let Some(patch) = patch {
                            self.outbox.push(ServerMessage::Patch { v: patch.v, patch });
                        }
                        Err(e)
                    }
                },
            },
        };
        if let (true, Ok(EventReply { patch: Some(patch), .. })) = (push, &result) {
            self.outbox.push(ServerMessage::Patch { v: patch.v, patch: patch.clone() });
        }
        let ended = crash_reason(&result);
        let _ = reply.send(result);
        ended
    }

    /// Finishes a turn: pending work, renders, then the patch numbered with the next version when
    /// anything changed.
    async fn turn(&mut self) -> Result<Option<Patch>> {
        if let Err(crash) = self.tree.run().await {
            return Err(self.halted(crash));
        }
        let mut patch = self.tree.take_patch();
        if patch.is_empty() {
            return Ok(None);
        }
        self.v += 1;
        patch.v = self.v;
        Ok(Some(patch))
    }

    /// Sends a turn's patch to the page (a turn no request waits for); the terminate reason when
    /// the view crashed.
    fn push_turn(&mut self, result: Result<Option<Patch>>) -> Option<TerminateReason> {
        if let Some(reason) = crash_reason(&result) {
            return Some(reason);
        }
        match result {
            Ok(Some(patch)) => self.outbox.push(ServerMessage::Patch { v: patch.v, patch }),
            Ok(None) => {}
            Err(e) => tracing::warn!(view = self.view_id(), "render failed: {e}"),
        }
        None
    }

    /// Renders everything again for a new document in the window (a reload) and returns the
    /// view's HTML; the old page stops receiving.
    async fn document(&mut self) -> Result<String> {
        self.tree.mark_all_dirty();
        if let Err(crash) = self.tree.run().await {
            return Err(self.halted(crash));
        }
        self.tree.discard_patch();
        let html = self.tree.document();
        self.doc = Some(self.v);
        self.tree.mark_doc();
        self.outbox.detach();
        self.pages.current = None;
        Ok(html)
    }

    fn halted(&mut self, crash: RootCrash) -> Error {
        match crash {
            RootCrash::Panic { callback, message } => self.crashed(callback, &message),
            RootCrash::Failed(e) => e,
        }
    }

    /// The root panicked: logs it, stops the view's background work and tells the runtime
    /// (before the page hears of it: the page reloads, and the runtime must already know to serve
    /// the error document). Returns the error to answer with.
    fn crashed(&mut self, callback: &str, message: &str) -> Error {
        let (view, component) = (self.view_id().to_owned(), self.tree.root_name());
        tracing::error!(view, component, callback, "panic: {message}");
        let error = Error::ViewCrashed { view, message: format!("panic in {callback}: {message}") };
        self.tree.root_link().shut_down();
        if let Some(hook) = self.on_crash.take() {
            hook(&error.to_string());
        }
        error
    }

    /// For a connecting page: the version to answer, and the patch (numbered `v`) that takes the
    /// page from its document's render to the current one, if they differ.
    fn catch_up(&mut self) -> (Version, Option<ServerMessage>) {
        match self.doc.take() {
            Some(doc_v) if doc_v < self.v => {
                let mut patch = self.tree.catch_up();
                if patch.is_empty() {
                    return (self.v, None);
                }
                patch.v = self.v;
                (self.v - 1, Some(ServerMessage::Patch { v: self.v, patch }))
            }
            _ => {
                self.tree.clear_doc();
                (self.v, None)
            }
        }
    }

    /// Ends every component — children first, `terminate` once each. Timers, tasks and
    /// subscriptions end first, so no message can follow `terminate`.
    async fn finish(&mut self, reason: TerminateReason) {
        self.tree.finish(reason).await;
    }
}

/// The terminate reason when `result` says the view crashed.
fn crash_reason<T>(result: &Result<T>) -> Option<TerminateReason> {
    match result {
        Err(e @ Error::ViewCrashed { .. }) => Some(TerminateReason::Error(e.to_string())),
        _ => None,
    }
}
