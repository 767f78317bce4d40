//! The list of active formatting elements and the two algorithms that use it: reconstructing
//! the formatting elements a block closed (`<p><b>x</p>y` → `y` in a new `<b>`) and the adoption
//! agency, which repairs misnested formatting end tags (`<b>1<i>2</b>3</i>`, `<a>1<p>2</a>3</p>`)
//! as the HTML spec's tree construction does.
//!
//! The tree is built by [`Stack`]: an open element's parent is the element below it on the stack,
//! and an element joins its parent's children when it closes. The adoption agency's moves are
//! expressed in that model: closing the elements between the formatting element and the
//! furthest block in place, re-opening clones of the formatting ones among them, and handing the
//! furthest block's children to a clone of the formatting element opened right after it.
//!
//! Every element such a repair touches is recorded in [`Stack::touched`]: its source span no
//! longer says where it came from, so the incremental re-parse must not take it (`parse.rs`).

use super::rules::{is_table_node, Stack, NO_ID};
use super::Element;

/// The formatting element named `name` (the HTML spec's list), as a static name.
fn formatting_name(name: &str) -> Option<&'static str> {
    Some(match name {
        "a" => "a",
        "b" => "b",
        "big" => "big",
        "code" => "code",
        "em" => "em",
        "font" => "font",
        "i" => "i",
        "nobr" => "nobr",
        "s" => "s",
        "small" => "small",
        "strike" => "strike",
        "strong" => "strong",
        "tt" => "tt",
        "u" => "u",
        _ => return None,
    })
}

/// Whether `name` is a formatting element (the HTML spec's list).
pub(super) fn is_formatting(name: &str) -> bool {
    formatting_name(name).is_some()
}

/// Whether `name` puts a marker on the list of active formatting elements when it opens (and
/// clears to it when it closes).
pub(super) fn is_marker(name: &str) -> bool {
    matches!(name, "applet" | "caption" | "marquee" | "object" | "td" | "template" | "th")
}

/// One entry of the list of active formatting elements.
#[derive(Debug, Clone)]
pub(super) enum Active {
    /// A scope marker (a cell, a caption, an object…): nothing before it is reconstructed inside.
    Marker,
    /// A formatting element: its creation number, its name, and — once it is closed — the
    /// attributes a clone of it copies (while it is open they are on the stack).
    El { id: usize, name: &'static str, attrs: Option<Vec<(String, String)>> },
}

/// What an end tag for a formatting element did.
pub(super) enum Adopted {
    /// No such element after the last marker: the end tag is handled as any other.
    NotListed,
    /// Handled; the element the tag closed as its own end tag, if it did so cleanly.
    Done(Option<usize>),
}

impl Stack {
    /// Where the element with creation number `id` is on the stack.
    pub(super) fn pos_of(&self, id: usize) -> Option<usize> {
        self.ids.iter().rposition(|&i| i == id)
    }

    /// The index just after the last marker (0 without one).
    fn after_marker(&self) -> usize {
        self.active.iter().rposition(|a| matches!(a, Active::Marker)).map_or(0, |i| i + 1)
    }

    /// The attributes of listed element `id`: on the stack while it is open, saved once closed.
    fn attrs_of<'s>(&'s self, id: usize, saved: &'s Option<Vec<(String, String)>>) -> &'s [(String, String)] {
        match (saved, self.pos_of(id)) {
            (Some(attrs), _) => attrs,
            (None, Some(pos)) => &self.els[pos].attrs,
            (None, None) => &[],
        }
    }

