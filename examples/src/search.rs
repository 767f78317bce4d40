//! Search as you type over a 1,000-row list. Route: `/search`.
//!
//! The input has `lv-input="search"` and `lv-debounce="200"`: while the user types, the client
//! waits until 200 ms pass without a keystroke and sends one event with the whole value (typing
//! "abc" fast sends one `search` with `"abc"`, not three). The results are a keyed list
//! (`data-list="results"`), so a keystroke sends list operations, not the whole table. The view
//! counts the searches it handled, so you can see the debounce at work.

use golivekit::{component, html, BaseComponent, Component, Context, HandlerResult, LiveEvent, Renderer};

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

/// What the search field sends.
#[derive(LiveEvent)]
enum Msg {
    /// `search`: the field's whole `value`, once typing pauses.
    Search {
        #[event(default)]
        value: String,
    },
}

#[component]
impl Component for Search {
    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        let q = self.assigns().get_string("q").to_lowercase();
        let hits: Vec<_> = self.rows.iter().filter(|(_, label)| label.contains(q.as_str())).collect();
        let searches = self.assigns().get_int("searches");
        html! {
            <div data-live-view="search" class="search">
                <h1>"Search"</h1>
                <input name="q" type="search" lv-input={Msg::Search} lv-debounce="200"
                    placeholder="Try “river” or “bold”" autocomplete="off">
                <p>
                    <span slot:count>{hits.len()}</span> " of " {self.rows.len()} " rows · searches handled: "
                    <span slot:searches>{searches}</span>
                </p>
                <ul class="results" data-list="results">
                    for (id, label) in &hits key = format!("r{id}") {
                        <li>{label}</li>
                    }
                </ul>
                <p><a href="/">"← All examples"</a></p>
            </div>
        }
        .into()
    }

    async fn handle_event(&mut self, _ctx: &Context, msg: Msg) -> HandlerResult {
        match msg {
            Msg::Search { value } => {
                let q: String = value.trim().chars().take(100).collect();
                self.assigns().set("q", q);
                self.assigns().set("searches", self.assigns().get_int("searches") + 1);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use golivekit::testing::TestView;
    use golivekit::Payload;

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
