//! Files dropped on an `lv-drop` element: the native drop has the paths but not the element, the
//! page has the element but must never have the paths (tauri #5941). So:
//!
//! 1. While files hover over a window, Rust tells its page where (`__golivekit.drag.hover(x, y)`,
//!    CSS pixels); the page puts `lv-drop-active` on the `lv-drop` element under the pointer.
//! 2. On the drop, Rust keeps the paths under a one-time token and tells the page where the drop
//!    happened and the token (`__golivekit.drag.drop(token, x, y)`). The page finds the `lv-drop`
//!    element there and sends its event as any other — with its `lv-value-*`, to the component
//!    that rendered it, in the view's event order — carrying only the token
//!    ([`golivekit::protocol::DROP_TOKEN`]).
//! 3. The `event` command takes the token out, swaps in the paths it kept
//!    ([`golivekit::protocol::DROPPED_FILES`]) and delivers the event. A token is good once, for the
//!    window it was handed to, for [`TOKEN_LIFETIME`]; anything else is `unknown_drop`. A drop
//!    outside every `lv-drop` element sends nothing, and its paths are forgotten.
//!
//! A page can neither name a path (the runtime refuses a page payload carrying
//! [`golivekit::protocol::DROPPED_FILES`]) nor reuse another window's drop.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use tauri::{DragDropEvent, Manager, Runtime};

/// How long a drop's token stays good: the page answers within milliseconds.
pub const TOKEN_LIFETIME: Duration = Duration::from_secs(10);

/// The last drop on each window, waiting for its page to say where it went.
#[derive(Default)]
pub(crate) struct Drops {
    pending: Mutex<HashMap<String, Pending>>,
}

struct Pending {
    token: String,
    files: Vec<PathBuf>,
    at: Instant,
}

impl Drops {
    fn pending(&self) -> std::sync::MutexGuard<'_, HashMap<String, Pending>> {
        self.pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Keeps `files` for `window` under a fresh token (replacing an earlier drop) and returns it.
    pub(crate) fn hold(&self, window: &str, files: Vec<PathBuf>) -> String {
        // A fresh `RandomState` is keyed from the OS's randomness: its hash of anything is a token
        // no page can guess.
        let token = format!("drop-{:016x}", std::collections::hash_map::RandomState::new().build_hasher().finish());
        self.pending().insert(window.to_owned(), Pending { token: token.clone(), files, at: Instant::now() });
        token
    }

    /// The files of `window`'s drop `token`, once; `None` for a token that is not that window's
    /// last drop, was used, or is older than [`TOKEN_LIFETIME`].
    pub(crate) fn take(&self, window: &str, token: &str) -> Option<Vec<PathBuf>> {
        let mut pending = self.pending();
        match pending.get(window) {
            Some(p) if p.token == token && p.at.elapsed() <= TOKEN_LIFETIME => pending.remove(window).map(|p| p.files),
            _ => None,
        }
    }

    /// Forgets `window`'s drop (the window closed).
    pub(crate) fn forget(&self, window: &str) {
        self.pending().remove(window);
    }
}

/// Follows a native drag over `window` (see the module docs).
pub(crate) fn on_drag<R: Runtime>(app: &tauri::AppHandle<R>, drops: &Drops, window: &str, event: &DragDropEvent) {
    let Some(webview) = app.get_webview_window(window) else { return };
    let scale = webview.scale_factor().unwrap_or(1.0);
    let css = |p: &tauri::PhysicalPosition<f64>| (p.x / scale, p.y / scale);
    let script = match event {
        DragDropEvent::Enter { position, .. } | DragDropEvent::Over { position } => {
            let (x, y) = css(position);
            format!("window.__golivekit&&window.__golivekit.drag.hover({x},{y})")
        }
        DragDropEvent::Drop { paths, position } => {
            let (x, y) = css(position);
            let token = drops.hold(window, paths.clone());
            // The token is hex, safe inside a JS string.
            format!("window.__golivekit&&window.__golivekit.drag.drop('{token}',{x},{y})")
        }
        DragDropEvent::Leave => "window.__golivekit&&window.__golivekit.drag.leave()".to_owned(),
        _ => return,
    };
    if let Err(err) = webview.eval(&script) {
        tracing::warn!(%window, %err, "could not tell the page about a file drag");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drop_token_is_good_once_for_its_window_only() {
        let drops = Drops::default();
        let token = drops.hold("main", vec![PathBuf::from("/tmp/a.txt")]);
        assert_eq!(drops.take("other", &token), None, "another window's drop");
        assert_eq!(drops.take("main", "drop-0000000000000000"), None, "a made-up token");
        assert_eq!(drops.take("main", &token), Some(vec![PathBuf::from("/tmp/a.txt")]));
        assert_eq!(drops.take("main", &token), None, "used");
    }

    #[test]
    fn a_later_drop_replaces_the_earlier_one() {
        let drops = Drops::default();
        let first = drops.hold("main", vec![PathBuf::from("/a")]);
        let second = drops.hold("main", vec![PathBuf::from("/b")]);
        assert_ne!(first, second);
        assert_eq!(drops.take("main", &first), None);
        assert_eq!(drops.take("main", &second), Some(vec![PathBuf::from("/b")]));
    }
}
