//! # golivekit-tauri — GoliveKit Desktop's Tauri plugin
//!
//! Puts a [`golivekit::LiveRuntime`] inside a Tauri app:
//! - [`scheme`]: the `golive://` URI scheme serves each window's **initial document** — the view is
//!   mounted and its first render *is* the page (no blank page, no loading round trip);
//! - [`commands`]: `connect`, `event`, `leave` replace GoliveKit's WebSocket; patches come back in
//!   the `event` reply, server pushes over a `tauri::ipc::Channel`;
//! - window lifecycle: a destroyed window terminates its views with `Normal`, app exit terminates
//!   all views with `Shutdown`;
//! - [`windows`]: components and app code open windows on routes (`socket.open_window("/chat")`);
//! - the client ([`golivekit_bridge::SCRIPT`]) is injected into every page as an init script.
//!
//! ```no_run
//! use golivekit::Router;
//! use golivekit_examples::Counter;
//!
//! // In an app: `run(tauri::generate_context!())`.
//! fn run(context: tauri::Context<tauri::Wry>) -> tauri::Result<()> {
//!     tauri::Builder::default()
//!         .plugin(golivekit_tauri::init(Router::new().route("/counter", Counter::default)))
//!         .setup(|app| {
//!             golivekit_tauri::open_window(app.handle(), "main", "/counter", "Counter")?;
//!             Ok(())
//!         })
//!         .run(context)
//! }
//! ```
//! The app's capability must grant `golivekit:default`.

pub mod commands;
pub mod error;
pub mod scheme;
pub mod windows;

use std::sync::Arc;

use golivekit::{Layout, LiveRuntime, Router, Session};
use tauri::plugin::TauriPlugin;
use tauri::{AppHandle, Manager, RunEvent, Runtime, WindowEvent};

pub use error::{Error, Result};
pub use windows::{open_window, url, TauriShell};

/// The plugin's name: commands are `plugin:golivekit|<cmd>`, permissions `golivekit:<perm>`.
pub const PLUGIN_NAME: &str = "golivekit";

/// Configures the plugin: routes, layout, session.
///
/// ```
/// let plugin = golivekit_tauri::Builder::new(golivekit_examples::router())
///     .layout(golivekit_examples::layout())
///     .build::<tauri::Wry>();
/// # let _ = plugin;
/// ```
pub struct Builder {
    runtime: LiveRuntime,
}

impl Builder {
    /// A plugin serving `router`'s routes.
    pub fn new(router: Router) -> Self {
        Self { runtime: LiveRuntime::new(router) }
    }

    /// Uses `layout` for documents.
    pub fn layout(mut self, layout: Layout) -> Self {
        self.runtime = self.runtime.with_layout(layout);
        self
    }

    /// Shares `session` with every view of every window.
    pub fn session(mut self, session: Session) -> Self {
        self.runtime = self.runtime.with_session(session);
        self
    }

    /// Builds the plugin.
    pub fn build<R: Runtime>(self) -> TauriPlugin<R> {
        let runtime = Arc::new(self.runtime);
        let for_scheme = Arc::clone(&runtime);
        tauri::plugin::Builder::new(PLUGIN_NAME)
            .invoke_handler(tauri::generate_handler![commands::connect, commands::event, commands::leave])
            .js_init_script(golivekit_bridge::SCRIPT)
            .register_asynchronous_uri_scheme_protocol(scheme::SCHEME, move |ctx, request, responder| {
                scheme::handle(Arc::clone(&for_scheme), ctx, request, responder)
            })
            .setup(move |app, _api| {
                runtime.set_shell(Arc::new(TauriShell::new(app.clone())));
                app.manage(GoliveKit(runtime));
                Ok(())
            })
            .on_event(on_event)
            .build()
    }
}

/// The plugin with default layout and an empty session.
pub fn init<R: Runtime>(router: Router) -> TauriPlugin<R> {
    Builder::new(router).build()
}

fn on_event<R: Runtime>(app: &AppHandle<R>, event: &RunEvent) {
    match event {
        RunEvent::WindowEvent { label, event: WindowEvent::Destroyed, .. } => {
            let runtime = Arc::clone(&app.state::<GoliveKit>().0);
            let label = label.clone();
            tauri::async_runtime::spawn(async move { runtime.close_window(&label).await });
        }
        RunEvent::Exit => {
            let runtime = Arc::clone(&app.state::<GoliveKit>().0);
            tauri::async_runtime::block_on(async move { runtime.shutdown().await });
        }
        _ => {}
    }
}

/// Managed state: the app's runtime.
struct GoliveKit(Arc<LiveRuntime>);

/// Access to the runtime from anything that reaches the app (`AppHandle`, `App`, windows).
pub trait GoliveKitExt<R: Runtime> {
    /// The app's [`LiveRuntime`].
    ///
    /// # Panics
    /// If the plugin is not registered.
    fn golivekit(&self) -> &LiveRuntime;
}

impl<R: Runtime, T: Manager<R>> GoliveKitExt<R> for T {
    fn golivekit(&self) -> &LiveRuntime {
        &self.state::<GoliveKit>().inner().0
    }
}
