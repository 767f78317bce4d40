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

use std::collections::{BTreeMap, VecDeque};
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use futures::FutureExt;
use tokio::sync::{mpsc, oneshot};

use crate::component::{Component, Info, TerminateReason};
use crate::context::{Context, Params, Session, ViewLink};
use crate::diff::{diff, Rendered, Snapshot};
use crate::dom::{self, Element, Node};
use crate::error::{Error, Result};
use crate::protocol::{ConnectReply, EventReply, PageId, Patch, Payload, ResyncReply, ServerMessage, Version};
use crate::services::Services;
use crate::socket::{Outbound, Outbox, Socket};
use crate::tasks::TaskSet;

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
        event: String,
        payload: Payload,
        reply: oneshot::Sender<Result<EventReply>>,
    },
    Resync {
        reply: oneshot::Sender<Result<ResyncReply>>,
    },
    Info {
        msg: Info,
    },
    Document {
        reply: oneshot::Sender<Result<String>>,
    },
    Terminate {
        reason: TerminateReason,
        reply: oneshot::Sender<()>,
    },
}

/// The sending side of a view's mailbox, for its timers, tasks and PubSub subscriptions. It is
/// weak: only [`ViewHandle`]s keep a view alive.
#[derive(Clone)]
pub(crate) struct Mailbox {
    id: Arc<str>,
    tx: mpsc::WeakUnboundedSender<Command>,
}

impl Mailbox {
    pub(crate) fn view_id(&self) -> &str {
        &self.id
    }

    /// Queues a message for `handle_info`; `ViewClosed` once the view has ended.
    pub(crate) fn info(&self, msg: Info) -> Result<()> {
        let closed = || Error::ViewClosed(self.id.to_string());
        self.tx.upgrade().ok_or_else(closed)?.send(Command::Info { msg }).map_err(|_| closed())
    }
}

/// What a view has received, counted where the messages arrive (a test hook for "no round trip").
#[derive(Debug, Default)]
struct Counters {
    events: AtomicU64,
    connects: AtomicU64,
}

