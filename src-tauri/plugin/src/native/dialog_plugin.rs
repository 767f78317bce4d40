//! Native file and message dialogs on `tauri-plugin-dialog` (the `dialogs` feature).
//!
//! Each dialog is started with the plugin's non-blocking `pick_file`/`pick_files`/`pick_folder`/
//! `save_file`/`show` and its answer awaited on a oneshot: the GTK main loop keeps running and
//! the app's other windows and views stay live; only the asking handler waits. Dialogs are
//! parented to the asking view's window when it still exists.
//!
//! The dialog plugin is looked up on each call (`Dialog<R>` managed state), so the app may
//! register it before or after GoliveKit's plugin. An app that did not register it gets
//! `no_native_dialog`.

use std::path::PathBuf;

use golivekit::native::{FileDialog, MessageDialog, MessageKind};
use golivekit::{Error, Result};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::{Dialog, FileDialogBuilder, FilePath, MessageDialogButtons, MessageDialogKind};
use tokio::sync::oneshot;

use super::{Buttons, Pick};

/// Shows the file dialog `pick` in `window` and awaits the chosen paths (none: cancelled).
pub(crate) async fn pick<R: Runtime>(
    app: &AppHandle<R>,
    window: &str,
    pick: Pick,
    options: FileDialog,
) -> Result<Vec<PathBuf>> {
    let builder = file(app, window, options)?;
    let (tx, rx) = oneshot::channel::<Vec<FilePath>>();
    let one = |tx: oneshot::Sender<Vec<FilePath>>| {
        move |p: Option<FilePath>| {
            let _ = tx.send(p.into_iter().collect());
        }
    };
    match pick {
        Pick::File => builder.pick_file(one(tx)),
        Pick::Folder => builder.pick_folder(one(tx)),
        Pick::Save => builder.save_file(one(tx)),
        Pick::Files => builder.pick_files(move |p| {
            let _ = tx.send(p.unwrap_or_default());
        }),
    }
    // A dialog that went away unanswered (the app closing) is a cancel.
    rx.await.unwrap_or_default().into_iter().map(local).collect()
}

/// Shows a message dialog with `buttons` in `window` and awaits its answer: `true` for OK or
/// Yes. A dialog that goes away without an answer (the app closing) is a No.
pub(crate) async fn ask<R: Runtime>(
    app: &AppHandle<R>,
    window: &str,
    options: MessageDialog,
    buttons: Buttons,
) -> Result<bool> {
    let kind = match options.kind {
        MessageKind::Info => MessageDialogKind::Info,
        MessageKind::Warning => MessageDialogKind::Warning,
        MessageKind::Error => MessageDialogKind::Error,
    };
    let buttons = match buttons {
        Buttons::Ok => MessageDialogButtons::Ok,
        Buttons::YesNo => MessageDialogButtons::YesNo,
        Buttons::OkCancel => MessageDialogButtons::OkCancel,
    };
    let mut builder = dialog(app)?.message(options.message).kind(kind).buttons(buttons);
    if let Some(title) = options.title {
        builder = builder.title(title);
    }
    if let Some(parent) = app.get_webview_window(window) {
        builder = builder.parent(&parent);
    }
    let (tx, rx) = oneshot::channel();
    builder.show(move |yes| {
        let _ = tx.send(yes);
    });
    Ok(rx.await.unwrap_or(false))
}

fn dialog<R: Runtime>(app: &AppHandle<R>) -> Result<Dialog<R>> {
    app.try_state::<Dialog<R>>().map(|d| d.inner().clone()).ok_or_else(|| {
        Error::NoNativeDialog(
            "the app did not register tauri-plugin-dialog (`.plugin(tauri_plugin_dialog::init())`)".into(),
        )
    })
}

fn file<R: Runtime>(app: &AppHandle<R>, window: &str, options: FileDialog) -> Result<FileDialogBuilder<R>> {
    let mut builder = dialog(app)?.file();
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
    if let Some(parent) = app.get_webview_window(window) {
        builder = builder.set_parent(&parent);
    }
    Ok(builder)
}

/// A chosen [`FilePath`] as a local path (desktop dialogs always give one).
fn local(path: FilePath) -> Result<PathBuf> {
    path.into_path().map_err(|e| Error::NativeFailed(format!("the dialog gave no local path: {e}")))
}
