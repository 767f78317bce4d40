//! # GoliveKit Desktop examples
//!
//! Example components, in learning order. Each file opens with what it shows and its route.
//! - [`counter`]: the seed's counter (`/counter`) — your first component.
//! - [`socket`]: `Socket::send` and `Socket::redirect` (`/socket`).
//! - [`clock`]: a view that changes with no input: an interval timer (`/clock`).
//! - [`chat`]: two windows talking over PubSub; opening windows (`/chat?name=Ann`).
//! - [`crash`]: a panic ends one view only; the error document (`/crash`).
//! - [`home`]: the start page (`/`) linking to each example.
//!
//! [`router`] registers them all; the demo app (`src-tauri`) serves it with [`layout`].

pub mod chat;
pub mod clock;
pub mod counter;
pub mod crash;
pub mod home;
pub mod socket;

pub use chat::Chat;
pub use clock::Clock;
pub use counter::Counter;
pub use crash::Crash;
pub use home::Home;
pub use socket::SocketDemo;

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
}

/// The demo app's document layout, with its stylesheet.
pub fn layout() -> Layout {
    Layout::new("GoliveKit Desktop").head(Raw::new(concat!("<style>", include_str!("style.css"), "</style>")))
}
