//! # golivekit-webview-bench — GoliveKit, the floor and the peer in the real webview
//!
//! The webview half of issue 6's benchmarks. Three apps show the same two views in the same
//! 900×640 WebKitGTK window, and the same in-page probe (`bench/probe.js`) measures them:
//! - `golive-app`: the views as GoliveKit components ([`views`]), served by the GoliveKit plugin;
//! - `floor-app`: a bare Tauri app — a static page whose click or keystroke makes an async `invoke`
//!   and writes the reply into the DOM; nothing can do the same work for less;
//! - the peer, `bench/peer-dioxus`: the same views in Dioxus desktop (its own crate and lockfile,
//!   built only by `scripts/bench.sh`).
//!
//! The driver, `webview-bench`, launches each app under the display it is given, reads the probe's
//! report and the processes' memory, and prints the table. Run it all with `scripts/bench.sh`.
//!
//! Each app is configured by one environment variable, `BENCH_CONFIG` (JSON: `view`, `mode`, `n`,
//! `warmup`, `report`); [`Config::from_env`] reads it and [`Config::init_script`] is what the app
//! injects at document start. Mode `churn` (with `cycles`, `warmup`, `report`) is the apps' own:
//! no probe, the app opens and closes windows itself and reports its memory ([`churn`]).
//!
//! ```
//! let config = golivekit_webview_bench::Config::parse(r#"{"view":"filter","mode":"filter"}"#).unwrap();
//! assert_eq!(config.view, golivekit_webview_bench::View::Filter);
//! assert!(config.init_script().starts_with("window.__BENCH__ = {"));
//! ```

pub mod churn;
pub mod views;

use serde::Deserialize;

/// The probe every bench app runs in its page.
pub const PROBE: &str = include_str!("../../probe.js");

/// How many rows the filter view holds unless `BENCH_CONFIG` says `rows`.
pub const ROWS: usize = 1000;

/// The text of row `i` of the filter view (`row 7`): the probe computes the same.
pub fn row_label(i: usize) -> String {
    format!("row {i}")
}

/// The probe's filter queries, in its order (`bench/probe.js` types the same).
pub const QUERIES: [&str; 6] = ["1", "12", "123", "12", "1", ""];

/// The floor app's reply to filter query `q` over `rows` rows: each matching row as `<li>` HTML
/// (labels are digits and letters: nothing to escape).
pub fn floor_rows(rows: usize, q: &str) -> String {
    use std::fmt::Write;
    let mut html = String::new();
    for label in (0..rows).map(row_label).filter(|l| l.contains(q)) {
        let _ = write!(html, "<li>{label}</li>");
    }
    html
}

/// Which view an app shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// `#count` and a `#inc` button.
    #[default]
    Counter,
    /// `#q` filtering 1,000 keyed rows in `#rows`.
    Filter,
}

impl View {
    /// The route (GoliveKit) or page (floor) that shows it.
    pub fn path(self) -> &'static str {
        match self {
            View::Counter => "/counter",
            View::Filter => "/filter",
        }
    }
}

/// An app's bench configuration: the view it shows, and the raw JSON handed to the probe.
#[derive(Debug, Clone)]
pub struct Config {
    /// The view to show.
    pub view: View,
    /// How many rows the filter view holds (`rows`; [`ROWS`] by default).
    pub rows: usize,
    /// The floor only: bytes of padding (an HTML comment) added to each filter reply (`pad`), to
    /// see what a larger reply costs.
    pub pad: usize,
    /// Mode `churn`: the app opens and closes windows itself and the probe is not injected.
    pub churn: Option<churn::Churn>,
    raw: String,
}

/// What the app itself reads of `BENCH_CONFIG`; the rest is the probe's.
#[derive(Deserialize)]
struct AppPart {
    #[serde(default)]
    view: View,
    #[serde(default)]
    mode: Option<String>,
    #[serde(default)]
    rows: Option<usize>,
    #[serde(default)]
    pad: usize,
}

