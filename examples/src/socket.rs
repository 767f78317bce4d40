//! Socket: a component talking to its page without being asked. Route: `/socket`.
//!
//! `Ping` makes the view call `socket.send("pong", {"n": n})`: the page receives a DOM
//! `CustomEvent` named `lv:pong` on the root (listen with `addEventListener("lv:pong", …)`), and
//! every hook of the view that asked for it with `this.handleEvent("pong", fn)` — here `PongHook`
//! (in the demo app's `assets/examples.js`) writes it into its element. `Go to the counter` calls `socket.redirect("/counter")`: the window loads
//! that route, this view terminates with `Navigate` and the counter is mounted fresh.

use golivekit::{component, html, BaseComponent, Component, Context, HandlerResult, LiveEvent, Renderer};
use serde_json::json;

/// What the socket page's buttons send.
#[derive(LiveEvent)]
enum Msg {
    /// `ping`: push a `pong` to the page.
    Ping,
    /// `go_counter`: redirect the window to the counter.
    GoCounter,
}

/// Pushes and redirects on demand.
#[derive(Default)]
pub struct SocketDemo {
    base: BaseComponent,
}

#[component(name = "socket")]
impl Component for SocketDemo {
    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        let pings = self.assigns().get_int("pings");
        html! {
            <div data-live-view="socket" class="socket">
                <h1>"Socket"</h1>
                <p>"Pongs pushed to this page: " <strong slot:pings>{pings}</strong></p>
                <p lv-hook="PongHook" id="pong-hook">"No pong yet"</p>
                <button lv-click={Msg::Ping}>"Ping"</button>
                " "
                <button lv-click={Msg::GoCounter}>"Go to the counter"</button>
                <p><a href="/">"← All examples"</a></p>
            </div>
        }
        .into()
    }

    async fn handle_event(&mut self, _ctx: &Context, msg: Msg) -> HandlerResult {
        match msg {
            Msg::Ping => {
                let n = self.assigns().get_int("pings") + 1;
                self.assigns().set("pings", n);
                self.socket().send("pong", json!({ "n": n }));
            }
            Msg::GoCounter => self.socket().redirect("/counter"),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use golivekit::protocol::ServerMessage;
    use golivekit::testing::TestView;

    #[tokio::test]
    async fn ping_pushes_pong_with_the_count() {
        let mut view = TestView::mount(SocketDemo::default()).await.expect("mount");
        view.click("ping").await.expect("ping");
        view.click("ping").await.expect("ping");
        let pushes: Vec<_> = view.messages().into_iter().filter(|m| matches!(m, ServerMessage::Push { .. })).collect();
        assert_eq!(pushes.last(), Some(&ServerMessage::Push { event: "pong".into(), payload: json!({"n": 2}) }));
        assert_eq!(view.slot_text("pings").as_deref(), Some("2"));
        view.terminate().await;
    }

    #[tokio::test]
    async fn go_counter_redirects_and_renders_nothing_new() {
        let mut view = TestView::mount(SocketDemo::default()).await.expect("mount");
        let reply = view.click("go_counter").await.expect("go");
        assert!(reply.patch.is_none());
        assert!(view.messages().contains(&ServerMessage::Redirect { to: "/counter".into() }));
        view.terminate().await;
    }
}
