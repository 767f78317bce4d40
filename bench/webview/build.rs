//! Tauri's build step for the two bench apps: reads this crate's `tauri.conf.json` and capabilities.
fn main() {
    tauri_build::build();
}