impl Config {
    /// Parses `BENCH_CONFIG`'s JSON; the app reads `view`, and in mode `churn` the fields of
    /// [`churn::Churn`]; the rest is the probe's.
    pub fn parse(json: &str) -> Result<Self, String> {
        let invalid = |e: serde_json::Error| format!("BENCH_CONFIG is not valid: {e}");
        let part: AppPart = serde_json::from_str(json).map_err(invalid)?;
        let churn = match part.mode.as_deref() {
            Some("churn") => Some(serde_json::from_str(json).map_err(invalid)?),
            _ => None,
        };
        let rows = part.rows.unwrap_or(ROWS);
        Ok(Self { view: part.view, rows, pad: part.pad, churn, raw: json.to_owned() })
    }

    /// Reads `BENCH_CONFIG`; without it, the counter with the probe idle (an app to look at).
    pub fn from_env() -> Result<Self, String> {
        match std::env::var("BENCH_CONFIG") {
            Ok(json) => Self::parse(&json),
            Err(_) => Ok(Self { view: View::Counter, rows: ROWS, pad: 0, churn: None, raw: "null".into() }),
        }
    }

    /// The GoliveKit route that shows the view: `/filter?rows=N` when `rows` is not [`ROWS`].
    ///
    /// ```
    /// let config = golivekit_webview_bench::Config::parse(r#"{"view":"filter","rows":10000}"#).unwrap();
    /// assert_eq!(config.route(), "/filter?rows=10000");
    /// ```
    pub fn route(&self) -> String {
        match self.view {
            View::Filter if self.rows != ROWS => format!("{}?rows={}", self.view.path(), self.rows),
            view => view.path().to_owned(),
        }
    }

    /// The script the app injects at document start: the configuration, then the probe.
    pub fn init_script(&self) -> String {
        format!("window.__BENCH__ = {};\n{PROBE}", self.raw)
    }
}

/// The count of the probe plugin's `increment` command.
static PLUGIN_COUNT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// `plugin:bench-probe|increment`: the floor's click as a plugin command (`BENCH_CONFIG`'s
/// `command`), so that the bench can tell what a plugin command costs over an app command.
#[tauri::command]
async fn increment() -> u64 {
    PLUGIN_COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1
}

/// A Tauri plugin that injects [`Config::init_script`] into every page of the app, and has one
/// command, `increment`.
pub fn probe_plugin<R: tauri::Runtime>(config: &Config) -> tauri::plugin::TauriPlugin<R> {
    tauri::plugin::Builder::new("bench-probe")
        .js_init_script(config.init_script())
        .invoke_handler(tauri::generate_handler![increment])
        .build()
}

/// Adds what the run's mode needs to an app: the probe for the click and keystroke benches, or
/// (churn) the padding plugin when the run asks for one. Both bench apps start this way.
pub fn with_mode<R: tauri::Runtime>(builder: tauri::Builder<R>, config: &Config) -> tauri::Builder<R> {
    match &config.churn {
        None => builder.plugin(probe_plugin(config)),
        Some(churn) => match churn.pad_plugin() {
            Some(pad) => builder.plugin(pad),
            None => builder,
        },
    }
}

/// The bench window's inner size, in logical pixels: the size GoliveKit gives its windows, which
/// the floor takes from here (and the Dioxus peer repeats: 900×640).
pub const WINDOW_SIZE: (f64, f64) = golivekit_tauri::windows::DEFAULT_SIZE;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_view_means_the_counter() {
        assert_eq!(Config::parse("{}").map(|c| c.view), Ok(View::Counter));
    }

    #[test]
    fn an_unknown_view_is_refused() {
        assert!(Config::parse(r#"{"view":"table"}"#).is_err());
    }

    #[test]
    fn churn_mode_reads_its_counts_and_defaults_the_rest() {
        let config =
            Config::parse(r#"{"mode":"churn","cycles":5,"report":"http://127.0.0.1:9/report"}"#).expect("valid");
        let churn = config.churn.expect("churn mode");
        assert_eq!((churn.cycles, churn.warmup, churn.sample_every), (5, 20, 10));
        assert_eq!(churn.report.as_deref(), Some("http://127.0.0.1:9/report"));
        assert!(Config::parse(r#"{"mode":"click"}"#).expect("valid").churn.is_none());
    }

    #[test]
    fn the_init_script_hands_the_probe_its_configuration_verbatim() {
        let config = Config::parse(r#"{"view":"counter","n":3}"#).expect("valid");
        assert!(config.init_script().starts_with(r#"window.__BENCH__ = {"view":"counter","n":3};"#));
        assert!(config.init_script().ends_with(PROBE));
    }
}
