//! What the runtime benches share: a counter component with the shape of the examples' counter,
//! and a runtime serving it on `/counter`, with pages that drop what they are sent.
//!
//! Included by each bench with `mod support;` (benches are separate crates).

#![allow(dead_code)]

use std::sync::Arc;

use golivekit::testing::Discard;
use golivekit::{
    async_trait, write_html, BaseComponent, Component, Context, HandlerResult, Html, Info, LiveRuntime, Payload,
    Renderer, RendererFunc, Router,
};

/// The examples' counter, reduced to what costs: one assign, one slot, two buttons.
#[derive(Default)]
pub struct Counter {
    base: BaseComponent,
}

#[async_trait]
impl Component for Counter {
    fn name(&self) -> &'static str {
        "counter"
    }

    fn base(&self) -> &BaseComponent {
        &self.base
    }

    fn render(&self, _: &Context) -> Renderer<'_> {
        let n = self.assigns().get_int("count");
        RendererFunc(move |_: &Context, w: &mut Html| {
            write_html!(
                w,
                r#"<div data-live-view="counter" class="counter">
  <h1>Counter</h1>
  <p class="count">Count: <span data-slot="count">{}</span></p>
  <button lv-click="decrement" aria-label="decrement">−</button>
  <button lv-click="increment" aria-label="increment">+</button>
</div>"#,
                n
            )
        })
        .into()
    }

    async fn handle_event(&mut self, _: &Context, event: &str, _: &Payload) -> HandlerResult {
        let n = self.assigns().get_int("count");
        match event {
            "increment" => self.assigns().set("count", n + 1),
            "decrement" => self.assigns().set("count", n - 1),
            _ => {} // "noop": nothing changes, nothing is sent
        }
        Ok(())
    }

    /// Any info message counts one up (a timer tick, a PubSub message).
    async fn handle_info(&mut self, _: &Context, _: Info) -> HandlerResult {
        self.assigns().set("count", self.assigns().get_int("count") + 1);
        Ok(())
    }
}

/// A runtime serving [`Counter`] on `/counter`.
pub fn runtime() -> LiveRuntime {
    LiveRuntime::new(Router::new().route("/counter", Counter::default))
}

/// A connected page of one view, sending events the way the bridge does (its page id and
/// strictly increasing refs).
pub struct Page {
    /// The window the page is in.
    pub window: String,
    /// The view id.
    pub id: String,
    page: golivekit::protocol::PageId,
    next_ref: std::sync::atomic::AtomicU64,
}

impl Page {
    /// The next event this page sends.
    pub fn request(&self, event: &str) -> golivekit::protocol::EventRequest {
        let reference = self.next_ref.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        let mut req = golivekit::protocol::EventRequest::new(&self.id, reference, event, Payload::default());
        req.page = Some(self.page);
        req
    }
}

/// Mounts a counter in `window` (its document) and connects a [`Discard`] page.
pub async fn mount_connected(runtime: &LiveRuntime, window: &str) -> Page {
    let doc = runtime.document(window, "/counter", "").await;
    let id = doc.view_id.expect("the counter mounts");
    let page = runtime.connect(window, &id, Arc::new(Discard)).await.expect("the view connects").page;
    Page { window: window.into(), id, page, next_ref: Default::default() }
}
