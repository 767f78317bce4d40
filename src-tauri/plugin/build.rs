//! Generates the plugin's command permissions (see `permissions/`).
const COMMANDS: &[&str] = &["connect", "event", "resync", "leave", "stats", "confirm", "close", "flushed"];

fn main() {
    tauri_plugin::Builder::new(COMMANDS).build();
}
