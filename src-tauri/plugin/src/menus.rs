//! The app menu from a [`golivekit::menu::MenuBar`], and where a chosen item goes.
//!
//! Platform conventions live here and nowhere else:
//! - **macOS**: the app's own menu comes first (About, Services, Hide, Hide others, Show all,
//!   Quit); a [`Role::Quit`] declared elsewhere moves there.
//! - **Everywhere**: a bar with no Edit role gets the conventional Edit menu
//!   ([`golivekit::menu::Submenu::edit`]) after its first submenu, so `Ctrl+C`/`Ctrl+V` work the
//!   way users expect (on macOS a webview has no copy/paste without one). Undo and Redo are
//!   macOS-only native items (Tauri's predefined ones are unsupported on Linux and Windows, where
//!   the webview's own `Ctrl+Z` applies) and are left out there.
//! - **Quit** is an ordinary item (`CmdOrCtrl+Q`) that calls `AppHandle::exit(0)`, so it goes
//!   through the plugin's graceful quit (pages flush, every view's `terminate(Shutdown)` runs)
//!   instead of the platform's own quit.
//!
//! Any other item becomes a [`golivekit::menu::MenuCommand`] info for the views of the focused
//! window; when no window is focused (the menu of an unfocused window, a click racing a focus
//! change), the window focused last, then `main`, then the others, in label order — see
//! [`golivekit::menu::deliver`], after that window's page has sent what it holds (the same flush
//! as before a close, bounded at 2 s).
//!
//! An accelerator is handled by GTK (AppKit, Win32) before the page sees the key: a page's
//! `lv-window-keydown` for the same keys never fires. Give such keys to one of the two.

use std::sync::Mutex;

use golivekit::menu::{MenuBar, MenuEntry, MenuItem, Role, Submenu};
use tauri::menu::{IsMenuItem, Menu, MenuEvent, MenuItemBuilder, MenuItemKind, PredefinedMenuItem, SubmenuBuilder};
use tauri::{AppHandle, Manager, Runtime};

use crate::GoliveKit;

/// The id of the Quit item the plugin adds for [`Role::Quit`].
pub const QUIT_ID: &str = "golivekit:quit";

/// The id of the item the plugin adds for [`Role::ShowWindow`].
pub const SHOW_ID: &str = "golivekit:show";

/// Which window was focused last (for menu commands arriving while none is).
#[derive(Default)]
pub(crate) struct Focus {
    last: Mutex<Option<String>>,
}

impl Focus {
    pub(crate) fn focused(&self, label: &str, focused: bool) {
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        if focused {
            *last = Some(label.to_owned());
        }
    }

    pub(crate) fn destroyed(&self, label: &str) {
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        if last.as_deref() == Some(label) {
            *last = None;
        }
    }

