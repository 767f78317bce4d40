//! Building a [`Snapshot`] from a tree: one walk in document order that cuts each region's masked
//! content, records its holes, and — when the tree came with source spans — where each region's
//! element sits in the render's HTML and which elements enclose it.

use std::sync::Arc;

use super::snapshot::{Hole, Kind, List, Region, Snapshot, KEY_ATTR, LIST_ATTR, LIST_MARK, SLOT_ATTR};
use crate::dom::{self, Element, Node, SourceSpan};
use crate::error::Result;

/// Walks a tree into a [`Snapshot`], taking its elements apart: names, attributes and keys move
/// into the regions instead of being copied.
pub(super) struct Builder<'a> {
    snap: Snapshot,
    /// Source spans of the tree's elements in document order, if known.
    spans: Option<&'a [Option<SourceSpan>]>,
    /// Added to every span (the offset of a re-parsed part in the whole render).
    offset: usize,
    /// The next element's index in document order.
    next_el: usize,
    /// Names of the elements enclosing the walk's position, outermost first, joined by spaces.
    path: String,
    /// The length of `path` before each element the walk is inside of.
    path_lens: Vec<usize>,
    /// For each element the walk is inside of, the path once a region needed it.
    ctx: Vec<Option<Arc<str>>>,
}

impl<'a> Builder<'a> {
    /// A walk whose first element has `spans[0]` (shifted by `offset`) and sits inside `context`.
    pub fn new(spans: Option<&'a [Option<SourceSpan>]>, offset: usize, context: &[&str]) -> Self {
        let path = context.join(" ");
        let ctx = vec![Some(Arc::from(path.as_str()))];
        Builder { snap: Snapshot::default(), spans, offset, next_el: 0, path, path_lens: Vec::new(), ctx }
    }

    /// Reduces the root element.
    pub fn root(mut self, root: Element) -> Result<Snapshot> {
        self.region(Kind::Root, root, false)?;
        Ok(self.snap)
    }

    /// Reduces one slot or list item on its own (the snapshot's region 0).
    pub fn part(mut self, kind: Kind, el: Element) -> Result<Snapshot> {
        self.region(kind, el, true)?;
        Ok(self.snap)
    }

    /// Reduces list items on their own, in order: the snapshot's regions are each item followed
    /// by its nested regions; returns it with each item's region.
    pub fn items(mut self, items: impl IntoIterator<Item = Element>) -> Result<(Snapshot, Vec<usize>)> {
        let mut roots = Vec::new();
        for item in items {
            let key = item.attr(KEY_ATTR).unwrap_or_default().to_owned();
            roots.push(self.region(Kind::Item(key), item, true)?);
        }
        Ok((self.snap, roots))
    }

    /// The next element's span, counting it.
    fn next_span(&mut self) -> Option<SourceSpan> {
        let i = self.next_el;
        self.next_el += 1;
        let span = self.spans?.get(i).copied().flatten()?;
        Some(span.shifted(self.offset as isize))
    }

    fn context(&mut self) -> Arc<str> {
        let path = &self.path;
        let slot = self.ctx.last_mut().expect("the context of the walk's start");
        Arc::clone(slot.get_or_insert_with(|| Arc::from(path.as_str())))
    }

    fn enter(&mut self, name: &str) {
        self.path_lens.push(self.path.len());
        if !self.path.is_empty() {
            self.path.push(' ');
        }
        self.path.push_str(name);
        self.ctx.push(None);
    }

    fn leave(&mut self) {
        let len = self.path_lens.pop().expect("leave follows enter");
        self.path.truncate(len);
        self.ctx.pop();
    }

    fn region(&mut self, kind: Kind, mut el: Element, may_be_list: bool) -> Result<usize> {
        let src = self.next_span();
        let ctx = self.context();
        let i = self.snap.regions.len();
        let text = match kind {
            Kind::Slot(_) => text_only(&el),
            _ => None,
        };
        let lists = (self.snap.lists.len(), 0);
        // Its name, attributes and content move in once its content is walked (the walk needs them).
        let region = Region {
            kind,
            name: String::new(),
            ns: el.ns,
            attrs: Vec::new(),
            masked: String::new(),
            holes: Vec::new(),
            text,
            ctx,
            end: 0,
            lists,
        };
        self.snap.regions.push(region);
        self.snap.srcs.push(src);
        let (mut masked, mut holes) = (String::new(), Vec::new());
        self.enter(&el.name);
        let content = self.content(&mut el, src, may_be_list, &mut masked, &mut holes);
        self.leave();
        content?;
        let (end, lists_end) = (self.snap.regions.len(), self.snap.lists.len());
        let region = &mut self.snap.regions[i];
        (region.name, region.attrs) = (el.name, el.attrs);
        (region.masked, region.holes, region.end, region.lists.1) = (masked, holes, end, lists_end);
        Ok(i)
    }

