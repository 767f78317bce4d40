//! App services and native dialogs as a component sees them: typed app-wide state registered at
//! start and reached through `Context`, a missing one being a typed error; native dialogs awaited
//! in handlers through `ctx.native()`, with a `FakeNative` standing in for the shell.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use golivekit::native::{FileDialog, MessageDialog, MessageKind};
use golivekit::protocol::EventRequest;
use golivekit::testing::{Asked, FakeNative, TestView};
use golivekit::{
    async_trait, write_html, BaseComponent, Component, Context, Error, HandlerResult, Html, LiveRuntime, Params,
    Payload, Renderer, RendererFunc, Router, Session,
};

/// An app-wide service: a visit counter shared by every view.
#[derive(Default)]
struct Visits(AtomicU64);

/// Another service nobody registers.
struct Database;

/// Counts a visit at mount and shows it; `db` asks for the database, `native` for a dialog.
#[derive(Default)]
struct Visitor {
    base: BaseComponent,
    visit: u64,
    shown: String,
}

#[async_trait]
impl Component for Visitor {
    fn name(&self) -> &'static str {
        "visitor"
    }
    fn base(&self) -> &BaseComponent {
        &self.base
    }
    async fn mount(&mut self, ctx: &Context, _: &Params, _: &Session) -> HandlerResult {
        self.visit = ctx.service::<Visits>()?.0.fetch_add(1, Ordering::SeqCst) + 1;
        Ok(())
    }
    fn render(&self, _: &Context) -> Renderer<'_> {
        RendererFunc(move |_: &Context, w: &mut Html| {
            write_html!(
                w,
                r#"<div data-live-view="visitor"><span data-slot="visit">{}</span><span data-slot="shown">{}</span></div>"#,
                self.visit,
                self.shown
            )
        })
        .into()
    }
    async fn handle_event(&mut self, ctx: &Context, event: &str, _: &Payload) -> HandlerResult {
        match event {
            "db" => {
                ctx.service::<Database>()?;
            }
            "open" => {
                let dialog = FileDialog::new().title("Open a note").filter("Notes", &["md"]);
                self.shown = match ctx.native()?.open_file(dialog).await? {
                    Some(path) => path.display().to_string(),
                    None => "cancelled".into(),
                };
            }
            "open_many" => {
                let paths = ctx.native()?.open_files(FileDialog::new()).await?;
                self.shown = paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(",");
            }
            "save" => {
                let path = ctx.native()?.save_file(FileDialog::new().default_path("/tmp/out.txt")).await?;
                self.shown = path.map_or("cancelled".into(), |p| p.display().to_string());
            }
            "delete" => {
                let dialog = MessageDialog::new("Delete?").kind(MessageKind::Warning);
                self.shown = ctx.native()?.confirm(dialog).await?.to_string();
            }
            _ => {}
        }
        Ok(())
    }
}

fn with_visits() -> golivekit::testing::TestViewBuilder<Visitor> {
    TestView::builder(Visitor::default()).service(Visits::default())
}

