//! The bench's two views as GoliveKit components, in the DOM shape `bench/probe.js` expects (the
//! floor and the peer render the same): [`Counter`] and [`Filter`].
//!
//! ```
//! # tokio::runtime::Runtime::new().unwrap().block_on(async {
//! use golivekit::testing::TestView;
//! let mut view = TestView::mount(golivekit_webview_bench::views::Counter::default()).await.unwrap();
//! view.click("inc").await.unwrap();
//! assert_eq!(view.slot_text("count").as_deref(), Some("1"));
//! view.terminate().await;
//! # });
//! ```

use golivekit::{
    async_trait, write_html, BaseComponent, Component, Context, HandlerError, HandlerResult, Html, Params, Payload,
    Renderer, RendererFunc, Router, Session,
};

use crate::{row_label, ROWS};

/// The routes of the bench app: `/counter` and `/filter`.
pub fn router() -> Router {
    Router::new().route("/counter", Counter::default).route("/filter", Filter::default)
}

/// `#count` and `#inc`: one slot, one click binding.
#[derive(Default)]
pub struct Counter {
    base: BaseComponent,
}

#[async_trait]
impl Component for Counter {
    fn name(&self) -> &'static str {
        "bench-counter"
    }

    fn base(&self) -> &BaseComponent {
        &self.base
    }

    fn render(&self, _: &Context) -> Renderer<'_> {
        let n = self.assigns().get_int("count");
        RendererFunc(move |_: &Context, w: &mut Html| {
            write_html!(
                w,
                r#"<div data-live-view="bench-counter" class="counter"><span id="count" data-slot="count">{}</span> <button id="inc" lv-click="inc">+</button></div>"#,
                n
            )
        })
        .into()
    }

    async fn handle_event(&mut self, _: &Context, event: &str, _: &Payload) -> HandlerResult {
        match event {
            "inc" => self.assigns().set("count", self.assigns().get_int("count") + 1),
            other => return Err(HandlerError::unknown_event(other)),
        }
        Ok(())
    }
}

/// `#q` filtering 1,000 keyed rows in `#rows` on every keystroke (no debounce); `/filter?rows=N`
/// holds `N` rows.
pub struct Filter {
    base: BaseComponent,
    labels: Vec<String>,
}

impl Default for Filter {
    fn default() -> Self {
        Self { base: BaseComponent::default(), labels: (0..ROWS).map(row_label).collect() }
    }
}

#[async_trait]
impl Component for Filter {
    fn name(&self) -> &'static str {
        "bench-filter"
    }

    fn base(&self) -> &BaseComponent {
        &self.base
    }

    /// `?rows=N` sets the row count (the 10,000-row bench); [`ROWS`] without it.
    async fn mount(&mut self, _: &Context, params: &Params, _: &Session) -> HandlerResult {
        if let Some(rows) = params.get_as::<usize>("rows") {
            self.labels = (0..rows).map(row_label).collect();
        }
        Ok(())
    }

    fn render(&self, _: &Context) -> Renderer<'_> {
        RendererFunc(move |_: &Context, w: &mut Html| {
            let q = self.assigns().get_string("q");
            w.raw(r#"<div data-live-view="bench-filter" class="filter"><input id="q" name="q" lv-input="filter" lv-debounce="0" autocomplete="off"><ul id="rows" data-list="rows">"#);
            for (i, label) in self.labels.iter().enumerate().filter(|(_, l)| l.contains(q.as_str())) {
                write_html!(w, r#"<li data-key="{}">{}</li>"#, i, label)?;
            }
            w.raw("</ul></div>");
            Ok(())
        })
        .into()
    }

    async fn handle_event(&mut self, _: &Context, event: &str, payload: &Payload) -> HandlerResult {
        match event {
            "filter" => self.assigns().set("q", payload.get_str("value").unwrap_or("")),
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
    async fn typing_filters_the_rows_and_erasing_brings_them_back() {
        let mut view = TestView::mount(Filter::default()).await.expect("mount");
        assert_eq!(view.html().matches("<li ").count(), ROWS);
        view.event("filter", [("value", "123")].into_iter().collect()).await.expect("filter");
        assert_eq!(view.html().matches("<li ").count(), 1);
        view.event("filter", [("value", "")].into_iter().collect()).await.expect("filter");
        assert_eq!(view.html().matches("<li ").count(), ROWS);
        view.terminate().await;
    }

    #[tokio::test]
    async fn the_rows_parameter_sets_how_many_rows_the_list_holds() {
        let params = Params::from_query("/filter", "rows=10000");
        let mut view = TestView::mount_with(Filter::default(), params, Session::new()).await.expect("mount");
        assert_eq!(view.html().matches("<li ").count(), 10_000);
        view.event("filter", [("value", "9999")].into_iter().collect()).await.expect("filter");
        assert_eq!(view.html().matches("<li ").count(), 1);
        view.terminate().await;
    }
}
