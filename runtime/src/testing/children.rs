//! [`TestChild`]: one child component of a [`TestView`] — send it events, read its region.

use super::{parse_root, text_content, TestView};
use crate::compose::{Cid, CID_ATTR};
use crate::dom::{self, Element, Node};
use crate::error::{Error, Result};
use crate::protocol::{EventReply, Payload};

/// A child component of a [`TestView`], reached by its keys from the root
/// ([`TestView::child`], then [`TestChild::child`] for its own children).
///
/// ```
/// # use golivekit::{async_trait, write_html, BaseComponent, ChildComponent, Component, Context, HandlerResult,
/// #     Html, OnOutput, Payload, Renderer, RendererFunc};
/// #[derive(Default)]
/// struct Counter { base: BaseComponent, n: u32 }
///
/// #[async_trait]
/// impl ChildComponent for Counter {
///     type Props = ();
///     type Msg = ();
///     type Output = ();
///     fn name(&self) -> &'static str { "counter" }
///     fn base(&self) -> &BaseComponent { &self.base }
///     fn render<'a>(&'a self, _: &Context, _: &'a ()) -> Renderer<'a> {
///         RendererFunc(move |_: &Context, w: &mut Html| {
///             write_html!(w, r#"<b data-slot="n">{}</b><button lv-click="inc">+</button>"#, self.n)
///         }).into()
///     }
///     async fn handle_event(&mut self, _: &Context, _: &str, _: &Payload) -> HandlerResult {
///         self.n += 1;
///         Ok(())
///     }
/// }
///
/// #[derive(Default)]
/// struct Page { base: BaseComponent }
/// impl OnOutput<Counter> for Page {}
///
/// #[async_trait]
/// impl Component for Page {
///     fn name(&self) -> &'static str { "page" }
///     fn base(&self) -> &BaseComponent { &self.base }
///     fn render(&self, _: &Context) -> Renderer<'_> {
///         let (a, b) = (self.child::<Counter>("a", ()), self.child::<Counter>("b", ()));
///         RendererFunc(move |_: &Context, w: &mut Html| {
///             write_html!(w, r#"<main data-live-view="page">{}{}</main>"#, a, b)
///         }).into()
///     }
/// }
///
/// # tokio::runtime::Runtime::new().unwrap().block_on(async {
/// use golivekit::testing::TestView;
/// let mut view = TestView::mount(Page::default()).await.unwrap();
/// let mut a = view.child("a").await.unwrap();
/// let reply = a.click("inc").await.unwrap();
/// let patch = reply.patch.unwrap();
/// assert_eq!(patch.c[&a.cid()].s["n"], "1");   // only child `a`'s region
/// assert!(patch.f.is_none() && patch.s.is_empty());
/// assert_eq!(a.slot_text("n").as_deref(), Some("1"));
/// assert_eq!(view.child("b").await.unwrap().slot_text("n").as_deref(), Some("0"));
/// # });
/// ```
pub struct TestChild<'v> {
    view: &'v mut TestView,
    cid: Cid,
}

impl TestView {
    /// The root component's child `key`; `not_mounted` when it has none.
    pub async fn child(&mut self, key: &str) -> Result<TestChild<'_>> {
        let cid = self.child_id(0, key).await?;
        Ok(TestChild { view: self, cid })
    }

    async fn child_id(&self, parent: Cid, key: &str) -> Result<Cid> {
        self.handle
            .child_id(parent, key)
            .await?
            .ok_or_else(|| Error::NotMounted { component: format!("child of component {parent}"), key: key.into() })
    }

    /// The content of component `cid`'s wrapper as the page shows it (`None` when the page has
    /// no such wrapper).
    pub fn region_html(&self, cid: Cid) -> Option<String> {
        let root = parse_root(&self.html)?;
        find_wrapper(&root, cid).map(dom::inner_html)
    }
}

impl<'v> TestChild<'v> {
    /// The child's component id (its wrapper's `data-lv-cid`; the key of its entry in a
    /// patch's `c`).
    pub fn cid(&self) -> Cid {
        self.cid
    }

    /// This child's own child `key`.
    pub async fn child(self, key: &str) -> Result<TestChild<'v>> {
        let cid = self.view.child_id(self.cid, key).await?;
        Ok(TestChild { view: self.view, cid })
    }

    /// Sends `event` to this child as the page does for an element inside its region.
    pub async fn event(&mut self, event: &str, payload: Payload) -> Result<EventReply> {
        self.view.event_to(self.cid, event, payload).await
    }

    /// [`TestChild::event`] with an empty payload.
    pub async fn click(&mut self, event: &str) -> Result<EventReply> {
        self.event(event, Payload::default()).await
    }

    /// Its region's HTML as the page shows it (empty when the page has no wrapper for it).
    pub fn html(&self) -> String {
        self.view.region_html(self.cid).unwrap_or_default()
    }

    /// The text of its own slot `id` (not one of its children's).
    pub fn slot_text(&self, id: &str) -> Option<String> {
        let root = parse_root(&self.view.html)?;
        let wrapper = find_wrapper(&root, self.cid)?;
        wrapper.children.iter().find_map(|c| match c {
            Node::Element(e) if e.attr(CID_ATTR).is_none() => super::find_slot(e, id).map(text_content),
            _ => None,
        })
    }
}

fn find_wrapper(el: &Element, cid: Cid) -> Option<&Element> {
    let id = cid.to_string();
    fn walk<'a>(el: &'a Element, id: &str) -> Option<&'a Element> {
        el.children.iter().find_map(|c| match c {
            Node::Element(e) if e.attr(CID_ATTR) == Some(id) => Some(e),
            Node::Element(e) => walk(e, id),
            _ => None,
        })
    }
    walk(el, &id)
}
