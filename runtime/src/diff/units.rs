//! Renders that changed in several places: [`Rendered`] walks the changes left to right and
//! takes each one's *unit* — the innermost slot or item around it, re-parsed alone, or a keyed
//! list's content, walked item by item ([`super::relist`]). A count above a filtered list and
//! the list itself are two units, not a full parse.
//!
//! Every unit is worked out against the last render and its snapshot, which stay untouched until
//! all of them are known; only then are they applied, left to right, each one's region and list
//! indices and byte offsets moved by what the units before it changed. So a change that no unit
//! can vouch for (one in the root's own markup, a region whose re-parse reaches outside it, two
//! changes in one item) leaves everything as it was for the full path.

use super::build::Builder;
use super::incremental::{common_prefix, innermost};
use super::relist::ListUnit;
use super::snapshot::Kind;
use super::Rendered;
use crate::dom::{self, Node, SourceSpan};
use crate::protocol::Patch;

/// One changed place and what it became.
#[derive(Debug)]
enum Unit {
    /// Region `r` (at `span` in the last render) re-parsed: its new snapshot, `delta` bytes
    /// longer.
    Region { r: usize, span: SourceSpan, part: super::Snapshot, delta: isize, patch: Patch },
    /// A list's content walked.
    List(ListUnit),
}

impl Rendered {
    /// When every change of `html` lies in units, left to right: updates the snapshot and
    /// returns the patch. The changed bytes of the last render are `changed` (where the first
    /// starts, where the last ends: see [`super::incremental::changed`]).
    pub(super) fn in_units(&mut self, html: &str, changed: (usize, usize)) -> Option<Patch> {
        let units = self.plan(html, changed)?;
        let mut patch = Patch::default();
        // Applied left to right: each unit's indices and offsets move by what those before it did.
        let (mut regions, mut lists, mut bytes) = (0isize, 0isize, 0isize);
        let mut lost = Vec::new();
        for unit in units {
            match unit {
                Unit::Region { r, span, part, delta, patch: more } => {
                    let r = r.checked_add_signed(regions).expect("a region of the snapshot");
                    self.splice(r, part, span.shifted(bytes), delta);
                    bytes += delta;
                    merge(&mut patch, more);
                }
                Unit::List(mut unit) => {
                    let l = unit.l.checked_add_signed(lists).expect("a list of the snapshot");
                    let more = std::mem::take(&mut unit.patch);
                    let grown = unit.new_end as isize - unit.content_end as isize - bytes;
                    let (dr, dl) = self.replace_items(l, unit, bytes, &mut lost);
                    (regions, lists, bytes) = (regions + dr, lists + dl, bytes + grown);
                    merge(&mut patch, more);
                }
            }
        }
        for item in lost {
            self.cache.put(item, self.peak);
        }
        Some(patch)
    }

    /// The units of `html`'s changes, left to right, or `None` where a change has none.
    fn plan(&self, html: &str, (first_change, last_change): (usize, usize)) -> Option<Vec<Unit>> {
        let (old, new) = (self.html.as_bytes(), html.as_bytes());
        let snap = &*self.snapshot;
        let grown = new.len() as isize - old.len() as isize;
        let mut units = Vec::new();
        // Bytes of the last render before `pos` are accounted for; after it, up to the next
        // change, the new render holds them `shift` bytes later.
        let (mut pos, mut shift) = (0usize, 0isize);
        loop {
            if pos >= last_change && shift == grown {
                return Some(units); // (the rest is the renders' common suffix)
            }
            let at_new = pos.checked_add_signed(shift)?;
            let x = match pos {
                0 => first_change,
                _ => pos + common_prefix(&old[pos..], new.get(at_new..)?),
            };
            if x == old.len() && old.len() as isize + shift == new.len() as isize {
                return Some(units);
            }
            if x >= old.len() {
                return None; // (bytes added after the root)
            }
            let region = innermost(&snap.srcs, x, x + 1).filter(|&r| snap.srcs[r].is_some_and(|s| s.start >= pos));
            let list = snap.list_around(x).filter(|(_, c)| c.inner_start >= pos);
            // The list when its container is the region or inside it; the region when it is in
            // the list, unless the changes go on past it (then they are best seen item by item).
            let region_span = region.and_then(|r| snap.srcs[r]);
            let list_first = match (region_span, list) {
                (Some(r), Some((_, c))) => c.start >= r.start || last_change > r.end,
                (_, list) => list.is_some(),
            };
            let by_list = |(l, c): (usize, SourceSpan)| {
                self.walk_list(html, l, c.inner_start.checked_add_signed(shift)?).map(Unit::List)
            };
            let by_region = |r: usize| self.reparse(html, r, shift);
            let mut found = None;
            for by_list_now in [list_first, !list_first] {
                found = if by_list_now { list.and_then(by_list) } else { region.and_then(by_region) };
                if found.is_some() {
                    break;
                }
            }
            let unit = found?;
            let (old_end, new_end) = match &unit {
                Unit::List(list) => (list.content_end, list.new_end),
                Unit::Region { span, delta, .. } => (span.end, span.end.checked_add_signed(shift + delta)?),
            };
            (pos, shift) = (old_end, new_end as isize - old_end as isize);
            units.push(unit);
        }
    }

    /// Region `r` re-parsed from the new render, where it starts `shift` bytes later than in the
    /// last one: the first element there, if it is the same kind of region with the same shape.
    fn reparse(&self, html: &str, r: usize, shift: isize) -> Option<Unit> {
        let snap = &*self.snapshot;
        let (region, span) = (&snap.regions[r], snap.srcs[r]?);
        if snap.duplicates {
            return None;
        }
        let start = span.start.checked_add_signed(shift)?;
        let context: Vec<&str> = region.ctx.split(' ').filter(|n| !n.is_empty()).collect();
        let run = dom::parse_run(html.get(start..)?, &context, |_| true)?;
        let mut nodes = run.nodes.into_iter();
        let (Some(Node::Element(el)), None) = (nodes.next(), nodes.next()) else { return None };
        let own = |name: &str| region.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
        let same_kind = !matches!(region.kind, Kind::Root)
            && el.attr(super::SLOT_ATTR) == own(super::SLOT_ATTR)
            && el.attr(super::KEY_ATTR) == own(super::KEY_ATTR)
            && (el.name == region.name || matches!(region.kind, Kind::Item(_)));
        if !same_kind {
            return None;
        }
        let part = Builder::new(Some(&run.spans), start, &context).part(region.kind.clone(), el).ok()?;
        if part.duplicates || !self.same_shape(r, &part) {
            return None;
        }
        let patch = self.local_diff(r, &part);
        let delta = run.len as isize - (span.end - span.start) as isize;
        Some(Unit::Region { r, span, part, delta, patch })
    }
}

/// Adds `more`'s changes to `patch`: they are about other regions (ops for one list, from two of
/// its items, are joined).
fn merge(patch: &mut Patch, more: Patch) {
    patch.s.extend(more.s);
    patch.h.extend(more.h);
    patch.a.extend(more.a);
    for (id, ops) in more.l {
        match patch.l.get_mut(&id) {
            Some(before) => before.extend(ops),
            None => {
                patch.l.insert(id, ops);
            }
        }
    }
}
