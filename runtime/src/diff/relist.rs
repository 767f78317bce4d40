//! The list path of [`Rendered`]: a keyed list's content that changed (a filter, a sort, rows
//! added or removed) is diffed item by item, parsing only the items whose bytes are new — one
//! unit of `units.rs`.
//!
//! The old render's items were cleanly delimited elements ([`dom::parse_with_spans`]), so the
//! tree builder was in the same state before each of them (the container current, the tokenizer
//! between tokens) and after each. The new content is walked from its start to the container's
//! end tag: at each place, an old item written byte for byte the same (the next one in the old
//! order, or the one whose start tag matches) is kept as it was, regions and all; an item the list
//! lost before and that is written the same again comes back from the cache (`cache.rs`);
//! anything else is parsed as a run of elements in the container's context ([`dom::Runs`]) up to
//! the next place where a known item starts. Either way the parse state after it is again that of
//! the start of the content, so the full parse of the new render would give the same items.
//! Anything this cannot vouch for takes the full path: a form tag in the content (the form
//! pointer outlives the item that sets it), duplicate ids or keys, text that is not whitespace, a
//! refused run, a slot that is its own list's container and has no items before or after (its
//! text would be its content).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::build::Builder;
use super::cache::Cached;
use super::incremental::shift_from;
use super::snapshot::{Hole, Kind, List, Region, Snapshot, KEY_ATTR};
use super::{Differ, NewItem, Rendered};
use crate::dom::{self, Node, SourceSpan};
use crate::protocol::Patch;

/// One item of the new list.
#[derive(Debug, Clone, Copy)]
enum Entry {
    /// Old item at this index of the old list, its bytes moved by this many bytes.
    Kept(usize, isize),
    /// Item at this index of the new items' snapshot.
    Fresh(usize),
    /// The item at this index of the cache ([`super::cache`]), at this byte of the new render.
    Cached(usize, usize),
}

impl Snapshot {
    /// The innermost keyed list whose container holds byte `at` of the render past its start
    /// tag: its index and its container's span.
    pub(super) fn list_around(&self, at: usize) -> Option<(usize, SourceSpan)> {
        // Lists are in document order of their containers: the last one holding the byte is
        // inside every other one that does. (In its end tag: items added at the end, whose
        // first bytes read as the end tag's `<`.)
        self.lists
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, list)| list.src.filter(|c| c.inner_start <= at && at < c.end).map(|c| (i, c)))
    }
}

/// What a keyed list's content became, worked out from the last render without changing it
/// ([`Rendered::walk_list`]); [`Rendered::replace_items`] then makes it so.
#[derive(Debug)]
pub(super) struct ListUnit {
    /// The list.
    pub l: usize,
    /// Its items in the new render.
    entries: Vec<Entry>,
    /// The new items, reduced, with each one's region there.
    part: Snapshot,
    roots: Vec<usize>,
    /// Where its container's content ended in the last render, and ends in the new one.
    pub content_end: usize,
    pub new_end: usize,
    /// The ops and the changes inside kept items.
    pub patch: Patch,
    /// The old items that go, with their bytes, for the cache.
    gone: Vec<(usize, String)>,
}

