//! Menus and shortcuts declared in Rust: a [`MenuBar`] of [`Submenu`]s holding [`MenuItem`]s (an
//! id, a label, an accelerator such as `"CmdOrCtrl+N"`) and platform [`Role`]s (Quit, the Edit
//! items). The shell (`golivekit_tauri::Builder::menu`) turns it into the native app menu; a
//! chosen item reaches the **focused window's** views as a [`MenuCommand`] info.
//!
//! This module knows nothing of Tauri: it is a plain description, and [`deliver`], the routing
//! rule the shell follows (the first window, in the order the shell gives — focused first — that
//! shows a live view gets the command).
//!
//! ```
//! use golivekit::menu::{MenuBar, MenuItem, Role, Submenu};
//! let bar = MenuBar::new()
//!     .submenu(
//!         Submenu::new("File")
//!             .item(MenuItem::new("new", "New note").accelerator("CmdOrCtrl+N"))
//!             .separator()
//!             .role(Role::Quit),
//!     )
//!     .submenu(Submenu::edit());
//! assert_eq!(bar.item_ids(), ["new"]);
//! assert!(bar.validate().is_ok());
//! ```
//!
//! A view reacts in `handle_info`:
//!
//! ```
//! # use golivekit::{Context, HandlerResult, Info};
//! use golivekit::menu::MenuCommand;
//! # fn handle_info(_ctx: &Context, msg: Info) -> HandlerResult {
//! if let Some(MenuCommand { id }) = msg.downcast_ref::<MenuCommand>() {
//!     match id.as_str() {
//!         "new" => { /* add a note */ }
//!         _ => {}
//!     }
//! }
//! # Ok(()) }
//! ```

use std::collections::HashSet;

use crate::component::Info;
use crate::runtime::LiveRuntime;

/// The typed info a view receives in `handle_info` when a menu item (or its accelerator) is
/// chosen: the item's [`MenuItem::id`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuCommand {
    /// The chosen item's id.
    pub id: String,
}

/// A platform item whose behaviour the shell provides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Role {
    /// Quit the app (`CmdOrCtrl+Q`), gracefully: pages flush and every view terminates first.
    Quit,
    /// Copy the selection.
    Copy,
    /// Cut the selection.
    Cut,
    /// Paste.
    Paste,
    /// Select all.
    SelectAll,
    /// Undo (macOS; elsewhere the webview's own `Ctrl+Z` applies and the item is left out).
    Undo,
    /// Redo (macOS; elsewhere left out).
    Redo,
    /// Show the app's window — the one focused last, else `main` — unminimized and focused (a
    /// tray menu's "Show window"; see [`crate::tray`]).
    ShowWindow,
}

impl Role {
    /// Whether this role belongs in an Edit menu.
    pub fn is_edit(self) -> bool {
        !matches!(self, Role::Quit | Role::ShowWindow)
    }
}

/// An item the app handles: chosen, it is a [`MenuCommand`] with its id.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct MenuItem {
    /// What [`MenuCommand::id`] carries; unique in the bar.
    pub id: String,
    /// What the user sees.
    pub label: String,
    /// A shortcut in Tauri's syntax (`"CmdOrCtrl+N"`, `"Shift+Alt+F4"`), if any.
    pub accelerator: Option<String>,
    /// Whether it can be chosen.
    pub enabled: bool,
}

impl MenuItem {
    /// An enabled item with no accelerator.
    pub fn new(id: impl Into<String>, label: impl Into<String>) -> Self {
        Self { id: id.into(), label: label.into(), accelerator: None, enabled: true }
    }

    /// Sets its accelerator (`"CmdOrCtrl+N"`).
    pub fn accelerator(mut self, accelerator: impl Into<String>) -> Self {
        self.accelerator = Some(accelerator.into());
        self
    }

    /// Enables or disables it.
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = enabled;
        self
    }
}

/// One entry of a [`Submenu`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MenuEntry {
    /// An item the app handles.
    Item(MenuItem),
    /// A platform item.
    Role(Role),
    /// A separator line.
    Separator,
    /// A nested submenu.
    Submenu(Submenu),
}

/// A titled menu (`File`, `Edit`) of entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submenu {
    /// Its title.
    pub label: String,
    /// Its entries, in order.
    pub entries: Vec<MenuEntry>,
}

impl Submenu {
    /// An empty submenu titled `label`.
    pub fn new(label: impl Into<String>) -> Self {
        Self { label: label.into(), entries: Vec::new() }
    }

