//! `webview-bench`: runs GoliveKit, the floor and the Dioxus peer in the real webview and prints
//! the comparison table (issue 6). Normally run by `scripts/bench.sh`, which builds everything in
//! release and provides a display (Xvfb) when there is none.
//!
//! ```text
//! webview-bench [--quick] [--starts N] [--rounds N] [--clicks N] [--keys N] [--big-rows N] [--big-keys N]
//!               [--churn N] [--churn-runs N]
//!               [--only STEPS] [--peer PATH] [--out FILE]
//! ```
//! - each app is launched `--starts` times on the counter (cold start → first paint; memory at
//!   rest 3 s later: default 8), then `--rounds` times (4) for its share of `--clicks` clicks
//!   (1,000 in all), then `--rounds` times for its share of `--keys` keystrokes (300) into the
//!   1,000-row filter; each launch first makes 20 unrecorded warm-up inputs; launches alternate
//!   between the apps so a slow spell of the machine hits all three alike;
//! - `--peer`: the Dioxus app's binary (without it, or if it is missing, its column is empty);
//! - `--churn` (issue 11): GoliveKit and the floor each open and close `--churn` windows (300, after
//!   20 unmeasured) themselves and report their own process's RSS growth per window; `--churn-runs`
//!   launches per app (2), alternating; a second table, with GoliveKit ÷ floor against ≤ 1.1×;
//!   `--churn-experiments` adds both apps with their windows' init scripts removed before the
//!   close, and with wry's IPC closure dropped after it (what stays of a closed window);
//! - back to back (issue 16): `--rounds` launches per app (alternating) of clicks and of
//!   keystrokes with no frame wait between inputs — the next input as soon as the DOM shows the
//!   previous result — reported as the mean of the launch means with its 95 % confidence
//!   interval (WebKit rounds `performance.now()` to 1 ms: the mean is the precise figure);
//! - `filter10k-b2b` (issue 16, item 5): the keystrokes back to back into a filter of
//!   `--big-rows` rows (10,000), `--big-keys` (60) per app over `--rounds` launches;
//! - `--floor-plugin`: a fourth app, the floor with its click as a plugin command
//!   (`plugin:bench-probe|increment`, checked against the capabilities like GoliveKit's), in the
//!   click steps; its figures are printed after the table;
//! - `--floor-pad N`: one more app, the floor with `N` bytes of padding in each filter reply (an
//!   HTML comment): what a larger reply costs; printed after the table;
//! - `--only STEPS`: only these of `start,click,filter,click-b2b,filter-b2b,filter10k-b2b,churn`
//!   (comma-separated);
//! - `--quick`: one start, one round, 20 clicks, 12 keystrokes, 6 into the big filter, one churn of
//!   6 windows after 2 — CI's check that the bench runs;
//! - `--out`: also write the tables (Markdown) there, and every sample next to it (`.json`).
//!
//! The apps `golive-app` and `floor-app` are found next to this binary.

mod churn;
mod procs;
mod report;
mod stats;
mod table;

use std::path::{Path, PathBuf};
use std::time::Duration;

use golivekit_webview_bench::ROWS;
use procs::Rss;
use report::{Report, ReportServer, Stages};
use stats::{mean, mean_ci95, median, percentile};
use table::{Goal, Row};

struct Options {
    starts: usize,
    rounds: usize,
    clicks: usize,
    keys: usize,
    big_rows: usize,
    big_keys: usize,
    warmup: usize,
    churn: usize,
    churn_warmup: usize,
    churn_runs: usize,
    churn_experiments: bool,
    only: Option<Vec<String>>,
    floor_plugin: bool,
    floor_pad: Option<usize>,
    peer: Option<PathBuf>,
    out: Option<PathBuf>,
}

/// The steps `--only` can pick.
const STEPS: [&str; 7] = ["start", "click", "filter", "click-b2b", "filter-b2b", "filter10k-b2b", "churn"];