impl Rendered {
    /// What list `l`'s items are in the new render `html`, whose container's content starts at
    /// `start` (and which is, up to there, the last render with everything moved by
    /// `start - inner_start` bytes). The new content is walked, kept items and runs of new ones,
    /// to the container's end tag.
    pub(super) fn walk_list(&self, html: &str, l: usize, start: usize) -> Option<ListUnit> {
        let snap = &*self.snapshot;
        let list = &snap.lists[l];
        let container = list.src?;
        if snap.duplicates {
            return None;
        }
        let context: Vec<&str> = list.ctx.split(' ').filter(|n| !n.is_empty()).collect();
        if dom::drops_leading_newline(context.last()?) {
            return None;
        }
        let (old, new) = (self.html.as_bytes(), html.as_bytes());
        // (A form tag in a new item makes its run refuse.)
        if has_form_tag(&old[container.inner_start..container.inner_end]) {
            return None;
        }
        let end_tag = &old[container.inner_end..container.end];
        let spans: Vec<Option<SourceSpan>> = list.items.iter().map(|&r| snap.srcs[r]).collect();
        let mut finder = Finder { old, new, spans: &spans, by_tag: None };
        let mut entries = Vec::with_capacity(list.items.len());
        // New items, parsed in runs by one tree builder; each run's nodes are checked after it.
        let mut runs: Option<dom::Runs> = None;
        let (mut checked, mut fresh) = (0, 0);
        let mut used = vec![false; list.items.len()];
        let mut old_keys = None;
        let (mut at, mut next) = (start, 0);
        let end = loop {
            at = skip_whitespace(new, at);
            if new[at..].starts_with(end_tag) {
                break at;
            }
            if let Some(k) = finder.at(at, next) {
                if std::mem::replace(&mut used[k], true) {
                    return None; // the same item twice: duplicate keys
                }
                let span = spans[k]?;
                entries.push(Entry::Kept(k, at as isize - span.start as isize));
                (at, next) = (at + span.end - span.start, k + 1);
                continue;
            }
            if let Some(i) = self.cached_at(&new[at..], list, &mut old_keys) {
                entries.push(Entry::Cached(i, at));
                at += self.cache.get(i).html.len();
                continue;
            }
            // (Inside a run, only the next old item ends it: a filter keeps their order.)
            let runs = runs.get_or_insert_with(|| dom::Runs::new(&context));
            let cache = &self.cache;
            at += runs.run(html.get(at..)?, at, |len| {
                let q = skip_whitespace(new, at + len);
                new[q..].starts_with(end_tag)
                    || finder.same(q, next)
                    || cache.find(&list.id, &list.ctx, &new[q..]).is_some()
            })?;
            for node in &runs.nodes()[checked..] {
                match node {
                    Node::Element(el) if el.attr(KEY_ATTR).is_some() => {
                        entries.push(Entry::Fresh(fresh));
                        fresh += 1;
                    }
                    Node::Text(t) if t.chars().all(char::is_whitespace) => {}
                    _ => return None, // not a keyed list any more
                }
            }
            checked = runs.nodes().len();
        };
        let (nodes, fresh_spans) = runs.map(dom::Runs::finish).unwrap_or_default();
        let fresh = nodes.into_iter().filter_map(|node| match node {
            Node::Element(el) => Some(el),
            _ => None,
        });
        // An empty slot's text is its content, which this does not track.
        let container_is_region = list.first > 0 && snap.srcs[list.first - 1] == Some(container);
        if (entries.is_empty() || list.items.is_empty()) && container_is_region {
            return None;
        }
        let (part, roots) = Builder::new(Some(&fresh_spans), 0, &context).items(fresh).ok()?;
        let cached = entries.iter().filter_map(|e| match *e {
            Entry::Cached(i, _) => Some(&self.cache.get(i).item),
            _ => None,
        });
        if part.duplicates || self.clashes(l, std::iter::once(&part).chain(cached), &used) {
            return None;
        }
        let key = |e: &Entry| match *e {
            Entry::Kept(k, _) => snap.key(list.items[k]),
            Entry::Fresh(i) => part.key(roots[i]),
            Entry::Cached(i, _) => self.cache.get(i).item.key(0),
        };
        let new_keys: Vec<&str> = entries.iter().map(key).collect();
        let mut distinct = HashSet::with_capacity(new_keys.len());
        if !new_keys.iter().all(|k| distinct.insert(*k)) {
            return None;
        }
        let mut d = Differ { old: snap, new: &part, patch: Patch::default() };
        d.list_ops(l, &list.id, &new_keys, |i| match entries[i] {
            Entry::Fresh(x) => NewItem::In(roots[x]),
            Entry::Kept(..) => NewItem::Kept,
            Entry::Cached(x, _) => NewItem::Alone(&self.cache.get(x).item),
        });
        let patch = d.patch;
        let gone = (0..list.items.len())
            .filter(|&k| !used[k])
            .filter_map(|k| spans[k].map(|s| (k, self.html[s.start..s.end].to_owned())))
            .collect();
        Some(ListUnit { l, entries, part, roots, content_end: container.inner_end, new_end: end, patch, gone })
    }