    /// The conventional Edit menu: Undo, Redo, a separator, Cut, Copy, Paste, Select all.
    pub fn edit() -> Self {
        Self::new("Edit")
            .role(Role::Undo)
            .role(Role::Redo)
            .separator()
            .role(Role::Cut)
            .role(Role::Copy)
            .role(Role::Paste)
            .role(Role::SelectAll)
    }

    /// Adds an item.
    pub fn item(mut self, item: MenuItem) -> Self {
        self.entries.push(MenuEntry::Item(item));
        self
    }

    /// Adds a platform item.
    pub fn role(mut self, role: Role) -> Self {
        self.entries.push(MenuEntry::Role(role));
        self
    }

    /// Adds a separator.
    pub fn separator(mut self) -> Self {
        self.entries.push(MenuEntry::Separator);
        self
    }

    /// Adds a nested submenu.
    pub fn submenu(mut self, submenu: Submenu) -> Self {
        self.entries.push(MenuEntry::Submenu(submenu));
        self
    }

    /// Whether it holds `role`, at any depth.
    pub fn has_role(&self, role: Role) -> bool {
        self.entries.iter().any(|e| match e {
            MenuEntry::Role(r) => *r == role,
            MenuEntry::Submenu(s) => s.has_role(role),
            _ => false,
        })
    }

    fn collect_items<'a>(&'a self, out: &mut Vec<&'a MenuItem>) {
        for entry in &self.entries {
            match entry {
                MenuEntry::Item(item) => out.push(item),
                MenuEntry::Submenu(s) => s.collect_items(out),
                _ => {}
            }
        }
    }
}

/// The app menu: submenus in order (on macOS the shell puts the app's own menu first).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MenuBar {
    /// The submenus, left to right.
    pub menus: Vec<Submenu>,
}

/// Why a [`MenuBar`] is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MenuError {
    /// Two items share an id.
    #[error("two menu items share the id `{0}`")]
    DuplicateId(String),
    /// An item has an empty id.
    #[error("the menu item `{0}` has an empty id")]
    EmptyId(String),
    /// Two items share an accelerator.
    #[error("two menu items share the accelerator `{0}`")]
    DuplicateAccelerator(String),
}

impl MenuBar {
    /// An empty bar.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a submenu.
    pub fn submenu(mut self, submenu: Submenu) -> Self {
        self.menus.push(submenu);
        self
    }

    /// Every app item, depth first.
    pub fn items(&self) -> Vec<&MenuItem> {
        let mut out = Vec::new();
        for menu in &self.menus {
            menu.collect_items(&mut out);
        }
        out
    }

    /// The ids of every app item, depth first.
    pub fn item_ids(&self) -> Vec<&str> {
        self.items().into_iter().map(|i| i.id.as_str()).collect()
    }

    /// The item with `id`.
    pub fn find(&self, id: &str) -> Option<&MenuItem> {
        self.items().into_iter().find(|i| i.id == id)
    }

    /// Whether any submenu holds `role`.
    pub fn has_role(&self, role: Role) -> bool {
        self.menus.iter().any(|m| m.has_role(role))
    }

    /// Checks ids (non-empty, unique) and accelerators (unique, ignoring case and spaces).
    pub fn validate(&self) -> Result<(), MenuError> {
        let (mut ids, mut keys) = (HashSet::new(), HashSet::new());
        for item in self.items() {
            if item.id.is_empty() {
                return Err(MenuError::EmptyId(item.label.clone()));
            }
            if !ids.insert(item.id.as_str()) {
                return Err(MenuError::DuplicateId(item.id.clone()));
            }
            if let Some(acc) = &item.accelerator {
                let norm: String = acc.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
                if !keys.insert(norm) {
                    return Err(MenuError::DuplicateAccelerator(acc.clone()));
                }
            }
        }
        Ok(())
    }
}

