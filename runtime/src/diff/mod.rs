//! The diff (DESIGN §3): what changed between two renders of a view's root, as a [`Patch`].
//!
//! A render is reduced to a [`Snapshot`] of *regions* — the root, each slot (`data-slot`), each
//! keyed list item — each with its own attributes and its *masked* content (nested regions cut
//! out). Comparing two snapshots region by region, from the root down, gives the patch:
//! - root attributes changed → `r: {attr: value | null}` (the runtime's `data-lv-id` is part of
//!   every render, so it never changes and is never sent);
//! - root masked content changed (anything outside slots and list items) → `f`, the root's
//!   whole inner HTML, morphed by the client; it covers everything inside the root;
//! - a slot's own attributes changed → `a: {slot: {attr: value | null}}` (slots on void elements
//!   such as `<input data-slot="q" value="…">` are all attributes);
//! - a slot's masked content changed → `s: {slot: text}` when its children are text only (sent
//!   decoded, applied as text), else `h: {slot: html}` (its inner HTML, morphed); both cover the
//!   slot's nested regions;
//! - a `data-list` container whose children are elements with distinct `data-key`s (whitespace
//!   between them is not content) → `l: {list: [op]}`: `remove` for items gone, `insert` (outer
//!   HTML) for new ones, `move` for kept items outside a longest increasing subsequence of their
//!   old positions, with explicit target indices, and `update` (outer HTML, morphed) for a kept
//!   item whose own attributes or masked content changed — see [`ListOp`] for how they apply.
//!   A list's container tag and attributes belong to the region around it;
//! - otherwise a region's nested slots and lists are compared in turn, so a nested slot that
//!   changed inside an unchanged slot or item is sent alone.
//!
//! `diff(a, a)` is always empty: the first patch after connect never repeats what the initial
//! document shows. The root's tag itself is not diffed (the client cannot retag the root).

mod build;
mod cache;
mod incremental;
mod keyed;
mod relist;
mod snapshot;
mod units;
pub(crate) mod warnings;

use std::collections::BTreeMap;

pub use incremental::Rendered;
pub use snapshot::{Snapshot, KEY_ATTR, LIST_ATTR, SLOT_ATTR};

use crate::protocol::{ListOp, Patch};
use keyed::Placement;
use snapshot::{Hole, Kind};

/// The patch that turns what `old` shows into what `new` shows (its `v` is left at 0).
///
/// ```
/// use golivekit::diff::{diff, Snapshot};
/// use golivekit::protocol::ListOp;
/// let a = Snapshot::from_html(r#"<div><span data-slot="n">1</span><ul data-list="l"><li data-key="a">A</li></ul></div>"#).unwrap();
/// let b = Snapshot::from_html(r#"<div><span data-slot="n">2</span><ul data-list="l"><li data-key="b">B</li><li data-key="a">A</li></ul></div>"#).unwrap();
/// let p = diff(&a, &b);
/// assert_eq!(p.s["n"], "2");
/// assert_eq!(p.l["l"], vec![ListOp::Insert { key: "b".into(), index: 0, html: r#"<li data-key="b">B</li>"#.into() }]);
/// assert!(p.h.is_empty() && p.f.is_none());
/// ```
pub fn diff(old: &Snapshot, new: &Snapshot) -> Patch {
    let mut patch = Patch::default();
    let Some(new_root) = new.root() else { return patch };
    let Some(old_root) = old.root() else {
        patch.f = Some(new.inner_html());
        return patch;
    };
    patch.r = attr_changes(&old_root.attrs, &new_root.attrs);
    let mut d = Differ { old, new, patch };
    if !d.children(0, 0) {
        d.patch.f = Some(new.inner_html());
        d.patch.s.clear();
        d.patch.h.clear();
        d.patch.a.clear();
        d.patch.l.clear();
    }
    d.patch
}

struct Differ<'s> {
    old: &'s Snapshot,
    new: &'s Snapshot,
    patch: Patch,
}

