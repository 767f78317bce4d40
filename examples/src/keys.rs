//! Keyboard shortcuts, focus and client-side commands. Route: `/keys`.
//!
//! - `lv-window-keydown="key"` on the root: every key press in the window reaches the view as
//!   `{key}`; `←`/`→` move the selection, `Escape` clears it.
//! - `lv-window-keydown="shortcut" lv-key="Ctrl+K"`: a desktop shortcut; only that combination
//!   is sent (`Mod+K` would mean Cmd on macOS, Ctrl elsewhere).
//! - `lv-keydown="enter" lv-key="Enter"` on a field: only Enter is sent (with the field's value);
//!   other keys stay in the page.
//! - `lv-focus` / `lv-blur` tell the view where the user is.
//! - Reset asks first (`lv-confirm`): declining the dialog sends nothing.
//! - The Help button runs a [`Js`] command (`toggle("#help")`): it shows and hides the help with no
//!   round trip to the view.

use golivekit::js::Js;
use golivekit::{
    async_trait, write_html, BaseComponent, Component, Context, HandlerError, HandlerResult, Html, Payload, Renderer,
    RendererFunc,
};

/// The cards the arrows move between.
pub const CARDS: [&str; 5] = ["One", "Two", "Three", "Four", "Five"];

/// Keyboard-driven view.
#[derive(Default)]
pub struct Keys {
    base: BaseComponent,
}

#[async_trait]
impl Component for Keys {
    fn name(&self) -> &'static str {
        "keys"
    }

    fn base(&self) -> &BaseComponent {
        &self.base
    }

    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        RendererFunc(move |_ctx: &Context, w: &mut Html| {
            let a = self.assigns();
            let selected = a.get_as::<usize>("selected");
            write_html!(
                w,
                r#"<div data-live-view="keys" class="keys" lv-window-keydown="key">
  <h1>Keyboard</h1>
  <p>Last key: <kbd data-slot="last-key">{}</kbd> · press ← → to move, Esc to clear, Ctrl+K for a shortcut.</p>
  <p lv-window-keydown="shortcut" lv-key="Ctrl+K" lv-value-combo="Ctrl+K">Shortcuts used: <span data-slot="shortcuts">{}</span></p>
  <ol class="cards" data-slot="cards">"#,
                a.get_string("last_key"),
                a.get_int("shortcuts")
            )?;
            for (i, card) in CARDS.iter().enumerate() {
                let class = if selected == Some(i) { "card selected" } else { "card" };
                write_html!(w, r#"<li class="{}">{}</li>"#, class, card)?;
            }
            write_html!(
                w,
                r#"</ol>
  <p><input id="entry" name="entry" placeholder="Type, then Enter" autocomplete="off" lv-keydown="enter" lv-key="Enter" lv-focus="focused" lv-blur="blurred">
     Enters: <span data-slot="enters">{}</span> · last: <q data-slot="entered">{}</q> · field: <span data-slot="focus">{}</span></p>
  <button id="help-button" lv-click="{}">Help</button>
  <button id="reset" lv-click="reset" lv-confirm="Reset the counters?">Reset</button>
  <div id="help" class="help" hidden><p>← → move between cards, Esc clears, Enter in the field sends it.</p></div>
  <p><a href="/">← All examples</a></p>
</div>"#,
                a.get_int("enters"),
                a.get_string("entered"),
                a.get_string("focus"),
                Js::new().toggle("#help").toggle_class("#help-button", ["active"])
            )
        })
        .into()
    }

    async fn handle_event(&mut self, _ctx: &Context, event: &str, payload: &Payload) -> HandlerResult {
        let a = self.assigns();
        match event {
            "key" => {
                let key = payload.get_str("key").unwrap_or("");
                a.set("last_key", key.chars().take(20).collect::<String>());
                let current = a.get_as::<usize>("selected");
                match key {
                    "ArrowRight" => a.set("selected", current.map_or(0, |i| (i + 1).min(CARDS.len() - 1))),
                    "ArrowLeft" => a.set("selected", current.map_or(0, |i| i.saturating_sub(1))),
                    "Escape" => {
                        a.delete("selected");
                    }
                    _ => {}
                }
            }
            "enter" => {
                a.set("enters", a.get_int("enters") + 1);
                a.set("entered", payload.get_str("value").unwrap_or("").chars().take(100).collect::<String>());
            }
            "shortcut" => a.set("shortcuts", a.get_int("shortcuts") + 1),
            "reset" => {
                a.set("enters", 0);
                a.set("shortcuts", 0);
            }
            "focused" => a.set("focus", "focused"),
            "blurred" => a.set("focus", "blurred"),
            other => return Err(HandlerError::unknown_event(other)),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use golivekit::testing::TestView;

    fn key(k: &str) -> Payload {
        [("key", k)].into_iter().collect()
    }

    #[tokio::test]
    async fn arrows_move_the_selection_and_escape_clears_it() {
        let mut view = TestView::mount(Keys::default()).await.expect("mount");
        for k in ["ArrowRight", "ArrowRight", "ArrowLeft", "ArrowRight", "ArrowRight"] {
            view.event("key", key(k)).await.expect("key");
        }
        assert!(view.html().contains(r#"<li class="card selected">Three</li>"#), "{}", view.html());
        view.event("key", key("Escape")).await.expect("esc");
        assert!(!view.html().contains("selected"));
        assert_eq!(view.slot_text("last-key").as_deref(), Some("Escape"));
        view.terminate().await;
    }

    #[tokio::test]
    async fn help_is_toggled_by_a_client_side_command() {
        let view = TestView::mount(Keys::default()).await.expect("mount");
        assert!(
            view.html().contains("lv-click=\"[[&quot;toggle&quot;,{&quot;to&quot;:&quot;#help&quot;}]"),
            "{}",
            view.html()
        );
        view.terminate().await;
    }
}
