//! [`Native`]: the native capabilities of the app shell — file and message dialogs — as an app
//! service, reached from a handler with [`crate::Context::native`].
//!
//! The runtime knows nothing of Tauri: `golivekit-tauri` implements [`Native`] with
//! `tauri-plugin-dialog` and registers it at start; tests use
//! [`crate::testing::FakeNative`]. Every dialog is awaited inside the handler without blocking
//! the app's main loop or its other windows (only the asking view waits, like for any `.await`).
//!
//! Answers are real paths: a cancelled dialog is `None` (or an empty `Vec`, or `false`), never an
//! error; errors are typed ([`Error::NoNativeDialog`] when the app has no native dialogs,
//! [`Error::NativeFailed`] otherwise).
//!
//! ```
//! use golivekit::{async_trait, Component, Context, HandlerResult, Payload};
//! use golivekit::native::FileDialog;
//! # use golivekit::{BaseComponent, Renderer, RendererFunc, Html};
//! # #[derive(Default)] struct Opener { base: BaseComponent, chosen: Option<std::path::PathBuf> }
//! #[async_trait]
//! impl Component for Opener {
//! #   fn name(&self) -> &'static str { "opener" }
//! #   fn base(&self) -> &BaseComponent { &self.base }
//! #   fn render(&self, _: &Context) -> Renderer<'_> { RendererFunc(|_: &Context, w: &mut Html| { w.raw("<div></div>"); Ok(()) }).into() }
//!     async fn handle_event(&mut self, ctx: &Context, _event: &str, _: &Payload) -> HandlerResult {
//!         let dialog = FileDialog::new().title("Open a note").filter("Notes", &["md", "txt"]);
//!         self.chosen = ctx.native()?.open_file(dialog).await?; // `None`: cancelled
//!         Ok(())
//!     }
//! }
//! ```

use std::path::PathBuf;
use std::sync::Arc;

use crate::error::{Error, Result};

/// One filter of a file dialog: a name and the extensions it shows (without the dot).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFilter {
    /// What the user sees, e.g. `Notes`.
    pub name: String,
    /// Extensions without the dot, e.g. `["md", "txt"]`.
    pub extensions: Vec<String>,
}

/// A file or folder dialog's options.
///
/// ```
/// use golivekit::native::FileDialog;
/// let d = FileDialog::new().title("Save as").filter("Text", &["txt"]).default_path("/tmp/notes.txt");
/// assert_eq!(d.filters[0].extensions, ["txt"]);
/// assert_eq!(d.default_path.as_deref(), Some(std::path::Path::new("/tmp/notes.txt")));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct FileDialog {
    /// The dialog's title; the shell picks one when `None`.
    pub title: Option<String>,
    /// The filters offered, in order (none: every file).
    pub filters: Vec<FileFilter>,
    /// Where the dialog starts: a folder, or a file (its folder, and for a save dialog its name).
    pub default_path: Option<PathBuf>,
}

impl FileDialog {
    /// Default options: any file, the platform's starting folder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Adds a filter (`filter("Notes", &["md", "txt"])`).
    pub fn filter(mut self, name: impl Into<String>, extensions: &[&str]) -> Self {
        let extensions = extensions.iter().map(|e| e.trim_start_matches('.').to_owned()).collect();
        self.filters.push(FileFilter { name: name.into(), extensions });
        self
    }

    /// Sets where the dialog starts (a folder, or a file to preselect).
    pub fn default_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.default_path = Some(path.into());
        self
    }
}

/// How a message dialog looks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MessageKind {
    /// Information.
    #[default]
    Info,
    /// A warning.
    Warning,
    /// An error.
    Error,
}

/// A message, ask (Yes/No) or confirm (OK/Cancel) dialog.
///
/// ```
/// use golivekit::native::{MessageDialog, MessageKind};
/// let d = MessageDialog::new("Delete the note?").title("Notes").kind(MessageKind::Warning);
/// assert_eq!(d.message, "Delete the note?");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct MessageDialog {
    /// The text shown.
    pub message: String,
    /// The dialog's title; the shell picks one (the app's name) when `None`.
    pub title: Option<String>,
    /// Its icon.
    pub kind: MessageKind,
}

impl MessageDialog {
    /// A dialog showing `message`.
    pub fn new(message: impl Into<String>) -> Self {
        Self { message: message.into(), ..Self::default() }
    }

    /// Sets the title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the kind (icon).
    pub fn kind(mut self, kind: MessageKind) -> Self {
        self.kind = kind;
        self
    }
}

/// The native capabilities the app shell provides. `window` is the label of the asking view's
/// window: the shell parents the dialog to it when it can.
///
/// Implemented by `golivekit-tauri` and by [`crate::testing::FakeNative`]; an app registers its
/// own with [`crate::LiveRuntime::with_native`].
#[async_trait::async_trait]
pub trait Native: Send + Sync + 'static {
    /// Asks for one existing file; `None` if cancelled.
    async fn open_file(&self, window: &str, dialog: FileDialog) -> Result<Option<PathBuf>>;
    /// Asks for one or more existing files; empty if cancelled.
    async fn open_files(&self, window: &str, dialog: FileDialog) -> Result<Vec<PathBuf>>;
    /// Asks for a folder; `None` if cancelled.
    async fn pick_folder(&self, window: &str, dialog: FileDialog) -> Result<Option<PathBuf>>;
    /// Asks where to save; `None` if cancelled. Nothing is written.
    async fn save_file(&self, window: &str, dialog: FileDialog) -> Result<Option<PathBuf>>;
    /// Shows a message with an OK button; returns once it is dismissed.
    async fn message(&self, window: &str, dialog: MessageDialog) -> Result<()>;
    /// Asks a Yes/No question; `true` only for Yes.
    async fn ask(&self, window: &str, dialog: MessageDialog) -> Result<bool>;
    /// Asks an OK/Cancel question; `true` only for OK.
    async fn confirm(&self, window: &str, dialog: MessageDialog) -> Result<bool>;
    /// Shows a context menu at the pointer; the chosen item's id, `None` when it is dismissed.
    /// The default (a shell without menus) is `native_failed`.
    async fn context_menu(&self, window: &str, menu: ContextMenu) -> Result<Option<String>> {
        let _ = (window, menu);
        Err(Error::NativeFailed("this app shell shows no context menus".into()))
    }
    /// Shows a desktop notification; returns once the system took it. The default (a shell
    /// without notifications) is `native_failed`.
    async fn notify(&self, window: &str, notification: Notification) -> Result<()> {
        let _ = (window, notification);
        Err(Error::NativeFailed("this app shell shows no notifications".into()))
    }
}