    /// Writes `el`'s children (masked) to `out`, taking them out of `el` (whose span is `src`).
    fn content(
        &mut self,
        el: &mut Element,
        src: Option<SourceSpan>,
        may_be_list: bool,
        out: &mut String,
        holes: &mut Vec<Hole>,
    ) -> Result<()> {
        // Raw text holds no elements; a template's content is a fragment of its own, out of the
        // page's reach (`querySelector` does not look into it): both are plain markup.
        if el.text_kind() != dom::TextKind::Data || (el.ns == dom::Namespace::Html && el.name == "template") {
            self.next_el += count_elements(&el.children);
            dom::write_inner(el, out);
            return Ok(());
        }
        let children = std::mem::take(&mut el.children);
        if may_be_list && self.is_list(el, &children) {
            let list = self.snap.lists.len();
            let id = el.attr(LIST_ATTR).unwrap_or_default().to_owned();
            self.snap.list_ids.insert(id.clone(), list);
            let (first, ctx) = (self.snap.regions.len(), self.context());
            self.snap.lists.push(List { id, items: Vec::with_capacity(children.len()), src, first, ctx });
            for child in children {
                // (Only whitespace-only text lies between the items: it is not content.)
                let Node::Element(item) = child else { continue };
                let key = item.attr(KEY_ATTR).unwrap_or_default().to_owned();
                let r = self.region(Kind::Item(key), item, true)?;
                self.snap.lists[list].items.push(r);
            }
            holes.push(Hole::List { start: out.len(), end: out.len() + LIST_MARK.len(), list });
            out.push_str(LIST_MARK);
            return Ok(());
        }
        for child in children {
            self.node(child, out, holes)?;
        }
        Ok(())
    }

    fn node(&mut self, node: Node, out: &mut String, holes: &mut Vec<Hole>) -> Result<()> {
        let Node::Element(mut el) = node else {
            dom::serialize(std::slice::from_ref(&node), out);
            return Ok(());
        };
        if let Some(id) = el.attr(SLOT_ATTR) {
            if !self.snap.slots.contains_key(id) {
                let id = id.to_owned();
                let start = out.len();
                out.push('<');
                out.push_str(&el.name);
                out.push_str(" data-slot=\"");
                dom::escape_attr(&id, out);
                out.push_str("\">");
                if !el.is_void() {
                    dom::write_end(&el, out);
                }
                let region = self.snap.regions.len();
                self.snap.slots.insert(id.clone(), region);
                holes.push(Hole::Slot { start, end: out.len(), region });
                self.region(Kind::Slot(id), el, true)?;
                return Ok(());
            }
            // Bad markup never wedges a view: in every build, warn and render the later one as
            // plain markup of its parent region (the caller's span names the view).
            tracing::warn!(slot = id, "duplicate data-slot id; treating the later one as plain markup");
            super::warnings::note();
            self.snap.duplicates = true;
        }
        let src = self.next_span();
        dom::open_tag(&el, out);
        if !el.is_void() {
            if dom::first_text_starts_with_newline(&el) {
                out.push('\n');
            }
            self.enter(&el.name);
            let content = self.content(&mut el, src, true, out, holes);
            self.leave();
            content?;
            dom::write_end(&el, out);
        }
        Ok(())
    }

    /// Whether `el`, with `children`, is a keyed list container: it has `data-list`, a fresh id,
    /// and its children are elements carrying distinct `data-key`s (whitespace-only text between
    /// them is not content). Otherwise the container is plain markup.
    fn is_list(&mut self, el: &Element, children: &[Node]) -> bool {
        let Some(id) = el.attr(LIST_ATTR) else { return false };
        let mut keys = Vec::with_capacity(children.len());
        for child in children {
            match child {
                Node::Element(item) => match item.attr(KEY_ATTR) {
                    Some(key) => keys.push(key),
                    None => return false,
                },
                Node::Text(t) if t.chars().all(char::is_whitespace) => {}
                _ => return false,
            }
        }
        if self.snap.list_ids.contains_key(id) {
            tracing::warn!(list = id, "duplicate data-list id; treating the later one as plain markup");
            super::warnings::note();
            self.snap.duplicates = true;
            return false;
        }
        let mut seen = std::collections::HashSet::with_capacity(keys.len());
        for key in keys {
            if !seen.insert(key) {
                tracing::warn!(list = id, key, "duplicate data-key; treating the list as plain markup");
                super::warnings::note();
                self.snap.duplicates = true;
                return false;
            }
        }
        true
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
