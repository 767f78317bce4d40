//! `lv-confirm` through a native dialog opened by Rust.
//!
//! The page asks `confirm {question}`; Rust shows a native OK/Cancel dialog with
//! `tauri-plugin-dialog` and answers `{confirmed}` — `true` only for OK. The page needs no dialog
//! permission of its own (the app's capability grants none), so no page script can open dialogs
//! or bypass the question. An app that did not register `tauri-plugin-dialog` (or was built
//! without the `dialogs` feature) answers `no_native_dialog`, and the bridge falls back to the
//! webview's own `window.confirm`, whose answer it awaits and accepts only when it is exactly
//! `true`.

use golivekit::native::{MessageDialog, MessageKind};
use golivekit::protocol::{ConfirmReply, ConfirmRequest};
use tauri::ipc::InvokeBody;
use tauri::{Manager, Runtime, Webview};

use crate::commands::body;
use crate::error::Result;
use crate::native::{dialogs, Buttons};

/// The title of every confirmation dialog.
pub const CONFIRM_TITLE: &str = "Confirm";

/// `confirm {question}` → `{confirmed}`: asks with a native OK/Cancel dialog, without blocking
/// the main loop or the view (the bridge waits; the view's mailbox is not involved).
pub(crate) async fn confirm<R: Runtime>(webview: &Webview<R>, payload: &InvokeBody) -> Result<ConfirmReply> {
    let req: ConfirmRequest = body(payload, "confirm")?;
    let question = MessageDialog::new(req.question).title(CONFIRM_TITLE).kind(MessageKind::Warning);
    let confirmed = dialogs::ask(webview.app_handle(), webview.window().label(), question, Buttons::OkCancel).await?;
    Ok(ConfirmReply { confirmed })
}
