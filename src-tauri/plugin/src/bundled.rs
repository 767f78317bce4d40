//! What [`crate::Builder::build`] returns: GoliveKit's plugin with, when the app asked for it, the
//! single-instance plugin inside. A plugin cannot register another from its setup (Tauri holds its
//! plugin store while it runs one: the app deadlocks), and the single-instance check has to run
//! before the app's setup opens any window — so this plugin initializes the single-instance one
//! first, in its own `initialize`, and forwards everything else to GoliveKit's.

use serde_json::Value as JsonValue;
use tauri::ipc::Invoke;
use tauri::plugin::{Plugin, TauriPlugin};
use tauri::webview::PageLoadPayload;
use tauri::{AppHandle, RunEvent, Runtime, Url, Webview, Window};

/// GoliveKit's plugin, and the plugins it brings along.
pub struct GoliveKitPlugin<R: Runtime> {
    inner: TauriPlugin<R>,
    /// Initialized first; gets the app's events too (it releases its lock at exit).
    first: Option<TauriPlugin<R>>,
}

impl<R: Runtime> GoliveKitPlugin<R> {
    pub(crate) fn new(inner: TauriPlugin<R>, first: Option<TauriPlugin<R>>) -> Self {
        GoliveKitPlugin { inner, first }
    }
}

impl<R: Runtime> Plugin<R> for GoliveKitPlugin<R> {
    fn name(&self) -> &'static str {
        self.inner.name()
    }

    fn initialize(&mut self, app: &AppHandle<R>, config: JsonValue) -> Result<(), Box<dyn std::error::Error>> {
        if let Some(first) = &mut self.first {
            // A second launch hands over its arguments and exits in here.
            first.initialize(app, JsonValue::Null)?;
        }
        self.inner.initialize(app, config)
    }

    fn initialization_script(&self) -> Option<String> {
        self.inner.initialization_script()
    }

    fn window_created(&mut self, window: Window<R>) {
        self.inner.window_created(window)
    }

    fn webview_created(&mut self, webview: Webview<R>) {
        self.inner.webview_created(webview)
    }

    fn on_navigation(&mut self, webview: &Webview<R>, url: &Url) -> bool {
        self.inner.on_navigation(webview, url)
    }

    fn on_page_load(&mut self, webview: &Webview<R>, payload: &PageLoadPayload<'_>) {
        self.inner.on_page_load(webview, payload)
    }

    fn on_event(&mut self, app: &AppHandle<R>, event: &RunEvent) {
        if let Some(first) = &mut self.first {
            first.on_event(app, event);
        }
        self.inner.on_event(app, event)
    }

    fn extend_api(&mut self, invoke: Invoke<R>) -> bool {
        self.inner.extend_api(invoke)
    }
}
