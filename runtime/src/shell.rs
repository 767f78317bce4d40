//! [`Shell`]: what the runtime asks of the app shell it runs in (windows), and [`WindowOptions`].
//!
//! The runtime knows nothing of Tauri; `golivekit-tauri` implements [`Shell`] and installs it with
//! [`crate::LiveRuntime::set_shell`]. Components reach it through [`crate::Socket::open_window`],
//! app code through [`crate::LiveRuntime::open_window`].

use crate::error::Result;

/// How a new window looks.
///
/// ```
/// use golivekit::shell::WindowOptions;
/// let opts = WindowOptions::new().title("Chat").size(480.0, 640.0);
/// assert_eq!(opts.title.as_deref(), Some("Chat"));
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct WindowOptions {
    /// The window title; the shell picks one when `None`.
    pub title: Option<String>,
    /// Inner size in logical pixels; the shell's default when `None`.
    pub size: Option<(f64, f64)>,
}

impl WindowOptions {
    /// Default options.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the inner size.
    pub fn size(mut self, width: f64, height: f64) -> Self {
        self.size = Some((width, height));
        self
    }
}

/// The app shell: opens windows on routes of the app.
pub trait Shell: Send + Sync + 'static {
    /// Opens a new window showing `path` (a route, with an optional `?query`); returns its label.
    /// The window's view is mounted when its document is requested.
    fn open_window(&self, path: &str, options: &WindowOptions) -> Result<String>;
}
