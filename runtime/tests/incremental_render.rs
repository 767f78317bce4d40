//! Property tests of [`Rendered::update`], which re-parses only the slot or list item holding a
//! render's changes, or walks a keyed list's new items reusing the old ones written the same: over documents made of tricky parts (tables with and without `tbody`, lists
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

    #[test]
    fn list_edits_with_counts_around_equal_a_full_parse(
        first in vec(row_kind(), 0..12),
        steps in vec(vec(list_edit(), 1..4), 1..6),
        ul in any::<bool>(),
    ) {
        let mut rows: Vec<(usize, usize)> = first.into_iter().enumerate().collect();
        let mut next_key = rows.len();
        let mut html = list_document(&rows, ul);
        let Ok(snapshot) = Snapshot::from_html(&html) else { return Ok(()) };
        let mut rendered = Rendered::new(html.clone(), snapshot);
        for step in steps {
            for edit in step {
                edit.apply(&mut rows, &mut next_key);
            }
            let next = list_document(&rows, ul);
            let previous = rendered.snapshot().clone();
            let full = Snapshot::from_html(&next).expect("snapshot");
            let patch = rendered.update(next.clone(), Snapshot::from_html).expect("update");
            prop_assert_eq!(patch, diff(&previous, &full), "patch for {} after {}", next, html);
            prop_assert_eq!(rendered.snapshot(), &full, "snapshot for {}", next);
            html = next;
        }
    }
}

/// Rows of a keyed list, `{k}` their key: plain and tricky ones (a nested slot or list, SVG,
/// formatting left open, a script holding an end tag, a select), then the first of those that
/// leave the full path to it (a form, a missing end tag, a duplicate key, an unkeyed row, text, a
/// slot id that clashes with the count's).
const ROWS: &[&str] = &[
    r#"<tr data-key="k{k}"><td>{k}</td><td><b data-slot="s{k}">row {k}</b></td></tr>"#,
    r#"<tr data-key="k{k}" class="c"><td>Ann &amp; {k}</td></tr>"#,
    "\n  <tr data-key=\"k{k}\"><td>{k}</td></tr>\n",
    r#"<tr data-key="k{k}"><td><ul data-list="n{k}"><li data-key="a">a</li><li data-key="b">b{k}</li></ul></td></tr>"#,
    r#"<tr data-key="k{k}"><td><svg viewBox="0 0 1 1"><rect data-slot="r{k}" height="1"/></svg></td></tr>"#,
    r#"<tr data-key="k{k}"><td>open <b>bold</td></tr>"#,
    r#"<tr data-key="k{k}"><td><script>"</tr>"</script></td></tr>"#,
    r#"<tr data-key="k{k}"><td><select><option data-slot="o{k}">{k}</option></select></td></tr>"#,
    r#"<tr data-key="k{k}"><td><form><input name="q{k}"></form></td></tr>"#,
    r#"<tr data-key="k{k}"><td>no end tag</td>"#,
    r#"<tr data-key="dup"><td>d</td></tr>"#,
    r#"<tr><td>unkeyed</td></tr>"#,
    "text",
    r#"<tr data-key="k{k}"><td><b data-slot="n">clash</b></td></tr>"#,
];

/// How many of [`ROWS`] come before the ones that leave a list to the full path.
const GOOD_ROWS: usize = 8;

/// A row kind, mostly one the list path takes.
fn row_kind() -> impl Strategy<Value = usize> {
    prop_oneof![12 => 0..GOOD_ROWS, 1 => GOOD_ROWS..ROWS.len()]
}

/// A view with counts before and after a keyed list of `rows` ((key, row kind) pairs), in a
/// table or (`ul`) a list of `li`.
fn list_document(rows: &[(usize, usize)], ul: bool) -> String {
    let n = rows.len();
    let mut html = format!(r#"<div data-live-view="t"><p>n: <b data-slot="n">{n}</b></p>"#);
    html.push_str(if ul { r#"<ul data-list="r">"# } else { r#"<table><tbody data-list="r">"# });
    for &(key, kind) in rows {
        let row = ROWS[kind].replace("{k}", &key.to_string());
        html.push_str(&if ul {
            row.replace("<tr", "<li").replace("</tr>", "</li>").replace("td>", "span>")
        } else {
            row
        });
    }
    html.push_str(if ul { "</ul>" } else { "</tbody></table>" });
    html + &format!(r#"<p><i data-slot="m">{n} rows</i></p></div>"#)
}

/// One change to a list's rows.
#[derive(Clone, Debug)]
enum ListEdit {
    Remove(usize),
    Insert(usize, usize),
    Move(usize, usize),
    Retype(usize, usize),
}

fn list_edit() -> impl Strategy<Value = ListEdit> {
    prop_oneof![
        (0usize..64).prop_map(ListEdit::Remove),
        (0usize..64, row_kind()).prop_map(|(at, kind)| ListEdit::Insert(at, kind)),
        (0usize..64, 0usize..64).prop_map(|(from, to)| ListEdit::Move(from, to)),
        (0usize..64, row_kind()).prop_map(|(at, kind)| ListEdit::Retype(at, kind)),
    ]
}

impl ListEdit {
    fn apply(&self, rows: &mut Vec<(usize, usize)>, next_key: &mut usize) {
        let n = rows.len();
        match *self {
            ListEdit::Remove(at) if n > 0 => {
                rows.remove(at % n);
            }
            ListEdit::Insert(at, kind) => {
                rows.insert(at % (n + 1), (*next_key, kind));
                *next_key += 1;
            }
            ListEdit::Move(from, to) if n > 0 => {
                let row = rows.remove(from % n);
                rows.insert(to % n, row);
            }
            ListEdit::Retype(at, kind) if n > 0 => rows[at % n].1 = kind,
            _ => {}
        }
    }
}
