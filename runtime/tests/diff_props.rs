//! Property tests of the diff against its oracle: for generated documents and random edits —
//! root and slot attributes, slot text and markup, nested slots, text outside slots, keyed-list
//! inserts, deletes, moves, updates, shuffles, lists inside slots — applying `diff(a, b)` to `a`
//! with `golivekit::testing::apply_patch` gives `b` (as normalized trees), `diff(b, b)` is
//! empty, and diffing edit by edit through `Rendered` gives the full parse's patches.

use golivekit::diff::{diff, Rendered, Snapshot};
use golivekit::testing::{apply_patch, normalize};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

#[derive(Clone, Debug)]
struct Item {
    key: String,
    class: u8,
    text: String,
    slot: Option<String>,
}

#[derive(Clone, Debug)]
struct List {
    id: String,
    items: Vec<Item>,
}

#[derive(Clone, Debug)]
enum Inner {
    Text(String),
    Markup(String),
    Nested(String),
    List(List),
}

#[derive(Clone, Debug)]
struct Slot {
    id: String,
    class: u8,
    inner: Inner,
}

#[derive(Clone, Debug)]
struct Doc {
    class: u8,
    paras: Vec<String>,
    slots: Vec<Slot>,
    lists: Vec<List>,
    next_key: usize,
}

#[derive(Clone, Debug)]
enum ListEdit {
    Insert(u8, String),
    Delete(u8),
    Move(u8, u8),
    Update(u8, String),
    Class(u8, u8),
    ItemSlot(u8, String),
    Shuffle(u64),
}

#[derive(Clone, Debug)]
enum Edit {
    Root(u8),
    Para(u8, String),
    SlotClass(u8, u8),
    SlotInner(u8, InnerSeed),
    NestedText(u8, String),
    List(u8, ListEdit),
}

#[derive(Clone, Debug)]
enum InnerSeed {
    Text(String),
    Markup(String),
    Nested(String),
    List(u8),
}

fn text() -> impl Strategy<Value = String> {
    vec(select(vec!['a', 'b', '&', '<', '>', '"', '\'', ' ', 'é', '\u{a0}']), 0..6).prop_map(String::from_iter)
}

fn inner_seed() -> impl Strategy<Value = InnerSeed> {
    prop_oneof![
        text().prop_map(InnerSeed::Text),
        text().prop_map(InnerSeed::Markup),
        text().prop_map(InnerSeed::Nested),
        (0u8..5).prop_map(InnerSeed::List),
    ]
}

fn list_edit() -> impl Strategy<Value = ListEdit> {
    prop_oneof![
        (any::<u8>(), text()).prop_map(|(p, t)| ListEdit::Insert(p, t)),
        any::<u8>().prop_map(ListEdit::Delete),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| ListEdit::Move(a, b)),
        (any::<u8>(), text()).prop_map(|(p, t)| ListEdit::Update(p, t)),
        (any::<u8>(), 0u8..3).prop_map(|(p, c)| ListEdit::Class(p, c)),
        (any::<u8>(), text()).prop_map(|(p, t)| ListEdit::ItemSlot(p, t)),
        any::<u64>().prop_map(ListEdit::Shuffle),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        1 => (0u8..3).prop_map(Edit::Root),
        1 => (any::<u8>(), text()).prop_map(|(i, t)| Edit::Para(i, t)),
        1 => (any::<u8>(), 0u8..3).prop_map(|(i, c)| Edit::SlotClass(i, c)),
        1 => (any::<u8>(), inner_seed()).prop_map(|(i, s)| Edit::SlotInner(i, s)),
        1 => (any::<u8>(), text()).prop_map(|(i, t)| Edit::NestedText(i, t)),
        3 => (any::<u8>(), list_edit()).prop_map(|(i, e)| Edit::List(i, e)),
    ]
}

fn doc() -> impl Strategy<Value = (Doc, Vec<Edit>)> {
    let shape = (0u8..3, vec(text(), 0..3), vec((0u8..3, inner_seed()), 0..4), vec(0u8..6, 0..3));
    (shape, vec(edit(), 1..8)).prop_map(|((class, paras, slots, lists), edits)| {
        let mut d = Doc { class, paras, slots: vec![], lists: vec![], next_key: 0 };
        for (i, (class, seed)) in slots.into_iter().enumerate() {
            let id = format!("S{i}");
            let inner = d.inner(&id, seed);
            d.slots.push(Slot { id, class, inner });
        }
        for (i, n) in lists.into_iter().enumerate() {
            let list = d.list(format!("L{i}"), n);
            d.lists.push(list);
        }
        (d, edits)
    })
}

impl Doc {
    fn item(&mut self, text: String) -> Item {
        self.next_key += 1;
        Item { key: format!("k{}", self.next_key), class: 0, text, slot: None }
    }

    fn list(&mut self, id: String, n: u8) -> List {
        let items = (0..n).map(|i| self.item(format!("item {i}"))).collect();
        List { id, items }
    }

    fn inner(&mut self, id: &str, seed: InnerSeed) -> Inner {
        match seed {
            InnerSeed::Text(t) => Inner::Text(t),
            InnerSeed::Markup(t) => Inner::Markup(t),
            InnerSeed::Nested(t) => Inner::Nested(t),
            InnerSeed::List(n) => Inner::List(self.list(format!("{id}L"), n)),
        }
    }

