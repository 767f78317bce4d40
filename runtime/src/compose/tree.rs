//! [`Tree`]: a view's components — the root (id 0) and its children, each with its last render.
//!
//! A **turn** is what one mailbox command does: a callback runs (an event, an info, a message),
//! then [`Tree::run`] handles the work it queued (children's outputs, messages to children,
//! crash notices) and renders every component marked dirty, lowest id first. Parents have lower
//! ids than their children, so a parent renders before its children; its render places children
//! (`self.child::<C>(key, props)`) and [`Tree::reconcile`] mounts the new ones, runs `update` for
//! those whose props changed, and ends those no longer placed — so a child renders at most once
//! per turn in the common case, and only when it is dirty. [`Tree::take_patch`] then gives the
//! turn's patch: the root's changes, and in `c` one region per child that changed.
//!
//! A component rendered twice in one turn (a child's `mount` emitted to a parent that had
//! already rendered) sends its whole content once (`f`), so the page never sees a half-merged
//! patch.

use std::any::Any;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use futures::FutureExt;

use super::child::ChildCrash;
use super::part::Part;
use super::slot::{self, DeliverFn, Placed, Scope};
use super::{Cid, Pending, TreeShared, CID_ATTR};
use crate::component::{Info, TerminateReason};
use crate::context::{Context, Params, Session, ViewLink};
use crate::diff::{diff, Rendered, Snapshot};
use crate::dom::{self, Element, Node as DomNode};
use crate::error::{Error, HandlerError, Result};
use crate::protocol::{ChildPatch, Patch, Payload};
use crate::services::Services;
use crate::socket::{Outbox, Socket};
use crate::tasks::TaskSet;
use crate::view::{Mailbox, VIEW_ID_ATTR};

/// What a crashed child's region shows.
pub const FALLBACK_HTML: &str = r#"<p class="lv-crashed" role="alert">This part of the window stopped working.</p>"#;

/// Most pending items and renders one turn handles: a parent and a child that keep answering
/// each other forever are cut off here (logged) instead of wedging the window.
const TURN_LIMIT: usize = 100_000;

/// Where the view's components live: what a child's context and socket are made of.
pub(crate) struct Env {
    pub(crate) view_id: String,
    pub(crate) path: String,
    pub(crate) window: String,
    pub(crate) services: Arc<Services>,
    pub(crate) outbox: Arc<Outbox>,
    /// The root's mailbox; a child's is the same one addressed to it.
    pub(crate) mailbox: Mailbox,
}

/// Why a turn stopped short: the root panicked (the view crashes) or failed to render.
#[derive(Debug)]
pub(crate) enum RootCrash {
    /// A root callback panicked.
    Panic { callback: &'static str, message: String },
    /// The root's render or its markup failed.
    Failed(Error),
}

/// How one callback ended.
enum Settled {
    Done,
    Failed(HandlerError),
    /// A child panicked (it now shows its fallback): the error to answer with.
    Crashed(Error),
}

struct Node {
    part: Box<dyn Part>,
    ctx: Context,
    link: Arc<ViewLink>,
    parent: Cid,
    key: String,
    tag: &'static str,
    /// Hands this child's outputs to its parent (none for the root).
    deliver: Option<DeliverFn>,
    rendered: Rendered,
    /// What the page's document shows of it, until that page connects.
    doc: Option<Arc<Snapshot>>,
    crashed: bool,
}

/// A view's components and the turn under way.
pub(crate) struct Tree {
    nodes: BTreeMap<Cid, Node>,
    next: Cid,
    dirty: BTreeSet<Cid>,
    /// This turn's patch so far, per component.
    turn: BTreeMap<Cid, Patch>,
    rendered_in_turn: BTreeSet<Cid>,
    env: Env,
    shared: Arc<TreeShared>,
}

impl Tree {
    /// A tree holding `root` (not mounted yet).
    pub(crate) fn new(root: Box<dyn Part>, env: Env) -> Self {
        let shared = Arc::new(TreeShared::default());
        let mut tree = Tree {
            nodes: BTreeMap::new(),
            next: 1,
            dirty: BTreeSet::new(),
            turn: BTreeMap::new(),
            rendered_in_turn: BTreeSet::new(),
            env,
            shared,
        };
        let node = tree.node(root, 0, 0, String::new(), "div", None);
        tree.nodes.insert(0, node);
        tree
    }

