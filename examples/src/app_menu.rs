//! The demo app's menu bar, declared in Rust (`golivekit::menu`): File (New `CmdOrCtrl+N`, Open
//! folder… `CmdOrCtrl+O`, Save `CmdOrCtrl+S`, Next note, Quit `CmdOrCtrl+Q`) and the conventional
//! Edit menu. A chosen item reaches the focused window's views as a `MenuCommand` info, after that
//! window's page has sent what it holds (a save right after typing saves the whole text); each
//! view acts on the ids it knows — the editor (`/editor`) on New, Save and Next note, the notes
//! app (`/notes`) on New, Open folder… and Save — and ignores the rest.
//!
//! The tray icon's menu ([`tray`]) offers Show window, New note (the same `new` command, to the
//! window focused last) and Quit.

use golivekit::menu::{MenuBar, MenuItem, Role, Submenu};
use golivekit::tray::Tray;

/// File → New (a note).
pub const MENU_NEW: &str = "new";
/// File → Open folder…
pub const MENU_OPEN_FOLDER: &str = "open_folder";
/// File → Save.
pub const MENU_SAVE: &str = "save";
/// File → Next note (the editor's; no accelerator: `Ctrl+J` is the editor page's window key).
pub const MENU_NEXT: &str = "next";

/// The demo app's menu bar.
///
/// ```
/// let bar = golivekit_examples::app_menu::menu_bar();
/// assert!(bar.validate().is_ok());
/// assert!(bar.find("open_folder").is_some());
/// ```
pub fn menu_bar() -> MenuBar {
    MenuBar::new()
        .submenu(
            Submenu::new("File")
                .item(MenuItem::new(MENU_NEW, "New note").accelerator("CmdOrCtrl+N"))
                .item(MenuItem::new(MENU_OPEN_FOLDER, "Open folder…").accelerator("CmdOrCtrl+O"))
                .item(MenuItem::new(MENU_SAVE, "Save").accelerator("CmdOrCtrl+S"))
                .item(MenuItem::new(MENU_NEXT, "Next note"))
                .separator()
                .role(Role::Quit),
        )
        .submenu(Submenu::edit())
}

/// The demo app's tray icon: Show window, New note, Quit.
///
/// ```
/// let tray = golivekit_examples::app_menu::tray();
/// assert_eq!(tray.item_ids(), ["new"]);
/// ```
pub fn tray() -> Tray {
    Tray::new("GoliveKit Desktop")
        .role(Role::ShowWindow)
        .item(MenuItem::new(MENU_NEW, "New note"))
        .separator()
        .role(Role::Quit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_menu_is_valid_and_ctrl_j_stays_the_editor_pages() {
        let bar = menu_bar();
        bar.validate().expect("valid");
        let keys: Vec<_> = bar.items().iter().filter_map(|i| i.accelerator.clone()).collect();
        assert_eq!(keys, ["CmdOrCtrl+N", "CmdOrCtrl+O", "CmdOrCtrl+S"]);
    }
}
