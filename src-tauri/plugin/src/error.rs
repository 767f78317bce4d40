//! The plugin's one error type; it crosses to JavaScript as `{code, message}`.

use serde::{Serialize, Serializer};

/// What a GoliveKit command can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The runtime refused the request (unknown view, bad payload, handler error, no native
    /// dialogs for `confirm`, ...).
    #[error(transparent)]
    Runtime(#[from] golivekit::Error),
    /// A test-hook command in an app that did not turn test hooks on.
    #[error("test hooks are off in this app (golivekit_tauri::Builder::test_hooks)")]
    TestHooksOff,
    /// An `lv-drop` event whose drop token is not the calling window's last native drop (used,
    /// expired, or never handed out).
    #[error("no file drop with this token in this window (a drop is delivered once, within 10 s)")]
    UnknownDrop,
    /// The window to act on is gone.
    #[error("window `{0}` is not open")]
    NoWindow(String),
}

impl Error {
    /// The stable wire code.
    pub fn code(&self) -> &str {
        match self {
            Error::Runtime(e) => e.code(),
            Error::TestHooksOff => "test_hooks_off",
            Error::NoWindow(_) => "no_window",
            Error::UnknownDrop => "unknown_drop",
        }
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        golivekit::protocol::ErrorBody { code: self.code().to_owned(), message: self.to_string() }.serialize(s)
    }
}

/// Result alias for the plugin.
pub type Result<T> = std::result::Result<T, Error>;
