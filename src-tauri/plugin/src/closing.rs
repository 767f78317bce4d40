//! Closing windows and quitting without losing anything: what the page holds is sent first, and
//! every `terminate` finishes before the window or the process goes.
//!
//! - **A window closes** (the window manager's close button, `window.close()` in the page, or
//!   app code via [`close_window`]): the page is asked to flush — every held `lv-input` value is
//!   sent and every event in flight answered ([`FLUSH_TIMEOUT`] at most) — then the window's
//!   views terminate with `Normal` ([`golivekit::runtime::SHUTDOWN_TIMEOUT`] at most, then the
//!   views given up on are logged), and only then is the window destroyed. Closing the last
//!   window is therefore always `Normal`.
//! - **The app quits** (`AppHandle::exit`, a quit menu item, SIGTERM/SIGINT/SIGHUP): the exit is
//!   held back while every page with a live view flushes and every view terminates with
//!   `Shutdown`; then the app exits with the code it was asked for.
//! - A window destroyed by other means still terminates its views, and the app's last `Exit`
//!   waits for those terminations.
//!
//! The page's side is `window.__golivekit.flush()` in the bridge, which resolves once nothing is
//! held and nothing is in flight; it answers with the `flushed {token}` command.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use golivekit::protocol::{CloseRequest, FlushedRequest};
use tauri::ipc::InvokeBody;
use tauri::{AppHandle, Manager, RunEvent, Runtime, Webview, WindowEvent};
use tokio::sync::oneshot;

use crate::commands::body;
use crate::error::Result;
use crate::GoliveKit;

/// How long a page gets to send what it holds before its window closes or the app quits.
pub const FLUSH_TIMEOUT: Duration = Duration::from_secs(2);

