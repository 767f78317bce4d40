//! [`Shell`]: what the runtime asks of the app shell it runs in (windows), and [`WindowOptions`];
//! [`SecondInstance`], the info a second launch of the app brings, and [`deliver_to_first`], how
//! the shell hands an app-wide info (a menu command, a second launch) to one window's views.
//!
//! The runtime knows nothing of Tauri; `golivekit-tauri` implements [`Shell`] and installs it with
//! [`crate::LiveRuntime::set_shell`]. Components reach it through [`crate::Socket::open_window`],
//! app code through [`crate::LiveRuntime::open_window`].

use crate::component::Info;
use crate::error::Result;
use crate::runtime::LiveRuntime;

/// The app was launched again while it ran: the second launch handed over its command line and
/// working directory, then exited. Arrives as an info for the views of the focused window (the
/// shell also brings that window to the front), with `golivekit_tauri::Builder::single_instance`.
///
/// ```
/// use golivekit::shell::SecondInstance;
/// use golivekit::Info;
/// let info = Info::new(SecondInstance { args: vec!["app".into(), "notes.md".into()], cwd: "/home/ann".into() });
/// assert_eq!(info.downcast_ref::<SecondInstance>().map(|s| s.args.len()), Some(2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecondInstance {
    /// The second launch's arguments, the program first (as `std::env::args`).
    pub args: Vec<String>,
    /// Its working directory.
    pub cwd: String,
}

/// Sends the info `make()` builds to every view of the first of `windows` that shows one (a
/// window order such as focused, last focused, `main`, the rest); returns that window and how
/// many views took it, or `None` when no window shows a live view.
pub fn deliver_to_first<'a>(
    rt: &LiveRuntime,
    windows: impl IntoIterator<Item = &'a str>,
    make: impl Fn() -> Info,
) -> Option<(String, usize)> {
    for window in windows {
        let reached = rt.views_in(window).iter().filter(|view| rt.info(view, make()).is_ok()).count();
        if reached > 0 {
            return Some((window.to_owned(), reached));
        }
    }
    None
}

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
