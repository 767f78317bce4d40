//! Events arrive once, from the right page, and a page never waits for a version it cannot get:
//! duplicates (Tauri re-sending a command after a reload) are acknowledged but not run, events
//! from outside the bridge reach the connected page too, a window reaches only its own views,
//! and `resync` hands a page the whole root.

mod common;

use std::sync::Arc;

use common::{count, runtime, Log};
use golivekit::protocol::{EventRequest, ServerMessage};
use golivekit::testing::{apply_patch, Recorder};
use golivekit::{Outbound, Payload};

fn from_page(view: &str, page: u64, reference: u64, event: &str) -> EventRequest {
    let mut req = EventRequest::new(view, reference, event, Payload::default());
    req.page = Some(page);
    req
}

#[tokio::test]
async fn an_event_sent_twice_by_a_page_is_applied_once() {
    let log = Log::default();
    let rt = runtime(&log);
    let id = rt.document("main", "/", "").await.view_id.expect("id");
    let page = rt.connect("main", &id, Arc::new(Recorder::default())).await.expect("connect").page;
    let first = rt.event("main", from_page(&id, page, 1, "inc")).await.expect("first");
    assert_eq!((first.v, first.patch.is_some()), (1, true));
    let again = rt.event("main", from_page(&id, page, 1, "inc")).await.expect("the duplicate is acknowledged");
    assert_eq!((again.reference, again.v, again.patch), (1, 1, None), "acknowledged, nothing applied");
    let older = rt.event("main", from_page(&id, page, 0, "inc")).await.expect("an older ref too");
    assert!(older.patch.is_none());
    assert_eq!(count(&log, "event:inc"), 1, "the handler ran once");
    let next = rt.event("main", from_page(&id, page, 2, "inc")).await.expect("the next ref runs");
    assert_eq!(next.v, 2);
    assert_eq!(count(&log, "event:inc"), 2);
    rt.shutdown().await;
}

