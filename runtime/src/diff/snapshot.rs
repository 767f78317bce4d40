//! [`Snapshot`]: one render of a view's root, reduced to *regions* the diff compares.
//!
//! A region is the root, a slot (`data-slot`) or a keyed list item (a `data-key` child of a
//! `data-list` container). Each region keeps its own tag and attributes and its *masked* content:
//! its children serialized once, with every nested region cut out. A nested slot leaves a
//! placeholder `<tag data-slot="id"></tag>` (its tag and id, nothing else); a list container
//! keeps its tag and attributes and leaves the marker `<!l>` (which no serialization of a parsed
//! tree can produce) in place of its items. The cut-outs are recorded as [`Hole`]s, so a region's
//! full HTML is rebuilt on demand — only for the regions a patch carries.
//!
//! Equal masked content means equal placeholders in the same places, so two regions with equal
//! masked content differ only inside their holes, which the diff then visits pairwise.

use std::collections::HashMap;

use crate::dom::{self, Element, Node};
use crate::error::{Error, Result};

/// Marks an element as a slot.
pub const SLOT_ATTR: &str = "data-slot";
/// Marks an element as a keyed list container.
pub const LIST_ATTR: &str = "data-list";
/// The key of a list item.
pub const KEY_ATTR: &str = "data-key";

/// Stands for a list's items inside its container's masked content.
const LIST_MARK: &str = "<!l>";

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    Root,
    Slot(String),
    Item(String),
}

/// A nested region cut out of a region's masked content at `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Hole {
    /// A slot: its placeholder spans `start..end`; holds region `region`.
    Slot { start: usize, end: usize, region: usize },
    /// A list's items: the marker spans `start..end`; holds list `list`.
    List { start: usize, end: usize, list: usize },
}

