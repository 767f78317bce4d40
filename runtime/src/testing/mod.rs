//! Test harness for components, like Phoenix's `LiveViewTest`: mount a component without a
//! window, send it events, read its HTML as the page would show it, and see what it pushed.
//!
//! [`TestView::builder`] mounts with app services and a [`FakeNative`] (scripted dialog answers);
//! [`apply_patch`] is the Rust side of the diff oracle: applying `diff(a, b)` to `a` must give `b`.
//!
//! ```
//! # use golivekit::{async_trait, write_html, BaseComponent, Component, Context, HandlerResult, Html, Payload, Renderer, RendererFunc};
//! # #[derive(Default)] struct Counter { base: BaseComponent }
//! # #[async_trait] impl Component for Counter {
//! #   fn name(&self) -> &'static str { "counter" }
//! #   fn base(&self) -> &BaseComponent { &self.base }
//! #   fn render(&self, _: &Context) -> Renderer<'_> {
//! #     let n = self.assigns().get_int("count");
//! #     RendererFunc(move |_: &Context, w: &mut Html| write_html!(w, r#"<div data-live-view="counter"><span data-slot="count">{}</span></div>"#, n)).into() }
//! #   async fn handle_event(&mut self, _: &Context, _: &str, _: &Payload) -> HandlerResult {
//! #     let n = self.assigns().get_int("count"); self.assigns().set("count", n + 1); Ok(()) }
//! # }
//! use golivekit::testing::TestView;
//! # tokio::runtime::Runtime::new().unwrap().block_on(async {
//! let mut view = TestView::mount(Counter::default()).await.unwrap();
//! assert_eq!(view.slot_text("count").as_deref(), Some("0"));
//! let reply = view.click("increment").await.unwrap();
//! assert_eq!(reply.patch.unwrap().s["count"], "1");
//! assert_eq!(view.slot_text("count").as_deref(), Some("1"));
//! view.terminate().await;
//! # });
//! ```

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::Notify;

use crate::component::{Component, Info, TerminateReason};
use crate::compose::Cid;
use crate::context::{Params, Session};
use crate::dom::{self, Element, Node};
use crate::error::{Error, Result};
use crate::native::{ContextMenu, FileDialog, MessageDialog, Native, NativeService, Notification};
use crate::protocol::{EventReply, Patch, Payload, ServerMessage};
use crate::services::Services;
use crate::socket::Outbound;
use crate::view::{self, MountOptions, ViewHandle};

/// How long the waiting helpers ([`Recorder::wait_for`], [`TestView::next_message`]) wait.
pub const WAIT: Duration = Duration::from_secs(5);

/// An [`Outbound`] that records every message, and lets a test wait for them.
#[derive(Debug, Default, Clone)]
pub struct Recorder(Arc<RecorderInner>);

#[derive(Debug, Default)]
struct RecorderInner {
    log: Mutex<Vec<ServerMessage>>,
    notify: Notify,
}

impl Recorder {
    /// Everything delivered so far.
    pub fn messages(&self) -> Vec<ServerMessage> {
        self.0.log.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Waits (at most [`WAIT`]) until `done` holds for the messages delivered so far; returns
    /// whether it did.
    pub async fn wait_for(&self, done: impl Fn(&[ServerMessage]) -> bool) -> bool {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let notified = self.0.notify.notified();
            if done(&self.messages()) {
                return true;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return done(&self.messages());
            }
        }
    }
}

impl Outbound for Recorder {
    fn deliver(&self, msg: ServerMessage) -> std::result::Result<(), String> {
        self.0.log.lock().unwrap_or_else(|e| e.into_inner()).push(msg);
        self.0.notify.notify_waiters();
        Ok(())
    }
}

/// An [`Outbound`] that drops every message: a connected page nobody reads (benches, and tests
/// that only look at replies).
#[derive(Debug, Default, Clone, Copy)]
pub struct Discard;

