//! The tree-construction rules [`super::parse`] applies: the stack of open elements and what a
//! start or end tag does to it (implied end tags, implied table parts, `<p>` closing, scopes).
//!
//! The stack also numbers elements in creation order (which is their document order in the
//! finished tree) and counts how far it was ever popped, so an incremental re-parse can check
//! that it never touched the elements around the part it re-parsed.

use super::foreign::{bounds_scope, child_ns};
use super::formatting::{is_formatting, is_marker, Active, Adopted};
use super::template::{is_template, TemplateMode};
use super::{Element, Namespace, Node};

/// Whether a start tag `name` closes a `<p>` open in button scope. (A `match`: this runs for
/// every start tag.)
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "listing"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "plaintext"
            | "pre"
            | "search"
            | "section"
            | "summary"
            | "table"
            | "ul"
            | "xmp"
    )
}

/// Elements that bound the default scope (and button scope, with `button`).
pub(super) const SCOPE: &[&str] = &["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"];

/// [`SCOPE`] and `button`.
const BUTTON_SCOPE: &[&str] =
    &["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "button"];

const TABLE_SECTIONS: &[&str] = &["tbody", "thead", "tfoot"];

/// Whether an HTML element `name` is in the HTML spec's "special" category: an end tag for another
/// element never closes past one of them (nor past the foreign ones, [`Stack::special`]).
/// (A `match`: this runs for every end tag.)
pub(super) fn is_special(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "applet"
            | "area"
            | "article"
            | "aside"
            | "base"
            | "basefont"
            | "bgsound"
            | "blockquote"
            | "body"
            | "br"
            | "button"
            | "caption"
            | "center"
            | "col"
            | "colgroup"
            | "dd"
            | "details"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "embed"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "frame"
            | "frameset"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "iframe"
            | "img"
            | "input"
            | "keygen"
            | "li"
            | "link"
            | "listing"
            | "main"
            | "marquee"
            | "menu"
            | "meta"
            | "nav"
            | "noembed"
            | "noframes"
            | "noscript"
            | "object"
            | "ol"
            | "p"
            | "param"
            | "plaintext"
            | "pre"
            | "script"
            | "search"
            | "section"
            | "select"
            | "source"
            | "style"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "template"
            | "textarea"
            | "tfoot"
            | "th"
            | "thead"
            | "title"
            | "tr"
            | "track"
            | "ul"
            | "wbr"
            | "xmp"
    )
}

/// Whether a start tag `name` in body reconstructs the active formatting elements first: every
/// one does but blocks, table parts, raw text and head elements (and `a`/`nobr`, which do it
/// themselves).
fn reconstructs(name: &str) -> bool {
    !matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "base"
            | "basefont"
            | "bgsound"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "col"
            | "colgroup"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "frame"
            | "frameset"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "iframe"
            | "li"
            | "link"
            | "listing"
            | "main"
            | "menu"
            | "meta"
            | "nav"
            | "noembed"
            | "noframes"
            | "noscript"
            | "ol"
            | "p"
            | "param"
            | "plaintext"
            | "pre"
            | "script"
            | "search"
            | "section"
            | "source"
            | "style"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "template"
            | "textarea"
            | "tfoot"
            | "th"
            | "thead"
            | "title"
            | "tr"
            | "track"
            | "ul"
            | "a"
            | "nobr"
            | "rb"
            | "rp"
            | "rt"
            | "rtc"
    )
}

/// Current nodes in which text is table text (no formatting is reconstructed around it).
pub(super) fn is_table_node(name: &str) -> bool {
    matches!(name, "table" | "tbody" | "thead" | "tfoot" | "tr")
}

/// No element id: the synthetic container and context elements of a re-parse.
pub(super) const NO_ID: usize = usize::MAX;

