//! Windows: the URL a window loads for a route, opening windows, and [`TauriShell`] — the
//! [`golivekit::Shell`] through which components (`socket.open_window`) and app code open them.

use std::sync::atomic::{AtomicU64, Ordering};

use golivekit::{Shell, WindowOptions};
use tauri::{AppHandle, Manager, Runtime, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

use crate::scheme;

/// Default inner size of a window, in logical pixels.
pub const DEFAULT_SIZE: (f64, f64) = (900.0, 640.0);

/// The URL a window loads to show `path` (`/counter?start=3`).
///
/// Linux and macOS use `golive://localhost/…`; Windows and Android `http://golive.localhost/…`.
///
/// ```
/// let url = golivekit_tauri::url("/counter?start=3");
/// assert_eq!(url.path(), "/counter");
/// assert_eq!(url.query(), Some("start=3"));
/// ```
pub fn url(path: &str) -> tauri::Url {
    let path = if path.starts_with('/') { path.to_owned() } else { format!("/{path}") };
    let base = if cfg!(any(windows, target_os = "android")) {
        format!("http://{}.localhost", scheme::SCHEME)
    } else {
        format!("{}://localhost", scheme::SCHEME)
    };
    tauri::Url::parse(&format!("{base}{path}"))
        .unwrap_or_else(|_| tauri::Url::parse(&format!("{base}/")).expect("the base URL is valid"))
}

/// Opens a new window labelled `label` showing `path`.
pub fn open_window<R: Runtime, M: Manager<R>>(
    manager: &M,
    label: &str,
    path: &str,
    title: &str,
) -> tauri::Result<WebviewWindow<R>> {
    builder(manager, label, path, &WindowOptions::new().title(title)).build()
}

fn builder<'a, R: Runtime, M: Manager<R>>(
    manager: &'a M,
    label: &'a str,
    path: &str,
    options: &WindowOptions,
) -> WebviewWindowBuilder<'a, R, M> {
    let (width, height) = options.size.unwrap_or(DEFAULT_SIZE);
    let title = options.title.clone().unwrap_or_else(|| manager.package_info().name.clone());
    WebviewWindowBuilder::new(manager, label, WebviewUrl::CustomProtocol(url(path)))
        .title(title)
        .inner_size(width, height)
}

/// Opens windows for the runtime. Labels are `golive-1`, `golive-2`, … in the order asked.
pub struct TauriShell<R: Runtime> {
    app: AppHandle<R>,
    next: AtomicU64,
}

impl<R: Runtime> TauriShell<R> {
    /// A shell for `app`.
    pub fn new(app: AppHandle<R>) -> Self {
        Self { app, next: AtomicU64::new(1) }
    }
}

impl<R: Runtime> Shell for TauriShell<R> {
    /// Picks a free label and creates the window on Tauri's async runtime, so a component's mailbox
    /// never waits on the event loop; a window that then fails to open is logged.
    fn open_window(&self, path: &str, options: &WindowOptions) -> golivekit::Result<String> {
        let label = loop {
            let label = format!("golive-{}", self.next.fetch_add(1, Ordering::Relaxed));
            if self.app.get_webview_window(&label).is_none() {
                break label;
            }
        };
        let (app, path, options, for_task) = (self.app.clone(), path.to_owned(), options.clone(), label.clone());
        tauri::async_runtime::spawn(async move {
            if let Err(e) = builder(&app, &for_task, &path, &options).build() {
                tracing::error!(window = for_task, path, "could not open window: {e}");
            }
        });
        Ok(label)
    }
}
