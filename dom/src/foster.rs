//! Foster parenting: content a table cannot hold — text that is not whitespace, and elements
//! other than table parts, scripts, styles, templates and hidden inputs, written directly inside
//! `<table>`, `<tbody>`/`<thead>`/`<tfoot>` or `<tr>` — goes before the table, into the table's
//! parent, as the HTML spec's "in table" insertion modes do (`<table><div>x</div><tr>…` shows
//! the `div` above the table).
//!
//! In [`Stack`]'s model an element joins its parent when it closes, so a fostered element is
//! opened on the stack marked as fostered and, when it closes, joins the element below the table
//! it was fostered out of — before that table, which is still open. A table that fostered
//! anything, the sections and rows open in it then, and every fostered element, are recorded in
//! [`Stack::touched`] (their source spans no
//! longer say where they are in the tree), and [`Stack::fostered`] tells a re-parse that it put
//! something outside the part it parsed.

use super::rules::{is_table_node, Stack, NO_ID};
use super::{Element, Node};

impl Stack {
    /// Whether a start tag `name` (with `attrs`), given now, is fostered out of the open table.
    pub(super) fn fosters(&self, name: &str, attrs: &[(String, String)]) -> bool {
        if !is_table_node(self.top()) {
            return false;
        }
        match name {
            "caption" | "colgroup" | "col" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "table" | "style"
            | "script" | "template" | "form" => false,
            "input" => !attrs.iter().any(|(k, v)| k == "type" && v.eq_ignore_ascii_case("hidden")),
            _ => true,
        }
    }

    /// The stack position of the table the current node is in (or is), or of the template its
    /// rows and cells are in (a template's table parts foster into the template's content).
    fn open_table(&self) -> Option<usize> {
        (1..self.len()).rev().find(|&i| matches!(self.name(i), "table" | "template"))
    }

    /// Where fostered content goes, for the table or template at `table`: before the table, in
    /// its parent; at the end of the template's content.
    fn foster_parent(&self, table: usize) -> usize {
        if self.name(table) == "template" {
            table
        } else {
            table - 1
        }
    }

    /// Puts `node` before the open table, in the table's parent (or, with no table open, where it
    /// would go anyway).
    pub(super) fn foster_child(&mut self, node: Node) {
        let Some(table) = self.open_table() else {
            self.push_child(node);
            return;
        };
        self.fostered = true;
        if self.ids[table] == NO_ID && self.name(table) == "table" {
            // The table is the context of a fragment parse: its content is the fragment.
            self.push_child(node);
            return;
        }
        self.touch_from(table);
        let at = self.foster_parent(table);
        let parent = &mut self.els[at].children;
        match (parent.last_mut(), node) {
            (Some(Node::Text(prev)), Node::Text(text)) => prev.push_str(&text),
            (_, node) => parent.push(node),
        }
    }

    /// Opens `el` as a fostered element: it closes into the table's parent. Returns its creation
    /// number.
    pub(super) fn open_fostered(&mut self, el: Element) -> usize {
        let table = self.open_table();
        if let Some(table) = table {
            self.touch_from(table);
        }
        let id = self.open(el);
        if let Some(table) = table {
            self.fostered = true;
            if self.ids[table] == NO_ID && self.name(table) == "table" {
                return id; // a fragment's context table: its content is the fragment
            }
            self.touched.push(id);
            self.foster.push(id);
        }
        id
    }

    /// The open table at `table` and every open element inside it (a section, a row) had content
    /// fostered out of them: their bytes no longer say what is outside them, so an incremental
    /// re-parse of one alone would miss what moved before the table.
    fn touch_from(&mut self, table: usize) {
        for &id in &self.ids[table..] {
            if id != NO_ID {
                self.touched.push(id);
            }
        }
    }