impl Options {
    /// Whether step `step` runs.
    fn runs(&self, step: &str) -> bool {
        self.only.as_ref().map_or(true, |only| only.iter().any(|s| s == step))
    }

    fn parse() -> Result<Self, String> {
        let mut o = Options {
            starts: 8,
            rounds: 4,
            clicks: 1000,
            keys: 300,
            big_rows: 10_000,
            big_keys: 60,
            warmup: 20,
            churn: 300,
            churn_warmup: 20,
            churn_runs: 2,
            churn_experiments: false,
            only: None,
            floor_plugin: false,
            floor_pad: None,
            peer: None,
            out: None,
        };
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
            match arg.as_str() {
                "--quick" => {
                    (o.starts, o.rounds, o.clicks, o.keys, o.big_keys, o.warmup) = (1, 1, 20, 12, 6, 2);
                    (o.churn, o.churn_warmup, o.churn_runs) = (6, 2, 1);
                }
                "--starts" => o.starts = number(&value("--starts")?)?,
                "--rounds" => o.rounds = number(&value("--rounds")?)?,
                "--clicks" => o.clicks = number(&value("--clicks")?)?,
                "--keys" => o.keys = number(&value("--keys")?)?,
                "--big-rows" => o.big_rows = number(&value("--big-rows")?)?,
                "--big-keys" => o.big_keys = number(&value("--big-keys")?)?,
                "--churn" => o.churn = number(&value("--churn")?)?,
                "--churn-warmup" => o.churn_warmup = number(&value("--churn-warmup")?)?,
                "--churn-runs" => o.churn_runs = number(&value("--churn-runs")?)?,
                "--churn-experiments" => o.churn_experiments = true,
                "--floor-plugin" => o.floor_plugin = true,
                "--floor-pad" => o.floor_pad = Some(number(&value("--floor-pad")?)?),
                "--only" => {
                    let steps: Vec<String> = value("--only")?.split(',').map(|s| s.trim().to_owned()).collect();
                    if let Some(bad) = steps.iter().find(|s| !STEPS.contains(&s.as_str())) {
                        return Err(format!("--only: unknown step `{bad}` (steps: {})", STEPS.join(",")));
                    }
                    o.only = Some(steps);
                }
                "--peer" => o.peer = Some(value("--peer")?.into()),
                "--out" => o.out = Some(value("--out")?.into()),
                other => return Err(format!("unknown argument `{other}` (see the doc comment of webview-bench)")),
            }
        }
        Ok(o)
    }
}

fn number(s: &str) -> Result<usize, String> {
    s.parse().map_err(|_| format!("`{s}` is not a count"))
}

/// One app under test and everything measured for it.
struct App {
    name: &'static str,
    bin: PathBuf,
    /// Added to the app's `BENCH_CONFIG`.
    extra: serde_json::Value,
    cold_ms: Vec<f64>,
    /// From the page's navigation start to its first paint: the part of a start the page's own
    /// work decides (the rest is the process and WebKit starting).
    page_ms: Vec<f64>,
    idle: Vec<Rss>,
    click: Option<Report>,
    filter: Option<Report>,
    /// Back to back: one report per launch.
    click_b2b: Vec<Report>,
    filter_b2b: Vec<Report>,
    /// Back to back into the `--big-rows` filter: one report per launch.
    filter_big_b2b: Vec<Report>,
}

impl App {
    fn new(name: &'static str, bin: PathBuf) -> Self {
        Self {
            name,
            bin,
            extra: serde_json::json!({}),
            cold_ms: Vec::new(),
            page_ms: Vec::new(),
            idle: Vec::new(),
            click: None,
            filter: None,
            click_b2b: Vec::new(),
            filter_b2b: Vec::new(),
            filter_big_b2b: Vec::new(),
        }
    }
}

/// How a launch paces its inputs (`bench/probe.js`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pace {
    /// Each input after the animation frame that followed the previous result.
    Frame,
    /// Each input as soon as the DOM shows the previous result.
    BackToBack,
}