/// The close and quit choreography's state (one per app).
#[derive(Default)]
pub(crate) struct Closing {
    /// Flush requests waiting for their page: token → (window, wake-up).
    flushes: Mutex<HashMap<u64, (String, oneshot::Sender<()>)>>,
    next_token: AtomicU64,
    /// Windows being closed: a second close request while one runs is absorbed.
    windows: Mutex<HashSet<String>>,
    /// A quit is under way.
    quitting: AtomicBool,
    /// The quit has flushed and terminated everything: the next exit request goes through.
    drained: AtomicBool,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Closing {
    /// Asks `label`'s page to flush and waits until it has, or [`FLUSH_TIMEOUT`]; returns
    /// whether the page answered.
    pub(crate) async fn flush_page<R: Runtime>(self: &Arc<Self>, app: &AppHandle<R>, label: &str) -> bool {
        let Some(webview) = app.get_webview_window(label) else { return false };
        let token = self.next_token.fetch_add(1, Ordering::Relaxed) + 1;
        let (tx, rx) = oneshot::channel();
        lock(&self.flushes).insert(token, (label.to_owned(), tx));
        let script = format!(
            "(() => {{ const done = () => window.__TAURI_INTERNALS__.invoke('plugin:golivekit|flushed', {{token: {token}}}); \
             const lv = window.__golivekit; \
             (lv && typeof lv.flush === 'function' ? lv.flush() : Promise.resolve()).then(done, done); }})()"
        );
        if let Err(e) = webview.eval(script) {
            tracing::warn!(window = label, "could not ask the page to flush: {e}");
        }
        let answered = matches!(tokio::time::timeout(FLUSH_TIMEOUT, rx).await, Ok(Ok(())));
        lock(&self.flushes).remove(&token);
        if !answered {
            tracing::warn!(window = label, "the page did not confirm its flush within {FLUSH_TIMEOUT:?}");
        }
        answered
    }

    /// The `flushed` command: wakes the flush request `token` if it was made for this window.
    fn flushed(&self, label: &str, token: u64) {
        let mut flushes = lock(&self.flushes);
        if flushes.get(&token).is_some_and(|(w, _)| w == label) {
            if let Some((_, tx)) = flushes.remove(&token) {
                let _ = tx.send(());
            }
        }
    }
}

/// Closes window `label` as the close button does: the page flushes, its views terminate with
/// `Normal`, then the window is destroyed. Returns once the window is gone.
pub async fn close_window<R: Runtime>(app: &AppHandle<R>, label: &str) {
    close_gracefully(app.clone(), label.to_owned(), true).await;
}

async fn close_gracefully<R: Runtime>(app: AppHandle<R>, label: String, ask_page: bool) {
    let state = app.state::<GoliveKit>();
    let (runtime, closing) = (Arc::clone(&state.runtime), Arc::clone(&state.closing));
    if !lock(&closing.windows).insert(label.clone()) {
        return; // already closing
    }
    if ask_page && runtime.has_connected_page(&label) {
        closing.flush_page(&app, &label).await;
    }
    let ending = runtime.close_window(&label);
    if tokio::time::timeout(golivekit::runtime::SHUTDOWN_TIMEOUT, ending).await.is_err() {
        tracing::error!(window = label, views = ?runtime.endings().running(), "gave up waiting for terminate");
    }
    match app.get_webview_window(&label) {
        Some(window) => {
            forget_init_scripts(&window);
            if let Err(e) = window.destroy() {
                tracing::warn!(window = label, "could not destroy the window: {e}");
            }
        }
        None => tracing::debug!(window = label, "the window was already gone"),
    }
    lock(&closing.windows).remove(&label);
}

/// Drops the webview's init scripts (the bridge, ~100 KB) before the window is destroyed.
///
/// On Linux, wry's IPC handler holds a strong reference to its webview from the webview's own
/// content manager, so the manager — and every init script in it — outlives the closed window:
/// measured 295 KiB of app-process RSS per closed window against 96 KiB for a bare Tauri app, the
/// difference being our bridge script (docs/PERFORMANCE.md, "Window churn"). Removing the scripts
/// from a page that is going away changes nothing it shows.
fn forget_init_scripts<R: Runtime>(window: &tauri::WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    {
        let removed = window.with_webview(|webview| {
            use webkit2gtk::{UserContentManagerExt, WebViewExt};
            if let Some(manager) = webview.inner().user_content_manager() {
                manager.remove_all_scripts();
            }
        });
        if let Err(e) = removed {
            tracing::debug!(window = window.label(), "could not drop the init scripts: {e}");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}

async fn quit<R: Runtime>(app: AppHandle<R>, code: i32) {
    let state = app.state::<GoliveKit>();
    let (runtime, closing) = (Arc::clone(&state.runtime), Arc::clone(&state.closing));
    let pages: Vec<String> =
        app.webview_windows().into_keys().filter(|label| runtime.has_connected_page(label)).collect();
    futures::future::join_all(pages.iter().map(|label| closing.flush_page(&app, label))).await;
    runtime.shutdown().await;
    closing.drained.store(true, Ordering::SeqCst);
    app.exit(code);
}

/// `close {}`: the page called `window.close()` (the bridge flushed first): the calling window
/// closes like the close button closes it.
pub(crate) fn close<R: Runtime>(webview: &Webview<R>, payload: &InvokeBody) -> Result<()> {
    let _: CloseRequest = body(payload, "close")?;
    let app = webview.app_handle().clone();
    tauri::async_runtime::spawn(close_gracefully(app, webview.label().to_owned(), false));
    Ok(())
}

/// `flushed {token}`: the page finished the flush the shell asked for.
pub(crate) fn flushed<R: Runtime>(webview: &Webview<R>, payload: &InvokeBody) -> Result<()> {
    let req: FlushedRequest = body(payload, "flushed")?;
    webview.state::<GoliveKit>().closing.flushed(webview.label(), req.token);
    Ok(())
}

/// The plugin's app-event hook: close requests, destroyed windows, exit requests and the exit.
pub(crate) fn on_event<R: Runtime>(app: &AppHandle<R>, event: &RunEvent) {
    let state = app.state::<GoliveKit>();
    match event {
        RunEvent::WindowEvent { label, event: WindowEvent::CloseRequested { api, .. }, .. } => {
            let busy = lock(&state.closing.windows).contains(label);
            if busy || !state.runtime.views_in(label).is_empty() {
                api.prevent_close();
                if !busy {
                    tauri::async_runtime::spawn(close_gracefully(app.clone(), label.clone(), true));
                }
            }
        }
        RunEvent::WindowEvent { label, event: WindowEvent::Destroyed, .. } => {
            // Recorded now, so the app's exit waits for these terminations.
            tauri::async_runtime::spawn(state.runtime.close_window(label));
        }
        RunEvent::ExitRequested { code, api, .. } => {
            if state.closing.drained.load(Ordering::SeqCst) || *code == Some(tauri::RESTART_EXIT_CODE) {
                return;
            }
            let Some(code) = *code else {
                // The last window went: its views are terminating already (recorded when it was
                // destroyed), and `Exit` below waits for them and ends any others.
                return;
            };
            api.prevent_exit();
            if !state.closing.quitting.swap(true, Ordering::SeqCst) {
                tauri::async_runtime::spawn(quit(app.clone(), code));
            }
        }
        RunEvent::Exit => {
            let runtime = Arc::clone(&state.runtime);
            tauri::async_runtime::block_on(async move { runtime.shutdown().await });
        }
        _ => {}
    }
}
