//! The plugin's one error type; it crosses to JavaScript as `{code, message}`.

use serde::{Serialize, Serializer};

/// What a GoliveKit command can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The runtime refused the request (unknown view, bad payload, handler error, ...).
    #[error(transparent)]
    Runtime(#[from] golivekit::Error),
    /// The command's body was not JSON (e.g. raw bytes).
    #[error("malformed message: expected a JSON body")]
    NotJson,
}

impl Error {
    /// The stable wire code.
    pub fn code(&self) -> &str {
        match self {
            Error::Runtime(e) => e.code(),
            Error::NotJson => "bad_payload",
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