    /// The item list `list` lost before whose bytes `html` starts with, if its key is not one
    /// of the list's items now (`old_keys`, made when first needed).
    fn cached_at<'s>(&'s self, html: &[u8], list: &'s List, old_keys: &mut Option<HashSet<&'s str>>) -> Option<usize> {
        let i = self.cache.find(&list.id, &list.ctx, html)?;
        let snap = &*self.snapshot;
        let keys = old_keys.get_or_insert_with(|| list.items.iter().map(|&r| snap.key(r)).collect());
        (!keys.contains(self.cache.get(i).item.key(0))).then_some(i)
    }

    /// Whether a slot or list id of the new items (`parts`) is also one outside them, one of an
    /// old item that stays, or one of another new item (then the full parse would make the later
    /// one plain markup).
    fn clashes<'p>(&self, l: usize, parts: impl Iterator<Item = &'p Snapshot>, kept: &[bool]) -> bool {
        let snap = &*self.snapshot;
        let list = &snap.lists[l];
        let items = &list.items;
        let (rs, re) = (list.first, items.last().map_or(list.first, |&i| snap.regions[i].end));
        let (ls, le) = (l + 1, items.last().map_or(l + 1, |&i| snap.regions[i].lists.1));
        // The old item holding region `r` of the block, if it stays.
        let stays = |r: usize| kept[items.partition_point(|&i| i <= r) - 1];
        let slot_clash = |id: &str| match snap.slots.get(id) {
            Some(&r) => !(rs..re).contains(&r) || stays(r),
            None => false,
        };
        let list_clash = |id: &str| match snap.list_ids.get(id) {
            Some(&x) if (ls..le).contains(&x) => kept[items.partition_point(|&i| snap.regions[i].lists.0 <= x) - 1],
            Some(_) => true,
            None => false,
        };
        let (mut slots, mut lists) = (HashSet::new(), HashSet::new());
        for part in parts {
            for id in part.slots.keys().map(String::as_str) {
                if !slots.insert(id) || slot_clash(id) {
                    return true;
                }
            }
            for id in part.list_ids.keys().map(String::as_str) {
                if !lists.insert(id) || list_clash(id) {
                    return true;
                }
            }
        }
        false
    }

    /// Makes `unit` so, in a snapshot where everything from the list's old items on has moved by
    /// `already` bytes (by units before it): the old items' regions (and nested lists) go to
    /// their new places, the new ones come from the unit; everything after the container's
    /// content moves by what it grew; the items that went are added to `lost` (for the cache,
    /// once every unit is done: until then its indices are the ones the units were worked out
    /// with). Returns how many regions and lists the snapshot gained.
    pub(super) fn replace_items(
        &mut self,
        l: usize,
        unit: ListUnit,
        already: isize,
        lost: &mut Vec<Cached>,
    ) -> (isize, isize) {
        let ListUnit { entries, part, roots, content_end, new_end, gone, .. } = unit;
        let content_end = content_end.checked_add_signed(already).expect("the content inside the render");
        let delta = new_end as isize - content_end as isize;
        let mut back: Vec<Cached> = entries
            .iter()
            .filter_map(|e| match *e {
                Entry::Cached(i, _) => Some(self.cache.take(i)),
                _ => None,
            })
            .collect();
        back.reverse(); // (taken from the end, in order)
        let snap = Arc::make_mut(&mut self.snapshot);
        let items = std::mem::take(&mut snap.lists[l].items);
        let rs = snap.lists[l].first;
        let re = items.last().map_or(rs, |&i| snap.regions[i].end);
        // (A list's nested lists follow it.)
        let (ls, le) = (l + 1, items.last().map_or(l + 1, |&i| snap.regions[i].lists.1));
        // Old item `k`'s regions and nested lists, as ranges of the old block, each with the
        // snapshot index its first one had.
        let ranges: Vec<_> = items
            .iter()
            .map(|&i| {
                let (end, lists) = (snap.regions[i].end, snap.regions[i].lists);
                ((i - rs..end - rs, i), (lists.0 - ls..lists.1 - ls, lists.0))
            })
            .collect();

        let mut old_regions: Vec<Option<Region>> = snap.regions.drain(rs..re).map(Some).collect();
        let old_srcs: Vec<Option<SourceSpan>> = snap.srcs.drain(rs..re).collect();
        let mut old_lists: Vec<Option<List>> = snap.lists.drain(ls..le).map(Some).collect();
        for region in old_regions.iter().flatten() {
            if let Kind::Slot(id) = &region.kind {
                snap.slots.remove(id);
            }
        }
        for list in old_lists.iter().flatten() {
            snap.list_ids.remove(&list.id);
        }
        let mut new_regions: Vec<Option<Region>> = part.regions.into_iter().map(Some).collect();
        let mut new_lists: Vec<Option<List>> = part.lists.into_iter().map(Some).collect();

        // The new block of regions, srcs and lists, in document order.
        let mut block = Block::with_capacity(old_regions.len() + new_regions.len(), entries.len());
        for entry in &entries {
            match *entry {
                Entry::Kept(k, shift) => {
                    let shift = shift - already;
                    let (regions, lists) = ranges[k].clone();
                    let srcs = old_srcs[regions.0.clone()].iter().map(|s| s.map(|s| s.shifted(shift)));
                    block.add(&mut old_regions, regions, &mut old_lists, lists, srcs, shift, rs, ls);
                }
                Entry::Fresh(i) => {
                    let root = new_regions[roots[i]].as_ref().expect("each new item once");
                    let (end, lists) = (root.end, root.lists);
                    let srcs = part.srcs[roots[i]..end].iter().copied();
                    let (regions, lists) = ((roots[i]..end, roots[i]), (lists.0..lists.1, lists.0));
                    block.add(&mut new_regions, regions, &mut new_lists, lists, srcs, 0, rs, ls);
                }
                Entry::Cached(_, at) => {
                    let item = back.pop().expect("each cached item taken").item;
                    let (n, nl) = (item.regions.len(), item.lists.len());
                    let mut regions: Vec<Option<Region>> = item.regions.into_iter().map(Some).collect();
                    let mut lists: Vec<Option<List>> = item.lists.into_iter().map(Some).collect();
                    let srcs = item.srcs.into_iter().map(|s| s.map(|s| s.shifted(at as isize)));
                    block.add(&mut regions, (0..n, 0), &mut lists, (0..nl, 0), srcs, at as isize, rs, ls);
                }
            }
        }
        // The items that went, for the cache: their regions, spans from their first byte.
        let (id, ctx): (Arc<str>, _) = (Arc::from(snap.lists[l].id.as_str()), Arc::clone(&snap.lists[l].ctx));
        for (k, html) in gone {
            let (regions, lists) = ranges[k].clone();
            let Some(start) = old_srcs[regions.0.start].map(|s| s.start) else { continue };
            let shift = -(start as isize);
            let srcs = old_srcs[regions.0.clone()].iter().map(|s| s.map(|s| s.shifted(shift)));
            let mut alone = Block::with_capacity(regions.0.len(), 1);
            alone.add(&mut old_regions, regions, &mut old_lists, lists, srcs, shift, 0, 0);
            let item = alone.into_snapshot();
            lost.push(Cached { list: Arc::clone(&id), ctx: Arc::clone(&ctx), html, item });
        }
        let dr = block.regions.len() as isize - (re - rs) as isize;
        let dl = block.lists.len() as isize - (le - ls) as isize;
        let moved = |x: &mut usize, by: isize| *x = x.checked_add_signed(by).expect("an index in the snapshot");

        // Everything outside the block: indices past it move by the block's growth, and bytes
        // past the container's content by the render's.
        for (i, region) in snap.regions.iter_mut().enumerate() {
            for hole in &mut region.holes {
                match hole {
                    Hole::Slot { region, .. } if *region >= re => moved(region, dr),
                    Hole::List { list, .. } if *list >= le => moved(list, dl),
                    _ => {}
                }
            }
            if i >= rs {
                moved(&mut region.end, dr);
                moved(&mut region.lists.0, dl);
                moved(&mut region.lists.1, dl);
            } else if region.lists.0 <= l && l < region.lists.1 {
                // (A region around the list: the block is inside it.)
                moved(&mut region.end, dr);
                moved(&mut region.lists.1, dl);
            }
        }
        for (j, list) in snap.lists.iter_mut().enumerate() {
            list.items.iter_mut().filter(|r| **r >= re).for_each(|r| moved(r, dr));
            if j >= ls {
                moved(&mut list.first, dr); // (a list after the block: its items are too)
            }
        }
        let list_srcs = snap.lists.iter_mut().filter_map(|list| list.src.as_mut());
        for src in snap.srcs.iter_mut().flatten().chain(list_srcs) {
            shift_from(src, content_end, delta);
        }
        if let Some(container) = &mut snap.lists[l].src {
            // (Its content's start, which is its end when it was empty, stays.)
            container.inner_start = container.inner_start.min(content_end);
        }
        snap.slots.values_mut().filter(|r| **r >= re).for_each(|r| moved(r, dr));
        snap.list_ids.values_mut().filter(|x| **x >= le).for_each(|x| moved(x, dl));

        block.index(snap, rs, ls);
        snap.lists[l].items = block.items;
        snap.regions.splice(rs..rs, block.regions);
        snap.srcs.splice(rs..rs, block.srcs);
        snap.lists.splice(ls..ls, block.lists);
        (dr, dl)
    }
}

