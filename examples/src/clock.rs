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

use golivekit::native::Notification;
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
    /// `remind`: a desktop notification in [`REMIND_AFTER`].
    Remind,
}

/// The clock's own messages: a typed enum, sent with `send_interval`, matched in `handle_info`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockMsg {
    /// One period has passed.
    Tick,
    /// The reminder's time has come: a desktop notification says the time.
    Remind,
}

/// How long "Remind me" waits before the notification.
pub const REMIND_AFTER: Duration = Duration::from_secs(2);

/// The reminder notification's title (the e2e test looks for it).
pub const REMIND_TITLE: &str = "GoliveKit clock";

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
                " "
                <button id="remind" lv-click={Msg::Remind}>"Remind me in 2 s"</button>
                <p slot:reminder class="hint">{self.assigns().get_string("reminder")}</p>
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
            Msg::Remind => {
                ctx.send_after(REMIND_AFTER, ClockMsg::Remind);
                self.assigns().set("reminder", "A notification is on its way.");
            }
        }
        Ok(())
    }

    async fn handle_info(&mut self, ctx: &Context, msg: Info) -> HandlerResult {
        match msg.downcast_ref::<ClockMsg>() {
            Some(ClockMsg::Tick) => {
                self.assigns().set("time", hms(now()));
                self.assigns().set("ticks", self.assigns().get_int("ticks") + 1);
            }
            Some(ClockMsg::Remind) => {
                let note = Notification::new(REMIND_TITLE).body(format!("It is {} UTC.", hms(now())));
                let shown = match ctx.native() {
                    Ok(native) => native.notify(note).await,
                    Err(e) => Err(e),
                };
                // A system without notifications says so in the page; the clock goes on.
                let line = match shown {
                    Ok(()) => "Notified.".to_owned(),
                    Err(e) => format!("No notification: {e}"),
                };
                self.assigns().set("reminder", line);
            }
            None => {}
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
    async fn remind_notifies_after_two_seconds_and_says_so() {
        use golivekit::testing::{Asked, FakeNative};
        let native = FakeNative::new();
        let mut view = TestView::builder(Clock::default()).native(native.clone()).mount().await.expect("mount");
        view.click("pause").await.expect("pause the ticks");
        view.click("remind").await.expect("remind");
        assert!(native.asked().is_empty(), "not yet");
        view.next_message().await.expect("the reminder's patch");
        let asked = native.asked();
        assert!(matches!(&asked[..], [Asked::Notify(n)] if n.title == REMIND_TITLE), "{asked:?}");
        assert_eq!(view.slot_text("reminder").as_deref(), Some("Notified."));
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
