//! The round trip cannot create markup: for generated trees — containers, `pre`/`listing`, every
//! raw-text and RCDATA element, comments, void elements, attributes — holding hostile strings
//! (`</noframes><img src=x onerror=alert(1)>`, `<script>`, `</textarea>`, quotes, `&amp;`, CR/LF,
//! NUL), `parse(serialize(tree))`:
//! - has exactly the tree's elements (same names, attributes and nesting): none appears, none is
//!   lost, no text became markup;
//! - equals the tree itself, once the tree is put in the form the parser gives (line breaks
//!   normalized, NULs as the tokenizer and tree builder treat them) — except the raw text a
//!   hand-built tree can hold that would end its element early, which the serializer writes with
//!   `<` escaped (see `golivekit::dom::write_text`);
//! - is a fixed point: serializing and parsing it again changes nothing.
//!
//! Trees include templates and SVG subtrees (camel-case names, `xlink:href`, an SVG `<style>`/`<script>`/
//! `<title>` holding hostile text, which foreign content reads as markup and entities, and a
//! `foreignObject` holding HTML again).

use golivekit::dom::{parse_fragment, serialize, Element, Namespace, Node, TextKind};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

const RAW: &[&str] = &["style", "script", "xmp", "iframe", "noembed", "noframes", "noscript", "title", "textarea"];
const CONTAINERS: &[&str] = &["div", "span", "b", "em", "section", "pre", "listing", "code", "template"];
const ATTRS: &[&str] = &["class", "data-x", "href", "title", "value"];
/// SVG elements holding only text (in foreign content, `style`, `script`, `title` are not raw text).
const SVG_LEAVES: &[&str] = &["circle", "path", "style", "script", "title", "desc", "linearGradient"];
/// SVG elements holding SVG elements.
const SVG_CONTAINERS: &[&str] = &["g", "clipPath", "text", "svg"];
const SVG_ATTRS: &[&str] = &["class", "d", "viewBox", "xlink:href", "preserveAspectRatio"];

const PIECES: &[&str] = &[
    "</noframes><img src=x onerror=alert(1)>",
    "</NOFRAMES >",
    "<script>",
    "</script>",
    "<!--<script>",
    "</textarea>",
    "</title>",
    "</style/",
    "</xmp>",
    "</iframe>",
    "</noembed>",
    "</noscript>",
    "\"",
    "'",
    "&amp;",
    "&",
    "&lt;",
    "\r\n",
    "\r",
    "\n",
    "\0",
    "<!--",
    "-->",
    "<",
    ">",
    "a",
    " ",
    "\u{a0}",
    "é",
];

fn hostile() -> impl Strategy<Value = String> {
    vec(select(PIECES), 1..5).prop_map(|p| p.concat())
}