impl Differ<'_> {
    /// Compares what is inside regions `o` (old) and `n` (new). Returns false when their masked
    /// content differs (the caller then sends the region whole), true when the patch now covers
    /// every difference inside.
    fn children(&mut self, o: usize, n: usize) -> bool {
        let (ro, rn) = (&self.old.regions[o], &self.new.regions[n]);
        let same_kinds = ro.holes.iter().zip(&rn.holes).all(|pair| {
            matches!(pair, (Hole::Slot { .. }, Hole::Slot { .. }) | (Hole::List { .. }, Hole::List { .. }))
        });
        if ro.masked != rn.masked || ro.holes.len() != rn.holes.len() || !same_kinds {
            return false;
        }
        for (ho, hn) in ro.holes.iter().zip(&rn.holes) {
            match (*ho, *hn) {
                (Hole::Slot { region: so, .. }, Hole::Slot { region: sn, .. }) => self.slot(so, sn),
                (Hole::List { list: lo, .. }, Hole::List { list: ln, .. }) => self.list(lo, ln),
                _ => return false,
            }
        }
        true
    }

    fn slot(&mut self, o: usize, n: usize) {
        let (ro, rn) = (&self.old.regions[o], &self.new.regions[n]);
        let Kind::Slot(id) = &rn.kind else { return };
        let changes = attr_changes(&ro.attrs, &rn.attrs);
        if !changes.is_empty() {
            self.patch.a.insert(id.clone(), changes);
        }
        if self.children(o, n) {
            return;
        }
        match &rn.text {
            Some(text) => {
                self.patch.s.insert(id.clone(), text.clone());
            }
            None => {
                let mut html = String::new();
                self.new.write_inner(n, &mut html);
                self.patch.h.insert(id.clone(), html);
            }
        }
    }

    fn list(&mut self, lo: usize, ln: usize) {
        let new = self.new;
        let list = &new.lists[ln];
        let new_keys: Vec<&str> = list.items.iter().map(|&r| new.key(r)).collect();
        self.list_ops(lo, &list.id, &new_keys, |index| NewItem::In(list.items[index]));
    }

    /// Adds the ops turning old list `lo` into the items with `new_keys` (list `id`); `item`
    /// says where the new item at an index comes from.
    fn list_ops<'n>(&mut self, lo: usize, id: &str, new_keys: &[&str], item: impl Fn(usize) -> NewItem<'n>) {
        let (old, new) = (self.old, self.new);
        let old_items = &old.lists[lo].items;
        let old_keys: Vec<&str> = old_items.iter().map(|&r| old.key(r)).collect();
        let plan = keyed::plan(&old_keys, new_keys);
        let mut ops: Vec<ListOp> = match plan.removed.as_slice() {
            [] => Vec::new(),
            [i] => vec![ListOp::Remove { key: old_keys[*i].to_owned() }],
            many => vec![ListOp::RemoveAll { keys: many.iter().map(|&i| old_keys[i].to_owned()).collect() }],
        };
        let outer = |item: NewItem<'_>| {
            let mut html = String::new();
            match item {
                NewItem::In(r) => new.write_outer(r, &mut html),
                NewItem::Alone(snap) => snap.write_outer(0, &mut html),
                NewItem::Kept => unreachable!("a kept item is not written"),
            }
            html
        };
        let mut updates = Vec::new();
        for (index, &placement) in plan.placements.iter().enumerate() {
            let key = || new_keys[index].to_owned();
            let item = item(index);
            let was = match placement {
                Placement::Insert => {
                    push_insert(&mut ops, key(), index, outer(item));
                    continue;
                }
                Placement::Move(p) => {
                    ops.push(ListOp::Move { key: key(), index });
                    p
                }
                Placement::Stay(p) => p,
            };
            let before = old_items[was];
            let same = match item {
                NewItem::Kept => continue,
                NewItem::In(r) => {
                    let same_tag = old.regions[before].name == new.regions[r].name;
                    let same_attrs = old.regions[before].attrs == new.regions[r].attrs;
                    same_tag && same_attrs && self.children(before, r)
                }
                NewItem::Alone(_) => false,
            };
            if !same {
                updates.push(ListOp::Update { key: key(), html: outer(item) });
            }
        }
        ops.extend(updates);
        if !ops.is_empty() {
            self.patch.l.insert(id.to_owned(), ops);
        }
    }
}

