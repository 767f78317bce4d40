//! A small HTML tree: built from `html5gum`'s WHATWG tokenizer, serialized back canonically.
//!
//! This is not a browser-grade tree builder, but it follows the HTML tree-construction rules that
//! rendered components meet, so that the runtime's tree and the browser's DOM agree: void
//! elements, self-closing syntax, raw-text elements (`script`, `style`, `textarea`, `title`),
//! comments, stray end tags (ignored, as a browser does; an end tag never closes past a table or
//! a cell), `<p>` closed by a block start tag anywhere in button scope, `</p>` without an open
//! `<p>` giving an empty one, implied end tags for `li`, `dd`/`dt`, `option`/`optgroup`, table
//! cells, rows and sections, and the implied `<tbody>` (and `<tr>`) a browser adds to a table.
//! Not handled: foster parenting of text or elements misplaced inside a table, adoption-agency
//! repair of misnested formatting tags, foreign (SVG/MathML) content rules.

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Tokenizer};

/// A node of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// An element.
    Element(Element),
    /// Text, with character references decoded.
    Text(String),
    /// A comment's content.
    Comment(String),
}

/// An element with its attributes (in name order) and children.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Element {
    /// Lowercase tag name.
    pub name: String,
    /// `(name, value)` pairs, sorted by name, values decoded.
    pub attrs: Vec<(String, String)>,
    /// Child nodes.
    pub children: Vec<Node>,
}