    fn node(
        &self,
        part: Box<dyn Part>,
        cid: Cid,
        parent: Cid,
        key: String,
        tag: &'static str,
        deliver: Option<DeliverFn>,
    ) -> Node {
        let env = &self.env;
        let mailbox = env.mailbox.for_component(cid);
        let link = Arc::new(ViewLink {
            mailbox,
            tasks: TaskSet::default(),
            services: Arc::clone(&env.services),
            shared: Arc::clone(&self.shared),
        });
        let ctx = Context::new(&env.view_id, &env.path, &env.window, Arc::clone(&link));
        part.base().bind(Socket::new(&env.view_id, Arc::clone(&env.outbox), Arc::clone(&env.services)));
        Node { part, ctx, link, parent, key, tag, deliver, rendered: Rendered::default(), doc: None, crashed: false }
    }

    /// The root component's name.
    pub(crate) fn root_name(&self) -> &'static str {
        self.nodes[&0].part.name()
    }

    /// The root's link (its tasks and subscriptions).
    pub(crate) fn root_link(&self) -> &ViewLink {
        &self.nodes[&0].link
    }

    /// The id of child `key` of `parent`, whatever its type (for tests and tools).
    pub(crate) fn find_child(&self, parent: Cid, key: &str) -> Option<Cid> {
        self.nodes.iter().find(|(&c, n)| c != 0 && n.parent == parent && n.key == key).map(|(&c, _)| c)
    }

    /// A turn begins: work queued from now on is picked up before it renders.
    pub(crate) fn begin(&self) {
        self.shared.set_in_turn(true);
    }

    /// Runs the root's `mount` and marks it dirty.
    pub(crate) async fn mount_root(&mut self, params: &Params, session: &Session) -> Result<(), RootCrash> {
        self.begin();
        let root = self.nodes.get_mut(&0).expect("the root");
        let name = root.part.name();
        let outcome = AssertUnwindSafe(root.part.mount_root(&root.ctx, params, session)).catch_unwind().await;
        match self.settle(0, "mount", outcome).await? {
            Settled::Done => Ok(()),
            Settled::Failed(e) => {
                Err(RootCrash::Failed(Error::MountFailed { component: name.into(), message: e.to_string() }))
            }
            Settled::Crashed(e) => Err(RootCrash::Failed(e)),
        }
    }

    /// Runs `handle_event` on component `cid`. The outer error is the root crashing; the inner
    /// one is what the event is answered with (a handler's error, `unknown_component`, or
    /// `component_crashed`).
    pub(crate) async fn event(&mut self, cid: Cid, event: &str, payload: &Payload) -> Result<Result<()>, RootCrash> {
        self.begin();
        let Some(node) = self.nodes.get_mut(&cid).filter(|n| !n.crashed) else {
            return Ok(Err(self.unknown(cid)));
        };
        let outcome = AssertUnwindSafe(node.part.event(&node.ctx, event, payload)).catch_unwind().await;
        Ok(match self.settle(cid, "handle_event", outcome).await? {
            Settled::Done => Ok(()),
            Settled::Failed(e) => Err(e.into()),
            Settled::Crashed(e) => Err(e),
        })
    }

    /// Runs `handle_info` on component `cid`: an info for a component that has ended is dropped.
    pub(crate) async fn info(&mut self, cid: Cid, msg: Info) -> Result<(), RootCrash> {
        self.begin();
        let Some(node) = self.nodes.get_mut(&cid).filter(|n| !n.crashed) else {
            tracing::debug!(view = &*self.env.view_id, cid, "info for a component that has ended: dropped");
            return Ok(());
        };
        let outcome = AssertUnwindSafe(node.part.info(&node.ctx, msg)).catch_unwind().await;
        if let Settled::Failed(e) = self.settle(cid, "handle_info", outcome).await? {
            tracing::warn!(view = &*self.env.view_id, cid, "handle_info failed: {e}");
        }
        Ok(())
    }