    /// Puts the formatting element just opened (the current node, creation number `id`) on the
    /// list, keeping at most three equal ones after the last marker (the spec's "Noah's Ark").
    pub(super) fn push_formatting(&mut self, id: usize) {
        let Some(el) = self.els.last() else { return };
        let Some(name) = formatting_name(&el.name) else { return };
        let from = self.after_marker();
        let mut equal = (from..self.active.len()).filter(|&i| match &self.active[i] {
            Active::El { id: e, name: n, attrs } => *n == name && self.attrs_of(*e, attrs) == el.attrs.as_slice(),
            Active::Marker => false,
        });
        if let (Some(first), Some(_), Some(_)) = (equal.next(), equal.next(), equal.next()) {
            self.active.remove(first);
        }
        self.active.push(Active::El { id, name, attrs: None });
    }

    /// The element `el` (creation number `id`) has closed: if it is listed, its entry keeps a
    /// copy of its attributes for a later clone.
    pub(super) fn closed(&mut self, id: usize, el: &Element) {
        if formatting_name(&el.name).is_none() {
            return;
        }
        for entry in self.active.iter_mut().rev() {
            if let Active::El { id: e, attrs, .. } = entry {
                if *e == id {
                    *attrs = Some(el.attrs.clone());
                    return;
                }
            }
        }
    }

    /// Puts a scope marker on the list.
    pub(super) fn push_marker(&mut self) {
        self.active.push(Active::Marker);
    }

    /// Removes entries up to and including the last marker.
    pub(super) fn clear_to_marker(&mut self) {
        while let Some(entry) = self.active.pop() {
            if matches!(entry, Active::Marker) {
                break;
            }
        }
    }

    /// Whether a listed formatting element is closed (it would be reconstructed): the content
    /// parsed now depends on markup before it.
    pub(super) fn has_closed_formatting(&self) -> bool {
        self.active.iter().any(|a| matches!(a, Active::El { id, .. } if self.pos_of(*id).is_none()))
    }

    /// Whether a listed formatting element created after `id` (inside it) is closed.
    pub(super) fn closed_formatting_after(&self, id: usize) -> bool {
        self.active.iter().any(|a| matches!(a, Active::El { id: e, .. } if *e > id && self.pos_of(*e).is_none()))
    }

    /// Re-opens, in order, the listed formatting elements after the last marker that are closed.
    pub(super) fn reconstruct(&mut self) {
        let open = |s: &Self, a: &Active| match a {
            Active::Marker => true,
            Active::El { id, .. } => s.pos_of(*id).is_some(),
        };
        let Some(last) = self.active.last() else { return };
        if open(self, last) {
            return;
        }
        let mut first = self.active.len() - 1;
        while first > 0 && !open(self, &self.active[first - 1]) {
            first -= 1;
        }
        for i in first..self.active.len() {
            let Active::El { name, attrs, .. } = &self.active[i] else { continue };
            let clone =
                Element { name: (*name).to_owned(), attrs: attrs.clone().unwrap_or_default(), ..Element::default() };
            // In a table, the first clone is fostered out of it (the others go inside that one).
            let new = if is_table_node(self.top()) { self.open_fostered(clone) } else { self.open(clone) };
            self.touched.push(new);
            if let Active::El { id, .. } = &mut self.active[i] {
                *id = new;
            }
        }
    }

    /// The listed element named `name` after the last marker, as (list index, creation number).
    pub(super) fn listed(&self, name: &str) -> Option<(usize, usize)> {
        let from = self.after_marker();
        (from..self.active.len()).rev().find_map(|i| match &self.active[i] {
            Active::El { id, name: n, .. } if *n == name => Some((i, *id)),
            _ => None,
        })
    }

    /// Drops the list entry of element `id`, if listed.
    pub(super) fn unlist(&mut self, id: usize) {
        if let Some(i) = self.active.iter().position(|a| matches!(a, Active::El { id: e, .. } if *e == id)) {
            self.active.remove(i);
        }
    }

