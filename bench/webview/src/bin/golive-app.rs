//! The GoliveKit side of the webview bench: the bench views served by the GoliveKit plugin, in
//! one 900×640 window, with the probe injected. Configured by `BENCH_CONFIG` (see the crate docs).
//!
//! In mode `churn` there is no probe: once the main window's page is connected, a background
//! thread opens a second window on the counter route, waits until its view is live and its page
//! connected, closes it as the close button does (the plugin's graceful close: flush, terminate,
//! destroy), waits until it is gone and the live-view count is back — `cycles` times — and reports
//! the process's memory ([`golivekit_webview_bench::churn`]).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use golivekit_tauri::GoliveKitExt;
use golivekit_webview_bench::churn::{self, Churn, CountingAlloc, Released, StaticWindows, Windows};
use golivekit_webview_bench::{views, with_mode, Config, View};
use tauri::{AppHandle, Manager};

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

fn main() {
    let config = Config::from_env().unwrap_or_else(|e| {
        eprintln!("golive-app: {e}");
        std::process::exit(2);
    });
    let path = config.route();
    // Test hooks on: the bench's probe reads the runtime's own time per event (`stats`).
    let plugin = golivekit_tauri::Builder::new(views::router()).test_hooks(true).build();
    let builder = tauri::Builder::default().plugin(plugin);
    let builder = with_mode(builder, &config);
    let churn = config.churn.clone();
    let result = builder
        .invoke_handler(tauri::generate_handler![churn::loaded])
        .setup(move |app| {
            golivekit_tauri::open_window(app, "main", &path, "bench")?;
            if let Some(churn) = churn {
                let app = app.handle().clone();
                std::thread::Builder::new().name("bench-churn".into()).spawn(move || churn_thread(app, churn))?;
            }
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("golive-app: {e}");
        std::process::exit(1);
    }
}

/// The GoliveKit app's cycle: a window on the counter route, live and connected, then closed.
struct GoliveWindows {
    app: AppHandle,
    /// Live views with no churn window open (the main window's).
    baseline: usize,
    /// [`Churn::clear_scripts`].
    clear_scripts: bool,
    /// [`Churn::break_cycle`].
    released: Released,
}

impl Windows for GoliveWindows {
    fn open(&self, label: &str) -> Result<(), String> {
        golivekit_tauri::open_window(&self.app, label, View::Counter.path(), "churn")
            .map(drop)
            .map_err(|e| format!("opening {label}: {e}"))
    }

    fn ready(&self, label: &str) -> bool {
        let runtime = self.app.golivekit();
        !runtime.views_in(label).is_empty() && runtime.has_connected_page(label)
    }

    fn close(&self, label: &str) -> Result<(), String> {
        let window = self.app.get_webview_window(label).ok_or(format!("{label} is not open"))?;
        if self.clear_scripts {
            churn::clear_user_scripts(&window)?;
        }
        self.released.hold(&window)?;
        window.close().map_err(|e| format!("closing {label}: {e}"))
    }

    fn gone(&self, label: &str) -> bool {
        let runtime = self.app.golivekit();
        self.app.get_webview_window(label).is_none()
            && runtime.live_views() == self.baseline
            && runtime.endings().running().is_empty()
            && self.released.release()
    }

    fn extra(&self) -> serde_json::Map<String, serde_json::Value> {
        let runtime = self.app.golivekit();
        let mut extra = serde_json::Map::new();
        extra.insert("live_views".into(), runtime.live_views().into());
        extra.insert("baseline_live_views".into(), self.baseline.into());
        extra.insert("live_tasks".into(), runtime.task_stats().live().into());
        extra
    }
}

fn churn_thread(app: AppHandle, churn: Churn) {
    let result =
        churn::wait_until("the main window's page", || app.golivekit().has_connected_page("main")).and_then(|()| {
            if churn.page.as_deref() == Some("static") {
                return churn::run(&churn, &StaticWindows::new(app.clone(), &churn));
            }
            let windows = GoliveWindows {
                baseline: app.golivekit().live_views(),
                app: app.clone(),
                clear_scripts: churn.clear_scripts,
                released: Released::new(app.clone(), &churn),
            };
            churn::run(&churn, &windows)
        });
    churn::report("GoliveKit", result, churn.report.as_deref());
}
