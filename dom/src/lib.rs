//! # golivekit-dom — a small HTML tree: built from `html5gum`'s WHATWG tokenizer, serialized back canonically
//!
//! GoliveKit's runtime re-exports this crate as `golivekit::dom`. It is a crate of its own so
//! that a shipping build can optimize it for speed and the rest of the runtime for size
//! (`[profile.dist.package.golivekit-dom]`, docs/PERFORMANCE.md): every first document, reload and
//! re-render goes through this parser.
//!
//! This is not a browser-grade tree builder, but it follows the HTML tree-construction rules that
//! rendered components meet, so that the runtime's tree and the browser's DOM agree: void
//! elements, self-closing syntax, raw-text and RCDATA elements (all of them, from one table the
//! parser and the serializer share: [`text_kind`]), leading newlines in `pre`/`textarea`/`listing`,
//! comments, stray end tags (ignored, as a browser does; an end tag never closes past a table or
//! a cell), `<p>` closed by a block start tag anywhere in button scope, `</p>` without an open
//! `<p>` giving an empty one, implied end tags for `li`, `dd`/`dt`, `option`/`optgroup`, table
//! cells, rows and sections, and the implied `<tbody>` (and `<tr>`) a browser adds to a table;
//! the list of active formatting elements, their reconstruction and the adoption agency for
//! misnested formatting tags (`formatting.rs`), and the spec's rule for other end tags;
//! foster parenting in tables (`foster.rs`); foreign content: SVG and MathML elements with their
//! namespaces, restored name case, self-closing syntax, breakout tags and integration points
//! (`foreign.rs`); the table parts a `<template>` takes (`template.rs`); what a `<select>` holds
//! (`select.rs`). See `docs/CONFORMANCE.md` for what is left.

mod foreign;
mod formatting;
mod foster;
mod parse;
mod rules;
mod select;
mod template;

pub use parse::{
    parse_fragment, parse_fragment_in, parse_in_context, parse_run, parse_with_spans, Run, Runs, SourceSpan,
};

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

/// The namespace of an element, as a browser's parser assigns it: `<svg>` and `<math>` start
/// foreign (SVG, MathML) subtrees, whose integration points (`foreignObject`, `desc`, `title`;
/// `mi`, `mtext`, …, an HTML `annotation-xml`) hold HTML again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Namespace {
    /// An HTML element.
    #[default]
    Html,
    /// An SVG element.
    Svg,
    /// A MathML element.
    MathMl,
}

/// An element with its attributes (in name order) and children.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Element {
    /// The tag name as the browser's DOM has it: lowercase, but for SVG's camel-case names
    /// (`foreignObject`, `linearGradient`, `clipPath`, …), which the parser restores.
    pub name: String,
    /// The element's namespace.
    pub ns: Namespace,
    /// `(name, value)` pairs, sorted by name, values decoded. Names are lowercase but for the SVG
    /// and MathML ones the parser restores (`viewBox`, `definitionURL`); namespaced attributes keep
    /// their prefix (`xlink:href`, `xml:lang`).
    pub attrs: Vec<(String, String)>,
    /// Child nodes.
    pub children: Vec<Node>,
}

impl Element {
    /// The value of attribute `name`.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// How the parser reads this element's content: [`text_kind`] of its name for an HTML
    /// element; ordinary content for SVG and MathML ones (an SVG `<style>` holds markup).
    pub fn text_kind(&self) -> TextKind {
        match self.ns {
            Namespace::Html => text_kind(&self.name),
            _ => TextKind::Data,
        }
    }

    /// Whether this is an HTML void element (no children, no end tag). Foreign elements never are.
    pub fn is_void(&self) -> bool {
        self.ns == Namespace::Html && is_void(&self.name)
    }
}

/// Elements the parser closes at once and the serializer writes without an end tag (the spec's
/// lists agree on these; `frame` is dropped in a body anyway).
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
    "param", "source", "track", "wbr",
];

/// How the tokenizer reads the content of an HTML element (the WHATWG tokenizer states the tree
/// builder switches to after its start tag, with scripting enabled, as in the webview).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// Ordinary content: markup and character references.
    Data,
    /// `title`, `textarea`: text with character references, ended only by the element's end tag.
    RcData,
    /// `style`, `xmp`, `iframe`, `noembed`, `noframes`, `noscript`: literal text, ended only by the
    /// element's end tag.
    RawText,
    /// `script`: literal text (with the script-data escape states).
    ScriptData,
    /// `plaintext`: literal text to the end of the input.
    PlainText,
}