/// Delivers [`MenuCommand`] `id` to the views of the first window in `windows` (in the shell's
/// order: the focused window first, then the one last focused, then the others) that shows a live
/// view. Returns that window's label and how many views got the command; `None` when no window
/// has a live view (the command is dropped).
///
/// ```
/// # tokio::runtime::Runtime::new().unwrap().block_on(async {
/// let rt = golivekit::LiveRuntime::new(golivekit::Router::new());
/// assert_eq!(golivekit::menu::deliver(&rt, ["main"], "new"), None);
/// # });
/// ```
pub fn deliver<'a>(rt: &LiveRuntime, windows: impl IntoIterator<Item = &'a str>, id: &str) -> Option<(String, usize)> {
    let delivered = crate::shell::deliver_to_first(rt, windows, || Info::new(MenuCommand { id: id.to_owned() }));
    if delivered.is_none() {
        tracing::debug!(id, "menu command with no window showing a live view: dropped");
    }
    delivered
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    use super::*;
    use crate::{async_trait, BaseComponent, Component, Context, HandlerResult, Html, Renderer, RendererFunc, Router};

    type Seen = Arc<Mutex<Vec<(String, String)>>>;

    struct Recorder {
        base: BaseComponent,
        seen: Seen,
    }

    #[async_trait]
    impl Component for Recorder {
        fn name(&self) -> &'static str {
            "recorder"
        }
        fn base(&self) -> &BaseComponent {
            &self.base
        }
        fn render(&self, _: &Context) -> Renderer<'_> {
            RendererFunc(|_: &Context, w: &mut Html| {
                w.raw("<div data-live-view=\"recorder\"></div>");
                Ok(())
            })
            .into()
        }
        async fn handle_info(&mut self, ctx: &Context, msg: Info) -> HandlerResult {
            if let Some(MenuCommand { id }) = msg.downcast_ref::<MenuCommand>() {
                self.seen.lock().expect("lock").push((ctx.window().to_owned(), id.clone()));
            }
            Ok(())
        }
    }

    fn runtime(seen: &Seen) -> LiveRuntime {
        let seen = Arc::clone(seen);
        LiveRuntime::new(
            Router::new().route("/", move || Recorder { base: BaseComponent::default(), seen: Arc::clone(&seen) }),
        )
    }

    async fn settle(seen: &Seen, n: usize) -> Vec<(String, String)> {
        for _ in 0..200 {
            if seen.lock().expect("lock").len() >= n {
                break;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        seen.lock().expect("lock").clone()
    }

    #[tokio::test]
    async fn a_command_reaches_the_first_window_in_order_that_shows_a_view() {
        let seen = Seen::default();
        let rt = runtime(&seen);
        assert_eq!(rt.document("main", "/", "").await.status, 200);
        assert_eq!(rt.document("golive-1", "/", "").await.status, 200);
        // The focused window first.
        assert_eq!(deliver(&rt, ["golive-1", "main"], "new"), Some(("golive-1".into(), 1)));
        assert_eq!(settle(&seen, 1).await, [("golive-1".to_owned(), "new".to_owned())]);
        // A focused window with no view (a devtools window, an error page): the next one.
        assert_eq!(deliver(&rt, ["devtools", "main"], "save"), Some(("main".into(), 1)));
        assert_eq!(settle(&seen, 2).await[1], ("main".to_owned(), "save".to_owned()));
        rt.shutdown().await;
    }

    #[tokio::test]
    async fn a_command_with_no_live_view_anywhere_is_dropped() {
        let seen = Seen::default();
        let rt = runtime(&seen);
        assert_eq!(deliver(&rt, ["main"], "new"), None);
        assert_eq!(rt.document("main", "/", "").await.status, 200);
        rt.close_window("main").await;
        assert_eq!(deliver(&rt, ["main"], "new"), None);
        assert!(seen.lock().expect("lock").is_empty());
        rt.shutdown().await;
    }

    #[test]
    fn validation_refuses_duplicate_ids_and_accelerators() {
        let file = |a: MenuItem, b: MenuItem| MenuBar::new().submenu(Submenu::new("File").item(a).item(b));
        let dup = file(MenuItem::new("new", "New"), MenuItem::new("new", "Again"));
        assert_eq!(dup.validate(), Err(MenuError::DuplicateId("new".into())));
        let keys = file(
            MenuItem::new("a", "A").accelerator("CmdOrCtrl+N"),
            MenuItem::new("b", "B").accelerator("cmdorctrl + n"),
        );
        assert_eq!(keys.validate(), Err(MenuError::DuplicateAccelerator("cmdorctrl + n".into())));
        let empty = file(MenuItem::new("", "Nameless"), MenuItem::new("b", "B"));
        assert_eq!(empty.validate(), Err(MenuError::EmptyId("Nameless".into())));
    }

    #[test]
    fn nested_items_and_roles_are_found() {
        let bar = MenuBar::new()
            .submenu(Submenu::new("File").submenu(Submenu::new("Recent").item(MenuItem::new("r1", "One"))))
            .submenu(Submenu::edit());
        assert_eq!(bar.item_ids(), ["r1"]);
        assert_eq!(bar.find("r1").map(|i| i.label.as_str()), Some("One"));
        assert!(bar.has_role(Role::Paste) && !bar.has_role(Role::Quit));
        assert!(Submenu::edit().entries.iter().all(|e| match e {
            MenuEntry::Role(r) => r.is_edit(),
            _ => true,
        }));
    }
}
