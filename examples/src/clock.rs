//! Clock: a view that changes with no input. Route: `/clock`.
//!
//! `mount` starts an interval with `ctx.send_interval(1 s, Tick)`; every tick arrives in
//! `handle_info`, which updates the assigns; the runtime renders, diffs and pushes the patch over
//! the window's channel. The interval belongs to the view: it stops when the view terminates.
//! `Pause` cancels it with `ctx.cancel`, `Resume` starts a new one.
//!
//! Written in the seed's style on purpose — a `RendererFunc` with a `write_html!` string template,
//! events matched as strings, `name` and `base` by hand — to show that style still works next to
//! `html!`, `#[derive(LiveEvent)]` and `#[component]`, which every other example uses.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use golivekit::{
    async_trait, write_html, BaseComponent, Component, Context, HandlerError, HandlerResult, Html, Info, Params,
    Payload, Renderer, RendererFunc, Session, TaskRef,
};

/// The clock's own messages: a typed enum, sent with `send_interval`, matched in `handle_info`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockMsg {
    /// One period has passed.
    Tick,
}

/// Shows the time (UTC) and how many ticks it has seen.
#[derive(Default)]
pub struct Clock {
    base: BaseComponent,
    timer: Option<TaskRef>,
}

/// The tick period.
pub const PERIOD: Duration = Duration::from_secs(1);

/// `HH:MM:SS` (UTC) of a Unix time in seconds.
pub fn hms(unix_secs: u64) -> String {
    let s = unix_secs % 86_400;
    format!("{:02}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
}

fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

#[async_trait]
impl Component for Clock {
    fn name(&self) -> &'static str {
        "clock"
    }

    fn base(&self) -> &BaseComponent {
        &self.base
    }

    async fn mount(&mut self, ctx: &Context, _params: &Params, _session: &Session) -> HandlerResult {
        self.assigns().set("time", hms(now()));
        self.assigns().set("ticks", 0);
        self.timer = ctx.send_interval(PERIOD, ClockMsg::Tick);
        Ok(())
    }

    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        let time = self.assigns().get_string("time");
        let ticks = self.assigns().get_int("ticks");
        let running = self.timer.is_some();
        RendererFunc(move |_ctx: &Context, w: &mut Html| {
            write_html!(
                w,
                r#"<div data-live-view="clock" class="clock">
  <h1>Clock</h1>
  <p class="time"><time data-slot="time">{}</time> <small>UTC</small></p>
  <p>Ticks seen: <span data-slot="ticks">{}</span></p>
  <button lv-click="{}" data-slot="toggle">{}</button>
  <p><a href="/">← All examples</a></p>
</div>"#,
                time,
                ticks,
                if running { "pause" } else { "resume" },
                if running { "Pause" } else { "Resume" }
            )
        })
        .into()
    }

    async fn handle_event(&mut self, ctx: &Context, event: &str, _payload: &Payload) -> HandlerResult {
        match event {
            "pause" => {
                if let Some(timer) = self.timer.take() {
                    ctx.cancel(timer);
                }
            }
            "resume" => {
                if self.timer.is_none() {
                    self.timer = ctx.send_interval(PERIOD, ClockMsg::Tick);
                }
            }
            other => return Err(HandlerError::unknown_event(other)),
        }
        Ok(())
    }

    async fn handle_info(&mut self, _ctx: &Context, msg: Info) -> HandlerResult {
        if let Some(ClockMsg::Tick) = msg.downcast_ref::<ClockMsg>() {
            self.assigns().set("time", hms(now()));
            self.assigns().set("ticks", self.assigns().get_int("ticks") + 1);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use golivekit::protocol::ServerMessage;
    use golivekit::testing::TestView;

    #[test]
    fn hms_formats_utc_time_of_day() {
        assert_eq!(hms(0), "00:00:00");
        assert_eq!(hms(86_400 + 3_600 + 62), "01:01:02");
    }

    #[tokio::test(start_paused = true)]
    async fn each_tick_pushes_a_patch_with_no_client_event() {
        let mut view = TestView::mount(Clock::default()).await.expect("mount");
        for want in 1..=3 {
            let msg = view.next_message().await.expect("tick patch");
            assert!(matches!(&msg, ServerMessage::Patch { v, .. } if *v == want), "{msg:?}");
        }
        assert_eq!(view.slot_text("ticks").as_deref(), Some("3"));
        view.terminate().await;
    }

    #[tokio::test(start_paused = true)]
    async fn pause_stops_the_ticks_and_resume_restarts_them() {
        let mut view = TestView::mount(Clock::default()).await.expect("mount");
        view.click("pause").await.expect("pause");
        assert_eq!(view.slot_text("toggle").as_deref(), Some("Resume"));
        tokio::time::sleep(PERIOD * 5).await;
        assert_eq!(view.slot_text("ticks").as_deref(), Some("0"));
        view.click("resume").await.expect("resume");
        view.next_message().await.expect("tick after resume");
        assert_eq!(view.slot_text("ticks").as_deref(), Some("1"));
        view.terminate().await;
    }
}
