//! Property tests of [`Rendered::update`], which re-parses only the slot or list item holding a
//! render's changes: over documents made of tricky parts (tables with and without `tbody`, lists
//! with implied end tags, raw text, comments, entities, void and nested slots, SVG with keyed
//! lists, a `foreignObject` and camel-case names, MathML, forms, selects, templates, ruby, column
//! groups) and sequences
//! of random byte-level edits — including edits that break tags, open comments or scripts, or
//! add and remove slots — each update's patch and kept snapshot equal those of a full parse,
//! `diff(previous, Snapshot::from_html(new))`.

use golivekit::diff::{diff, Rendered, Snapshot};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

/// Parts a document is made of; `{i}` becomes the part's index, so ids and keys are distinct.
const PARTS: &[&str] = &[
    r#"<p>Count: <span data-slot="c{i}">{i}</span></p>"#,
    r#"<table><tbody data-list="t{i}"><tr data-key="a"><td>1</td><td>Ann &amp; Bo</td></tr><tr data-key="b"><td>2</td><td class="s">x</td></tr></tbody></table>"#,
    r#"<table><tr><td data-slot="td{i}">cell</td></tr></table>"#,
    r#"<ul data-list="l{i}"><li data-key="a">A <b data-slot="n{i}">1</b></li><li data-key="b">B</li></ul>"#,
    r#"<ul><li data-slot="li{i}">one<li>two</ul>"#,
    r#"<section data-slot="o{i}"><h2>T</h2><i data-slot="in{i}">x</i></section>"#,
    r#"<div data-slot="s{i}"><script>if (a < b) { x = "</div>"; }</script><!-- <b data-slot="z"> --></div>"#,
    r#"<label>Q <input data-slot="q{i}" value="a &quot; b"></label>"#,
    r#"<pre data-slot="pre{i}">
code</pre>"#,
    r#"<textarea data-slot="ta{i}"><b>not markup</b></textarea>"#,
    r#"<svg data-slot="svg{i}"><circle r="1"/><path d="M0"/></svg>"#,
    r#"<p data-slot="p{i}">para<div>breaks it</div>"#,
    r#"<ol data-list="m{i}"><li data-key="a">A</li><li data-slot="ms{i}">S</li></ol>"#,
    r#"<svg viewBox="0 0 9 9"><g data-list="g{i}"><rect data-key="a" height="1"/><rect data-key="b"><title data-slot="gt{i}">B &amp; b</title></rect></g></svg>"#,
    r#"<svg><foreignObject><p data-slot="fo{i}">html <b>in</b> svg</p></foreignObject><clippath data-slot="cp{i}"><circle/></clippath></svg>"#,
    r#"<math><mi data-slot="mi{i}">x</mi><mn>2</mn></math>"#,
    r#"<form data-slot="f{i}"><select name="s"><option data-slot="o{i}">a</option><option>b</option></select><input name="q"></form>"#,
    r#"<template data-slot="tp{i}"><tr><td>t</td></tr></template><ruby>r<rt data-slot="rt{i}">x</rt></ruby>"#,
    r#"<table><colgroup><col></colgroup><tbody data-list="c{i}"><tr data-key="a"><td>1</td></tr></tbody></table>"#,
];

/// Byte strings an edit inserts.
const INSERTS: &[&str] = &[
    "",
    "x",
    "42",
    "&amp;",
    "&",
    "<",
    ">",
    "\"",
    "'",
    "</b>",
    "<b>",
    "<i data-slot=\"new\">n</i>",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<li>",
    "</li>",
    "<p>",
    "</p>",
    "<td>",
    "</tr>",
    "<tr data-key=\"c\"><td>3</td></tr>",
    " class=\"k\"",
    " data-key=\"z\"",
    " data-list=\"y\"",
    " data-slot=\"c0\"",
    "<br>",
    "<br/>",
    "\n",
    "\r\n",
    "\r",
    "</div>",
    "<div>",
    "</textarea>",
    "</table>",
    "<rect/>",
    "<g>",
    "</g>",
    "<svg>",
    "</svg>",
    "</foreignObject>",
    "<![CDATA[a<b]]>",
    "<form>",
    "</form>",
    "<select>",
    "<option>",
    "<template>",
    "</template>",
    "<col>",
    "<rt>",
];

