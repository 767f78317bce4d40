//! Components inside components (DESIGN §8).
//!
//! A view is a tree: its root [`crate::Component`] and the [`ChildComponent`]s it renders, each
//! identified by its parent and a key the parent chooses, each with its own state, callbacks and
//! background work, all on the view's one mailbox (callbacks of one window never overlap).
//!
//! - `child.rs`: what a child implements ([`ChildComponent`]) and what its parent implements to
//!   hear from it ([`OnOutput`]).
//! - `slot.rs`: placing a child in a render (`self.child::<C>(key, props)` → [`ChildSlot`]).
//! - `part.rs`: root and children behind one interface.
//! - `tree.rs`: the view's tree — one turn (handle, then render what is dirty, parents before
//!   children), reconciling a parent's children after its render, ending removed or crashed
//!   children, and the patch with a region per changed child.
//!
//! On the wire a child's region is its wrapper element `data-lv-cid="N"`; a patch carries each
//! changed child's region in `c` ([`crate::protocol::Patch::c`]), and an event names the
//! component that rendered its element ([`crate::protocol::EventRequest::cid`]).

mod child;
mod part;
mod slot;
mod tree;

use std::any::TypeId;
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

pub use child::{ChildComponent, ChildCrash, OnOutput};
pub(crate) use part::RootPart;
pub use slot::ChildSlot;
pub(crate) use tree::{Env, RootCrash, Tree};

use crate::view::Mailbox;

/// A component's id within its view: `0` is the root; children count up from 1, in the order
/// they were first rendered, and an id is never reused (an event for a removed child can never
/// reach another one).
pub type Cid = u64;

/// The attribute carrying a child's id on its wrapper element.
pub const CID_ATTR: &str = "data-lv-cid";

/// Work queued for the tree by a callback: handled in the same turn, before anything renders.
pub(crate) enum Pending {
    /// A child's output, for its parent's `on_output`.
    Output { from: Cid, output: Box<dyn std::any::Any + Send> },
    /// A parent's message, for child `to`'s `handle_message`.
    Message { to: Cid, msg: Box<dyn std::any::Any + Send> },
    /// Child `crash.key` of `parent` crashed.
    Crashed { parent: Cid, crash: ChildCrash },
}

/// One parent's children: child type → key → child id (by type first, so a lookup borrows the
/// key instead of building an owned `(type, key)` pair for every child of every render).
pub(crate) type Children = HashMap<TypeId, HashMap<String, Cid>>;

/// Child `key` of type `type_id` in `children`.
pub(crate) fn child_in(children: &Children, type_id: TypeId, key: &str) -> Option<Cid> {
    children.get(&type_id)?.get(key).copied()
}

/// What every component of a view shares with the tree: which children each parent has (so
/// `send_child` can refuse a missing one at once), and the queue of pending work.
#[derive(Default)]
pub(crate) struct TreeShared {
    /// parent → (child type, key) → child id.
    children: Mutex<HashMap<Cid, Children>>,
    pending: Mutex<VecDeque<Pending>>,
    /// A turn is under way: pending work will be picked up before it renders.
    in_turn: AtomicBool,
}

impl TreeShared {
    pub(crate) fn child_of(&self, parent: Cid, type_id: TypeId, key: &str) -> Option<Cid> {
        let children = self.children.lock().unwrap_or_else(|e| e.into_inner());
        child_in(children.get(&parent)?, type_id, key)
    }

    /// Queues `work`; from outside a turn (a background task) also wakes the view.
    pub(crate) fn push(&self, work: Pending, mailbox: &Mailbox) {
        self.pending.lock().unwrap_or_else(|e| e.into_inner()).push_back(work);
        if !self.in_turn.load(Ordering::SeqCst) {
            let _ = mailbox.wake();
        }
    }

    /// Queues `work` from inside a turn.
    fn push_in_turn(&self, work: Pending) {
        self.pending.lock().unwrap_or_else(|e| e.into_inner()).push_back(work);
    }

    fn has_pending(&self) -> bool {
        !self.pending.lock().unwrap_or_else(|e| e.into_inner()).is_empty()
    }

    fn pop(&self) -> Option<Pending> {
        self.pending.lock().unwrap_or_else(|e| e.into_inner()).pop_front()
    }

    fn set_in_turn(&self, on: bool) {
        self.in_turn.store(on, Ordering::SeqCst);
    }

    fn take_children(&self, parent: Cid) -> Children {
        self.children.lock().unwrap_or_else(|e| e.into_inner()).remove(&parent).unwrap_or_default()
    }

    fn set_children(&self, parent: Cid, children: Children) {
        let mut all = self.children.lock().unwrap_or_else(|e| e.into_inner());
        if children.is_empty() {
            all.remove(&parent);
        } else {
            all.insert(parent, children);
        }
    }

    fn children_ids(&self, parent: Cid) -> Vec<Cid> {
        let all = self.children.lock().unwrap_or_else(|e| e.into_inner());
        all.get(&parent).map(|by_type| by_type.values().flat_map(|m| m.values().copied()).collect()).unwrap_or_default()
    }
}
