//! Items a keyed list lost, kept by their bytes so that they come back without a parse: a
//! filter that narrows and then widens again shows the same rows it showed before.
//!
//! An item's regions are a function of its bytes, its list's context and the parse state before
//! it — the same at every clean place of its list's content (see `relist.rs`). So an item
//! removed from list `id` may stand for bytes written the same in a later render of that list,
//! with the same context. The cache holds as many bytes of items as the largest render of the
//! view did, and is emptied when it would hold more.

use std::hash::BuildHasher;
use std::sync::Arc;

use super::snapshot::Snapshot;

/// One item a list lost.
#[derive(Debug, Clone)]
pub(super) struct Cached {
    /// Its list's id and the names of the elements around its items.
    pub list: Arc<str>,
    pub ctx: Arc<str>,
    /// Its bytes, as its render wrote them.
    pub html: String,
    /// Its regions (region 0 is the item), spans counted from its first byte.
    pub item: Snapshot,
}

/// Items lists lost, by their start tag.
#[derive(Debug, Clone, Default)]
pub(super) struct ItemCache {
    /// For each start tag (a hash of its bytes), the last item held with it; each item links to
    /// the one held before it with the same hash (`before`).
    by_tag: foldhash::HashMap<u64, usize>,
    /// (Seeded per cache: the bytes may be user data.)
    hasher: foldhash::fast::RandomState,
    items: Vec<Option<Cached>>,
    before: Vec<Option<usize>>,
    /// The bytes of the items held, and how many.
    bytes: usize,
    held: usize,
}

impl ItemCache {
    /// The item list `list` (its items inside `ctx`) lost whose bytes `html` starts with.
    pub fn find(&self, list: &str, ctx: &str, html: &[u8]) -> Option<usize> {
        let tag = self.hasher.hash_one(super::relist::start_tag(html)?);
        let mut at = self.by_tag.get(&tag).copied();
        while let Some(i) = at {
            if let Some(c) = &self.items[i] {
                if &*c.list == list && &*c.ctx == ctx && html.starts_with(c.html.as_bytes()) {
                    return Some(i);
                }
            }
            at = self.before[i];
        }
        None
    }

    /// Item `i` (from [`ItemCache::find`]).
    pub fn get(&self, i: usize) -> &Cached {
        self.items[i].as_ref().expect("a cached item")
    }

    /// Takes item `i` out (it is in a list again).
    pub fn take(&mut self, i: usize) -> Cached {
        let item = self.items[i].take().expect("a cached item, taken once");
        self.bytes -= item.html.len();
        self.held -= 1;
        item
    }

    /// Holds `item`, emptying the cache first if it would hold more than `limit` bytes.
    pub fn put(&mut self, item: Cached, limit: usize) {
        let Some(tag) = super::relist::start_tag(item.html.as_bytes()) else { return };
        let tag = self.hasher.hash_one(tag);
        if self.bytes + item.html.len() > limit || self.items.len() > 2 * self.held + 64 {
            *self = ItemCache::default();
        }
        if item.html.len() > limit {
            return;
        }
        self.bytes += item.html.len();
        self.held += 1;
        self.before.push(self.by_tag.insert(tag, self.items.len()));
        self.items.push(Some(item));
    }

    /// How many items it holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.held
    }
}
