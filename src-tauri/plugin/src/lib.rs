//! # golivekit-tauri — GoliveKit Desktop's Tauri plugin
//!
//! Puts a [`golivekit::LiveRuntime`] inside a Tauri app:
//! - [`scheme`]: the `golive://` URI scheme serves each window's **initial document** — the view is
//!   mounted and its first render *is* the page (no blank page, no loading round trip);
//! - [`commands`]: `connect`, `event`, `resync`, `leave` replace GoliveKit's WebSocket; patches
//!   come back in the `event` reply, server pushes over a `tauri::ipc::Channel`; each command acts
//!   only on the calling window's own views;
//! - [`dialogs`]: `lv-confirm` asks through a native dialog opened by Rust;
//! - [`closing`]: a closing window first lets its page send what it holds, then terminates its
//!   views with `Normal` and only then goes; quitting (also on SIGTERM/SIGINT) flushes every page
//!   and terminates every view with `Shutdown` before the process exits;
//! - [`windows`]: components and app code open windows on routes (`socket.open_window("/chat")`);
//! - [`native`]: file and message dialogs awaited in handlers (`ctx.native()?.open_file(..)`), on
//!   `tauri-plugin-dialog`; app services ([`Builder::service`]) reach components through `ctx`;
//! - [`menus`]: the app menu declared in Rust ([`Builder::menu`]); a chosen item reaches the
//!   focused window's views as a [`golivekit::menu::MenuCommand`] info; platform conventions
//!   (macOS app menu, Edit roles, a graceful Quit) in one module;
//! - [`tray`]: the tray icon ([`Builder::tray`]), its items routed like the app menu's;
//! - `context_menus`: native context menus shown from handlers (`ctx.native()?.context_menu(..)`),
//!   typically for an `lv-contextmenu` right-click;
//! - [`drops`]: files dropped on an `lv-drop` element reach its component's handler as real
//!   paths, which only Rust holds (the page says where the drop landed, never what was dropped);
//! - `single_instance`: a second launch hands its arguments to the running app as a
//!   [`golivekit::shell::SecondInstance`] info and exits ([`Builder::single_instance`]);
//! - [`links`]: external links (`http(s)`, `mailto:`, `tel:`) open in the system browser, not
//!   in the app's webview ([`Builder::external_links`]);
//! - [`window_state`]: window size and position remembered across runs
//!   ([`Builder::remember_window_state`]);
//! - the client ([`golivekit_bridge::script`]) is injected into every page as an init script.
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

mod bundled;
pub mod closing;
pub mod commands;
mod context_menus;
pub mod dialogs;
mod dispatch;
pub mod drops;
pub mod error;
pub mod links;
pub mod menus;
pub mod native;
pub mod scheme;
mod signals;
mod single_instance;
pub mod tray;
pub mod window_state;
pub mod windows;

use std::path::PathBuf;
use std::sync::Arc;

use golivekit::menu::MenuBar;
use golivekit::tray::Tray;
use golivekit::{Layout, LiveRuntime, Router, Session};
use tauri::{Manager, Runtime};

pub use bundled::GoliveKitPlugin;
pub use closing::close_window;
pub use error::{Error, Result};
pub use native::TauriNative;
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
    test_hooks: bool,
    binding_checks: bool,
    quit_on_signals: bool,
    menu: Option<MenuBar>,
    tray: Option<Tray>,
    /// `Some(file)`: window state remembered (`None` inside: in the app config dir).
    window_state: Option<Option<PathBuf>>,
    external_links: Option<links::ExternalLinks>,
    /// `Some(id)`: one instance (`None` inside: under the app's identifier).
    single_instance: Option<Option<String>>,
}

impl Builder {
    /// A plugin serving `router`'s routes.
    pub fn new(router: Router) -> Self {
        Self {
            runtime: LiveRuntime::new(router),
            test_hooks: false,
            binding_checks: cfg!(debug_assertions),
            quit_on_signals: true,
            menu: None,
            tray: None,
            window_state: None,
            external_links: None,
            single_instance: None,
        }
    }