impl Outbound for Discard {
    fn deliver(&self, _: ServerMessage) -> std::result::Result<(), String> {
        Ok(())
    }
}

mod children;
pub use children::TestChild;

/// A mounted component under test.
pub struct TestView {
    handle: ViewHandle,
    html: String,
    recorder: Recorder,
    seen: usize,
    next_ref: u64,
    page: crate::protocol::PageId,
    /// [`TestViewBuilder::allow_bad_markup`].
    allow_bad_markup: bool,
}

impl TestView {
    /// Mounts `component` at `/` with no params and an empty session.
    pub async fn mount<C: Component>(component: C) -> Result<Self> {
        Self::mount_with(component, Params::from_query("/", ""), Session::new()).await
    }

    /// Mounts `component` with the given params and session.
    pub async fn mount_with<C: Component>(component: C, params: Params, session: Session) -> Result<Self> {
        Self::builder(component).params(params).session(session).mount().await
    }

    /// A mount with app services, a [`FakeNative`], params or a session:
    ///
    /// ```
    /// # use golivekit::{async_trait, BaseComponent, Component, Context, Html, Renderer, RendererFunc};
    /// # #[derive(Default)] struct Hello { base: BaseComponent }
    /// # #[async_trait] impl Component for Hello {
    /// #   fn name(&self) -> &'static str { "hello" }
    /// #   fn base(&self) -> &BaseComponent { &self.base }
    /// #   fn render(&self, _: &Context) -> Renderer<'_> { RendererFunc(|_: &Context, w: &mut Html| { w.raw("<div></div>"); Ok(()) }).into() }
    /// # }
    /// use golivekit::testing::{FakeNative, TestView};
    /// struct Settings { theme: &'static str }
    /// # tokio::runtime::Runtime::new().unwrap().block_on(async {
    /// let native = FakeNative::new();
    /// native.choose("/home/ann/notes.md");
    /// let view = TestView::builder(Hello::default())
    ///     .service(Settings { theme: "dark" })
    ///     .native(native.clone())
    ///     .mount()
    ///     .await
    ///     .unwrap();
    /// view.terminate().await;
    /// # });
    /// ```
    pub fn builder<C: Component>(component: C) -> TestViewBuilder<C> {
        TestViewBuilder {
            component,
            params: Params::from_query("/", ""),
            session: Session::new(),
            services: Arc::default(),
            allow_bad_markup: false,
        }
    }

    async fn mount_on<C: Component>(
        component: C,
        params: Params,
        session: Session,
        services: Arc<Services>,
        allow_bad_markup: bool,
    ) -> Result<Self> {
        let opts = MountOptions {
            id: "test-view".into(),
            path: params.path().to_owned(),
            window: "test".into(),
            params,
            session,
            services,
            on_crash: None,
        };
        let (handle, html) = view::mount(Box::new(component), opts).await?;
        let recorder = Recorder::default();
        let page = handle.connect(Arc::new(recorder.clone())).await?.page;
        let view = Self { handle, html, recorder, seen: 0, next_ref: 1, page, allow_bad_markup };
        view.check_markup();
        Ok(view)
    }

    /// The failing check for bad markup: a render with a duplicate `data-slot` id, `data-list` id
    /// or `data-key` fails the test (the runtime logs it and renders it as plain markup) unless
    /// the test allows it ([`TestViewBuilder::allow_bad_markup`]).
    fn check_markup(&self) {
        let found = self.handle.stats().markup_warnings;
        assert!(
            found == 0 || self.allow_bad_markup,
            "TestView: the view rendered bad markup {found} time(s) — a duplicate data-slot id, data-list id or \
             data-key (the log names it); the runtime renders it as plain markup. A test about bad markup mounts \
             with `TestView::builder(..).allow_bad_markup()`"
        );
    }

