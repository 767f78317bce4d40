//! [`Router`]: route patterns (`/`, `/counter`, `/todo/:id`) to component factories.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::component::Component;

type Factory = Arc<dyn Fn() -> Box<dyn Component> + Send + Sync>;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Literal(String),
    Param(String),
}

#[derive(Clone)]
struct Route {
    pattern: String,
    segments: Vec<Segment>,
    factory: Factory,
}

/// Maps paths to component factories. The first matching route wins.
///
/// ```
/// use golivekit::{Router, Component};
/// # use golivekit::{async_trait, BaseComponent, Context, Renderer, RendererFunc, Html};
/// # #[derive(Default)] struct Todo { base: BaseComponent }
/// # #[async_trait] impl Component for Todo {
/// #   fn name(&self) -> &'static str { "todo" }
/// #   fn base(&self) -> &BaseComponent { &self.base }
/// #   fn render(&self, _: &Context) -> Renderer<'_> { RendererFunc(|_: &Context, _: &mut Html| Ok(())).into() }
/// # }
/// let router = Router::new().route("/todo/:id", Todo::default);
/// let (component, params) = router.resolve("/todo/42").unwrap();
/// assert_eq!(component.name(), "todo");
/// assert_eq!(params["id"], "42");
/// assert!(router.resolve("/todo").is_none());
/// ```
#[derive(Clone, Default)]
pub struct Router {
    routes: Vec<Route>,
}

impl std::fmt::Debug for Router {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.routes.iter().map(|r| &r.pattern)).finish()
    }
}

fn split(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|s| !s.is_empty())
}

impl Router {
    /// An empty router.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a route. `:name` segments capture route parameters.
    pub fn route<C, F>(mut self, pattern: &str, factory: F) -> Self
    where
        C: Component,
        F: Fn() -> C + Send + Sync + 'static,
    {
        let segments = split(pattern)
            .map(|s| match s.strip_prefix(':') {
                Some(name) => Segment::Param(name.to_owned()),
                None => Segment::Literal(s.to_owned()),
            })
            .collect();
        let factory: Factory = Arc::new(move || Box::new(factory()) as Box<dyn Component>);
        self.routes.push(Route { pattern: pattern.to_owned(), segments, factory });
        self
    }

    /// A fresh component for `path`, with its route parameters.
    pub fn resolve(&self, path: &str) -> Option<(Box<dyn Component>, BTreeMap<String, String>)> {
        let parts: Vec<&str> = split(path).collect();
        self.routes.iter().find_map(|route| {
            if route.segments.len() != parts.len() {
                return None;
            }
            let mut params = BTreeMap::new();
            for (seg, part) in route.segments.iter().zip(&parts) {
                match seg {
                    Segment::Literal(l) if l == part => {}
                    Segment::Literal(_) => return None,
                    Segment::Param(name) => {
                        let value = form_urlencoded::parse(format!("v={part}").as_bytes())
                            .next()
                            .map(|(_, v)| v.into_owned())
                            .unwrap_or_default();
                        params.insert(name.clone(), value);
                    }
                }
            }
            Some(((route.factory)(), params))
        })
    }

    /// The registered patterns, in order.
    pub fn patterns(&self) -> impl Iterator<Item = &str> {
        self.routes.iter().map(|r| r.pattern.as_str())
    }
}
