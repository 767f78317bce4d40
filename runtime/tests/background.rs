//! Server-side work of a view: timers, intervals, async tasks and PubSub. Each arrives in
//! `handle_info` through the view's one mailbox, becomes a channel patch in `v` order, and stops
//! when the view terminates.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{count, entries, eventually, runtime, Log, Msg, LOBBY};
use golivekit::protocol::{EventRequest, ServerMessage};
use golivekit::testing::{Recorder, TestView};
use golivekit::{Info, Params, Payload, Session};

async fn worker(log: &Log, query: &str) -> TestView {
    TestView::mount_with(common::Worker::with(log), Params::from_query("/", query), Session::new())
        .await
        .expect("mount")
}

fn patch_versions(msgs: &[ServerMessage]) -> Vec<u64> {
    msgs.iter().filter_map(|m| if let ServerMessage::Patch { v, .. } = m { Some(*v) } else { None }).collect()
}

#[tokio::test]
async fn messages_are_handled_strictly_in_arrival_order() {
    let log = Log::default();
    let mut view = worker(&log, "").await;
    let mut expected = Vec::new();
    for i in 0..60u32 {
        if i % 4 == 3 {
            view.click("inc").await.expect("event");
            expected.push("event:inc".to_owned());
        } else {
            view.info(Info::new(Msg::Seq(i))).expect("queued");
            expected.push(format!("info:Seq({i})"));
            expected.push(format!("info-end:{i}"));
        }
    }
    assert!(eventually(|| count(&log, "info-end") == 45).await);
    let handled: Vec<String> =
        entries(&log).into_iter().filter(|e| e.starts_with("info") || e.starts_with("event")).collect();
    assert_eq!(handled, expected, "one message at a time, in the order they arrived");
    view.terminate().await;
}

#[tokio::test]
async fn info_patches_and_event_replies_share_one_gapless_version_sequence() {
    let log = Log::default();
    let mut view = worker(&log, "every=2").await;
    let mut versions = Vec::new();
    for _ in 0..10 {
        versions.push(view.click("inc").await.expect("event").v);
    }
    assert!(view.handle().is_alive());
    view.handle().terminate(golivekit::TerminateReason::Normal).await;
    versions.extend(patch_versions(&view.messages()));
    versions.sort_unstable();
    let expected: Vec<u64> = (1..=versions.len() as u64).collect();
    assert_eq!(versions, expected, "every render that changed something got the next v, none twice");
}

#[tokio::test]
async fn interval_pushes_patches_without_any_client_event() {
    let log = Log::default();
    let mut view = worker(&log, "every=5").await;
    for want in 1..=3 {
        let msg = view.next_message().await.expect("a tick patch");
        assert!(matches!(msg, ServerMessage::Patch { v, .. } if v == want), "{msg:?}");
    }
    assert_eq!(view.slot_text("n").as_deref(), Some("3"));
    view.terminate().await;
}

#[tokio::test]
async fn send_after_and_spawned_work_arrive_once_as_info() {
    let log = Log::default();
    let mut view = worker(&log, "after=5&work=10").await;
    view.next_message().await.expect("first");
    view.next_message().await.expect("second");
    assert_eq!(count(&log, "info:Later"), 1);
    assert_eq!(count(&log, "info:Done(10)"), 1);
    view.terminate().await;
}

#[tokio::test]
async fn timers_and_async_work_stop_after_terminate() {
    let log = Log::default();
    let rt = runtime(&log);
    let doc = rt.document("main", "/", "every=3&after=40&work=40&forever").await;
    assert!(doc.view_id.is_some());
    assert!(eventually(|| count(&log, "info:Tick") >= 2).await, "the interval runs");
    assert_eq!(rt.task_stats().live(), 4);
    rt.close_window("main").await;
    let at_terminate = entries(&log).len();
    assert!(eventually(|| rt.task_stats().live() == 0).await, "all four tasks end");
    tokio::time::sleep(Duration::from_millis(100)).await; // past every timer's deadline
    let log_now = entries(&log);
    assert_eq!(log_now.len(), at_terminate, "nothing after terminate: {:?}", &log_now[at_terminate - 1..]);
    assert_eq!(log_now.last().map(String::as_str), Some("terminate:Normal"));
}

