//! Native dialogs in an app built without the `dialogs` feature: every dialog answers
//! `no_native_dialog` (and `lv-confirm` falls back to the webview's own confirm), as in an app
//! that did not register `tauri-plugin-dialog`.

use std::path::PathBuf;

use golivekit::native::{FileDialog, MessageDialog};
use golivekit::{Error, Result};
use tauri::{AppHandle, Runtime};

use super::{Buttons, Pick};

const BUILT_WITHOUT: &str = "this app was built without golivekit-tauri's `dialogs` feature";

/// Always `no_native_dialog`.
pub(crate) async fn pick<R: Runtime>(_: &AppHandle<R>, _: &str, _: Pick, _: FileDialog) -> Result<Vec<PathBuf>> {
    Err(Error::NoNativeDialog(BUILT_WITHOUT.into()))
}

/// Always `no_native_dialog`.
pub(crate) async fn ask<R: Runtime>(_: &AppHandle<R>, _: &str, _: MessageDialog, _: Buttons) -> Result<bool> {
    Err(Error::NoNativeDialog(BUILT_WITHOUT.into()))
}
