//! Chat: two windows talking over PubSub. Route: `/chat?name=Ann`.
//!
//! Every chat view subscribes to the [`LOBBY`] topic in `mount`. Sending a line (`lv-submit`)
//! broadcasts it on the app's PubSub; each subscribed view — in this window or any other — gets
//! it in `handle_info` and patches its list. `New window` opens another chat window through the
//! socket (`socket.open_window("/chat?name=…")`). Closing a window ends its view and its
//! subscription; the others keep talking.

use golivekit::{
    component, html, BaseComponent, Component, Context, HandlerError, HandlerResult, Info, LiveEvent, Params, Renderer,
    Session, Topic, WindowOptions,
};
use serde::{Deserialize, Serialize};

/// One chat line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatLine {
    /// Who wrote it.
    pub from: String,
    /// What they wrote (plain text: always escaped when rendered).
    pub text: String,
}

/// The room every chat window joins.
pub const LOBBY: Topic<ChatLine> = Topic::new("chat:lobby");

/// Lines a view keeps.
pub const KEEP: usize = 50;

/// Longest line accepted, in characters.
pub const MAX_LINE: usize = 500;

/// A chat window.
#[derive(Default)]
pub struct Chat {
    base: BaseComponent,
    lines: Vec<ChatLine>,
}

/// What the chat page sends.
#[derive(LiveEvent)]
enum Msg {
    /// `say`: the form's `text`.
    Say {
        #[event(default)]
        text: String,
    },
    /// `new_window`: open another chat window.
    NewWindow,
}

#[component]
impl Component for Chat {
    async fn mount(&mut self, ctx: &Context, params: &Params, _session: &Session) -> HandlerResult {
        let name = params.get("name").map(str::trim).filter(|n| !n.is_empty()).unwrap_or("Ann");
        self.assigns().set("name", name.chars().take(40).collect::<String>());
        ctx.subscribe(&LOBBY);
        Ok(())
    }

    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        let name = self.assigns().get_string("name");
        let windows = self.assigns().get_int("windows");
        html! {
            <div data-live-view="chat" class="chat">
                <h1>"Chat " <small>"as " <span slot:name>{name}</span></small></h1>
                <ul class="lines" slot:lines>
                    for line in &self.lines {
                        <li><b>{line.from}</b> ": " <span class="text">{line.text}</span></li>
                    }
                </ul>
                <form lv-submit={Msg::Say} class="say">
                    <input name="text" autocomplete="off" placeholder="Say something" value="">
                    " "
                    <button>"Send"</button>
                </form>
                <p>
                    <button lv-click={Msg::NewWindow} class="secondary">"New window"</button>
                    " "
                    <span slot:windows>if windows > 0 { {windows} " opened" }</span>
                </p>
                <p><a href="/">"← All examples"</a></p>
            </div>
        }
        .into()
    }

    async fn handle_event(&mut self, ctx: &Context, msg: Msg) -> HandlerResult {
        match msg {
            Msg::Say { text } => {
                let text = text.trim();
                if text.is_empty() {
                    return Ok(());
                }
                if text.chars().count() > MAX_LINE {
                    return Err(HandlerError::with_code(
                        "line_too_long",
                        format!("lines are at most {MAX_LINE} characters"),
                    ));
                }
                let line = ChatLine { from: self.assigns().get_string("name"), text: text.to_owned() };
                ctx.pubsub().broadcast(&LOBBY, line);
            }
            Msg::NewWindow => {
                let n = self.assigns().get_int("windows") + 1;
                let guest = format!("Guest {n}");
                let path = format!("/chat?name={}", guest.replace(' ', "+"));
                self.socket()
                    .open_window_with(&path, &WindowOptions::new().title(format!("Chat — {guest}")))
                    .map_err(|e| HandlerError::with_code(e.code(), e.to_string()))?;
                self.assigns().set("windows", n);
            }
        }
        Ok(())
    }

    async fn handle_info(&mut self, _ctx: &Context, msg: Info) -> HandlerResult {
        if let Some(line) = msg.downcast_ref::<ChatLine>() {
            self.lines.push(line.clone());
            if self.lines.len() > KEEP {
                self.lines.remove(0);
            }
            self.assigns().set("lines", self.lines.len()); // marks the view changed
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use golivekit::Payload;
    use golivekit::{LiveRuntime, Router};

    #[tokio::test]
    async fn a_line_said_in_one_window_reaches_every_chat_window() {
        let rt = LiveRuntime::new(Router::new().route("/chat", Chat::default));
        let ann = rt.document("a", "/chat", "name=Ann").await.view_id.expect("ann");
        rt.document("b", "/chat", "name=Bo").await;
        let payload: Payload = [("text", "<b>hi</b> & bye")].into_iter().collect();
        let req = golivekit::protocol::EventRequest::new(ann, 1, "say", payload);
        rt.event("a", req).await.expect("say");
        let mut shown = String::new();
        for _ in 0..200 {
            shown = rt.document("b", "/chat", "name=Bo").await.html; // a reload shows the live view
            if shown.contains("Ann") && shown.contains("bye") {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        assert!(shown.contains("<b>Ann</b>: <span class=\"text\">&lt;b&gt;hi&lt;/b&gt; &amp; bye</span>"), "{shown}");
        rt.shutdown().await;
        assert_eq!(rt.pubsub().subscriptions(), 0);
    }

    #[tokio::test]
    async fn new_window_without_a_shell_is_a_typed_error() {
        let mut view = golivekit::testing::TestView::mount(Chat::default()).await.expect("mount");
        let err = view.click("new_window").await.expect_err("no shell in tests");
        assert_eq!(err.code(), "window_unavailable");
        view.terminate().await;
    }
}