impl Element {
    /// The value of attribute `name`.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

/// Elements whose text content is written unescaped.
const RAW_TEXT: &[&str] = &["script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext", "noscript"];

/// Whether `name` is a void element (no children, no end tag).
pub fn is_void(name: &str) -> bool {
    VOID.contains(&name)
}

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

/// Index of the nearest open `name`, searching down from the current node and stopping at an
/// element of `bounds` (stack[0], the synthetic container, always bounds).
fn in_scope(stack: &[Element], name: &str, bounds: &[&str]) -> Option<usize> {
    for i in (1..stack.len()).rev() {
        let open = stack[i].name.as_str();
        if open == name {
            return Some(i);
        }
        if bounds.contains(&open) {
            return None;
        }
    }
    None
}

fn close_to(stack: &mut Vec<Element>, pos: usize) {
    while stack.len() > pos {
        close_top(stack);
    }
}

fn top(stack: &[Element]) -> &str {
    stack.last().map(|e| e.name.as_str()).unwrap_or("")
}

/// Closes what a start tag `name` implicitly closes, and opens what it implies (`tbody`, `tr`).
fn before_start_tag(stack: &mut Vec<Element>, name: &str) {
    match name {
        "li" | "dd" | "dt" => {
            let closes: &[&str] = if name == "li" { &["li"] } else { &["dd", "dt"] };
            for i in (1..stack.len()).rev() {
                let open = stack[i].name.as_str();
                if closes.contains(&open) {
                    close_to(stack, i);
                    break;
                }
                if SPECIAL.contains(&open) {
                    break;
                }
            }
        }
        "option" if top(stack) == "option" => close_top(stack),
        "optgroup" => {
            while matches!(top(stack), "option" | "optgroup") {
                close_top(stack);
            }
        }
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if matches!(top(stack), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") => {
            close_top(stack)
        }
        "tbody" | "thead" | "tfoot" | "caption" | "colgroup" => {
            if let Some(t) = in_scope(stack, "table", &["html", "template"]) {
                close_to(stack, t + 1);
            }
        }
        "tr" => {
            if let Some(t) = in_scope(stack, "table", &["html", "template"]) {
                match stack.iter().skip(t + 1).position(|e| TABLE_SECTIONS.contains(&e.name.as_str())) {
                    Some(s) => close_to(stack, t + 1 + s + 1),
                    None => {
                        close_to(stack, t + 1);
                        stack.push(Element { name: "tbody".into(), ..Element::default() });
                    }
                }
            }
        }
        "td" | "th" => {
            if let Some(t) = in_scope(stack, "table", &["html", "template"]) {
                if let Some(r) = stack.iter().skip(t).position(|e| e.name == "tr") {
                    close_to(stack, t + r + 1);
                } else {
                    before_start_tag(stack, "tr");
                    stack.push(Element { name: "tr".into(), ..Element::default() });
                }
            }
        }
        _ => {}
    }
    if CLOSES_P.contains(&name) {
        let mut bounds = SCOPE.to_vec();
        bounds.push("button");
        if let Some(p) = in_scope(stack, "p", &bounds) {
            close_to(stack, p);
        }
    }
}

/// Handles an end tag the way a browser would for the elements this module knows.
fn end_tag(stack: &mut Vec<Element>, name: &str) {
    let table_part = matches!(name, "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption");
    let bounds: &[&str] = if table_part { &["html", "table", "template"] } else { SCOPE };
    match in_scope(stack, name, if name == "table" { &["html", "template"] } else { bounds }) {
        Some(pos) => close_to(stack, pos),
        None if name == "p" => push_child(stack, Node::Element(Element { name: "p".into(), ..Element::default() })),
        None => {}
    }
}

fn string(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Parses an HTML fragment into nodes.
///
/// ```
/// use golivekit::dom::{parse_fragment, Node};
/// let nodes = parse_fragment("<p class=x>Tom &amp; Jerry<br></p>");
/// let Node::Element(p) = &nodes[0] else { panic!() };
/// assert_eq!(p.attr("class"), Some("x"));
/// assert_eq!(p.children[0], Node::Text("Tom & Jerry".into()));
/// ```
pub fn parse_fragment(html: &str) -> Vec<Node> {
    // The callback emitter lends each token's bytes instead of allocating a token per tag, which
    // makes parsing several times faster than html5gum's default emitter.
    let mut builder = TreeBuilder { stack: vec![Element::default()], pending: None, attr_open: false, drop_lf: false };
    {
        let mut emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, _: Span<()>| -> Option<()> {
            builder.event(event);
            None
        });
        emitter.naively_switch_states(true);
        for _ in Tokenizer::new_with_emitter(html, emitter) {}
    }
    let mut stack = builder.stack;
    while stack.len() > 1 {
        close_top(&mut stack);
    }
    stack.pop().map(|root| root.children).unwrap_or_default()
}

/// Builds the tree from tokenizer events.
struct TreeBuilder {
    /// stack[0] is a synthetic container holding the fragment's top-level nodes.
    stack: Vec<Element>,
    /// The start tag being read.
    pending: Option<Element>,
    /// Whether the last attribute name was new (a repeated attribute is ignored, as in browsers).
    attr_open: bool,
    /// A newline right after `<pre>`, `<textarea>` or `<listing>` is dropped, as in browsers.
    drop_lf: bool,
}

impl TreeBuilder {
    fn event(&mut self, event: CallbackEvent<'_>) {
        let drop_lf = std::mem::take(&mut self.drop_lf);
        match event {
            CallbackEvent::OpenStartTag { name } => {
                self.pending = Some(Element { name: string(name), ..Element::default() });
            }
            CallbackEvent::AttributeName { name } => {
                self.attr_open = false;
                if let Some(el) = &mut self.pending {
                    let name = string(name);
                    if !el.attrs.iter().any(|(k, _)| *k == name) {
                        el.attrs.push((name, String::new()));
                        self.attr_open = true;
                    }
                }
            }
            CallbackEvent::AttributeValue { value } => {
                if let (true, Some(el)) = (self.attr_open, &mut self.pending) {
                    if let Some(attr) = el.attrs.last_mut() {
                        attr.1 = string(value);
                    }
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                if let Some(mut el) = self.pending.take() {
                    el.attrs.sort();
                    self.start(el, self_closing);
                }
            }
            CallbackEvent::EndTag { name } => {
                self.pending = None;
                end_tag(&mut self.stack, &string(name));
            }
            CallbackEvent::String { value } => {
                let mut text = string(value);
                if drop_lf && text.starts_with('\n') {
                    text.remove(0);
                }
                let parent = self.stack.last_mut().expect("root container");
                match parent.children.last_mut() {
                    Some(Node::Text(prev)) => prev.push_str(&text),
                    _ if text.is_empty() => {}
                    _ => parent.children.push(Node::Text(text)),
                }
            }
            CallbackEvent::Comment { value } => push_child(&mut self.stack, Node::Comment(string(value))),
            _ => {}
        }
    }

    fn start(&mut self, el: Element, self_closing: bool) {
        let stack = &mut self.stack;
        before_start_tag(stack, &el.name);
        // Like a browser, `/>` closes only void and foreign (SVG, MathML) elements.
        let foreign = matches!(el.name.as_str(), "svg" | "math")
            || stack.iter().any(|e| matches!(e.name.as_str(), "svg" | "math"));
        if is_void(&el.name) || (self_closing && foreign) {
            push_child(stack, Node::Element(el));
        } else {
            self.drop_lf = matches!(el.name.as_str(), "pre" | "textarea" | "listing");
            stack.push(el);
        }
    }
}

fn close_top(stack: &mut Vec<Element>) {
    if let Some(el) = stack.pop() {
        push_child(stack, Node::Element(el));
    }
}

fn push_child(stack: &mut [Element], node: Node) {
    if let Some(parent) = stack.last_mut() {
        parent.children.push(node);
    }
}

/// Serializes nodes as HTML (the HTML spec's fragment serialization).
pub fn serialize(nodes: &[Node], out: &mut String) {
    serialize_in(nodes, false, out);
}

fn serialize_in(nodes: &[Node], raw: bool, out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(t) if raw => out.push_str(t),
            Node::Text(t) => escape_text(t, out),
            Node::Comment(c) => {
                out.push_str("<!--");
                out.push_str(c);
                out.push_str("-->");
            }
            Node::Element(el) => serialize_element(el, out),
        }
    }
}

/// Serializes one element, its attributes and its children.
pub fn serialize_element(el: &Element, out: &mut String) {
    open_tag(el, out);
    if is_void(&el.name) {
        return;
    }
    serialize_in(&el.children, is_raw_text(&el.name), out);
    out.push_str("</");
    out.push_str(&el.name);
    out.push('>');
}

