//! [`Part`]: one component of a view's tree behind one interface — the view's root
//! [`Component`] or a [`ChildComponent`] with its current props — so the tree dispatches to any
//! of them alike.

use std::any::{Any, TypeId};
use std::fmt;

use async_trait::async_trait;

use super::child::{ChildComponent, ChildCrash};
use super::slot::AnyProps;
use crate::component::{BaseComponent, Component, Info, TerminateReason};
use crate::context::{Context, Params, Session};
use crate::error::{HandlerError, HandlerResult};
use crate::protocol::Payload;

#[async_trait]
pub(crate) trait Part: Send + Sync {
    fn name(&self) -> &'static str;
    fn base(&self) -> &BaseComponent;
    /// The user's component type.
    fn component_type(&self) -> TypeId;
    /// Renders into a string (inside the caller's render scope).
    fn render_html(&self, ctx: &Context, capacity: usize) -> Result<String, fmt::Error>;
    /// A root's `mount`; nothing for a child.
    async fn mount_root(&mut self, _ctx: &Context, _params: &Params, _session: &Session) -> HandlerResult {
        Ok(())
    }
    /// A child's `mount` with the props it was made with; nothing for a root.
    async fn mount(&mut self, ctx: &Context) -> HandlerResult;
    /// Whether `props` differ from the current ones (a root has none).
    fn props_differ(&self, props: &(dyn Any + Send + Sync)) -> bool;
    /// Takes new props and runs `update`.
    async fn update(&mut self, ctx: &Context, props: AnyProps) -> HandlerResult;
    async fn event(&mut self, ctx: &Context, event: &str, payload: &Payload) -> HandlerResult;
    async fn message(&mut self, ctx: &Context, msg: Box<dyn Any + Send>) -> HandlerResult;
    async fn info(&mut self, ctx: &Context, msg: Info) -> HandlerResult;
    async fn child_crashed(&mut self, ctx: &Context, crash: ChildCrash) -> HandlerResult;
    async fn terminate(&mut self, ctx: &Context, reason: TerminateReason);
    /// The user's component, for a child's output to reach it as its concrete type.
    fn as_any_mut(&mut self) -> &mut (dyn Any + Send);
}

/// A view's root component.
pub(crate) struct RootPart(pub(crate) Box<dyn Component>);

#[async_trait]
impl Part for RootPart {
    fn name(&self) -> &'static str {
        self.0.name()
    }
    fn base(&self) -> &BaseComponent {
        self.0.base()
    }
    fn component_type(&self) -> TypeId {
        let any: &dyn Any = &*self.0;
        any.type_id()
    }
    fn render_html(&self, ctx: &Context, capacity: usize) -> Result<String, fmt::Error> {
        self.0.render(ctx).render_to_string_sized(ctx, capacity)
    }
    async fn mount_root(&mut self, ctx: &Context, params: &Params, session: &Session) -> HandlerResult {
        self.0.mount(ctx, params, session).await
    }
    async fn mount(&mut self, _ctx: &Context) -> HandlerResult {
        Ok(())
    }
    fn props_differ(&self, _props: &(dyn Any + Send + Sync)) -> bool {
        false
    }
    async fn update(&mut self, _ctx: &Context, _props: AnyProps) -> HandlerResult {
        Ok(())
    }
    async fn event(&mut self, ctx: &Context, event: &str, payload: &Payload) -> HandlerResult {
        self.0.handle_event(ctx, event, payload).await
    }
    async fn message(&mut self, _ctx: &Context, _msg: Box<dyn Any + Send>) -> HandlerResult {
        Err(HandlerError::with_code("not_a_child", "a view's root component has no parent to send it messages"))
    }
    async fn info(&mut self, ctx: &Context, msg: Info) -> HandlerResult {
        self.0.handle_info(ctx, msg).await
    }
    async fn child_crashed(&mut self, ctx: &Context, crash: ChildCrash) -> HandlerResult {
        self.0.child_crashed(ctx, crash).await
    }
    async fn terminate(&mut self, ctx: &Context, reason: TerminateReason) {
        self.0.terminate(ctx, reason).await
    }
    fn as_any_mut(&mut self) -> &mut (dyn Any + Send) {
        &mut *self.0
    }
}

/// A child component and its current props.
pub(crate) struct ChildPart<C: ChildComponent> {
    component: C,
    props: C::Props,
}

impl<C: ChildComponent> ChildPart<C> {
    pub(crate) fn new(component: C, props: C::Props) -> Self {
        ChildPart { component, props }
    }
}

#[async_trait]
impl<C: ChildComponent> Part for ChildPart<C> {
    fn name(&self) -> &'static str {
        self.component.name()
    }
    fn base(&self) -> &BaseComponent {
        self.component.base()
    }
    fn component_type(&self) -> TypeId {
        TypeId::of::<C>()
    }
    fn render_html(&self, ctx: &Context, capacity: usize) -> Result<String, fmt::Error> {
        self.component.render(ctx, &self.props).render_to_string_sized(ctx, capacity)
    }
    async fn mount(&mut self, ctx: &Context) -> HandlerResult {
        self.component.mount(ctx, &self.props).await
    }
    fn props_differ(&self, props: &(dyn Any + Send + Sync)) -> bool {
        props.downcast_ref::<C::Props>().is_some_and(|p| *p != self.props)
    }
    async fn update(&mut self, ctx: &Context, props: AnyProps) -> HandlerResult {
        let Ok(props) = props.downcast::<C::Props>() else {
            return Err(HandlerError::with_code("bad_props", "props of another type"));
        };
        self.props = *props;
        self.component.update(ctx, &self.props).await
    }
    async fn event(&mut self, ctx: &Context, event: &str, payload: &Payload) -> HandlerResult {
        self.component.handle_event(ctx, event, payload).await
    }
    async fn message(&mut self, ctx: &Context, msg: Box<dyn Any + Send>) -> HandlerResult {
        match msg.downcast::<C::Msg>() {
            Ok(msg) => self.component.handle_message(ctx, *msg).await,
            Err(_) => Err(HandlerError::with_code("bad_message", "a message of another type")),
        }
    }
    async fn info(&mut self, ctx: &Context, msg: Info) -> HandlerResult {
        self.component.handle_info(ctx, msg).await
    }
    async fn child_crashed(&mut self, ctx: &Context, crash: ChildCrash) -> HandlerResult {
        self.component.child_crashed(ctx, crash).await
    }
    async fn terminate(&mut self, ctx: &Context, reason: TerminateReason) {
        self.component.terminate(ctx, reason).await
    }
    fn as_any_mut(&mut self) -> &mut (dyn Any + Send) {
        &mut self.component
    }
}