/// A desktop notification: shown by the system (the notification daemon on Linux, Notification
/// Center on macOS, toasts on Windows), also when the app's windows are hidden.
///
/// ```
/// use golivekit::native::Notification;
/// let n = Notification::new("Saved").body("notes.md was written");
/// assert_eq!(n.body.as_deref(), Some("notes.md was written"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notification {
    /// The headline.
    pub title: String,
    /// The text under it.
    pub body: Option<String>,
}

impl Notification {
    /// A notification with a title.
    pub fn new(title: impl Into<String>) -> Self {
        Notification { title: title.into(), body: None }
    }

    /// Sets the text.
    pub fn body(mut self, body: impl Into<String>) -> Self {
        self.body = Some(body.into());
        self
    }
}

/// One entry of a [`ContextMenu`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContextItem {
    /// An item: what [`Native::context_menu`] returns when it is chosen, and its label.
    Item {
        /// Returned when chosen.
        id: String,
        /// What the menu shows.
        label: String,
    },
    /// A line between items.
    Separator,
}

/// A native context menu, shown at the pointer by [`NativeHandle::context_menu`] — typically
/// from the handler of an `lv-contextmenu` event.
///
/// ```
/// use golivekit::native::{ContextItem, ContextMenu};
/// let menu = ContextMenu::new().item("rename", "Rename…").separator().item("delete", "Delete");
/// assert_eq!(menu.items.len(), 3);
/// assert_eq!(menu.items[2], ContextItem::Item { id: "delete".into(), label: "Delete".into() });
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContextMenu {
    /// The entries, top to bottom.
    pub items: Vec<ContextItem>,
}

impl ContextMenu {
    /// An empty menu.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an item.
    pub fn item(mut self, id: impl Into<String>, label: impl Into<String>) -> Self {
        self.items.push(ContextItem::Item { id: id.into(), label: label.into() });
        self
    }

    /// Adds a separator.
    pub fn separator(mut self) -> Self {
        self.items.push(ContextItem::Separator);
        self
    }

    /// True when `id` is one of the menu's items.
    pub fn has(&self, id: &str) -> bool {
        self.items.iter().any(|i| matches!(i, ContextItem::Item { id: item, .. } if item == id))
    }
}

/// The app's [`Native`] bound to the asking view's window — what [`crate::Context::native`]
/// returns. Cheap to clone; it may be moved into a task.
#[derive(Clone)]
pub struct NativeHandle {
    native: Arc<dyn Native>,
    window: String,
}

impl std::fmt::Debug for NativeHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NativeHandle").field("window", &self.window).finish_non_exhaustive()
    }
}

impl NativeHandle {
    pub(crate) fn new(native: Arc<dyn Native>, window: &str) -> Self {
        Self { native, window: window.to_owned() }
    }

    /// The window dialogs are parented to.
    pub fn window(&self) -> &str {
        &self.window
    }

    /// See [`Native::open_file`].
    pub async fn open_file(&self, dialog: FileDialog) -> Result<Option<PathBuf>> {
        self.native.open_file(&self.window, dialog).await
    }

    /// See [`Native::open_files`].
    pub async fn open_files(&self, dialog: FileDialog) -> Result<Vec<PathBuf>> {
        self.native.open_files(&self.window, dialog).await
    }

    /// See [`Native::pick_folder`].
    pub async fn pick_folder(&self, dialog: FileDialog) -> Result<Option<PathBuf>> {
        self.native.pick_folder(&self.window, dialog).await
    }

    /// See [`Native::save_file`].
    pub async fn save_file(&self, dialog: FileDialog) -> Result<Option<PathBuf>> {
        self.native.save_file(&self.window, dialog).await
    }

    /// See [`Native::message`].
    pub async fn message(&self, dialog: MessageDialog) -> Result<()> {
        self.native.message(&self.window, dialog).await
    }

    /// See [`Native::ask`].
    pub async fn ask(&self, dialog: MessageDialog) -> Result<bool> {
        self.native.ask(&self.window, dialog).await
    }

    /// See [`Native::confirm`].
    pub async fn confirm(&self, dialog: MessageDialog) -> Result<bool> {
        self.native.confirm(&self.window, dialog).await
    }

    /// See [`Native::notify`].
    pub async fn notify(&self, notification: Notification) -> Result<()> {
        self.native.notify(&self.window, notification).await
    }

    /// See [`Native::context_menu`].
    pub async fn context_menu(&self, menu: ContextMenu) -> Result<Option<String>> {
        self.native.context_menu(&self.window, menu).await
    }
}

/// How the [`Native`] is stored among the app services (a trait object is not `Sized`).
pub(crate) struct NativeService(pub(crate) Arc<dyn Native>);

/// The error a handler gets when the app runs with no native shell at all.
pub(crate) fn missing() -> Error {
    Error::ServiceMissing { type_name: "golivekit::native::Native".into() }
}
