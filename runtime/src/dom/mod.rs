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

mod parse;
mod rules;

pub use parse::{parse_fragment, parse_in_context, parse_with_spans, SourceSpan};

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
