//! `<select>` content: the HTML spec's "in select" insertion mode, as WebKit has it.
//!
//! Inside an open `<select>` only options, option groups, `<hr>`, scripts and templates become
//! elements; every other start tag is dropped, its text kept (`<select><div>a</div>` holds the
//! text "a"); a second `<select>` closes the first, and `<input>`, `<keygen>`, `<textarea>` close
//! it and are then read outside it; in a table, a table part closes the select too. Newer
//! browsers parse a "customizable select" (`<select><button><selectedcontent>`, any content in
//! options) instead; WebKitGTK 2.50, the webview, does not, and the runtime's tree must be the
//! webview's (`tests/e2e/parse_differential.rs` checks it with `PARSE_DIFF_FILE`).

use super::rules::Stack;

/// What an open select does with a start tag.
pub(super) enum InSelect {
    /// No select is open, or the tag goes in as usual (an option, a script).
    Proceed,
    /// Dropped.
    Ignore,
}

impl Stack {
    /// The position of the open select the current node is in (only options and option groups
    /// between them).
    #[inline]
    pub(super) fn open_select(&self) -> Option<usize> {
        if self.selects == 0 {
            return None;
        }
        for i in (1..self.len()).rev() {
            match self.name(i) {
                "select" => return Some(i),
                "option" | "optgroup" => continue,
                _ => return None,
            }
        }
        None
    }

    /// Before an HTML start tag `name`: the "in select" rules. Closes the select where the tag
    /// does so, and says whether the tag is dropped.
    #[inline]
    pub(super) fn select_start_tag(&mut self, name: &str) -> InSelect {
        let Some(select) = self.open_select() else { return InSelect::Proceed };
        // A fragment's context select is not on the spec's stack: nothing can close it.
        let closable = select >= self.floor;
        match name {
            "option" | "optgroup" | "script" | "template" => InSelect::Proceed,
            "hr" => {
                // It closes an open option and option group, and goes in the select.
                while matches!(self.top(), "option" | "optgroup") {
                    self.close_top();
                }
                InSelect::Proceed
            }
            "select" => {
                if closable {
                    self.close_to(select);
                }
                InSelect::Ignore
            }
            "input" | "keygen" | "textarea" if closable => {
                self.close_to(select);
                InSelect::Proceed
            }
            "caption" | "table" | "tbody" | "tfoot" | "thead" | "tr" | "td" | "th"
                if closable && self.in_table_scope("table").is_some() =>
            {
                // "In select in table": the table part closes the select and is read in the table.
                self.close_to(select);
                InSelect::Proceed
            }
            _ => InSelect::Ignore,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::canonical as tree;

    #[test]
    fn other_tags_in_a_select_are_dropped_and_their_text_kept() {
        assert_eq!(
            tree("<select><div>a</div><option>b<span>c</span></option><img src=x></select>"),
            "<select>a<option>bc</option></select>"
        );
    }

    #[test]
    fn a_second_select_closes_the_first_and_fields_close_it() {
        assert_eq!(tree("<select><select>X"), "<select></select>X");
        assert_eq!(tree("<select><option>o<input>X"), "<select><option>o</option></select><input>X");
    }

    #[test]
    fn an_hr_closes_the_open_option() {
        assert_eq!(
            tree("<select><optgroup><option>a<hr><option>b"),
            "<select><optgroup><option>a</option></optgroup><hr><option>b</option></select>"
        );
    }

    #[test]
    fn a_table_part_closes_a_select_in_a_table() {
        assert_eq!(
            tree("<table><tr><td><select><option>a<td>b</table>"),
            "<table><tbody><tr><td><select><option>a</option></select></td><td>b</td></tr></tbody></table>"
        );
    }

    #[test]
    fn an_option_group_closes_another_only_in_a_select() {
        assert_eq!(
            tree("<select><optgroup><option>a<optgroup>"),
            "<select><optgroup><option>a</option></optgroup><optgroup></optgroup></select>"
        );
        assert_eq!(tree("<optgroup>x<optgroup>y"), "<optgroup>x<optgroup>y</optgroup></optgroup>");
    }

    #[test]
    fn the_end_tag_of_the_table_a_select_is_in_closes_the_select() {
        assert_eq!(
            tree("<table><tr><td><select><option>a</table>b"),
            "<table><tbody><tr><td><select><option>a</option></select></td></tr></tbody></table>b"
        );
        assert_eq!(tree("<select><option>a</table>b"), "<select><option>ab</option></select>");
    }

    #[test]
    fn svg_in_a_select_is_dropped() {
        assert_eq!(tree("<select><svg><circle/></svg><option>x"), "<select><option>x</option></select>");
    }
}
