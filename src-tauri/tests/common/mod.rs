//! Shared by the plugin's test binaries: a component that records how each of its views ended.

use std::sync::Mutex;

use golivekit::{async_trait, BaseComponent, Component, Context, Html, Renderer, RendererFunc, TerminateReason};

/// `(window, reason)` for every view that ended, in order (one log per test binary).
pub static ENDED: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());

/// A view that renders one slot and records its `terminate`.
#[derive(Default)]
pub struct Probe {
    base: BaseComponent,
}

#[async_trait]
impl Component for Probe {
    fn name(&self) -> &'static str {
        "probe"
    }
    fn base(&self) -> &BaseComponent {
        &self.base
    }
    fn render(&self, _: &Context) -> Renderer<'_> {
        RendererFunc(|_: &Context, w: &mut Html| {
            w.raw(r#"<div data-live-view="probe"><span data-slot="s">live</span></div>"#);
            Ok(())
        })
        .into()
    }
    async fn terminate(&mut self, ctx: &Context, reason: TerminateReason) {
        ENDED.lock().expect("log").push((ctx.window().to_owned(), format!("{reason:?}")));
    }
}

/// A copy of the log.
pub fn ended() -> Vec<(String, String)> {
    ENDED.lock().expect("log").clone()
}