    /// Answers the `stats` command (how many events reached a view), for end-to-end tests that
    /// check an interaction made no round trip. Off by default.
    pub fn test_hooks(mut self, on: bool) -> Self {
        self.test_hooks = on;
        self
    }

    /// Whether the page checks the elements each patch adds for unknown `lv-*` bindings and
    /// malformed command lists, as it checks the first document (errors in the webview's
    /// console, naming the element). On in debug builds (`cargo tauri dev`), off in release
    /// builds: the check needs a `MutationObserver` on every view, and a keyed list refilled
    /// with hundreds of rows paid for one record per row and a check per row on every
    /// keystroke. The first document is checked either way.
    ///
    /// ```
    /// let plugin = golivekit_tauri::Builder::new(golivekit_examples::router())
    ///     .binding_checks(true) // a release build that reports bad bindings in patches too
    ///     .build::<tauri::Wry>();
    /// # let _ = plugin;
    /// ```
    pub fn binding_checks(mut self, on: bool) -> Self {
        self.binding_checks = on;
        self
    }

    /// Whether SIGTERM, SIGINT and SIGHUP quit the app gracefully (pages flush, every view's
    /// `terminate(Shutdown)` runs). On by default on Unix; a second signal exits at once.
    pub fn quit_on_signals(mut self, on: bool) -> Self {
        self.quit_on_signals = on;
        self
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

    /// Registers `service` as the app's `T`: components reach it with `ctx.service::<T>()`
    /// (a database pool, a settings store, a client). One value per type.
    ///
    /// ```
    /// struct Settings { theme: String }
    /// let plugin = golivekit_tauri::Builder::new(golivekit_examples::router())
    ///     .service(Settings { theme: "dark".into() })
    ///     .build::<tauri::Wry>();
    /// # let _ = plugin;
    /// ```
    pub fn service<T: Send + Sync + 'static>(mut self, service: T) -> Self {
        self.runtime = self.runtime.with_service(service);
        self
    }

    /// Uses `native` for `ctx.native()` instead of [`TauriNative`] (the default, on
    /// `tauri-plugin-dialog`).
    pub fn native(mut self, native: Arc<dyn golivekit::native::Native>) -> Self {
        self.runtime = self.runtime.with_native(native);
        self
    }

    /// Installs `bar` as the app menu (see [`menus`] for the platform conventions). A chosen item
    /// reaches the focused window's views as a [`golivekit::menu::MenuCommand`] info; a
    /// [`golivekit::menu::Role::Quit`] quits gracefully. A bar with duplicate ids or accelerators,
    /// or an accelerator Tauri cannot parse, fails the app's setup.
    ///
    /// ```
    /// use golivekit::menu::{MenuBar, MenuItem, Role, Submenu};
    /// let bar = MenuBar::new()
    ///     .submenu(Submenu::new("File").item(MenuItem::new("new", "New").accelerator("CmdOrCtrl+N")).role(Role::Quit));
    /// let plugin = golivekit_tauri::Builder::new(golivekit_examples::router()).menu(bar).build::<tauri::Wry>();
    /// # let _ = plugin;
    /// ```
    pub fn menu(mut self, bar: MenuBar) -> Self {
        self.menu = Some(bar);
        self
    }

    /// Shows a tray icon with `tray`'s menu (see [`tray`] for the platforms). Its items reach the
    /// focused window's views as [`golivekit::menu::MenuCommand`] infos, like the app menu's;
    /// [`golivekit::menu::Role::ShowWindow`] brings the window back and
    /// [`golivekit::menu::Role::Quit`] quits gracefully. Duplicate ids fail the app's setup; a
    /// platform that cannot show a tray is logged and the app runs on. Off by default.
    ///
    /// ```
    /// use golivekit::menu::{MenuItem, Role};
    /// use golivekit::tray::Tray;
    /// let tray = Tray::new("Notes").role(Role::ShowWindow).item(MenuItem::new("new", "New note")).role(Role::Quit);
    /// let plugin = golivekit_tauri::Builder::new(golivekit_examples::router()).tray(tray).build::<tauri::Wry>();
    /// # let _ = plugin;
    /// ```
    pub fn tray(mut self, tray: Tray) -> Self {
        self.tray = Some(tray);
        self
    }

