//! The runtime's one error type. Every variant has a stable snake_case [`Error::code`] that crosses
//! to JavaScript as `{code, message}` (see [`crate::protocol::ErrorBody`]).

use crate::protocol::ErrorBody;

/// Everything that can go wrong between a message arriving and a patch leaving.
///
/// Messages are lowercase with their context; codes are stable and part of the wire protocol.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// No live view has this id (never mounted, or already terminated).
    #[error("unknown view `{0}`")]
    UnknownView(String),
    /// An event named a page connection the view never handed out (or forgot long ago).
    #[error("view `{view}` has no page connection {page}")]
    UnknownPage {
        /// The view id.
        view: String,
        /// The page id the event carried.
        page: u64,
    },
    /// No route matches the requested path.
    #[error("no route matches `{0}`")]
    UnknownRoute(String),
    /// An IPC message did not have the expected shape.
    #[error("malformed message: {0}")]
    BadPayload(String),
    /// An IPC message was larger than [`crate::protocol::MAX_PAYLOAD_BYTES`].
    #[error("payload of at least {size} bytes exceeds the limit of {limit} bytes")]
    PayloadTooLarge {
        /// Bytes counted before the payload was refused (at least `limit + 1`).
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A component callback returned an error; the view lives on, nothing was rendered.
    #[error("{message}")]
    Handler {
        /// The stable code the handler chose (`handler_error`, `unknown_event`, ...).
        code: String,
        /// The handler's message.
        message: String,
    },
    /// `mount` returned an error, so no view exists.
    #[error("mount of `{component}` failed: {message}")]
    MountFailed {
        /// The component's name.
        component: String,
        /// The error `mount` returned.
        message: String,
    },
    /// A callback panicked; the view was terminated with [`crate::TerminateReason::Error`].
    #[error("view `{view}` crashed: {message}")]
    ViewCrashed {
        /// The view id.
        view: String,
        /// The panic message.
        message: String,
    },
    /// Two elements in one render share a `data-slot` id (checked in debug builds).
    #[error("slot id `{0}` is used by more than one element")]
    DuplicateSlot(String),
    /// Two elements in one render share a `data-list` id (checked in debug builds).
    #[error("list id `{0}` is used by more than one element")]
    DuplicateList(String),
    /// Two items of one `data-list` container share a `data-key` (checked in debug builds).
    #[error("key `{key}` is used by more than one item of list `{list}`")]
    DuplicateKey {
        /// The list's `data-list` id.
        list: String,
        /// The repeated `data-key`.
        key: String,
    },
    /// The view stopped while the request was in flight.
    #[error("view `{0}` has terminated")]
    ViewClosed(String),
    /// A window could not be opened (no shell, not a route, the app is closing).
    #[error("cannot open window: {0}")]
    WindowUnavailable(String),
    /// A component asked its context for an app service nobody registered
    /// (see [`crate::LiveRuntime::with_service`]).
    #[error("no service `{type_name}` is registered with the app")]
    ServiceMissing {
        /// The Rust type name of the service asked for.
        type_name: String,
    },
    /// Native dialogs are not available: the app did not register `tauri-plugin-dialog` (or runs
    /// without a native shell).
    #[error("no native dialogs: {0}")]
    NoNativeDialog(String),
    /// An event or message named a component the view does not have (any more): a child that
    /// was removed or crashed, or an id that never existed. Never delivered to another component.
    #[error("view `{view}` has no component {cid}: {why}")]
    UnknownComponent {
        /// The view.
        view: String,
        /// The component id asked for.
        cid: u64,
        /// Why (removed, crashed, never existed).
        why: String,
    },
    /// A child component panicked while handling the request; its region now shows a fallback
    /// and the rest of the view goes on.
    #[error("component `{component}` crashed: {message}")]
    ComponentCrashed {
        /// The child's name.
        component: String,
        /// Which callback panicked, and the panic message.
        message: String,
    },
    /// [`crate::Context::send_child`] named a child that is not mounted.
    #[error("no child `{key}` of type `{component}` is mounted")]
    NotMounted {
        /// The child's Rust type.
        component: String,
        /// The key asked for.
        key: String,
    },
    /// A native capability failed (the window is gone, the platform refused, a path is not local).
    #[error("native call failed: {0}")]
    NativeFailed(String),
}

