//! One instance of the app: a second launch hands its command line to the running one and exits
//! (on `tauri-plugin-single-instance`: a D-Bus name on Linux, a named mutex on Windows, a socket on
//! macOS). The running app brings its focused window (else the last focused, else `main`) to the
//! front, and that window's views get a [`golivekit::shell::SecondInstance`] info.
//!
//! Opt-in: [`crate::Builder::single_instance`]. Where no instance lock can be had (Linux without a
//! D-Bus session bus) the app starts as a normal, independent instance and says so in the log.

use tauri::plugin::TauriPlugin;
use tauri::{AppHandle, Manager, Runtime};

use crate::GoliveKit;

/// The single-instance plugin, under the app's identifier or `id` (instances with another id
/// ignore each other).
#[cfg(feature = "single-instance")]
pub(crate) fn plugin<R: Runtime>(id: Option<String>) -> Option<TauriPlugin<R>> {
    let builder = tauri_plugin_single_instance::Builder::new().callback(second_launch::<R>);
    Some(match id {
        Some(id) => builder.dbus_id(id).build(),
        None => builder.build(),
    })
}

/// Without the `single-instance` feature: said at once, and every launch is its own instance.
#[cfg(not(feature = "single-instance"))]
pub(crate) fn plugin<R: Runtime>(_id: Option<String>) -> Option<TauriPlugin<R>> {
    tracing::error!("Builder::single_instance: golivekit-tauri was built without `single-instance`; every launch is its own instance");
    None
}

#[cfg_attr(not(feature = "single-instance"), allow(dead_code))]
fn second_launch<R: Runtime>(app: &AppHandle<R>, args: Vec<String>, cwd: String) {
    let Some(state) = app.try_state::<GoliveKit>() else { return };
    let windows = app.webview_windows();
    let all: Vec<String> = windows.keys().cloned().collect();
    let focused: Vec<String> =
        windows.iter().filter(|(_, w)| w.is_focused().unwrap_or(false)).map(|(l, _)| l.clone()).collect();
    let order = crate::menus::candidates(&focused, state.focus.last().as_deref(), &all);
    let info = golivekit::shell::SecondInstance { args, cwd };
    let delivered = golivekit::shell::deliver_to_first(&state.runtime, order.iter().map(String::as_str), || {
        golivekit::Info::new(info.clone())
    });
    let front = delivered.as_ref().map(|(w, _)| w.clone()).or_else(|| order.first().cloned());
    if let Some(window) = front.and_then(|label| windows.get(&label).cloned()) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    tracing::info!(args = ?info.args, window = ?delivered.map(|(w, _)| w), "the app was launched again");
}