#[tokio::test]
async fn thousand_mount_terminate_cycles_return_tasks_and_subscriptions_to_baseline() {
    let log = Log::default();
    let rt = runtime(&log);
    let (tasks, subs) = (rt.task_stats().live(), rt.pubsub().subscriptions());
    for i in 0..1000 {
        // Alternate the ways a view ends: navigation to another route, window close, leave.
        let doc = rt.document("w", &format!("/w/{i}"), "every=1&after=1000&forever&sub").await;
        match i % 3 {
            0 => {}
            1 => rt.close_window("w").await,
            _ => rt.leave("w", &doc.view_id.expect("id")).await.expect("leave"),
        }
    }
    rt.close_window("w").await;
    assert!(eventually(|| rt.task_stats().live() == tasks).await, "live tasks: {}", rt.task_stats().live());
    assert_eq!(rt.pubsub().subscriptions(), subs);
    assert_eq!(rt.live_views(), 0);
    assert_eq!(count(&log, "mount:"), 1000);
    assert_eq!(count(&log, "terminate:"), 1000);
}

#[tokio::test]
async fn broadcast_reaches_every_subscribed_view_in_every_window() {
    let log = Log::default();
    let rt = runtime(&log);
    let a = rt.document("a", "/w/a", "sub").await.view_id.expect("a");
    let b = rt.document("b", "/w/b", "sub").await.view_id.expect("b");
    let _quiet = rt.document("c", "/w/c", "").await.view_id.expect("c");
    let (ra, rb) = (Recorder::default(), Recorder::default());
    let page_a = rt.connect("a", &a, Arc::new(ra.clone())).await.expect("connect a").page;
    rt.connect("b", &b, Arc::new(rb.clone())).await.expect("connect b");

    let payload: Payload = [("text", "hello <b>")].into_iter().collect();
    let mut req = EventRequest::new(&a, 1, "say", payload);
    req.page = Some(page_a);
    rt.event("a", req).await.expect("say");
    let got_line = |r: &Recorder| {
        let r = r.clone();
        move |m: &[ServerMessage]| {
            m.iter().any(|m| matches!(m, ServerMessage::Patch { patch, .. } if patch.s.get("last").map(String::as_str) == Some("hello <b>")))
                && !r.messages().is_empty()
        }
    };
    assert!(ra.wait_for(got_line(&ra)).await, "the sender's own window");
    assert!(rb.wait_for(got_line(&rb)).await, "the other window");
    assert_eq!(count(&log, "line:hello <b>"), 2, "the unsubscribed view got nothing");

    // App code (a background task) broadcasts too.
    let pubsub = rt.pubsub().clone();
    tokio::spawn(async move { pubsub.broadcast(&LOBBY, "from the app".to_owned()) }).await.expect("task");
    assert!(eventually(|| count(&log, "line:from the app") == 2).await);
    rt.shutdown().await;
    assert_eq!(rt.pubsub().subscriptions(), 0);
}

#[tokio::test]
async fn broadcast_to_a_topic_nobody_listens_to_is_dropped() {
    let log = Log::default();
    let rt = runtime(&log);
    rt.document("a", "/", "").await;
    assert_eq!(rt.pubsub().broadcast(&golivekit::Topic::<String>::new("nobody"), "x".into()), 0);
    assert_eq!(rt.pubsub().broadcast(&golivekit::Topic::<u32>::new("lobby"), 7), 0, "no subscriber: dropped");
    rt.shutdown().await;
}

#[tokio::test]
async fn a_subscriber_of_another_message_type_is_skipped() {
    let log = Log::default();
    let rt = runtime(&log);
    rt.document("a", "/", "sub").await;
    let wrong = golivekit::Topic::<u32>::named("lobby");
    assert_eq!(rt.pubsub().broadcast(&wrong, 7), 0, "typed topic: a String subscriber never sees a u32");
    assert_eq!(rt.pubsub().broadcast(&LOBBY, "ok".into()), 1);
    assert!(eventually(|| count(&log, "line:ok") == 1).await);
    assert_eq!(count(&log, "info:unknown"), 0);
    rt.shutdown().await;
}

