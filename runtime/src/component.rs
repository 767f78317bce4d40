//! The component model: [`Component`], [`BaseComponent`], [`TerminateReason`], [`Info`].

use std::any::Any;
use std::sync::{LazyLock, OnceLock};

use async_trait::async_trait;

use crate::assigns::Assigns;
use crate::compose::{ChildComponent, ChildCrash, ChildSlot, OnOutput};
use crate::context::{Context, Params, Session};
use crate::error::{HandlerError, HandlerResult};
use crate::protocol::Payload;
use crate::render::Renderer;
use crate::socket::Socket;

/// Why a view ended. `terminate` receives it exactly once.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TerminateReason {
    /// Its window was closed, or the page left the view.
    Normal,
    /// Its window loaded another route (link, redirect).
    Navigate,
    /// The app is quitting.
    Shutdown,
    /// A callback panicked; the message says where.
    Error(String),
}

/// A message for `handle_info` (from timers, PubSub, background work).
pub struct Info(Box<dyn Any + Send>);

impl Info {
    /// Wraps any value.
    pub fn new<T: Any + Send>(value: T) -> Self {
        Info(Box::new(value))
    }

    /// The value, if it is a `T`.
    pub fn downcast_ref<T: Any>(&self) -> Option<&T> {
        self.0.downcast_ref()
    }

    /// The value, if it is a `T`; else the message back.
    pub fn downcast<T: Any>(self) -> Result<T, Info> {
        self.0.downcast().map(|b| *b).map_err(Info)
    }
}

impl std::fmt::Debug for Info {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Info(..)")
    }
}

static DETACHED: LazyLock<Socket> = LazyLock::new(Socket::detached);

/// What every component embeds — GoliveKit's `BaseComponent`: its [`Assigns`] and its [`Socket`].
///
/// ```
/// use golivekit::BaseComponent;
/// let base = BaseComponent::default();
/// base.assigns().set("initialized", true);
/// assert!(base.assigns().get_bool("initialized"));
/// ```
#[derive(Debug, Default)]
pub struct BaseComponent {
    assigns: Assigns,
    socket: OnceLock<Socket>,
}

impl BaseComponent {
    /// A base with empty assigns and no socket yet (the runtime binds one before `mount`).
    pub fn new() -> Self {
        Self::default()
    }

    /// The component's state.
    pub fn assigns(&self) -> &Assigns {
        &self.assigns
    }

    /// The view's socket. Before the runtime mounts the component this is a detached socket.
    pub fn socket(&self) -> &Socket {
        self.socket.get().unwrap_or(&DETACHED)
    }

    pub(crate) fn bind(&self, socket: Socket) {
        if self.socket.set(socket).is_err() {
            tracing::warn!("component instance mounted twice; keeping its first socket");
        }
    }
}

/// A LiveView component — GoliveKit's `Component` interface.
///
/// Lifecycle: `mount` → `render` (the window's initial document); then each event →
/// `handle_event` → `render` → diff → patch; each info message → `handle_info` → the same; at the
/// end `terminate`, exactly once. Callbacks of one view never run concurrently.
///
/// ```
/// use golivekit::{async_trait, write_html, BaseComponent, Component, Context, HandlerError,
///     HandlerResult, Html, Payload, Renderer, RendererFunc};
///
/// #[derive(Default)]
/// struct Hello { base: BaseComponent }
///
/// #[async_trait]
/// impl Component for Hello {
///     fn name(&self) -> &'static str { "hello" }
///     fn base(&self) -> &BaseComponent { &self.base }
///     fn render(&self, _ctx: &Context) -> Renderer<'_> {
///         let who = self.assigns().get_string("who");
///         RendererFunc(move |_ctx: &Context, w: &mut Html| {
///             write_html!(w, r#"<p data-live-view="hello">Hi <b data-slot="who">{}</b></p>"#, who)
///         }).into()
///     }
///     async fn handle_event(&mut self, _ctx: &Context, event: &str, payload: &Payload) -> HandlerResult {
///         match event {
///             "rename" => self.assigns().set("who", payload.get_str("who").unwrap_or("")),
///             other => return Err(HandlerError::unknown_event(other)),
///         }
///         Ok(())
///     }
/// }
/// ```
#[async_trait]
pub trait Component: std::any::Any + Send + Sync {
    /// The component's name; the root element carries it as `data-live-view`.
    fn name(&self) -> &'static str;

    /// The embedded [`BaseComponent`].
    fn base(&self) -> &BaseComponent;

    /// Shorthand for `self.base().assigns()`.
    fn assigns(&self) -> &Assigns {
        self.base().assigns()
    }

    /// Shorthand for `self.base().socket()`.
    fn socket(&self) -> &Socket {
        self.base().socket()
    }

    /// Called once, before the first render.
    async fn mount(&mut self, _ctx: &Context, _params: &Params, _session: &Session) -> HandlerResult {
        Ok(())
    }

    /// Returns the view's HTML. Runs after `mount` and after every handled message.
    fn render(&self, ctx: &Context) -> Renderer<'_>;

    /// Handles a client event. `Err` is acknowledged to the client as a typed error; nothing is
    /// rendered and the view lives on. The default refuses every event with `unknown_event`.
    async fn handle_event(&mut self, _ctx: &Context, event: &str, _payload: &Payload) -> HandlerResult {
        Err(HandlerError::unknown_event(event))
    }

    /// Handles a server-side message (timers, PubSub, background work). Default: ignore it.
    async fn handle_info(&mut self, _ctx: &Context, _msg: Info) -> HandlerResult {
        Ok(())
    }

    /// One of its child components panicked: the child has terminated and its region shows a
    /// fallback; the rest of the view goes on. Rendering the same key again keeps showing the
    /// fallback; once the key is no longer rendered, rendering it later mounts a new child.
    /// Default: nothing (the crash is logged).
    async fn child_crashed(&mut self, _ctx: &Context, _crash: ChildCrash) -> HandlerResult {
        Ok(())
    }

    /// Places child `key` of type `C` with `props` in this component's render: write the
    /// returned [`ChildSlot`] where the child goes (`write_html!`, any template). The same key in
    /// the next render is the same child — its state kept, `update` run only if the props
    /// changed; a key no longer rendered ends that child. The parent handles `C`'s outputs
    /// ([`OnOutput`]; DESIGN §8).
    fn child<C>(&self, key: impl Into<String>, props: C::Props) -> ChildSlot
    where
        Self: Sized + OnOutput<C>,
        C: ChildComponent + Default,
    {
        ChildSlot::new::<Self, C>(key.into(), props)
    }

    /// Called exactly once when the view ends (after its children's `terminate`).
    async fn terminate(&mut self, _ctx: &Context, _reason: TerminateReason) {}
}
