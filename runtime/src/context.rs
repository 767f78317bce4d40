//! [`Context`], [`Params`] and [`Session`]: what a callback knows about where it runs, and the
//! view's own background work (timers, async tasks, PubSub subscriptions).

use std::any::Any;
use std::collections::BTreeMap;
use std::future::Future;
use std::ops::Deref;
use std::sync::{Arc, LazyLock};
use std::time::Duration;

use crate::assigns::Assigns;
use crate::component::Info;
use crate::compose::{ChildComponent, Cid, Pending, TreeShared};
use crate::error::{Error, Result};
use crate::native::{self, NativeHandle, NativeService};
use crate::pubsub::{PubSub, Topic};
use crate::services::Services;
use crate::tasks::{TaskRef, TaskSet};
use crate::view::Mailbox;

/// One component's link to its view's mailbox (addressed to the component), its own tasks, the
/// view's component tree and the app's services.
pub(crate) struct ViewLink {
    pub(crate) mailbox: Mailbox,
    pub(crate) tasks: TaskSet,
    pub(crate) services: Arc<Services>,
    pub(crate) shared: Arc<TreeShared>,
}

impl ViewLink {
    /// Ends the component's background work: aborts its tasks and drops its subscriptions.
    pub(crate) fn shut_down(&self) {
        self.tasks.abort_all();
        self.services.pubsub.unsubscribe_view(self.mailbox.subscriber());
    }
}

static DETACHED_PUBSUB: LazyLock<PubSub> = LazyLock::new(PubSub::new);

/// Per-call context handed to every component callback — GoliveKit's `ctx`.
///
/// Besides where the view runs, it starts the view's background work. Everything started here is
/// owned by the view: its results arrive in `handle_info` one at a time, between events, and it is
/// cancelled when the view terminates — no `handle_info` ever runs after `terminate`.
///
/// ```
/// use std::time::Duration;
/// use golivekit::{async_trait, BaseComponent, Component, Context, HandlerResult, Info, Params, Renderer, Session};
/// use golivekit::{write_html, Html, RendererFunc};
///
/// #[derive(Clone)]
/// enum Msg { Tick }
///
/// #[derive(Default)]
/// struct Clock { base: BaseComponent }
///
/// #[async_trait]
/// impl Component for Clock {
///     fn name(&self) -> &'static str { "clock" }
///     fn base(&self) -> &BaseComponent { &self.base }
///     async fn mount(&mut self, ctx: &Context, _: &Params, _: &Session) -> HandlerResult {
///         ctx.send_interval(Duration::from_secs(1), Msg::Tick);
///         Ok(())
///     }
///     async fn handle_info(&mut self, _ctx: &Context, msg: Info) -> HandlerResult {
///         if let Some(Msg::Tick) = msg.downcast_ref::<Msg>() {
///             self.assigns().set("ticks", self.assigns().get_int("ticks") + 1);
///         }
///         Ok(())
///     }
///     fn render(&self, _: &Context) -> Renderer<'_> {
///         let n = self.assigns().get_int("ticks");
///         RendererFunc(move |_: &Context, w: &mut Html| {
///             write_html!(w, r#"<p data-live-view="clock"><span data-slot="t">{}</span></p>"#, n)
///         }).into()
///     }
/// }
/// ```
#[derive(Clone, Default)]
pub struct Context {
    view_id: String,
    path: String,
    window: String,
    link: Option<Arc<ViewLink>>,
}

impl std::fmt::Debug for Context {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Context")
            .field("view_id", &self.view_id)
            .field("path", &self.path)
            .field("window", &self.window)
            .finish_non_exhaustive()
    }
}

impl Context {
    pub(crate) fn new(view_id: &str, path: &str, window: &str, link: Arc<ViewLink>) -> Self {
        Self { view_id: view_id.into(), path: path.into(), window: window.into(), link: Some(link) }
    }

