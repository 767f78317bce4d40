//! Starts `tauri-driver` and the built demo app, and cleans both up.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use serde_json::json;

use crate::webdriver::{Error, Result, Session};

/// The built app under test: `GOLIVEKIT_APP`, else `target/debug/golivekit-desktop`.
pub fn app_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("GOLIVEKIT_APP") {
        return PathBuf::from(p);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("debug/golivekit-desktop")
}

fn tauri_driver() -> PathBuf {
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
    let in_cargo = home.join(".cargo/bin/tauri-driver");
    if in_cargo.exists() {
        in_cargo
    } else {
        PathBuf::from("tauri-driver")
    }
}

fn free_port() -> Result<u16> {
    let l = TcpListener::bind("127.0.0.1:0").map_err(|e| Error(format!("no free port: {e}")))?;
    l.local_addr().map(|a| a.port()).map_err(|e| Error(e.to_string()))
}

/// How many apps the e2e tests run at once. One: WebKitWebDriver's pointer input lands on whatever
/// window is on top at that spot of the (shared) X screen, so two app windows at the same place
/// steal each other's clicks — seen here as lost clicks and HTTP 500s from `element/click`.
const MAX_APPS: usize = 1;

/// Apps launched so far by this test process.
static LAUNCHES: AtomicUsize = AtomicUsize::new(0);

static RUNNING: (Mutex<usize>, Condvar) = (Mutex::new(0), Condvar::new());

/// A place among the [`MAX_APPS`] apps allowed to run at once; released on drop.
struct Slot;

impl Slot {
    fn take() -> Slot {
        let (lock, cvar) = &RUNNING;
        let mut running = lock.lock().unwrap_or_else(|e| e.into_inner());
        while *running >= MAX_APPS {
            running = cvar.wait(running).unwrap_or_else(|e| e.into_inner());
        }
        *running += 1;
        Slot
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let (lock, cvar) = &RUNNING;
        *lock.lock().unwrap_or_else(|e| e.into_inner()) -= 1;
        cvar.notify_one();
    }
}

/// A running app driven through WebDriver. Dropping it ends the session and stops the drivers.
pub struct App {
    driver: Child,
    session: Option<Session>,
    _slot: Slot,
}

impl App {
    /// Launches the app on `route` (e.g. `/counter`) under `tauri-driver`.
    pub fn launch(route: &str) -> Result<Self> {
        Self::launch_with(route, &[])
    }

    /// Launches the app on `route` with extra command-line arguments (`--test-hooks`,
    /// `--webkit-dialogs`, `--journal FILE`).
    pub fn launch_with(route: &str, extra: &[&str]) -> Result<Self> {
        if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
            return Err(Error(
                "e2e tests need a display: run them under Xvfb (`xvfb-run -a cargo test -p golivekit-e2e`, \
                 or scripts/test.sh, which does)"
                    .into(),
            ));
        }
        let app = app_binary();
        if !app.exists() {
            return Err(Error(format!(
                "{} does not exist: build it first (cargo build -p golivekit-desktop)",
                app.display()
            )));
        }
        let slot = Slot::take();
        let (port, native) = (free_port()?, free_port()?);
        let mut cmd = Command::new(tauri_driver());
        cmd.args(["--port", &port.to_string(), "--native-port", &native.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            cmd.process_group(0); // so that Drop can stop WebKitWebDriver too
        }
        let driver =
            cmd.spawn().map_err(|e| Error(format!("cannot start tauri-driver: {e} (scripts/setup.sh installs it)")))?;
        let mut me = App { driver, session: None, _slot: slot };
        let base = format!("http://127.0.0.1:{port}");
        // Each app its own instance id: the demo app is single-instance, and an app of an earlier
        // test still shutting down must not take this launch for a second one.
        let instance = format!("golivekit.e2e.p{}n{}", std::process::id(), LAUNCHES.fetch_add(1, Ordering::Relaxed));
        let mut args: Vec<&str> = std::iter::once(route).chain(extra.iter().copied()).collect();
        if !extra.contains(&"--instance-id") {
            args.extend(["--instance-id", instance.as_str()]);
        }
        let caps = json!({"alwaysMatch": {"browserName": "wry",
            "tauri:options": {"application": app.to_string_lossy(), "args": args}}});
        let mut last = None;
        for _ in 0..100 {
            match Session::start(&base, caps.clone()) {
                Ok(s) => {
                    me.session = Some(s);
                    break;
                }
                Err(e) => last = Some(e),
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        if me.session.is_none() {
            return Err(last.unwrap_or_else(|| Error("no session".into())));
        }
        Ok(me)
    }

    /// The session.
    pub fn session(&self) -> &Session {
        self.session.as_ref().expect("session exists while App lives")
    }

    /// The app's process id (the newest process running the app binary: one app runs at a time).
    pub fn pid(&self) -> Option<u32> {
        app_pids().into_iter().max()
    }

    /// Waits until no app process is left (it quit), at most `timeout`; returns whether it quit.
    pub fn wait_exited(&self, timeout: Duration) -> bool {
        let start = std::time::Instant::now();
        while !app_pids().is_empty() {
            if start.elapsed() > timeout {
                return false;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        true
    }
}

/// Processes running the app binary, from `/proc`.
fn app_pids() -> Vec<u32> {
    let app = app_binary().canonicalize().unwrap_or_else(|_| app_binary());
    let Ok(dir) = std::fs::read_dir("/proc") else { return Vec::new() };
    dir.filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let exe = std::fs::read_link(format!("/proc/{pid}/exe")).ok();
            let zombie = std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .is_ok_and(|s| s.rsplit(')').next().is_some_and(|rest| rest.trim_start().starts_with('Z')));
            exe.as_deref() == Some(app.as_path()) && !zombie
        })
        .collect()
}

impl Drop for App {
    fn drop(&mut self) {
        if let Some(s) = self.session.take() {
            let _ = s.end();
        }
        #[cfg(unix)]
        {
            let _ = Command::new("kill").args(["-TERM", "--", &format!("-{}", self.driver.id())]).status();
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