    /// The adoption agency algorithm for an end tag (or `<a>`/`<nobr>` start tag) `subject`.
    pub(super) fn adopt(&mut self, subject: &str) -> Adopted {
        let top = self.len() - 1;
        if self.name(top) == subject && self.ids[top] != NO_ID && !self.is_listed(self.ids[top]) {
            let id = self.ids[top];
            self.close_top();
            return Adopted::Done(Some(id));
        }
        let mut clean = None;
        for round in 0..8 {
            let Some((fi, fid)) = self.listed(subject) else {
                return if round == 0 { Adopted::NotListed } else { Adopted::Done(None) };
            };
            let Some(fpos) = self.pos_of(fid) else {
                self.active.remove(fi); // listed but closed: forget it, ignore the tag
                return Adopted::Done(None);
            };
            if (fpos + 1..self.len()).any(|i| self.bounds_default_scope(i)) {
                return Adopted::Done(None); // not in scope: ignored
            }
            let Some(fb) = (fpos + 1..self.len()).find(|&i| self.special(i)) else {
                // No furthest block: close everything up to the formatting element.
                if round == 0 && fpos == self.len() - 1 {
                    clean = Some(fid);
                }
                self.close_to(fpos);
                self.unlist(fid);
                return Adopted::Done(clean);
            };
            self.adopt_into(fid, fpos, fb);
        }
        Adopted::Done(None)
    }

    fn is_listed(&self, id: usize) -> bool {
        self.active.iter().any(|a| matches!(a, Active::El { id: e, .. } if *e == id))
    }

    /// One round with a furthest block: formatting element `fid` (list index `fi`, stack `fpos`),
    /// furthest block at stack `fb`.
    fn adopt_into(&mut self, fid: usize, fpos: usize, fb: usize) {
        // The furthest block and what is open inside it leave the stack for now.
        let rest_els: Vec<Element> = self.els.drain(fb..).collect();
        let rest_ids: Vec<usize> = self.ids.drain(fb..).collect();
        self.touched.extend(rest_ids.iter().copied().filter(|&i| i != NO_ID));
        // The elements between the formatting element and the furthest block, nearest the block
        // first: the first three listed ones get clones that stay open; the others close in place.
        // The new formatting element goes into the list where the formatting element was, or
        // right after the clone of the element nearest the furthest block.
        let mut bookmark: Option<usize> = None; // that element's creation number
        let mut clones: Vec<usize> = Vec::new(); // stack positions, nearest the block first
        for (counter, pos) in (fpos + 1..fb).rev().enumerate() {
            let id = self.ids[pos];
            self.touched.push(id);
            if counter + 1 > 3 {
                self.unlist(id);
            }
            if self.is_listed(id) {
                if clones.is_empty() {
                    bookmark = Some(id);
                }
                clones.push(pos);
            }
        }
        // (element to clone, creation number of the original), outermost first
        let cloned: Vec<(Element, usize)> = clones
            .iter()
            .rev()
            .map(|&pos| {
                let el = &self.els[pos];
                (
                    Element { name: el.name.clone(), ns: el.ns, attrs: el.attrs.clone(), children: Vec::new() },
                    self.ids[pos],
                )
            })
            .collect();
        let (f_name, f_attrs) = (self.els[fpos].name.clone(), self.els[fpos].attrs.clone());
        self.touched.push(fid);
        // The formatting element and everything between close where they are.
        self.close_to(fpos);
        // What goes back into the common ancestor is fostered out of it when it is a table part.
        let foster = is_table_node(self.top());
        let mut first = true;
        // The clones re-open (outermost first), each inside the one before.
        for (clone, old) in cloned {
            let new = if std::mem::take(&mut first) && foster { self.open_fostered(clone) } else { self.open(clone) };
            self.touched.push(new);
            if let Some(Active::El { id, .. }) =
                self.active.iter_mut().find(|a| matches!(a, Active::El { id: e, .. } if *e == old))
            {
                *id = new;
            }
            if bookmark == Some(old) {
                bookmark = Some(new);
            }
        }
        // The furthest block goes back, its children handed to a new formatting element inside it.
        let mut rest = rest_els.into_iter().zip(rest_ids);
        let (mut block, block_id) = rest.next().expect("the furthest block");
        let children = std::mem::take(&mut block.children);
        self.els.push(block);
        self.ids.push(block_id);
        if first && foster {
            self.foster.push(block_id);
            self.fostered = true;
        }
        let e = self.open(Element { name: f_name.clone(), attrs: f_attrs, children, ..Element::default() });
        self.touched.push(e);
        for (el, id) in rest {
            self.els.push(el);
            self.ids.push(id);
        }
        // The list: the new element takes the bookmark's place.
        let at_f = self.active.iter().position(|a| matches!(a, Active::El { id, .. } if *id == fid));
        if let Some(i) = at_f {
            self.active.remove(i);
        }
        let after =
            bookmark.and_then(|b| self.active.iter().position(|a| matches!(a, Active::El { id, .. } if *id == b)));
        let at = after.map(|i| i + 1).or(at_f).unwrap_or(self.active.len()).min(self.active.len());
        self.active.insert(at, Active::El { id: e, name: formatting_name(&f_name).unwrap_or("b"), attrs: None });
    }
}

#[cfg(test)]
mod tests {
    use crate::canonical as tree;
    use crate::{parse_in_context, parse_with_spans};