    fn unknown(&self, cid: Cid) -> Error {
        let why = match self.nodes.get(&cid) {
            Some(_) => "it crashed",
            None if cid > 0 && cid < self.next => "it was removed",
            None => "no such component",
        };
        Error::UnknownComponent { view: self.env.view_id.clone(), cid, why: why.into() }
    }

    /// Marks every live component dirty (a new document re-renders them all).
    pub(crate) fn mark_all_dirty(&mut self) {
        self.dirty.extend(self.nodes.keys().copied());
    }

    /// Handles the pending work and renders what is dirty, until nothing is left.
    pub(crate) async fn run(&mut self) -> Result<(), RootCrash> {
        self.begin();
        let result = self.run_inner().await;
        self.shared.set_in_turn(false);
        // A background task may have queued work after the last look and before the flag went
        // down (it did not wake the view then): wake it now, so that work gets its own turn.
        if self.shared.has_pending() {
            let _ = self.env.mailbox.wake();
        }
        result
    }

    async fn run_inner(&mut self) -> Result<(), RootCrash> {
        for _ in 0..TURN_LIMIT {
            if let Some(work) = self.shared.pop() {
                self.handle_pending(work).await?;
                continue;
            }
            let Some(cid) = self.dirty.pop_first() else { return Ok(()) };
            self.render(cid).await?;
        }
        tracing::error!(
            view = &*self.env.view_id,
            "a turn did not settle after {TURN_LIMIT} steps; the rest is dropped"
        );
        while self.shared.pop().is_some() {}
        self.dirty.clear();
        Ok(())
    }

    async fn handle_pending(&mut self, work: Pending) -> Result<(), RootCrash> {
        let (cid, callback, outcome) = match work {
            Pending::Output { from, output } => {
                let Some((parent, key, deliver)) =
                    self.nodes.get(&from).and_then(|n| Some((n.parent, n.key.clone(), n.deliver?)))
                else {
                    tracing::debug!(view = &*self.env.view_id, from, "output of a child that has ended: dropped");
                    return Ok(());
                };
                let Some(node) = self.nodes.get_mut(&parent).filter(|n| !n.crashed) else { return Ok(()) };
                let fut = deliver(node.part.as_any_mut(), &node.ctx, &key, output);
                (parent, "on_output", AssertUnwindSafe(fut).catch_unwind().await)
            }
            Pending::Message { to, msg } => {
                let Some(node) = self.nodes.get_mut(&to).filter(|n| !n.crashed) else {
                    tracing::debug!(view = &*self.env.view_id, to, "message for a child that has ended: dropped");
                    return Ok(());
                };
                (to, "handle_message", AssertUnwindSafe(node.part.message(&node.ctx, msg)).catch_unwind().await)
            }
            Pending::Crashed { parent, crash } => {
                let Some(node) = self.nodes.get_mut(&parent).filter(|n| !n.crashed) else { return Ok(()) };
                (
                    parent,
                    "child_crashed",
                    AssertUnwindSafe(node.part.child_crashed(&node.ctx, crash)).catch_unwind().await,
                )
            }
        };
        if let Settled::Failed(e) = self.settle(cid, callback, outcome).await? {
            tracing::warn!(view = &*self.env.view_id, cid, callback, "{e}");
        }
        Ok(())
    }

    /// Files a callback's outcome: success marks the component dirty; a child's panic crashes
    /// that child; the root's panic stops the turn.
    async fn settle(
        &mut self,
        cid: Cid,
        callback: &'static str,
        outcome: std::thread::Result<std::result::Result<(), HandlerError>>,
    ) -> Result<Settled, RootCrash> {
        match outcome {
            Ok(Ok(())) => {
                self.dirty.insert(cid);
                Ok(Settled::Done)
            }
            Ok(Err(e)) => Ok(Settled::Failed(e)),
            Err(panic) => {
                let message = panic_message(panic.as_ref());
                if cid == 0 {
                    return Err(RootCrash::Panic { callback, message });
                }
                Ok(Settled::Crashed(self.crash(cid, callback, &format!("panic in {callback}: {message}")).await))
            }
        }
    }

