//! The counter: your first component. Route: `/counter`.
//!
//! Run it with `scripts/run.sh` (or `cargo tauri dev`) and open "Counter" on the start page.
//! The count lives in the view's assigns; `+` and `−` send `increment` / `decrement` (the `Msg`
//! variants, in snake_case); an optional `lv-value-by` says how much. Only the `count` slot travels
//! back to the page. The template is `html!`, checked when this file compiles.

use golivekit::{
    component, html, BaseComponent, Component, Context, HandlerResult, LiveEvent, Params, Renderer, Session,
};

/// The counter's events, `increment` and `decrement`, by `by` (1 when the page sends none).
#[derive(LiveEvent)]
enum Msg {
    Increment { by: Option<i64> },
    Decrement { by: Option<i64> },
}

/// A number you can move up and down.
#[derive(Default)]
pub struct Counter {
    base: BaseComponent,
}

#[component]
impl Component for Counter {
    async fn mount(&mut self, _ctx: &Context, params: &Params, _session: &Session) -> HandlerResult {
        self.assigns().set("count", params.get_as::<i64>("start").unwrap_or(0));
        self.assigns().set("initialized", true);
        Ok(())
    }

    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        let count = self.assigns().get_int("count");
        html! {
            <div data-live-view="counter" class="counter">
                <h1>"Counter"</h1>
                <p class="count">"Count: " <span slot:count>{count}</span></p>
                <button lv-click={Msg::Decrement} aria-label="decrement">"−"</button>
                " "
                <button lv-click={Msg::Increment} aria-label="increment">"+"</button>
                <p><a href="/">"← All examples"</a></p>
            </div>
        }
        .into()
    }

    async fn handle_event(&mut self, _ctx: &Context, msg: Msg) -> HandlerResult {
        let count = self.assigns().get_int("count");
        match msg {
            Msg::Increment { by } => self.assigns().set("count", count.saturating_add(by.unwrap_or(1))),
            Msg::Decrement { by } => self.assigns().set("count", count.saturating_sub(by.unwrap_or(1))),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use golivekit::testing::TestView;
    use golivekit::Payload;

    #[tokio::test]
    async fn counter_starts_at_zero_and_moves_both_ways() {
        let mut view = TestView::mount(Counter::default()).await.expect("mount");
        assert_eq!(view.slot_text("count").as_deref(), Some("0"));
        for _ in 0..3 {
            view.click("increment").await.expect("increment");
        }
        view.click("decrement").await.expect("decrement");
        assert_eq!(view.slot_text("count").as_deref(), Some("2"));
        view.terminate().await;
    }

    #[tokio::test]
    async fn counter_patch_carries_only_the_count_slot() {
        let mut view = TestView::mount(Counter::default()).await.expect("mount");
        let reply = view.click("increment").await.expect("increment");
        let patch = reply.patch.expect("a patch");
        assert_eq!(patch.v, 1);
        assert_eq!(patch.s.len(), 1);
        assert_eq!(patch.s["count"], "1");
        assert!(patch.h.is_empty() && patch.a.is_empty() && patch.f.is_none());
        view.terminate().await;
    }

    #[tokio::test]
    async fn counter_refuses_unknown_events_and_keeps_its_count() {
        let mut view = TestView::mount(Counter::default()).await.expect("mount");
        view.click("increment").await.expect("increment");
        let err = view.click("explode").await.expect_err("unknown event");
        assert_eq!(err.code(), "unknown_event");
        assert_eq!(view.slot_text("count").as_deref(), Some("1"));
        view.terminate().await;
    }

    #[tokio::test]
    async fn counter_takes_start_and_step_from_outside() {
        let params = Params::from_query("/counter", "start=10");
        let mut view = TestView::mount_with(Counter::default(), params, Session::new()).await.expect("mount");
        let payload: Payload = [("by", "5")].into_iter().collect();
        view.event("decrement", payload).await.expect("decrement");
        assert_eq!(view.slot_text("count").as_deref(), Some("5"));
        view.terminate().await;
    }
}

#[cfg(test)]
mod readme {
    /// The README shows this file's component as "your first component"; keep the two the same.
    #[test]
    fn readme_shows_the_counter_as_it_is() {
        let source = include_str!("counter.rs");
        let component = source[..source.find("#[cfg(test)]").expect("tests follow the component")].trim_end();
        let readme = include_str!("../../README.md");
        assert!(readme.contains(component), "README.md's counter differs from examples/src/counter.rs");
    }
}
