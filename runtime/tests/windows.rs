//! Views and windows: reloads keep the live instance, navigation ends it with `Navigate`, a crash
//! gives its window the error document, every way a view can end runs `terminate` exactly once,
//! components open windows through the app shell, and params and the session reach `mount`.

mod common;

use std::sync::{Arc, Mutex};

use common::{count, entries, eventually, runtime, Log, Msg};
use golivekit::protocol::{EventRequest, ServerMessage};
use golivekit::shell::{Shell, WindowOptions};
use golivekit::testing::Recorder;
use golivekit::{Info, LiveRuntime, Payload, Session};

async fn click(rt: &LiveRuntime, view: &str, event: &str) -> golivekit::Result<golivekit::protocol::EventReply> {
    click_in(rt, "main", view, event).await
}

async fn click_in(
    rt: &LiveRuntime,
    window: &str,
    view: &str,
    event: &str,
) -> golivekit::Result<golivekit::protocol::EventReply> {
    rt.event(window, EventRequest::new(view, 1, event, Payload::default())).await
}

#[tokio::test]
async fn reload_of_the_same_route_rerenders_the_live_instance() {
    let log = Log::default();
    let rt = runtime(&log);
    let first = rt.document("main", "/w/1", "x=1").await;
    let id = first.view_id.expect("id");
    for _ in 0..3 {
        click(&rt, &id, "inc").await.expect("inc");
    }
    let again = rt.document("main", "/w/1", "x=1").await;
    assert_eq!(again.status, 200);
    assert_eq!(again.view_id.as_deref(), Some(id.as_str()), "same instance");
    assert!(again.html.contains(r#"<b data-slot="n">3</b>"#), "state kept: {}", again.html);
    assert_eq!(count(&log, "mount:"), 1, "no second mount");
    assert_eq!(count(&log, "terminate:"), 0, "no terminate");
    rt.shutdown().await;
}

#[tokio::test]
async fn a_reloaded_page_connects_at_the_version_its_document_shows() {
    let log = Log::default();
    let rt = runtime(&log);
    let id = rt.document("main", "/", "").await.view_id.expect("id");
    let old_page = Recorder::default();
    let connected = rt.connect("main", &id, Arc::new(old_page.clone())).await.expect("connect");
    assert_eq!(connected.v, 0);
    let mut inc = EventRequest::new(&id, 1, "inc", Payload::default());
    inc.page = Some(connected.page);
    assert_eq!(rt.event("main", inc).await.expect("inc").v, 1);

    rt.document("main", "/", "").await; // reload: the document shows v1
    rt.info(&id, Info::new(Msg::Tick)).expect("tick"); // v2, made before the new page connects
    assert!(eventually(|| count(&log, "info:Tick") == 1).await);
    let new_page = Recorder::default();
    assert_eq!(rt.connect("main", &id, Arc::new(new_page.clone())).await.expect("connect").v, 1);
    assert!(new_page.wait_for(|m| matches!(m, [ServerMessage::Patch { v: 2, .. }])).await, "{:?}", new_page.messages());
    assert!(old_page.messages().is_empty(), "the old page got nothing after the reload");
    rt.shutdown().await;
}

#[tokio::test]
async fn another_route_or_query_in_the_window_terminates_with_navigate() {
    let log = Log::default();
    let rt = runtime(&log);
    rt.document("main", "/w/1", "").await;
    rt.document("main", "/w/1", "tab=2").await;
    rt.document("main", "/w/2", "").await;
    assert_eq!(count(&log, "mount:"), 3);
    assert_eq!(entries(&log).iter().filter(|e| *e == "terminate:Navigate").count(), 2);
    assert_eq!(rt.live_views(), 1);
    rt.shutdown().await;
}

#[tokio::test]
async fn a_crashed_view_gives_its_window_the_error_document_once() {
    let log = Log::default();
    let rt = runtime(&log);
    let other = rt.document("other", "/", "").await.view_id.expect("other");
    let id = rt.document("main", "/", "").await.view_id.expect("id");
    assert_eq!(click(&rt, &id, "panic").await.expect_err("crash").code(), "view_crashed");

    let doc = rt.document("main", "/", "").await;
    assert_eq!(doc.status, 500);
    assert!(doc.html.contains("boom in handle_event") && doc.html.contains("data-lv-reload"), "{}", doc.html);
    let fresh = rt.document("main", "/", "").await;
    assert_eq!(fresh.status, 200, "Reload mounts a fresh view");
    assert_ne!(fresh.view_id.as_deref(), Some(id.as_str()));
    assert!(click_in(&rt, "other", &other, "inc").await.expect("the other window still works").patch.is_some());
    rt.shutdown().await;
}

#[tokio::test]
async fn terminate_runs_exactly_once_for_each_way_a_view_ends() {
    type End = fn(&LiveRuntime, String) -> futures::future::BoxFuture<'_, ()>;
    let ways: [(&str, &str, End, &str); 8] = [
        ("window closed", "", |rt, _| Box::pin(rt.close_window("w")), "terminate:Normal"),
        (
            "page left",
            "",
            |rt, id| Box::pin(async move { rt.leave("w", &id).await.expect("leave") }),
            "terminate:Normal",
        ),
        (
            "navigation",
            "",
            |rt, _| {
                Box::pin(async move {
                    rt.document("w", "/w/next", "").await;
                })
            },
            "terminate:Navigate",
        ),
        ("app quit", "", |rt, _| Box::pin(rt.shutdown()), "terminate:Shutdown"),
        (
            "panic in handle_event",
            "",
            |rt, id| {
                Box::pin(async move {
                    click_in(rt, "w", &id, "panic").await.expect_err("panic");
                })
            },
            "terminate:Error",
        ),
        (
            "panic in render",
            "",
            |rt, id| {
                Box::pin(async move {
                    click_in(rt, "w", &id, "panic_render").await.expect_err("panic");
                })
            },
            "terminate:Error",
        ),
        (
            "panic in handle_info",
            "",
            |rt, id| {
                Box::pin(async move {
                    rt.info(&id, Info::new(Msg::Boom)).expect("queued");
                })
            },
            "terminate:Error",
        ),
        ("panic in mount", "panic=mount", |_, _| Box::pin(async {}), "terminate:Error"),
    ];
    for (way, query, end, expected) in ways {
        let log = Log::default();
        let rt = runtime(&log);
        let doc = rt.document("w", "/", query).await;
        end(&rt, doc.view_id.clone().unwrap_or_default()).await;
        assert!(eventually(|| count(&log, "terminate:") >= 1).await, "{way}: terminate ran");
        // Everything else that could end it again.
        if let Some(id) = &doc.view_id {
            let _ = rt.leave("w", id).await;
            let _ = click_in(&rt, "w", id, "inc").await;
        }
        rt.document("w", "/w/elsewhere", "").await;
        rt.close_window("w").await;
        rt.shutdown().await;
        let first_view: Vec<String> = entries(&log)
            .into_iter()
            .skip_while(|e| !e.starts_with("mount:-"))
            .take_while(|e| !e.starts_with("mount:next") && !e.starts_with("mount:elsewhere"))
            .filter(|e| e.starts_with("terminate:"))
            .collect();
        assert_eq!(first_view.len(), 1, "{way}: {:?}", entries(&log));
        assert!(first_view[0].starts_with(expected), "{way}: {first_view:?}");
    }
}

#[derive(Default)]
struct FakeShell(Mutex<Vec<(String, Option<String>)>>);

impl Shell for FakeShell {
    fn open_window(&self, path: &str, options: &WindowOptions) -> golivekit::Result<String> {
        let mut opened = self.0.lock().expect("shell");
        opened.push((path.to_owned(), options.title.clone()));
        Ok(format!("window-{}", opened.len()))
    }
}

#[tokio::test]
async fn windows_open_through_the_app_shell_and_have_their_own_views() {
    let log = Log::default();
    let rt = runtime(&log);
    assert_eq!(rt.open_window("/w/2", &WindowOptions::new()).expect_err("no shell yet").code(), "window_unavailable");
    let shell = Arc::new(FakeShell::default());
    rt.set_shell(shell.clone());
    let label = rt.open_window("/w/2", &WindowOptions::new().title("Two")).expect("open");
    assert_eq!(label, "window-1");
    assert_eq!(
        rt.open_window("https://example.com", &WindowOptions::new()).expect_err("not a route").code(),
        "window_unavailable"
    );
    assert_eq!(shell.0.lock().expect("shell").as_slice(), &[("/w/2".to_owned(), Some("Two".to_owned()))]);

    rt.document("main", "/w/1", "").await;
    rt.document(&label, "/w/2", "").await;
    assert_eq!((rt.views_in("main").len(), rt.views_in(&label).len()), (1, 1));
    rt.close_window(&label).await;
    assert_eq!((rt.views_in("main").len(), rt.views_in(&label).len()), (1, 0));
    rt.shutdown().await;
}

#[tokio::test]
async fn route_params_query_params_and_the_session_reach_mount() {
    let log = Log::default();
    let session = Session::new();
    let rt = runtime(&log).with_session(session.clone());
    session.set("theme", "dark"); // set after the runtime was built: the session is shared
    rt.document("main", "/w/42", "id=ignored&q=1").await;
    assert_eq!(entries(&log)[..2], ["mount:42".to_owned(), "session:dark".to_owned()], "the route param wins");
    rt.document("second", "/", "id=7").await;
    assert!(entries(&log).contains(&"mount:7".to_owned()));
    assert_eq!(count(&log, "session:dark"), 2, "every window sees the session");
    rt.shutdown().await;
}

#[tokio::test]
async fn a_redirect_terminates_the_old_view_once_and_mounts_the_target_once() {
    let log = Log::default();
    let rt = runtime(&log);
    let id = rt.document("main", "/", "").await.view_id.expect("id");
    let page = Recorder::default();
    rt.connect("main", &id, Arc::new(page.clone())).await.expect("connect");
    click(&rt, &id, "go").await.expect("go");
    assert!(page.wait_for(|m| m.contains(&ServerMessage::Redirect { to: "/w/target".into() })).await);
    // The page follows the redirect: its window requests the target's document.
    let target = rt.document("main", "/w/target", "").await;
    assert_eq!(target.status, 200);
    assert_eq!(entries(&log), ["mount:-", "event:go", "terminate:Navigate", "mount:target"]);
    rt.shutdown().await;
}
