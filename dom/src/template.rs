//! Template contents: which table parts a `<template>` takes, as the HTML spec's "in template"
//! insertion mode decides from the template's first start tag.
//!
//! A template holds a fragment of any kind — rows, cells, columns or ordinary content — and its
//! first start tag says which: `<td>`/`<th>` make it a row's content (more cells go in, a `<tr>`
//! does not), `<tr>` a table body's (cells get their implied row), `<tbody>`/`<caption>`/… a
//! table's, `<col>` a column group's, anything else body content, where table parts are ignored
//! (`<template><p>…<td>` has no cell). Head elements (`<script>`, `<style>`, …) and text decide
//! nothing. The mode holds for the template's whole content, also under elements open inside
//! it: a cell start tag in a row template closes what is open down to the template.
//!
//! The oracle parses patch HTML in a template context, as the bridge does (`template.innerHTML`):
//! these rules make it take and drop the same table parts WebKit does.

use super::rules::Stack;
use super::{Element, Namespace};

/// What a template's content is, from its first start tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TemplateMode {
    /// No start tag yet.
    Undecided,
    /// Ordinary content: table parts are ignored.
    Body,
    /// A table's content: sections, captions, column groups (and rows, cells in implied ones).
    Table,
    /// A column group's content: columns.
    ColumnGroup,
    /// A table section's content: rows (and cells in implied ones).
    TableBody,
    /// A row's content: cells.
    Row,
}

impl TemplateMode {
    /// The mode a template's first start tag `name` gives it (`Undecided` for those that decide
    /// nothing).
    fn of_first(name: &str) -> TemplateMode {
        match name {
            "base" | "basefont" | "bgsound" | "link" | "meta" | "noframes" | "script" | "style" | "template"
            | "title" => TemplateMode::Undecided,
            "caption" | "colgroup" | "tbody" | "tfoot" | "thead" => TemplateMode::Table,
            "col" => TemplateMode::ColumnGroup,
            "tr" => TemplateMode::TableBody,
            "td" | "th" => TemplateMode::Row,
            _ => TemplateMode::Body,
        }
    }
}

/// Whether `el` is an HTML `<template>`.
pub(super) fn is_template(el: &Element) -> bool {
    el.ns == Namespace::Html && el.name == "template"
}

