//! Placing a child in a parent's render: `self.child::<C>(key, props)` ([`crate::Component::child`],
//! [`ChildComponent::child`]) makes a [`ChildSlot`]; writing it
//! (with `write_html!` or any template layer) writes the child's wrapper element and tells the
//! render under way which child goes there, with which props.
//!
//! A render runs synchronously on its view's task, inside a [`Scope`] the runtime sets for the
//! rendering component (a thread-local, set and taken around that one call). The scope knows the
//! component's children from its last render, so a key rendered again keeps its component id;
//! a new key gets a fresh id (never reused within the view).

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt::{self, Write};
use std::sync::Mutex;

use futures::future::BoxFuture;

use super::child::{ChildComponent, OnOutput};
use super::part::{ChildPart, Part};
use super::{child_in, Children, Cid, CID_ATTR};
use crate::context::Context;
use crate::diff::KEY_ATTR;
use crate::error::{HandlerError, HandlerResult};
use crate::render::ToHtml;

/// Boxed props, as a slot carries them to the runtime.
pub(crate) type AnyProps = Box<dyn Any + Send + Sync>;
/// Makes a child's part from its first props.
pub(crate) type MakeFn = fn(AnyProps) -> Box<dyn Part>;
/// Hands a child's output to its parent (the parent's concrete type is known where the slot was
/// made).
pub(crate) type DeliverFn =
    for<'a> fn(&'a mut (dyn Any + Send), &'a Context, &'a str, Box<dyn Any + Send>) -> BoxFuture<'a, HandlerResult>;

/// A child component placed in a parent's render: write it where the child goes.
///
/// ```
/// use golivekit::{write_html, Component, Html};
/// # use golivekit::{async_trait, BaseComponent, ChildComponent, Context, HandlerResult, OnOutput, Renderer, RendererFunc};
/// # #[derive(Default)] struct Row { base: BaseComponent }
/// # #[async_trait] impl ChildComponent for Row {
/// #     type Props = String; type Msg = (); type Output = ();
/// #     const TAG: &'static str = "li";
/// #     fn name(&self) -> &'static str { "row" }
/// #     fn base(&self) -> &BaseComponent { &self.base }
/// #     fn render<'a>(&'a self, _: &Context, p: &'a String) -> Renderer<'a> { RendererFunc(move |_: &Context, w: &mut Html| golivekit::write_html!(w, "{}", p)).into() }
/// # }
/// # #[derive(Default)] struct List { base: BaseComponent }
/// # impl OnOutput<Row> for List {}
/// # #[async_trait] impl Component for List {
/// #     fn name(&self) -> &'static str { "list" }
/// #     fn base(&self) -> &BaseComponent { &self.base }
/// #     fn render(&self, _: &Context) -> Renderer<'_> { RendererFunc(|_: &Context, _: &mut Html| Ok(())).into() }
/// # }
/// # let list = List::default();
/// let row = list.child::<Row>("r1", "first".to_string()).class("row");
/// let mut w = Html::new();
/// write_html!(w, r#"<ul data-list="rows">{}</ul>"#, row).unwrap();
/// // Outside a component's render (as here) a slot writes nothing: there is no parent to own it.
/// assert_eq!(w.as_str(), r#"<ul data-list="rows"></ul>"#);
/// ```
pub struct ChildSlot {
    type_id: TypeId,
    parent_type: TypeId,
    tag: &'static str,
    key: String,
    attrs: Vec<(String, String)>,
    /// Taken by the first write: a slot places its child once.
    payload: Mutex<Option<Payload>>,
}

struct Payload {
    name: &'static str,
    props: AnyProps,
    make: MakeFn,
    deliver: DeliverFn,
}

impl std::fmt::Debug for ChildSlot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChildSlot").field("tag", &self.tag).field("key", &self.key).finish_non_exhaustive()
    }
}

/// Attributes the runtime writes on a wrapper itself; [`ChildSlot::attr`] refuses them.
const RESERVED: [&str; 5] = [CID_ATTR, KEY_ATTR, "data-slot", "data-list", "data-live-view"];

impl ChildSlot {
    /// Adds an attribute to the child's wrapper element (escaped). The runtime's own attributes
    /// (`data-lv-cid`, `data-key`, `data-slot`, `data-list`, `data-live-view`) and names that
    /// are not plain attribute names are refused with a warning.
    pub fn attr(mut self, name: &str, value: impl Into<String>) -> Self {
        let plain = !name.is_empty()
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'));
        if !plain || RESERVED.contains(&name.to_ascii_lowercase().as_str()) {
            tracing::warn!(attr = name, key = &*self.key, "child wrapper attribute refused");
            return self;
        }
        self.attrs.retain(|(n, _)| n != name);
        self.attrs.push((name.to_owned(), value.into()));
        self
    }

    /// Shorthand for `.attr("class", class)`.
    pub fn class(self, class: impl Into<String>) -> Self {
        self.attr("class", class)
    }
}

impl ToHtml for ChildSlot {
    fn write_html(&self, out: &mut dyn Write) -> fmt::Result {
        let payload = self.payload.lock().unwrap_or_else(|e| e.into_inner()).take();
        let Some(payload) = payload else {
            tracing::warn!(key = &*self.key, "a child slot was written twice in one render; the second is left out");
            return Ok(());
        };
        let Some(cid) = place(self, payload) else { return Ok(()) };
        write!(out, "<{} {CID_ATTR}=\"{cid}\" {KEY_ATTR}=\"", self.tag)?;
        out.write_str(&html_escape::encode_quoted_attribute(&self.key))?;
        out.write_char('"')?;
        for (name, value) in &self.attrs {
            write!(out, " {name}=\"")?;
            out.write_str(&html_escape::encode_quoted_attribute(value))?;
            out.write_char('"')?;
        }
        write!(out, "></{}>", self.tag)
    }
}