/// The regions, srcs and lists of a list's new items, as they will sit in the snapshot.
struct Block {
    regions: Vec<Region>,
    srcs: Vec<Option<SourceSpan>>,
    lists: Vec<List>,
    /// Each item's region.
    items: Vec<usize>,
}

impl Block {
    /// A block for about `regions` regions of `items` items.
    fn with_capacity(regions: usize, items: usize) -> Self {
        Block {
            regions: Vec::with_capacity(regions),
            srcs: Vec::with_capacity(regions),
            lists: Vec::new(),
            items: Vec::with_capacity(items),
        }
    }

    /// Adds the block's slot and list ids to `snap`'s, for a block at region `rs` and list `ls`.
    fn index(&self, snap: &mut Snapshot, rs: usize, ls: usize) {
        for (i, region) in self.regions.iter().enumerate() {
            if let Kind::Slot(id) = &region.kind {
                snap.slots.insert(id.clone(), rs + i);
            }
        }
        for (i, list) in self.lists.iter().enumerate() {
            snap.list_ids.insert(list.id.clone(), ls + i);
        }
    }

    /// The block as a snapshot of its own (an item alone, for the cache).
    fn into_snapshot(self) -> Snapshot {
        let mut snap = Snapshot::default();
        self.index(&mut snap, 0, 0);
        (snap.regions, snap.srcs, snap.lists) = (self.regions, self.srcs, self.lists);
        snap
    }

