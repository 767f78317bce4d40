//! Crash: what a panic does — and does not do. Route: `/crash`.
//!
//! `Panic` makes `handle_event` panic. The runtime catches it: this view terminates with
//! `TerminateReason::Error`, the panic is logged, and this window shows the error document with a
//! Reload action (Reload mounts a fresh view). Every other view and window keeps working: open a
//! counter window first with `Open a counter window`, then panic here, and keep counting there.

use golivekit::{
    async_trait, BaseComponent, Component, Context, HandlerError, HandlerResult, Html, Payload, Renderer, RendererFunc,
    TerminateReason, WindowOptions,
};

/// A view with a panic button.
#[derive(Default)]
pub struct Crash {
    base: BaseComponent,
}

#[async_trait]
impl Component for Crash {
    fn name(&self) -> &'static str {
        "crash"
    }

    fn base(&self) -> &BaseComponent {
        &self.base
    }

    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        RendererFunc(|_ctx: &Context, w: &mut Html| {
            w.raw(
                r#"<div data-live-view="crash" class="crash">
  <h1>Crash</h1>
  <p>A panic in a handler ends this view only. The app, and every other window, keeps running.</p>
  <button lv-click="open_counter">Open a counter window</button>
  <button lv-click="panic" class="danger">Panic</button>
  <p><a href="/">← All examples</a></p>
</div>"#,
            );
            Ok(())
        })
        .into()
    }

    async fn handle_event(&mut self, _ctx: &Context, event: &str, _payload: &Payload) -> HandlerResult {
        match event {
            "panic" => panic!("the Panic button was pressed"),
            "open_counter" => {
                self.socket()
                    .open_window_with("/counter", &WindowOptions::new().title("Counter"))
                    .map_err(|e| HandlerError::with_code(e.code(), e.to_string()))?;
            }
            other => return Err(HandlerError::unknown_event(other)),
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