/// How many client messages a view has received so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct ViewStats {
    /// `event` requests that reached the view (duplicates and refused ones included).
    pub events: u64,
    /// `connect` requests.
    pub connects: u64,
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

    /// Delivers a client event from connection `page` and waits for its ack. A `reference` this
    /// page already sent is acknowledged without running the handler again; a page the view
    /// never handed out is `unknown_page`.
    pub async fn page_event(
        &self,
        page: Option<PageId>,
        reference: u64,
        event: String,
        payload: Payload,
    ) -> Result<EventReply> {
        self.counters.events.fetch_add(1, Ordering::Relaxed);
        self.ask(|reply| Command::Event { page, reference, event, payload, reply }).await?
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
        }
    }

    /// Queues a message for `handle_info`; its patch goes out over the view's channel.
    pub fn info(&self, msg: Info) -> Result<()> {
        self.tx.send(Command::Info { msg }).map_err(|_| self.closed())
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
    component: Box<dyn Component>,
    ctx: Context,
    link: Arc<ViewLink>,
    outbox: Arc<Outbox>,
    /// The last render, kept to diff the next one.
    rendered: Rendered,
    v: Version,
    /// What the page's document shows, until that page connects.
    doc: Option<(Version, Snapshot)>,
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

/// Mounts `component`: `mount`, first render, then the mailbox task. Returns the handle and the
/// root element's HTML (carrying [`VIEW_ID_ATTR`]). A failing or panicking `mount`/first render
/// terminates the component with `Error` and returns the error.
pub(crate) async fn mount(component: Box<dyn Component>, opts: MountOptions) -> Result<(ViewHandle, String)> {
    let MountOptions { id, path, window, params, session, services, on_crash } = opts;
    let (tx, rx) = mpsc::unbounded_channel();
    let mailbox = Mailbox { id: id.as_str().into(), tx: tx.downgrade() };
    let link = Arc::new(ViewLink { mailbox, tasks: TaskSet::default(), services: Arc::clone(&services) });
    let ctx = Context::new(&id, &path, &window, Arc::clone(&link));
    let outbox = Arc::new(Outbox::default());
    component.base().bind(Socket::new(&id, Arc::clone(&outbox), services));
    let name = component.name();
    let mut state = State {
        component,
        ctx,
        link,
        outbox,
        rendered: Rendered::default(),
        v: 0,
        doc: None,
        pages: Pages::default(),
        on_crash: None,
    };

    let mounted = AssertUnwindSafe(state.component.mount(&state.ctx, &params, &session)).catch_unwind().await;
    let first = match mounted {
        Ok(Ok(())) => state.render_root(),
        Ok(Err(e)) => Err(Error::MountFailed { component: name.into(), message: e.to_string() }),
        Err(panic) => Err(state.crashed("mount", panic)),
    };
    let (root, rendered) = match first {
        Ok(r) => r,
        Err(e) => {
            state.finish(TerminateReason::Error(e.to_string())).await;
            return Err(e);
        }
    };
    // From here on a crash is the window's business; a failed mount answered the request itself.
    state.on_crash = on_crash;
    state.doc = Some((0, rendered.snapshot().clone()));
    state.rendered = rendered;
    let mut html = String::new();
    dom::serialize_element(&root, &mut html);
    state.component.assigns().take_changed();

    let handle = ViewHandle { id: id.into(), name, tx, counters: Arc::default() };
    tokio::spawn(run(state, rx));
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
        match cmd {
            Command::Connect { sink, reply } => {
                let (v, catch_up) = state.catch_up();
                state.outbox.attach(sink, catch_up);
                let page = state.pages.connect();
                let _ = reply.send(ConnectReply { v, page });
            }
            Command::Event { page, reference, event, payload, reply } => {
                let push = match state.pages.admit(state.ctx.view_id(), page, reference) {
                    Ok(Admit::Run { push }) => push,
                    Ok(Admit::Duplicate) => {
                        tracing::debug!(view = state.ctx.view_id(), reference, "duplicate event acknowledged, not run");
                        let _ = reply.send(Ok(EventReply { reference, v: state.v, patch: None }));
                        continue;
                    }
                    Err(e) => {
                        let _ = reply.send(Err(e));
                        continue;
                    }
                };
                let fut = state.component.handle_event(&state.ctx, &event, &payload);
                let outcome = AssertUnwindSafe(fut).catch_unwind().await;
                let result = match outcome {
                    Ok(Ok(())) => state.rerender().map(|patch| EventReply { reference, v: state.v, patch }),
                    Ok(Err(e)) => Err(e.into()),
                    Err(panic) => Err(state.crashed("handle_event", panic)),
                };
                if let (true, Ok(EventReply { patch: Some(patch), .. })) = (push, &result) {
                    state.outbox.push(ServerMessage::Patch { v: patch.v, patch: patch.clone() });
                }
                let ended = crash_reason(&result);
                let _ = reply.send(result);
                if let Some(reason) = ended {
                    break reason;
                }
            }
            Command::Resync { reply } => {
                let _ = reply.send(state.whole_root());
            }
            Command::Info { msg } => {
                // This info and those already queued right behind it, then one render.
                let mut handled = state.handle_info(msg).await;
                let mut dirty = matches!(handled, Ok(true));
                for _ in 1..COALESCE_INFOS {
                    if handled.is_err() {
                        break;
                    }
                    match rx.try_recv() {
                        Ok(Command::Info { msg }) => {
                            handled = state.handle_info(msg).await;
                            dirty |= matches!(handled, Ok(true));
                        }
                        Ok(other) => {
                            next = Some(other);
                            break;
                        }
                        Err(_) => break,
                    }
                }
                let result = match handled {
                    Err(e) => Err(e),
                    Ok(_) if dirty => state.rerender(),
                    Ok(_) => Ok(None),
                };
                if let Some(reason) = crash_reason(&result) {
                    break reason;
                }
                match result {
                    Ok(Some(patch)) => state.outbox.push(ServerMessage::Patch { v: patch.v, patch }),
                    Ok(None) => {}
                    Err(e) => tracing::warn!(view = state.ctx.view_id(), "render after info failed: {e}"),
                }
            }
            Command::Document { reply } => {
                let result = state.render_root().map(|(root, rendered)| {
                    state.doc = Some((state.v, rendered.snapshot().clone()));
                    state.rendered = rendered;
                    state.component.assigns().take_changed();
                    state.outbox.detach();
                    state.pages.current = None;
                    let mut html = String::new();
                    dom::serialize_element(&root, &mut html);
                    html
                });
                let ended = crash_reason(&result);
                let _ = reply.send(result);
                if let Some(reason) = ended {
                    break reason;
                }
            }
            Command::Terminate { reason, reply } => {
                state.finish(reason).await;
                let _ = reply.send(());
                return;
            }
        }
    };
    if let TerminateReason::Error(message) = &reason {
        state.outbox.push(ServerMessage::Error { code: "view_crashed".into(), message: message.clone() });
    }
    state.finish(reason).await;
    // Requests still queued get `ViewClosed` when `rx` drops.
}