    /// Appends one item: `regions.0` of `from` (the item's region, `regions.1`, and its nested
    /// ones) with `srcs`, and lists `lists.0` of `from_lists` (its nested lists, the first being
    /// `lists.1`), re-indexed for a block starting at region `rs` and list `ls`; spans in the
    /// nested lists move by `shift` bytes.
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        from: &mut [Option<Region>],
        regions: (std::ops::Range<usize>, usize),
        from_lists: &mut [Option<List>],
        lists: (std::ops::Range<usize>, usize),
        srcs: impl IntoIterator<Item = Option<SourceSpan>>,
        shift: isize,
        rs: usize,
        ls: usize,
    ) {
        let dr = (rs + self.regions.len()) as isize - regions.1 as isize;
        let dl = (ls + self.lists.len()) as isize - lists.1 as isize;
        let by = |x: usize, d: isize| x.checked_add_signed(d).expect("an index in the snapshot");
        self.items.push(rs + self.regions.len());
        for slot in &mut from[regions.0] {
            let mut region = slot.take().expect("each item's regions once");
            for hole in &mut region.holes {
                match hole {
                    Hole::Slot { region, .. } => *region = by(*region, dr),
                    Hole::List { list, .. } => *list = by(*list, dl),
                }
            }
            region.end = by(region.end, dr);
            region.lists = (by(region.lists.0, dl), by(region.lists.1, dl));
            self.regions.push(region);
        }
        self.srcs.extend(srcs);
        for slot in &mut from_lists[lists.0] {
            let mut list = slot.take().expect("each item's lists once");
            list.items.iter_mut().for_each(|r| *r = by(*r, dr));
            list.first = by(list.first, dr);
            list.src = list.src.map(|s| s.shifted(shift));
            self.lists.push(list);
        }
    }
}

