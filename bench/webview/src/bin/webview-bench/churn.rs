//! The churn step (issue 11): each app opens and closes `cycles` windows itself (mode `churn`,
//! `golivekit_webview_bench::churn`) and reports how much its own process grew per window; the
//! driver launches GoliveKit and the floor alternately, `runs` times each, and compares.

use std::fmt::Write;
use std::path::Path;
use std::time::Duration;

use golivekit_webview_bench::churn::Report;
use serde::Deserialize;

use crate::procs;
use crate::report::ReportServer;
use crate::stats::median;

/// Goal (issue 11): GoliveKit's app-process growth per window within 10 % of the floor's.
pub const GOAL_RATIO: f64 = 1.10;

/// One app run's report: the library's [`Report`], plus what the GoliveKit app adds (its live
/// views at the end and at the start) and the JSON as the app sent it.
#[derive(Debug, Clone, Deserialize)]
pub struct Run {
    #[serde(flatten)]
    pub report: Report,
    #[serde(default)]
    pub live_views: Option<usize>,
    #[serde(default)]
    pub baseline_live_views: Option<usize>,
    /// The report as the app sent it.
    #[serde(skip)]
    pub raw: serde_json::Value,
}

impl std::ops::Deref for Run {
    type Target = Report;
    fn deref(&self) -> &Report {
        &self.report
    }
}

/// An app's churn runs.
pub struct AppRuns {
    pub name: String,
    pub runs: Vec<Run>,
}

/// One app to churn: its name in the table, its binary, and what it adds to the churn
/// configuration (the experiments of `golivekit_webview_bench::churn::Churn`).
pub struct Subject<'a> {
    pub name: String,
    pub bin: &'a Path,
    pub extra: serde_json::Value,
}

/// The experiments `--churn-experiments` adds, after the two apps as they are: each app with its
/// windows' init scripts removed just before the close, and with wry's IPC closure (which holds
/// the web view from its content manager) dropped once the window is gone.
pub fn experiments<'a>(golive: &'a Path, floor: &'a Path) -> Vec<Subject<'a>> {
    let mut all = Vec::new();
    for (what, extra) in [
        ("init scripts removed before close", serde_json::json!({"clear_scripts": true})),
        ("wry's IPC closure dropped after close", serde_json::json!({"break_cycle": true})),
    ] {
        for (name, bin) in [("GoliveKit", golive), ("floor", floor)] {
            all.push(Subject { name: format!("{name}, {what}"), bin, extra: extra.clone() });
        }
    }
    all
}

/// Launches `subject` in mode `churn` and returns its report.
pub fn run_once(server: &ReportServer, subject: &Subject<'_>, cycles: usize, warmup: usize) -> Result<Run, String> {
    let (name, bin) = (subject.name.as_str(), subject.bin);
    let mut config = serde_json::json!({"view": "counter", "mode": "churn", "cycles": cycles, "warmup": warmup, "report": server.url});
    if let (Some(config), Some(extra)) = (config.as_object_mut(), subject.extra.as_object()) {
        config.extend(extra.clone());
    }
    let logs = Path::new("target/bench/logs");
    std::fs::create_dir_all(logs).map_err(|e| e.to_string())?;
    let log = logs.join(format!("{}-churn.log", bin.file_name().and_then(|n| n.to_str()).unwrap_or("app")));
    server.drain();
    let running = procs::launch(bin, &config.to_string(), &log)
        .map_err(|e| format!("{name} could not start ({}): {e}", bin.display()))?;
    // A cycle takes well under a second; the bound only catches a stuck app.
    let timeout = Duration::from_secs(60) + Duration::from_secs(3) * (cycles + warmup) as u32;
    let body = server.next_body(timeout);
    running.stop();
    let body = body.map_err(|e| format!("{name} churn: {e} (its stderr: {})", log.display()))?;
    let raw: serde_json::Value =
        serde_json::from_str(&body).map_err(|e| format!("{name} churn: the report is not valid: {e}"))?;
    if let Some(error) = raw.get("error").and_then(|e| e.as_str()) {
        return Err(format!("{name} churn failed: {error} (its stderr: {})", log.display()));
    }
    let mut run: Run =
        serde_json::from_value(raw.clone()).map_err(|e| format!("{name} churn: the report is not valid: {e}"))?;
    run.raw = raw;
    Ok(run)
}