    pub(crate) fn last(&self) -> Option<String> {
        self.last.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// `bar` with the platform's conventions applied (`macos`: the app menu first, titled
/// `app_name`).
pub fn with_conventions(bar: &MenuBar, app_name: &str, macos: bool) -> MenuBar {
    let mut menus = bar.menus.clone();
    let edit_roles = [Role::Cut, Role::Copy, Role::Paste, Role::SelectAll, Role::Undo, Role::Redo];
    if !edit_roles.iter().any(|r| bar.has_role(*r)) {
        let at = 1.min(menus.len());
        menus.insert(at, Submenu::edit());
    }
    if macos {
        for menu in &mut menus {
            strip_quit(menu);
        }
        menus.insert(0, Submenu::new(app_name).role(Role::Quit));
    } else {
        for menu in &mut menus {
            strip_roles(menu, &[Role::Undo, Role::Redo]);
        }
    }
    MenuBar { menus }
}

fn strip_quit(menu: &mut Submenu) {
    strip_roles(menu, &[Role::Quit]);
}

fn strip_roles(menu: &mut Submenu, roles: &[Role]) {
    menu.entries.retain(|e| !matches!(e, MenuEntry::Role(r) if roles.contains(r)));
    for entry in &mut menu.entries {
        if let MenuEntry::Submenu(s) = entry {
            strip_roles(s, roles);
        }
    }
    // No separator first, last or doubled once roles are gone.
    let mut out: Vec<MenuEntry> = Vec::with_capacity(menu.entries.len());
    for entry in menu.entries.drain(..) {
        let sep = matches!(entry, MenuEntry::Separator);
        if sep && (out.is_empty() || matches!(out.last(), Some(MenuEntry::Separator))) {
            continue;
        }
        out.push(entry);
    }
    if matches!(out.last(), Some(MenuEntry::Separator)) {
        out.pop();
    }
    menu.entries = out;
}

/// Builds the native app menu for `bar` (conventions applied).
pub fn build<R: Runtime>(app: &AppHandle<R>, bar: &MenuBar) -> tauri::Result<Menu<R>> {
    let name = app.package_info().name.clone();
    let macos = cfg!(target_os = "macos");
    let bar = with_conventions(bar, &name, macos);
    let menu = Menu::new(app)?;
    for (i, sub) in bar.menus.iter().enumerate() {
        let built = submenu(app, sub, macos && i == 0, true)?;
        menu.append(&built)?;
    }
    Ok(menu)
}

/// `sub` as a native submenu (`app_menu`: macOS's app menu, with its standard items first;
/// accelerators only where `keys`).
fn submenu<R: Runtime>(
    app: &AppHandle<R>,
    sub: &Submenu,
    app_menu: bool,
    keys: bool,
) -> tauri::Result<tauri::menu::Submenu<R>> {
    let mut items: Vec<MenuItemKind<R>> = Vec::new();
    if app_menu {
        items.push(PredefinedMenuItem::about(app, None, None)?.kind());
        items.push(PredefinedMenuItem::separator(app)?.kind());
        items.push(PredefinedMenuItem::services(app, None)?.kind());
        items.push(PredefinedMenuItem::separator(app)?.kind());
        items.push(PredefinedMenuItem::hide(app, None)?.kind());
        items.push(PredefinedMenuItem::hide_others(app, None)?.kind());
        items.push(PredefinedMenuItem::show_all(app, None)?.kind());
        items.push(PredefinedMenuItem::separator(app)?.kind());
    }
    for entry in &sub.entries {
        items.extend(entry_item(app, entry, keys)?);
    }
    let refs: Vec<&dyn IsMenuItem<R>> = items.iter().map(|i| i as &dyn IsMenuItem<R>).collect();
    SubmenuBuilder::new(app, &sub.label).items(&refs).build()
}

/// The native item for one entry (`None`: an entry kind this shell does not know); accelerators
/// only where `keys` (a tray menu has none).
pub(crate) fn entry_item<R: Runtime>(
    app: &AppHandle<R>,
    entry: &MenuEntry,
    keys: bool,
) -> tauri::Result<Option<MenuItemKind<R>>> {
    Ok(Some(match entry {
        MenuEntry::Item(item) => app_item(app, item, keys)?,
        MenuEntry::Separator => PredefinedMenuItem::separator(app)?.kind(),
        MenuEntry::Submenu(s) => submenu(app, s, false, keys)?.kind(),
        MenuEntry::Role(role) => role_item(app, *role, keys)?,
        _ => return Ok(None),
    }))
}

fn app_item<R: Runtime>(app: &AppHandle<R>, item: &MenuItem, keys: bool) -> tauri::Result<MenuItemKind<R>> {
    let mut builder = MenuItemBuilder::with_id(item.id.as_str(), &item.label).enabled(item.enabled);
    if let Some(acc) = item.accelerator.as_ref().filter(|_| keys) {
        builder = builder.accelerator(acc);
    }
    Ok(builder.build(app)?.kind())
}

fn role_item<R: Runtime>(app: &AppHandle<R>, role: Role, keys: bool) -> tauri::Result<MenuItemKind<R>> {
    Ok(match role {
        Role::Quit => {
            let quit = MenuItemBuilder::with_id(QUIT_ID, "Quit");
            if keys { quit.accelerator("CmdOrCtrl+Q") } else { quit }.build(app)?.kind()
        }
        Role::ShowWindow => MenuItemBuilder::with_id(SHOW_ID, "Show window").build(app)?.kind(),
        Role::Copy => PredefinedMenuItem::copy(app, None)?.kind(),
        Role::Cut => PredefinedMenuItem::cut(app, None)?.kind(),
        Role::Paste => PredefinedMenuItem::paste(app, None)?.kind(),
        Role::SelectAll => PredefinedMenuItem::select_all(app, None)?.kind(),
        Role::Undo => PredefinedMenuItem::undo(app, None)?.kind(),
        Role::Redo => PredefinedMenuItem::redo(app, None)?.kind(),
        _ => PredefinedMenuItem::separator(app)?.kind(),
    })
}

/// The windows a menu command is offered to, in order: the focused ones, the one focused last,
/// `main`, then the rest by label.
pub fn candidates(focused: &[String], last: Option<&str>, all: &[String]) -> Vec<String> {
    let mut rest: Vec<&String> = all.iter().collect();
    rest.sort_unstable();
    let mut out: Vec<String> = Vec::with_capacity(all.len());
    let ordered =
        focused.iter().map(String::as_str).chain(last).chain(Some("main")).chain(rest.into_iter().map(String::as_str));
    for label in ordered {
        if all.iter().any(|l| l == label) && !out.iter().any(|l| l == label) {
            out.push(label.to_owned());
        }
    }
    out
}

/// Installs `bar` as the app menu. Called once at the plugin's setup; [`route`] delivers its
/// items' events.
pub(crate) fn install<R: Runtime>(app: &AppHandle<R>, bar: &MenuBar) -> Result<(), Box<dyn std::error::Error>> {
    bar.validate()?;
    let menu = build(app, bar)?;
    app.set_menu(menu)?;
    Ok(())
}

/// Routes the events of the app menu's and the tray menu's items (Tauri hands every menu event
/// to every handler). Called once at the plugin's setup when either is declared.
pub(crate) fn route<R: Runtime>(app: &AppHandle<R>) {
    app.on_menu_event(on_menu_event);
}

fn on_menu_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().as_ref();
    if id.starts_with(crate::context_menus::PREFIX) {
        return; // a context menu's item: its handler waits for it (context_menus.rs)
    }
    if let Some(state) = app.try_state::<GoliveKit>() {
        state.menu_events.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    if id == QUIT_ID {
        app.exit(0);
        return;
    }
    if id == SHOW_ID {
        crate::tray::show_window(app);
        return;
    }
    let Some(state) = app.try_state::<GoliveKit>() else { return };
    let windows = app.webview_windows();
    let all: Vec<String> = windows.keys().cloned().collect();
    let focused: Vec<String> =
        windows.iter().filter(|(_, w)| w.is_focused().unwrap_or(false)).map(|(l, _)| l.clone()).collect();
    let order = candidates(&focused, state.focus.last().as_deref(), &all);
    // What the target page holds (text typed within the debounce) goes first, as before any
    // event of the page itself: a menu Save right after typing saves the whole text.
    let target = order.iter().find(|w| !state.runtime.views_in(w).is_empty()).cloned();
    let (app, id) = (app.clone(), id.to_owned());
    tauri::async_runtime::spawn(async move {
        let state = app.state::<GoliveKit>();
        if let Some(window) = target.as_deref().filter(|w| state.runtime.has_connected_page(w)) {
            state.closing.flush_page(&app, window).await;
        }
        match golivekit::menu::deliver(&state.runtime, order.iter().map(String::as_str), &id) {
            Some((window, views)) => tracing::debug!(id, window, views, "menu command delivered"),
            None => tracing::debug!(id, "menu command: no window shows a live view"),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(bar: &MenuBar) -> Vec<&str> {
        bar.menus.iter().map(|m| m.label.as_str()).collect()
    }

    fn file() -> MenuBar {
        MenuBar::new().submenu(
            Submenu::new("File")
                .item(MenuItem::new("new", "New").accelerator("CmdOrCtrl+N"))
                .separator()
                .role(Role::Quit),
        )
    }

    #[test]
    fn an_edit_menu_is_added_after_the_first_menu_when_the_bar_has_none() {
        let bar = with_conventions(&file().submenu(Submenu::new("Help")), "Notes", false);
        assert_eq!(labels(&bar), ["File", "Edit", "Help"]);
        let edit = &bar.menus[1];
        assert!(edit.has_role(Role::Copy) && edit.has_role(Role::Paste) && edit.has_role(Role::SelectAll));
        assert!(!edit.has_role(Role::Undo), "undo is macOS-only");
        assert_eq!(edit.entries.first(), Some(&MenuEntry::Role(Role::Cut)), "no leading separator");
        assert!(bar.menus[0].has_role(Role::Quit), "Quit stays in File off macOS");
    }

    #[test]
    fn a_declared_edit_menu_is_kept() {
        let bar = file().submenu(Submenu::new("Edit").role(Role::Copy));
        assert_eq!(labels(&with_conventions(&bar, "Notes", false)), ["File", "Edit"]);
    }

    #[test]
    fn on_macos_the_app_menu_comes_first_and_holds_quit() {
        let bar = with_conventions(&file(), "Notes", true);
        assert_eq!(labels(&bar), ["Notes", "File", "Edit"]);
        assert!(bar.menus[0].has_role(Role::Quit));
        assert!(!bar.menus[1].has_role(Role::Quit));
        assert_eq!(bar.menus[1].entries.len(), 1, "the separator before Quit went with it");
        assert!(bar.menus[2].has_role(Role::Undo));
    }

    #[test]
    fn commands_go_to_the_focused_window_then_the_last_focused_then_main() {
        let all = ["golive-2".to_owned(), "main".to_owned(), "golive-1".to_owned()];
        assert_eq!(candidates(&["golive-2".into()], Some("golive-1"), &all), ["golive-2", "golive-1", "main"]);
        assert_eq!(candidates(&[], Some("golive-1"), &all), ["golive-1", "main", "golive-2"]);
        assert_eq!(candidates(&[], None, &all), ["main", "golive-1", "golive-2"]);
        // A window that is gone is not offered.
        assert_eq!(candidates(&[], Some("golive-9"), &all[..1]), ["golive-2"]);
    }
}