#[derive(Clone, Debug)]
struct Edit {
    /// Where, as a fraction of the document's length (in 1/1000).
    at: u16,
    /// Or, when set, near the n-th `data-` attribute: in its tag (n even) or just after it (odd).
    near: Option<u8>,
    /// How many bytes to replace, at most.
    len: u8,
    insert: &'static str,
}

fn edit() -> impl Strategy<Value = Edit> {
    (0u16..1000, proptest::option::of(any::<u8>()), 0u8..12, select(INSERTS)).prop_map(|(at, near, len, insert)| Edit {
        at,
        near,
        len,
        insert,
    })
}

fn document(parts: &[usize]) -> String {
    let mut html = String::from(r#"<div data-live-view="t" data-lv-id="lv1"><h1>Title</h1>"#);
    for (i, &p) in parts.iter().enumerate() {
        html.push_str(&PARTS[p].replace("{i}", &i.to_string()));
    }
    html + "</div>"
}

/// Applies `e` to `html` (on character boundaries).
fn apply(html: &str, e: &Edit) -> String {
    let markers: Vec<usize> = html.match_indices("data-").map(|(i, _)| i).collect();
    let mut at = match e.near {
        Some(n) if !markers.is_empty() => {
            let marker = markers[usize::from(n / 2) % markers.len()];
            if n % 2 == 0 {
                (marker + usize::from(e.at % 24)).saturating_sub(12)
            } else {
                html[marker..].find('>').map_or(marker, |gt| marker + gt + 1 + usize::from(e.at % 4))
            }
            .min(html.len())
        }
        _ => html.len() * usize::from(e.at) / 1000,
    };
    while !html.is_char_boundary(at) {
        at -= 1;
    }
    let mut end = (at + usize::from(e.len)).min(html.len());
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}{}{}", &html[..at], e.insert, &html[end..])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn incremental_update_equals_a_full_parse(
        parts in vec(0..PARTS.len(), 1..6),
        edits in vec(edit(), 1..6),
    ) {
        let mut html = document(&parts);
        let Ok(first) = Snapshot::from_html(&html) else { return Ok(()) };
        let mut rendered = Rendered::new(html.clone(), first);
        for e in &edits {
            let next = apply(&html, e);
            let previous = rendered.snapshot().clone();
            let full = Snapshot::from_html(&next);
            let update = rendered.update(next.clone(), Snapshot::from_html);
            match full {
                Ok(full) => {
                    prop_assert_eq!(update.expect("update"), diff(&previous, &full), "patch for {}", next);
                    prop_assert_eq!(rendered.snapshot(), &full, "snapshot for {}", next);
                }
                Err(e) => {
                    prop_assert_eq!(update, Err(e));
                    return Ok(());
                }
            }
            html = next;
        }
    }

    #[test]
    fn edits_inside_one_slot_or_row_equal_a_full_parse(
        rows in 1usize..40,
        edits in vec((0usize..40, select(&["x", "&lt;", "<b>y</b>", "", "\u{e9}", "</td><td>"][..])), 1..8),
    ) {
        let table = |cells: &[String]| {
            let mut html = String::from(r#"<div data-live-view="t"><p>n: <b data-slot="n">0</b></p><table><tbody data-list="r">"#);
            for (i, c) in cells.iter().enumerate() {
                html.push_str(&format!(r#"<tr data-key="k{i}"><td>{i}</td><td>{c}</td></tr>"#));
            }
            html + "</tbody></table></div>"
        };
        let mut cells: Vec<String> = (0..rows).map(|i| format!("row {i}")).collect();
        let mut html = table(&cells);
        let mut rendered = Rendered::new(html.clone(), Snapshot::from_html(&html).expect("table"));
        for (row, text) in edits {
            cells[row % rows].push_str(text);
            let next = table(&cells);
            let previous = rendered.snapshot().clone();
            let full = Snapshot::from_html(&next).expect("table");
            let patch = rendered.update(next.clone(), Snapshot::from_html).expect("update");
            prop_assert_eq!(patch, diff(&previous, &full), "patch for {} after {}", next, html);
            prop_assert_eq!(rendered.snapshot(), &full);
            html = next;
        }
    }
}