#[tokio::test]
async fn an_event_re_sent_after_a_reload_is_applied_once_and_reaches_the_new_page() {
    let log = Log::default();
    let rt = runtime(&log);
    let id = rt.document("main", "/", "").await.view_id.expect("id");
    let old = rt.connect("main", &id, Arc::new(Recorder::default())).await.expect("connect").page;
    rt.event("main", from_page(&id, old, 1, "inc")).await.expect("inc");
    // The user reloads while the old page's second click is in flight.
    let doc = rt.document("main", "/", "").await;
    let new_page = Recorder::default();
    let connected = rt.connect("main", &id, Arc::new(new_page.clone())).await.expect("connect");
    assert_ne!(connected.page, old);
    // The in-flight click lands late, then Tauri sends it again.
    let late = rt.event("main", from_page(&id, old, 2, "inc")).await.expect("the late original runs");
    let resent = rt.event("main", from_page(&id, old, 2, "inc")).await.expect("the re-send is acknowledged");
    assert_eq!(count(&log, "event:inc"), 2, "one reload, two clicks, two increments");
    assert!(resent.patch.is_none());
    // The new page did not send the late click, so its patch came over the channel.
    assert!(new_page.wait_for(|m| m.iter().any(|m| matches!(m, ServerMessage::Patch { v, .. } if *v == late.v))).await);
    let root = doc.html.split("<body>").nth(1).unwrap_or(&doc.html).to_owned();
    let mut shown = root;
    for m in new_page.messages() {
        if let ServerMessage::Patch { patch, .. } = m {
            shown = apply_patch(&shown, &patch);
        }
    }
    assert!(shown.contains(r#"<b data-slot="n">2</b>"#), "{shown}");
    rt.shutdown().await;
}

#[tokio::test]
async fn an_event_from_outside_the_bridge_also_patches_the_connected_page() {
    let log = Log::default();
    let rt = runtime(&log);
    let id = rt.document("main", "/", "").await.view_id.expect("id");
    let page = Recorder::default();
    let connected = rt.connect("main", &id, Arc::new(page.clone())).await.expect("connect");
    let outside = rt.event("main", EventRequest::new(&id, 1, "inc", Payload::default())).await.expect("outside");
    assert_eq!(outside.v, connected.v + 1);
    assert!(page.wait_for(|m| matches!(m, [ServerMessage::Patch { v: 1, .. }])).await, "{:?}", page.messages());
    // The page's own next click follows on from v1, with nothing missing.
    let own = rt.event("main", from_page(&id, connected.page, 1, "inc")).await.expect("own");
    assert_eq!(own.v, 2);
    assert_eq!(page.messages().len(), 1, "the page's own reply is not pushed twice");
    rt.shutdown().await;
}

#[tokio::test]
async fn an_event_naming_a_page_the_view_never_had_is_unknown_page() {
    let log = Log::default();
    let rt = runtime(&log);
    let id = rt.document("main", "/", "").await.view_id.expect("id");
    let err = rt.event("main", from_page(&id, 99, 1, "inc")).await.expect_err("refused");
    assert_eq!(err.code(), "unknown_page");
    assert_eq!(count(&log, "event:"), 0);
    rt.shutdown().await;
}

#[tokio::test]
async fn a_window_cannot_reach_another_windows_view() {
    let log = Log::default();
    let rt = runtime(&log);
    let theirs = rt.document("a", "/", "").await.view_id.expect("a");
    let sink: Arc<dyn Outbound> = Arc::new(Recorder::default());
    assert_eq!(rt.connect("b", &theirs, Arc::clone(&sink)).await.expect_err("connect").code(), "unknown_view");
    let req = EventRequest::new(&theirs, 1, "inc", Payload::default());
    assert_eq!(rt.event("b", req).await.expect_err("event").code(), "unknown_view");
    assert_eq!(rt.resync("b", &theirs).await.expect_err("resync").code(), "unknown_view");
    assert_eq!(rt.leave("b", &theirs).await.expect_err("leave").code(), "unknown_view");
    assert_eq!(count(&log, "event:"), 0);
    assert_eq!(count(&log, "terminate:"), 0, "the view lives on");
    assert_eq!(rt.live_views(), 1);
    rt.leave("a", &theirs).await.expect("its own window may leave it");
    assert_eq!(count(&log, "terminate:Normal"), 1);
}

#[tokio::test]
async fn view_ids_are_not_sequential_or_repeated_across_runtimes() {
    let log = Log::default();
    let (one, two) = (runtime(&log), runtime(&log));
    let a = one.document("w", "/", "").await.view_id.expect("a");
    let b = one.document("x", "/", "").await.view_id.expect("b");
    let c = two.document("w", "/", "").await.view_id.expect("c");
    for id in [&a, &b, &c] {
        assert!(id.starts_with("lv-") && id.len() == 19, "{id}");
    }
    assert_ne!(a, c, "another app's first view has another id");
    assert_ne!(a, b);
    one.shutdown().await;
    two.shutdown().await;
}

#[tokio::test]
async fn resync_hands_the_page_the_whole_root_at_the_current_version() {
    let log = Log::default();
    let rt = runtime(&log);
    let doc = rt.document("main", "/", "").await;
    let id = doc.view_id.expect("id");
    rt.connect("main", &id, Arc::new(Recorder::default())).await.expect("connect");
    for _ in 0..3 {
        rt.event("main", EventRequest::new(&id, 1, "inc", Payload::default())).await.expect("inc");
    }
    let reply = rt.resync("main", &id).await.expect("resync");
    assert_eq!((reply.v, reply.patch.v), (3, 3));
    assert!(reply.patch.f.as_deref().is_some_and(|f| f.contains(r#"<b data-slot="n">3</b>"#)), "{:?}", reply.patch);
    assert_eq!(reply.patch.r.get("data-lv-id"), Some(&Some(id.clone())));
    // A page that saw none of the three patches ends where the view is.
    let stale = r#"<div data-live-view="worker"><b data-slot="n">0</b><i data-slot="last"></i></div>"#;
    assert!(apply_patch(stale, &reply.patch).contains(r#"<b data-slot="n">3</b>"#));
    assert_eq!(rt.resync("main", &id).await.expect("again").v, 3, "resync changes no version");
    rt.shutdown().await;
}

#[tokio::test]
async fn the_runtime_counts_the_events_that_reach_a_view() {
    let log = Log::default();
    let rt = runtime(&log);
    let id = rt.document("main", "/", "").await.view_id.expect("id");
    assert_eq!(rt.view_stats(&id).expect("stats").events, 0);
    rt.event("main", EventRequest::new(&id, 1, "inc", Payload::default())).await.expect("inc");
    let _ = rt.event("main", EventRequest::new(&id, 2, "nope", Payload::default())).await;
    assert_eq!(rt.view_stats(&id).expect("stats").events, 2, "refused events count too: they reached the view");
    assert_eq!(rt.view_stats("lv-missing").expect_err("unknown").code(), "unknown_view");
    rt.shutdown().await;
}