fn is_table_part(name: &str) -> bool {
    matches!(name, "caption" | "col" | "colgroup" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr")
}

impl Stack {
    /// Before an HTML start tag `name`: a template that is the current node takes its mode from
    /// its first start tag; a table part whose nearest open table part or template is a template
    /// is taken or dropped by that template's mode. Returns whether the tag is dropped. (Table
    /// parts inside a table open in the template follow the table's rules, not these.)
    ///
    /// The same row-and-cell rules apply in a fragment parsed in a table section's or a row's
    /// context, where no table is open either (`<a><td>` in a `<tbody>` gives `<a>` and a row
    /// holding the cell).
    pub(super) fn template_start_tag(&mut self, name: &str) -> bool {
        if self.template_modes.is_empty() && self.floor == 1 {
            return false; // no template open (the usual case: this runs for every start tag)
        }
        if self.els.last().is_some_and(is_template) {
            if let Some(mode) = self.template_modes.last_mut() {
                if *mode == TemplateMode::Undecided {
                    *mode = TemplateMode::of_first(name);
                }
            }
        }
        if !is_table_part(name) {
            return false;
        }
        // The nearest open table or template: a table's parts follow the table's rules.
        let found = (1..self.len()).rev().find(|&i| matches!(self.name(i), "table" | "template"));
        if found.is_some_and(|i| self.name(i) == "table") {
            return false;
        }
        let in_template = found.is_some();
        let pos = found.unwrap_or(0);
        // Rows and cells open in the template, as in a table: a table part closes an open cell;
        // a cell goes in an open row (or an implied one in an open section), a row in an open
        // section (closing an open row), a column in an open column group.
        let open = |s: &Stack, names: &[&str]| (pos + 1..s.len()).rev().find(|&i| names.contains(&s.name(i)));
        const SECTIONS: &[&str] = &["tbody", "thead", "tfoot"];
        if let Some(cell) = open(self, &["td", "th"]).filter(|&c| c >= self.floor) {
            self.close_to(cell);
        }
        match name {
            "td" | "th" => {
                if let Some(row) = open(self, &["tr"]) {
                    self.close_to(row + 1);
                    return false;
                }
                if let Some(section) = open(self, SECTIONS) {
                    self.close_to(section + 1);
                    self.open_implied("tr");
                    return false;
                }
            }
            "tr" => {
                if let Some(row) = open(self, &["tr"]) {
                    if row < self.floor {
                        return true; // a row fragment's own context row: no row is open to close
                    }
                    self.close_to(row);
                }
                if let Some(section) = open(self, SECTIONS) {
                    self.close_to(section + 1);
                    return false;
                }
            }
            "col" => {
                if let Some(group) = open(self, &["colgroup"]) {
                    self.close_to(group + 1);
                    return false;
                }
            }
            _ => {}
        }
        if !in_template {
            return false;
        }
        let Some(&mode) = self.template_modes.get(self.template_index(pos)) else { return false };
        match (mode, name) {
            (TemplateMode::Row, "td" | "th")
            | (TemplateMode::TableBody, "tr")
            | (TemplateMode::Table, "caption" | "colgroup" | "tbody" | "tfoot" | "thead")
            | (TemplateMode::ColumnGroup, "col") => self.close_to(pos + 1),
            (TemplateMode::TableBody, "td" | "th") => {
                self.close_to(pos + 1);
                self.open_implied("tr");
            }
            (TemplateMode::Table, "tr") => {
                self.close_to(pos + 1);
                self.open_implied("tbody");
            }
            (TemplateMode::Table, "td" | "th") => {
                self.close_to(pos + 1);
                self.open_implied("tbody");
                self.open_implied("tr");
            }
            (TemplateMode::Table, "col") => {
                self.close_to(pos + 1);
                self.open_implied("colgroup");
            }
            _ => return true,
        }
        false
    }

    /// Whether an end tag other than `</template>` is dropped because the current node is a
    /// template whose content has had no start tag yet (the spec's "in template" mode ignores
    /// them: `<template></p>` has no `<p>`).
    pub(super) fn template_ignores_end_tag(&self) -> bool {
        self.els.last().is_some_and(is_template) && self.template_modes.last() == Some(&TemplateMode::Undecided)
    }

    /// The index in `template_modes` of the template open at stack position `pos`.
    fn template_index(&self, pos: usize) -> usize {
        self.els[..pos].iter().filter(|e| is_template(e)).count()
    }

    /// After an element was opened or pushed as the current node: a template gets its mode entry.
    pub(super) fn opened_template(&mut self) {
        self.template_modes.push(TemplateMode::Undecided);
    }
}

#[cfg(test)]
mod tests {
    use crate::canonical as tree;

    #[test]
    fn a_template_of_cells_takes_cells_and_drops_rows() {
        assert_eq!(
            tree("<template><td>a</td><td>b<tr><td>c</template>"),
            "<template><td>a</td><td>b</td><td>c</td></template>"
        );
    }

    #[test]
    fn a_template_of_rows_gives_cells_their_row() {
        assert_eq!(
            tree("<template><tr><td>a</td></tr><td>b</td></template>"),
            "<template><tr><td>a</td></tr><tr><td>b</td></tr></template>"
        );
    }

    #[test]
    fn a_template_of_body_content_drops_table_parts() {
        assert_eq!(tree("<template><p>a<th>b</p><tr>c</template>"), "<template><p>ab</p>c</template>");
    }

    #[test]
    fn a_cell_in_a_row_template_closes_what_is_open_in_the_template() {
        assert_eq!(
            tree("<template><th>a</th><b>x<td>y</template>"),
            "<template><th>a</th><b>x</b><td>y</td></template>"
        );
    }

    #[test]
    fn end_tags_before_the_first_start_tag_are_dropped() {
        assert_eq!(tree("<template></p></div>x<b></p>"), "<template>x<b><p></p></b></template>");
    }

    #[test]
    fn head_elements_and_text_decide_nothing() {
        assert_eq!(
            tree("<template><style>s</style> <tr><td>a</template>"),
            "<template><style>s</style> <tr><td>a</td></tr></template>"
        );
    }
}