#[tokio::test]
async fn a_message_for_a_dead_view_is_a_typed_error() {
    let log = Log::default();
    let rt = runtime(&log);
    let id = rt.document("a", "/", "").await.view_id.expect("id");
    rt.info(&id, Info::new(Msg::Tick)).expect("live view takes it");
    rt.close_window("a").await;
    assert_eq!(rt.info(&id, Info::new(Msg::Tick)).expect_err("dead").code(), "unknown_view");
    assert_eq!(rt.info("never", Info::new(Msg::Tick)).expect_err("unknown").code(), "unknown_view");
}

#[tokio::test]
async fn panic_in_handle_info_terminates_with_error_and_the_next_view_works() {
    let log = Log::default();
    let mut view = worker(&log, "").await;
    view.info(Info::new(Msg::Boom)).expect("queued");
    let msg = view.next_message().await.expect("error message");
    assert!(
        matches!(&msg, ServerMessage::Error { code, message } if code == "view_crashed" && message.contains("handle_info")),
        "{msg:?}"
    );
    assert!(eventually(|| count(&log, "terminate:") == 1).await);
    assert!(entries(&log).iter().any(|e| e.starts_with("terminate:Error")));
    assert_eq!(view.info(Info::new(Msg::Tick)).expect_err("dead").code(), "view_closed");

    let mut next = worker(&Log::default(), "").await;
    assert!(next.click("inc").await.expect("inc").patch.is_some());
    next.terminate().await;
}

#[tokio::test]
async fn a_page_that_connects_late_gets_one_catch_up_patch() {
    let log = Log::default();
    let rt = runtime(&log);
    let doc = rt.document("main", "/", "").await;
    let id = doc.view_id.expect("id");
    for _ in 0..5 {
        rt.info(&id, Info::new(Msg::Tick)).expect("tick");
    }
    assert!(eventually(|| count(&log, "info:Tick") == 5).await);
    let page = Recorder::default();
    let reply = rt.connect("main", &id, Arc::new(page.clone())).await.expect("connect");
    // The five ticks were queued together, so they were rendered once (v1); however many renders
    // there were, the page is told it is one patch behind and gets that one patch.
    assert_eq!(reply.v, 0, "the page is told it is one patch behind");
    let msgs = page.messages();
    let [ServerMessage::Patch { v: 1, patch }] = msgs.as_slice() else { panic!("one patch numbered 1: {msgs:?}") };
    let start = doc.html.find("<div data-live-view").expect("root in the document");
    let end = doc.html.rfind("</body>").expect("body end");
    let caught_up = golivekit::testing::apply_patch(&doc.html[start..end], patch);
    assert!(caught_up.contains(r#"<b data-slot="n">5</b>"#), "{caught_up}");
    rt.info(&id, Info::new(Msg::Tick)).expect("tick");
    assert!(page.wait_for(|m| m.len() == 2 && matches!(m[1], ServerMessage::Patch { v: 2, .. })).await);
    rt.shutdown().await;
}

#[tokio::test]
async fn a_burst_of_queued_infos_is_rendered_once_per_batch() {
    let log = Log::default();
    let mut view = worker(&log, "").await;
    for _ in 0..100 {
        view.info(Info::new(Msg::Tick)).expect("queued");
    }
    let mut versions = Vec::new();
    while view.slot_text("n").as_deref() != Some("100") {
        match view.next_message().await.expect("a patch") {
            ServerMessage::Patch { v, .. } => versions.push(v),
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(count(&log, "info:Tick"), 100, "every message is handled");
    let batches = 100usize.div_ceil(golivekit::view::COALESCE_INFOS) as u64;
    assert_eq!(versions, (1..=batches).collect::<Vec<_>>(), "one render per batch, not one per message");
    view.terminate().await;
}

#[tokio::test]
async fn an_event_queued_behind_a_burst_runs_after_the_burst_is_rendered() {
    let log = Log::default();
    let mut view = worker(&log, "").await;
    for _ in 0..5 {
        view.info(Info::new(Msg::Tick)).expect("queued");
    }
    let reply = view.click("inc").await.expect("event");
    assert_eq!(reply.v, 2, "the burst's patch is v1, the event's reply v2");
    assert_eq!(reply.patch.expect("a patch").s["n"], "6");
    let handled: Vec<String> =
        entries(&log).into_iter().filter(|e| e.starts_with("info") || e.starts_with("event")).collect();
    let mut expected = vec!["info:Tick".to_owned(); 5];
    expected.push("event:inc".into());
    assert_eq!(handled, expected);
    view.terminate().await;
}