/// Writes `<name attr="value"...>`.
pub fn open_tag(el: &Element, out: &mut String) {
    write_open_tag(&el.name, &el.attrs, out);
}

/// Writes `<name attr="value"...>` from its parts.
pub fn write_open_tag(name: &str, attrs: &[(String, String)], out: &mut String) {
    out.push('<');
    out.push_str(name);
    for (k, v) in attrs {
        out.push(' ');
        out.push_str(k);
        out.push_str("=\"");
        escape_attr(v, out);
        out.push('"');
    }
    out.push('>');
}

/// Whether the text children of `name` are written unescaped.
pub fn is_raw_text(name: &str) -> bool {
    RAW_TEXT.contains(&name)
}

/// Appends the serialized children of `el` to `out`.
pub fn write_inner(el: &Element, out: &mut String) {
    serialize_in(&el.children, is_raw_text(&el.name), out);
}

/// Escapes text content: `&`, `<`, `>` and U+00A0 (as the HTML spec's serializer does). Runs of
/// characters needing no escape are copied as whole slices.
fn escape_text(t: &str, out: &mut String) {
    escape(t, out, |c| match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '\u{a0}' => Some("&nbsp;"),
        _ => None,
    });
}

/// Escapes an attribute value: `&`, `"` and U+00A0.
pub(crate) fn escape_attr(v: &str, out: &mut String) {
    escape(v, out, |c| match c {
        '&' => Some("&amp;"),
        '"' => Some("&quot;"),
        '\u{a0}' => Some("&nbsp;"),
        _ => None,
    });
}

fn escape(s: &str, out: &mut String, entity: impl Fn(char) -> Option<&'static str>) {
    let mut from = 0;
    for (i, c) in s.char_indices() {
        if let Some(e) = entity(c) {
            out.push_str(&s[from..i]);
            out.push_str(e);
            from = i + c.len_utf8();
        }
    }
    out.push_str(&s[from..]);
}

/// Serializes the children of `el`.
pub fn inner_html(el: &Element) -> String {
    let mut out = String::new();
    write_inner(el, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(html: &str) -> String {
        let mut out = String::new();
        serialize(&parse_fragment(html), &mut out);
        out
    }

    #[test]
    fn raw_text_elements_keep_markup_like_text() {
        let html = "<script>if (a < b && c) { x = '</p>'; }</script><p>ok</p>";
        assert_eq!(roundtrip(html), html);
    }

    #[test]
    fn attributes_containing_gt_and_entities_survive() {
        assert_eq!(roundtrip(r#"<a title="a > b &amp; c">x</a>"#), r#"<a title="a > b &amp; c">x</a>"#);
    }

    #[test]
    fn void_and_self_closing_elements_have_no_children() {
        assert_eq!(roundtrip("<p><br>a<img src=x>b</p>"), r#"<p><br>a<img src="x">b</p>"#);
    }

    #[test]
    fn stray_end_tags_do_not_close_unrelated_elements() {
        assert_eq!(roundtrip("<p>a</pre>b</p>"), "<p>ab</p>");
    }

    #[test]
    fn implied_end_tags_close_list_items() {
        assert_eq!(roundtrip("<ul><li>a<li>b</ul>"), "<ul><li>a</li><li>b</li></ul>");
    }

    #[test]
    fn comments_are_kept() {
        assert_eq!(roundtrip("<!-- <b data-slot=x> -->t"), "<!-- <b data-slot=x> -->t");
    }

    #[test]
    fn table_rows_get_the_tbody_a_browser_adds() {
        assert_eq!(
            roundtrip("<table><tr><td>a<td>b<tr><td>c</table>"),
            "<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>"
        );
    }

    #[test]
    fn block_start_tags_close_a_p_in_button_scope() {
        assert_eq!(roundtrip("<p>a<span>b<div>c</div>"), "<p>a<span>b</span></p><div>c</div>");
    }

    #[test]
    fn end_p_without_an_open_p_gives_an_empty_p() {
        assert_eq!(roundtrip("<div>a</p>b</div>"), "<div>a<p></p>b</div>");
    }

    #[test]
    fn end_tags_do_not_close_past_a_table() {
        assert_eq!(
            roundtrip("<div><table><tbody><tr><td>x</div></td></tr></tbody></table></div>"),
            "<div><table><tbody><tr><td>x</td></tr></tbody></table></div>"
        );
    }

    #[test]
    fn newline_after_pre_start_tag_is_dropped() {
        assert_eq!(roundtrip("<pre>\na\n</pre>"), "<pre>a\n</pre>");
    }

    #[test]
    fn self_closing_syntax_on_a_div_does_not_close_it() {
        assert_eq!(roundtrip("<div/>x</div>"), "<div>x</div>");
    }

    #[test]
    fn repeated_attributes_keep_the_first() {
        assert_eq!(roundtrip(r#"<a href="1" href="2">x</a>"#), r#"<a href="1">x</a>"#);
    }
}