fn attrs() -> impl Strategy<Value = Vec<(String, String)>> {
    proptest::collection::btree_map(select(ATTRS), hostile(), 0..3)
        .prop_map(|m| m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

fn svg_attrs() -> impl Strategy<Value = Vec<(String, String)>> {
    proptest::collection::btree_map(select(SVG_ATTRS), hostile(), 0..3)
        .prop_map(|m| m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

fn svg(name: &str, attrs: Vec<(String, String)>, children: Vec<Node>) -> Node {
    Node::Element(Element { name: name.into(), ns: Namespace::Svg, attrs, children })
}

/// An `<svg>` subtree: SVG elements with hostile text, and a `foreignObject` holding `html` nodes.
fn svg_tree(html: impl Strategy<Value = Node> + Clone + 'static) -> impl Strategy<Value = Node> {
    let leaf = prop_oneof![
        3 => (select(SVG_LEAVES), svg_attrs(), proptest::option::of(hostile()))
            .prop_map(|(name, attrs, text)| svg(name, attrs, text.into_iter().map(Node::Text).collect())),
        1 => (svg_attrs(), vec(html, 0..3)).prop_map(|(attrs, children)| svg("foreignObject", attrs, children)),
        1 => hostile().prop_map(Node::Text),
    ];
    let inner = leaf.prop_recursive(2, 12, 3, |inner| {
        (select(SVG_CONTAINERS), svg_attrs(), vec(inner, 0..3)).prop_map(|(name, attrs, c)| svg(name, attrs, c))
    });
    (svg_attrs(), vec(inner, 0..3)).prop_map(|(attrs, children)| svg("svg", attrs, children))
}

fn node() -> impl Strategy<Value = Node> {
    let leaf = prop_oneof![
        3 => hostile().prop_map(Node::Text),
        1 => "[a-z <!>\\-]{0,8}".prop_map(Node::Comment),
        3 => (select(RAW), attrs(), proptest::option::of(hostile())).prop_map(|(name, attrs, text)| {
            html(name, attrs, text.into_iter().map(Node::Text).collect())
        }),
        1 => (select(&["br", "img", "input", "hr"][..]), attrs()).prop_map(|(name, attrs)| html(name, attrs, vec![])),
    ];
    leaf.prop_recursive(4, 40, 4, |inner| {
        prop_oneof![
            6 => (select(CONTAINERS), attrs(), vec(inner.clone(), 0..4))
                .prop_map(|(name, attrs, children)| html(name, attrs, children)),
            1 => svg_tree(inner),
        ]
    })
}

fn html(name: &str, attrs: Vec<(String, String)>, children: Vec<Node>) -> Node {
    Node::Element(Element { name: name.into(), attrs, children, ..Element::default() })
}

fn tree() -> impl Strategy<Value = Vec<Node>> {
    vec(node(), 0..5).prop_map(|mut nodes| {
        tidy(&mut nodes);
        nodes
    })
}

/// Merges adjacent text nodes and drops empty ones (a tree can hold neither after parsing).
fn tidy(nodes: &mut Vec<Node>) {
    let mut out: Vec<Node> = Vec::with_capacity(nodes.len());
    for node in nodes.drain(..) {
        match node {
            Node::Text(t) if t.is_empty() => {}
            Node::Text(t) => match out.last_mut() {
                Some(Node::Text(prev)) => prev.push_str(&t),
                _ => out.push(Node::Text(t)),
            },
            Node::Element(mut el) => {
                tidy(&mut el.children);
                out.push(Node::Element(el));
            }
            other => out.push(other),
        }
    }
    *nodes = out;
}

fn lines(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Whether the HTML rules read text inside `parent` (an HTML element or an SVG integration point),
/// which drop NULs in data text; foreign content makes them U+FFFD.
fn drops_nul(parent: &Element) -> bool {
    parent.text_kind() == TextKind::Data
        && (parent.ns == Namespace::Html || matches!(parent.name.as_str(), "foreignObject" | "desc" | "title"))
}

/// The tree as the parser would give it: line breaks normalized; NULs dropped from data text and
/// made U+FFFD in raw text, RCDATA, foreign content and attribute values; comments with `>` that
/// would end them escaped, as the serializer writes them.
fn canonical(nodes: &[Node], parent: &Element) -> Vec<Node> {
    let mut out: Vec<Node> = nodes
        .iter()
        .map(|n| match n {
            Node::Text(t) => Node::Text(match drops_nul(parent) {
                true => lines(t).replace('\0', ""),
                false => lines(t).replace('\0', "\u{fffd}"),
            }),
            Node::Comment(c) => {
                let c = lines(c);
                let unsafe_ = c.contains("-->") || c.contains("--!>") || c.starts_with('>') || c.starts_with("->");
                Node::Comment(if unsafe_ { c.replace('>', "&gt;") } else { c })
            }
            Node::Element(el) => Node::Element(Element {
                name: el.name.clone(),
                ns: el.ns,
                attrs: el.attrs.iter().map(|(k, v)| (k.clone(), lines(v).replace('\0', "\u{fffd}"))).collect(),
                children: canonical(&el.children, el),
            }),
        })
        .collect();
    tidy(&mut out);
    out
}

/// Element names, attribute names and nesting, in document order.
fn skeleton(nodes: &[Node], out: &mut Vec<String>) {
    for node in nodes {
        if let Node::Element(el) = node {
            let names: Vec<&str> = el.attrs.iter().map(|(k, _)| k.as_str()).collect();
            out.push(format!("<{:?} {} {}>", el.ns, el.name, names.join(" ")));
            skeleton(&el.children, out);
            out.push(format!("</{}>", el.name));
        }
    }
}

fn ser(nodes: &[Node]) -> String {
    let mut out = String::new();
    serialize(nodes, &mut out);
    out
}

/// Whether `got` equals `want` node for node, allowing a raw text in `got` to be `want`'s with
/// `<` written as `&lt;` when `want`'s would have ended its element early.
fn same(want: &[Node], got: &[Node], parent: &Element) -> bool {
    let raw = matches!(parent.text_kind(), TextKind::RawText | TextKind::ScriptData | TextKind::PlainText);
    want.len() == got.len()
        && want.iter().zip(got).all(|(w, g)| match (w, g) {
            (Node::Text(w), Node::Text(g)) if raw => {
                w == g
                    || (w.contains("</") && *g == w.replace('<', "&lt;"))
                    || (parent.text_kind() == TextKind::ScriptData
                        && w.contains("<!--")
                        && *g == w.replace('<', "&lt;"))
            }
            (Node::Element(w), Node::Element(g)) => {
                w.name == g.name && w.ns == g.ns && w.attrs == g.attrs && same(&w.children, &g.children, w)
            }
            (w, g) => w == g,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn round_trip_never_creates_markup(tree in tree()) {
        let html = ser(&tree);
        let back = parse_fragment(&html);
        let (mut want, mut got) = (vec![], vec![]);
        skeleton(&tree, &mut want);
        skeleton(&back, &mut got);
        prop_assert_eq!(&got, &want, "elements changed; html: {:?}", html);
        let root = Element::default();
        let canon = canonical(&tree, &root);
        prop_assert!(same(&canon, &back, &root), "tree changed\nhtml: {:?}\nwant: {:?}\ngot:  {:?}", html, canon, back);
        let again = parse_fragment(&ser(&back));
        prop_assert_eq!(&again, &back, "not a fixed point; html: {:?}", html);
    }

    #[test]
    fn parsed_trees_round_trip_exactly(tree in tree()) {
        // Whatever HTML a component writes, the runtime's tree of it survives its own serialization.
        let parsed = parse_fragment(&ser(&tree));
        let html = ser(&parsed);
        prop_assert_eq!(parse_fragment(&html), parsed, "html: {:?}", html);
    }
}

fn el(name: &str, children: Vec<Node>) -> Node {
    html(name, vec![], children)
}

fn text(t: &str) -> Node {
    Node::Text(t.into())
}

#[test]
fn escaped_markup_in_every_raw_text_element_stays_text() {
    for name in RAW {
        let hostile =
            format!("&lt;/{name}&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script src=/x.js&gt;&lt;/script&gt;");
        let html = format!("<div><{name}>{hostile}</{name}></div>");
        let tree = parse_fragment(&html);
        let back = parse_fragment(&ser(&tree));
        assert_eq!(back, tree, "{name}: {}", ser(&tree));
        let mut names = vec![];
        skeleton(&back, &mut names);
        assert_eq!(names.len(), 4, "{name}: only the div and the {name}: {names:?}");
    }
}

#[test]
fn hand_built_raw_text_holding_its_end_tag_is_escaped_not_markup() {
    for name in RAW.iter().chain(&["script"]) {
        let payload = format!("</{name}><img src=x onerror=alert(1)>");
        let tree = vec![el("div", vec![el(name, vec![text(&payload)])])];
        let html = ser(&tree);
        let back = parse_fragment(&html);
        let (mut want, mut got) = (vec![], vec![]);
        skeleton(&tree, &mut want);
        skeleton(&back, &mut got);
        assert_eq!(got, want, "{name}: {html}");
        assert!(!html.contains("<img"), "{name}: {html}");
    }
}

#[test]
fn script_in_double_escaped_state_is_not_left_open() {
    let tree = vec![el("div", vec![el("script", vec![text("<!--<script>")]), el("b", vec![text("x")])])];
    let back = parse_fragment(&ser(&tree));
    let (mut want, mut got) = (vec![], vec![]);
    skeleton(&tree, &mut want);
    skeleton(&back, &mut got);
    assert_eq!(got, want, "{}", ser(&tree));
}

#[test]
fn leading_newlines_in_textarea_pre_and_listing_survive() {
    for name in ["textarea", "pre", "listing"] {
        for body in ["\nnote", "\n\nnote", "\n", "\r\nx"] {
            let tree = vec![el(name, vec![text(body)])];
            let back = parse_fragment(&ser(&tree));
            assert_eq!(back, vec![el(name, vec![text(&lines(body))])], "{name} {body:?}: {}", ser(&tree));
        }
        // A parsed document keeps the newline its author wrote after the one the parser drops.
        let html = format!("<{name}>\n\nfirst line kept blank</{name}>");
        let tree = parse_fragment(&html);
        assert_eq!(parse_fragment(&ser(&tree)), tree);
        assert_eq!(ser(&tree), html);
    }
}

#[test]
fn plaintext_runs_to_the_end_and_round_trips() {
    let tree = parse_fragment("<div><b>x</b><plaintext>a</b><i>&amp;</plaintext></div>");
    let html = ser(&tree);
    assert_eq!(parse_fragment(&html), tree, "{html}");
}

#[test]
fn hostile_text_in_svg_style_and_script_is_escaped_not_markup() {
    // Foreign content reads `<svg><style>` as markup: its text must be escaped, unlike HTML's.
    for name in ["style", "script", "title"] {
        let payload = format!("</{name}><img src=x onerror=alert(1)>&amp;");
        let tree = vec![el("div", vec![svg("svg", vec![], vec![svg(name, vec![], vec![text(&payload)])])])];
        let html = ser(&tree);
        assert!(!html.contains("<img"), "{name}: {html}");
        assert_eq!(parse_fragment(&html), tree, "{name}: {html}");
    }
}

#[test]
fn noframes_is_raw_text_in_the_parser_too() {
    let tree = parse_fragment("<noframes><b>&amp;</b></noframes>");
    assert_eq!(tree, vec![el("noframes", vec![text("<b>&amp;</b>")])]);
}
