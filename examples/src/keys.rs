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
use golivekit::{component, html, BaseComponent, Component, Context, HandlerResult, LiveEvent, Renderer};

/// The cards the arrows move between.
pub const CARDS: [&str; 5] = ["One", "Two", "Three", "Four", "Five"];

/// Keyboard-driven view.
#[derive(Default)]
pub struct Keys {
    base: BaseComponent,
}

/// What the keyboard page sends.
#[derive(LiveEvent)]
enum Msg {
    /// `key`: any key pressed in the window.
    Key {
        #[event(default)]
        key: String,
    },
    /// `enter`: Enter in the field, with the field's `value`.
    Enter {
        #[event(default)]
        value: String,
    },
    /// `shortcut`: Ctrl+K anywhere in the window.
    Shortcut,
    /// `reset`: the Reset button, once confirmed.
    Reset,
    /// `focused`: the field got the focus.
    Focused,
    /// `blurred`: the field lost it.
    Blurred,
}

#[component]
impl Component for Keys {
    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        let a = self.assigns();
        let selected = a.get_as::<usize>("selected");
        html! {
            <div data-live-view="keys" class="keys" lv-window-keydown={Msg::Key}>
                <h1>"Keyboard"</h1>
                <p>
                    "Last key: " <kbd slot:last-key>{a.get_string("last_key")}</kbd>
                    " · press ← → to move, Esc to clear, Ctrl+K for a shortcut."
                </p>
                <p lv-window-keydown={Msg::Shortcut} lv-key="Ctrl+K" lv-value-combo="Ctrl+K">
                    "Shortcuts used: " <span slot:shortcuts>{a.get_int("shortcuts")}</span>
                </p>
                <ol class="cards" slot:cards>
                    for (i, card) in CARDS.iter().enumerate() {
                        <li class={if selected == Some(i) { "card selected" } else { "card" }}>{card}</li>
                    }
                </ol>
                <p>
                    <input id="entry" name="entry" placeholder="Type, then Enter" autocomplete="off"
                        lv-keydown={Msg::Enter} lv-key="Enter" lv-focus={Msg::Focused} lv-blur={Msg::Blurred}>
                    " Enters: " <span slot:enters>{a.get_int("enters")}</span>
                    " · last: " <q slot:entered>{a.get_string("entered")}</q>
                    " · field: " <span slot:focus>{a.get_string("focus")}</span>
                </p>
                <button id="help-button" lv-click={Js::new().toggle("#help").toggle_class("#help-button", ["active"])}>
                    "Help"
                </button>
                " "
                <button id="reset" lv-click={Msg::Reset} lv-confirm="Reset the counters?">"Reset"</button>
                <div id="help" class="help" hidden>
                    <p>"← → move between cards, Esc clears, Enter in the field sends it."</p>
                </div>
                <p><a href="/">"← All examples"</a></p>
            </div>
        }
        .into()
    }

    async fn handle_event(&mut self, _ctx: &Context, msg: Msg) -> HandlerResult {
        let a = self.assigns();
        match msg {
            Msg::Key { key } => {
                a.set("last_key", key.chars().take(20).collect::<String>());
                let current = a.get_as::<usize>("selected");
                match key.as_str() {
                    "ArrowRight" => a.set("selected", current.map_or(0, |i| (i + 1).min(CARDS.len() - 1))),
                    "ArrowLeft" => a.set("selected", current.map_or(0, |i| i.saturating_sub(1))),
                    "Escape" => {
                        a.delete("selected");
                    }
                    _ => {}
                }
            }
            Msg::Enter { value } => {
                a.set("enters", a.get_int("enters") + 1);
                a.set("entered", value.chars().take(100).collect::<String>());
            }
            Msg::Shortcut => a.set("shortcuts", a.get_int("shortcuts") + 1),
            Msg::Reset => {
                a.set("enters", 0);
                a.set("shortcuts", 0);
            }
            Msg::Focused => a.set("focus", "focused"),
            Msg::Blurred => a.set("focus", "blurred"),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use golivekit::testing::TestView;
    use golivekit::Payload;

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
