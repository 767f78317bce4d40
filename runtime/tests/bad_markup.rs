//! Bad markup never wedges a view (issue 12, item 5): a render with a duplicate `data-key` in a
//! list, a duplicate `data-slot` or a duplicate `data-list` id is warned about and rendered, in
//! every build, the offending list or slot treated as plain markup of its parent region. The view
//! keeps answering events, and the page (every patch applied, as `TestView` does) equals a fresh
//! render of the same state after each one.

use golivekit::testing::{normalize, TestView};
use golivekit::{async_trait, BaseComponent, Component, Context, HandlerResult, Html, Payload, Renderer, RendererFunc};

/// Renders, for counter `n`, markup that is sometimes bad: duplicate keys when `n % 3 == 1`, a
/// duplicate slot id when `n % 2 == 1`, a duplicate list id when `n % 4 == 2`.
#[derive(Default)]
struct Bad {
    base: BaseComponent,
    start: i64,
}

fn page(n: i64) -> String {
    let keys: Vec<String> = (0..4).map(|i| if n % 3 == 1 && i == 2 { "k0".into() } else { format!("k{i}") }).collect();
    let items: String =
        keys.iter().enumerate().map(|(i, k)| format!(r#"<li data-key="{k}">{k} {}</li>"#, n + i as i64)).collect();
    let second_slot = if n % 2 == 1 { r#"<i data-slot="count">again</i>"# } else { "<i>no slot</i>" };
    let second_list = if n % 4 == 2 {
        r#"<ol data-list="items"><li data-key="x">X</li></ol>"#
    } else {
        r#"<ol data-list="other"><li data-key="x">X</li></ol>"#
    };
    format!(
        r#"<div data-live-view="bad"><b data-slot="count">{n}</b>{second_slot}<ul data-list="items">{items}</ul>{second_list}<p>n = {n}</p></div>"#
    )
}

#[async_trait]
impl Component for Bad {
    fn name(&self) -> &'static str {
        "bad"
    }
    fn base(&self) -> &BaseComponent {
        &self.base
    }
    async fn mount(&mut self, _: &Context, _: &golivekit::Params, _: &golivekit::Session) -> HandlerResult {
        self.assigns().set("n", self.start);
        Ok(())
    }
    fn render(&self, _: &Context) -> Renderer<'_> {
        RendererFunc(move |_: &Context, w: &mut Html| {
            w.raw(&page(self.assigns().get_int("n")));
            Ok(())
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
async fn duplicate_keys_slots_and_lists_never_wedge_a_view() {
    let mut view = TestView::builder(Bad { start: 1, ..Bad::default() })
        .allow_bad_markup()
        .mount()
        .await
        .expect("a bad first render still mounts");
    assert!(view.markup_warnings() > 0, "the first render's duplicate key was counted");
    for n in 2..=14 {
        let reply = view.click("inc").await.unwrap_or_else(|e| panic!("event {n} refused: {e}"));
        assert!(reply.patch.is_some(), "render {n} changed the page");
        let fresh = TestView::builder(Bad { start: n, ..Bad::default() })
            .allow_bad_markup()
            .mount()
            .await
            .expect("fresh mount");
        assert_eq!(normalize(view.html()), normalize(fresh.html()), "after event {n}");
        fresh.terminate().await;
    }
    assert!(view.markup_warnings() >= 10, "every bad render was counted: {}", view.markup_warnings());
    view.terminate().await;
}

/// Bad markup nobody asked for fails a test at the render that had it, saying what it was.
#[tokio::test]
#[should_panic(expected = "rendered bad markup")]
async fn test_view_fails_a_test_whose_view_renders_a_duplicate_key() {
    let mut view = TestView::mount(Bad { start: 0, ..Bad::default() }).await.expect("render 0 is clean");
    assert_eq!(view.markup_warnings(), 0);
    let _ = view.click("inc").await; // render 1 has a duplicate data-key
}

/// A resync (a page that missed a version) and a window's document write out the last render:
/// its bad markup was counted when it was rendered, and is not counted again.
#[tokio::test]
async fn a_resync_or_a_document_does_not_count_the_last_renders_bad_markup_again() {
    let view = TestView::builder(Bad { start: 1, ..Bad::default() })
        .allow_bad_markup()
        .mount()
        .await
        .expect("a bad first render still mounts");
    let counted = view.markup_warnings();
    assert!(counted > 0, "the first render's duplicate key was counted");
    let resync = view.handle().resync().await.expect("a resync of a view with bad markup");
    assert!(resync.patch.f.as_deref().is_some_and(|f| f.contains("n = 1")), "the resync carries the last render");
    let document = view.handle().document().await.expect("a document of a view with bad markup");
    assert!(document.contains("n = 1"), "the document holds the last render: {document}");
    assert_eq!(view.markup_warnings(), counted, "nothing was counted a second time");
    view.terminate().await;
}
