//! A tray icon (status icon) with a menu, declared in Rust: [`Tray`]. The shell
//! (`golivekit_tauri::Builder::tray`) shows it where the platform has one (the notification area
//! on Windows, the menu bar extras on macOS, a StatusNotifierItem on Linux desktops); its items
//! reach the views as [`MenuCommand`](crate::menu::MenuCommand) infos, exactly like the app
//! menu's (the focused window first, then the one focused last, then `main`), after that
//! window's page has sent what it holds. [`Role::Quit`] quits gracefully and [`Role::ShowWindow`]
//! brings the app's window back (shown, unminimized, focused).
//!
//! ```
//! use golivekit::menu::{MenuItem, Role};
//! use golivekit::tray::Tray;
//! let tray = Tray::new("Notes")
//!     .role(Role::ShowWindow)
//!     .item(MenuItem::new("new", "New note"))
//!     .separator()
//!     .role(Role::Quit);
//! assert_eq!(tray.item_ids(), ["new"]);
//! assert!(tray.validate().is_ok());
//! ```

use crate::menu::{MenuBar, MenuEntry, MenuError, MenuItem, Role, Submenu};

/// A tray icon's tooltip and menu. Accelerators of its items are not shown (a tray menu has
/// none); give keys to the app menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tray {
    /// Shown on hover where the platform supports it (not on Linux); also the icon's title.
    pub tooltip: String,
    /// The menu: its `label` is unused, its entries are the tray menu's.
    pub menu: Submenu,
}

impl Tray {
    /// A tray icon with `tooltip` and an empty menu.
    pub fn new(tooltip: impl Into<String>) -> Self {
        let tooltip = tooltip.into();
        Self { menu: Submenu::new(tooltip.clone()), tooltip }
    }

    /// Adds an item.
    pub fn item(mut self, item: MenuItem) -> Self {
        self.menu = self.menu.item(item);
        self
    }

    /// Adds a platform item ([`Role::ShowWindow`], [`Role::Quit`]).
    pub fn role(mut self, role: Role) -> Self {
        self.menu = self.menu.role(role);
        self
    }

    /// Adds a separator.
    pub fn separator(mut self) -> Self {
        self.menu = self.menu.separator();
        self
    }

    /// Adds a nested submenu.
    pub fn submenu(mut self, submenu: Submenu) -> Self {
        self.menu = self.menu.submenu(submenu);
        self
    }

    /// Its app items, depth first.
    pub fn items(&self) -> Vec<&MenuItem> {
        let mut out = Vec::new();
        collect(&self.menu.entries, &mut out);
        out
    }

    /// The ids of its app items, depth first.
    pub fn item_ids(&self) -> Vec<&str> {
        self.items().into_iter().map(|i| i.id.as_str()).collect()
    }

    /// Checks its ids (non-empty, unique). An id may also be an app menu item's: both places
    /// then send the same command.
    pub fn validate(&self) -> Result<(), MenuError> {
        MenuBar::new().submenu(self.without_accelerators()).validate()
    }

    fn without_accelerators(&self) -> Submenu {
        fn strip(entries: &[MenuEntry]) -> Vec<MenuEntry> {
            entries
                .iter()
                .map(|e| match e {
                    MenuEntry::Item(i) => MenuEntry::Item(MenuItem { accelerator: None, ..i.clone() }),
                    MenuEntry::Submenu(s) => {
                        MenuEntry::Submenu(Submenu { label: s.label.clone(), entries: strip(&s.entries) })
                    }
                    other => other.clone(),
                })
                .collect()
        }
        Submenu { label: self.menu.label.clone(), entries: strip(&self.menu.entries) }
    }
}

fn collect<'a>(entries: &'a [MenuEntry], out: &mut Vec<&'a MenuItem>) {
    for entry in entries {
        match entry {
            MenuEntry::Item(item) => out.push(item),
            MenuEntry::Submenu(s) => collect(&s.entries, out),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_or_empty_ids_are_refused_and_accelerators_are_ignored() {
        let twice =
            Tray::new("t").item(MenuItem::new("a", "A")).submenu(Submenu::new("More").item(MenuItem::new("a", "A2")));
        assert_eq!(twice.validate(), Err(MenuError::DuplicateId("a".into())));
        assert_eq!(
            Tray::new("t").item(MenuItem::new("", "Nameless")).validate(),
            Err(MenuError::EmptyId("Nameless".into()))
        );
        let keys = Tray::new("t")
            .item(MenuItem::new("a", "A").accelerator("CmdOrCtrl+N"))
            .item(MenuItem::new("b", "B").accelerator("CmdOrCtrl+N"));
        assert_eq!(keys.validate(), Ok(()), "a tray menu shows no accelerators, so two equal ones do not clash");
    }

    #[test]
    fn roles_are_not_items() {
        let tray =
            Tray::new("Notes").role(Role::ShowWindow).item(MenuItem::new("new", "New")).separator().role(Role::Quit);
        assert_eq!(tray.item_ids(), ["new"]);
        assert!(tray.menu.has_role(Role::ShowWindow) && tray.menu.has_role(Role::Quit));
        assert!(!Role::ShowWindow.is_edit());
    }
}