    /// How many times the view's renders had bad markup so far (a duplicate `data-slot` id,
    /// `data-list` id or `data-key`): see [`TestViewBuilder::allow_bad_markup`].
    pub fn markup_warnings(&self) -> u64 {
        self.handle.stats().markup_warnings
    }

    fn show(&mut self, patch: &Patch) {
        self.html = apply_patch(&self.html, patch);
        self.check_markup();
    }

    /// Waits (at most [`WAIT`]) for the next message the view sends over its channel; a patch is
    /// applied to [`TestView::html`] as the page would. `None` if nothing came.
    pub async fn next_message(&mut self) -> Option<ServerMessage> {
        let seen = self.seen;
        if !self.recorder.wait_for(|m| m.len() > seen).await {
            return None;
        }
        let msg = self.recorder.messages().swap_remove(seen);
        self.seen += 1;
        if let ServerMessage::Patch { patch, .. } = &msg {
            self.show(patch);
        }
        Some(msg)
    }

    /// The root HTML as the page shows it: the first render with every patch applied.
    pub fn html(&self) -> &str {
        &self.html
    }

    /// The text of the root component's slot `id`, if it exists (a child's slots are its own:
    /// see [`TestView::child`]).
    pub fn slot_text(&self, id: &str) -> Option<String> {
        let root = parse_root(&self.html)?;
        find_slot(&root, id).map(text_content)
    }

    /// Sends `event` with `payload` to the root component as the connected page does (with its
    /// page id and the next ref); applies the returned patch to [`TestView::html`].
    pub async fn event(&mut self, event: &str, payload: Payload) -> Result<EventReply> {
        self.event_to(0, event, payload).await
    }

    /// Sends `event` to component `cid` (0: the root) as the page does when the element is
    /// inside that component's region — also to an id the view no longer has, to see it refused.
    pub async fn event_to(&mut self, cid: Cid, event: &str, payload: Payload) -> Result<EventReply> {
        let reference = self.next_ref;
        self.next_ref += 1;
        let target = (cid != 0).then_some(cid);
        let reply = self.handle.component_event(Some(self.page), reference, target, event.into(), payload).await?;
        if let Some(patch) = &reply.patch {
            self.show(patch);
        }
        Ok(reply)
    }

    /// Drops `files` onto an `lv-drop` element of component `cid` (0: the root) whose attribute
    /// names `event`, as the shell does after a native drop: the handler finds them in
    /// [`Payload::dropped_files`](crate::Payload::dropped_files) (typed: `#[event(dropped)]`).
    pub async fn drop_files<P: Into<std::path::PathBuf>>(
        &mut self,
        cid: Cid,
        event: &str,
        files: impl IntoIterator<Item = P>,
    ) -> Result<EventReply> {
        let files: Vec<std::path::PathBuf> = files.into_iter().map(Into::into).collect();
        let reference = self.next_ref;
        self.next_ref += 1;
        let target = (cid != 0).then_some(cid);
        let reply = self
            .handle
            .dropped_files_event(Some(self.page), reference, target, event.into(), Payload::default(), &files)
            .await?;
        if let Some(patch) = &reply.patch {
            self.show(patch);
        }
        Ok(reply)
    }

    /// [`TestView::event`] with an empty payload.
    pub async fn click(&mut self, event: &str) -> Result<EventReply> {
        self.event(event, Payload::default()).await
    }

    /// Queues an info message; patches it causes arrive in [`TestView::messages`].
    pub fn info(&self, msg: Info) -> Result<()> {
        self.handle.info(msg)
    }

    /// Everything the view pushed over its channel.
    pub fn messages(&self) -> Vec<ServerMessage> {
        self.recorder.messages()
    }

    /// The underlying handle.
    pub fn handle(&self) -> &ViewHandle {
        &self.handle
    }

    /// Terminates with [`TerminateReason::Normal`].
    pub async fn terminate(self) {
        self.handle.terminate(TerminateReason::Normal).await;
    }
}

