//! A small HTML tree: built from `html5gum`'s WHATWG tokenizer, serialized back canonically.
//!
//! This is not a browser-grade tree builder: it handles what rendered components contain —
//! void elements, self-closing syntax, raw-text elements (`script`, `style`, `textarea`, `title`),
//! comments, unclosed and stray end tags, and the common implied end tags (`p`, `li`, `option`,
//! table cells and rows).

use std::fmt::Write;

use html5gum::{Token, Tokenizer};

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

/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
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
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

fn implied_end(open: &str, start: &str) -> bool {
    match open {
        "p" => CLOSES_P.contains(&start),
        "li" => start == "li",
        "option" => start == "option" || start == "optgroup",
        "dt" | "dd" => start == "dt" || start == "dd",
        "td" | "th" => matches!(start, "td" | "th" | "tr"),
        "tr" => start == "tr",
        _ => false,
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
    let mut emitter = html5gum::DefaultEmitter::default();
    emitter.naively_switch_states(true);
    // stack[0] is a synthetic container holding the fragment's top-level nodes.
    let mut stack: Vec<Element> = vec![Element::default()];
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = string(&tag.name);
                while stack.len() > 1 && implied_end(&stack[stack.len() - 1].name, &name) {
                    close_top(&mut stack);
                }
                let attrs = tag.attributes.iter().map(|(k, v)| (string(k), string(&v.value))).collect();
                let el = Element { name, attrs, children: Vec::new() };
                if tag.self_closing || is_void(&el.name) {
                    push_child(&mut stack, Node::Element(el));
                } else {
                    stack.push(el);
                }
            }
            Token::EndTag(tag) => {
                let name = string(&tag.name);
                if let Some(pos) = stack.iter().rposition(|e| e.name == name) {
                    if pos > 0 {
                        while stack.len() > pos {
                            close_top(&mut stack);
                        }
                    }
                }
            }
            Token::String(s) => {
                let text = string(&s.value);
                let parent = stack.last_mut().expect("root container");
                match parent.children.last_mut() {
                    Some(Node::Text(prev)) => prev.push_str(&text),
                    _ => parent.children.push(Node::Text(text)),
                }
            }
            Token::Comment(c) => push_child(&mut stack, Node::Comment(string(&c.value))),
            Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    while stack.len() > 1 {
        close_top(&mut stack);
    }
    stack.pop().map(|root| root.children).unwrap_or_default()
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
                let _ = write!(out, "<!--{c}-->");
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
    serialize_in(&el.children, RAW_TEXT.contains(&el.name.as_str()), out);
    let _ = write!(out, "</{}>", el.name);
}

/// Writes `<name attr="value"...>`.
pub fn open_tag(el: &Element, out: &mut String) {
    out.push('<');
    out.push_str(&el.name);
    for (k, v) in &el.attrs {
        let _ = write!(out, " {k}=\"");
        escape_attr(v, out);
        out.push('"');
    }
    out.push('>');
}

fn escape_text(t: &str, out: &mut String) {
    for c in t.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            c => out.push(c),
        }
    }
}

fn escape_attr(v: &str, out: &mut String) {
    for c in v.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            c => out.push(c),
        }
    }
}

/// Serializes the children of `el`.
pub fn inner_html(el: &Element) -> String {
    let mut out = String::new();
    serialize_in(&el.children, RAW_TEXT.contains(&el.name.as_str()), &mut out);
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
}