    /// Renders component `cid`, records its patch and reconciles the children it placed.
    async fn render(&mut self, cid: Cid) -> Result<(), RootCrash> {
        let Some(node) = self.nodes.get_mut(&cid) else { return Ok(()) };
        if node.crashed {
            let html = wrap(node.tag, cid, FALLBACK_HTML);
            let patch = node.rendered.update(html, parse_child);
            self.record(cid, patch.unwrap_or_default());
            return Ok(());
        }
        let scope = Scope::new(node.part.component_type(), self.shared.take_children(cid), self.next);
        let (content, scope) = {
            // The last render's size: one allocation instead of a dozen doublings.
            let capacity = node.rendered.html().len() + node.rendered.html().len() / 8;
            slot::within(scope, || {
                std::panic::catch_unwind(AssertUnwindSafe(|| node.part.render_html(&node.ctx, capacity)))
            })
        };
        self.next = scope.next;
        let failure = match content {
            Ok(Ok(content)) => match self.diff(cid, content) {
                Ok(patch) => {
                    self.record(cid, patch);
                    return self.reconcile(cid, scope).await;
                }
                Err(e) => RootCrash::Failed(e),
            },
            Ok(Err(std::fmt::Error)) => {
                RootCrash::Failed(Error::Handler { code: "render_error".into(), message: "render failed".into() })
            }
            Err(panic) => RootCrash::Panic { callback: "render", message: panic_message(panic.as_ref()) },
        };
        // The render did not land: the children it had stay as they were.
        self.shared.set_children(cid, scope.known);
        if cid == 0 {
            return Err(failure);
        }
        let message = match failure {
            RootCrash::Panic { message, .. } => format!("panic in render: {message}"),
            RootCrash::Failed(e) => e.to_string(),
        };
        self.crash(cid, "render", &message).await;
        Ok(())
    }

    fn diff(&mut self, cid: Cid, content: String) -> Result<Patch> {
        let node = self.nodes.get_mut(&cid).expect("rendered node");
        let patch = if cid == 0 {
            let (name, id) = (node.part.name(), self.env.view_id.as_str());
            node.rendered.update(content, |h| parse_root(h, name, id))?
        } else {
            node.rendered.update(wrap(node.tag, cid, &content), parse_child)?
        };
        node.part.base().assigns().take_changed();
        Ok(patch)
    }

    /// Adds a render's patch to the turn's (see the module docs for a second render).
    fn record(&mut self, cid: Cid, patch: Patch) {
        let first = self.rendered_in_turn.insert(cid);
        let earlier = self.turn.remove(&cid);
        let merged = match earlier {
            Some(earlier) if !first && !patch.is_empty() => {
                let mut r = earlier.r;
                r.extend(patch.r);
                let f = Some(self.nodes[&cid].rendered.snapshot().inner_html());
                Patch { r, f, ..Patch::default() }
            }
            Some(earlier) if patch.is_empty() => earlier,
            _ => patch,
        };
        if !merged.is_empty() {
            self.turn.insert(cid, merged);
        }
    }