/// Finds, at a place in the new content, the old item whose bytes are there.
struct Finder<'a> {
    old: &'a [u8],
    new: &'a [u8],
    /// The old items' spans.
    spans: &'a [Option<SourceSpan>],
    /// The old items by their start tag's bytes, made when first needed.
    by_tag: Option<HashMap<&'a str, usize>>,
}

impl<'a> Finder<'a> {
    /// The old item at `at`: item `next` if its bytes are there, else the one with the start tag
    /// there, if its bytes are.
    fn at(&mut self, at: usize, next: usize) -> Option<usize> {
        if self.same(at, next) {
            return Some(next);
        }
        // (A tag runs from a `<` to a `>`: its bytes are text.)
        let text = |tag: &'a [u8]| std::str::from_utf8(tag).ok();
        let tag = start_tag(&self.new[at..]).and_then(|t| std::str::from_utf8(t).ok())?;
        let (old, spans) = (self.old, self.spans);
        let by_tag = self.by_tag.get_or_insert_with(|| {
            let mut map = HashMap::with_capacity(spans.len());
            for (k, span) in spans.iter().enumerate().rev() {
                if let Some(tag) = span.and_then(|s| start_tag(&old[s.start..s.end])).and_then(text) {
                    map.insert(tag, k); // (in reverse: the first item with a tag wins)
                }
            }
            map
        });
        let k = *by_tag.get(tag)?;
        self.same(at, k).then_some(k)
    }

    /// Whether old item `k`'s bytes are at `at`.
    pub(super) fn same(&self, at: usize, k: usize) -> bool {
        match self.spans.get(k) {
            Some(Some(s)) => self.new[at..].starts_with(&self.old[s.start..s.end]),
            _ => false,
        }
    }
}

/// The bytes of the tag `bytes` starts with, through the first `>` (a `>` inside a quoted value
/// cuts it short: then no old item matches, and the bytes are parsed).
pub(super) fn start_tag(bytes: &[u8]) -> Option<&[u8]> {
    if bytes.first() != Some(&b'<') {
        return None;
    }
    memchr::memchr(b'>', bytes).map(|i| &bytes[..=i])
}

/// The first offset at or after `at` that is not ASCII whitespace (or the end).
fn skip_whitespace(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\x0c' | b'\r') {
        at += 1;
    }
    at
}