/// Where an item of a list's new render comes from.
#[derive(Debug, Clone, Copy)]
enum NewItem<'s> {
    /// An old item written the same: nothing to send for it but its place.
    Kept,
    /// A region of the differ's new snapshot.
    In(usize),
    /// Region 0 of a snapshot of its own (an item a list lost before, back).
    Alone(&'s Snapshot),
}

fn attr_changes(old: &[(String, String)], new: &[(String, String)]) -> BTreeMap<String, Option<String>> {
    let mut changes = BTreeMap::new();
    for (k, v) in new {
        if old.iter().find(|(ok, _)| ok == k).map(|(_, ov)| ov) != Some(v) {
            changes.insert(k.clone(), Some(v.clone()));
        }
    }
    for (k, _) in old {
        if !new.iter().any(|(nk, _)| nk == k) {
            changes.insert(k.clone(), None);
        }
    }
    changes
}

/// Adds an insert to a list's ops: an insert right after an insert (or run) at the previous index
/// joins it as an [`ListOp::InsertRun`], so a list refilled with many rows costs fewer bytes.
fn push_insert(ops: &mut Vec<ListOp>, key: String, index: usize, html: String) {
    match ops.last_mut() {
        Some(ListOp::InsertRun { index: at, items }) if *at + items.len() == index => items.push((key, html)),
        Some(last @ ListOp::Insert { .. }) => {
            let ListOp::Insert { key: k, index: at, html: h } = last else { unreachable!() };
            if *at + 1 == index {
                let first = (std::mem::take(k), std::mem::take(h));
                *last = ListOp::InsertRun { index: *at, items: vec![first, (key, html)] };
            } else {
                ops.push(ListOp::Insert { key, index, html });
            }
        }
        _ => ops.push(ListOp::Insert { key, index, html }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(html: &str) -> Snapshot {
        Snapshot::from_html(html).expect("snapshot")
    }

    fn d(a: &str, b: &str) -> Patch {
        diff(&snap(a), &snap(b))
    }

    #[test]
    fn patch_skips_unchanged_slots() {
        let p = d(
            r#"<div><i data-slot="a">1</i><i data-slot="b">1</i></div>"#,
            r#"<div><i data-slot="a">2</i><i data-slot="b">1</i></div>"#,
        );
        assert_eq!(p.s.len(), 1);
        assert_eq!(p.s["a"], "2");
    }

    #[test]
    fn identical_renders_give_an_empty_patch() {
        let html = r#"<div><p>x</p><i data-slot="a"><b>1</b></i><ul data-list="l"><li data-key="k">K</li></ul></div>"#;
        assert!(d(html, html).is_empty());
    }

    #[test]
    fn text_slots_carry_decoded_text() {
        let p = d(r#"<div><i data-slot="a">x</i></div>"#, r#"<div><i data-slot="a">Tom &amp; Jerry</i></div>"#);
        assert_eq!(p.s["a"], "Tom & Jerry");
    }

    #[test]
    fn markup_slots_go_as_html() {
        let p = d(r#"<div><i data-slot="a">x</i></div>"#, r#"<div><i data-slot="a"><b>&lt;x&gt;</b></i></div>"#);
        assert_eq!(p.h["a"], "<b>&lt;x&gt;</b>");
        assert!(p.s.is_empty());
    }

    #[test]
    fn nested_slot_change_is_sent_alone() {
        let p = d(
            r#"<div><section data-slot="outer"><h1>T</h1><span data-slot="inner">1</span></section></div>"#,
            r#"<div><section data-slot="outer"><h1>T</h1><span data-slot="inner">2</span></section></div>"#,
        );
        assert!(!p.h.contains_key("outer"));
        assert_eq!(p.s["inner"], "2");
    }

    #[test]
    fn outer_slot_change_carries_its_nested_slots() {
        let p = d(
            r#"<div><section data-slot="outer"><h1>T</h1><span data-slot="inner" class="c">1</span></section></div>"#,
            r#"<div><section data-slot="outer"><h1>U</h1><span data-slot="inner" class="c">2</span></section></div>"#,
        );
        assert_eq!(p.h["outer"], r#"<h1>U</h1><span class="c" data-slot="inner">2</span>"#);
        assert!(p.s.is_empty());
    }

    #[test]
    fn change_outside_slots_sends_the_full_root() {
        let p = d(r#"<div><h1>A</h1><i data-slot="a">1</i></div>"#, r#"<div><h1>B</h1><i data-slot="a">1</i></div>"#);
        assert_eq!(p.f.as_deref(), Some(r#"<h1>B</h1><i data-slot="a">1</i>"#));
    }

    #[test]
    fn root_attribute_changes_go_in_r() {
        let p = d(
            r#"<div class="a" data-lv-id="v" hidden><i>1</i></div>"#,
            r#"<div class="b" data-lv-id="v"><i>1</i></div>"#,
        );
        assert_eq!(p.r["class"].as_deref(), Some("b"));
        assert_eq!(p.r["hidden"], None);
        assert!(!p.r.contains_key("data-lv-id"));
        assert!(p.f.is_none());
    }

    #[test]
    fn slot_attribute_changes_go_in_a() {
        let p = d(
            r#"<div><i data-slot="a" class="x" hidden>1</i></div>"#,
            r#"<div><i data-slot="a" class="y">1</i></div>"#,
        );
        assert_eq!(p.a["a"]["class"].as_deref(), Some("y"));
        assert_eq!(p.a["a"]["hidden"], None);
        assert!(p.s.is_empty());
    }

    #[test]
    fn slots_inside_comments_and_scripts_are_not_slots() {
        let s = snap(r#"<div><!-- <i data-slot="c">x</i> --><script>"<i data-slot='d'>"</script></div>"#);
        assert_eq!(s.slot_ids().count(), 0);
    }

    #[test]
    fn duplicate_slot_ids_make_the_later_one_plain_markup() {
        let s = snap(r#"<div><i data-slot="a">1</i><b data-slot="a">2</b></div>"#);
        assert_eq!(s.slot_ids().collect::<Vec<_>>(), vec!["a"]);
        let p = d(
            r#"<div><i data-slot="a">1</i><b data-slot="a">2</b></div>"#,
            r#"<div><i data-slot="a">1</i><b data-slot="a">3</b></div>"#,
        );
        assert_eq!(p.f.as_deref(), Some(r#"<i data-slot="a">1</i><b data-slot="a">3</b>"#));
    }

    #[test]
    fn duplicate_keys_in_a_list_make_it_plain_markup() {
        let s = snap(r#"<div><ul data-list="l"><li data-key="a"></li><li data-key="a"></li></ul></div>"#);
        assert_eq!(s.list_keys("l"), None);
    }

    #[test]
    fn a_list_with_an_unkeyed_child_is_plain_markup() {
        let s = snap(r#"<div><ul data-list="l"><li data-key="a"></li><li>b</li></ul></div>"#);
        assert_eq!(s.list_keys("l"), None);
    }

    #[test]
    fn changed_item_goes_as_one_update() {
        let p = d(
            r#"<div><ul data-list="l"><li data-key="a">A</li><li data-key="b">B</li></ul></div>"#,
            r#"<div><ul data-list="l"><li data-key="a">A</li><li data-key="b">B!</li></ul></div>"#,
        );
        assert_eq!(p.l["l"], vec![ListOp::Update { key: "b".into(), html: r#"<li data-key="b">B!</li>"#.into() }]);
        assert!(p.f.is_none());
    }

    #[test]
    fn slot_inside_an_item_is_sent_alone() {
        let p = d(
            r#"<div><ul data-list="l"><li data-key="a">A <b data-slot="n">1</b></li></ul></div>"#,
            r#"<div><ul data-list="l"><li data-key="a">A <b data-slot="n">2</b></li></ul></div>"#,
        );
        assert!(p.l.is_empty());
        assert_eq!(p.s["n"], "2");
    }
}
