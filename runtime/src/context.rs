//! [`Context`], [`Params`] and [`Session`]: what a callback knows about where it runs.

use std::collections::BTreeMap;
use std::ops::Deref;
use std::sync::Arc;

use crate::assigns::Assigns;

/// Per-call context handed to every component callback — GoliveKit's `ctx`.
#[derive(Debug, Clone, Default)]
pub struct Context {
    view_id: String,
    path: String,
    window: String,
}

impl Context {
    pub(crate) fn new(view_id: &str, path: &str, window: &str) -> Self {
        Self { view_id: view_id.into(), path: path.into(), window: window.into() }
    }

    /// A context bound to no view, for rendering outside the runtime (docs, tests).
    pub fn detached() -> Self {
        Self::default()
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
