//! Tauri's build step for the two bench apps: reads this crate's `tauri.conf.json` and capabilities,
//! and declares the probe plugin's one command (`bench-probe|increment`: the floor's click as a
//! plugin command, which goes through Tauri's permission check as GoliveKit's commands do).
fn main() {
    let probe = tauri_build::InlinedPlugin::new()
        .commands(&["increment"])
        .default_permission(tauri_build::DefaultPermissionRule::AllowAllCommands);
    tauri_build::try_build(tauri_build::Attributes::new().plugin("bench-probe", probe)).expect("tauri build");
}
