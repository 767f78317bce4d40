//! Search as you type over a 1,000-row list. Route: `/search`.
//!
//! The input has `lv-input="search"` and `lv-debounce="200"`: while the user types, the client
//! waits until 200 ms pass without a keystroke and sends one event with the whole value (typing
//! "abc" fast sends one `search` with `"abc"`, not three). The results are a keyed list
//! (`data-list="results"`), so a keystroke sends list operations, not the whole table. The view
//! counts the searches it handled, so you can see the debounce at work.

use golivekit::{
    async_trait, write_html, BaseComponent, Component, Context, HandlerError, HandlerResult, Html, Payload, Renderer,
    RendererFunc,
};

const ADJECTIVES: [&str; 40] = [
    "amber", "bold", "calm", "dusty", "eager", "fancy", "gentle", "hollow", "icy", "jolly", "keen", "lucky", "misty",
    "noble", "odd", "proud", "quiet", "rapid", "silent", "tidy", "urban", "vivid", "wild", "young", "zesty", "brave",
    "crisp", "deep", "fair", "grand", "happy", "ideal", "just", "kind", "lively", "merry", "neat", "open", "plain",
    "royal",
];
const NOUNS: [&str; 25] = [
    "river", "falcon", "meadow", "harbor", "cedar", "comet", "garden", "lantern", "maple", "orchid", "pebble",
    "quartz", "raven", "summit", "tiger", "valley", "willow", "canyon", "dune", "ember", "forest", "glacier", "island",
    "jungle", "kettle",
];

/// The 1,000 searchable rows: `(id, label)`.
pub fn rows() -> Vec<(usize, String)> {
    (0..1000).map(|i| (i, format!("{} {}", ADJECTIVES[i % 40], NOUNS[i / 40]))).collect()
}

/// Search over [`rows`].
pub struct Search {
    base: BaseComponent,
    rows: Vec<(usize, String)>,
}

impl Default for Search {
    fn default() -> Self {
        Self { base: BaseComponent::default(), rows: rows() }
    }
}

#[async_trait]
impl Component for Search {
    fn name(&self) -> &'static str {
        "search"
    }

    fn base(&self) -> &BaseComponent {
        &self.base
    }

    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        RendererFunc(move |_ctx: &Context, w: &mut Html| {
            let q = self.assigns().get_string("q").to_lowercase();
            let hits: Vec<_> = self.rows.iter().filter(|(_, label)| label.contains(q.as_str())).collect();
            write_html!(
                w,
                r#"<div data-live-view="search" class="search">
  <h1>Search</h1>
  <input name="q" type="search" lv-input="search" lv-debounce="200" placeholder="Try “river” or “bold”" autocomplete="off">
  <p><span data-slot="count">{}</span> of {} rows · searches handled: <span data-slot="searches">{}</span></p>
  <ul class="results" data-list="results">"#,
                hits.len(),
                self.rows.len(),
                self.assigns().get_int("searches")
            )?;
            for (id, label) in hits {
                write_html!(w, r#"<li data-key="r{}">{}</li>"#, id, label)?;
            }
            w.raw("</ul>\n  <p><a href=\"/\">← All examples</a></p>\n</div>");
            Ok(())
        })
        .into()
    }

    async fn handle_event(&mut self, _ctx: &Context, event: &str, payload: &Payload) -> HandlerResult {
        match event {
            "search" => {
                let q: String = payload.get_str("value").unwrap_or("").trim().chars().take(100).collect();
                self.assigns().set("q", q);
                self.assigns().set("searches", self.assigns().get_int("searches") + 1);
            }
            other => return Err(HandlerError::unknown_event(other)),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use golivekit::testing::TestView;

    #[test]
    fn there_are_a_thousand_distinct_rows() {
        let rows = rows();
        assert_eq!(rows.len(), 1000);
        let labels: std::collections::BTreeSet<_> = rows.iter().map(|(_, l)| l).collect();
        assert_eq!(labels.len(), 1000);
    }

    #[tokio::test]
    async fn a_search_filters_the_rows_and_counts_itself() {
        let mut view = TestView::mount(Search::default()).await.expect("mount");
        assert_eq!(view.slot_text("count").as_deref(), Some("1000"));
        let payload: Payload = [("value", "RIVER")].into_iter().collect();
        view.event("search", payload).await.expect("search");
        assert_eq!(view.slot_text("count").as_deref(), Some("40"));
        assert_eq!(view.slot_text("searches").as_deref(), Some("1"));
        view.terminate().await;
    }
}
