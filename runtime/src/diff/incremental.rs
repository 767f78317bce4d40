//! [`Rendered`]: the last render of a view's root, kept so that the next render is diffed by
//! re-parsing only what changed.
//!
//! Two renders of a view usually share almost all their bytes. The changed bytes lie between the
//! longest common prefix and suffix of the two strings (found at memory-compare speed); they are
//! taken left to right, each in its *unit* (`units.rs`): the innermost slot or item around it
//! whose element was cleanly delimited in the last parse (see [`dom::parse_with_spans`]), whose
//! new text alone is parsed in the context of its ancestors' names ([`dom::parse_run`], which
//! refuses any part whose parse could reach outside it), or a keyed list's content, walked item by
//! item (`relist.rs`). Each unit is re-snapshotted alone and diffed against the old one;
//! everything around the units is byte-for-byte the same, so the full diff would find nothing
//! else. Anything else — a change in the root, a region that changes its nesting, a refused
//! re-parse — takes the full path. Debug builds check every incremental result against the full
//! path.

use std::sync::Arc;

use super::cache::ItemCache;
use super::snapshot::{Hole, Kind, Snapshot};
use super::{diff, Differ};
use crate::dom::SourceSpan;
use crate::error::Result;
use crate::protocol::{ListOp, Patch};

/// The last render of a view's root: its HTML and its [`Snapshot`].
///
/// The snapshot is shared ([`Rendered::shared_snapshot`]): what a window's document showed is
/// kept until its page connects, and the next change copies it only if it is still held then.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub(super) html: String,
    pub(super) snapshot: Arc<Snapshot>,
    /// Items lists lost, for when their bytes come back.
    pub(super) cache: ItemCache,
    /// The longest render so far (the cache holds at most as many bytes).
    pub(super) peak: usize,
}

impl Rendered {
    /// A render whose snapshot was built from `html` (by `full`, see [`Rendered::update`]).
    pub fn new(html: String, snapshot: Snapshot) -> Self {
        Rendered { peak: html.len(), html, snapshot: Arc::new(snapshot), cache: ItemCache::default() }
    }

    /// The last render's snapshot.
    pub fn snapshot(&self) -> &Snapshot {
        &self.snapshot
    }

    /// The last render's snapshot, shared: holding it costs nothing until the next render
    /// changes it in place, which then works on a copy.
    pub fn shared_snapshot(&self) -> Arc<Snapshot> {
        Arc::clone(&self.snapshot)
    }

    /// The last render's HTML, as the component wrote it.
    pub fn html(&self) -> &str {
        &self.html
    }

    /// Makes `html` the last render and returns the patch from the previous one — exactly
    /// `diff(previous, full(html))`. `full` builds a snapshot from a whole render (for example
    /// [`Snapshot::from_html`]); it is called only when the change cannot be handled in place.
    ///
    /// ```
    /// use golivekit::diff::{Rendered, Snapshot};
    /// let html = |n: u32| format!(r#"<div><p>Count: <b data-slot="n">{n}</b></p></div>"#);
    /// let mut r = Rendered::new(html(1), Snapshot::from_html(&html(1)).unwrap());
    /// let patch = r.update(html(2), Snapshot::from_html).unwrap();
    /// assert_eq!(patch.s["n"], "2");
    /// assert!(r.update(html(2), Snapshot::from_html).unwrap().is_empty());
    /// ```
    pub fn update(&mut self, html: String, full: impl Fn(&str) -> Result<Snapshot>) -> Result<Patch> {
        if html == self.html {
            return Ok(Patch::default());
        }
        self.peak = self.peak.max(html.len());
        #[cfg(debug_assertions)]
        let previous = self.snapshot.clone();
        if let Some(patch) = self.in_place(&html) {
            #[cfg(debug_assertions)]
            {
                let expected = full(&html).expect("a render handled in place snapshots without error");
                assert_eq!(*self.snapshot, expected, "incremental snapshot differs from the full one for {html}");
                assert_eq!(patch, diff(&previous, &expected), "incremental patch differs for {html}");
            }
            self.html = html;
            return Ok(patch);
        }
        let snapshot = full(&html)?;
        let patch = diff(&self.snapshot, &snapshot);
        self.snapshot = Arc::new(snapshot);
        self.html = html;
        Ok(patch)
    }

    /// When the changes lie in units — slots, items, lists' contents, see `units.rs` —:
    /// updates the snapshot and returns the patch.
    pub(super) fn in_place(&mut self, html: &str) -> Option<Patch> {
        self.in_units(html, changed(self.html.as_bytes(), html.as_bytes()))
    }

