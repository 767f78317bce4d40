//! What the build script leaves out of each client file: comments on lines of their own,
//! indentation and blank lines — about half of the sources' bytes, which every window's WebKit
//! parses and keeps (`docs/PERFORMANCE.md`, "What users ship").
//!
//! It works on whole lines, never inside one, so it needs no JS tokenizer:
//! - a line whose text starts with `//` is dropped (outside a string or template literal no JS
//!   token starts with `//`, and no JS string spans lines);
//! - a line whose text starts with `/*` opens a block comment, dropped up to its `*/`; code after
//!   the `*/` on that line stays (a regex literal cannot start with `*`, so `/*` is a comment);
//! - every other line keeps all of its text, only its indentation goes, and the line breaks stay
//!   (automatic semicolon insertion sees the same lines).
//!
//! The one construct that could hide a line start inside a token is a template literal spanning
//! lines: a kept line with an odd number of backticks is refused, and the build fails naming it.
//!
//! Shared by `build.rs` (`#[path]`) and the crate's tests.

/// `source` without comment-only lines, block comments that start a line, indentation and blank
/// lines. `name` is for the error.
pub fn strip(name: &str, source: &str) -> Result<String, String> {
    let mut out = String::with_capacity(source.len() / 2);
    let mut in_block = false;
    for (n, line) in source.lines().enumerate() {
        let mut text = line.trim();
        // Block comments at the start of the line (one may close and another open on it).
        loop {
            if in_block {
                match text.find("*/") {
                    Some(end) => {
                        in_block = false;
                        text = text[end + 2..].trim_start();
                    }
                    None => {
                        text = "";
                        break;
                    }
                }
            } else if let Some(rest) = text.strip_prefix("/*") {
                in_block = true;
                text = rest;
            } else {
                break;
            }
        }
        if text.is_empty() || text.starts_with("//") {
            continue;
        }
        if text.matches('`').count() % 2 == 1 {
            return Err(format!(
                "{name}:{}: a template literal spanning lines (the build's comment stripping works on whole lines)",
                n + 1
            ));
        }
        out.push_str(text);
        out.push('\n');
    }
    if in_block {
        return Err(format!("{name}: a block comment is not closed"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::strip;

    #[test]
    fn comment_lines_block_comments_indentation_and_blank_lines_go_code_stays_line_by_line() {
        let source = "// @ts-check\n/**\n * Doc.\n *   // not code\n */\nfunction f(a) {\n\n    // why\n    return a; // tail\n}\n";
        assert_eq!(strip("f.js", source).expect("stripped"), "function f(a) {\nreturn a; // tail\n}\n");
    }

    #[test]
    fn code_after_a_block_comment_on_its_line_stays() {
        let source = "/* a */ const x = 1;\n/* b\n c */ const y = 2;\n/* c */ /* d */ z();\n/* e */ /* f\n*/\n";
        assert_eq!(strip("f.js", source).expect("stripped"), "const x = 1;\nconst y = 2;\nz();\n");
    }

    #[test]
    fn text_that_only_looks_like_a_comment_inside_a_line_is_kept() {
        let source = "const url = 'https://example.com'; const re = /a\\/*b/;\n  s = \"/* not a comment */\";\n";
        assert_eq!(
            strip("f.js", source).expect("stripped"),
            "const url = 'https://example.com'; const re = /a\\/*b/;\ns = \"/* not a comment */\";\n"
        );
    }

    #[test]
    fn a_template_literal_spanning_lines_or_an_open_block_comment_fails_the_build() {
        let err = strip("t.js", "const a = 1;\nconst s = `one\n  // two\n`;\n").expect_err("refused");
        assert!(err.starts_with("t.js:2:"), "{err}");
        assert!(strip("c.js", "x();\n/* never closed\n").expect_err("refused").contains("not closed"));
        assert_eq!(strip("t.js", "const s = `one ${a}`;\n").expect("stripped"), "const s = `one ${a}`;\n");
    }
}
