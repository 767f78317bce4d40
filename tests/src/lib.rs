//! # golivekit-e2e — driving the real app in the real webview
//!
//! A small W3C WebDriver client ([`webdriver`]) and a harness ([`harness`]) that starts
//! `tauri-driver` (which starts `WebKitWebDriver`), launches the built demo app on a route and
//! hands back a [`webdriver::Session`]. Used by `tests/e2e/` and, later, by latency benchmarks.
//!
//! Needs: a display (`xvfb-run` in CI), `tauri-driver` on `PATH` or in `~/.cargo/bin`,
//! `WebKitWebDriver`, and the app built (`cargo build -p golivekit-desktop`); `scripts/test.sh`
//! arranges all of it.

pub mod fixtures;
pub mod harness;
pub mod webdriver;

pub use harness::{app_binary, App};
pub use webdriver::{Element, Session};