/// Builds a [`TestView`] mount: see [`TestView::builder`].
pub struct TestViewBuilder<C> {
    component: C,
    params: Params,
    session: Session,
    services: Arc<Services>,
    allow_bad_markup: bool,
}

impl<C: Component> TestViewBuilder<C> {
    /// Lets the view render bad markup (a duplicate `data-slot` id, `data-list` id or
    /// `data-key`) without failing the test — for tests about it; read the count with
    /// [`TestView::markup_warnings`]. Without it such a render fails the test.
    pub fn allow_bad_markup(mut self) -> Self {
        self.allow_bad_markup = true;
        self
    }

    /// Mounts with these params (and their path); default `/` with no query.
    pub fn params(mut self, params: Params) -> Self {
        self.params = params;
        self
    }

    /// Mounts with this session; default empty.
    pub fn session(mut self, session: Session) -> Self {
        self.session = session;
        self
    }

    /// Registers `service` as the app's `T` ([`crate::Context::service`]).
    pub fn service<T: Send + Sync + 'static>(self, service: T) -> Self {
        self.services.insert(Arc::new(service));
        self
    }

    /// Uses `native` for [`crate::Context::native`] (usually a [`FakeNative`]).
    pub fn native(self, native: impl Native) -> Self {
        self.services.insert(Arc::new(NativeService(Arc::new(native))));
        self
    }

    /// Mounts the component (window label `test`) and connects a recording page.
    pub async fn mount(self) -> Result<TestView> {
        TestView::mount_on(self.component, self.params, self.session, self.services, self.allow_bad_markup).await
    }
}

/// A dialog a [`FakeNative`] was asked to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asked {
    /// [`Native::open_file`].
    OpenFile(FileDialog),
    /// [`Native::open_files`].
    OpenFiles(FileDialog),
    /// [`Native::pick_folder`].
    PickFolder(FileDialog),
    /// [`Native::save_file`].
    SaveFile(FileDialog),
    /// [`Native::message`].
    Message(MessageDialog),
    /// [`Native::ask`].
    Ask(MessageDialog),
    /// [`Native::confirm`].
    Confirm(MessageDialog),
    /// [`Native::context_menu`].
    ContextMenu(ContextMenu),
    /// [`Native::notify`].
    Notify(Notification),
}

/// One scripted answer of a [`FakeNative`].
#[derive(Debug, Clone)]
enum Scripted {
    Paths(Vec<PathBuf>),
    Cancel,
    Answer(bool),
    Item(String),
    Fail(Error),
}

#[derive(Debug, Default)]
struct FakeState {
    answers: VecDeque<Scripted>,
    asked: Vec<(String, Asked)>,
}

/// A [`Native`] for tests: answers dialogs from a script, in order, and records what it was
/// asked. With nothing scripted, a dialog is cancelled (`None`, empty, `false`) and a message is
/// dismissed. Clones share the script and the record.
///
/// ```
/// use golivekit::native::{FileDialog, Native};
/// use golivekit::testing::{Asked, FakeNative};
/// # tokio::runtime::Runtime::new().unwrap().block_on(async {
/// let fake = FakeNative::new();
/// fake.choose("/tmp/a.md").cancel();
/// assert_eq!(fake.open_file("w", FileDialog::new()).await.unwrap().unwrap().to_str(), Some("/tmp/a.md"));
/// assert_eq!(fake.pick_folder("w", FileDialog::new()).await.unwrap(), None);
/// assert_eq!(fake.asked()[1], Asked::PickFolder(FileDialog::new()));
/// # });
/// ```
#[derive(Debug, Default, Clone)]
pub struct FakeNative(Arc<Mutex<FakeState>>);

impl FakeNative {
    /// A fake with nothing scripted.
    pub fn new() -> Self {
        Self::default()
    }

