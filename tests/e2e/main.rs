//! End-to-end tests: the built app in the real WebKitGTK webview, driven through tauri-driver.
//! Run with `scripts/test.sh` (or `xvfb-run -a cargo test -p golivekit-e2e --test e2e`).

mod bindings;
mod board;
mod chart;
mod context_menu;
mod counter;
mod diff_sample;
mod file_drop;
mod ipc_errors;
mod links;
mod live;
mod menus;
mod native;
mod notes;
mod nothing_lost;
mod notifications;
mod parse_differential;
mod security;
mod single_instance;
mod socket;
mod tray;
mod util;
mod windows;