impl Error {
    /// The stable wire code of this error, e.g. `unknown_view`.
    ///
    /// ```
    /// assert_eq!(golivekit::Error::UnknownView("v1".into()).code(), "unknown_view");
    /// ```
    pub fn code(&self) -> &str {
        match self {
            Error::UnknownView(_) => "unknown_view",
            Error::UnknownPage { .. } => "unknown_page",
            Error::UnknownRoute(_) => "unknown_route",
            Error::BadPayload(_) => "bad_payload",
            Error::PayloadTooLarge { .. } => "payload_too_large",
            Error::Handler { code, .. } => code,
            Error::MountFailed { .. } => "mount_failed",
            Error::ViewCrashed { .. } => "view_crashed",
            Error::DuplicateSlot(_) => "duplicate_slot",
            Error::DuplicateList(_) => "duplicate_list",
            Error::DuplicateKey { .. } => "duplicate_key",
            Error::ViewClosed(_) => "view_closed",
            Error::WindowUnavailable(_) => "window_unavailable",
            Error::ServiceMissing { .. } => "service_missing",
            Error::NoNativeDialog(_) => "no_native_dialog",
            Error::NativeFailed(_) => "native_failed",
            Error::UnknownComponent { .. } => "unknown_component",
            Error::NotMounted { .. } => "not_mounted",
            Error::ComponentCrashed { .. } => "component_crashed",
        }
    }

    /// This error as the `{code, message}` body sent to the client.
    pub fn to_body(&self) -> ErrorBody {
        ErrorBody { code: self.code().to_owned(), message: self.to_string() }
    }
}

impl From<Error> for ErrorBody {
    fn from(e: Error) -> Self {
        e.to_body()
    }
}

/// Result alias for the runtime.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The error a component callback returns — GoliveKit's `error`.
///
/// Any `std::error::Error` converts into it with `?`; [`HandlerError::new`] makes one from a message.
/// Its code reaches the client; the default is `handler_error`, and a runtime [`Error`] (a missing
/// service, a failed native call) keeps its own code.
///
/// ```
/// use golivekit::HandlerError;
/// let e = HandlerError::unknown_event("explode");
/// assert_eq!(e.code(), "unknown_event");
/// let parsed: Result<i64, HandlerError> = "x".parse::<i64>().map_err(HandlerError::from);
/// assert_eq!(parsed.unwrap_err().code(), "handler_error");
/// let missing = HandlerError::from(golivekit::Error::ServiceMissing { type_name: "Db".into() });
/// assert_eq!(missing.code(), "service_missing");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandlerError {
    code: String,
    message: String,
}

impl HandlerError {
    /// An error with code `handler_error` and the given message.
    pub fn new(message: impl Into<String>) -> Self {
        Self { code: "handler_error".into(), message: message.into() }
    }

    /// An error with a code of the component's choosing (snake_case by convention).
    pub fn with_code(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self { code: code.into(), message: message.into() }
    }

    /// The component does not handle this event (code `unknown_event`).
    pub fn unknown_event(event: &str) -> Self {
        Self::with_code("unknown_event", format!("unknown event `{event}`"))
    }

    /// The stable code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl std::fmt::Display for HandlerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl<E: std::error::Error + Send + Sync + 'static> From<E> for HandlerError {
    fn from(e: E) -> Self {
        // A runtime error keeps its stable code (`service_missing`, `no_native_dialog`, ...).
        match (&e as &dyn std::any::Any).downcast_ref::<Error>() {
            Some(Error::Handler { code, message }) => Self::with_code(code.clone(), message.clone()),
            Some(err) => Self::with_code(err.code(), err.to_string()),
            None => Self::new(e.to_string()),
        }
    }
}

impl From<HandlerError> for Error {
    fn from(e: HandlerError) -> Self {
        Error::Handler { code: e.code, message: e.message }
    }
}

/// What component callbacks return.
pub type HandlerResult = std::result::Result<(), HandlerError>;
