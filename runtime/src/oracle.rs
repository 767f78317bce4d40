//! The Rust side of the diff oracle: a patch applied to HTML exactly as `ui-bridge/js/patch.js`
//! applies it to the DOM (less what a tree cannot show: focus, caret, typed values).
//!
//! Order, as on the client: `f` (the root's children become `f`), `r` (root attributes), `l`
//! (each list's ops in three passes, see [`ListOp`]), `a` (slot attributes), `h` (slot children
//! become the HTML), `s` (slot children become one text node). Slots, lists and items the page
//! does not have are skipped, as on the page. Exposed as [`crate::testing::apply_patch`] and
//! [`crate::testing::normalize`].

use std::collections::{BTreeMap, HashMap};

use crate::diff::{KEY_ATTR, LIST_ATTR, SLOT_ATTR};
use crate::dom::{self, Element, Node};
use crate::protocol::{ListOp, Patch};

/// Applies `patch` to a root element's HTML; returns the new root HTML (canonically serialized).
pub(crate) fn apply_patch(root_html: &str, patch: &Patch) -> String {
    let Some(mut root) = first_element(dom::parse_fragment(root_html)) else { return root_html.to_owned() };
    if let Some(f) = &patch.f {
        root.children = dom::parse_fragment(f);
    }
    set_attrs(&mut root, &patch.r);
    for (id, ops) in &patch.l {
        if let Some(container) = find_mut(&mut root, LIST_ATTR, id, false) {
            apply_list(container, ops);
        }
    }
    for (id, changes) in &patch.a {
        if let Some(el) = find_mut(&mut root, SLOT_ATTR, id, true) {
            set_attrs(el, changes);
        }
    }
    for (id, html) in &patch.h {
        if let Some(el) = find_mut(&mut root, SLOT_ATTR, id, true) {
            el.children = dom::parse_fragment(html);
        }
    }
    for (id, text) in &patch.s {
        if let Some(el) = find_mut(&mut root, SLOT_ATTR, id, true) {
            el.children = if text.is_empty() { vec![] } else { vec![Node::Text(text.clone())] };
        }
    }
    let mut out = String::new();
    dom::serialize_element(&root, &mut out);
    out
}

/// Normalizes HTML through the tree for comparisons: attribute order, quoting and entities are
/// canonical, and whitespace-only text directly inside a `data-list` container (not content, see
/// [`crate::diff`]) is dropped.
pub(crate) fn normalize(html: &str) -> String {
    let mut nodes = dom::parse_fragment(html);
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
/// `include_root`).
fn find_mut<'a>(el: &'a mut Element, attr: &str, value: &str, include_root: bool) -> Option<&'a mut Element> {
    if include_root && el.attr(attr) == Some(value) {
        return Some(el);
    }
    el.children.iter_mut().find_map(|c| match c {
        Node::Element(e) => find_mut(e, attr, value, true),
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

fn apply_list(container: &mut Element, ops: &[ListOp]) {
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
            ListOp::Insert { html, index, .. } => (first_element(dom::parse_fragment(html)).map(Node::Element), *index),
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
            if let (Some(i), Some(el)) = (position(children, key), first_element(dom::parse_fragment(html))) {
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
