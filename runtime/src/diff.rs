//! The slot diff (DESIGN §3): what changed between two renders of a view's root.
//!
//! A render is reduced to a [`Snapshot`]: the root's inner HTML, a *skeleton* (the root's inner
//! HTML with every top-level slot's attributes and content masked out), and for each slot its
//! attributes, its *masked* content (nested slots masked out), its full inner HTML and, when it
//! holds only text, that text. Comparing two snapshots then gives the smallest patch:
//! - skeleton changed → `f` (the whole root, morphed by the client; covers everything);
//! - a slot's own attributes changed → `a`;
//! - a slot's masked content changed → `s` (text only) or `h` (markup); its nested slots ride along;
//! - only a nested slot changed → that nested slot alone.

use std::collections::HashMap;

use crate::dom::{self, Element, Node};
use crate::error::{Error, Result};
use crate::protocol::Patch;

const SLOT_ATTR: &str = "data-slot";

#[derive(Debug, Clone, PartialEq, Eq)]
struct Slot {
    id: String,
    parent: Option<usize>,
    attrs: Vec<(String, String)>,
    masked: String,
    inner: String,
    text: Option<String>,
}

/// One render of a view's root, reduced to what the diff compares.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snapshot {
    inner: String,
    skeleton: String,
    slots: Vec<Slot>,
    index: HashMap<String, usize>,
}

impl Snapshot {
    /// Reduces a root element. Two slots with the same id are an error in debug builds; release
    /// builds log it and treat the later one as plain markup of its parent.
    pub fn of(root: &Element) -> Result<Self> {
        let mut snap = Snapshot { inner: dom::inner_html(root), ..Default::default() };
        let mut skeleton = String::new();
        collect(&root.children, None, &mut skeleton, &mut snap)?;
        snap.skeleton = skeleton;
        Ok(snap)
    }

    /// The root's inner HTML.
    pub fn inner_html(&self) -> &str {
        &self.inner
    }

    /// Slot ids in document order.
    pub fn slot_ids(&self) -> impl Iterator<Item = &str> {
        self.slots.iter().map(|s| s.id.as_str())
    }

    /// The inner HTML of slot `id`.
    pub fn slot_html(&self, id: &str) -> Option<&str> {
        self.index.get(id).map(|&i| self.slots[i].inner.as_str())
    }
}

fn slot_id(el: &Element) -> Option<&str> {
    el.attr(SLOT_ATTR)
}

/// Walks `nodes`, writing their masked serialization into `masked` and recording slots.
fn collect(nodes: &[Node], parent: Option<usize>, masked: &mut String, snap: &mut Snapshot) -> Result<()> {
    for node in nodes {
        let Node::Element(el) = node else {
            dom::serialize(std::slice::from_ref(node), masked);
            continue;
        };
        match slot_id(el) {
            Some(id) if !snap.index.contains_key(id) => {
                // Placeholder: the slot's tag and id, not its attributes or content.
                masked.push_str(&format!("<{} {SLOT_ATTR}=\"{}\"></{}>", el.name, id, el.name));
                let i = snap.slots.len();
                snap.index.insert(id.to_owned(), i);
                snap.slots.push(Slot {
                    id: id.to_owned(),
                    parent,
                    attrs: el.attrs.clone(),
                    masked: String::new(),
                    inner: dom::inner_html(el),
                    text: text_only(el),
                });
                let mut own = String::new();
                collect(&el.children, Some(i), &mut own, snap)?;
                snap.slots[i].masked = own;
            }
            Some(id) => {
                if cfg!(debug_assertions) {
                    return Err(Error::DuplicateSlot(id.to_owned()));
                }
                tracing::error!(slot = id, "duplicate data-slot id; treating the later one as markup");
                write_plain(el, parent, masked, snap)?;
            }
            None => write_plain(el, parent, masked, snap)?,
        }
    }
    Ok(())
}

fn write_plain(el: &Element, parent: Option<usize>, masked: &mut String, snap: &mut Snapshot) -> Result<()> {
    let shallow = Element { name: el.name.clone(), attrs: el.attrs.clone(), children: vec![] };
    dom::open_tag(&shallow, masked);
    if dom::is_void(&el.name) {
        return Ok(());
    }
    if matches!(el.name.as_str(), "script" | "style" | "textarea" | "title") {
        masked.push_str(&dom::inner_html(el));
    } else {
        collect(&el.children, parent, masked, snap)?;
    }
    masked.push_str(&format!("</{}>", el.name));
    Ok(())
}

