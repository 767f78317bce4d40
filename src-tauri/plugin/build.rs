//! Generates the plugin's command permissions (see `permissions/`).
const COMMANDS: &[&str] = &["connect", "event", "leave"];

fn main() {
    tauri_plugin::Builder::new(COMMANDS).build();
}