    fn script(&self, answer: Scripted) -> &Self {
        self.state().answers.push_back(answer);
        self
    }

    fn state(&self) -> std::sync::MutexGuard<'_, FakeState> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The next file, folder or save dialog chooses `path`.
    pub fn choose(&self, path: impl Into<PathBuf>) -> &Self {
        self.script(Scripted::Paths(vec![path.into()]))
    }

    /// The next dialog chooses these paths (for [`Native::open_files`]).
    pub fn choose_many<P: Into<PathBuf>>(&self, paths: impl IntoIterator<Item = P>) -> &Self {
        self.script(Scripted::Paths(paths.into_iter().map(Into::into).collect()))
    }

    /// The next dialog is cancelled.
    pub fn cancel(&self) -> &Self {
        self.script(Scripted::Cancel)
    }

    /// The next ask/confirm dialog answers `yes` (`true`: Yes/OK).
    pub fn answer(&self, yes: bool) -> &Self {
        self.script(Scripted::Answer(yes))
    }

    /// The next context menu chooses the item `id` (one it does not have is `native_failed`).
    pub fn choose_item(&self, id: impl Into<String>) -> &Self {
        self.script(Scripted::Item(id.into()))
    }

    /// The next call fails with `error`.
    pub fn fail(&self, error: Error) -> &Self {
        self.script(Scripted::Fail(error))
    }

    /// Every dialog asked so far, in order.
    pub fn asked(&self) -> Vec<Asked> {
        self.state().asked.iter().map(|(_, a)| a.clone()).collect()
    }

    /// The window label each dialog was asked from, in order.
    pub fn windows(&self) -> Vec<String> {
        self.state().asked.iter().map(|(w, _)| w.clone()).collect()
    }

    /// Records `asked` and takes the next scripted answer.
    fn take(&self, window: &str, asked: Asked) -> Option<Scripted> {
        let mut state = self.state();
        state.asked.push((window.to_owned(), asked));
        state.answers.pop_front()
    }

    fn paths(&self, window: &str, asked: Asked) -> Result<Vec<PathBuf>> {
        match self.take(window, asked) {
            None | Some(Scripted::Cancel) => Ok(Vec::new()),
            Some(Scripted::Paths(paths)) => Ok(paths),
            Some(Scripted::Fail(e)) => Err(e),
            Some(Scripted::Answer(_) | Scripted::Item(_)) => {
                Err(Error::NativeFailed("FakeNative: no path was scripted, a file dialog was asked".into()))
            }
        }
    }

    fn yes(&self, window: &str, asked: Asked) -> Result<bool> {
        match self.take(window, asked) {
            None | Some(Scripted::Cancel) => Ok(false),
            Some(Scripted::Answer(yes)) => Ok(yes),
            Some(Scripted::Fail(e)) => Err(e),
            Some(Scripted::Paths(_) | Scripted::Item(_)) => {
                Err(Error::NativeFailed("FakeNative: no yes/no answer was scripted, a yes/no dialog was asked".into()))
            }
        }
    }
}

#[async_trait::async_trait]
impl Native for FakeNative {
    async fn open_file(&self, window: &str, dialog: FileDialog) -> Result<Option<PathBuf>> {
        Ok(self.paths(window, Asked::OpenFile(dialog))?.into_iter().next())
    }

    async fn open_files(&self, window: &str, dialog: FileDialog) -> Result<Vec<PathBuf>> {
        self.paths(window, Asked::OpenFiles(dialog))
    }

    async fn pick_folder(&self, window: &str, dialog: FileDialog) -> Result<Option<PathBuf>> {
        Ok(self.paths(window, Asked::PickFolder(dialog))?.into_iter().next())
    }

    async fn save_file(&self, window: &str, dialog: FileDialog) -> Result<Option<PathBuf>> {
        Ok(self.paths(window, Asked::SaveFile(dialog))?.into_iter().next())
    }

