//! [`TauriNative`]: the runtime's [`golivekit::native::Native`] on `tauri-plugin-dialog` (file and
//! message dialogs, `dialog_plugin.rs`, the `dialogs` feature), `notify-rust` (notifications, the
//! `notifications` feature) and Tauri's menus (context menus, `context_menus.rs`).
//!
//! Installed by the plugin at setup (unless the app registered its own), so a handler awaits
//! `ctx.native()?.open_file(..)`; only the asking handler waits, the GTK main loop and the app's
//! other views stay live. An app built without the `dialogs` feature, or that did not register
//! `tauri-plugin-dialog`, gets `no_native_dialog` from every dialog. The page itself never gets a
//! dialog permission: everything goes through Rust handlers.

use std::path::PathBuf;

use golivekit::native::{ContextMenu, FileDialog, MessageDialog, Native, Notification};
use golivekit::{Error, Result};
use tauri::{AppHandle, Runtime};

#[cfg(feature = "dialogs")]
#[path = "dialog_plugin.rs"]
pub(crate) mod dialogs;
#[cfg(not(feature = "dialogs"))]
#[path = "no_dialog_plugin.rs"]
pub(crate) mod dialogs;

/// Native dialogs, notifications and context menus for the runtime, on Tauri.
pub struct TauriNative<R: Runtime> {
    app: AppHandle<R>,
}

impl<R: Runtime> TauriNative<R> {
    /// Native dialogs for `app`.
    pub fn new(app: AppHandle<R>) -> Self {
        Self { app }
    }
}

/// Which file dialog to show.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Pick {
    /// One existing file.
    File,
    /// Any number of existing files.
    Files,
    /// One folder.
    Folder,
    /// A file to write (it may not exist yet).
    Save,
}

/// The buttons of a message dialog.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Buttons {
    /// OK only.
    Ok,
    /// Yes and No.
    YesNo,
    /// OK and Cancel.
    OkCancel,
}

#[golivekit::async_trait]
impl<R: Runtime> Native for TauriNative<R> {
    async fn open_file(&self, window: &str, dialog: FileDialog) -> Result<Option<PathBuf>> {
        Ok(dialogs::pick(&self.app, window, Pick::File, dialog).await?.pop())
    }

    async fn open_files(&self, window: &str, dialog: FileDialog) -> Result<Vec<PathBuf>> {
        dialogs::pick(&self.app, window, Pick::Files, dialog).await
    }

    async fn pick_folder(&self, window: &str, dialog: FileDialog) -> Result<Option<PathBuf>> {
        Ok(dialogs::pick(&self.app, window, Pick::Folder, dialog).await?.pop())
    }

    async fn save_file(&self, window: &str, dialog: FileDialog) -> Result<Option<PathBuf>> {
        Ok(dialogs::pick(&self.app, window, Pick::Save, dialog).await?.pop())
    }

    async fn message(&self, window: &str, dialog: MessageDialog) -> Result<()> {
        dialogs::ask(&self.app, window, dialog, Buttons::Ok).await.map(|_| ())
    }

    async fn ask(&self, window: &str, dialog: MessageDialog) -> Result<bool> {
        dialogs::ask(&self.app, window, dialog, Buttons::YesNo).await
    }

    async fn confirm(&self, window: &str, dialog: MessageDialog) -> Result<bool> {
        dialogs::ask(&self.app, window, dialog, Buttons::OkCancel).await
    }

    #[cfg(not(feature = "notifications"))]
    async fn notify(&self, _window: &str, _notification: Notification) -> Result<()> {
        Err(Error::NativeFailed("this app was built without golivekit-tauri's `notifications` feature".into()))
    }

    #[cfg(feature = "notifications")]
    async fn notify(&self, _window: &str, notification: Notification) -> Result<()> {
        let app_name = self.app.package_info().name.clone();
        // notify-rust talks to the notification service synchronously (D-Bus on Linux).
        let shown = tokio::task::spawn_blocking(move || {
            let mut n = notify_rust::Notification::new();
            n.appname(&app_name).summary(&notification.title);
            if let Some(body) = &notification.body {
                n.body(body);
            }
            n.show().map(|_| ())
        })
        .await;
        match shown {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(Error::NativeFailed(format!("notification: {e}"))),
            Err(e) => Err(Error::NativeFailed(format!("notification: {e}"))),
        }
    }

    async fn context_menu(&self, window: &str, menu: ContextMenu) -> Result<Option<String>> {
        crate::context_menus::show(&self.app, window, menu).await
    }
}
