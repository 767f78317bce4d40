//! Crash: what a panic does — and does not do. Route: `/crash`.
//!
//! `Panic` makes `handle_event` panic. The runtime catches it: this view terminates with
//! `TerminateReason::Error`, the panic is logged, and this window shows the error document with a
//! Reload action (Reload mounts a fresh view). Every other view and window keeps working: open a
//! counter window first with `Open a counter window`, then panic here, and keep counting there.

use golivekit::{
    component, html, BaseComponent, Component, Context, HandlerError, HandlerResult, LiveEvent, Renderer,
    TerminateReason, WindowOptions,
};

/// What the crash page's buttons send.
#[derive(LiveEvent)]
enum Msg {
    /// `panic`: the handler panics.
    Panic,
    /// `open_counter`: open a counter in a window of its own.
    OpenCounter,
}

/// A view with a panic button.
#[derive(Default)]
pub struct Crash {
    base: BaseComponent,
}

#[component]
impl Component for Crash {
    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        html! {
            <div data-live-view="crash" class="crash">
                <h1>"Crash"</h1>
                <p>"A panic in a handler ends this view only. The app, and every other window, keeps running."</p>
                <button lv-click={Msg::OpenCounter}>"Open a counter window"</button>
                " "
                <button lv-click={Msg::Panic} class="danger">"Panic"</button>
                <p><a href="/">"← All examples"</a></p>
            </div>
        }
        .into()
    }

    async fn handle_event(&mut self, _ctx: &Context, msg: Msg) -> HandlerResult {
        match msg {
            Msg::Panic => panic!("the Panic button was pressed"),
            Msg::OpenCounter => {
                self.socket()
                    .open_window_with("/counter", &WindowOptions::new().title("Counter"))
                    .map_err(|e| HandlerError::with_code(e.code(), e.to_string()))?;
            }
        }
        Ok(())
    }

    async fn terminate(&mut self, ctx: &Context, reason: TerminateReason) {
        tracing::info!(view = ctx.view_id(), ?reason, "crash example terminated");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use golivekit::testing::TestView;

    #[tokio::test]
    async fn panic_button_ends_the_view_with_a_typed_error() {
        let mut view = TestView::mount(Crash::default()).await.expect("mount");
        let err = view.click("panic").await.expect_err("panic");
        assert_eq!(err.code(), "view_crashed");
        assert!(err.to_string().contains("the Panic button was pressed"), "{err}");
        assert!(!view.handle().is_alive());
    }
}
