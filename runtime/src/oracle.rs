//! The Rust side of the diff oracle: a patch applied to HTML exactly as `ui-bridge/js/patch.js`
//! applies it to the DOM (less what a tree cannot show: focus, caret, typed values).
//!
//! Order, as on the client: `f` (the root's children become `f`), `r` (root attributes), `l`
//! (each list's ops in three passes, see [`ListOp`]), `a` (slot attributes), `h` (slot children
//! become the HTML), `s` (slot children become one text node). Slots, lists and items the page
//! does not have are skipped, as on the page. Exposed as [`crate::testing::apply_patch`] and
//! [`crate::testing::normalize`].

use std::collections::{BTreeMap, HashMap};

use crate::compose::CID_ATTR;
use crate::diff::{KEY_ATTR, LIST_ATTR, SLOT_ATTR};
use crate::dom::{self, Element, Namespace, Node};
use crate::protocol::{ListOp, Patch};

/// Applies `patch` to a root element's HTML; returns the new root HTML (canonically serialized).
///
/// Child regions (DESIGN §8): every lookup stays inside the region being patched (it never
/// enters a nested `data-lv-cid` wrapper); wherever the patch brings a wrapper for a child the
/// page already showed, that child's content before the patch is kept in it; then each `c`
/// entry applies inside its wrapper, in ascending id order.
pub(crate) fn apply_patch(root_html: &str, patch: &Patch) -> String {
    let Some(mut root) = first_element(dom::parse_fragment(root_html)) else { return root_html.to_owned() };
    let mut kept = HashMap::new();
    collect_children(&root, &mut kept);
    apply_region(&mut root, patch, &kept);
    for (cid, entry) in &patch.c {
        if let Some(wrapper) = find_wrapper(&mut root, &cid.to_string()) {
            apply_region(wrapper, &entry.to_patch(), &kept);
        }
    }
    let mut out = String::new();
    dom::serialize_element(&root, &mut out);
    out
}

/// One region's own changes (`f`, `r`, `l`, `a`, `h`, `s`; not `c`).
fn apply_region(root: &mut Element, patch: &Patch, kept: &Kept) {
    if let Some(f) = &patch.f {
        root.children = restore(patch_nodes(f, root), kept);
    }
    set_attrs(root, &patch.r);
    for (id, ops) in &patch.l {
        if let Some(container) = find_mut(root, LIST_ATTR, id, false) {
            apply_list(container, ops, kept);
        }
    }
    for (id, changes) in &patch.a {
        if let Some(el) = find_mut(root, SLOT_ATTR, id, true) {
            set_attrs(el, changes);
        }
    }
    for (id, html) in &patch.h {
        if let Some(el) = find_mut(root, SLOT_ATTR, id, true) {
            el.children = restore(patch_nodes(html, el), kept);
        }
    }
    for (id, text) in &patch.s {
        if let Some(el) = find_mut(root, SLOT_ATTR, id, true) {
            el.children = if text.is_empty() { vec![] } else { vec![Node::Text(text.clone())] };
        }
    }
}

/// Each child wrapper's content before the patch, by its id.
type Kept = HashMap<String, Vec<Node>>;

fn collect_children(el: &Element, kept: &mut Kept) {
    for child in &el.children {
        if let Node::Element(e) = child {
            if let Some(cid) = e.attr(CID_ATTR) {
                kept.entry(cid.to_owned()).or_insert_with(|| e.children.clone());
            }
            collect_children(e, kept);
        }
    }
}

/// New nodes from a patch, with every wrapper of a child the page showed holding that child's
/// content again.
/// Parses a patch's HTML for the children of `parent` as the bridge does: for an HTML parent in a
/// template (`template.innerHTML`), where table parts (`<tr>` of a list update, a `<tbody>` slot's
/// rows) stand on their own; for an SVG or MathML one in that element (the `innerHTML` of a
/// shallow copy), so that `<circle/>` is an SVG circle.
fn patch_nodes(html: &str, parent: &Element) -> Vec<Node> {
    match parent.ns {
        Namespace::Html => dom::parse_fragment_in(html, &["template"]),
        Namespace::Svg if parent.name == "svg" => dom::parse_fragment_in(html, &["svg"]),
        Namespace::Svg => dom::parse_fragment_in(html, &["svg", &parent.name]),
        Namespace::MathMl if parent.name == "math" => dom::parse_fragment_in(html, &["math"]),
        Namespace::MathMl => dom::parse_fragment_in(html, &["math", &parent.name]),
    }
}

fn restore(mut nodes: Vec<Node>, kept: &Kept) -> Vec<Node> {
    fn walk(nodes: &mut [Node], kept: &Kept) {
        for node in nodes {
            if let Node::Element(e) = node {
                match e.attr(CID_ATTR).and_then(|cid| kept.get(cid)) {
                    Some(content) => e.children = content.clone(),
                    None => walk(&mut e.children, kept),
                }
            }
        }
    }
    walk(&mut nodes, kept);
    nodes
}

fn find_wrapper<'a>(el: &'a mut Element, cid: &str) -> Option<&'a mut Element> {
    el.children.iter_mut().find_map(|c| match c {
        Node::Element(e) => {
            if e.attr(CID_ATTR) == Some(cid) {
                Some(e)
            } else {
                find_wrapper(e, cid)
            }
        }
        _ => None,
    })
}