    /// After `parent` rendered: new children mount, children with new props `update`, children no
    /// longer placed end (their own children first).
    async fn reconcile(&mut self, parent: Cid, scope: Scope) -> Result<(), RootCrash> {
        let Scope { mut known, placed, seen, fresh, .. } = scope;
        // Its children now: the known ones it placed again, and the new ones.
        let mut gone = Vec::new();
        for by_key in known.values_mut() {
            by_key.retain(|_, cid| {
                let kept = seen.contains(cid);
                if !kept {
                    gone.push(*cid);
                }
                kept
            });
        }
        known.retain(|_, by_key| !by_key.is_empty());
        for (type_id, by_key) in fresh {
            known.entry(type_id).or_default().extend(by_key);
        }
        self.shared.set_children(parent, known);
        for cid in gone {
            self.end_subtree(cid, TerminateReason::Normal).await;
        }
        for placed in placed {
            let cid = placed.cid;
            let outcome = if self.nodes.contains_key(&cid) {
                let node = self.nodes.get_mut(&cid).expect("checked");
                if node.crashed || !node.part.props_differ(&*placed.props) {
                    continue;
                }
                let fut = node.part.update(&node.ctx, placed.props);
                ("update", AssertUnwindSafe(fut).catch_unwind().await)
            } else if placed.key.is_none() {
                // Known to the parent but not in the tree: cannot happen (the two change together).
                tracing::error!(view = &*self.env.view_id, cid, "a known child is missing from the tree; left out");
                continue;
            } else {
                let node = self.mount_node(parent, placed);
                let node = self.nodes.entry(cid).or_insert(node);
                ("mount", AssertUnwindSafe(node.part.mount(&node.ctx)).catch_unwind().await)
            };
            match self.settle(cid, outcome.0, outcome.1).await? {
                Settled::Failed(e) if outcome.0 == "mount" => {
                    self.crash(cid, "mount", &format!("mount failed: {e}")).await;
                }
                Settled::Failed(e) => tracing::warn!(view = &*self.env.view_id, cid, "update failed: {e}"),
                _ => {}
            }
        }
        Ok(())
    }

    fn mount_node(&self, parent: Cid, placed: Placed) -> Node {
        let Placed { cid, key, props, make, deliver, tag } = placed;
        self.node(make(props), cid, parent, key.unwrap_or_default(), tag, Some(deliver))
    }

    /// Ends `cid` and everything under it, children first; each `terminate` runs once.
    async fn end_subtree(&mut self, cid: Cid, reason: TerminateReason) {
        let mut all = vec![cid];
        let mut i = 0;
        while i < all.len() {
            all.extend(self.shared.children_ids(all[i]));
            i += 1;
        }
        // Children always have higher ids than their parents.
        all.sort_unstable_by(|a, b| b.cmp(a));
        for cid in all {
            self.shared.set_children(cid, HashMap::new());
            self.dirty.remove(&cid);
            self.turn.remove(&cid);
            if let Some(mut node) = self.nodes.remove(&cid) {
                if !node.crashed {
                    end(&mut node, reason.clone()).await;
                }
            }
        }
    }

    /// Child `cid` failed in `callback` (`message` says how: `panic in render: …`, `mount failed:
    /// …`): its children end, it terminates with `Error(message)`, its region shows the
    /// fallback, and its parent hears of it. Returns the error for the request.
    async fn crash(&mut self, cid: Cid, callback: &str, message: &str) -> Error {
        let Some(node) = self.nodes.get(&cid) else {
            return self.unknown(cid);
        };
        let (name, key, parent) = (node.part.name(), node.key.clone(), node.parent);
        tracing::error!(view = &*self.env.view_id, component = name, key, callback, "child crashed: {message}");
        let reason = TerminateReason::Error(message.to_owned());
        for child in self.shared.children_ids(cid) {
            self.end_subtree(child, reason.clone()).await;
        }
        self.shared.set_children(cid, HashMap::new());
        if let Some(node) = self.nodes.get_mut(&cid) {
            node.crashed = true;
            end(node, reason).await;
        }
        self.dirty.insert(cid);
        let crash = ChildCrash { key, component: name, message: message.to_owned() };
        self.shared.push_in_turn(Pending::Crashed { parent, crash });
        Error::ComponentCrashed { component: name.into(), message: message.to_owned() }
    }

    /// The turn's patch (`v` left at 0): the root's changes, and one region per changed child.
    pub(crate) fn take_patch(&mut self) -> Patch {
        self.rendered_in_turn.clear();
        let mut entries = std::mem::take(&mut self.turn);
        let mut patch = entries.remove(&0).unwrap_or_default();
        patch.c = entries.into_iter().map(|(cid, p)| (cid, ChildPatch::from(p))).collect();
        patch
    }

    /// Drops the turn's patch (a new document shows the result instead).
    pub(crate) fn discard_patch(&mut self) {
        self.rendered_in_turn.clear();
        self.turn.clear();
    }

    /// Remembers what a new document shows of every component.
    pub(crate) fn mark_doc(&mut self) {
        for node in self.nodes.values_mut() {
            node.doc = Some(node.rendered.shared_snapshot());
        }
    }

