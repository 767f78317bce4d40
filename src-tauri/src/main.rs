//! The GoliveKit Desktop demo app: every example in `examples/` behind one window.
//!
//! Run from the repo root: `scripts/run.sh` (installs what is missing first), `cargo tauri dev`, or
//! `cargo run -p golivekit-desktop -- /counter` to open on a given route (`--webkit-dialogs` uses
//! the webview's own confirm dialog instead of native ones; `--test-hooks`, `--journal FILE`,
//! `--window-state FILE`, `--links-log FILE` and `--instance-id ID` are for the e2e tests). External
//! links open in the system browser; a second launch hands its arguments to the running app
//! (`--multi-instance` turns that off). The app has a File and an Edit menu (declared in
//! `golivekit_examples::app_menu::menu_bar`), a tray icon where the desktop has one, and remembers its windows' sizes and positions (in
//! `window-state.json` in the app's config dir, or `--window-state FILE`). On a machine without a
//! display, run it under Xvfb: `xvfb-run -a cargo run -p golivekit-desktop`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use tracing_subscriber::EnvFilter;

fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")))
        .init();
    if let Err(msg) = check_display() {
        eprintln!("{msg}");
        std::process::exit(2);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    // The route is the first argument starting with `/` that is not the value of an option.
    let takes_value = |flag: &str| matches!(flag, "--journal" | "--window-state" | "--links-log" | "--instance-id");
    let start = args
        .iter()
        .enumerate()
        .find(|(i, a)| a.starts_with('/') && (*i == 0 || !takes_value(&args[i - 1])))
        .map_or_else(|| "/".to_owned(), |(_, a)| a.clone());
    let flag = |name: &str| args.iter().any(|a| a == name);
    let session = golivekit::Session::new();
    // `--journal FILE`: the notes editor writes its notes there when its view ends, the board's
    // cards a line each when they end.
    let journal = args.iter().position(|a| a == "--journal").and_then(|i| args.get(i + 1)).cloned();
    if let Some(path) = &journal {
        session.set(golivekit_examples::editor::JOURNAL_KEY, path.as_str());
    }
    let mut plugin = golivekit_tauri::Builder::new(golivekit_examples::router())
        .layout(golivekit_examples::layout())
        .session(session)
        // File (New note, Save, Next note, Quit) and Edit; chosen items reach the focused window's
        // views as `MenuCommand` infos.
        .menu(golivekit_examples::app_menu::menu_bar())
        // A tray icon (Show window, New note, Quit) where the desktop has a tray.
        .tray(golivekit_examples::app_menu::tray())
        .remember_window_state(true)
        // `--test-hooks`: the e2e tests read how many events reached a view.
        .test_hooks(flag("--test-hooks"));
    if let Some(path) = journal {
        plugin = plugin.service(golivekit_examples::board::BoardJournal(path.into()));
    }
    // `--window-state FILE`: remember window sizes there instead (the e2e tests keep theirs apart).
    if let Some(path) = args.iter().position(|a| a == "--window-state").and_then(|i| args.get(i + 1)) {
        plugin = plugin.window_state_file(path);
    }
    // External links open in the system browser, never in the app's window; `--links-log FILE`
    // writes them to FILE instead (the e2e tests read it).
    let links = match args.iter().position(|a| a == "--links-log").and_then(|i| args.get(i + 1)).cloned() {
        Some(file) => golivekit_tauri::links::ExternalLinks::with(move |url| {
            use std::io::Write;
            let line = format!("{url}\n");
            let written = std::fs::OpenOptions::new().create(true).append(true).open(&file);
            if let Err(err) = written.and_then(|mut f| f.write_all(line.as_bytes())) {
                eprintln!("golivekit-desktop: --links-log {file}: {err}");
            }
        }),
        None => golivekit_tauri::links::ExternalLinks::SystemBrowser,
    };
    let mut plugin = plugin.external_links(links);
    // One instance: a second launch hands its arguments to this one (the start page shows them)
    // and exits. `--instance-id ID` keeps instances with other ids apart (each e2e test's app has
    // its own); `--multi-instance` turns it off.
    if !flag("--multi-instance") {
        plugin = match args.iter().position(|a| a == "--instance-id").and_then(|i| args.get(i + 1)) {
            Some(id) => plugin.single_instance_id(id),
            None => plugin.single_instance(true),
        };
    }
    let plugin = plugin.build();
    let mut builder = tauri::Builder::default().plugin(plugin);
    // Native dialogs for `lv-confirm`, opened by Rust (the page gets no dialog permission).
    // `--webkit-dialogs` leaves them out, so the webview's own confirm dialog is used instead.
    if !flag("--webkit-dialogs") {
        builder = builder.plugin(tauri_plugin_dialog::init());
    }
    let result = builder
        .setup(move |app| {
            golivekit_tauri::open_window(app, "main", &start, "GoliveKit Desktop")?;
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("golivekit-desktop: {e}");
        std::process::exit(1);
    }
}

/// GTK aborts without a display; say so plainly instead.
fn check_display() -> Result<(), String> {
    if cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        return Err("golivekit-desktop: no display (neither DISPLAY nor WAYLAND_DISPLAY is set).\n\
             On a machine without a screen, run it under a virtual one:\n  \
             xvfb-run -a cargo run -p golivekit-desktop\n\
             (Debian/Ubuntu: apt-get install xvfb xauth, or run scripts/run.sh, which does this for you)."
            .into());
    }
    Ok(())
}
