//! # GoliveKit Desktop examples
//!
//! Example components, in learning order. Each file opens with what it shows and its route.
//! - [`counter`]: the counter (`/counter`) — your first component: an `html!` template, typed
//!   events (`#[derive(LiveEvent)]`), `#[component]`.
//! - [`socket`]: `Socket::send` and `Socket::redirect` (`/socket`).
//! - [`clock`]: a view that changes with no input: an interval timer (`/clock`).
//! - [`chat`]: two windows talking over PubSub; opening windows (`/chat?name=Ann`).
//! - [`crash`]: a panic ends one view only; the error document (`/crash`).
//! - [`form`]: a validated form: `lv-change`, `lv-submit`, `lv-disable-with` (`/form`).
//! - [`todos`]: a keyed todo list: add, toggle with checkboxes, delete with values (`/todos`).
//! - [`search`]: search as you type, debounced, over 1,000 rows (`/search`).
//! - [`keys`]: keyboard shortcuts, focus and blur, client-side JS commands (`/keys`).
//! - [`editor`]: a notes editor where nothing typed is lost: held input, record switches, a
//!   native confirm, a journal written on terminate (`/editor`).
//! - [`board`]: components inside components — a kanban board of card children with their own
//!   edit state, typed outputs to the board, keyed moves between columns (`/board`).
//! - [`chart`]: a bar chart in inline SVG — a keyed list of bars, a `viewBox` zoom (`/chart`).
//! - [`files`]: native file dialogs awaited in handlers: open a file, pick a folder (`/files`).
//! - [`notes`]: a notes app on a folder of `.md` files — every native feature together: folder
//!   chooser, native confirm, dropped files, the File menu, save dialog, a notification (`/notes`).
//! - [`home`]: the start page (`/`) linking to each example.
//!
//! All but the clock use `html!`, typed events and `#[component]`. [`router`] registers them all;
//! the demo app (`src-tauri`) serves it with [`layout`].

pub mod app_menu;
pub mod board;
pub mod chart;
pub mod chat;
pub mod clock;
pub mod counter;
pub mod crash;
pub mod editor;
pub mod files;
pub mod form;
pub mod home;
pub mod keys;
pub mod notes;
pub mod search;
pub mod socket;
mod support;
pub mod todos;

pub use board::Board;
pub use chart::Chart;
pub use chat::Chat;
pub use clock::Clock;
pub use counter::Counter;
pub use crash::Crash;
pub use editor::Editor;
pub use files::Files;
pub use form::SignupForm;
pub use home::Home;
pub use keys::Keys;
pub use notes::Notes;
pub use search::Search;
pub use socket::SocketDemo;
pub use todos::Todos;

use golivekit::{Layout, Raw, Router};

/// Every example on its route.
///
/// ```
/// let router = golivekit_examples::router();
/// assert!(router.resolve("/counter").is_some());
/// assert!(router.resolve("/").is_some());
/// ```
pub fn router() -> Router {
    Router::new()
        .route("/", Home::default)
        .route("/counter", Counter::default)
        .route("/socket", SocketDemo::default)
        .route("/clock", Clock::default)
        .route("/chat", Chat::default)
        .route("/crash", Crash::default)
        .route("/form", SignupForm::default)
        .route("/todos", Todos::default)
        .route("/search", Search::default)
        .route("/keys", Keys::default)
        .route("/editor", Editor::default)
        .route("/files", Files::default)
        .route("/board", Board::default)
        .route("/chart", Chart::default)
        .route("/notes", Notes::default)
}

/// The demo app's document layout, with its stylesheet and its page script (`/examples.js`, an
/// asset of the demo app holding the examples' client hooks).
pub fn layout() -> Layout {
    Layout::new("GoliveKit Desktop")
        .head(Raw::new(concat!("<style>", include_str!("style.css"), "</style>")))
        .head(Raw::new(r#"<script src="/examples.js"></script>"#))
}
