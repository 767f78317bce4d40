//! Building a [`Snapshot`] from a tree: one walk in document order that cuts each region's masked
//! content, records its holes, and — when the tree came with source spans — where each region's
//! element sits in the render's HTML and which elements enclose it.

use std::sync::Arc;

use super::snapshot::{Hole, Kind, List, Region, Snapshot, KEY_ATTR, LIST_ATTR, LIST_MARK, SLOT_ATTR};
use crate::dom::{self, Element, Node, SourceSpan};
use crate::error::Result;

/// Walks a tree into a [`Snapshot`].
pub(super) struct Builder<'a> {
    snap: Snapshot,
    /// Source spans of the tree's elements in document order, if known.
    spans: Option<&'a [Option<SourceSpan>]>,
    /// Added to every span (the offset of a re-parsed part in the whole render).
    offset: usize,
    /// The next element's index in document order.
    next_el: usize,
    /// Names of the elements enclosing the walk's position, outermost first.
    path: Vec<&'a str>,
    /// For each path length, the joined path once a region needed it.
    ctx: Vec<Option<Arc<str>>>,
}

impl<'a> Builder<'a> {
    /// A walk whose first element has `spans[0]` (shifted by `offset`) and sits inside `context`.
    pub fn new(spans: Option<&'a [Option<SourceSpan>]>, offset: usize, context: &[&'a str]) -> Self {
        let mut ctx = vec![None; context.len() + 1];
        ctx[context.len()] = Some(Arc::from(context.join(" ")));
        Builder { snap: Snapshot::default(), spans, offset, next_el: 0, path: context.to_vec(), ctx }
    }

    /// Reduces the root element.
    pub fn root(mut self, root: &'a Element) -> Result<Snapshot> {
        self.region(Kind::Root, root, false)?;
        Ok(self.snap)
    }

    /// Reduces one slot or list item on its own (the snapshot's region 0).
    pub fn part(mut self, kind: Kind, el: &'a Element) -> Result<Snapshot> {
        self.region(kind, el, true)?;
        Ok(self.snap)
    }

    /// The next element's span, counting it.
    fn next_span(&mut self) -> Option<SourceSpan> {
        let i = self.next_el;
        self.next_el += 1;
        let span = self.spans?.get(i).copied().flatten()?;
        Some(SourceSpan { start: span.start + self.offset, end: span.end + self.offset })
    }

    fn context(&mut self) -> Arc<str> {
        let slot = self.ctx.last_mut().expect("the context of the walk's start");
        Arc::clone(slot.get_or_insert_with(|| Arc::from(self.path.join(" "))))
    }

    fn enter(&mut self, el: &'a Element) {
        self.path.push(&el.name);
        self.ctx.push(None);
    }

    fn leave(&mut self) {
        self.path.pop();
        self.ctx.pop();
    }

    fn region(&mut self, kind: Kind, el: &'a Element, may_be_list: bool) -> Result<usize> {
        let src = self.next_span();
        let ctx = self.context();
        let regions = &mut self.snap.regions;
        let i = regions.len();
        let text = match kind {
            Kind::Slot(_) => text_only(el),
            _ => None,
        };
        let lists = (self.snap.lists.len(), 0);
        let (name, attrs) = (el.name.clone(), el.attrs.clone());
        let (masked, holes) = (String::new(), vec![]);
        regions.push(Region { kind, name, ns: el.ns, attrs, masked, holes, text, ctx, end: 0, lists });
        self.snap.srcs.push(src);
        let mut masked = String::new();
        let mut holes = Vec::new();
        self.enter(el);
        let content = self.content(el, may_be_list, &mut masked, &mut holes);
        self.leave();
        content?;
        let (end, lists_end) = (self.snap.regions.len(), self.snap.lists.len());
        let region = &mut self.snap.regions[i];
        (region.masked, region.holes, region.end, region.lists.1) = (masked, holes, end, lists_end);
        Ok(i)
    }

    /// Writes `el`'s children (masked) to `out`.
    fn content(&mut self, el: &'a Element, may_be_list: bool, out: &mut String, holes: &mut Vec<Hole>) -> Result<()> {
        // Raw text holds no elements; a template's content is a fragment of its own, out of the
        // page's reach (`querySelector` does not look into it): both are plain markup.
        if el.text_kind() != dom::TextKind::Data || (el.ns == dom::Namespace::Html && el.name == "template") {
            self.next_el += count_elements(&el.children);
            dom::write_inner(el, out);
            return Ok(());
        }
        if may_be_list {
            if let Some(items) = self.list_items(el)? {
                let list = self.snap.lists.len();
                let id = el.attr(LIST_ATTR).unwrap_or_default().to_owned();
                self.snap.list_ids.insert(id.clone(), list);
                self.snap.lists.push(List { id, items: Vec::with_capacity(items.len()) });
                for item in items {
                    let key = item.attr(KEY_ATTR).unwrap_or_default().to_owned();
                    let r = self.region(Kind::Item(key), item, true)?;
                    self.snap.lists[list].items.push(r);
                }
                holes.push(Hole::List { start: out.len(), end: out.len() + LIST_MARK.len(), list });
                out.push_str(LIST_MARK);
                return Ok(());
            }
        }
        for child in &el.children {
            self.node(child, out, holes)?;
        }
        Ok(())
    }

    fn node(&mut self, node: &'a Node, out: &mut String, holes: &mut Vec<Hole>) -> Result<()> {
        let Node::Element(el) = node else {
            dom::serialize(std::slice::from_ref(node), out);
            return Ok(());
        };
        if let Some(id) = el.attr(SLOT_ATTR) {
            if !self.snap.slots.contains_key(id) {
                let start = out.len();
                out.push('<');
                out.push_str(&el.name);
                out.push_str(" data-slot=\"");
                dom::escape_attr(id, out);
                out.push_str("\">");
                if !el.is_void() {
                    dom::write_end(el, out);
                }
                let region = self.snap.regions.len();
                self.snap.slots.insert(id.to_owned(), region);
                holes.push(Hole::Slot { start, end: out.len(), region });
                self.region(Kind::Slot(id.to_owned()), el, true)?;
                return Ok(());
            }
            // Bad markup never wedges a view: in every build, warn and render the later one as
            // plain markup of its parent region (the caller's span names the view).
            tracing::warn!(slot = id, "duplicate data-slot id; treating the later one as plain markup");
            super::warnings::note();
        }
        self.next_el += 1;
        dom::open_tag(el, out);
        if !el.is_void() {
            if dom::first_text_starts_with_newline(el) {
                out.push('\n');
            }
            self.enter(el);
            let content = self.content(el, true, out, holes);
            self.leave();
            content?;
            dom::write_end(el, out);
        }
        Ok(())
    }

    /// The items of `el` when it is a keyed list container: it has `data-list`, a fresh id, and
    /// its children are elements carrying distinct `data-key`s (whitespace-only text between them
    /// is not content). Otherwise `None`, and the container is plain markup.
    fn list_items(&self, el: &'a Element) -> Result<Option<Vec<&'a Element>>> {
        let Some(id) = el.attr(LIST_ATTR) else { return Ok(None) };
        let mut items = Vec::with_capacity(el.children.len());
        for child in &el.children {
            match child {
                Node::Element(item) if item.attr(KEY_ATTR).is_some() => items.push(item),
                Node::Text(t) if t.chars().all(char::is_whitespace) => {}
                _ => return Ok(None),
            }
        }
        if self.snap.list_ids.contains_key(id) {
            tracing::warn!(list = id, "duplicate data-list id; treating the later one as plain markup");
            super::warnings::note();
            return Ok(None);
        }
        let mut seen = std::collections::HashSet::with_capacity(items.len());
        for item in &items {
            let key = item.attr(KEY_ATTR).unwrap_or_default();
            if !seen.insert(key) {
                tracing::warn!(list = id, key, "duplicate data-key; treating the list as plain markup");
                super::warnings::note();
                return Ok(None);
            }
        }
        Ok(Some(items))
    }
}

fn count_elements(nodes: &[Node]) -> usize {
    nodes.iter().map(|n| if let Node::Element(e) = n { 1 + count_elements(&e.children) } else { 0 }).sum()
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