    fn spawn_task<F: Future<Output = ()> + Send + 'static>(&self, what: &str, fut: F) -> Option<TaskRef> {
        match &self.link {
            Some(link) => Some(link.tasks.spawn(&link.services.tasks, fut)),
            None => {
                tracing::warn!("{what} on a detached context (no view): ignored");
                None
            }
        }
    }

    fn mailbox(&self) -> Option<Mailbox> {
        self.link.as_ref().map(|l| l.mailbox.clone())
    }

    /// Delivers `msg` to this view's `handle_info` once, after `delay`.
    /// Returns `None` on a detached context.
    pub fn send_after<M: Any + Send>(&self, delay: Duration, msg: M) -> Option<TaskRef> {
        let mailbox = self.mailbox()?;
        self.spawn_task("send_after", async move {
            tokio::time::sleep(delay).await;
            let _ = mailbox.info(Info::new(msg));
        })
    }

    /// Delivers a clone of `msg` to this view's `handle_info` every `period` (first after one
    /// period) until the view terminates or [`Context::cancel`] stops it. Ticks missed while the
    /// app was busy are skipped, not bunched.
    pub fn send_interval<M: Any + Send + Clone>(&self, period: Duration, msg: M) -> Option<TaskRef> {
        let mailbox = self.mailbox()?;
        let period = period.max(Duration::from_millis(1));
        self.spawn_task("send_interval", async move {
            let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
            loop {
                ticks.tick().await;
                if mailbox.info(Info::new(msg.clone())).is_err() {
                    break;
                }
            }
        })
    }

    /// Runs `work` in the background; its output arrives in `handle_info` as an [`Info`] holding
    /// a `T`. Cancelled (dropped at its next `.await`) when the view terminates.
    pub fn spawn<F, T>(&self, work: F) -> Option<TaskRef>
    where
        F: Future<Output = T> + Send + 'static,
        T: Any + Send,
    {
        let mailbox = self.mailbox()?;
        self.spawn_task("spawn", async move {
            let out = work.await;
            let _ = mailbox.info(Info::new(out));
        })
    }

    /// Stops a timer or task started by this view; `false` if it had already ended.
    pub fn cancel(&self, task: TaskRef) -> bool {
        self.link.as_ref().is_some_and(|l| l.tasks.cancel(task))
    }

    /// Subscribes this view to `topic`: every broadcast on it arrives in `handle_info` as a `T`.
    /// The subscription ends with the view.
    pub fn subscribe<T: Clone + Send + 'static>(&self, topic: &Topic<T>) {
        match &self.link {
            Some(link) => link.services.pubsub.subscribe(topic, &link.mailbox),
            None => tracing::warn!(topic = topic.name(), "subscribe on a detached context (no view): ignored"),
        }
    }

    /// Ends this view's subscription to `topic`; `false` if it had none.
    pub fn unsubscribe<T>(&self, topic: &Topic<T>) -> bool {
        self.link.as_ref().is_some_and(|l| l.services.pubsub.unsubscribe(topic.name(), l.mailbox.subscriber()))
    }

    /// The app's PubSub, to broadcast (`ctx.pubsub().broadcast(&TOPIC, msg)`).
    pub fn pubsub(&self) -> &PubSub {
        self.link.as_ref().map_or(&DETACHED_PUBSUB, |l| &l.services.pubsub)
    }

    /// The app service of type `T` registered at start ([`crate::LiveRuntime::with_service`],
    /// `golivekit_tauri::Builder::service`, [`crate::testing::TestView::builder`]) — like
    /// axum's extensions or Tauri's `State<T>`, with no globals. One value per type, shared by
    /// every view of the app. A service nobody registered is [`Error::ServiceMissing`]
    /// (code `service_missing`), never a panic; `?` in a handler keeps that code.
    ///
    /// ```
    /// let err = golivekit::Context::detached().service::<String>().unwrap_err();
    /// assert_eq!(err.code(), "service_missing");
    /// ```
    pub fn service<T: Send + Sync + 'static>(&self) -> Result<Arc<T>> {
        match &self.link {
            Some(link) => link.services.get::<T>(),
            None => Err(Error::ServiceMissing { type_name: std::any::type_name::<T>().into() }),
        }
    }

    /// The app's native capabilities (file and message dialogs), bound to this view's window.
    /// [`Error::ServiceMissing`] when the app runs with no native shell (a plain runtime, a
    /// `TestView` without [`crate::testing::FakeNative`]).
    ///
    /// ```
    /// assert_eq!(golivekit::Context::detached().native().unwrap_err().code(), "service_missing");
    /// ```
    pub fn native(&self) -> Result<NativeHandle> {
        let service = self.service::<NativeService>().map_err(|_| native::missing())?;
        Ok(NativeHandle::new(Arc::clone(&service.0), &self.window))
    }

    /// A context bound to no view, for rendering outside the runtime (docs, tests).
    pub fn detached() -> Self {
        Self::default()
    }

    /// Which component of its view this context belongs to: `0` for the view's root component,
    /// the child's id (its wrapper's `data-lv-cid`) for a child.
    pub fn component_id(&self) -> Cid {
        self.link.as_ref().map_or(0, |l| l.mailbox.cid())
    }

    /// Sends `msg` to this component's child `key` of type `C` — its
    /// [`ChildComponent::handle_message`] runs in this same turn, before anything renders (or, from
    /// a background task, in a turn of its own). [`Error::NotMounted`] (code `not_mounted`) when
    /// this component has no such child mounted right now — never delivered elsewhere.
    ///
    /// ```
    /// # use golivekit::{async_trait, BaseComponent, ChildComponent, Context, Renderer, RendererFunc, Html};
    /// # #[derive(Default)] struct Card { base: BaseComponent }
    /// # #[async_trait] impl ChildComponent for Card {
    /// #     type Props = (); type Msg = String; type Output = ();
    /// #     fn name(&self) -> &'static str { "card" }
    /// #     fn base(&self) -> &BaseComponent { &self.base }
    /// #     fn render<'a>(&'a self, _: &Context, _: &'a ()) -> Renderer<'a> { RendererFunc(|_: &Context, _: &mut Html| Ok(())).into() }
    /// # }
    /// let err = Context::detached().send_child::<Card>("c1", "highlight".into()).unwrap_err();
    /// assert_eq!(err.code(), "not_mounted");
    /// ```
    pub fn send_child<C: ChildComponent>(&self, key: &str, msg: C::Msg) -> Result<()> {
        let not_mounted = || Error::NotMounted { component: std::any::type_name::<C>().into(), key: key.into() };
        let link = self.link.as_ref().ok_or_else(not_mounted)?;
        let to = link.shared.child_of(link.mailbox.cid(), std::any::TypeId::of::<C>(), key).ok_or_else(not_mounted)?;
        link.shared.push(Pending::Message { to, msg: Box::new(msg) }, &link.mailbox);
        Ok(())
    }

    /// Queues a child's output for its parent (see [`ChildComponent::emit`]).
    pub(crate) fn emit_output(&self, output: Box<dyn Any + Send>) -> Result<()> {
        match &self.link {
            Some(link) if link.mailbox.cid() != 0 => {
                link.shared.push(Pending::Output { from: link.mailbox.cid(), output }, &link.mailbox);
                Ok(())
            }
            _ => Err(Error::UnknownComponent {
                view: self.view_id.clone(),
                cid: 0,
                why: "only a child component has a parent to emit to".into(),
            }),
        }
    }

    /// The id of the view this call belongs to.
    pub fn view_id(&self) -> &str {
        &self.view_id
    }

    /// The route path the view was mounted on, e.g. `/counter`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The label of the window showing the view.
    pub fn window(&self) -> &str {
        &self.window
    }
}

