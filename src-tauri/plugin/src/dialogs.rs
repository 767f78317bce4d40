//! `lv-confirm` through a native dialog opened by Rust.
//!
//! The page asks `confirm {question}`; Rust shows a native OK/Cancel dialog with
//! `tauri-plugin-dialog` and answers `{confirmed}` — `true` only for OK. The page needs no dialog
//! permission of its own (the app's capability grants none), so no page script can open dialogs
//! or bypass the question. An app that did not register `tauri-plugin-dialog` answers
//! `no_native_dialog`, and the bridge falls back to the webview's own `window.confirm`, whose
//! answer it awaits and accepts only when it is exactly `true`.

use golivekit::protocol::{ConfirmReply, ConfirmRequest};
use tauri::{Manager, Runtime, Webview};
use tauri_plugin_dialog::{Dialog, MessageDialogButtons, MessageDialogKind};

use crate::commands::body;
use crate::error::{Error, Result};

/// The title of every confirmation dialog.
pub const CONFIRM_TITLE: &str = "Confirm";

/// `confirm {question}` → `{confirmed}`: asks with a native OK/Cancel dialog, without blocking
/// the main loop or the view (the bridge waits; the view's mailbox is not involved).
#[tauri::command]
pub(crate) async fn confirm<R: Runtime>(webview: Webview<R>, request: tauri::ipc::Request<'_>) -> Result<ConfirmReply> {
    let req: ConfirmRequest = body(&request, "confirm")?;
    let Some(dialog) = webview.try_state::<Dialog<R>>() else {
        return Err(Error::NoNativeDialog);
    };
    let (tx, rx) = tokio::sync::oneshot::channel();
    let builder = dialog
        .message(req.question)
        .title(CONFIRM_TITLE)
        .kind(MessageDialogKind::Warning)
        .buttons(MessageDialogButtons::OkCancel)
        .parent(&webview.window());
    builder.show(move |ok| {
        let _ = tx.send(ok);
    });
    // A dialog that goes away without an answer (the app closing) is a Cancel.
    let confirmed = rx.await.unwrap_or(false);
    Ok(ConfirmReply { confirmed })
}