/// Runs the churn `runs` times per subject, alternating between them.
pub fn churn(
    server: &ReportServer,
    subjects: &[Subject<'_>],
    runs: usize,
    cycles: usize,
    warmup: usize,
) -> Result<Vec<AppRuns>, String> {
    let mut all: Vec<AppRuns> = subjects.iter().map(|s| AppRuns { name: s.name.clone(), runs: Vec::new() }).collect();
    for round in 0..runs {
        for (subject, into) in subjects.iter().zip(all.iter_mut()) {
            let name = &subject.name;
            let run = run_once(server, subject, cycles, warmup)?;
            eprintln!(
                "[bench] churn {}/{runs} {name} — {cycles} windows in {:.0} s: app RSS {} → {} KiB, {:.1} KiB per window \
                 (slope {:.1}; after malloc_trim {:.1}); Rust heap {:+.0} B, malloc {:+.0} B per window; WebKit {:+.1} KiB per window{}",
                round + 1,
                run.seconds,
                run.rss_before_kib,
                run.rss_after_kib,
                run.growth_kib_per_window,
                run.slope_kib_per_window,
                run.trimmed_growth_kib_per_window,
                run.rust_heap_bytes_per_window,
                run.malloc_in_use_bytes_per_window,
                run.web_growth_kib_per_window,
                run.live_views.map(|n| format!("; live views at the end {n}")).unwrap_or_default(),
            );
            into.runs.push(run);
        }
    }
    Ok(all)
}

fn med(runs: &[Run], f: fn(&Run) -> f64) -> Option<f64> {
    median(&runs.iter().map(f).collect::<Vec<_>>())
}

/// GoliveKit's median growth per window over the floor's.
pub fn ratio(all: &[AppRuns]) -> Option<f64> {
    let g = |name: &str| all.iter().find(|a| a.name == name).and_then(|a| med(&a.runs, |r| r.growth_kib_per_window));
    match (g("GoliveKit"), g("floor")) {
        (Some(us), Some(floor)) if floor > 0.0 => Some(us / floor),
        _ => None,
    }
}

/// The churn table (Markdown): one row per app, medians over its runs, then the ratio.
pub fn markdown(all: &[AppRuns]) -> String {
    let mut out = String::from(
        "| app (window churn) | runs × windows | app RSS growth per window, median (runs) | slope | after malloc_trim | \
         Rust heap per window | malloc in use per window | WebKit processes per window | open → page up / close → gone | live views at the end |\n",
    );
    out.push_str("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for app in all {
        let runs = &app.runs;
        let each: Vec<String> = runs.iter().map(|r| format!("{:.1}", r.growth_kib_per_window)).collect();
        let kib = |v: Option<f64>| v.map_or("—".into(), |v| format!("{v:.1} KiB"));
        let bytes = |v: Option<f64>| v.map_or("—".into(), |v| format!("{v:+.0} B"));
        let live = runs
            .iter()
            .map(|r| match (r.live_views, r.baseline_live_views) {
                (Some(n), Some(b)) => format!("{n} (baseline {b})"),
                _ => "—".into(),
            })
            .next_back()
            .unwrap_or_else(|| "—".into());
        let _ = writeln!(
            out,
            "| {} | {} × {} | **{}** ({}) | {} | {} | {} | {} | {} | {:.0} / {:.0} ms | {} |",
            app.name,
            runs.len(),
            runs.first().map_or(0, |r| r.cycles),
            kib(med(runs, |r| r.growth_kib_per_window)),
            each.join(", "),
            kib(med(runs, |r| r.slope_kib_per_window)),
            kib(med(runs, |r| r.trimmed_growth_kib_per_window)),
            bytes(med(runs, |r| r.rust_heap_bytes_per_window)),
            bytes(med(runs, |r| r.malloc_in_use_bytes_per_window)),
            kib(med(runs, |r| r.web_growth_kib_per_window)),
            med(runs, |r| r.open_ms).unwrap_or(f64::NAN),
            med(runs, |r| r.close_ms).unwrap_or(f64::NAN),
            live,
        );
    }
    match ratio(all) {
        Some(r) => {
            let verdict = if r <= GOAL_RATIO { "met" } else { "**not met**" };
            let _ = writeln!(
                out,
                "\nGoliveKit ÷ floor, app RSS growth per window: **{r:.2}×** (goal ≤ {GOAL_RATIO}×: {verdict})"
            );
        }
        None => out.push_str("\nGoliveKit ÷ floor: — (a figure is missing or the floor did not grow)\n"),
    }
    let growth = |a: &AppRuns| med(&a.runs, |r| r.growth_kib_per_window);
    let floor = all.iter().find(|a| a.name == "floor").and_then(growth);
    for variant in all.iter().filter(|a| a.name.starts_with("GoliveKit, ")) {
        if let (Some(us), Some(floor)) = (growth(variant), floor) {
            let _ = writeln!(out, "\n{} ÷ floor (as it is): {:.2}×", variant.name, us / floor);
        }
    }
    out
}

/// Every churn report as the apps sent them, per app.
pub fn raw(all: &[AppRuns]) -> serde_json::Value {
    all.iter()
        .map(|a| (a.name.clone(), serde_json::Value::Array(a.runs.iter().map(|r| r.raw.clone()).collect())))
        .collect::<serde_json::Map<_, _>>()
        .into()
}
