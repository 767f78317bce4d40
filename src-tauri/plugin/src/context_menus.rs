//! Native context menus, shown from a handler (`ctx.native()?.context_menu(menu).await`), usually
//! the handler of an `lv-contextmenu` event: the right-click reaches the component that rendered
//! the element, which decides what to offer and gets the chosen item's id back — or `None` when
//! the menu is dismissed.
//!
//! The menu pops up at the pointer on the asking view's window. `popup_menu` returns once the menu
//! has closed (GTK runs it in a nested main loop; macOS and Windows block likewise), so it runs on
//! a blocking thread, never on an async worker. Each menu's item ids carry a token
//! (`lv-ctx-<token>-<id>`): the chosen item's menu event, which may arrive just after the menu
//! closed, wakes the handler waiting on that menu (a one-shot channel per menu), and the app-menu
//! routing (`menus.rs`) leaves such events alone.
//!
//! The choice is never lost to a busy main thread: the item's event is queued on the event loop
//! before the popup returns (GTK activates the item, then ends the menu), so once the popup has
//! returned, a task queued on the same loop ([`AppHandle::run_on_main_thread`]) runs after that
//! event was handled. The handler waits for that task — however long the main thread is busy
//! (a page laying out 10,000 rows) — and then for at most [`LATE_EVENT`] more, for a platform
//! that delivers the event later still. A choice arriving after all that is logged and dropped;
//! nothing of it stays behind.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use tokio::sync::oneshot;

use golivekit::native::{ContextItem, ContextMenu};
use golivekit::{Error, Result};
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::{AppHandle, Manager, Runtime};

use crate::GoliveKit;

/// The prefix of every context-menu item id.
pub(crate) const PREFIX: &str = "lv-ctx-";

/// How long after the event loop has caught up with the menu its chosen item's event may still
/// arrive (none does on GTK: the event is queued before the popup returns).
const LATE_EVENT: Duration = Duration::from_millis(300);

/// How long the handler waits for the event loop to catch up with a closed menu: only an app
/// shutting down takes this long.
const CATCH_UP: Duration = Duration::from_secs(30);

/// The handlers waiting for a menu's choice, by menu token.
#[derive(Default)]
pub(crate) struct ContextMenus {
    next: AtomicU64,
    waiting: Mutex<HashMap<u64, oneshot::Sender<String>>>,
}

impl ContextMenus {
    fn waiting(&self) -> std::sync::MutexGuard<'_, HashMap<u64, oneshot::Sender<String>>> {
        self.waiting.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// A menu event: `true` when it was a context-menu item (recorded for its menu).
pub(crate) fn on_menu_event<R: Runtime>(app: &AppHandle<R>, id: &str) -> bool {
    let Some(rest) = id.strip_prefix(PREFIX) else { return false };
    let Some((token, item)) = rest.split_once('-') else { return true };
    if let (Some(state), Ok(token)) = (app.try_state::<GoliveKit>(), token.parse::<u64>()) {
        match state.context_menus.waiting().remove(&token) {
            Some(tx) => {
                let _ = tx.send(item.to_owned());
            }
            None => {
                tracing::warn!(token, item, "a context-menu choice arrived after its menu was given up on: ignored")
            }
        }
    }
    true
}

/// Shows `menu` at the pointer on `window` and waits for the choice.
pub(crate) async fn show<R: Runtime>(app: &AppHandle<R>, window: &str, menu: ContextMenu) -> Result<Option<String>> {
    let state = app.try_state::<GoliveKit>().ok_or_else(|| Error::NativeFailed("the plugin is not set up".into()))?;
    let webview = app.get_webview_window(window).ok_or_else(|| Error::NativeFailed(format!("no window `{window}`")))?;
    let token = state.context_menus.next.fetch_add(1, Ordering::Relaxed);
    let native = build(app, token, &menu).map_err(|e| Error::NativeFailed(format!("context menu: {e}")))?;
    let (tx, rx) = oneshot::channel();
    state.context_menus.waiting().insert(token, tx);
    let shown = tokio::task::spawn_blocking(move || webview.popup_menu(&native).map(|()| native)).await;
    let failed = |e: String| {
        state.context_menus.waiting().remove(&token);
        Err(Error::NativeFailed(format!("context menu: {e}")))
    };
    let native = match shown {
        Ok(Ok(native)) => native,
        Ok(Err(e)) => return failed(e.to_string()),
        Err(e) => return failed(e.to_string()),
    };
    // The chosen item's event is queued ahead of this task; a dismissed menu sends none.
    let (caught_up, loop_done) = oneshot::channel();
    if app
        .run_on_main_thread(move || {
            let _ = caught_up.send(());
        })
        .is_ok()
        && tokio::time::timeout(CATCH_UP, loop_done).await.is_err()
    {
        tracing::warn!(window, "the event loop did not catch up with the closed context menu within {CATCH_UP:?}");
    }
    let chosen = tokio::time::timeout(LATE_EVENT, rx).await.ok().and_then(Result::ok);
    state.context_menus.waiting().remove(&token);
    drop(native);
    Ok(chosen.filter(|id| menu.has(id)))
}

fn build<R: Runtime>(app: &AppHandle<R>, token: u64, menu: &ContextMenu) -> tauri::Result<Menu<R>> {
    let native = Menu::new(app)?;
    for item in &menu.items {
        match item {
            ContextItem::Item { id, label } => {
                native.append(&MenuItem::with_id(app, format!("{PREFIX}{token}-{id}"), label, true, None::<&str>)?)?
            }
            ContextItem::Separator => native.append(&PredefinedMenuItem::separator(app)?)?,
        }
    }
    Ok(native)
}
