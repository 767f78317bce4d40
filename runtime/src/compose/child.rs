//! The child side of composition: [`ChildComponent`], the parent's [`OnOutput`] and
//! [`ChildCrash`].

use async_trait::async_trait;

use crate::assigns::Assigns;
use crate::component::{BaseComponent, Info, TerminateReason};
use crate::context::Context;
use crate::error::{HandlerError, HandlerResult, Result};
use crate::protocol::Payload;
use crate::render::Renderer;
use crate::socket::Socket;

use super::slot::ChildSlot;

/// A component rendered inside another one (DESIGN §8): its own state and callbacks, typed
/// props from its parent, typed messages in both directions.
///
/// - **Identity**: a child is `(parent, key)`; rendering the same key again keeps the instance
///   and its state, wherever in the parent's HTML it now appears (a moved list item keeps it).
/// - **Props**: `mount` gets the first props; `update` runs only when the parent renders props
///   that differ (`PartialEq`) — never after the child's own events. `render` sees the current
///   props.
/// - **Events** from elements this child rendered reach its `handle_event`
///   (`lv-target="parent"` on an element sends one to its parent instead).
/// - **Messages**: the parent sends a [`ChildComponent::Msg`] with
///   [`Context::send_child`]; the child sends its parent an [`ChildComponent::Output`] with
///   [`ChildComponent::emit`], handled by the parent's [`OnOutput`]. Both are checked by the
///   compiler.
/// - **Region**: the parent's HTML holds the child as one wrapper element, `<TAG data-lv-cid="N"
///   data-key="key">` (the parent owns the wrapper and its attributes); the child renders what
///   goes inside — any number of top-level nodes. A change to the child re-renders and diffs only
///   the child, and its patch applies inside its wrapper alone.
/// - **End**: a child the parent stops rendering terminates exactly once (its own children
///   first). A panic in any of its callbacks terminates it with `Error`, shows a fallback in its
///   region, and tells the parent's `child_crashed`; the parent and the siblings go on.
///
/// ```
/// use golivekit::{async_trait, write_html, BaseComponent, ChildComponent, Context, Html,
///     HandlerError, HandlerResult, Payload, Renderer, RendererFunc};
///
/// #[derive(Default)]
/// struct Tag { base: BaseComponent }
///
/// #[async_trait]
/// impl ChildComponent for Tag {
///     type Props = String;        // the label, from the parent
///     type Msg = ();
///     type Output = String;       // "removed"
///     const TAG: &'static str = "span";
///     fn name(&self) -> &'static str { "tag" }
///     fn base(&self) -> &BaseComponent { &self.base }
///     fn render<'a>(&'a self, _ctx: &Context, label: &'a String) -> Renderer<'a> {
///         RendererFunc(move |_: &Context, w: &mut Html| {
///             write_html!(w, r#"{} <button lv-click="remove">x</button>"#, label)
///         }).into()
///     }
///     async fn handle_event(&mut self, ctx: &Context, event: &str, _: &Payload) -> HandlerResult {
///         match event {
///             "remove" => Ok(self.emit(ctx, "removed".into())?),
///             other => Err(HandlerError::unknown_event(other)),
///         }
///     }
/// }
/// ```
#[async_trait]
pub trait ChildComponent: Send + Sync + 'static {
    /// What the parent passes in. Compared with the last props on every parent render.
    type Props: PartialEq + Send + Sync + 'static;
    /// What the parent can send it ([`Context::send_child`]); `()` for none.
    type Msg: Send + 'static;
    /// What it can send its parent ([`ChildComponent::emit`]); `()` for none.
    type Output: Send + 'static;

    /// The tag of its wrapper element in the parent's HTML. Choose one that is valid where the
    /// parent places the child (`li` inside a list, `tr` inside a `tbody`).
    const TAG: &'static str = "div";

    /// The component's name (for logs and the crash notice).
    fn name(&self) -> &'static str;

    /// The embedded [`BaseComponent`].
    fn base(&self) -> &BaseComponent;

    /// Shorthand for `self.base().assigns()`.
    fn assigns(&self) -> &Assigns {
        self.base().assigns()
    }

    /// Shorthand for `self.base().socket()` (the view's socket).
    fn socket(&self) -> &Socket {
        self.base().socket()
    }

    /// Called once, with the first props, before the first render.
    async fn mount(&mut self, _ctx: &Context, _props: &Self::Props) -> HandlerResult {
        Ok(())
    }

    /// Called when the parent rendered props that differ from the last ones.
    async fn update(&mut self, _ctx: &Context, _props: &Self::Props) -> HandlerResult {
        Ok(())
    }

    /// What goes inside its wrapper element. Runs after `mount`, after every handled message of
    /// its own and after `update`.
    fn render<'a>(&'a self, ctx: &Context, props: &'a Self::Props) -> Renderer<'a>;

    /// An event from an element it rendered. The default refuses it with `unknown_event`.
    async fn handle_event(&mut self, _ctx: &Context, event: &str, _payload: &Payload) -> HandlerResult {
        Err(HandlerError::unknown_event(event))
    }

    /// A message from its parent ([`Context::send_child`]).
    async fn handle_message(&mut self, _ctx: &Context, _msg: Self::Msg) -> HandlerResult {
        Ok(())
    }

    /// A server-side message (its own timers, tasks, PubSub subscriptions).
    async fn handle_info(&mut self, _ctx: &Context, _msg: Info) -> HandlerResult {
        Ok(())
    }

    /// One of its own children crashed (see [`crate::Component::child_crashed`]).
    async fn child_crashed(&mut self, _ctx: &Context, _crash: ChildCrash) -> HandlerResult {
        Ok(())
    }

    /// Called exactly once when it ends: removed by its parent (`Normal`), its view ending, or a
    /// panic (`Error`).
    async fn terminate(&mut self, _ctx: &Context, _reason: TerminateReason) {}

    /// Sends `output` to its parent's [`OnOutput::on_output`], which runs in the same turn,
    /// before anything renders. `unknown_component` when `ctx` is not a child's context.
    fn emit(&self, ctx: &Context, output: Self::Output) -> Result<()>
    where
        Self: Sized,
    {
        ctx.emit_output(Box::new(output))
    }

    /// Places child `key` of type `C` with `props` in this component's render: write the
    /// returned [`ChildSlot`] where the child goes (`write_html!`, any template). The same key in
    /// the next render is the same child — its state kept, `update` run only if the props
    /// changed; a key no longer rendered ends that child. The parent handles `C`'s outputs
    /// ([`OnOutput`]; see [`crate::Component::child`]).
    fn child<C>(&self, key: impl Into<String>, props: C::Props) -> ChildSlot
    where
        Self: Sized + OnOutput<C>,
        C: ChildComponent + Default,
    {
        ChildSlot::new::<Self, C>(key.into(), props)
    }
}