/// Whether `bytes` hold something that may be a `<form>` or `</form>` tag (in any case).
fn has_form_tag(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b'<', bytes).any(|i| {
        let rest = &bytes[i + 1..];
        let rest = rest.strip_prefix(b"/").unwrap_or(rest);
        rest.len() >= 4 && rest[..4].eq_ignore_ascii_case(b"form")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::diff;
    use crate::protocol::ListOp;

    /// A table of `keys` with a count above it and another below it.
    fn table(keys: &[u32]) -> String {
        let rows: String = keys
            .iter()
            .map(|k| format!(r#"<tr data-key="{k}"><td>{k}</td><td><b data-slot="s{k}">row {k}</b></td></tr>"#))
            .collect();
        let n = keys.len();
        format!(
            r#"<div><p><i data-slot="n">{n}</i> rows</p><table><tbody data-list="rows">{rows}</tbody></table><i data-slot="m">{n}</i></div>"#
        )
    }

    fn snapshot(html: &str) -> Snapshot {
        Snapshot::from_html(html).expect("snapshot")
    }

    /// `from` becoming `to` in place, checked against the full path.
    fn in_place(from: &str, to: &str) -> (Rendered, Patch) {
        let mut r = Rendered::new(from.to_owned(), snapshot(from));
        let before = r.snapshot().clone();
        let patch = r.in_place(to).expect("handled in place");
        r.html = to.to_owned();
        let full = snapshot(to);
        assert_eq!(r.snapshot(), &full, "kept snapshot");
        assert_eq!(patch, diff(&before, &full), "patch");
        (r, patch)
    }

    /// Whether list `rows` of `from` becoming what `to` holds is refused by the list walk.
    fn walk_refuses(from: &str, to: &str) -> bool {
        let r = Rendered::new(from.to_owned(), snapshot(from));
        let l = r.snapshot().list_ids["rows"];
        let start = r.snapshot().lists[l].src.expect("a clean container").inner_start;
        r.walk_list(to, l, start).is_none()
    }

    #[test]
    fn a_filter_keeps_the_rows_that_stay_and_removes_the_others() {
        let all: Vec<u32> = (0..20).collect();
        let some: Vec<u32> = all.iter().copied().filter(|k| k % 3 == 0).collect();
        let (_, patch) = in_place(&table(&all), &table(&some));
        assert!(matches!(&patch.l["rows"][..], [ListOp::RemoveAll { keys }] if keys.len() == 13));
        assert_eq!((patch.s["n"].as_str(), patch.s["m"].as_str()), ("7", "7"));
    }

    #[test]
    fn rows_coming_back_are_parsed_between_the_kept_ones() {
        let all: Vec<u32> = (0..20).collect();
        let some: Vec<u32> = all.iter().copied().filter(|k| k % 3 == 0).collect();
        let (mut r, _) = in_place(&table(&some), &table(&all));
        // The spans it kept let the next edit take the list path again.
        let before = r.snapshot().clone();
        let next = table(&all).replace("row 5<", "row five<");
        let patch = r.in_place(&next).expect("handled in place");
        assert_eq!(r.snapshot(), &snapshot(&next));
        assert_eq!(patch, diff(&before, r.snapshot()));
        assert_eq!(patch.s["s5"], "row five");
    }

    #[test]
    fn an_emptied_list_fills_again_in_place() {
        let (mut r, _) = in_place(&table(&[1, 2]), &table(&[]));
        let before = r.snapshot().clone();
        let patch = r.in_place(&table(&[2, 3])).expect("handled in place");
        assert_eq!(r.snapshot(), &snapshot(&table(&[2, 3])));
        assert_eq!(patch, diff(&before, r.snapshot()));
    }

    #[test]
    fn rows_a_filter_hid_come_back_from_the_cache() {
        let all: Vec<u32> = (0..20).collect();
        let (mut r, _) = in_place(&table(&all), &table(&[3, 7]));
        assert_eq!(r.cache.len(), 18);
        let before = r.snapshot().clone();
        let patch = r.in_place(&table(&all)).expect("handled in place");
        assert_eq!(r.cache.len(), 0, "every hidden row taken back");
        assert_eq!(r.snapshot(), &snapshot(&table(&all)));
        assert_eq!(patch, diff(&before, r.snapshot()));
    }

    #[test]
    fn a_reorder_moves_kept_rows() {
        let (_, patch) = in_place(&table(&[1, 2, 3, 4]), &table(&[4, 1, 2, 3]));
        assert_eq!(patch.l["rows"], vec![ListOp::Move { key: "4".into(), index: 0 }]);
    }

    #[test]
    fn a_row_shown_twice_is_refused() {
        let from = table(&[1, 2]);
        let row = r#"<tr data-key="2"><td>2</td><td><b data-slot="s2">row 2</b></td></tr>"#;
        assert!(walk_refuses(&from, &from.replace("</tr></tbody>", &format!("</tr>{row}</tbody>"))));
    }

    #[test]
    fn a_form_in_a_row_is_refused() {
        let from = table(&[1, 2]);
        assert!(walk_refuses(&from, &from.replace("<td>1</td>", "<td><form></form></td>")));
    }

    #[test]
    fn text_between_rows_is_refused() {
        let from = table(&[1, 2]);
        assert!(walk_refuses(&from, &from.replace("</tr><tr", "</tr>x<tr")));
    }

    #[test]
    fn form_tags_are_found_in_any_case() {
        assert!(has_form_tag(b"<td><FoRm>"));
        assert!(has_form_tag(b"x</form >"));
        assert!(!has_form_tag(b"<td>form</td>"));
    }
}