/// The stack of open elements.
pub(super) struct Stack {
    /// `els[0]` is a synthetic container holding the fragment's top-level nodes.
    pub els: Vec<Element>,
    /// The creation number of each open element.
    pub(super) ids: Vec<usize>,
    /// The next element's creation number.
    pub next_id: usize,
    /// The smallest length the stack was popped to.
    pub low: usize,
    /// Times an element was popped.
    pub pops: usize,
    /// The list of active formatting elements (`formatting.rs`).
    pub(super) active: Vec<Active>,
    /// Elements a repair (adoption agency, reconstruction) created or moved, by creation number:
    /// their source spans no longer describe them.
    pub touched: Vec<usize>,
    /// Open fostered elements, by creation number (`foster.rs`): they close into the table's parent.
    pub(super) foster: Vec<usize>,
    /// Whether anything was fostered out of a table (a re-parse must then give up).
    pub fostered: bool,
    /// Whether the context's namespaces could not be told from its names (a re-parse gives up).
    pub guessed_context: bool,
    /// The length below which foreign content never pops: the context of a fragment parse, which
    /// stands for the spec's context element (off the stack, so never popped).
    pub floor: usize,
    /// One entry per open HTML template, in stack order: what its content is (`template.rs`).
    pub(super) template_modes: Vec<TemplateMode>,
    /// The spec's form element pointer: the creation number of the `<form>` opened last (outside
    /// templates; `NO_ID` for a fragment inside a form) until a `</form>`. Another `<form>` start
    /// tag is dropped while it is set, as browsers drop nested forms.
    pub(super) form: Option<usize>,
    /// Elements a `</form>` took off the stack while elements opened inside them were still open
    /// (`<form><div></form>`): by creation number. The rules no longer see them; they stay in the
    /// stack only to receive what closes above them, and close when they are the current node.
    pub(super) hidden: Vec<usize>,
    /// How many `<select>` elements are open (the select rules run only when one is).
    pub(super) selects: usize,
    /// Whether a `<form>` start or end tag was read (a re-parse gives up: the form pointer of the
    /// markup before it is not known).
    pub(super) saw_form: bool,
}

impl Stack {
    /// A stack holding the container and then `context`, empty elements of those names (in the
    /// namespaces the parser would give them there: `svg` starts an SVG subtree, and so on).
    pub fn new(context: &[&str]) -> Self {
        let mut els = vec![Element::default()];
        let mut guessed_context = false;
        for name in context {
            let parent = els.last().expect("container");
            let ns = child_ns(parent, name).unwrap_or_else(|| {
                guessed_context = true;
                parent.ns
            });
            els.push(Element { name: (*name).to_owned(), ns, ..Element::default() });
        }
        let ids = vec![NO_ID; els.len()];
        let template_modes = els.iter().filter(|e| is_template(e)).map(|_| TemplateMode::Undecided).collect();
        Stack {
            low: els.len(),
            els,
            ids,
            next_id: 0,
            pops: 0,
            active: Vec::new(),
            touched: Vec::new(),
            foster: Vec::new(),
            fostered: false,
            guessed_context,
            floor: 1,
            form: context.contains(&"form").then_some(NO_ID),
            hidden: Vec::new(),
            selects: context.iter().filter(|n| **n == "select").count(),
            template_modes,
            saw_form: false,
        }
    }

    pub fn len(&self) -> usize {
        self.els.len()
    }

    /// The name of the open element at `pos` if it is an HTML element, else `""`: the HTML rules
    /// read an SVG `<title>` or a MathML `<tr>` as no element they know.
    #[inline(always)]
    pub(super) fn name(&self, pos: usize) -> &str {
        if !self.hidden.is_empty() && self.hidden.contains(&self.ids[pos]) {
            return "";
        }
        html_name(&self.els[pos])
    }

    /// [`Stack::name`] of the current node.
    #[inline(always)]
    pub(super) fn top(&self) -> &str {
        if self.els.len() > 1 {
            self.name(self.els.len() - 1)
        } else {
            ""
        }
    }

    /// Whether the open element at `pos` bounds the default scope ([`SCOPE`], and the foreign
    /// elements that bound every scope).
    pub(super) fn bounds_default_scope(&self, pos: usize) -> bool {
        let el = &self.els[pos];
        match el.ns {
            Namespace::Html => SCOPE.contains(&el.name.as_str()),
            _ => bounds_scope(el),
        }
    }