/// Route and query parameters handed to `mount`.
///
/// Route parameters (`/todo/:id`) shadow query parameters of the same name in [`Params::get`].
///
/// ```
/// use golivekit::Params;
/// let p = Params::from_query("/search", "q=tom+%26+jerry&page=2");
/// assert_eq!(p.get("q"), Some("tom & jerry"));
/// assert_eq!(p.get_as::<u32>("page"), Some(2));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    path: String,
    query: BTreeMap<String, String>,
    route: BTreeMap<String, String>,
}

impl Params {
    /// Params for `path` with a raw (still percent-encoded) query string.
    pub fn from_query(path: &str, query: &str) -> Self {
        let query = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
        Self { path: path.into(), query, route: BTreeMap::new() }
    }

    pub(crate) fn with_route(mut self, route: BTreeMap<String, String>) -> Self {
        self.route = route;
        self
    }

    /// A route parameter, else a query parameter.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.route.get(key).or_else(|| self.query.get(key)).map(String::as_str)
    }

    /// [`Params::get`], parsed.
    pub fn get_as<T: std::str::FromStr>(&self, key: &str) -> Option<T> {
        self.get(key)?.parse().ok()
    }

    /// The request path.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// All query parameters (the last one wins for a repeated name).
    pub fn query(&self) -> &BTreeMap<String, String> {
        &self.query
    }

    /// All route parameters.
    pub fn route(&self) -> &BTreeMap<String, String> {
        &self.route
    }
}

/// App-wide session values shared by every window (user preferences, the signed-in user...).
///
/// Cloning a `Session` shares the same store; it derefs to [`Assigns`] for reads and writes.
///
/// ```
/// use golivekit::Session;
/// let s = Session::new();
/// let t = s.clone();
/// t.set("theme", "dark");
/// assert_eq!(s.get_string("theme"), "dark");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Session(Arc<Assigns>);

impl Session {
    /// An empty session.
    pub fn new() -> Self {
        Self::default()
    }
}

impl Deref for Session {
    type Target = Assigns;
    fn deref(&self) -> &Assigns {
        &self.0
    }
}