    async fn message(&self, window: &str, dialog: MessageDialog) -> Result<()> {
        match self.take(window, Asked::Message(dialog)) {
            Some(Scripted::Fail(e)) => Err(e),
            _ => Ok(()),
        }
    }

    async fn ask(&self, window: &str, dialog: MessageDialog) -> Result<bool> {
        self.yes(window, Asked::Ask(dialog))
    }

    async fn confirm(&self, window: &str, dialog: MessageDialog) -> Result<bool> {
        self.yes(window, Asked::Confirm(dialog))
    }

    async fn notify(&self, window: &str, notification: Notification) -> Result<()> {
        // Shown without asking: only a scripted failure changes the outcome (and is used up).
        let mut state = self.state();
        state.asked.push((window.to_owned(), Asked::Notify(notification)));
        if matches!(state.answers.front(), Some(Scripted::Fail(_))) {
            if let Some(Scripted::Fail(e)) = state.answers.pop_front() {
                return Err(e);
            }
        }
        Ok(())
    }

    async fn context_menu(&self, window: &str, menu: ContextMenu) -> Result<Option<String>> {
        match self.take(window, Asked::ContextMenu(menu.clone())) {
            None | Some(Scripted::Cancel) => Ok(None),
            Some(Scripted::Item(id)) if menu.has(&id) => Ok(Some(id)),
            Some(Scripted::Item(id)) => Err(Error::NativeFailed(format!("FakeNative: the menu has no item `{id}`"))),
            Some(Scripted::Fail(e)) => Err(e),
            Some(Scripted::Paths(_) | Scripted::Answer(_)) => {
                Err(Error::NativeFailed("FakeNative: no menu item was scripted, a context menu was shown".into()))
            }
        }
    }
}

fn parse_root(html: &str) -> Option<Element> {
    dom::parse_fragment(html).into_iter().find_map(|n| match n {
        Node::Element(e) => Some(e),
        _ => None,
    })
}

/// Slot `id` of the region `el` (not inside a nested child's wrapper).
fn find_slot<'a>(el: &'a Element, id: &str) -> Option<&'a Element> {
    if el.attr("data-slot") == Some(id) {
        return Some(el);
    }
    el.children.iter().find_map(|c| match c {
        Node::Element(e) if e.attr(crate::compose::CID_ATTR).is_none() => find_slot(e, id),
        _ => None,
    })
}

fn text_content(el: &Element) -> String {
    let mut out = String::new();
    fn walk(nodes: &[Node], out: &mut String) {
        for n in nodes {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => walk(&e.children, out),
                Node::Comment(_) => {}
            }
        }
    }
    walk(&el.children, &mut out);
    out
}

/// Applies `patch` to a root element's HTML the way the client does, returning the new HTML
/// (canonically serialized): `f`, then `r`, `l`, `a`, `h`, `s`. Slots and lists that do not
/// exist are skipped, as on the page.
///
/// ```
/// use golivekit::diff::{diff, Snapshot};
/// use golivekit::testing::{apply_patch, normalize};
/// let (a, b) = (r#"<div><ol data-list="l"><li data-key="1">1</li><li data-key="2">2</li></ol></div>"#,
///               r#"<div class="x"><ol data-list="l"><li data-key="2">2</li><li data-key="1">1!</li></ol></div>"#);
/// let patch = diff(&Snapshot::from_html(a).unwrap(), &Snapshot::from_html(b).unwrap());
/// assert_eq!(normalize(&apply_patch(a, &patch)), normalize(b));
/// ```
pub fn apply_patch(root_html: &str, patch: &Patch) -> String {
    crate::oracle::apply_patch(root_html, patch)
}

/// Normalizes HTML through the tree (attribute order, quoting, entities; whitespace-only text
/// between the items of a `data-list` container dropped) for comparisons.
pub fn normalize(html: &str) -> String {
    crate::oracle::normalize(html)
}