    /// Remembers each window's size and position (by label) across runs, in
    /// `window-state.json` in the app's config dir (see [`window_state`]). Off by default.
    pub fn remember_window_state(mut self, on: bool) -> Self {
        self.window_state = if on { Some(self.window_state.flatten()) } else { None };
        self
    }

    /// Remembers window state (as [`Builder::remember_window_state`]) in `file` instead of the
    /// app's config dir.
    pub fn window_state_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.window_state = Some(Some(file.into()));
        self
    }

    /// Opens external links — a navigation to an `http(s)`, `mailto:` or `tel:` URL that is not
    /// one of the app's pages — with `links` (the system browser: [`links::ExternalLinks::SystemBrowser`])
    /// instead of in the app's webview, whose page stays. Off by default: the webview would then
    /// navigate away from the app.
    ///
    /// ```
    /// use golivekit_tauri::links::ExternalLinks;
    /// let plugin = golivekit_tauri::Builder::new(golivekit_examples::router())
    ///     .external_links(ExternalLinks::SystemBrowser)
    ///     .build::<tauri::Wry>();
    /// # let _ = plugin;
    /// ```
    pub fn external_links(mut self, links: links::ExternalLinks) -> Self {
        self.external_links = Some(links);
        self
    }

    /// One instance of the app: a second launch hands its command line to the running app —
    /// whose focused window comes to the front and whose views get a
    /// [`golivekit::shell::SecondInstance`] info — and exits. Off by default.
    pub fn single_instance(mut self, on: bool) -> Self {
        self.single_instance = if on { Some(self.single_instance.flatten()) } else { None };
        self
    }

    /// [`Builder::single_instance`] under `id` instead of the app's identifier: instances with
    /// different ids do not see each other (tests, side-by-side channels).
    pub fn single_instance_id(mut self, id: impl Into<String>) -> Self {
        self.single_instance = Some(Some(id.into()));
        self
    }

    /// Builds the plugin.
    pub fn build<R: Runtime>(self) -> GoliveKitPlugin<R> {
        let runtime = Arc::new(self.runtime);
        let for_scheme = Arc::clone(&runtime);
        let (test_hooks, quit_on_signals) = (self.test_hooks, self.quit_on_signals);
        let (menu, tray) = (self.menu, self.tray);
        let external_links = self.external_links;
        let single_instance = self.single_instance;
        let window_state = self.window_state.map(|file| Arc::new(window_state::WindowState::new(file)));
        let plugin = tauri::plugin::Builder::new(PLUGIN_NAME)
            .invoke_handler(dispatch::handle)
            .js_init_script(bridge_script(self.binding_checks))
            .on_navigation(move |webview, url| match &external_links {
                Some(links) => links::on_navigation(links, webview, url),
                None => true,
            })
            .register_asynchronous_uri_scheme_protocol(scheme::SCHEME, move |ctx, request, responder| {
                scheme::handle(Arc::clone(&for_scheme), ctx, request, responder)
            })
            .setup(move |app, _api| {
                if app.config().app.security.csp.is_none() {
                    tracing::warn!(
                        "tauri.conf.json sets no app.security.csp: GoliveKit documents are served without a \
                         Content-Security-Policy (see the README, \"Your own Tauri app\")"
                    );
                }
                runtime.set_shell(Arc::new(TauriShell::new(app.clone())));
                if !runtime.has_native() {
                    // Finds `tauri-plugin-dialog` at each call: it may be registered after us.
                    runtime.set_native(Arc::new(TauriNative::new(app.clone())));
                }
                if let Some(state) = &window_state {
                    state.locate(app);
                }
                if let Some(bar) = &menu {
                    menus::install(app, bar)?;
                }
                if let Some(tray) = &tray {
                    tray::install(app, tray)?;
                }
                if menu.is_some() || tray.is_some() {
                    menus::route(app);
                }
                app.manage(GoliveKit {
                    runtime,
                    closing: Arc::default(),
                    test_hooks,
                    focus: menus::Focus::default(),
                    window_state,
                    drops: drops::Drops::default(),
                    context_menus: context_menus::ContextMenus::default(),
                    menu_events: std::sync::atomic::AtomicU64::new(0),
                });
                // Items of the context menus handlers show (the app menu has its own routing).
                app.on_menu_event(|app, event| {
                    context_menus::on_menu_event(app, event.id().as_ref());
                });
                if quit_on_signals {
                    signals::quit_on_signals(app.clone());
                }
                Ok(())
            })
            .on_window_ready(|window| {
                if let Some(state) = window.try_state::<GoliveKit>().and_then(|s| s.window_state.clone()) {
                    state.restore(&window);
                }
            })
            .on_event(|app, event| {
                closing::on_event(app, event);
                on_window_event(app, event);
                if let tauri::RunEvent::Exit = event {
                    if let Some(store) = app.try_state::<GoliveKit>().and_then(|s| s.window_state.clone()) {
                        store.save();
                    }
                }
            })
            .build();
        GoliveKitPlugin::new(plugin, single_instance.and_then(single_instance::plugin))
    }
}