    #[test]
    fn a_misnested_end_tag_closes_and_reopens_the_inner_formatting_element() {
        assert_eq!(tree("<b>1<i>2</b>3</i>"), "<b>1<i>2</i></b><i>3</i>");
    }

    #[test]
    fn a_block_inside_a_formatting_element_is_adopted_out_of_it() {
        assert_eq!(tree("<a href=x>1<p>2</a>3</p>"), r#"<a href="x">1</a><p><a href="x">2</a>3</p>"#);
        assert_eq!(tree("<b>1<div>2<i>3</b>4</i>5</div>"), "<b>1</b><div><b>2<i>3</i></b><i>4</i>5</div>");
    }

    #[test]
    fn a_second_a_closes_the_first() {
        assert_eq!(tree("<a href=1>one<a href=2>two</a></a>"), r#"<a href="1">one</a><a href="2">two</a>"#);
    }

    #[test]
    fn formatting_a_block_closed_is_reconstructed_around_what_follows() {
        assert_eq!(tree("<p><b>x</p>y<span>z</span>"), "<p><b>x</b></p><b>y<span>z</span></b>");
    }

    #[test]
    fn at_most_three_equal_formatting_elements_are_reconstructed() {
        assert_eq!(tree("<p><b><b><b><b>x</p>y"), "<p><b><b><b><b>x</b></b></b></b></p><b><b><b>y</b></b></b>");
    }

    #[test]
    fn a_cell_bounds_reconstruction() {
        assert_eq!(tree("<b><table><td>x</td></table>y"), "<b><table><tbody><tr><td>x</td></tr></tbody></table>y</b>");
    }

    #[test]
    fn an_end_tag_does_not_close_past_a_special_element() {
        assert_eq!(tree("<span><div>x</span>y</div>"), "<span><div>xy</div></span>");
    }

    #[test]
    fn elements_a_repair_moved_have_no_span_and_clean_ones_keep_theirs() {
        let (_, spans) = parse_with_spans("<b>1<p>2</b>3</p><i>ok</i>");
        // 0 b, 1 p (the furthest block: moved), 2 the new b inside p, 3 i
        assert!(spans[0].is_none() && spans[1].is_none() && spans[2].is_none(), "{spans:?}");
        assert!(spans[3].is_some(), "{spans:?}");
    }

    #[test]
    fn a_part_that_leaves_formatting_open_is_not_reparsed_alone() {
        assert!(parse_in_context("<p>a<b>b</p>", &["div"]).is_none(), "the b would wrap what follows");
        assert!(parse_in_context("<p>a<b>b</b></p>", &["div"]).is_some());
    }
}