/// Launches `app` once, waits for the probe's report, reads memory, stops the app.
fn run(
    server: &ReportServer,
    app: &App,
    view: &str,
    mode: &str,
    n: usize,
    warmup: usize,
    (pace, rows): (Pace, usize),
) -> Result<(Report, f64, Rss), String> {
    let pace_name = if pace == Pace::BackToBack { "back-to-back" } else { "frame" };
    let mut config = serde_json::json!({"view": view, "mode": mode, "rows": rows, "n": n, "warmup": warmup, "pace": pace_name, "report": server.url});
    if let (Some(config), Some(extra)) = (config.as_object_mut(), app.extra.as_object()) {
        config.extend(extra.clone());
    }
    let logs = Path::new("target/bench/logs");
    std::fs::create_dir_all(logs).map_err(|e| e.to_string())?;
    let log = logs.join(format!("{}-{mode}.log", app.bin.file_name().and_then(|n| n.to_str()).unwrap_or("app")));
    server.drain();
    let running = procs::launch(&app.bin, &config.to_string(), &log)
        .map_err(|e| format!("{} could not start ({}): {e}", app.name, app.bin.display()))?;
    let timeout = Duration::from_secs(60) + Duration::from_millis(100) * (n + warmup) as u32;
    let report = server.next(timeout);
    let rss = running.rss();
    let spawned = running.spawned_at_ms;
    running.stop();
    let report = report.map_err(|e| format!("{} {mode}: {e} (its stderr: {})", app.name, log.display()))?;
    if let Some(error) = &report.error {
        return Err(format!("{} {mode}: the probe failed: {error}", app.name));
    }
    let cold = report.first_paint.map(|t| t - spawned).ok_or(format!("{} {mode}: no first paint", app.name))?;
    Ok((report, cold, rss))
}

fn main() {
    if let Err(e) = main_inner() {
        eprintln!("webview-bench: {e}");
        std::process::exit(1);
    }
}

