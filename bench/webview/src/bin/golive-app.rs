//! The GoliveKit side of the webview bench: the bench views served by the GoliveKit plugin, in
//! one 900×640 window, with the probe injected. Configured by `BENCH_CONFIG` (see the crate docs).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use golivekit_webview_bench::{probe_plugin, views, Config};

fn main() {
    let config = Config::from_env().unwrap_or_else(|e| {
        eprintln!("golive-app: {e}");
        std::process::exit(2);
    });
    let path = config.view.path();
    let result = tauri::Builder::default()
        .plugin(golivekit_tauri::init(views::router()))
        .plugin(probe_plugin(&config))
        .setup(move |app| {
            golivekit_tauri::open_window(app, "main", path, "bench")?;
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("golive-app: {e}");
        std::process::exit(1);
    }
}