    /// Whether the open element at `pos` is "special" (an end tag for another element never
    /// closes past it).
    pub(super) fn special(&self, pos: usize) -> bool {
        let el = &self.els[pos];
        if !self.hidden.is_empty() && self.hidden.contains(&self.ids[pos]) {
            return false;
        }
        match el.ns {
            Namespace::Html => is_special(&el.name),
            _ => bounds_scope(el),
        }
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

    pub(super) fn open_implied(&mut self, name: &str) {
        self.open(Element { name: name.into(), ..Element::default() });
    }

    pub fn close_top(&mut self) {
        if self.els.len() > 1 {
            let parent = self.closing_parent();
            let el = self.els.pop().expect("non-empty");
            let id = self.ids.pop().unwrap_or(NO_ID);
            if !self.foster.is_empty() {
                self.foster.retain(|&f| f != id);
            }
            if !self.active.is_empty() {
                self.closed(id, &el);
            }
            self.pops += 1;
            self.low = self.low.min(self.els.len());
            let marker = el.ns == Namespace::Html && is_marker(&el.name);
            if is_template(&el) {
                self.template_modes.pop();
            }
            if self.selects > 0 && el.ns == Namespace::Html && el.name == "select" {
                self.selects -= 1;
            }
            self.els[parent].children.push(Node::Element(el));
            if marker {
                self.clear_to_marker();
            }
            // An element a `</form>` took off the stack closes once it is the current node.
            if let Some(&top) = self.ids.last().filter(|_| !self.hidden.is_empty()) {
                if let Some(i) = self.hidden.iter().position(|&h| h == top) {
                    self.hidden.swap_remove(i);
                    self.close_top();
                }
            }
        }
    }

    pub fn close_to(&mut self, pos: usize) {
        while self.els.len() > pos {
            self.close_top();
        }
    }

    /// Appends text to the current node, joined to a text node it ends with.
    #[inline]
    pub fn push_text(&mut self, text: String) {
        let parent = self.els.last_mut().expect("root container");
        match parent.children.last_mut() {
            Some(Node::Text(prev)) => prev.push_str(&text),
            _ if text.is_empty() => {}
            _ => parent.children.push(Node::Text(text)),
        }
    }

    pub fn push_child(&mut self, node: Node) {
        if let Some(parent) = self.els.last_mut() {
            parent.children.push(node);
        }
    }

    /// [`Stack::in_scope`] for table scope (bounded by `html`, `table`, `template`; foreign
    /// elements do not bound it).
    /// (Its own loop, with the bounds as a `match`: it runs for every row and cell tag.)
    #[inline]
    pub fn in_table_scope(&self, name: &str) -> Option<usize> {
        let hidden = !self.hidden.is_empty();
        for i in (1..self.els.len()).rev() {
            let el = &self.els[i];
            if el.ns != Namespace::Html || (hidden && self.hidden.contains(&self.ids[i])) {
                continue;
            }
            let open = el.name.as_str();
            if open == name {
                return Some(i);
            }
            if matches!(open, "html" | "table" | "template") {
                return None;
            }
        }
        None
    }

    /// Index of the nearest open HTML `name`, searching down from the current node and stopping at
    /// an element of `bounds` — and at the foreign elements that bound every scope
    /// (`foreignObject`, `mi`, …). els[0], the synthetic container, always bounds.
    #[inline]
    pub fn in_scope(&self, name: &str, bounds: &[&str]) -> Option<usize> {
        let hidden = !self.hidden.is_empty();
        for i in (1..self.els.len()).rev() {
            let el = &self.els[i];
            if el.ns != Namespace::Html {
                if bounds_scope(el) {
                    return None;
                }
                continue;
            }
            if hidden && self.hidden.contains(&self.ids[i]) {
                continue;
            }
            let open = el.name.as_str();
            if open == name {
                return Some(i);
            }
            if bounds.contains(&open) {
                return None;
            }
        }
        None
    }

    /// Whether the current node is inside an open `select` (the spec's "in select" mode).
    fn in_select(&self) -> bool {
        self.open_select().is_some()
    }

    /// Whether a start tag `name` is dropped, as a browser drops it: a table part with no table
    /// open (`<tr>` or `<td>` in body), and `<frame>`/`<head>`/`<html>`/`<body>` in a fragment.
    pub fn ignores_start_tag(&self, name: &str) -> bool {
        match name {
            "form" => self.form.is_some() && self.template_modes.is_empty(),
            "caption" | "col" | "colgroup" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr" => {
                // Kept inside a table part, or directly in a template (which holds table parts).
                let kept = (1..self.els.len()).rev().find(|&i| {
                    matches!(
                        self.name(i),
                        "table"
                            | "tbody"
                            | "thead"
                            | "tfoot"
                            | "tr"
                            | "td"
                            | "th"
                            | "caption"
                            | "colgroup"
                            | "template"
                            | "html"
                    )
                });
                match kept {
                    None => true,
                    Some(i) if self.name(i) == "html" => true,
                    Some(i) if i >= self.floor => false,
                    // The context of a fragment parse is not on the spec's stack: only the tags
                    // its insertion mode inserts directly are kept (`<td>` in a `<tr>`'s
                    // innerHTML; not a `<tr>` in a `<td>`'s, which looks for an open cell).
                    Some(i) if i + 1 == self.floor => !directly_inserted(self.name(i), name),
                    Some(_) => true,
                }
            }
            "frame" | "frameset" | "head" | "html" | "body" => true,
            _ => false,
        }
    }