/// The one table both the parser and the serializer read, so that they can never disagree on which
/// elements hold raw text (they once did on `noframes`, which turned escaped text into markup).
pub fn text_kind(name: &str) -> TextKind {
    match name {
        "title" | "textarea" => TextKind::RcData,
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => TextKind::RawText,
        "script" => TextKind::ScriptData,
        "plaintext" => TextKind::PlainText,
        _ => TextKind::Data,
    }
}

/// Whether `name` is a void element (no children, no end tag).
pub fn is_void(name: &str) -> bool {
    VOID.contains(&name)
}

/// Whether a newline right after the start tag of `name` is dropped by the parser (and so must be
/// doubled by the serializer when the element's text starts with one).
pub fn drops_leading_newline(name: &str) -> bool {
    matches!(name, "pre" | "textarea" | "listing")
}

/// Serializes nodes as HTML (the HTML spec's fragment serialization).
///
/// The output always parses back to the same tree for trees the parser produced. For trees built by
/// hand, text that cannot be written as it is without creating markup is escaped instead (see
/// [`write_text`]): the serialization never creates an element or ends one early.
pub fn serialize(nodes: &[Node], out: &mut String) {
    let _ = serialize_in(nodes, "", out);
}

/// Returns whether a `plaintext` was opened: nothing after it can be markup, so no end tag follows.
/// `parent` is the name of the HTML element holding `nodes` (`""` for a foreign one, whose text is
/// always escaped).
fn serialize_in(nodes: &[Node], parent: &str, out: &mut String) -> bool {
    let mut plaintext = false;
    for node in nodes {
        match node {
            Node::Text(t) => write_text(t, parent, out),
            Node::Comment(c) => write_comment(c, out),
            Node::Element(el) => plaintext |= write_element(el, out),
        }
    }
    plaintext
}

/// Writes a comment. Comment data that the parser can give never ends the comment early; data
/// built by hand that would (`-->`, `--!>`, a leading `>` or `->`) has its `>` written as `&gt;`
/// (comments do not decode references, so the data changes, but no markup appears).
pub fn write_comment(c: &str, out: &mut String) {
    out.push_str("<!--");
    if c.contains("-->") || c.contains("--!>") || c.starts_with('>') || c.starts_with("->") {
        tracing::warn!("comment data would end the comment; writing its `>` as `&gt;`");
        out.push_str(&c.replace('>', "&gt;"));
    } else {
        out.push_str(c);
    }
    out.push_str("-->");
}

/// Writes a text child of element `parent` (`""` at the top of a fragment).
///
/// Raw text (`script`, `style`, `xmp`, `iframe`, `noembed`, `noframes`, `noscript`, `plaintext`) is
/// written verbatim, as the spec's serialization does — when that is safe: the parser never gives a
/// raw text that would end its element early (the tokenizer ended the element there), but a tree
/// built by hand can hold one (`</noframes><img onerror=…>` inside a `noframes`). Such text is
/// written with its `<` escaped as `&lt;` instead: it reads back as different text (the entity is
/// not decoded in raw text), never as markup. Refusing would make every caller of an infallible
/// serializer handle an error that parsed trees never have; escaping keeps the one guarantee that
/// matters — the round trip never creates markup — and logs a warning.
pub fn write_text(t: &str, parent: &str, out: &mut String) {
    let kind = text_kind(parent);
    match kind {
        TextKind::Data | TextKind::RcData => escape_text(t, out),
        TextKind::PlainText => out.push_str(t),
        TextKind::RawText | TextKind::ScriptData => {
            if raw_text_is_safe(t, parent, kind) {
                out.push_str(t);
            } else {
                tracing::warn!("raw text would end its element; writing its `<` as `&lt;`");
                escape(t, out, |c| (c == '<').then_some("&lt;"));
            }
        }
    }
}

/// Whether `t`, written verbatim as the whole content of a raw-text (`RawText`) or script element,
/// is read back as exactly that text, with the element ending at the end tag written after it.
/// Cheap for the usual text (no `</`, no `<!--` in a script); else the tokenizer decides.
fn raw_text_is_safe(t: &str, parent: &str, kind: TextKind) -> bool {
    if !t.contains("</") && (kind == TextKind::RawText || !t.contains("<!--")) {
        return true;
    }
    parse::reads_back_as_raw_text(t, parent)
}

/// Serializes one element, its attributes and its children.
pub fn serialize_element(el: &Element, out: &mut String) {
    write_element(el, out);
}

/// [`serialize_element`]; returns whether a `plaintext` was opened (then, as the parser gives a
/// `plaintext` only as the last thing of its input, no end tag is written after it: it would read
/// back as text).
fn write_element(el: &Element, out: &mut String) -> bool {
    open_tag(el, out);
    if el.is_void() {
        return false;
    }
    if first_text_starts_with_newline(el) {
        out.push('\n');
    }
    let plaintext = serialize_in(&el.children, text_parent(el), out) || el.text_kind() == TextKind::PlainText;
    if !plaintext {
        write_end(el, out);
    }
    plaintext
}

