use golivekit::{component, html, BaseComponent, Component, Context, HandlerResult, Renderer};

struct NotAnEvent;

#[derive(Default)]
struct Counter {
    base: BaseComponent,
}

#[component]
impl Component for Counter {
    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        html! { <div data-live-view="counter"></div> }.into()
    }

    async fn handle_event(&mut self, _ctx: &Context, _msg: NotAnEvent) -> HandlerResult {
        Ok(())
    }
}

fn main() {}
