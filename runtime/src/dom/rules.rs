//! The tree-construction rules [`super::parse`] applies: the stack of open elements and what a
//! start or end tag does to it (implied end tags, implied table parts, `<p>` closing, scopes).
//!
//! The stack also numbers elements in creation order (which is their document order in the
//! finished tree) and counts how far it was ever popped, so an incremental re-parse can check
//! that it never touched the elements around the part it re-parsed.

use super::{Element, Node};

/// Start tags that close a `<p>` open in button scope.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "search",
    "section",
    "summary",
    "table",
    "ul",
    "xmp",
];

/// Elements that bound the default scope (and button scope, with `button`).
const SCOPE: &[&str] = &["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"];

/// [`SCOPE`] and `button`.
const BUTTON_SCOPE: &[&str] =
    &["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "button"];

/// The HTML spec's "special" elements that stop the search for an open `li`/`dd`/`dt` (less
/// `address`, `div` and `p`, which do not).
const SPECIAL: &[&str] = &[
    "article",
    "aside",
    "blockquote",
    "body",
    "button",
    "caption",
    "center",
    "dl",
    "fieldset",
    "figure",
    "footer",
    "form",
    "header",
    "html",
    "main",
    "nav",
    "ol",
    "section",
    "select",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

const TABLE_SECTIONS: &[&str] = &["tbody", "thead", "tfoot"];

/// No element id: the synthetic container and context elements of a re-parse.
pub(super) const NO_ID: usize = usize::MAX;

/// The stack of open elements.
pub(super) struct Stack {
    /// `els[0]` is a synthetic container holding the fragment's top-level nodes.
    pub els: Vec<Element>,
    /// The creation number of each open element.
    ids: Vec<usize>,
    /// The next element's creation number.
    pub next_id: usize,
    /// The smallest length the stack was popped to.
    pub low: usize,
    /// Times an element was popped.
    pub pops: usize,
}

impl Stack {
    /// A stack holding the container and then `context`, empty elements of those names.
    pub fn new(context: &[&str]) -> Self {
        let mut els = vec![Element::default()];
        els.extend(context.iter().map(|n| Element { name: (*n).to_owned(), ..Element::default() }));
        let ids = vec![NO_ID; els.len()];
        Stack { low: els.len(), els, ids, next_id: 0, pops: 0 }
    }

    pub fn len(&self) -> usize {
        self.els.len()
    }

    fn name(&self, pos: usize) -> &str {
        self.els[pos].name.as_str()
    }

    fn top(&self) -> &str {
        self.els.last().map(|e| e.name.as_str()).unwrap_or("")
    }

    /// Opens `el`; returns its creation number.
    pub fn open(&mut self, el: Element) -> usize {
        let id = self.new_id();
        self.els.push(el);
        self.ids.push(id);
        id
    }

    /// A creation number for an element appended without being opened.
    pub fn new_id(&mut self) -> usize {
        self.next_id += 1;
        self.next_id - 1
    }

    fn open_implied(&mut self, name: &str) {
        self.open(Element { name: name.into(), ..Element::default() });
    }

    pub fn close_top(&mut self) {
        if self.els.len() > 1 {
            let el = self.els.pop().expect("non-empty");
            self.ids.pop();
            self.pops += 1;
            self.low = self.low.min(self.els.len());
            self.push_child(Node::Element(el));
        }
    }

    pub fn close_to(&mut self, pos: usize) {
        while self.els.len() > pos {
            self.close_top();
        }
    }

    pub fn push_child(&mut self, node: Node) {
        if let Some(parent) = self.els.last_mut() {
            parent.children.push(node);
        }
    }

    /// Index of the nearest open `name`, searching down from the current node and stopping at an
    /// element of `bounds` (els[0], the synthetic container, always bounds).
    pub fn in_scope(&self, name: &str, bounds: &[&str]) -> Option<usize> {
        for i in (1..self.els.len()).rev() {
            let open = self.name(i);
            if open == name {
                return Some(i);
            }
            if bounds.contains(&open) {
                return None;
            }
        }
        None
    }

    /// Whether an `svg` or `math` element is open.
    pub fn in_foreign(&self) -> bool {
        self.els.iter().any(|e| matches!(e.name.as_str(), "svg" | "math"))
    }

    /// Closes what a start tag `name` implicitly closes, and opens what it implies (`tbody`, `tr`).
    pub fn before_start_tag(&mut self, name: &str) {
        match name {
            "li" | "dd" | "dt" => {
                let closes: &[&str] = if name == "li" { &["li"] } else { &["dd", "dt"] };
                for i in (1..self.els.len()).rev() {
                    let open = self.name(i);
                    if closes.contains(&open) {
                        self.close_to(i);
                        break;
                    }
                    if SPECIAL.contains(&open) {
                        break;
                    }
                }
            }
            "option" if self.top() == "option" => self.close_top(),
            "optgroup" => {
                while matches!(self.top(), "option" | "optgroup") {
                    self.close_top();
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                if matches!(self.top(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") =>
            {
                self.close_top()
            }
            "tbody" | "thead" | "tfoot" | "caption" | "colgroup" => {
                if let Some(t) = self.in_scope("table", &["html", "template"]) {
                    self.close_to(t + 1);
                }
            }
            "tr" => {
                if let Some(t) = self.in_scope("table", &["html", "template"]) {
                    match self.els.iter().skip(t + 1).position(|e| TABLE_SECTIONS.contains(&e.name.as_str())) {
                        Some(s) => self.close_to(t + 1 + s + 1),
                        None => {
                            self.close_to(t + 1);
                            self.open_implied("tbody");
                        }
                    }
                }
            }
            "td" | "th" => {
                if let Some(t) = self.in_scope("table", &["html", "template"]) {
                    if let Some(r) = self.els.iter().skip(t).position(|e| e.name == "tr") {
                        self.close_to(t + r + 1);
                    } else {
                        self.before_start_tag("tr");
                        self.open_implied("tr");
                    }
                }
            }
            _ => {}
        }
        if CLOSES_P.contains(&name) {
            if let Some(p) = self.in_scope("p", BUTTON_SCOPE) {
                self.close_to(p);
            }
        }
    }

    /// Handles an end tag the way a browser would for the elements this module knows. Returns the
    /// creation number of the element the tag closed, if any.
    pub fn end_tag(&mut self, name: &str) -> Option<usize> {
        let table_part = matches!(name, "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption");
        let bounds: &[&str] = if table_part { &["html", "table", "template"] } else { SCOPE };
        match self.in_scope(name, if name == "table" { &["html", "template"] } else { bounds }) {
            Some(pos) => {
                let id = self.ids[pos];
                self.close_to(pos);
                Some(id)
            }
            None if name == "p" => {
                self.new_id();
                self.push_child(Node::Element(Element { name: "p".into(), ..Element::default() }));
                None
            }
            None => None,
        }
    }
}