/// Normalizes HTML through the tree for comparisons: attribute order, quoting and entities are
/// canonical, and whitespace-only text directly inside a `data-list` container (not content, see
/// [`crate::diff`]) is dropped.
pub(crate) fn normalize(html: &str) -> String {
    let mut nodes = patch_nodes(html, &Element::default());
    for node in &mut nodes {
        if let Node::Element(el) = node {
            drop_list_whitespace(el);
        }
    }
    let mut out = String::new();
    dom::serialize(&nodes, &mut out);
    out
}

fn drop_list_whitespace(el: &mut Element) {
    if el.attr(LIST_ATTR).is_some() {
        el.children.retain(|c| !matches!(c, Node::Text(t) if t.chars().all(char::is_whitespace)));
    }
    for child in &mut el.children {
        if let Node::Element(e) = child {
            drop_list_whitespace(e);
        }
    }
}

fn first_element(nodes: Vec<Node>) -> Option<Element> {
    nodes.into_iter().find_map(|n| match n {
        Node::Element(e) => Some(e),
        _ => None,
    })
}

fn set_attrs(el: &mut Element, changes: &BTreeMap<String, Option<String>>) {
    for (k, v) in changes {
        el.attrs.retain(|(name, _)| name != k);
        if let Some(v) = v {
            el.attrs.push((k.clone(), v.clone()));
        }
    }
    el.attrs.sort();
}

/// The first element in document order whose `attr` is `value` (the root itself only when
/// `include_root`), not looking inside nested child wrappers (their own patches find theirs).
fn find_mut<'a>(el: &'a mut Element, attr: &str, value: &str, include_root: bool) -> Option<&'a mut Element> {
    if include_root && el.attr(attr) == Some(value) {
        return Some(el);
    }
    el.children.iter_mut().find_map(|c| match c {
        Node::Element(e) if e.attr(CID_ATTR).is_none() => find_mut(e, attr, value, true),
        _ => None,
    })
}

fn key_of(node: &Node) -> Option<&str> {
    match node {
        Node::Element(e) => e.attr(KEY_ATTR),
        _ => None,
    }
}

/// Position in `children` of the keyed item with `key`.
fn position(children: &[Node], key: &str) -> Option<usize> {
    children.iter().position(|c| key_of(c) == Some(key))
}

/// Position in `children` before which an item at keyed index `index` goes.
fn slot_for(children: &[Node], index: usize) -> usize {
    children.iter().enumerate().filter(|(_, c)| key_of(c).is_some()).nth(index).map_or(children.len(), |(i, _)| i)
}

fn apply_list(container: &mut Element, ops: &[ListOp], kept: &Kept) {
    let ops = &ListOp::expanded(ops);
    let parent = Element { name: container.name.clone(), ns: container.ns, ..Element::default() };
    let patch_nodes = |html: &str| patch_nodes(html, &parent);
    let children = &mut container.children;
    let mut detached: HashMap<&str, Node> = HashMap::new();
    for op in ops {
        match op {
            ListOp::Remove { key } => {
                if let Some(i) = position(children, key) {
                    children.remove(i);
                }
            }
            ListOp::Move { key, .. } => {
                if let Some(i) = position(children, key) {
                    detached.insert(key, children.remove(i));
                }
            }
            _ => {}
        }
    }
    let mut placed: Vec<&ListOp> =
        ops.iter().filter(|op| matches!(op, ListOp::Insert { .. } | ListOp::Move { .. })).collect();
    placed.sort_by_key(|op| match op {
        ListOp::Insert { index, .. } | ListOp::Move { index, .. } => *index,
        _ => 0,
    });
    for op in placed {
        let (node, index) = match op {
            ListOp::Insert { html, index, .. } => {
                (first_element(restore(patch_nodes(html), kept)).map(Node::Element), *index)
            }
            ListOp::Move { key, index } => (detached.remove(key.as_str()), *index),
            _ => continue,
        };
        if let Some(node) = node {
            let at = slot_for(children, index);
            children.insert(at, node);
        }
    }
    for op in ops {
        if let ListOp::Update { key, html } = op {
            if let (Some(i), Some(el)) = (position(children, key), first_element(restore(patch_nodes(html), kept))) {
                children[i] = Node::Element(el);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list_patch(ops: Vec<ListOp>) -> Patch {
        Patch { l: BTreeMap::from([("l".to_owned(), ops)]), ..Patch::default() }
    }

    #[test]
    fn list_ops_apply_in_three_passes_whatever_their_order() {
        let html = r#"<div><ul data-list="l"><li data-key="a">A</li><li data-key="b">B</li></ul></div>"#;
        let patch = list_patch(vec![
            ListOp::Insert { key: "c".into(), index: 1, html: r#"<li data-key="c">C</li>"#.into() },
            ListOp::Move { key: "b".into(), index: 0 },
            ListOp::Remove { key: "a".into() },
        ]);
        assert_eq!(
            apply_patch(html, &patch),
            r#"<div><ul data-list="l"><li data-key="b">B</li><li data-key="c">C</li></ul></div>"#
        );
    }

    #[test]
    fn normalize_drops_whitespace_between_list_items_only() {
        assert_eq!(
            normalize("<div> <ul data-list=\"l\">\n <li data-key=\"a\">A</li>\n</ul></div>"),
            "<div> <ul data-list=\"l\"><li data-key=\"a\">A</li></ul></div>"
        );
    }
}
