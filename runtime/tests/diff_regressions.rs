//! One regression test per GoliveKit diff bug (issue 4), each named after what broke. Every test
//! also checks the oracle: the patch applied to the old HTML gives the new HTML.

use golivekit::diff::{diff, Snapshot};
use golivekit::protocol::{ListOp, Patch};
use golivekit::testing::{apply_patch, normalize, TestView};
use golivekit::{async_trait, BaseComponent, Component, Context, HandlerResult, Html, Payload, Renderer, RendererFunc};

const ROOT: &str = r#"<div data-live-view="t" data-lv-id="lv1">"#;

/// Diffs two root inner HTMLs, checks the oracle, returns the patch.
fn patch(from: &str, to: &str) -> Patch {
    let (a, b) = (format!("{ROOT}{from}</div>"), format!("{ROOT}{to}</div>"));
    let p = diff(&Snapshot::from_html(&a).expect("from"), &Snapshot::from_html(&b).expect("to"));
    assert_eq!(normalize(&apply_patch(&a, &p)), normalize(&b), "patch {p:?}");
    p
}

fn list(keys: &str) -> String {
    let items: String = keys.chars().map(|k| format!(r#"<li data-key="{k}">{k}</li>"#)).collect();
    format!(r#"<ul data-list="l">{items}</ul>"#)
}

#[test]
fn keyed_swap_of_the_ends_ends_in_dbca() {
    let p = patch(&list("ABCD"), &list("DBCA"));
    assert_eq!(p.l["l"], vec![ListOp::Move { key: "D".into(), index: 0 }, ListOp::Move { key: "A".into(), index: 3 }]);
}

#[test]
fn keyed_insert_at_front_with_reversal_ends_in_xcba() {
    let p = patch(&list("ABC"), &list("XCBA"));
    assert!(p.l["l"].iter().any(|op| matches!(op, ListOp::Insert { key, index: 0, .. } if key == "X")));
}

#[test]
fn keyed_delete_with_swap_ends_in_ba() {
    let p = patch(&list("ABC"), &list("BA"));
    assert_eq!(p.l["l"][0], ListOp::Remove { key: "C".into() });
}

#[test]
fn keyed_rotation_to_index_zero_ends_in_cab() {
    let p = patch(&list("ABC"), &list("CAB"));
    assert_eq!(p.l["l"], vec![ListOp::Move { key: "C".into(), index: 0 }]);
}

#[test]
fn nested_slot_change_inside_an_unchanged_slot_is_sent() {
    let p = patch(
        r#"<section data-slot="o"><h2>T</h2><span data-slot="i">1</span></section>"#,
        r#"<section data-slot="o"><h2>T</h2><span data-slot="i">2</span></section>"#,
    );
    assert_eq!(p.s["i"], "2");
    assert!(p.h.is_empty() && p.f.is_none());
}

#[test]
fn slot_attribute_changes_arrive() {
    let p = patch(r#"<i data-slot="b" class="ok" hidden>!</i>"#, r#"<i data-slot="b" class="warn">!</i>"#);
    assert_eq!(p.a["b"]["class"].as_deref(), Some("warn"));
    assert_eq!(p.a["b"]["hidden"], None);
}

#[test]
fn slot_on_p_is_not_cut_at_the_first_pre_end_tag() {
    let p = patch(r#"<p data-slot="n">a</pre> b <b>x</b></p>"#, r#"<p data-slot="n">a</pre> b <b>y</b></p>"#);
    assert_eq!(p.h["n"], "a b <b>y</b>");
}

#[test]
fn slot_on_a_void_element_sends_its_attributes() {
    let p = patch(r#"<input data-slot="q" value="old">"#, r#"<input data-slot="q" value="new">"#);
    assert_eq!(p.a["q"]["value"].as_deref(), Some("new"));
    assert!(p.s.is_empty() && p.h.is_empty() && p.f.is_none());
}

#[test]
fn text_with_entities_is_sent_decoded_tom_and_jerry() {
    let p = patch(r#"<b data-slot="t">x</b>"#, r#"<b data-slot="t">Tom &amp; Jerry</b>"#);
    assert_eq!(p.s["t"], "Tom & Jerry");
}

#[test]
fn change_outside_any_slot_is_not_lost() {
    let p = patch(r#"<h1>Old</h1><b data-slot="n">1</b>"#, r#"<h1>New</h1><b data-slot="n">1</b>"#);
    assert_eq!(p.f.as_deref(), Some(r#"<h1>New</h1><b data-slot="n">1</b>"#));
}

#[test]
fn root_attribute_change_is_not_lost() {
    let a = r#"<div data-live-view="t" data-lv-id="lv1" class="light"><p>x</p></div>"#;
    let b = r#"<div data-live-view="t" data-lv-id="lv1" class="dark"><p>x</p></div>"#;
    let p = diff(&Snapshot::from_html(a).expect("a"), &Snapshot::from_html(b).expect("b"));
    assert_eq!(p.r["class"].as_deref(), Some("dark"));
    assert_eq!(normalize(&apply_patch(a, &p)), normalize(b));
}

#[test]
fn one_changed_row_of_a_thousand_sends_at_most_twice_that_row() {
    let rows = |changed: Option<usize>| -> String {
        let items: String = (0..1000)
            .map(|i| {
                let mark = if Some(i) == changed { "!" } else { "" };
                format!(
                    r#"<tr data-key="r{i}"><td>{i}</td><td>Name {i}{mark}</td><td>user{i}@example.com</td><td class="status">active</td></tr>"#
                )
            })
            .collect();
        format!(r#"<table><tbody data-list="rows">{items}</tbody></table>"#)
    };
    let p = patch(&rows(None), &rows(Some(500)));
    let row = r#"<tr data-key="r500"><td>500</td><td>Name 500!</td><td>user500@example.com</td><td class="status">active</td></tr>"#;
    let bytes = serde_json::to_string(&p).expect("json").len();
    assert!(bytes <= 2 * row.len(), "{bytes} bytes for a {}-byte row", row.len());
}

/// A list and a counter: clicking changes only the counter.
#[derive(Default)]
struct ListAndCounter {
    base: BaseComponent,
}

#[async_trait]
impl Component for ListAndCounter {
    fn name(&self) -> &'static str {
        "list"
    }
    fn base(&self) -> &BaseComponent {
        &self.base
    }
    fn render(&self, _: &Context) -> Renderer<'_> {
        RendererFunc(move |_: &Context, w: &mut Html| {
            let n = self.assigns().get_int("n");
            golivekit::write_html!(
                w,
                r#"<div data-live-view="list"><b data-slot="n">{}</b><ul data-list="l"><li data-key="a">A</li><li data-key="b">B</li></ul></div>"#,
                n
            )
        })
        .into()
    }
    async fn handle_event(&mut self, _: &Context, _: &str, _: &Payload) -> HandlerResult {
        let n = self.assigns().get_int("n");
        self.assigns().set("n", n + 1);
        Ok(())
    }
}

#[tokio::test]
async fn first_list_patch_after_connect_does_not_duplicate_items() {
    let mut view = TestView::mount(ListAndCounter::default()).await.expect("mount");
    let reply = view.click("inc").await.expect("click");
    let patch = reply.patch.expect("a patch");
    assert!(patch.l.is_empty() && patch.f.is_none() && patch.h.is_empty(), "{patch:?}");
    assert_eq!(view.html().matches("data-key=\"a\"").count(), 1);
    assert_eq!(view.slot_text("n").as_deref(), Some("1"));
    view.terminate().await;
}
