//! The floor of the webview bench: a bare Tauri app, no framework. Its static page (`assets/`)
//! answers a click or a keystroke with an async `invoke` of a command below and writes the reply
//! into the DOM. Same window, same probe as `golive-app`. Configured by `BENCH_CONFIG`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};

use golivekit_webview_bench::{probe_plugin, row_label, Config, View, ROWS, WINDOW_SIZE};
use tauri::{WebviewUrl, WebviewWindowBuilder};

/// The count, kept on the Rust side as GoliveKit keeps it.
static COUNT: AtomicU64 = AtomicU64::new(0);

/// Adds one to the count and returns it.
#[tauri::command]
async fn increment() -> u64 {
    COUNT.fetch_add(1, Ordering::Relaxed) + 1
}

/// The rows whose label contains `q`, as `<li>` HTML (labels are digits and letters: nothing to
/// escape).
#[tauri::command]
async fn filter(q: String) -> String {
    let mut html = String::new();
    for label in (0..ROWS).map(row_label).filter(|l| l.contains(q.as_str())) {
        let _ = write!(html, "<li>{label}</li>");
    }
    html
}

fn main() {
    let config = Config::from_env().unwrap_or_else(|e| {
        eprintln!("floor-app: {e}");
        std::process::exit(2);
    });
    let page = match config.view {
        View::Counter => "counter.html",
        View::Filter => "filter.html",
    };
    let result = tauri::Builder::default()
        .plugin(probe_plugin(&config))
        .invoke_handler(tauri::generate_handler![increment, filter])
        .setup(move |app| {
            WebviewWindowBuilder::new(app, "main", WebviewUrl::App(page.into()))
                .title("bench")
                .inner_size(WINDOW_SIZE.0, WINDOW_SIZE.1)
                .build()?;
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("floor-app: {e}");
        std::process::exit(1);
    }
}
