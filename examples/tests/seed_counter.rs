//! The counter as GoliveKit's seed wrote it: a `RendererFunc` with a `write_html!` string
//! template, string events matched by hand, and hand-written `name` and `base`. The example app
//! serves the `html!` + typed events version (`examples/src/counter.rs`); this one is kept here,
//! compiling and working, because the README shows the two side by side.

use golivekit::{
    async_trait, write_html, BaseComponent, Component, Context, HandlerError, HandlerResult, Html, Params, Payload,
    Renderer, RendererFunc, Session,
};

/// A number you can move up and down.
#[derive(Default)]
pub struct Counter {
    base: BaseComponent,
}

#[async_trait]
impl Component for Counter {
    fn name(&self) -> &'static str {
        "counter"
    }

    fn base(&self) -> &BaseComponent {
        &self.base
    }

    async fn mount(&mut self, _ctx: &Context, params: &Params, _session: &Session) -> HandlerResult {
        self.assigns().set("count", params.get_as::<i64>("start").unwrap_or(0));
        self.assigns().set("initialized", true);
        Ok(())
    }

    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        RendererFunc(move |_ctx: &Context, w: &mut Html| {
            let count = self.assigns().get_int("count");
            write_html!(
                w,
                r#"<div data-live-view="counter" class="counter">
  <h1>Counter</h1>
  <p class="count">Count: <span data-slot="count">{}</span></p>
  <button lv-click="decrement" aria-label="decrement">−</button>
  <button lv-click="increment" aria-label="increment">+</button>
  <p><a href="/">← All examples</a></p>
</div>"#,
                count
            )
        })
        .into()
    }

    async fn handle_event(&mut self, _ctx: &Context, event: &str, payload: &Payload) -> HandlerResult {
        let count = self.assigns().get_int("count");
        let by = payload.get_as::<i64>("by").unwrap_or(1);
        match event {
            "increment" => self.assigns().set("count", count.saturating_add(by)),
            "decrement" => self.assigns().set("count", count.saturating_sub(by)),
            other => return Err(HandlerError::unknown_event(other)),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use golivekit::testing::TestView;

    #[tokio::test]
    async fn the_seed_counter_moves_both_ways() {
        let mut view = TestView::mount(Counter::default()).await.expect("mount");
        assert_eq!(view.slot_text("count").as_deref(), Some("0"));
        view.click("increment").await.expect("increment");
        view.click("increment").await.expect("increment");
        view.click("decrement").await.expect("decrement");
        assert_eq!(view.slot_text("count").as_deref(), Some("1"));
        let by: Payload = [("by", "5")].into_iter().collect();
        view.event("decrement", by).await.expect("decrement by 5");
        assert_eq!(view.slot_text("count").as_deref(), Some("-4"));
        let err = view.click("explode").await.expect_err("unknown event");
        assert_eq!(err.code(), "unknown_event");
        view.terminate().await;
    }

    #[tokio::test]
    async fn the_seed_counter_takes_its_start_from_the_query() {
        let params = Params::from_query("/counter", "start=10");
        let mut view = TestView::mount_with(Counter::default(), params, Session::new()).await.expect("mount");
        view.click("increment").await.expect("increment");
        assert_eq!(view.slot_text("count").as_deref(), Some("11"));
        view.terminate().await;
    }

    /// The README shows this component next to the `html!` counter; keep the two the same.
    #[test]
    fn readme_shows_the_seed_counter_as_it_is() {
        let source = include_str!("seed_counter.rs");
        let start = source.find("use golivekit").expect("the component starts with its imports");
        let end = source.find("#[cfg(test)]").expect("tests follow the component");
        let component = source[start..end].trim_end();
        let readme = include_str!("../../README.md");
        assert!(readme.contains(component), "README.md's seed counter differs from examples/tests/seed_counter.rs");
    }
}