impl State {
    /// Runs `handle_info`: `Ok(true)` when it succeeded (a render is due), `Ok(false)` when it
    /// returned an error (logged; nothing to render), `Err` when it panicked (the view crashed).
    async fn handle_info(&mut self, msg: Info) -> Result<bool> {
        match AssertUnwindSafe(self.component.handle_info(&self.ctx, msg)).catch_unwind().await {
            Ok(Ok(())) => Ok(true),
            Ok(Err(e)) => {
                tracing::warn!(view = self.ctx.view_id(), "handle_info failed: {e}");
                Ok(false)
            }
            Err(panic) => Err(self.crashed("handle_info", panic)),
        }
    }

    /// Renders the component to HTML.
    fn render_html(&mut self) -> Result<String> {
        let rendered =
            std::panic::catch_unwind(AssertUnwindSafe(|| self.component.render(&self.ctx).render_to_string(&self.ctx)));
        match rendered {
            Ok(Ok(html)) => Ok(html),
            Ok(Err(std::fmt::Error)) => {
                Err(Error::Handler { code: "render_error".into(), message: "render failed".into() })
            }
            Err(panic) => Err(self.crashed("render", panic)),
        }
    }

    /// Renders, parses and snapshots the root.
    fn render_root(&mut self) -> Result<(Element, Rendered)> {
        let html = self.render_html()?;
        let (root, snapshot) = parse_root(&html, self.component.name(), self.ctx.view_id())?;
        Ok((root, Rendered::new(html, snapshot)))
    }

    /// Renders and diffs against the last render; `Some(patch)` when anything changed.
    fn rerender(&mut self) -> Result<Option<Patch>> {
        let html = self.render_html()?;
        let (name, id) = (self.component.name(), self.ctx.view_id());
        let mut patch = self.rendered.update(html, |html| parse_root(html, name, id).map(|(_, snapshot)| snapshot))?;
        self.component.assigns().take_changed();
        if patch.is_empty() {
            return Ok(None);
        }
        self.v += 1;
        patch.v = self.v;
        Ok(Some(patch))
    }