    /// Forgets what the document showed (its page connected with nothing to catch up).
    pub(crate) fn clear_doc(&mut self) {
        for node in self.nodes.values_mut() {
            node.doc = None;
        }
    }

    /// The patch from what the document shows to what the components show now; forgets the
    /// document.
    pub(crate) fn catch_up(&mut self) -> Patch {
        let mut patch = Patch::default();
        for (&cid, node) in &mut self.nodes {
            let now = node.rendered.snapshot();
            let p = match node.doc.take() {
                Some(doc) => diff(&doc, now),
                None => Patch { f: Some(now.inner_html()), ..Patch::default() },
            };
            if cid == 0 {
                patch = p;
            } else if !p.is_empty() {
                patch.c.insert(cid, p.into());
            }
        }
        patch
    }

    /// Every component's whole last render (`v` left at 0): the root's attributes and content,
    /// and each child's content — for a page that missed a version.
    ///
    /// A view without children writes its root's snapshot back out, as [`Tree::document`] does:
    /// a resync of a large view pays no parse. (Debug builds check it against the parse.)
    pub(crate) fn whole(&self) -> Patch {
        let root = &self.nodes[&0];
        let (f, attrs) = if self.nodes.len() == 1 {
            let snapshot = root.rendered.snapshot();
            let whole = (snapshot.inner_html(), snapshot.root_attrs().to_vec());
            #[cfg(debug_assertions)]
            {
                let el = root_tree(root.rendered.html(), root.part.name(), &self.env.view_id);
                assert_eq!(whole, (dom::inner_html(&el), el.attrs), "a snapshot differs from its render's parse");
            }
            whole
        } else {
            let el = root_tree(root.rendered.html(), root.part.name(), &self.env.view_id);
            (dom::inner_html(&el), el.attrs)
        };
        let r = attrs.into_iter().map(|(k, v)| (k, Some(v))).collect();
        let mut patch = Patch { f: Some(f), r, ..Patch::default() };
        for (&cid, node) in self.nodes.range(1..) {
            let f = Some(node.rendered.snapshot().inner_html());
            patch.c.insert(cid, ChildPatch { f, ..ChildPatch::default() });
        }
        patch
    }

    /// The view's whole HTML — the root element with every child's content in its wrapper — for
    /// a window's document.
    ///
    /// A view without children writes its root's snapshot back out (its last render was parsed
    /// already, to diff it): a window opening on a large view, or a reload, pays no second parse.
    /// (Debug builds check it against the parse.) A view with children parses its renders to put
    /// each child's content into its wrapper.
    pub(crate) fn document(&self) -> String {
        let root = &self.nodes[&0];
        if self.nodes.len() == 1 {
            let html = root.rendered.snapshot().outer_html();
            #[cfg(debug_assertions)]
            {
                let el = root_tree(root.rendered.html(), root.part.name(), &self.env.view_id);
                let mut parsed = String::new();
                dom::serialize_element(&el, &mut parsed);
                assert_eq!(html, parsed, "a snapshot's HTML differs from its render's parse");
            }
            return html;
        }
        let mut el = root_tree(root.rendered.html(), root.part.name(), &self.env.view_id);
        self.fill(&mut el.children);
        let mut html = String::new();
        dom::serialize_element(&el, &mut html);
        html
    }

    fn fill(&self, nodes: &mut [DomNode]) {
        for node in nodes {
            let DomNode::Element(el) = node else { continue };
            let child = el.attr(CID_ATTR).and_then(|v| v.parse::<Cid>().ok()).filter(|&c| c != 0);
            if let Some(child) = child.and_then(|c| self.nodes.get(&c)) {
                el.children = child_content(child.rendered.html());
            }
            self.fill(&mut el.children);
        }
    }

    /// Ends every component: children first (highest id first), the root last.
    pub(crate) async fn finish(&mut self, reason: TerminateReason) {
        let ids: Vec<Cid> = self.nodes.keys().rev().copied().collect();
        for cid in ids {
            if let Some(node) = self.nodes.get_mut(&cid) {
                if !node.crashed {
                    end(node, reason.clone()).await;
                    node.crashed = true;
                }
            }
        }
        self.shared.set_in_turn(false);
    }
}

