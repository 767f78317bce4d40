//! The floor of the webview bench: a bare Tauri app, no framework. Its static page (`assets/`)
//! answers a click or a keystroke with an async `invoke` of a command below and writes the reply
//! into the DOM. Same window, same probe as `golive-app`. Configured by `BENCH_CONFIG`.
//!
//! In mode `churn` there is no probe: a background thread opens a second window on the static
//! counter page with a plain `WebviewWindowBuilder`, waits for the page to say it loaded (one
//! `invoke('loaded')` from an init script of that window), closes it as the close button does,
//! waits until Tauri has forgotten it — `cycles` times — and reports the process's memory: the
//! floor of what a window costs ([`golivekit_webview_bench::churn`]).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use golivekit_webview_bench::churn::{self, Churn, CountingAlloc, StaticWindows};
use golivekit_webview_bench::{floor_rows, with_mode, Config, View, ROWS, WINDOW_SIZE};
use tauri::{AppHandle, Manager, WebviewUrl, WebviewWindowBuilder};

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

/// How many rows the filter view holds (`BENCH_CONFIG`'s `rows`).
static ROW_COUNT: AtomicUsize = AtomicUsize::new(ROWS);

/// Bytes of padding added to each filter reply (`BENCH_CONFIG`'s `pad`).
static PAD: AtomicUsize = AtomicUsize::new(0);

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
    let mut html = floor_rows(ROW_COUNT.load(Ordering::Relaxed), &q);
    let pad = PAD.load(Ordering::Relaxed);
    if pad > 0 {
        html.push_str("<!--");
        html.extend(std::iter::repeat('x').take(pad));
        html.push_str("-->");
    }
    html
}

fn churn_thread(app: AppHandle, churn: Churn) {
    let result = churn::wait_until("the main window", || app.get_webview_window("main").is_some())
        .and_then(|()| churn::run(&churn, &StaticWindows::new(app.clone(), &churn)));
    churn::report("floor", result, churn.report.as_deref());
}

fn main() {
    let config = Config::from_env().unwrap_or_else(|e| {
        eprintln!("floor-app: {e}");
        std::process::exit(2);
    });
    ROW_COUNT.store(config.rows, Ordering::Relaxed);
    PAD.store(config.pad, Ordering::Relaxed);
    let page = match config.view {
        View::Counter => "counter.html",
        View::Filter => "filter.html",
    };
    let builder = with_mode(tauri::Builder::default(), &config);
    let churn = config.churn.clone();
    let result = builder
        .invoke_handler(tauri::generate_handler![increment, filter, churn::loaded])
        .setup(move |app| {
            WebviewWindowBuilder::new(app, "main", WebviewUrl::App(page.into()))
                .title("bench")
                .inner_size(WINDOW_SIZE.0, WINDOW_SIZE.1)
                .build()?;
            if let Some(churn) = churn {
                let app = app.handle().clone();
                std::thread::Builder::new().name("bench-churn".into()).spawn(move || churn_thread(app, churn))?;
            }
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("floor-app: {e}");
        std::process::exit(1);
    }
}
