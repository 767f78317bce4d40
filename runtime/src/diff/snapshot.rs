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
use std::sync::Arc;

use super::build::Builder;
use crate::dom::{self, Element, Node, SourceSpan};
use crate::error::Result;

/// Marks an element as a slot.
pub const SLOT_ATTR: &str = "data-slot";
/// Marks an element as a keyed list container.
pub const LIST_ATTR: &str = "data-list";
/// The key of a list item.
pub const KEY_ATTR: &str = "data-key";

/// Stands for a list's items inside its container's masked content.
pub(super) const LIST_MARK: &str = "<!l>";

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
    pub(super) fn span(&self) -> (usize, usize) {
        match *self {
            Hole::Slot { start, end, .. } | Hole::List { start, end, .. } => (start, end),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Region {
    pub kind: Kind,
    pub name: String,
    pub ns: dom::Namespace,
    pub attrs: Vec<(String, String)>,
    pub masked: String,
    pub holes: Vec<Hole>,
    /// For slots whose children are all text: that text, decoded.
    pub text: Option<String>,
    /// The names of its element's ancestors, outermost first, separated by spaces.
    pub ctx: Arc<str>,
    /// One past its last nested region (regions are in document order, nested ones follow).
    pub end: usize,
    /// The lists inside it: `lists.0..lists.1`.
    pub lists: (usize, usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct List {
    pub id: String,
    /// Item regions in document order.
    pub items: Vec<usize>,
    /// Where its container element is in the render's HTML, when known and cleanly delimited.
    pub src: Option<SourceSpan>,
    /// Where its items' regions start: its first item's, or where one would go.
    pub first: usize,
    /// The names of the elements enclosing its items, outermost first (its container's last).
    pub ctx: Arc<str>,
}

/// One render of a view's root, reduced to what the diff compares.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snapshot {
    pub(super) regions: Vec<Region>,
    pub(super) lists: Vec<List>,
    /// By region: where its element is in the render's HTML, when known and cleanly delimited
    /// (kept apart from the regions so that moving them after an edit touches little memory).
    pub(super) srcs: Vec<Option<SourceSpan>>,
    pub(super) slots: HashMap<String, usize>,
    pub(super) list_ids: HashMap<String, usize>,
    /// Whether a duplicate slot id, list id or key made some markup plain (then which one is the
    /// region depends on what else the render holds, and only the full path rebuilds it).
    pub(super) duplicates: bool,
}

impl Snapshot {
    /// Reduces a root element. Two slots with the same id, two lists with the same id or two items
    /// of a list with the same key are logged (and counted for the rendering view, `warnings.rs`)
    /// in every build; the later slot and the list are treated as plain markup.
    ///
    /// ```
    /// use golivekit::diff::Snapshot;
    /// let snap = Snapshot::from_html(r#"<div><b data-slot="n">1</b></div>"#).unwrap();
    /// assert_eq!(snap.slot_html("n").as_deref(), Some("1"));
    /// ```
    pub fn of(root: &Element) -> Result<Self> {
        Self::from_tree(root.clone())
    }

    /// Like [`Snapshot::of`], taking the tree apart instead of copying it: its names, attributes
    /// and keys move into the snapshot.
    ///
    /// ```
    /// use golivekit::diff::Snapshot;
    /// let mut tree = golivekit::dom::parse_fragment(r#"<div><ul data-list="l"><li data-key="a">A</ul></div>"#);
    /// let Some(golivekit::dom::Node::Element(root)) = tree.pop() else { unreachable!() };
    /// assert_eq!(Snapshot::from_tree(root).unwrap().list_keys("l"), Some(vec!["a"]));
    /// ```
    pub fn from_tree(root: Element) -> Result<Self> {
        Builder::new(None, 0, &[]).root(root)
    }

    /// Like [`Snapshot::of`], for a root parsed by [`dom::parse_with_spans`] as the fragment's
    /// first element, with those spans: the snapshot then knows where each region came from, so
    /// that [`super::Rendered`] can re-parse only the region a new render changed.
    pub fn of_parsed(root: &Element, spans: &[Option<SourceSpan>]) -> Result<Self> {
        Self::from_parsed_tree(root.clone(), spans)
    }

    /// Like [`Snapshot::of_parsed`], taking the tree apart instead of copying it.
    pub fn from_parsed_tree(root: Element, spans: &[Option<SourceSpan>]) -> Result<Self> {
        Builder::new(Some(spans), 0, &[]).root(root)
    }

    /// Parses `html` and reduces its first element (see [`Snapshot::of`]); an empty snapshot when
    /// there is none.
    pub fn from_html(html: &str) -> Result<Self> {
        let (nodes, spans) = dom::parse_with_spans(html);
        match nodes.into_iter().find_map(|n| if let Node::Element(e) = n { Some(e) } else { None }) {
            Some(root) => Self::from_parsed_tree(root, &spans),
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

    /// The root element's attributes, as the tree it was made of had them (none for an empty
    /// snapshot).
    pub(crate) fn root_attrs(&self) -> &[(String, String)] {
        self.regions.first().map_or(&[], |root| root.attrs.as_slice())
    }

    /// The root element's HTML, its tag and attributes included (empty for an empty snapshot):
    /// the canonical serialization of the tree it was made of, as [`crate::dom::serialize_element`]
    /// writes it — without parsing anything again.
    ///
    /// ```
    /// use golivekit::diff::Snapshot;
    /// let html = r#"<div id=r><ul data-list="l"><li data-key="a">A &amp; B</ul><b data-slot="n">1</b></div>"#;
    /// let snap = Snapshot::from_html(html).unwrap();
    /// let mut canonical = String::new();
    /// golivekit::dom::serialize(&golivekit::dom::parse_fragment(html), &mut canonical);
    /// assert_eq!(snap.outer_html(), canonical);
    /// ```
    pub fn outer_html(&self) -> String {
        let mut out = String::new();
        if !self.regions.is_empty() {
            self.write_outer(0, &mut out);
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
        let html = region.ns == dom::Namespace::Html;
        if html && dom::is_void(&region.name) {
            return;
        }
        let inner = out.len();
        self.write_inner(r, out);
        // The parser drops a newline right after `<pre>`, `<textarea>`, `<listing>`: a first text
        // starting with one needs another (inner HTML, sent on its own, needs none).
        if html && dom::drops_leading_newline(&region.name) && matches!(out.as_bytes().get(inner), Some(b'\n' | b'\r'))
        {
            out.insert(inner, '\n');
        }
        dom::write_end_tag_in(&region.name, region.ns, out);
    }
}
