//! A `Worker` component for behaviour tests: its params choose which background work `mount`
//! starts, and it notes every callback in a shared log.

#![allow(dead_code)] // each test file uses a different part

use std::sync::{Arc, Mutex};
use std::time::Duration;

use golivekit::{
    async_trait, write_html, BaseComponent, Component, Context, HandlerError, HandlerResult, Html, Info, LiveRuntime,
    Params, Payload, Renderer, RendererFunc, Router, Session, TerminateReason, Topic,
};

pub type Log = Arc<Mutex<Vec<String>>>;

/// The chat topic the worker subscribes to with `?sub`.
pub const LOBBY: Topic<String> = Topic::new("lobby");

/// Messages the worker sends itself.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Tick,
    Later,
    Done(u64),
    Boom,
    Seq(u32),
}

#[derive(Default)]
pub struct Worker {
    base: BaseComponent,
    log: Log,
}

impl Worker {
    pub fn with(log: &Log) -> Self {
        Worker { base: BaseComponent::default(), log: Arc::clone(log) }
    }
    fn note(&self, s: impl Into<String>) {
        self.log.lock().expect("log").push(s.into());
    }
}

#[async_trait]
impl Component for Worker {
    fn name(&self) -> &'static str {
        "worker"
    }
    fn base(&self) -> &BaseComponent {
        &self.base
    }
    async fn mount(&mut self, ctx: &Context, params: &Params, session: &Session) -> HandlerResult {
        self.note(format!("mount:{}", params.get("id").unwrap_or("-")));
        if let Some(theme) = session.get_as::<String>("theme") {
            self.note(format!("session:{theme}"));
        }
        if params.get("panic") == Some("mount") {
            panic!("boom in mount");
        }
        if let Some(ms) = params.get_as::<u64>("every") {
            ctx.send_interval(Duration::from_millis(ms), Msg::Tick);
        }
        if let Some(ms) = params.get_as::<u64>("after") {
            ctx.send_after(Duration::from_millis(ms), Msg::Later);
        }
        if let Some(ms) = params.get_as::<u64>("work") {
            ctx.spawn(async move {
                tokio::time::sleep(Duration::from_millis(ms)).await;
                Msg::Done(ms)
            });
        }
        if params.get("forever").is_some() {
            ctx.spawn(std::future::pending::<()>());
        }
        if params.get("sub").is_some() {
            ctx.subscribe(&LOBBY);
        }
        if let Some(ms) = params.get_as::<i64>("slow_end") {
            self.assigns().set("slow_end", ms);
        }
        self.assigns().set("n", 0);
        Ok(())
    }
    fn render(&self, _: &Context) -> Renderer<'_> {
        if self.assigns().get_bool("panic_render") {
            panic!("boom in render");
        }
        let n = self.assigns().get_int("n");
        let last = self.assigns().get_string("last");
        RendererFunc(move |_: &Context, w: &mut Html| {
            write_html!(
                w,
                r#"<div data-live-view="worker"><b data-slot="n">{}</b><i data-slot="last">{}</i></div>"#,
                n,
                last
            )
        })
        .into()
    }
    async fn handle_event(&mut self, ctx: &Context, event: &str, payload: &Payload) -> HandlerResult {
        self.note(format!("event:{event}"));
        match event {
            "inc" => self.assigns().set("n", self.assigns().get_int("n") + 1),
            "say" => {
                let text = payload.get_str("text").unwrap_or("").to_owned();
                ctx.pubsub().broadcast(&LOBBY, text);
            }
            "go" => self.socket().redirect("/w/target"),
            "panic" => panic!("boom in handle_event"),
            "panic_render" => self.assigns().set("panic_render", true),
            other => return Err(HandlerError::unknown_event(other)),
        }
        Ok(())
    }
    async fn handle_info(&mut self, _: &Context, msg: Info) -> HandlerResult {
        let msg = match msg.downcast::<Msg>() {
            Ok(m) => m,
            Err(other) => match other.downcast::<String>() {
                Ok(line) => {
                    self.note(format!("line:{line}"));
                    self.assigns().set("last", line);
                    return Ok(());
                }
                Err(_) => {
                    self.note("info:unknown");
                    return Ok(());
                }
            },
        };
        self.note(format!("info:{msg:?}"));
        match msg {
            Msg::Boom => panic!("boom in handle_info"),
            Msg::Seq(i) => {
                // Yield in the middle: a concurrent message would interleave here.
                tokio::time::sleep(Duration::from_micros(u64::from(i % 3) * 200)).await;
                self.note(format!("info-end:{i}"));
            }
            _ => {}
        }
        self.assigns().set("n", self.assigns().get_int("n") + 1);
        Ok(())
    }
    async fn terminate(&mut self, _: &Context, reason: TerminateReason) {
        self.note(format!("terminate:{reason:?}"));
        // `?slow_end=ms`: async cleanup (saving a file) that takes a while.
        let ms = self.assigns().get_int("slow_end");
        if ms > 0 {
            tokio::time::sleep(Duration::from_millis(ms as u64)).await;
            self.note(format!("terminate-done:{reason:?}"));
        }
    }
}

pub fn entries(log: &Log) -> Vec<String> {
    log.lock().expect("log").clone()
}

pub fn count(log: &Log, prefix: &str) -> usize {
    entries(log).iter().filter(|e| e.starts_with(prefix)).count()
}

/// A runtime serving the worker at `/` and `/w/:id`.
pub fn runtime(log: &Log) -> LiveRuntime {
    let (a, b) = (Arc::clone(log), Arc::clone(log));
    LiveRuntime::new(Router::new().route("/", move || Worker::with(&a)).route("/w/:id", move || Worker::with(&b)))
}

/// Polls `cond` for at most five seconds; returns whether it became true. (A bounded wait for
/// asynchronous effects, not a timing assertion.)
pub async fn eventually(cond: impl Fn() -> bool) -> bool {
    for _ in 0..500 {
        if cond() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    cond()
}