#[tokio::test]
async fn a_component_reads_a_service_registered_with_the_runtime() {
    let rt = LiveRuntime::new(Router::new().route("/", Visitor::default)).with_service(Visits::default());
    let doc = rt.document("main", "/", "").await;
    assert_eq!(doc.status, 200, "{}", doc.html);
    assert!(doc.html.contains(r#"<span data-slot="visit">1</span>"#), "{}", doc.html);
    rt.shutdown().await;
}

#[tokio::test]
async fn every_view_of_the_app_shares_one_service_value() {
    let rt = LiveRuntime::new(Router::new().route("/", Visitor::default)).with_service(Visits::default());
    rt.document("a", "/", "").await;
    let b = rt.document("b", "/", "").await;
    assert!(b.html.contains(r#"<span data-slot="visit">2</span>"#), "{}", b.html);
    assert_eq!(rt.service::<Visits>().expect("registered").0.load(Ordering::SeqCst), 2);
    rt.shutdown().await;
}

#[tokio::test]
async fn a_service_registered_after_start_reaches_views_mounted_later() {
    let rt = Arc::new(LiveRuntime::new(Router::new().route("/", Visitor::default)));
    assert_eq!(rt.document("a", "/", "").await.status, 500, "mount fails without the service");
    rt.set_service(Visits::default());
    assert_eq!(rt.document("b", "/", "").await.status, 200);
    rt.shutdown().await;
}

#[tokio::test]
async fn a_missing_service_is_a_typed_error_and_the_view_lives_on() {
    let rt = LiveRuntime::new(Router::new().route("/", Visitor::default)).with_service(Visits::default());
    let id = rt.document("main", "/", "").await.view_id.expect("mounted");
    let err = rt.event("main", EventRequest::new(id.clone(), 1, "db", Payload::default())).await.expect_err("missing");
    assert_eq!(err.code(), "service_missing");
    assert!(err.to_string().contains("Database"), "{err}");
    assert_eq!(rt.live_views(), 1, "no crash");
    rt.event("main", EventRequest::new(id, 2, "noop", Payload::default())).await.expect("still answers");
    rt.shutdown().await;
}

#[tokio::test]
async fn mount_fails_with_service_missing_when_the_app_registered_none() {
    let Err(err) = TestView::mount(Visitor::default()).await else { panic!("mounted without Visits") };
    assert!(matches!(&err, Error::MountFailed { message, .. } if message.contains("Visits")), "{err:?}");
}

#[tokio::test]
async fn a_test_view_mounts_with_services() {
    let view = with_visits().mount().await.expect("mount");
    assert_eq!(view.slot_text("visit").as_deref(), Some("1"));
    view.terminate().await;
}

#[tokio::test]
async fn a_chosen_file_reaches_the_handler_as_a_real_path() {
    let native = FakeNative::new();
    native.choose("/home/ann/notes/todo.md");
    let mut view = with_visits().native(native.clone()).mount().await.expect("mount");
    view.click("open").await.expect("open");
    assert_eq!(view.slot_text("shown").as_deref(), Some("/home/ann/notes/todo.md"));
    let asked = FileDialog::new().title("Open a note").filter("Notes", &["md"]);
    assert_eq!(native.asked(), [Asked::OpenFile(asked)]);
    assert_eq!(native.windows(), ["test"], "asked from the view's window");
    view.terminate().await;
}

#[tokio::test]
async fn a_cancelled_dialog_is_no_path_not_an_error() {
    let native = FakeNative::new();
    native.cancel().cancel().cancel();
    let mut view = with_visits().native(native.clone()).mount().await.expect("mount");
    view.click("open").await.expect("cancel is not an error");
    assert_eq!(view.slot_text("shown").as_deref(), Some("cancelled"));
    view.click("open_many").await.expect("cancel");
    assert_eq!(view.slot_text("shown").as_deref(), Some(""));
    view.click("save").await.expect("cancel");
    assert_eq!(view.slot_text("shown").as_deref(), Some("cancelled"));
    view.terminate().await;
}

#[tokio::test]
async fn several_files_and_a_save_path_come_back_in_order() {
    let native = FakeNative::new();
    native.choose_many(["/a.md", "/b.md"]).choose("/tmp/out.txt");
    let mut view = with_visits().native(native.clone()).mount().await.expect("mount");
    view.click("open_many").await.expect("open");
    assert_eq!(view.slot_text("shown").as_deref(), Some("/a.md,/b.md"));
    view.click("save").await.expect("save");
    assert_eq!(view.slot_text("shown").as_deref(), Some("/tmp/out.txt"));
    assert_eq!(native.asked()[1], Asked::SaveFile(FileDialog::new().default_path(PathBuf::from("/tmp/out.txt"))));
    view.terminate().await;
}

#[tokio::test]
async fn a_confirm_is_true_only_for_ok() {
    let native = FakeNative::new();
    native.answer(false).answer(true);
    let mut view = with_visits().native(native.clone()).mount().await.expect("mount");
    view.click("delete").await.expect("cancel");
    assert_eq!(view.slot_text("shown").as_deref(), Some("false"));
    view.click("delete").await.expect("ok");
    assert_eq!(view.slot_text("shown").as_deref(), Some("true"));
    view.click("delete").await.expect("nothing scripted");
    assert_eq!(view.slot_text("shown").as_deref(), Some("false"), "an unscripted dialog is cancelled");
    view.terminate().await;
}

#[tokio::test]
async fn without_native_dialogs_a_handler_gets_service_missing() {
    let mut view = with_visits().mount().await.expect("mount");
    let err = view.click("open").await.expect_err("no native");
    assert_eq!(err.code(), "service_missing");
    assert!(err.to_string().contains("Native"), "{err}");
    assert_eq!(view.click("noop").await.expect("lives on").v, 0);
    view.terminate().await;
}

#[tokio::test]
async fn a_failing_native_call_keeps_its_code() {
    let native = FakeNative::new();
    native.fail(Error::NoNativeDialog("tauri-plugin-dialog is not registered".into()));
    let mut view = with_visits().native(native).mount().await.expect("mount");
    let err = view.click("open").await.expect_err("fails");
    assert_eq!(err.code(), "no_native_dialog");
    view.terminate().await;
}
