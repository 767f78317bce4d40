//! Window size and position remembered across runs ([`crate::Builder::remember_window_state`]).
//!
//! A small store of our own rather than `tauri-plugin-window-state`: that plugin saves on exit
//! and on close requests it handles itself, which races the plugin's own close and quit
//! choreography (which holds both back, then destroys windows and exits); it is one more
//! dependency for ~100 lines; and its file location cannot be pointed elsewhere per run, which
//! tests need to stay apart. Here each window's inner size (logical pixels) and outer position
//! are kept by label in one JSON file — by default `window-state.json` in the app's config dir
//! (`$XDG_CONFIG_HOME/<identifier>/` on Linux) — written whenever a window is resized or moved
//! (so a crash or a kill keeps the last size too), and applied when a window with that label is
//! created. A position that is on no monitor any more is not restored (only the size is).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use tauri::{LogicalSize, Manager, PhysicalPosition, Runtime, Window};

/// One window's remembered geometry.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Geometry {
    /// Inner width, logical pixels.
    pub width: f64,
    /// Inner height, logical pixels.
    pub height: f64,
    /// Outer position, physical pixels.
    pub x: Option<i32>,
    /// Outer position, physical pixels.
    pub y: Option<i32>,
}

/// The store: geometry by window label, mirrored in a file.
pub(crate) struct WindowState {
    file: Mutex<Option<PathBuf>>,
    windows: Mutex<BTreeMap<String, Geometry>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Reads a store file; a missing or unreadable one is empty (logged when unreadable).
pub fn load(file: &Path) -> BTreeMap<String, Geometry> {
    match std::fs::read_to_string(file) {
        Ok(text) => serde_json::from_str(&text).unwrap_or_else(|e| {
            tracing::warn!(file = %file.display(), "ignoring an unreadable window state file: {e}");
            BTreeMap::new()
        }),
        Err(_) => BTreeMap::new(),
    }
}

impl WindowState {
    /// A store in `file`, or (`None`) in the app config dir once the app is known.
    pub(crate) fn new(file: Option<PathBuf>) -> Self {
        let windows = file.as_deref().map(load).unwrap_or_default();
        Self { file: Mutex::new(file), windows: Mutex::new(windows) }
    }

    /// Finds the default file when none was given.
    pub(crate) fn locate<R: Runtime, M: Manager<R>>(&self, app: &M) {
        let mut file = lock(&self.file);
        if file.is_none() {
            match app.path().app_config_dir() {
                Ok(dir) => {
                    let path = dir.join("window-state.json");
                    *lock(&self.windows) = load(&path);
                    *file = Some(path);
                }
                Err(e) => tracing::warn!("no app config dir, window state is not remembered: {e}"),
            }
        }
    }

    /// Applies what is remembered for `window`'s label.
    pub(crate) fn restore<R: Runtime>(&self, window: &Window<R>) {
        let Some(geometry) = lock(&self.windows).get(window.label()).copied() else { return };
        if geometry.width >= 1.0 && geometry.height >= 1.0 {
            if let Err(e) = window.set_size(LogicalSize::new(geometry.width, geometry.height)) {
                tracing::warn!(window = window.label(), "could not restore the window's size: {e}");
            }
        }
        if let (Some(x), Some(y)) = (geometry.x, geometry.y) {
            let on_screen = window.available_monitors().unwrap_or_default().iter().any(|m| {
                let (p, s) = (m.position(), m.size());
                x >= p.x
                    && y >= p.y
                    && i64::from(x) < i64::from(p.x) + i64::from(s.width)
                    && i64::from(y) < i64::from(p.y) + i64::from(s.height)
            });
            if on_screen {
                let _ = window.set_position(PhysicalPosition::new(x, y));
            }
        }
    }

    /// Records `window`'s current geometry and writes the file if it changed.
    pub(crate) fn record<R: Runtime>(&self, window: &Window<R>) {
        if window.is_minimized().unwrap_or(false) {
            return;
        }
        let (Ok(size), Ok(scale)) = (window.inner_size(), window.scale_factor()) else { return };
        if size.width == 0 || size.height == 0 {
            return;
        }
        let logical = size.to_logical::<f64>(scale);
        let position = window.outer_position().ok();
        let geometry = Geometry {
            width: logical.width,
            height: logical.height,
            x: position.map(|p| p.x),
            y: position.map(|p| p.y),
        };
        let snapshot = {
            let mut windows = lock(&self.windows);
            if windows.get(window.label()) == Some(&geometry) {
                return;
            }
            windows.insert(window.label().to_owned(), geometry);
            serde_json::to_string_pretty(&*windows).unwrap_or_default()
        };
        let Some(file) = lock(&self.file).clone() else { return };
        let written =
            file.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&file, snapshot));
        if let Err(e) = written {
            tracing::warn!(file = %file.display(), "could not save the window state: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_or_broken_file_is_an_empty_store() {
        let dir = std::env::temp_dir().join(format!("golivekit-window-state-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        assert!(load(&dir.join("none.json")).is_empty());
        let broken = dir.join("broken.json");
        std::fs::write(&broken, "{not json").expect("write");
        assert!(load(&broken).is_empty());
        let good = dir.join("good.json");
        std::fs::write(&good, r#"{"main": {"width": 700.0, "height": 500.0, "x": null, "y": null}}"#).expect("write");
        assert_eq!(load(&good)["main"], Geometry { width: 700.0, height: 500.0, x: None, y: None });
        let _ = std::fs::remove_dir_all(&dir);
    }
}
