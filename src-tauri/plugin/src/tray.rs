//! The tray icon from a [`golivekit::tray::Tray`] ([`crate::Builder::tray`]).
//!
//! Its items are routed like the app menu's (`menus.rs`): an app item becomes a
//! [`golivekit::menu::MenuCommand`] for the focused window's views, after that page has sent what
//! it holds; [`Role::Quit`](golivekit::menu::Role::Quit) quits gracefully;
//! [`Role::ShowWindow`](golivekit::menu::Role::ShowWindow) shows, unminimizes and focuses the window
//! focused last (else `main`, else any). The icon is the app's window icon (`bundle.icon` in
//! `tauri.conf.json`).
//!
//! Platforms: Windows shows it in the notification area, macOS in the menu bar, Linux as a
//! StatusNotifierItem through libayatana-appindicator (loaded at run time; the `.deb` Tauri builds
//! depends on `libayatana-appindicator3-1`), which a desktop panel shows — GNOME needs its
//! AppIndicator extension. Without a panel nothing is shown and nothing fails. Without the library
//! the tray is left out with an error in the log; the app runs on.

#[cfg(feature = "tray")]
use std::panic::AssertUnwindSafe;

use golivekit::tray::Tray;
#[cfg(feature = "tray")]
use tauri::menu::{IsMenuItem, Menu, MenuItemKind};
#[cfg(feature = "tray")]
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Runtime};

#[cfg(feature = "tray")]
use crate::menus;

/// The tray icon's id.
pub const TRAY_ID: &str = "golivekit";

/// Without the `tray` feature: checks `tray` and says there is no icon.
#[cfg(not(feature = "tray"))]
pub(crate) fn install<R: Runtime>(_app: &AppHandle<R>, tray: &Tray) -> Result<(), Box<dyn std::error::Error>> {
    tray.validate()?;
    tracing::error!("Builder::tray: golivekit-tauri was built without its `tray` feature; no tray icon");
    Ok(())
}

/// Shows `tray`. A tray the platform cannot show is logged, never an error of the app's setup;
/// an invalid one (duplicate ids) is.
#[cfg(feature = "tray")]
pub(crate) fn install<R: Runtime>(app: &AppHandle<R>, tray: &Tray) -> Result<(), Box<dyn std::error::Error>> {
    tray.validate()?;
    let menu = build_menu(app, tray)?;
    let Some(icon) = app.default_window_icon().cloned() else {
        tracing::error!("no tray icon: the app has no window icon (tauri.conf.json bundle.icon)");
        return Ok(());
    };
    let builder = TrayIconBuilder::with_id(TRAY_ID).icon(icon).tooltip(&tray.tooltip).menu(&menu);
    // tray-icon loads libayatana-appindicator on Linux at run time and panics without it.
    match std::panic::catch_unwind(AssertUnwindSafe(|| builder.build(app))) {
        Ok(Ok(_icon)) => tracing::debug!("tray icon shown"), // kept by the app until it exits
        Ok(Err(e)) => tracing::error!("no tray icon: {e}"),
        Err(_) => tracing::error!(
            "no tray icon: the platform's tray library could not be loaded (Linux: install libayatana-appindicator3-1)"
        ),
    }
    Ok(())
}

#[cfg(feature = "tray")]
fn build_menu<R: Runtime>(app: &AppHandle<R>, tray: &Tray) -> tauri::Result<Menu<R>> {
    let items =
        tray.menu.entries.iter().map(|e| menus::entry_item(app, e, false)).collect::<tauri::Result<Vec<_>>>()?;
    let items: Vec<MenuItemKind<R>> = items.into_iter().flatten().collect();
    let refs: Vec<&dyn IsMenuItem<R>> = items.iter().map(|i| i as &dyn IsMenuItem<R>).collect();
    Menu::with_items(app, &refs)
}

/// Brings the app's window back: the one focused last, else `main`, else the first by label.
pub(crate) fn show_window<R: Runtime>(app: &AppHandle<R>) {
    let windows = app.webview_windows();
    let last = app.try_state::<crate::GoliveKit>().and_then(|s| s.focus.last());
    let mut labels: Vec<&String> = windows.keys().collect();
    labels.sort_unstable();
    let pick = last
        .as_deref()
        .and_then(|l| windows.get(l))
        .or_else(|| windows.get("main"))
        .or_else(|| labels.first().and_then(|l| windows.get(*l)));
    let Some(window) = pick else {
        tracing::debug!("show window: the app has no window");
        return;
    };
    for (what, done) in [("unminimize", window.unminimize()), ("show", window.show()), ("focus", window.set_focus())] {
        if let Err(e) = done {
            tracing::warn!(window = window.label(), "show window: could not {what}: {e}");
        }
    }
}