    /// A callback panicked: logs it, stops the view's background work and tells the runtime
    /// (before the page hears of it: the page reloads, and the runtime must already know to serve
    /// the error document). Returns the error to answer with.
    fn crashed(&mut self, callback: &str, panic: Box<dyn std::any::Any + Send>) -> Error {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "non-string panic payload".into());
        tracing::error!(view = self.ctx.view_id(), component = self.component.name(), callback, "panic: {message}");
        let error =
            Error::ViewCrashed { view: self.ctx.view_id().into(), message: format!("panic in {callback}: {message}") };
        self.link.shut_down();
        if let Some(hook) = self.on_crash.take() {
            hook(&error.to_string());
        }
        error
    }

    /// The last render's whole root as a patch numbered `v` (`f` and `r`), for `resync`.
    fn whole_root(&self) -> Result<ResyncReply> {
        let (root, _) = parse_root(self.rendered.html(), self.component.name(), self.ctx.view_id())?;
        let r: BTreeMap<String, Option<String>> =
            root.attrs.iter().map(|(k, v)| (k.clone(), Some(v.clone()))).collect();
        let patch = Patch { v: self.v, f: Some(dom::inner_html(&root)), r, ..Patch::default() };
        Ok(ResyncReply { v: self.v, patch })
    }

    /// For a connecting page: the version to answer, and the patch (numbered `v`) that takes the
    /// page from its document's render to the current one, if they differ.
    fn catch_up(&mut self) -> (Version, Option<ServerMessage>) {
        match self.doc.take() {
            Some((doc_v, doc)) if doc_v < self.v => {
                let mut patch = diff(&doc, self.rendered.snapshot());
                if patch.is_empty() {
                    return (self.v, None);
                }
                patch.v = self.v;
                (self.v - 1, Some(ServerMessage::Patch { v: self.v, patch }))
            }
            _ => (self.v, None),
        }
    }

    /// Runs `terminate` — the only place that does, and it is reached once per view. Timers,
    /// tasks and subscriptions end first, so no message can follow `terminate`.
    async fn finish(&mut self, reason: TerminateReason) {
        self.link.shut_down();
        let fut = self.component.terminate(&self.ctx, reason);
        if AssertUnwindSafe(fut).catch_unwind().await.is_err() {
            tracing::error!(view = self.ctx.view_id(), "panic in terminate");
        }
    }
}

/// Parses a whole render into its root element and snapshot. The snapshot knows where its
/// regions came from when the root is the render's own element (not a wrapper).
///
/// Bad markup never wedges the view: a duplicate `data-slot`, `data-list` or `data-key` is warned
/// about (inside this span, which names the view) and treated as plain markup, in every build.
fn parse_root(html: &str, name: &str, id: &str) -> Result<(Element, Snapshot)> {
    let _span = tracing::warn_span!("render", view = id, component = name).entered();
    let (nodes, spans) = dom::parse_with_spans(html);
    let (root, own) = root_element(nodes, name, id);
    let snapshot = if own { Snapshot::of_parsed(&root, &spans)? } else { Snapshot::of(&root)? };
    Ok((root, snapshot))
}

/// The rendered root: the first element if it is the only top-level node and carries
/// `data-live-view`; otherwise the output is wrapped in `<div data-live-view="name">`. Also
/// whether the root is the render's own element.
fn root_element(mut nodes: Vec<Node>, name: &str, id: &str) -> (Element, bool) {
    let significant = nodes.iter().filter(|n| !matches!(n, Node::Text(t) if t.trim().is_empty())).count();
    let single = nodes.iter().position(|n| matches!(n, Node::Element(e) if e.attr("data-live-view").is_some()));
    let (mut root, own) = match single {
        Some(i) if significant == 1 => match nodes.swap_remove(i) {
            Node::Element(e) => (e, true),
            _ => unreachable!("position matched an element"),
        },
        _ => (
            Element { name: "div".into(), attrs: vec![("data-live-view".into(), name.into())], children: nodes },
            false,
        ),
    };
    root.attrs.retain(|(k, _)| k != VIEW_ID_ATTR);
    root.attrs.push((VIEW_ID_ATTR.into(), id.into()));
    root.attrs.sort();
    (root, own)
}

/// The terminate reason when `result` says the view crashed.
fn crash_reason<T>(result: &Result<T>) -> Option<TerminateReason> {
    match result {
        Err(e @ Error::ViewCrashed { .. }) => Some(TerminateReason::Error(e.to_string())),
        _ => None,
    }
}