    /// Where a closing element at the top of the stack goes: its parent below it, or — fostered —
    /// the parent of the table below it.
    pub(super) fn closing_parent(&self) -> usize {
        let top = self.len() - 1;
        if self.foster.is_empty() || !self.foster.contains(&self.ids[top]) {
            return top - 1;
        }
        match (1..top).rev().find(|&i| matches!(self.name(i), "table" | "template")) {
            Some(t) if self.ids[t] != NO_ID || self.name(t) == "template" => self.foster_parent(t),
            _ => top - 1,
        }
    }

    /// Whether the parser is in one of the spec's table insertion modes ("in table", "in table
    /// body", "in row"): the nearest open table part is a table, a section or a row, not a cell
    /// or caption. The mode holds inside elements fostered out of that table too.
    pub(super) fn in_table_mode(&self) -> bool {
        let nearest = (1..self.len()).rev().map(|i| self.name(i)).find(|n| {
            matches!(*n, "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" | "template")
        });
        matches!(nearest, Some("table" | "tbody" | "thead" | "tfoot" | "tr"))
    }

    /// A start tag `table` in a table mode closes that table first (and what is open in it).
    pub(super) fn close_table_for_table(&mut self) {
        if self.in_table_mode() {
            if let Some(table) = self.open_table() {
                self.close_to(table);
            }
        }
    }

    /// A column group holds only columns (and whitespace, comments, templates): for anything else
    /// an open `colgroup` that is the current node closes first, and what follows is read in the
    /// table. Returns whether the token is to be dropped (the column group is a fragment's
    /// context, which nothing closes).
    #[inline]
    pub(super) fn leave_colgroup(&mut self) -> bool {
        if self.top() != "colgroup" {
            return false;
        }
        if self.len() - 1 < self.floor {
            return true;
        }
        self.close_top();
        false
    }

    /// A `col` in a table — in a section, a row, a cell, a caption, or content fostered out of
    /// it — closes what is open in the table and opens the implied `colgroup` it goes in.
    pub(super) fn colgroup_for_col(&mut self) {
        if self.top() == "colgroup" {
            return;
        }
        if let Some(table) = self.in_table_scope("table") {
            self.close_to(table + 1);
            self.open(Element { name: "colgroup".into(), ..Element::default() });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::canonical as tree;
    use crate::parse_in_context;

    #[test]
    fn an_element_written_inside_a_table_goes_before_it() {
        assert_eq!(
            tree("<table><div>x</div><tr><td>1</td></tr></table>"),
            "<div>x</div><table><tbody><tr><td>1</td></tr></tbody></table>"
        );
    }

    #[test]
    fn text_inside_a_table_goes_before_it_and_whitespace_stays() {
        assert_eq!(
            tree("<table>A<tr> <td>B</td></tr>C</table>"),
            "AC<table><tbody><tr> <td>B</td></tr></tbody></table>"
        );
    }

    #[test]
    fn hidden_inputs_scripts_and_cells_stay_in_the_table() {
        assert_eq!(
            tree(r#"<table><input type=hidden name=a><tr><td><div>in a cell</div></td></tr></table>"#),
            r#"<table><input name="a" type="hidden"><tbody><tr><td><div>in a cell</div></td></tr></tbody></table>"#
        );
    }

    #[test]
    fn a_table_start_tag_in_a_table_closes_the_first() {
        assert_eq!(
            tree("<table><tr><td>1</td></tr><table><tr><td>2</td></tr></table>"),
            "<table><tbody><tr><td>1</td></tr></tbody></table><table><tbody><tr><td>2</td></tr></tbody></table>"
        );
    }

    #[test]
    fn a_col_opens_its_colgroup() {
        assert_eq!(
            tree("<table><col span=2><tr><td>1</td></tr></table>"),
            r#"<table><colgroup><col span="2"></colgroup><tbody><tr><td>1</td></tr></tbody></table>"#
        );
    }

    #[test]
    fn a_part_that_fosters_is_not_reparsed_alone() {
        assert!(parse_in_context("<tr><div>x</div><td>1</td></tr>", &["table", "tbody"]).is_none());
        assert!(parse_in_context("<tr><td>1</td></tr>", &["table", "tbody"]).is_some());
    }
}