/// How a parent handles the [`ChildComponent::Output`] of its children of type `C`. Rendering a
/// `C` with [`crate::Component::child`] requires it, so an output never goes unhandled by
/// accident; `impl OnOutput<C> for Parent {}` ignores them.
///
/// ```
/// # use golivekit::{async_trait, BaseComponent, ChildComponent, Context, HandlerResult, Renderer, RendererFunc, Html};
/// # #[derive(Default)] struct Card { base: BaseComponent }
/// # #[async_trait] impl ChildComponent for Card {
/// #     type Props = (); type Msg = (); type Output = u32;
/// #     fn name(&self) -> &'static str { "card" }
/// #     fn base(&self) -> &BaseComponent { &self.base }
/// #     fn render<'a>(&'a self, _: &Context, _: &'a ()) -> Renderer<'a> { RendererFunc(|_: &Context, _: &mut Html| Ok(())).into() }
/// # }
/// # #[derive(Default)] struct Board { base: BaseComponent, total: u32 }
/// use golivekit::OnOutput;
///
/// #[async_trait]
/// impl OnOutput<Card> for Board {
///     async fn on_output(&mut self, _ctx: &Context, _key: &str, points: u32) -> HandlerResult {
///         self.total += points;
///         Ok(())
///     }
/// }
/// ```
#[async_trait]
pub trait OnOutput<C: ChildComponent>: Send + Sync {
    /// Child `key` (of type `C`) sent `output`. Runs before anything renders; the parent then
    /// renders. The default ignores it.
    async fn on_output(&mut self, _ctx: &Context, _key: &str, _output: C::Output) -> HandlerResult {
        Ok(())
    }
}

/// What a parent's `child_crashed` is told: which child crashed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChildCrash {
    /// The key the parent rendered it with.
    pub key: String,
    /// Its [`ChildComponent::name`].
    pub component: &'static str,
    /// Which callback panicked, and the panic message.
    pub message: String,
}
