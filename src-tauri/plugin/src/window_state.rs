//! Window size and position remembered across runs ([`crate::Builder::remember_window_state`]).
//!
//! A small store of our own rather than `tauri-plugin-window-state`: that plugin saves on exit
//! and on close requests it handles itself, which races the plugin's own close and quit
//! choreography (which holds both back, then destroys windows and exits); it is one more
//! dependency for ~100 lines; and its file location cannot be pointed elsewhere per run, which
//! tests need to stay apart. Here each window's inner size (logical pixels) and outer position
//! are kept by label in one JSON file — by default `window-state.json` in the app's config dir
//! (`$XDG_CONFIG_HOME/<identifier>/` on Linux) — written off the main thread once a resize or
//! move has settled for [`SAVE_DELAY`] (a drag is one write, not one per step; a crash or a kill
//! keeps the size from before the last fraction of a second), and at once when a window is
//! destroyed and when the app exits; applied when a window with that label is created. A position that is on no monitor any more is not restored (only the size is).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

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

/// How long a window's geometry has to stay unchanged before it is written.
pub const SAVE_DELAY: Duration = Duration::from_millis(250);

/// The store: geometry by window label, mirrored in a file.
pub(crate) struct WindowState {
    file: Mutex<Option<PathBuf>>,
    windows: Mutex<BTreeMap<String, Geometry>>,
    /// The geometry changed since the file was last written.
    dirty: AtomicBool,
    /// Counts changes, so a delayed write knows whether the geometry settled.
    changes: AtomicU64,
    /// A delayed write is on its way.
    scheduled: AtomicBool,
    /// Held while writing, so two writers never put an older snapshot over a newer one.
    writing: Mutex<()>,
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
        Self {
            file: Mutex::new(file),
            windows: Mutex::new(windows),
            dirty: AtomicBool::new(false),
            changes: AtomicU64::new(0),
            scheduled: AtomicBool::new(false),
            writing: Mutex::new(()),
        }
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

    /// Records `window`'s current geometry; when it changed, a write follows once it has stayed
    /// the same for [`SAVE_DELAY`] (on the async runtime, never on the main thread).
    pub(crate) fn record<R: Runtime>(self: &Arc<Self>, window: &Window<R>) {
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
        {
            let mut windows = lock(&self.windows);
            if windows.get(window.label()) == Some(&geometry) {
                return;
            }
            windows.insert(window.label().to_owned(), geometry);
        }
        self.dirty.store(true, Ordering::SeqCst);
        self.changes.fetch_add(1, Ordering::SeqCst);
        if !self.scheduled.swap(true, Ordering::SeqCst) {
            let store = Arc::clone(self);
            tauri::async_runtime::spawn(async move {
                // Wait until a whole delay passes with no change (a drag goes on moving).
                loop {
                    let seen = store.changes.load(Ordering::SeqCst);
                    tokio::time::sleep(SAVE_DELAY).await;
                    if store.changes.load(Ordering::SeqCst) == seen {
                        break;
                    }
                }
                store.scheduled.store(false, Ordering::SeqCst);
                let _ = tauri::async_runtime::spawn_blocking(move || store.save()).await;
            });
        }
    }

    /// Writes the file now if anything changed since the last write (a window is destroyed, the
    /// app exits, a delayed write is due).
    pub(crate) fn save(&self) {
        let _writing = lock(&self.writing);
        if !self.dirty.swap(false, Ordering::SeqCst) {
            return;
        }
        let snapshot = serde_json::to_string_pretty(&*lock(&self.windows)).unwrap_or_default();
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
