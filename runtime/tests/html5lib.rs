//! Conformance of the runtime's tree builder (`golivekit::dom`) against html5lib-tests'
//! tree-construction corpus (`../shared/html5lib-tests/tree-construction/*.dat`, found from the
//! crate at `CARGO_MANIFEST_DIR/../../shared/html5lib-tests`; absent → prints so and passes with 0).
//!
//! Prints the pass count per file and every failure (`HTML5LIB_VERBOSE=1` adds both trees), and
//! fails below [`FLOOR`] passing cases. Scope (see `docs/CONFORMANCE.md`):
//! - fragment cases are parsed as the children of their context element (`parse_fragment_in`);
//! - the runtime parses fragments only (a component renders into `<body>`), so a whole-document case
//!   is parsed as a `<body>` fragment and compared with the children of the expected `<body>` —
//!   in scope only when the expected document is exactly `<html><head></head><body>…` (no doctype,
//!   nothing in `<head>`, nothing outside `<body>`) and the input has no `<!doctype>`, `<html>`,
//!   `<head>`, `<body>`, `<frameset>` or `<frame>` tag;
//! - a case opening with `<!DOCTYPE html>` (no-quirks mode, as the runtime's documents are) is run
//!   without it, its expected doctype line dropped; other doctypes are document structure;
//! - excluded: `#script-off` cases (the webview runs scripts), fragment cases whose context is an
//!   SVG or MathML element (the runtime has no namespaced context), and the document-structure
//!   cases above.

use std::fmt::Write as _;
use std::path::Path;

use golivekit::dom::{parse_fragment_in, Node};

/// The number of in-scope cases that pass at the time of writing: CI fails below it.
const FLOOR: usize = 706;

struct Case {
    data: String,
    fragment: Option<String>,
    script_off: bool,
    document: String,
}

fn cases(text: &str) -> Vec<Case> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = vec![];
    let mut i = 0;
    while i < lines.len() {
        if lines[i] != "#data" {
            i += 1;
            continue;
        }
        i += 1;
        let mut data = vec![];
        while i < lines.len() && lines[i] != "#errors" {
            data.push(lines[i]);
            i += 1;
        }
        let (mut fragment, mut script_off) = (None, false);
        while i < lines.len() && lines[i] != "#document" {
            match lines[i] {
                "#document-fragment" => {
                    fragment = lines.get(i + 1).map(|s| s.to_string());
                    i += 1;
                }
                "#script-off" => script_off = true,
                _ => {}
            }
            i += 1;
        }
        i += 1;
        let mut doc = vec![];
        while i < lines.len() && !(lines[i] == "#data" && doc.last() == Some(&"")) {
            doc.push(lines[i]);
            i += 1;
        }
        while doc.last() == Some(&"") {
            doc.pop();
        }
        let (mut data, mut document) = (data.join("\n"), doc.join("\n"));
        // The runtime's documents start with `<!DOCTYPE html>` (no-quirks mode, which its tree
        // rules assume): a case opening with exactly that doctype is run without it.
        if data.len() >= 15 && data[..15].eq_ignore_ascii_case("<!doctype html>") {
            if let Some(rest) = document.strip_prefix("| <!DOCTYPE html>\n") {
                data = data[15..].to_owned();
                document = rest.to_owned();
            }
        }
        out.push(Case { data, fragment, script_off, document });
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Ns {
    Html,
    Svg,
    Math,
}

fn dump(nodes: &[Node], depth: usize, ns: Ns, parent: &str, out: &mut String) {
    for node in nodes {
        let pad = "  ".repeat(depth);
        match node {
            Node::Text(t) => writeln!(out, "| {pad}\"{t}\"").expect("write"),
            Node::Comment(c) => writeln!(out, "| {pad}<!-- {c} -->").expect("write"),
            Node::Element(el) => {
                // The namespace a browser would give (the runtime's tree has none): SVG and MathML
                // subtrees, back to HTML below their integration points.
                let inherited = match (ns, parent) {
                    (Ns::Svg, "foreignobject" | "desc" | "title") => Ns::Html,
                    (Ns::Math, "mi" | "mo" | "mn" | "ms" | "mtext") => Ns::Html,
                    (ns, _) => ns,
                };
                let ns = match (inherited, el.name.as_str()) {
                    (Ns::Html, "svg") => Ns::Svg,
                    (Ns::Html, "math") => Ns::Math,
                    (ns, _) => ns,
                };
                let prefix = match ns {
                    Ns::Html => "",
                    Ns::Svg => "svg ",
                    Ns::Math => "math ",
                };
                writeln!(out, "| {pad}<{prefix}{}>", el.name).expect("write");
                let mut attrs = el.attrs.clone();
                attrs.sort();
                for (k, v) in attrs {
                    writeln!(out, "| {pad}  {k}=\"{v}\"").expect("write");
                }
                dump(&el.children, depth + 1, ns, &el.name, out);
            }
        }
    }
}

/// Why a case is out of scope, if it is.
fn exclusion(case: &Case) -> Option<&'static str> {
    if case.script_off {
        return Some("#script-off (the webview runs scripts)");
    }
    match &case.fragment {
        Some(ctx) if ctx.starts_with("svg ") || ctx.starts_with("math ") => Some("SVG/MathML fragment context"),
        Some(_) => None,
        None => {
            let data = case.data.to_ascii_lowercase();
            if ["<!doctype", "<html", "<head", "<body", "<frameset", "<frame"].iter().any(|t| data.contains(t)) {
                return Some("document structure in the input (doctype, html, head, body, frameset)");
            }
            let lines: Vec<&str> = case.document.lines().collect();
            let shape =
                lines.len() >= 3 && lines[0] == "| <html>" && lines[1] == "|   <head>" && lines[2] == "|   <body>";
            let inside = lines[3.min(lines.len())..].iter().all(|l| !l.starts_with("| ") || l.starts_with("|     "));
            if !(shape && inside) {
                return Some("the expected document has content outside <body> (head, doctype, after body)");
            }
            None
        }
    }
}