    fn lists_mut(&mut self) -> Vec<&mut List> {
        let mut out: Vec<&mut List> = self.lists.iter_mut().collect();
        for slot in &mut self.slots {
            if let Inner::List(l) = &mut slot.inner {
                out.push(l);
            }
        }
        out
    }

    fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Root(c) => self.class = c,
            Edit::Para(i, t) if !self.paras.is_empty() => {
                let n = self.paras.len();
                self.paras[i as usize % n] = t;
            }
            Edit::SlotClass(i, c) if !self.slots.is_empty() => {
                let n = self.slots.len();
                self.slots[i as usize % n].class = c;
            }
            Edit::SlotInner(i, seed) if !self.slots.is_empty() => {
                let i = i as usize % self.slots.len();
                let id = self.slots[i].id.clone();
                self.slots[i].inner = self.inner(&id, seed);
            }
            Edit::NestedText(i, t) if !self.slots.is_empty() => {
                let n = self.slots.len();
                if let Inner::Nested(old) = &mut self.slots[i as usize % n].inner {
                    *old = t;
                }
            }
            Edit::List(i, e) => {
                let fresh = self.item(String::new());
                let mut lists = self.lists_mut();
                if lists.is_empty() {
                    return;
                }
                let n = lists.len();
                edit_list(lists.swap_remove(i as usize % n), e, fresh);
            }
            _ => {}
        }
    }

    fn render(&self) -> String {
        let mut out = format!(r#"<div data-live-view="t" data-lv-id="lv1" class="c{}">"#, self.class);
        let n = self.paras.len().max(self.slots.len()).max(self.lists.len());
        for i in 0..n {
            if let Some(p) = self.paras.get(i) {
                out += &format!("<p>{}</p>", esc(p));
            }
            if let Some(s) = self.slots.get(i) {
                out += &format!(r#"<div data-slot="{}" class="c{}">"#, s.id, s.class);
                match &s.inner {
                    Inner::Text(t) => out += &esc(t),
                    Inner::Markup(t) => out += &format!("<b>{}</b> tail", esc(t)),
                    Inner::Nested(t) => out += &format!(r#"<h3>in</h3><span data-slot="{}n">{}</span>"#, s.id, esc(t)),
                    Inner::List(l) => out += &render_list(l),
                }
                out += "</div>";
            }
            if let Some(l) = self.lists.get(i) {
                out += &render_list(l);
            }
        }
        out + "</div>"
    }
}

fn edit_list(list: &mut List, edit: ListEdit, fresh: Item) {
    let n = list.items.len();
    let at = |p: u8, n: usize| if n == 0 { 0 } else { p as usize % n };
    match edit {
        ListEdit::Insert(p, t) => list.items.insert(p as usize % (n + 1), Item { text: t, ..fresh }),
        ListEdit::Delete(p) if n > 0 => {
            list.items.remove(at(p, n));
        }
        ListEdit::Move(a, b) if n > 0 => {
            let item = list.items.remove(at(a, n));
            list.items.insert(at(b, n), item);
        }
        ListEdit::Update(p, t) if n > 0 => list.items[at(p, n)].text = t,
        ListEdit::Class(p, c) if n > 0 => list.items[at(p, n)].class = c,
        ListEdit::ItemSlot(p, t) if n > 0 => list.items[at(p, n)].slot = Some(t),
        ListEdit::Shuffle(mut seed) => {
            for i in (1..n).rev() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                list.items.swap(i, (seed % (i as u64 + 1)) as usize);
            }
        }
        _ => {}
    }
}

fn render_list(l: &List) -> String {
    let mut out = format!(r#"<ul data-list="{}">"#, l.id);
    for it in &l.items {
        out += &format!(r#"<li data-key="{}" class="c{}">{}"#, it.key, it.class, esc(&it.text));
        if let Some(s) = &it.slot {
            out += &format!(r#"<i data-slot="{}-{}">{}</i>"#, l.id, it.key, esc(s));
        }
        out += "</li>";
    }
    out + "</ul>"
}

fn esc(t: &str) -> String {
    t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn applying_the_diff_to_a_gives_b((doc, edits) in doc()) {
        let a = doc.render();
        let mut changed = doc.clone();
        let edits_again = edits.clone();
        for e in edits {
            changed.apply(e);
        }
        let b = changed.render();
        let (sa, sb) = (Snapshot::from_html(&a).expect("a"), Snapshot::from_html(&b).expect("b"));
        let patch = diff(&sa, &sb);
        prop_assert_eq!(normalize(&apply_patch(&a, &patch)), normalize(&b), "patch {:?}", patch);
        prop_assert!(diff(&sb, &sb).is_empty());
        prop_assert_eq!(patch.is_empty(), normalize(&a) == normalize(&b));
        // Each edit on its own, through `Rendered` (which re-parses only a changed slot or item
        // when it can), gives the full parse's patch and snapshot.
        let mut rendered = Rendered::new(a.clone(), sa.clone());
        let mut step = doc.clone();
        for e in edits_again {
            step.apply(e);
            let html = step.render();
            let (before, full) = (rendered.snapshot().clone(), Snapshot::from_html(&html).expect("step"));
            prop_assert_eq!(rendered.update(html, Snapshot::from_html).expect("update"), diff(&before, &full));
            prop_assert_eq!(rendered.snapshot(), &full);
        }
    }
}
