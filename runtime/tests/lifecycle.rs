//! Behaviour of a view over its life: what runs, in which order, how often, and what a failing or
//! panicking callback does to it. A `Probe` component records every callback in a shared log.

use std::sync::{Arc, Mutex};

use golivekit::protocol::{EventRequest, ServerMessage};
use golivekit::testing::{apply_patch, normalize, Recorder, TestView};
use golivekit::{
    async_trait, write_html, BaseComponent, Component, Context, HandlerError, HandlerResult, Html, LiveRuntime, Params,
    Payload, Renderer, RendererFunc, Router, Session, TerminateReason,
};

type Log = Arc<Mutex<Vec<String>>>;

#[derive(Default)]
struct Probe {
    base: BaseComponent,
    log: Log,
}

impl Probe {
    fn with(log: &Log) -> Self {
        Probe { base: BaseComponent::default(), log: Arc::clone(log) }
    }
    fn note(&self, s: impl Into<String>) {
        self.log.lock().expect("log").push(s.into());
    }
}

#[async_trait]
impl Component for Probe {
    fn name(&self) -> &'static str {
        "probe"
    }
    fn base(&self) -> &BaseComponent {
        &self.base
    }
    async fn mount(&mut self, _: &Context, params: &Params, _: &Session) -> HandlerResult {
        self.note("mount");
        if params.get("panic") == Some("mount") {
            panic!("boom in mount");
        }
        self.assigns().set("n", 0);
        self.assigns().set("title", "T");
        Ok(())
    }
    fn render(&self, _: &Context) -> Renderer<'_> {
        self.note("render");
        let n = self.assigns().get_int("n");
        let title = self.assigns().get_string("title");
        let extra = self.assigns().get_string("extra");
        RendererFunc(move |_: &Context, w: &mut Html| {
            write_html!(
                w,
                r#"<div data-live-view="probe"><h1>{}</h1><span data-slot="n">{}</span><em data-slot="other">fixed</em><i data-slot="extra">{}</i></div>"#,
                title,
                n,
                extra
            )
        })
        .into()
    }
    async fn handle_event(&mut self, _: &Context, event: &str, payload: &Payload) -> HandlerResult {
        self.note(format!("event:{event}"));
        match event {
            "inc" => self.assigns().set("n", self.assigns().get_int("n") + 1),
            "title" => self.assigns().set("title", payload.get_str("to").unwrap_or("")),
            "extra" => self.assigns().set("extra", payload.get_str("to").unwrap_or("")),
            "noop" => {}
            "fail" => {
                self.assigns().set("n", 999);
                return Err(HandlerError::new("refused"));
            }
            "panic" => panic!("boom in handle_event"),
            "push" => self.socket().send("pinged", serde_json::json!({"n": 1})),
            "go" => self.socket().redirect("/other"),
            other => return Err(HandlerError::unknown_event(other)),
        }
        Ok(())
    }
    async fn terminate(&mut self, _: &Context, reason: TerminateReason) {
        self.note(format!("terminate:{reason:?}"));
    }
}

fn entries(log: &Log) -> Vec<String> {
    log.lock().expect("log").clone()
}

fn count(log: &Log, prefix: &str) -> usize {
    entries(log).iter().filter(|e| e.starts_with(prefix)).count()
}

#[tokio::test]
async fn lifecycle_runs_mount_render_event_render_terminate_in_order() {
    let log = Log::default();
    let mut view = TestView::mount(Probe::with(&log)).await.expect("mount");
    view.click("inc").await.expect("inc");
    view.terminate().await;
    assert_eq!(entries(&log), ["mount", "render", "event:inc", "render", "terminate:Normal"]);
}

#[tokio::test]
async fn terminate_runs_exactly_once_when_asked_twice() {
    let log = Log::default();
    let view = TestView::mount(Probe::with(&log)).await.expect("mount");
    let handle = view.handle().clone();
    handle.terminate(TerminateReason::Normal).await;
    handle.terminate(TerminateReason::Shutdown).await;
    assert_eq!(count(&log, "terminate"), 1);
    assert!(!handle.is_alive());
}