fn text_only(el: &Element) -> Option<String> {
    let mut text = String::new();
    for child in &el.children {
        match child {
            Node::Text(t) => text.push_str(t),
            _ => return None,
        }
    }
    Some(text)
}

/// The patch that turns what `old` shows into what `new` shows (its `v` is left at 0).
///
/// ```
/// use golivekit::{diff::{diff, Snapshot}, dom::{parse_fragment, Node}};
/// fn snap(html: &str) -> Snapshot {
///     let Node::Element(root) = parse_fragment(html).remove(0) else { unreachable!() };
///     Snapshot::of(&root).unwrap()
/// }
/// let a = snap(r#"<div><span data-slot="n">1</span><b data-slot="m">x</b></div>"#);
/// let b = snap(r#"<div><span data-slot="n">2</span><b data-slot="m">x</b></div>"#);
/// let p = diff(&a, &b);
/// assert_eq!(p.s.get("n").map(String::as_str), Some("2"));
/// assert!(p.h.is_empty() && p.f.is_none() && !p.s.contains_key("m"));
/// ```
pub fn diff(old: &Snapshot, new: &Snapshot) -> Patch {
    let mut patch = Patch::default();
    if old.skeleton != new.skeleton {
        patch.f = Some(new.inner.clone());
        return patch;
    }
    let mut covered = vec![false; new.slots.len()];
    for (i, slot) in new.slots.iter().enumerate() {
        if slot.parent.is_some_and(|p| covered[p]) {
            covered[i] = true;
            continue;
        }
        let Some(before) = old.index.get(&slot.id).map(|&j| &old.slots[j]) else {
            // Unreachable when skeletons and parents' masks match; stay correct regardless.
            return Patch { f: Some(new.inner.clone()), ..Patch::default() };
        };
        if before.attrs != slot.attrs {
            patch.a.insert(slot.id.clone(), attr_changes(&before.attrs, &slot.attrs));
        }
        if before.masked != slot.masked {
            match &slot.text {
                Some(text) => patch.s.insert(slot.id.clone(), text.clone()),
                None => patch.h.insert(slot.id.clone(), slot.inner.clone()),
            };
            covered[i] = true;
        }
    }
    patch
}

fn attr_changes(
    old: &[(String, String)],
    new: &[(String, String)],
) -> std::collections::BTreeMap<String, Option<String>> {
    let mut changes = std::collections::BTreeMap::new();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse_fragment;

    fn snap(html: &str) -> Snapshot {
        let Some(Node::Element(root)) = parse_fragment(html).into_iter().next() else { panic!("no root in {html}") };
        Snapshot::of(&root).expect("snapshot")
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
        let html = r#"<div><p>x</p><i data-slot="a"><b>1</b></i></div>"#;
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
            r#"<div><section data-slot="outer"><h1>T</h1><span data-slot="inner">1</span></section></div>"#,
            r#"<div><section data-slot="outer"><h1>U</h1><span data-slot="inner">2</span></section></div>"#,
        );
        assert_eq!(p.h["outer"], r#"<h1>U</h1><span data-slot="inner">2</span>"#);
        assert!(p.s.is_empty());
    }

    #[test]
    fn change_outside_slots_sends_the_full_root() {
        let p = d(r#"<div><h1>A</h1><i data-slot="a">1</i></div>"#, r#"<div><h1>B</h1><i data-slot="a">1</i></div>"#);
        assert_eq!(p.f.as_deref(), Some(r#"<h1>B</h1><i data-slot="a">1</i>"#));
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
    fn duplicate_slot_ids_are_an_error_in_debug_builds() {
        let Some(Node::Element(root)) =
            parse_fragment(r#"<div><i data-slot="a"></i><b data-slot="a"></b></div>"#).into_iter().next()
        else {
            panic!()
        };
        assert_eq!(Snapshot::of(&root), Err(Error::DuplicateSlot("a".into())));
    }
}