fn expected(case: &Case) -> String {
    let mut out = String::new();
    match &case.fragment {
        Some(_) => out.push_str(&case.document),
        None => {
            let mut first = true;
            for l in case.document.split('\n').skip(3) {
                if !first {
                    out.push('\n');
                }
                first = false;
                match l.strip_prefix("|     ") {
                    Some(rest) => {
                        out.push_str("| ");
                        out.push_str(rest);
                    }
                    None => out.push_str(l),
                }
            }
        }
    }
    out
}

#[test]
fn html5lib_tree_construction() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/html5lib-tests/tree-construction");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("html5lib-tests not found at {}: 0 cases run", dir.display());
        return;
    };
    let verbose = std::env::var_os("HTML5LIB_VERBOSE").is_some();
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "dat"))
        .collect();
    files.sort();
    let (mut total, mut passed, mut excluded) = (0, 0, 0);
    let mut reasons: std::collections::BTreeMap<&str, usize> = Default::default();
    let mut table = String::new();
    for file in &files {
        let name = file.file_name().expect("file name").to_string_lossy().into_owned();
        let text = std::fs::read_to_string(file).expect("read");
        let (mut f_total, mut f_passed, mut f_excluded) = (0, 0, 0);
        for (i, case) in cases(&text).iter().enumerate() {
            if let Some(why) = exclusion(case) {
                f_excluded += 1;
                *reasons.entry(why).or_default() += 1;
                continue;
            }
            f_total += 1;
            let context: Vec<&str> = match &case.fragment {
                Some(ctx) => vec![ctx.as_str()],
                None => vec!["body"],
            };
            let nodes = std::panic::catch_unwind(|| parse_fragment_in(&case.data, &context));
            let mut got = String::new();
            match &nodes {
                Ok(nodes) => dump(nodes, 0, Ns::Html, context[0], &mut got),
                Err(_) => got.push_str("(panic)"),
            }
            let want = expected(case);
            if got.trim_end() == want.trim_end() {
                f_passed += 1;
            } else {
                println!(
                    "FAIL {name}#{i} {:?}{}",
                    case.data,
                    case.fragment.as_deref().map(|c| format!(" in <{c}>")).unwrap_or_default()
                );
                if verbose {
                    println!("  want:\n{want}\n  got:\n{}", got.trim_end());
                }
            }
        }
        writeln!(table, "{name:32} {f_passed:4} / {f_total:4} passed, {f_excluded:3} excluded").expect("write");
        total += f_total;
        passed += f_passed;
        excluded += f_excluded;
    }
    println!("\n{table}");
    for (why, n) in &reasons {
        println!("excluded {n:4}: {why}");
    }
    println!("html5lib tree-construction: {passed} / {total} in-scope cases pass ({excluded} excluded; floor {FLOOR})");
    assert!(passed >= FLOOR, "{passed} passing cases, below the floor of {FLOOR}");
}