#[tokio::test]
async fn patch_holds_only_the_changed_slot() {
    let log = Log::default();
    let mut view = TestView::mount(Probe::with(&log)).await.expect("mount");
    let patch = view.click("inc").await.expect("inc").patch.expect("patch");
    assert_eq!(patch.s.keys().collect::<Vec<_>>(), ["n"]);
    assert!(patch.h.is_empty() && patch.f.is_none() && patch.a.is_empty());
    view.terminate().await;
}

#[tokio::test]
async fn event_that_changes_nothing_is_acked_without_a_patch() {
    let log = Log::default();
    let mut view = TestView::mount(Probe::with(&log)).await.expect("mount");
    let reply = view.click("noop").await.expect("noop");
    assert_eq!(reply.patch, None);
    assert_eq!(reply.v, 0);
    view.terminate().await;
}

#[tokio::test]
async fn event_error_gives_error_ack_and_no_render() {
    let log = Log::default();
    let mut view = TestView::mount(Probe::with(&log)).await.expect("mount");
    let err = view.click("fail").await.expect_err("fail");
    assert_eq!(err.code(), "handler_error");
    assert_eq!(count(&log, "render"), 1, "only the mount render ran");
    // The view lives on; the next render shows the assigns as they are now.
    let reply = view.click("inc").await.expect("inc after error");
    assert_eq!(reply.patch.expect("patch").s["n"], "1000");
    view.terminate().await;
}

#[tokio::test]
async fn change_outside_slots_reaches_the_page_as_f() {
    let log = Log::default();
    let mut view = TestView::mount(Probe::with(&log)).await.expect("mount");
    let payload: Payload = [("to", "New <title>")].into_iter().collect();
    let patch = view.event("title", payload).await.expect("title").patch.expect("patch");
    let f = patch.f.expect("f");
    assert!(f.contains("<h1>New &lt;title&gt;</h1>"), "{f}");
    view.terminate().await;
}

#[tokio::test]
async fn applying_each_patch_reproduces_the_fresh_render() {
    let log = Log::default();
    let mut view = TestView::mount(Probe::with(&log)).await.expect("mount");
    let steps: [(&str, Option<&str>); 5] =
        [("inc", None), ("title", Some("A & B")), ("extra", Some("<b>x</b>")), ("inc", None), ("extra", Some(""))];
    for (event, to) in steps {
        let before = view.html().to_owned();
        let payload: Payload = to.map(|t| ("to", t)).into_iter().collect();
        let reply = view.event(event, payload).await.expect("event");
        let fresh = view.handle().document().await.expect("render");
        let patched = apply_patch(&before, &reply.patch.expect("patch"));
        assert_eq!(normalize(&patched), normalize(&fresh), "after {event}");
    }
    view.terminate().await;
}