    /// Whether `part` has the same nested slots (ids and places) and lists (ids, places and
    /// lengths) as region `r`, so that it can replace `r` with every index outside unchanged.
    pub(super) fn same_shape(&self, r: usize, part: &Snapshot) -> bool {
        let old = &self.snapshot;
        let (end, lists) = (old.regions[r].end, old.regions[r].lists);
        let kinds_match = old.regions[r..end].iter().zip(&part.regions).all(|(o, n)| match (&o.kind, &n.kind) {
            (Kind::Slot(a), Kind::Slot(b)) => a == b,
            (Kind::Item(_), Kind::Item(_)) => true,
            _ => false,
        });
        end - r == part.regions.len()
            && kinds_match
            && lists.1 - lists.0 == part.lists.len()
            && old.lists[lists.0..lists.1].iter().zip(&part.lists).all(|(o, n)| {
                o.id == n.id && o.items.len() == n.items.len() && o.items.iter().zip(&n.items).all(|(a, b)| *a == b + r)
            })
    }

    /// What [`diff`] gives when region `r` became `part`'s region 0 and nothing else changed.
    pub(super) fn local_diff(&self, r: usize, part: &Snapshot) -> Patch {
        let mut d = Differ { old: &self.snapshot, new: part, patch: Patch::default() };
        match &part.regions[0].kind {
            Kind::Item(key) => {
                let (o, n) = (&self.snapshot.regions[r], &part.regions[0]);
                if !(o.name == n.name && o.attrs == n.attrs && d.children(r, 0)) {
                    let mut html = String::new();
                    part.write_outer(0, &mut html);
                    let list = self.snapshot.lists.iter().find(|l| l.items.binary_search(&r).is_ok());
                    let id = list.map(|l| l.id.clone()).unwrap_or_default();
                    d.patch.l.insert(id, vec![ListOp::Update { key: key.clone(), html }]);
                }
            }
            _ => d.slot(r, 0),
        }
        d.patch
    }

    /// Replaces region `r` (and its nested regions and lists) by `part`, and moves the spans
    /// after it by `delta` bytes.
    pub(super) fn splice(&mut self, r: usize, part: Snapshot, span: SourceSpan, delta: isize) {
        let snap = Arc::make_mut(&mut self.snapshot);
        let l0 = snap.regions[r].lists.0;
        if delta != 0 {
            let lists = snap.lists.iter_mut().filter_map(|l| l.src.as_mut());
            for src in snap.srcs.iter_mut().flatten().chain(lists) {
                shift_from(src, span.end, delta);
            }
        }
        for (i, mut region) in part.regions.into_iter().enumerate() {
            for hole in &mut region.holes {
                match hole {
                    Hole::Slot { region, .. } => *region += r,
                    Hole::List { list, .. } => *list += l0,
                }
            }
            region.end += r;
            region.lists = (region.lists.0 + l0, region.lists.1 + l0);
            snap.regions[r + i] = region;
        }
        snap.srcs.splice(r..r + part.srcs.len(), part.srcs);
        for (i, mut list) in part.lists.into_iter().enumerate() {
            list.items.iter_mut().for_each(|item| *item += r);
            list.first += r;
            snap.lists[l0 + i] = list;
        }
    }
}

/// Moves every position of `span` at or after `at` by `delta` bytes.
pub(super) fn shift_from(span: &mut SourceSpan, at: usize, delta: isize) {
    let shift = |x: &mut usize| {
        if *x >= at {
            *x = x.checked_add_signed(delta).expect("a span inside the render");
        }
    };
    shift(&mut span.start);
    shift(&mut span.inner_start);
    shift(&mut span.inner_end);
    shift(&mut span.end);
}

/// Where two renders differ: the changed bytes of `old` are `prefix..changed_end` (the rest is
/// their common prefix and suffix).
pub(super) fn changed(old: &[u8], new: &[u8]) -> (usize, usize) {
    let prefix = common_prefix(old, new);
    let most = old.len().min(new.len()) - prefix;
    let suffix = common_suffix(&old[old.len() - most..], &new[new.len() - most..]);
    (prefix, old.len() - suffix)
}

