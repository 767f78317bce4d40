//! `peer-dioxus`: the **peer** row of the table printed by `scripts/bench.sh`.
//!
//! The benchmark compares three desktop apps that expose the same DOM
//! contract to the shared probe (`bench/probe.js`): a bare Tauri app (the
//! floor), the GoliveKit app, and this small Dioxus 0.7 desktop app (the peer).
//!
//! Configuration comes only from the `BENCH_CONFIG` environment variable, a
//! JSON object such as
//! `{"view":"counter","mode":"click","n":1000,"report":"http://127.0.0.1:4567/report"}`.
//! The app itself reads only `view` (`"counter"` or `"filter"`; `counter` when
//! the variable is missing or has no usable `view`). The rest is for the probe:
//! the page head gets an inline script made of
//! `window.__BENCH__ = <BENCH_CONFIG verbatim>;\n` followed by `probe.js`.
//!
//! DOM contract:
//! - `counter`: `#count` holds the count (starts at `0`); `<button id="inc">`
//!   adds one per click.
//! - `filter`: `<input id="q">` and `<ul id="rows">` whose children are the
//!   `<li>` rows `row 0`..`row 999` that contain the input's value as a plain
//!   substring (all of them for `""`), in order, keyed by index, updated on
//!   every `input` event.
//!
//! This crate is not part of the main workspace; build it with its own target dir:
//! `cargo build --release --manifest-path bench/peer-dioxus/Cargo.toml --target-dir target/peer-dioxus`.

use dioxus::desktop::{Config, LogicalSize, WindowBuilder};
use dioxus::prelude::*;

/// The shared probe, injected after `window.__BENCH__`.
const PROBE_JS: &str = include_str!("../../probe.js");

/// Number of rows in the `filter` view unless `BENCH_CONFIG.rows` says.
const ROWS: usize = 1000;

/// `BENCH_CONFIG.rows`, or [`ROWS`].
fn rows_from_config(raw: Option<&str>) -> usize {
    let value = raw.and_then(|s| serde_json::from_str::<serde_json::Value>(s).ok());
    value.as_ref().and_then(|v| v.get("rows")).and_then(|v| v.as_u64()).map_or(ROWS, |n| n as usize)
}

/// How many rows the `filter` view holds (a context value).
#[derive(Clone, Copy)]
struct Rows(usize);

/// Which view to render, taken from `BENCH_CONFIG.view`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum View {
    /// A counter with an increment button.
    Counter,
    /// A text input filtering a 1,000-row list.
    Filter,
}

/// Picks the view from the raw `BENCH_CONFIG` text (counter by default).
fn view_from_config(raw: Option<&str>) -> View {
    let value = raw.and_then(|s| serde_json::from_str::<serde_json::Value>(s).ok());
    match value.as_ref().and_then(|v| v.get("view")).and_then(|v| v.as_str()) {
        Some("filter") => View::Filter,
        _ => View::Counter,
    }
}

/// The inline `<script>` put in `<head>`: the config verbatim, then the probe.
///
/// When `BENCH_CONFIG` is missing, `{}` stands in for it so the script still parses.
fn head_script(raw: Option<&str>) -> String {
    let config = raw.unwrap_or("{}");
    format!("<script>window.__BENCH__ = {config};\n{PROBE_JS}</script>")
}

fn main() {
    let raw = std::env::var("BENCH_CONFIG").ok();
    let view = view_from_config(raw.as_deref());

    let window =
        WindowBuilder::new().with_title("bench").with_inner_size(LogicalSize::new(900.0, 640.0)).with_visible(true);

    let config = Config::new()
        .with_window(window)
        // No default menu bar (Dioxus adds one on Linux/Windows when unset).
        .with_menu(None)
        // In release this is already the default; it also keeps devtools off.
        .with_disable_context_menu(true)
        .with_custom_head(head_script(raw.as_deref()));

    let rows = Rows(rows_from_config(raw.as_deref()));
    LaunchBuilder::desktop().with_cfg(config).with_context(view).with_context(rows).launch(app);
}

/// Root component: dispatches on the configured view.
fn app() -> Element {
    match use_context::<View>() {
        View::Counter => rsx! { Counter {} },
        View::Filter => rsx! { Filter {} },
    }
}

/// `counter` view: `#count` and `#inc`.
#[component]
fn Counter() -> Element {
    let mut count = use_signal(|| 0u64);
    rsx! {
        p { id: "count", "{count}" }
        button { id: "inc", onclick: move |_| count += 1, "+1" }
    }
}

/// `filter` view: `#q` filtering the `#rows` list of 1,000 `<li>`.
#[component]
fn Filter() -> Element {
    let mut query = use_signal(String::new);
    let Rows(rows) = use_context::<Rows>();
    let q = query();
    rsx! {
        input {
            id: "q",
            r#type: "text",
            value: "{q}",
            oninput: move |e| query.set(e.value()),
        }
        ul { id: "rows",
            for i in (0..rows).filter(|i| format!("row {i}").contains(q.as_str())) {
                li { key: "{i}", "row {i}" }
            }
        }
    }
}