#[tokio::test]
async fn hostile_payload_text_never_becomes_markup() {
    let log = Log::default();
    let mut view = TestView::mount(Probe::with(&log)).await.expect("mount");
    let payload: Payload = [("to", r#"<img src=x onerror="alert(1)">"#)].into_iter().collect();
    let patch = view.event("extra", payload).await.expect("extra").patch.expect("patch");
    assert_eq!(patch.s["extra"], r#"<img src=x onerror="alert(1)">"#, "sent as text, applied as text");
    assert!(patch.h.is_empty());
    assert!(!view.html().contains("<img"));
    view.terminate().await;
}

#[tokio::test]
async fn events_are_handled_one_at_a_time_in_arrival_order() {
    let log = Log::default();
    let view = TestView::mount(Probe::with(&log)).await.expect("mount");
    let handle = view.handle().clone();
    let sends: Vec<_> = (0..50)
        .map(|i| {
            let h = handle.clone();
            // Queue all 50 without awaiting, then await the acks.
            let fut = async move { h.event(i, "inc".into(), Payload::default()).await };
            tokio::spawn(fut)
        })
        .collect();
    let mut versions = Vec::new();
    for s in sends {
        versions.push(s.await.expect("join").expect("ack").v);
    }
    versions.sort_unstable();
    assert_eq!(versions, (1..=50).collect::<Vec<u64>>(), "each event rendered once, v strictly increasing");
    assert_eq!(count(&log, "event:inc"), 50);
    view.terminate().await;
}

#[tokio::test]
async fn panic_in_handle_event_terminates_with_error_and_the_next_view_works() {
    let log = Log::default();
    let mut view = TestView::mount(Probe::with(&log)).await.expect("mount");
    let err = view.click("panic").await.expect_err("panic");
    assert_eq!(err.code(), "view_crashed");
    let terminates: Vec<_> = entries(&log).into_iter().filter(|e| e.starts_with("terminate")).collect();
    assert_eq!(terminates.len(), 1);
    assert!(terminates[0].starts_with("terminate:Error"), "{terminates:?}");
    assert!(view.messages().iter().any(|m| matches!(m, ServerMessage::Error { code, .. } if code == "view_crashed")));
    assert_eq!(view.click("inc").await.expect_err("dead view").code(), "view_closed");

    let log2 = Log::default();
    let mut next = TestView::mount(Probe::with(&log2)).await.expect("mount again");
    assert!(next.click("inc").await.expect("inc").patch.is_some());
    next.terminate().await;
}

#[tokio::test]
async fn panic_in_mount_is_a_typed_error_and_terminates_once() {
    let log = Log::default();
    let params = Params::from_query("/", "panic=mount");
    let err = TestView::mount_with(Probe::with(&log), params, Session::new()).await.err().expect("error");
    assert_eq!(err.code(), "view_crashed");
    assert_eq!(count(&log, "terminate:Error"), 1);
}

#[tokio::test]
async fn socket_send_before_connect_is_delivered_on_connect() {
    let log = Log::default();
    let mut view = TestView::mount(Probe::with(&log)).await.expect("mount");
    view.click("push").await.expect("push");
    view.click("go").await.expect("go");
    let msgs = view.messages();
    assert!(msgs.contains(&ServerMessage::Push { event: "pinged".into(), payload: serde_json::json!({"n": 1}) }));
    assert!(msgs.contains(&ServerMessage::Redirect { to: "/other".into() }));
    view.terminate().await;
}

fn runtime(log: &Log) -> LiveRuntime {
    let l = Arc::clone(log);
    LiveRuntime::new(Router::new().route("/", move || Probe::with(&l)).route("/p/:id", Probe::default))
}

#[tokio::test]
async fn navigating_a_window_terminates_its_view_with_navigate() {
    let log = Log::default();
    let rt = runtime(&log);
    let first = rt.document("main", "/", "").await;
    assert_eq!(first.status, 200);
    rt.document("main", "/p/7", "").await;
    assert_eq!(count(&log, "terminate:Navigate"), 1);
    assert_eq!(rt.live_views(), 1);
    rt.shutdown().await;
}

#[tokio::test]
async fn closing_a_window_terminates_only_its_views() {
    let log = Log::default();
    let rt = runtime(&log);
    rt.document("a", "/", "").await;
    let b = rt.document("b", "/", "").await;
    rt.close_window("a").await;
    assert_eq!(entries(&log).iter().filter(|e| *e == "terminate:Normal").count(), 1);
    let req = EventRequest::new(b.view_id.expect("id"), 1, "inc", Payload::default());
    assert!(rt.event("b", req).await.expect("b still works").patch.is_some());
    rt.shutdown().await;
    assert_eq!(count(&log, "terminate:Shutdown"), 1);
    assert_eq!(rt.live_views(), 0);
}

#[tokio::test]
async fn unknown_view_and_unknown_route_are_typed() {
    let log = Log::default();
    let rt = runtime(&log);
    let req = EventRequest::new("nope", 1, "inc", Payload::default());
    assert_eq!(rt.event("main", req).await.expect_err("unknown").code(), "unknown_view");
    let doc = rt.document("main", "/missing/<script>", "").await;
    assert_eq!(doc.status, 404);
    assert!(!doc.html.contains("<script>"));
    let sink: Arc<dyn golivekit::Outbound> = Arc::new(Recorder::default());
    assert_eq!(rt.connect("main", "nope", sink).await.expect_err("unknown").code(), "unknown_view");
}

#[tokio::test]
async fn document_root_carries_name_and_view_id() {
    let log = Log::default();
    let rt = runtime(&log);
    let doc = rt.document("main", "/", "").await;
    let id = doc.view_id.expect("id");
    assert!(doc.html.contains(&format!(r#"data-lv-id="{id}""#)));
    assert!(doc.html.contains(r#"data-live-view="probe""#));
    assert!(doc.html.starts_with("<!doctype html>"));
    rt.shutdown().await;
}
