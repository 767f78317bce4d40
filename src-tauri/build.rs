//! Tauri's build step: reads `tauri.conf.json` (a symlink to the root one) and the capabilities.
fn main() {
    tauri_build::build();
}