/// The innermost region, other than the root, whose span has `from` and `to` strictly inside
/// it (`start < from`, `to < end`, so its first and last bytes are unchanged).
pub(super) fn innermost(srcs: &[Option<SourceSpan>], from: usize, to: usize) -> Option<usize> {
    // Spans are in document order, so their starts increase: find the last region starting
    // before `from`, then go back to the first that contains `to` (regions in between are
    // nested ones that ended before `from`).
    let start_before = |i: usize| srcs[..=i].iter().rev().find_map(|s| s.map(|s| s.start)).is_some_and(|s| s < from);
    let (mut last, mut above) = (0, srcs.len());
    while last < above {
        let mid = (last + above) / 2;
        if start_before(mid) {
            last = mid + 1;
        } else {
            above = mid;
        }
    }
    (1..last).rev().find(|&r| matches!(srcs[r], Some(s) if s.start < from && to < s.end))
}

/// Length of the common prefix of `a` and `b`: whole blocks compared with `memcmp` first, then
/// smaller ones inside the first block that differs, then bytes.
pub(super) fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    for block in [4096, 64, 1] {
        while i + block <= n && a[i..i + block] == b[i..i + block] {
            i += block;
        }
    }
    i
}

/// Length of the common suffix of `a` and `b`, found as [`common_prefix`] is.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let (la, lb) = (a.len(), b.len());
    let n = la.min(lb);
    let mut i = 0;
    for block in [4096, 64, 1] {
        while i + block <= n && a[la - i - block..la - i] == b[lb - i - block..lb - i] {
            i += block;
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(html: &str) -> Rendered {
        Rendered::new(html.to_owned(), Snapshot::from_html(html).expect("snapshot"))
    }

    const TABLE: &str = r#"<div><h1>T</h1><table><tbody data-list="r"><tr data-key="a"><td>1</td></tr><tr data-key="b"><td>2</td></tr></tbody></table><p>n: <b data-slot="n">0</b></p></div>"#;

    #[test]
    fn common_prefix_and_suffix_are_exact_across_block_sizes() {
        let a: Vec<u8> = (0..10_000u32).map(|i| (i % 251) as u8).collect();
        for at in [0, 1, 63, 64, 4095, 4096, 5000, 9999] {
            let mut b = a.clone();
            b[at] ^= 1;
            assert_eq!(common_prefix(&a, &b), at);
            assert_eq!(common_suffix(&a, &b), a.len() - at - 1);
        }
        assert_eq!(common_prefix(&a, &a[..100]), 100);
        assert_eq!(common_suffix(&a[1..], &a), a.len() - 1);
    }

    #[test]
    fn a_changed_row_is_reparsed_alone() {
        let mut r = rendered(TABLE);
        let next = TABLE.replace("<td>2</td>", "<td>two &amp; more</td>");
        let patch = r.in_place(&next).expect("handled in place");
        assert_eq!(
            patch.l["r"],
            vec![ListOp::Update { key: "b".into(), html: r#"<tr data-key="b"><td>two &amp; more</td></tr>"#.into() }]
        );
    }

    #[test]
    fn spans_after_an_edit_follow_it_so_the_next_edit_is_in_place_too() {
        let mut r = rendered(TABLE);
        r.update(TABLE.replace("<td>1</td>", "<td>one</td>"), Snapshot::from_html).expect("first");
        let next = TABLE.replace("<td>1</td>", "<td>one</td>").replace(">0</b>", ">1</b>");
        assert_eq!(r.in_place(&next).expect("handled in place").s["n"], "1");
    }

    #[test]
    fn a_change_outside_every_slot_and_item_takes_the_full_path() {
        let mut r = rendered(TABLE);
        assert!(r.in_place(&TABLE.replace("<h1>T</h1>", "<h1>U</h1>")).is_none());
    }

    #[test]
    fn a_slot_that_gains_a_key_and_so_completes_a_list_takes_the_full_path() {
        let html = r#"<div><ol data-list="m"><li data-key="a">A</li><li data-slot="s">S</li></ol></div>"#;
        let mut r = rendered(html);
        assert!(r.in_place(&html.replace(r#"<li data-slot"#, r#"<li data-key="b" data-slot"#)).is_none());
    }

    #[test]
    fn a_row_that_changes_its_key_is_replaced_in_its_list() {
        let mut r = rendered(TABLE);
        let patch = r.in_place(&TABLE.replace(r#""b""#, r#""c""#)).expect("handled by the list path");
        assert_eq!(patch.l["r"][0], ListOp::Remove { key: "b".into() });
        assert!(matches!(&patch.l["r"][1], ListOp::Insert { key, index: 1, .. } if key == "c"));
    }
}
