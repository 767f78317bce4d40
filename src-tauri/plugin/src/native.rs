//! [`TauriNative`]: the runtime's [`golivekit::native::Native`] on `tauri-plugin-dialog` (dialogs),
//! `notify-rust` (notifications) and Tauri's menus (context menus, `context_menus.rs`).
//!
//! Installed by the plugin at setup (unless the app registered its own), so a handler awaits
//! `ctx.native()?.open_file(..)`. Each dialog is started with the plugin's non-blocking
//! `pick_file`/`pick_files`/`pick_folder`/`save_file`/`show` and its answer awaited on a oneshot:
//! the GTK main loop keeps running and the app's other windows and views stay live; only the asking
//! handler waits. Dialogs are parented to the asking view's window when it still exists.
//!
//! The dialog plugin is looked up on each call (`Dialog<R>` managed state), so it may be registered
//! before or after this plugin. An app that did not register it gets `no_native_dialog`. The page
//! itself never gets a dialog permission: everything goes through Rust handlers.

use std::path::PathBuf;

use golivekit::native::{ContextMenu, FileDialog, MessageDialog, MessageKind, Native, Notification};
use golivekit::{Error, Result};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::{
    Dialog, FileDialogBuilder, FilePath, MessageDialogBuilder, MessageDialogButtons, MessageDialogKind,
};
use tokio::sync::oneshot;

/// Native dialogs for the runtime, on `tauri-plugin-dialog`.
pub struct TauriNative<R: Runtime> {
    app: AppHandle<R>,
}

impl<R: Runtime> TauriNative<R> {
    /// Native dialogs for `app`.
    pub fn new(app: AppHandle<R>) -> Self {
        Self { app }
    }

    fn dialog(&self) -> Result<Dialog<R>> {
        self.app.try_state::<Dialog<R>>().map(|d| d.inner().clone()).ok_or_else(|| {
            Error::NoNativeDialog(
                "the app did not register tauri-plugin-dialog (`.plugin(tauri_plugin_dialog::init())`)".into(),
            )
        })
    }

    fn file(&self, window: &str, options: FileDialog) -> Result<FileDialogBuilder<R>> {
        let mut builder = self.dialog()?.file();
        if let Some(title) = options.title {
            builder = builder.set_title(title);
        }
        for filter in &options.filters {
            let extensions: Vec<&str> = filter.extensions.iter().map(String::as_str).collect();
            builder = builder.add_filter(&filter.name, &extensions);
        }
        if let Some(path) = options.default_path {
            if path.is_dir() {
                builder = builder.set_directory(path);
            } else {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    builder = builder.set_directory(dir);
                }
                if let Some(name) = path.file_name() {
                    builder = builder.set_file_name(name.to_string_lossy());
                }
            }
        }
        if let Some(parent) = self.app.get_webview_window(window) {
            builder = builder.set_parent(&parent);
        }
        Ok(builder)
    }

    fn message_builder(
        &self,
        window: &str,
        options: MessageDialog,
        buttons: MessageDialogButtons,
    ) -> Result<MessageDialogBuilder<R>> {
        let kind = match options.kind {
            MessageKind::Info => MessageDialogKind::Info,
            MessageKind::Warning => MessageDialogKind::Warning,
            MessageKind::Error => MessageDialogKind::Error,
        };
        let mut builder = self.dialog()?.message(options.message).kind(kind).buttons(buttons);
        if let Some(title) = options.title {
            builder = builder.title(title);
        }
        if let Some(parent) = self.app.get_webview_window(window) {
            builder = builder.parent(&parent);
        }
        Ok(builder)
    }

    async fn answer(&self, window: &str, options: MessageDialog, buttons: MessageDialogButtons) -> Result<bool> {
        let (tx, rx) = oneshot::channel();
        self.message_builder(window, options, buttons)?.show(move |yes| {
            let _ = tx.send(yes);
        });
        // A dialog that goes away without an answer (the app closing) is a No.
        Ok(rx.await.unwrap_or(false))
    }
}

/// A chosen [`FilePath`] as a local path (desktop dialogs always give one).
fn local(path: FilePath) -> Result<PathBuf> {
    path.into_path().map_err(|e| Error::NativeFailed(format!("the dialog gave no local path: {e}")))
}

/// Awaits a dialog's answer; a dialog that went away unanswered (the app closing) is a cancel.
async fn chosen<T>(rx: oneshot::Receiver<Option<T>>) -> Option<T> {
    rx.await.ok().flatten()
}

#[golivekit::async_trait]
impl<R: Runtime> Native for TauriNative<R> {
    async fn open_file(&self, window: &str, dialog: FileDialog) -> Result<Option<PathBuf>> {
        let (tx, rx) = oneshot::channel();
        self.file(window, dialog)?.pick_file(move |p| {
            let _ = tx.send(p);
        });
        chosen(rx).await.map(local).transpose()
    }

    async fn open_files(&self, window: &str, dialog: FileDialog) -> Result<Vec<PathBuf>> {
        let (tx, rx) = oneshot::channel();
        self.file(window, dialog)?.pick_files(move |p| {
            let _ = tx.send(p);
        });
        chosen(rx).await.unwrap_or_default().into_iter().map(local).collect()
    }

    async fn pick_folder(&self, window: &str, dialog: FileDialog) -> Result<Option<PathBuf>> {
        let (tx, rx) = oneshot::channel();
        self.file(window, dialog)?.pick_folder(move |p| {
            let _ = tx.send(p);
        });
        chosen(rx).await.map(local).transpose()
    }

    async fn save_file(&self, window: &str, dialog: FileDialog) -> Result<Option<PathBuf>> {
        let (tx, rx) = oneshot::channel();
        self.file(window, dialog)?.save_file(move |p| {
            let _ = tx.send(p);
        });
        chosen(rx).await.map(local).transpose()
    }

    async fn message(&self, window: &str, dialog: MessageDialog) -> Result<()> {
        self.answer(window, dialog, MessageDialogButtons::Ok).await.map(|_| ())
    }

    async fn ask(&self, window: &str, dialog: MessageDialog) -> Result<bool> {
        self.answer(window, dialog, MessageDialogButtons::YesNo).await
    }

    async fn confirm(&self, window: &str, dialog: MessageDialog) -> Result<bool> {
        self.answer(window, dialog, MessageDialogButtons::OkCancel).await
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