/// Stops a component's background work and runs its `terminate` (a panic there is logged).
async fn end(node: &mut Node, reason: TerminateReason) {
    node.link.shut_down();
    if AssertUnwindSafe(node.part.terminate(&node.ctx, reason)).catch_unwind().await.is_err() {
        tracing::error!(component = node.part.name(), "panic in terminate");
    }
}

pub(crate) fn panic_message(panic: &(dyn Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "non-string panic payload".into())
}

/// A child's content inside its wrapper, as its snapshot sees it.
fn wrap(tag: &str, cid: Cid, content: &str) -> String {
    format!("<{tag} {CID_ATTR}=\"{cid}\">{content}</{tag}>")
}

/// Parses a child's wrapped render into its snapshot. Markup that closes the wrapper early (a
/// stray end tag) is warned about; what follows it is not part of the child.
fn parse_child(html: &str) -> Result<Snapshot> {
    let (nodes, spans) = dom::parse_with_spans(html);
    let clean = nodes.len() == 1;
    let Some(DomNode::Element(wrapper)) = nodes.into_iter().next() else {
        return Ok(Snapshot::default());
    };
    if !clean {
        tracing::warn!("a child's render closes its wrapper element early; what follows is left out");
    }
    if clean {
        Snapshot::from_parsed_tree(wrapper, &spans)
    } else {
        Snapshot::from_tree(wrapper)
    }
}

/// Parses a child's wrapped render into its wrapper's children (what [`parse_child`] snapshots),
/// for a document that puts the child's content into its place.
fn child_content(html: &str) -> Vec<DomNode> {
    match dom::parse_fragment(html).into_iter().next() {
        Some(DomNode::Element(wrapper)) => wrapper.children,
        _ => Vec::new(),
    }
}

/// Parses a whole root render into its snapshot. The snapshot knows where its regions came from
/// when the root is the render's own element (not a wrapper).
///
/// Bad markup never wedges the view: a duplicate `data-slot`, `data-list` or `data-key` is warned
/// about (inside this span, which names the view) and treated as plain markup, in every build.
pub(crate) fn parse_root(html: &str, name: &str, id: &str) -> Result<Snapshot> {
    let _span = tracing::warn_span!("render", view = id, component = name).entered();
    let (nodes, spans) = dom::parse_with_spans(html);
    let (root, own) = root_element(nodes, name, id);
    if own {
        Snapshot::from_parsed_tree(root, &spans)
    } else {
        Snapshot::from_tree(root)
    }
}

/// Parses a whole root render into its root element (what [`parse_root`] snapshots), for a
/// document or a resync. It builds no snapshot, so bad markup is not warned about twice.
pub(crate) fn root_tree(html: &str, name: &str, id: &str) -> Element {
    root_element(dom::parse_fragment(html), name, id).0
}

/// The rendered root: the first element if it is the only top-level node and carries
/// `data-live-view`; otherwise the output is wrapped in `<div data-live-view="name">`. Also
/// whether the root is the render's own element.
fn root_element(mut nodes: Vec<DomNode>, name: &str, id: &str) -> (Element, bool) {
    let significant = nodes.iter().filter(|n| !matches!(n, DomNode::Text(t) if t.trim().is_empty())).count();
    let single = nodes.iter().position(|n| matches!(n, DomNode::Element(e) if e.attr("data-live-view").is_some()));
    let (mut root, own) = match single {
        Some(i) if significant == 1 => match nodes.swap_remove(i) {
            DomNode::Element(e) => (e, true),
            _ => unreachable!("position matched an element"),
        },
        _ => (
            Element {
                name: "div".into(),
                attrs: vec![("data-live-view".into(), name.into())],
                children: nodes,
                ..Element::default()
            },
            false,
        ),
    };
    root.attrs.retain(|(k, _)| k != VIEW_ID_ATTR);
    root.attrs.push((VIEW_ID_ATTR.into(), id.into()));
    root.attrs.sort_unstable(); // names are unique: the same order as a stable sort
    (root, own)
}