impl ToHtml for &ChildSlot {
    fn write_html(&self, out: &mut dyn Write) -> fmt::Result {
        (**self).write_html(out)
    }
}

impl ChildSlot {
    /// The slot for child `key` of type `C` placed by parent type `P` (what
    /// [`crate::Component::child`] and [`ChildComponent::child`] return).
    pub(crate) fn new<P, C>(key: String, props: C::Props) -> Self
    where
        P: OnOutput<C> + 'static,
        C: ChildComponent + Default,
    {
        ChildSlot {
            type_id: TypeId::of::<C>(),
            parent_type: TypeId::of::<P>(),
            tag: C::TAG,
            key,
            attrs: Vec::new(),
            payload: Mutex::new(Some(Payload {
                name: std::any::type_name::<C>(),
                props: Box::new(props),
                make: make::<C>,
                deliver: deliver::<P, C>,
            })),
        }
    }
}

fn make<C: ChildComponent + Default>(props: AnyProps) -> Box<dyn Part> {
    let props = props.downcast::<C::Props>().expect("a slot's props are its child's props");
    Box::new(ChildPart::<C>::new(C::default(), *props))
}

fn deliver<'a, P: OnOutput<C> + 'static, C: ChildComponent>(
    parent: &'a mut (dyn Any + Send),
    ctx: &'a Context,
    key: &'a str,
    output: Box<dyn Any + Send>,
) -> BoxFuture<'a, HandlerResult> {
    Box::pin(async move {
        let Some(parent) = parent.downcast_mut::<P>() else {
            return Err(HandlerError::with_code(
                "wrong_parent",
                format!("child `{key}` was placed through a value that is not its parent component"),
            ));
        };
        let output = output.downcast::<C::Output>().map_err(|_| {
            HandlerError::with_code("bad_output", format!("child `{key}` sent an output of another type"))
        })?;
        parent.on_output(ctx, key, *output).await
    })
}

/// A child placed by the render under way.
pub(crate) struct Placed {
    pub(crate) cid: Cid,
    pub(crate) tag: &'static str,
    /// Its key, for a child this render made (a known child has its key already).
    pub(crate) key: Option<String>,
    pub(crate) props: AnyProps,
    pub(crate) make: MakeFn,
    pub(crate) deliver: DeliverFn,
}

/// What one component's render knows about children: its children from the last render (left
/// as they were, so a render that fails changes nothing), the next fresh id, and what this render
/// placed — the ids of known children it placed again, and the children it made.
pub(crate) struct Scope {
    pub(crate) parent_type: TypeId,
    pub(crate) known: Children,
    pub(crate) next: Cid,
    pub(crate) placed: Vec<Placed>,
    pub(crate) seen: HashSet<Cid>,
    pub(crate) fresh: Children,
}

impl Scope {
    pub(crate) fn new(parent_type: TypeId, known: Children, next: Cid) -> Self {
        Scope { parent_type, known, next, placed: Vec::new(), seen: HashSet::new(), fresh: Children::new() }
    }
}

thread_local! {
    static SCOPE: RefCell<Option<Scope>> = const { RefCell::new(None) };
}

/// Runs `render` with `scope` as the render under way; returns its result and the scope. The
/// outer scope (if any) is back in place afterwards, also when `render` panics.
pub(crate) fn within<R>(scope: Scope, render: impl FnOnce() -> R) -> (R, Scope) {
    struct Restore(Option<Scope>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let outer = self.0.take();
            SCOPE.with(|s| *s.borrow_mut() = outer);
        }
    }
    let restore = Restore(SCOPE.with(|s| s.borrow_mut().replace(scope)));
    let result = render();
    let scope = SCOPE.with(|s| s.borrow_mut().take()).expect("the scope set above");
    drop(restore);
    (result, scope)
}

/// Records `slot` in the render under way and returns the child's id; `None` (warned) outside
/// a render or for a key this render already placed.
fn place(slot: &ChildSlot, payload: Payload) -> Option<Cid> {
    SCOPE.with(|s| {
        let mut guard = s.borrow_mut();
        let Some(scope) = guard.as_mut() else {
            tracing::warn!(key = &*slot.key, "a child slot was written outside a component's render; left out");
            return None;
        };
        if slot.parent_type != scope.parent_type {
            tracing::warn!(
                key = &*slot.key,
                "a child slot was made by a value that is not the rendering component; its outputs will not arrive"
            );
        }
        let twice = || {
            tracing::warn!(
                key = &*slot.key,
                child = payload.name,
                "child key rendered twice by one parent; the second is left out"
            );
        };
        let (cid, key) = if let Some(cid) = child_in(&scope.known, slot.type_id, &slot.key) {
            if !scope.seen.insert(cid) {
                twice();
                return None;
            }
            (cid, None)
        } else if child_in(&scope.fresh, slot.type_id, &slot.key).is_some() {
            twice();
            return None;
        } else {
            let cid = scope.next;
            scope.next += 1;
            scope.fresh.entry(slot.type_id).or_default().insert(slot.key.clone(), cid);
            (cid, Some(slot.key.clone()))
        };
        scope.placed.push(Placed {
            cid,
            tag: slot.tag,
            key,
            props: payload.props,
            make: payload.make,
            deliver: payload.deliver,
        });
        Some(cid)
    })
}