/// The plugin with default layout and an empty session.
pub fn init<R: Runtime>(router: Router) -> GoliveKitPlugin<R> {
    Builder::new(router).build()
}

/// Managed state: the app's runtime and the close/quit choreography.
pub(crate) struct GoliveKit {
    runtime: Arc<LiveRuntime>,
    closing: Arc<closing::Closing>,
    test_hooks: bool,
    focus: menus::Focus,
    window_state: Option<Arc<window_state::WindowState>>,
    drops: drops::Drops,
    context_menus: context_menus::ContextMenus,
    /// Events of the app menu's and the tray menu's items received (clicks and accelerators), for
    /// the `stats` test hook.
    menu_events: std::sync::atomic::AtomicU64,
}

/// The bridge as injected into every page: [`golivekit_bridge::script`], told first whether to
/// check what patches add ([`Builder::binding_checks`]).
fn bridge_script(binding_checks: bool) -> String {
    let script = golivekit_bridge::script();
    if binding_checks {
        script.to_owned()
    } else {
        format!("window.__GOLIVEKIT_BINDING_CHECKS__ = false;\n{script}")
    }
}

/// Window events the menus (which window was focused last), the window state and file drops follow.
fn on_window_event<R: Runtime>(app: &tauri::AppHandle<R>, event: &tauri::RunEvent) {
    use tauri::WindowEvent;
    let tauri::RunEvent::WindowEvent { label, event, .. } = event else { return };
    let Some(state) = app.try_state::<GoliveKit>() else { return };
    match event {
        WindowEvent::Focused(focused) => state.focus.focused(label, *focused),
        WindowEvent::DragDrop(drag) => drops::on_drag(app, &state.drops, label, drag),
        WindowEvent::Destroyed => {
            state.focus.destroyed(label);
            state.drops.forget(label);
            if let Some(store) = &state.window_state {
                store.save();
            }
        }
        WindowEvent::Resized(_) | WindowEvent::Moved(_) => {
            if let (Some(store), Some(window)) =
                (&state.window_state, app.get_webview_window(label).map(|w| w.as_ref().window()))
            {
                store.record(&window);
            }
        }
        _ => {}
    }
}

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
        &self.state::<GoliveKit>().inner().runtime
    }
}