fn main_inner() -> Result<(), String> {
    let o = Options::parse()?;
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        return Err("no display: run under `xvfb-run -a` (scripts/bench.sh does)".into());
    }
    let here = std::env::current_exe().map_err(|e| e.to_string())?;
    let dir = here.parent().ok_or("the driver's directory")?;
    let mut apps = vec![App::new("GoliveKit", dir.join("golive-app")), App::new("floor", dir.join("floor-app"))];
    match &o.peer {
        Some(peer) if peer.exists() => apps.push(App::new("Dioxus", peer.clone())),
        Some(peer) => eprintln!("webview-bench: no peer at {} — its column stays empty", peer.display()),
        None => eprintln!("webview-bench: no --peer given — the Dioxus column stays empty"),
    }
    if o.floor_plugin {
        let mut app = App::new("floor, plugin command", dir.join("floor-app"));
        app.extra = serde_json::json!({"command": "plugin:bench-probe|increment"});
        apps.push(app);
    }
    if let Some(pad) = o.floor_pad {
        let name: &'static str = Box::leak(format!("floor, reply +{pad} B").into_boxed_str());
        let mut app = App::new(name, dir.join("floor-app"));
        app.extra = serde_json::json!({"pad": pad});
        apps.push(app);
    }
    let server = ReportServer::start().map_err(|e| format!("the report server: {e}"))?;

    let starts = if o.runs("start") { o.starts } else { 0 };
    for round in 0..starts {
        for app in &mut apps {
            let (report, cold, rss) = run(&server, app, "counter", "start", 0, 0, (Pace::Frame, ROWS))?;
            let origin = report.time_origin.map_or(f64::NAN, |t| t - (report.first_paint.unwrap_or(0.0) - cold));
            eprintln!(
                "[bench] start {}/{} {:<9} first paint {cold:6.1} ms (navigation at {origin:6.1}, document in at +{:5.1}), \
                 RSS {} KiB + {} KiB in {} WebKit processes",
                round + 1,
                o.starts,
                app.name,
                report.response_end.unwrap_or(f64::NAN),
                rss.app_kib,
                rss.children_kib,
                rss.children
            );
            app.cold_ms.push(cold);
            if let (Some(paint), Some(origin)) = (report.first_paint, report.time_origin) {
                app.page_ms.push(paint - origin);
            }
            app.idle.push(rss);
        }
    }
    // Clicks and keystrokes are split over `rounds` launches per app, alternating between the
    // apps, and pooled: a slow spell of the machine then hits every app alike.
    if o.runs("click") {
        rounds(&server, &mut apps, &o, ("counter", "click"), o.clicks, |app| &mut app.click)?;
    }
    if o.runs("filter") {
        rounds(&server, &mut apps, &o, ("filter", "filter"), o.keys, |app| &mut app.filter)?;
    }
    if o.runs("click-b2b") {
        back_to_back(&server, &mut apps, &o, ("counter", "click", ROWS), o.clicks, |app| &mut app.click_b2b)?;
    }
    if o.runs("filter-b2b") {
        back_to_back(&server, &mut apps, &o, ("filter", "filter", ROWS), o.keys, |app| &mut app.filter_b2b)?;
    }
    if o.runs("filter10k-b2b") {
        let rows = o.big_rows;
        back_to_back(&server, &mut apps, &o, ("filter", "filter", rows), o.big_keys, |app| &mut app.filter_big_b2b)?;
    }
    // Window churn: GoliveKit and the floor only (the peer has no churn mode).
    let churned = if o.runs("churn") {
        let (golive, floor) = (apps[0].bin.as_path(), apps[1].bin.as_path());
        let mut subjects: Vec<churn::Subject<'_>> = apps
            .iter()
            .take(2)
            .map(|a| churn::Subject { name: a.name.into(), bin: a.bin.as_path(), extra: serde_json::json!({}) })
            .collect();
        if o.churn_experiments {
            subjects.extend(churn::experiments(golive, floor));
        }
        churn::churn(&server, &subjects, o.churn_runs, o.churn, o.churn_warmup)?
    } else {
        Vec::new()
    };

    let mut markdown = String::new();
    if ["start", "click", "filter", "click-b2b", "filter-b2b", "filter10k-b2b"].iter().any(|s| o.runs(s)) {
        markdown.push_str(&table::markdown(&rows(&apps)));
    }
    if !churned.is_empty() {
        if !markdown.is_empty() {
            markdown.push('\n');
        }
        markdown.push_str(&churn::markdown(&churned));
    }
    println!("{markdown}");
    if o.floor_plugin || o.floor_pad.is_some() {
        eprintln!("{}", variants_summary(&apps));
    }
    if let Some(out) = &o.out {
        std::fs::write(out, &markdown).map_err(|e| format!("{}: {e}", out.display()))?;
        let raw = out.with_extension("json");
        let mut samples = raw_samples(&apps);
        if !churned.is_empty() {
            samples["churn"] = churn::raw(&churned);
        }
        std::fs::write(&raw, samples.to_string()).map_err(|e| format!("{}: {e}", raw.display()))?;
        eprintln!("[bench] table in {}, every sample in {}", out.display(), raw.display());
    }
    Ok(())
}

/// Runs `inputs` inputs of `mode` on `view` per app, in `o.rounds` launches per app alternating
/// between the apps, and pools each app's samples into `into(app)`.
fn rounds(
    server: &ReportServer,
    apps: &mut [App],
    o: &Options,
    (view, mode): (&str, &str),
    inputs: usize,
    into: fn(&mut App) -> &mut Option<Report>,
) -> Result<(), String> {
    let per_round = inputs.div_ceil(o.rounds.max(1));
    for round in 0..o.rounds {
        for app in apps.iter_mut() {
            let (report, _, _) = run(server, app, view, mode, per_round, o.warmup.min(per_round), (Pace::Frame, ROWS))?;
            let p50 = median(&report.patch).unwrap_or(f64::NAN);
            eprintln!("[bench] {mode} {}/{} {:<9} p50 {p50:.2} ms", round + 1, o.rounds, app.name);
            pool(into(app), report);
        }
    }
    Ok(())
}