/// The name [`write_text`] reads for the text children of `el`: its own for an HTML element, `""`
/// (ordinary, escaped text) for a foreign one.
fn text_parent(el: &Element) -> &str {
    match el.ns {
        Namespace::Html => &el.name,
        _ => "",
    }
}

/// Whether `el` is a `pre`, `textarea` or `listing` whose first child is text starting with a
/// newline: the parser drops one newline right after such a start tag, so the serializer writes
/// an extra one (as the spec's serialization does for these elements).
pub fn first_text_starts_with_newline(el: &Element) -> bool {
    // (A carriage return reads as a newline too.)
    el.ns == Namespace::Html
        && drops_leading_newline(&el.name)
        && matches!(el.children.first(), Some(Node::Text(t)) if t.starts_with('\n') || t.starts_with('\r'))
}

/// Writes `el`'s end tag (see [`write_end_tag`]; a foreign `plaintext` has one).
pub fn write_end(el: &Element, out: &mut String) {
    write_end_tag_in(&el.name, el.ns, out);
}

/// Writes `</name>` for an element of namespace `ns` — except for an HTML `plaintext`, which
/// nothing can end: its end tag would read back as text (the parser only ever gives a `plaintext`
/// as the last thing of its input).
pub fn write_end_tag_in(name: &str, ns: Namespace, out: &mut String) {
    if ns != Namespace::Html || name != "plaintext" {
        out.push_str("</");
        out.push_str(name);
        out.push('>');
    }
}

/// Writes `</name>` for an HTML element (see [`write_end_tag_in`]).
pub fn write_end_tag(name: &str, out: &mut String) {
    if name != "plaintext" {
        out.push_str("</");
        out.push_str(name);
        out.push('>');
    }
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

/// Whether the text children of `name` are raw text, written unescaped (the spec's list: `style`,
/// `script`, `xmp`, `iframe`, `noembed`, `noframes`, `plaintext` and, scripting on, `noscript`).
pub fn is_raw_text(name: &str) -> bool {
    matches!(text_kind(name), TextKind::RawText | TextKind::ScriptData | TextKind::PlainText)
}

/// Whether an HTML element `name` holds only text when parsed (raw text and RCDATA elements:
/// `title`, `textarea`). For an element of any namespace, see [`Element::text_kind`].
pub fn holds_only_text(name: &str) -> bool {
    text_kind(name) != TextKind::Data
}

/// Appends the serialized children of `el` to `out`.
pub fn write_inner(el: &Element, out: &mut String) {
    let _ = serialize_in(&el.children, text_parent(el), out);
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

/// Escapes an attribute value for a double-quoted attribute, as the serializer writes it: `&`,
/// `"` and U+00A0.
///
/// ```
/// let mut out = String::new();
/// golivekit_dom::escape_attr("a \"b\" & c", &mut out);
/// assert_eq!(out, "a &quot;b&quot; &amp; c");
/// ```
pub fn escape_attr(v: &str, out: &mut String) {
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

/// `html` parsed and written back canonically (the tree rules' tests compare these).
#[cfg(test)]
pub(crate) fn canonical(html: &str) -> String {
    let mut out = String::new();
    serialize(&parse_fragment(html), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(html: &str) -> String {
        canonical(html)
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
    fn a_form_inside_an_open_form_is_dropped() {
        assert_eq!(roundtrip("<form id=a><form id=b><input></form>x"), "<form id=\"a\"><input></form>x");
    }

    #[test]
    fn a_form_end_tag_inside_an_open_element_keeps_what_follows_in_the_form() {
        assert_eq!(roundtrip("<form><div></form><div>x</div></div>y"), "<form><div><div>x</div></div></form>y");
    }

    #[test]
    fn a_column_group_keeps_whitespace_and_other_content_closes_it() {
        assert_eq!(
            roundtrip("<table><colgroup> <col>x<tr><td>1</table>"),
            "x<table><colgroup> <col></colgroup><tbody><tr><td>1</td></tr></tbody></table>"
        );
    }

    #[test]
    fn ruby_annotations_close_what_is_open_in_the_ruby() {
        assert_eq!(roundtrip("<ruby>a<p>b<rt>c<rp>d</ruby>"), "<ruby>a<p>b</p><rt>c</rt><rp>d</rp></ruby>");
    }

    #[test]
    fn repeated_attributes_keep_the_first() {
        assert_eq!(roundtrip(r#"<a href="1" href="2">x</a>"#), r#"<a href="1">x</a>"#);
    }
}