impl Hole {
    fn span(&self) -> (usize, usize) {
        match *self {
            Hole::Slot { start, end, .. } | Hole::List { start, end, .. } => (start, end),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Region {
    pub kind: Kind,
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub masked: String,
    pub holes: Vec<Hole>,
    /// For slots whose children are all text: that text, decoded.
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct List {
    pub id: String,
    /// Item regions in document order.
    pub items: Vec<usize>,
}

/// One render of a view's root, reduced to what the diff compares.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snapshot {
    pub(super) regions: Vec<Region>,
    pub(super) lists: Vec<List>,
    slots: HashMap<String, usize>,
    list_ids: HashMap<String, usize>,
}

impl Snapshot {
    /// Reduces a root element. Two slots with the same id, two lists with the same id or two items
    /// of a list with the same key are an error in debug builds; release builds log it and treat
    /// the later slot as plain markup, and the list as plain markup.
    ///
    /// ```
    /// use golivekit::diff::Snapshot;
    /// let snap = Snapshot::from_html(r#"<div><b data-slot="n">1</b></div>"#).unwrap();
    /// assert_eq!(snap.slot_html("n").as_deref(), Some("1"));
    /// ```
    pub fn of(root: &Element) -> Result<Self> {
        let mut snap = Snapshot::default();
        snap.region(Kind::Root, root, false)?;
        Ok(snap)
    }

    /// Parses `html` and reduces its first element (see [`Snapshot::of`]); an empty snapshot when
    /// there is none.
    pub fn from_html(html: &str) -> Result<Self> {
        match dom::parse_fragment(html).iter().find_map(|n| if let Node::Element(e) = n { Some(e) } else { None }) {
            Some(root) => Self::of(root),
            None => Ok(Self::default()),
        }
    }

    /// The root's inner HTML (empty for an empty snapshot).
    pub fn inner_html(&self) -> String {
        let mut out = String::new();
        if !self.regions.is_empty() {
            self.write_inner(0, &mut out);
        }
        out
    }

    /// Slot ids in document order.
    pub fn slot_ids(&self) -> impl Iterator<Item = &str> {
        self.regions.iter().filter_map(|r| if let Kind::Slot(id) = &r.kind { Some(id.as_str()) } else { None })
    }

    /// The inner HTML of slot `id`.
    pub fn slot_html(&self, id: &str) -> Option<String> {
        let mut out = String::new();
        self.write_inner(*self.slots.get(id)?, &mut out);
        Some(out)
    }

    /// The `data-key`s of list `id`, in order.
    pub fn list_keys(&self, id: &str) -> Option<Vec<&str>> {
        let list = &self.lists[*self.list_ids.get(id)?];
        Some(list.items.iter().map(|&i| self.key(i)).collect())
    }

    pub(super) fn root(&self) -> Option<&Region> {
        self.regions.first()
    }

    pub(super) fn key(&self, region: usize) -> &str {
        match &self.regions[region].kind {
            Kind::Item(key) => key,
            _ => "",
        }
    }

    /// Appends region `r`'s children, with its holes filled back in.
    pub(super) fn write_inner(&self, r: usize, out: &mut String) {
        let region = &self.regions[r];
        let mut at = 0;
        for hole in &region.holes {
            let (start, end) = hole.span();
            out.push_str(&region.masked[at..start]);
            match *hole {
                Hole::Slot { region, .. } => self.write_outer(region, out),
                Hole::List { list, .. } => {
                    for &item in &self.lists[list].items {
                        self.write_outer(item, out);
                    }
                }
            }
            at = end;
        }
        out.push_str(&region.masked[at..]);
    }

    /// Appends region `r` itself: its tag, attributes and children.
    pub(super) fn write_outer(&self, r: usize, out: &mut String) {
        let region = &self.regions[r];
        dom::write_open_tag(&region.name, &region.attrs, out);
        if dom::is_void(&region.name) {
            return;
        }
        self.write_inner(r, out);
        out.push_str("</");
        out.push_str(&region.name);
        out.push('>');
    }

    fn region(&mut self, kind: Kind, el: &Element, may_be_list: bool) -> Result<usize> {
        let i = self.regions.len();
        let text = match kind {
            Kind::Slot(_) => text_only(el),
            _ => None,
        };
        let name = el.name.clone();
        self.regions.push(Region { kind, name, attrs: el.attrs.clone(), masked: String::new(), holes: vec![], text });
        let mut masked = String::new();
        let mut holes = Vec::new();
        self.content(el, may_be_list, &mut masked, &mut holes)?;
        self.regions[i].masked = masked;
        self.regions[i].holes = holes;
        Ok(i)
    }

    /// Writes `el`'s children (masked) to `out`.
    fn content(&mut self, el: &Element, may_be_list: bool, out: &mut String, holes: &mut Vec<Hole>) -> Result<()> {
        if dom::is_raw_text(&el.name) || matches!(el.name.as_str(), "textarea" | "title") {
            dom::write_inner(el, out);
            return Ok(());
        }
        if may_be_list {
            if let Some(items) = self.list_items(el)? {
                let list = self.lists.len();
                let id = el.attr(LIST_ATTR).unwrap_or_default().to_owned();
                self.list_ids.insert(id.clone(), list);
                self.lists.push(List { id, items: Vec::with_capacity(items.len()) });
                for item in items {
                    let key = item.attr(KEY_ATTR).unwrap_or_default().to_owned();
                    let r = self.region(Kind::Item(key), item, true)?;
                    self.lists[list].items.push(r);
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

    fn node(&mut self, node: &Node, out: &mut String, holes: &mut Vec<Hole>) -> Result<()> {
        let Node::Element(el) = node else {
            dom::serialize(std::slice::from_ref(node), out);
            return Ok(());
        };
        if let Some(id) = el.attr(SLOT_ATTR) {
            if !self.slots.contains_key(id) {
                let start = out.len();
                out.push('<');
                out.push_str(&el.name);
                out.push_str(" data-slot=\"");
                dom::escape_attr(id, out);
                out.push_str("\">");
                if !dom::is_void(&el.name) {
                    out.push_str("</");
                    out.push_str(&el.name);
                    out.push('>');
                }
                let region = self.regions.len();
                self.slots.insert(id.to_owned(), region);
                holes.push(Hole::Slot { start, end: out.len(), region });
                self.region(Kind::Slot(id.to_owned()), el, true)?;
                return Ok(());
            }
            if cfg!(debug_assertions) {
                return Err(Error::DuplicateSlot(id.to_owned()));
            }
            tracing::error!(slot = id, "duplicate data-slot id; treating the later one as markup");
        }
        dom::open_tag(el, out);
        if !dom::is_void(&el.name) {
            self.content(el, true, out, holes)?;
            out.push_str("</");
            out.push_str(&el.name);
            out.push('>');
        }
        Ok(())
    }

    /// The items of `el` when it is a keyed list container: it has `data-list`, a fresh id, and
    /// its children are elements carrying distinct `data-key`s (whitespace-only text between them
    /// is not content). Otherwise `None`, and the container is plain markup.
    fn list_items<'e>(&self, el: &'e Element) -> Result<Option<Vec<&'e Element>>> {
        let Some(id) = el.attr(LIST_ATTR) else { return Ok(None) };
        let mut items = Vec::with_capacity(el.children.len());
        for child in &el.children {
            match child {
                Node::Element(item) if item.attr(KEY_ATTR).is_some() => items.push(item),
                Node::Text(t) if t.chars().all(char::is_whitespace) => {}
                _ => return Ok(None),
            }
        }
        if self.list_ids.contains_key(id) {
            if cfg!(debug_assertions) {
                return Err(Error::DuplicateList(id.to_owned()));
            }
            tracing::error!(list = id, "duplicate data-list id; treating the later one as markup");
            return Ok(None);
        }
        let mut seen = std::collections::HashSet::with_capacity(items.len());
        for item in &items {
            let key = item.attr(KEY_ATTR).unwrap_or_default();
            if !seen.insert(key) {
                if cfg!(debug_assertions) {
                    return Err(Error::DuplicateKey { list: id.to_owned(), key: key.to_owned() });
                }
                tracing::error!(list = id, key, "duplicate data-key; treating the list as markup");
                return Ok(None);
            }
        }
        Ok(Some(items))
    }
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