/// Back to back: `o.rounds` launches per app, alternating between the apps, each with its share
/// of `inputs`; every launch's report is kept (the table's mean and interval are over launches).
fn back_to_back(
    server: &ReportServer,
    apps: &mut [App],
    o: &Options,
    (view, mode, rows): (&str, &str, usize),
    inputs: usize,
    into: fn(&mut App) -> &mut Vec<Report>,
) -> Result<(), String> {
    let per_round = inputs.div_ceil(o.rounds.max(1));
    // A warm-up as long as the measured part at most (the big filter's inputs are few).
    let warmup = o.warmup.min(per_round);
    for round in 0..o.rounds {
        for app in apps.iter_mut() {
            let (report, _, _) = run(server, app, view, mode, per_round, warmup, (Pace::BackToBack, rows))?;
            let m = mean(&report.patch).unwrap_or(f64::NAN);
            eprintln!(
                "[bench] {mode} ({rows} rows) back to back {}/{} {:<9} mean {m:.3} ms",
                round + 1,
                o.rounds,
                app.name
            );
            into(app).push(report);
        }
    }
    Ok(())
}

/// One back-to-back step's reports of an app.
type Launches = fn(&App) -> &[Report];

/// `--floor-plugin`, `--floor-pad`: every app's back-to-back click and keystroke means and round
/// trips, the floor's variants included (the table has no column for them).
fn variants_summary(apps: &[App]) -> String {
    let mut out = String::new();
    let steps: [(&str, Launches); 2] = [("clicks", |a| &a.click_b2b), ("keystrokes", |a| &a.filter_b2b)];
    for (what, f) in steps {
        out.push_str(&format!(
            "[bench] back-to-back {what}, every app (mean of launch means ± 95 % CI; round trip):\n"
        ));
        for app in apps.iter().filter(|a| !f(a).is_empty()) {
            let (m, ci) = launches(f(app));
            let (trip, events) = f(app)
                .iter()
                .filter_map(|r| r.stages.as_ref())
                .fold((0.0, 0.0), |t, s| (t.0 + s.round_trip, t.1 + s.events));
            out.push_str(&format!(
                "[bench]   {:<22} {:.3} ± {:.3} ms; event → reply in {:.3} ms\n",
                app.name,
                m.unwrap_or(f64::NAN),
                ci.unwrap_or(f64::NAN),
                if events > 0.0 { trip / events } else { f64::NAN }
            ));
        }
    }
    out
}

/// The mean of a list of launches' mean patch times, and its 95 % interval (`None` without launches).
fn launches(reports: &[Report]) -> (Option<f64>, Option<f64>) {
    let means: Vec<f64> = reports.iter().filter_map(|r| mean(&r.patch)).collect();
    match mean_ci95(&means) {
        Some((m, ci)) => (Some(m), Some(ci)),
        None => (mean(&means), None),
    }
}