    /// Closes what a start tag `name` implicitly closes, and opens what it implies (`tbody`, `tr`).
    pub fn before_start_tag(&mut self, name: &str) {
        match name {
            "table" => self.close_table_for_table(),
            "col" => self.colgroup_for_col(),
            _ => {}
        }
        match name {
            // Ruby annotations close what is open in the ruby (an `rt` keeps an open `rtc`).
            "rb" | "rtc" | "rp" | "rt" if self.in_scope("ruby", SCOPE).is_some() => {
                while matches!(
                    self.top(),
                    "dd" | "dt" | "li" | "optgroup" | "option" | "p" | "rb" | "rp" | "rt" | "rtc"
                ) && !(matches!(name, "rp" | "rt") && self.top() == "rtc")
                {
                    self.close_top();
                }
            }
            "li" | "dd" | "dt" => {
                let closes: &[&str] = if name == "li" { &["li"] } else { &["dd", "dt"] };
                for i in (1..self.els.len()).rev() {
                    let open = self.name(i);
                    if closes.contains(&open) {
                        self.close_to(i);
                        break;
                    }
                    if self.special(i) && !matches!(open, "address" | "div" | "p") {
                        break;
                    }
                }
            }
            "option" if self.top() == "option" => self.close_top(),
            "optgroup" => {
                // An open option closes; an open option group only inside a select (in body, an
                // option group goes inside another).
                if self.top() == "option" {
                    self.close_top();
                }
                if self.top() == "optgroup" && self.in_select() {
                    self.close_top();
                }
            }
            "tbody" | "thead" | "tfoot" | "caption" | "colgroup" => {
                if let Some(t) = self.in_table_scope("table") {
                    self.close_to(t + 1);
                }
            }
            "tr" => {
                if let Some(t) = self.in_table_scope("table") {
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
                if let Some(t) = self.in_table_scope("table") {
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
        if closes_p(name) {
            if let Some(p) = self.in_scope("p", BUTTON_SCOPE) {
                self.close_to(p);
            }
        }
        // A heading right inside a heading closes it (after any `<p>` was closed).
        if is_heading(name) && is_heading(self.top()) {
            self.close_top();
        }
        // A button inside a button closes the first.
        if name == "button" {
            if let Some(b) = self.in_scope("button", SCOPE) {
                self.close_to(b);
            }
        }
        match name {
            // A second `<a>` closes the first (as its end tag would), wherever it is.
            "a" => {
                if let Some((_, id)) = self.listed("a") {
                    self.adopt("a");
                    self.unlist(id);
                    // The first `<a>` leaves the stack too when the adoption agency left it there
                    // (out of scope, behind a table): what is open inside it stays in it.
                    if let Some(pos) = self.pos_of(id).filter(|&p| p >= self.floor) {
                        self.remove_from_stack(pos);
                    }
                }
                self.reconstruct();
            }
            "nobr" => {
                self.reconstruct();
                if self.in_scope("nobr", SCOPE).is_some() {
                    self.adopt("nobr");
                    self.reconstruct();
                }
            }
            _ if reconstructs(name) => self.reconstruct(),
            _ => {}
        }
    }

    /// After a start tag `name` (creation number `id`) opened its element: formatting elements
    /// join the list, scoping elements put a marker on it.
    pub fn after_open(&mut self, id: usize) {
        match self.top() {
            "template" => self.opened_template(),
            "select" => self.selects += 1,
            _ => {}
        }
        let name = self.top();
        if is_formatting(name) {
            self.push_formatting(id);
        } else if is_marker(name) {
            self.push_marker();
        }
    }

    /// Handles an end tag the way a browser would for the elements this module knows. Returns the
    /// creation number of the element the tag closed, if any.
    pub fn end_tag(&mut self, name: &str) -> Option<usize> {
        if name == "form" {
            self.saw_form = true;
            if self.template_modes.is_empty() {
                return self.form_end_tag();
            }
        }
        if !matches!(name, "colgroup" | "col" | "template") && self.leave_colgroup() {
            return None;
        }
        if name == "col" && self.top() == "colgroup" {
            return None; // `</col>` in a column group is ignored
        }
        if !self.template_modes.is_empty() && name != "template" && self.template_ignores_end_tag() {
            return None;
        }
        if !matches!(name, "option" | "optgroup" | "select") {
            if let Some(select) = self.open_select() {
                // Inside a select, other end tags are ignored — but for the end tag of a table
                // part the select is in ("in select in table"): it closes the select, then reads
                // as usual.
                let table_part = matches!(name, "caption" | "table" | "tbody" | "tfoot" | "thead" | "tr" | "td" | "th");
                match self.in_table_scope(name).filter(|&pos| table_part && pos < select && select >= self.floor) {
                    Some(_) => self.close_to(select),
                    None => return None,
                }
            }
        }
        if is_formatting(name) {
            if let Adopted::Done(closed) = self.adopt(name) {
                return closed;
            }
        }
        if name == "br" {
            // `</br>` is a `<br>` (fostered out of a table, as the start tag would be).
            self.reconstruct();
            self.new_id();
            let br = Node::Element(Element { name: "br".into(), ..Element::default() });
            if is_table_node(self.top()) {
                self.foster_child(br);
            } else {
                self.push_child(br);
            }
            return None;
        }
        if !is_special(name) && name != "dialog" {
            return self.any_other_end_tag(name);
        }
        if is_heading(name) {
            // Any heading end tag closes the innermost open heading, whatever its level.
            let pos = (1..self.els.len()).rev().find(|&i| is_heading(self.name(i)) || self.bounds_default_scope(i))?;
            if !is_heading(self.name(pos)) {
                return None;
            }
            let own = (self.name(pos) == name).then_some(self.ids[pos]);
            self.close_to(pos);
            return own;
        }
        let table_part = matches!(name, "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption");
        let list_item: &[&str] =
            &["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "ol", "ul"];
        let bounds: &[&str] = if name == "li" {
            list_item // list item scope: a list open inside the item keeps it open
        } else if name == "p" {
            BUTTON_SCOPE
        } else {
            SCOPE
        };
        let found = if table_part { self.in_table_scope(name) } else { self.in_scope(name, bounds) };
        // A fragment's context is not on the spec's stack: its end tag finds nothing to close.
        let found = found.filter(|&pos| pos >= self.floor);
        match found {
            Some(pos) => {
                let id = self.ids[pos];
                self.close_to(pos);
                Some(id)
            }
            None if name == "p" => {
                self.new_id();
                let p = Node::Element(Element { name: "p".into(), ..Element::default() });
                if is_table_node(self.top()) {
                    self.foster_child(p);
                } else {
                    self.push_child(p);
                }
                None
            }
            None => None,
        }
    }

    /// `</form>` outside templates: the form the pointer names leaves the stack — closed if it is
    /// the current node once implied end tags are closed, else taken off the stack while what is
    /// open inside it stays open in it (`<form><div></form><div>` puts both divs in the form).
    fn form_end_tag(&mut self) -> Option<usize> {
        let id = self.form.take()?;
        let pos = (self.floor..self.len()).rev().find(|&i| self.ids[i] == id)?;
        if self.in_scope("form", SCOPE) != Some(pos) {
            return None;
        }
        while self.len() - 1 > pos
            && matches!(self.top(), "dd" | "dt" | "li" | "optgroup" | "option" | "p" | "rb" | "rp" | "rt" | "rtc")
        {
            self.close_top();
        }
        if self.len() - 1 == pos {
            self.close_top();
            return Some(id);
        }
        self.remove_from_stack(pos);
        None
    }

    /// Takes the element at `pos` off the stack: closed if it is the current node, else hidden
    /// from the rules until the elements above it close (it receives them as its children).
    pub(super) fn remove_from_stack(&mut self, pos: usize) {
        if pos == self.len() - 1 {
            self.close_top();
            return;
        }
        let id = self.ids[pos];
        self.hidden.push(id);
        self.touched.push(id);
    }

    /// An end tag for an element that is neither special nor formatting: closes the nearest open
    /// element of that name, unless a special element is open inside it (then it is ignored).
    fn any_other_end_tag(&mut self, name: &str) -> Option<usize> {
        for i in (self.floor..self.els.len()).rev() {
            if self.name(i) == name {
                let id = self.ids[i];
                self.close_to(i);
                return Some(id);
            }
            if self.special(i) {
                return None;
            }
        }
        None
    }
}

/// `el`'s name if it is an HTML element, else `""`.
#[inline(always)]
fn html_name(el: &Element) -> &str {
    match el.ns {
        Namespace::Html => &el.name,
        _ => "",
    }
}

/// Whether the insertion mode of a fragment parsed in a `context` element inserts a table-part
/// start tag `tag` without looking for an open ancestor (which the context is not).
fn directly_inserted(context: &str, tag: &str) -> bool {
    match context {
        "template" | "table" => true,
        "tbody" | "thead" | "tfoot" => matches!(tag, "tr" | "td" | "th"),
        "tr" => matches!(tag, "td" | "th"),
        "colgroup" => tag == "col",
        _ => false,
    }
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}
