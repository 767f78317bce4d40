//! Clock: a view that changes with no input. Route: `/clock`.
//!
//! `mount` starts an interval with `ctx.send_interval(1 s, Tick)`; every tick arrives in
//! `handle_info`, which updates the assigns; the runtime renders, diffs and pushes the patch over
//! the window's channel. The interval belongs to the view: it stops when the view terminates.
//! `Pause` cancels it with `ctx.cancel`, `Resume` starts a new one.
//!
//! The one example in the seed's style — a `RendererFunc` with a `write_html!` string template,
//! events matched as strings, `name` and `base` by hand — is the seed's counter itself, kept in
//! `examples/tests/seed_counter.rs` and shown in the README.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use golivekit::{
    component, html, BaseComponent, Component, Context, HandlerResult, Info, LiveEvent, Params, Renderer, Session,
    TaskRef,
};

/// The clock's buttons.
#[derive(LiveEvent)]
enum Msg {
    /// `pause`: stop the interval.
    Pause,
    /// `resume`: start it again.
    Resume,
}

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

#[component]
impl Component for Clock {
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
        html! {
            <div data-live-view="clock" class="clock">
                <h1>"Clock"</h1>
                <p class="time"><time slot:time>{time}</time> " " <small>"UTC"</small></p>
                <p>"Ticks seen: " <span slot:ticks>{ticks}</span></p>
                if running {
                    <button lv-click={Msg::Pause} slot:toggle>"Pause"</button>
                } else {
                    <button lv-click={Msg::Resume} slot:toggle>"Resume"</button>
                }
                <p><a href="/">"← All examples"</a></p>
            </div>
        }
        .into()
    }

    async fn handle_event(&mut self, ctx: &Context, msg: Msg) -> HandlerResult {
        match msg {
            Msg::Pause => {
                if let Some(timer) = self.timer.take() {
                    ctx.cancel(timer);
                }
            }
            Msg::Resume => {
                if self.timer.is_none() {
                    self.timer = ctx.send_interval(PERIOD, ClockMsg::Tick);
                }
            }
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