/// Every sample, per app, for a second look (`--out`'s path with `.json`).
fn raw_samples(apps: &[App]) -> serde_json::Value {
    let samples = |r: &Option<Report>| r.as_ref().map(|r| serde_json::json!({"patch": r.patch, "frame": r.frame}));
    apps.iter()
        .map(|a| {
            let idle: Vec<_> = a.idle.iter().map(|r| serde_json::json!([r.app_kib, r.children_kib])).collect();
            let per_launch = |rs: &[Report]| rs.iter().map(|r| serde_json::json!(r.patch)).collect::<Vec<_>>();
            let app = serde_json::json!({
                "cold_ms": a.cold_ms, "page_ms": a.page_ms, "rss_kib": idle,
                "click": samples(&a.click), "filter": samples(&a.filter),
                "click_b2b": per_launch(&a.click_b2b), "filter_b2b": per_launch(&a.filter_b2b),
                "filter_big_b2b": per_launch(&a.filter_big_b2b),
            });
            (a.name.to_owned(), app)
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// Adds a run's samples to those of earlier runs.
fn pool(into: &mut Option<Report>, report: Report) {
    match into {
        Some(all) => {
            all.patch.extend(report.patch);
            all.frame.extend(report.frame);
            all.stages = match (all.stages, report.stages) {
                (Some(a), Some(b)) => Some(a.add(&b)),
                (a, b) => a.or(b),
            };
        }
        None => *into = Some(report),
    }
}

/// "10,000-row" for the big filter's row count (as the probe reports it back: `rows`; the default
/// `--big-rows` when the step did not run).
fn big_label(apps: &[App]) -> String {
    let rows = apps.first().and_then(|a| a.filter_big_b2b.first()).and_then(|r| r.rows).unwrap_or(10_000);
    let digits = rows.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{grouped}-row")
}

/// The table's rows, from what was measured.
fn rows(apps: &[App]) -> Vec<Row> {
    let pick = |name: &str, f: &dyn Fn(&App) -> Option<f64>| apps.iter().find(|a| a.name == name).and_then(f);
    let row = |metric: String, unit: &'static str, goal: Goal, f: &dyn Fn(&App) -> Option<f64>| Row {
        metric,
        unit,
        values: [pick("GoliveKit", f), pick("floor", f), pick("Dioxus", f)],
        ci: [None; 3],
        goal,
    };
    // Back to back: the mean of the launch means, with its interval.
    let b2b = |metric: String, goal: Goal, f: fn(&App) -> &[Report]| {
        let of = |name: &str| apps.iter().find(|a| a.name == name).map_or((None, None), |a| launches(f(a)));
        let (g, fl, p) = (of("GoliveKit"), of("floor"), of("Dioxus"));
        Row { metric, unit: "ms", values: [g.0, fl.0, p.0], ci: [g.1, fl.1, p.1], goal }
    };
    let launched = |f: fn(&App) -> &[Report]| {
        apps.first().map_or((0, 0), |a| (f(a).len(), f(a).iter().map(|r| r.patch.len()).sum()))
    };
    let (click_launches, click_inputs) = launched(|a| &a.click_b2b);
    let (key_launches, key_inputs) = launched(|a| &a.filter_b2b);
    let (big_launches, big_inputs) = launched(|a| &a.filter_big_b2b);
    // Back to back, in the page: per-stage means over every launch (GoliveKit's bridge and the
    // floor's page keep them; Dioxus does not).
    let stage = |metric: &str, f: fn(&App) -> &[Report], part: fn(&Stages) -> (f64, f64)| {
        let of = |name: &str| {
            apps.iter().find(|a| a.name == name).and_then(|a| {
                let (sum, n) = f(a)
                    .iter()
                    .filter_map(|r| r.stages.as_ref())
                    .map(part)
                    .fold((0.0, 0.0), |t, x| (t.0 + x.0, t.1 + x.1));
                (n > 0.0).then(|| sum / n)
            })
        };
        let values = [of("GoliveKit"), of("floor"), None];
        Row { metric: metric.to_owned(), unit: "ms", values, ci: [None; 3], goal: Goal::None }
    };
    let n = |r: &Option<Report>| r.as_ref().map_or(0, |r| r.patch.len());
    let (clicks, keys) = apps.first().map_or((0, 0), |a| (n(&a.click), n(&a.filter)));
    let mb = |kib: f64| kib / 1024.0;
    let rss = |a: &App, f: fn(&Rss) -> u64| median(&a.idle.iter().map(|r| f(r) as f64).collect::<Vec<_>>()).map(mb);
    // The four stage rows under a back-to-back row.
    let stages = |f: fn(&App) -> &[Report]| {
        [
            stage("… of which event → reply in (IPC both ways + Rust), mean", f, |s| (s.round_trip, s.events)),
            stage("… of that, in the runtime (mailbox hop, handler, render, diff), mean", f, |s| {
                (s.runtime, s.runtime_events)
            }),
            stage("… reply in → DOM written (patch ops; the floor's one write), mean", f, |s| (s.apply, s.patches)),
            stage("… ops applied → after-patch work done, mean", f, |s| (s.after, s.patches)),
        ]
    };
    let mut rows = Vec::new();
    rows.extend([
        row(
            format!("click → patch applied, p50 ({clicks} clicks)"),
            "ms",
            Goal::Ratio { ratio: 1.3, below_peer: true },
            &|a| percentile(&a.click.as_ref()?.patch, 50.0),
        ),
        row("click → patch applied, p99".into(), "ms", Goal::Ratio { ratio: 2.0, below_peer: false }, &|a| {
            percentile(&a.click.as_ref()?.patch, 99.0)
        }),
        row("click → patch applied, mean".into(), "ms", Goal::None, &|a| mean(&a.click.as_ref()?.patch)),
        row("click → next frame, p50".into(), "ms", Goal::None, &|a| percentile(&a.click.as_ref()?.frame, 50.0)),
        row("click → next frame, p99".into(), "ms", Goal::None, &|a| percentile(&a.click.as_ref()?.frame, 99.0)),
        b2b(
            format!("click → patch applied, back to back, mean ± 95 % CI ({click_launches} launches, {click_inputs} clicks)"),
            Goal::Ratio { ratio: 1.05, below_peer: false },
            |a| &a.click_b2b,
        ),
    ]);
    rows.extend(stages(|a| &a.click_b2b));
    rows.extend([
        row(format!("keystroke → 1,000-row list settled, p50 ({keys} keys)"), "ms", Goal::None, &|a| {
            percentile(&a.filter.as_ref()?.patch, 50.0)
        }),
        row("keystroke → 1,000-row list settled, p99".into(), "ms", Goal::None, &|a| {
            percentile(&a.filter.as_ref()?.patch, 99.0)
        }),
        row("keystroke → 1,000-row list settled, mean".into(), "ms", Goal::None, &|a| {
            mean(&a.filter.as_ref()?.patch)
        }),
        row("keystroke → next frame, p50".into(), "ms", Goal::None, &|a| percentile(&a.filter.as_ref()?.frame, 50.0)),
    ]);
    // The frame-aligned keystrokes' stages: what of the gap is in the round trip and what in the
    // page, with each input starting at the top of a frame.
    rows.extend(stages(|a| a.filter.as_slice()));
    rows.extend([b2b(
        format!("keystroke → list settled, back to back, mean ± 95 % CI ({key_launches} launches, {key_inputs} keys)"),
        Goal::Ratio { ratio: 1.15, below_peer: false },
        |a| &a.filter_b2b,
    )]);
    rows.extend(stages(|a| &a.filter_b2b));
    rows.extend([b2b(
        format!(
            "keystroke → {big} list settled, back to back, mean ± 95 % CI ({big_launches} launches, {big_inputs} keys)",
            big = big_label(apps)
        ),
        Goal::Ratio { ratio: 1.3, below_peer: true },
        |a| &a.filter_big_b2b,
    )]);
    rows.extend(stages(|a| &a.filter_big_b2b));
    rows.extend([
        row(
            format!("cold start → first paint, median of {}", apps.first().map_or(0, |a| a.cold_ms.len())),
            "ms",
            Goal::Margin(50.0),
            &|a| median(&a.cold_ms),
        ),
        row("navigation start → first paint (the page's share), median".into(), "ms", Goal::None, &|a| {
            median(&a.page_ms)
        }),
        row("RSS at rest: app process".into(), "MB", Goal::Margin(5.0), &|a| rss(a, |r| r.app_kib)),
        row("RSS at rest: WebKit processes".into(), "MB", Goal::None, &|a| rss(a, |r| r.children_kib)),
        row("RSS at rest: total".into(), "MB", Goal::Margin(5.0), &|a| rss(a, |r| r.app_kib + r.children_kib)),
    ]);
    rows
}
