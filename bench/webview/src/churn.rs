//! Window churn (issue 11): the app opens a second window, waits for its page to be up, closes it
//! the way a user does and waits until it is gone — `cycles` times — and measures how much its
//! own process grew per window.
//!
//! Both bench apps run the same loop ([`run`]) from a background thread; only the four steps
//! differ ([`Windows`]): `golive-app` opens the counter route with `golivekit_tauri::open_window`
//! and waits for the view to be live and its page connected, and for the live-view count to come
//! back after the close (which goes through the plugin's graceful close: page flush → terminate →
//! destroy); `floor-app` opens its static counter page with a plain `WebviewWindowBuilder` and
//! waits for the page to say it loaded (one `invoke`). Each window has a label of its own
//! (`churn-1`, `churn-2`, …), as `TauriShell`'s windows have.
//!
//! What is sampled, after `warmup` cycles and then every `sample_every` cycles ([`Sample`]):
//! - `VmRSS` of the app's process (`/proc/self/status`) — the goal figure;
//! - the summed `VmRSS` of its descendants (WebKit's web and network processes);
//! - the bytes the app's Rust code holds on the heap now ([`CountingAlloc`]: every Rust allocation,
//!   ours and Tauri's/wry's alike, but not GTK's or WebKit's, which call `malloc` themselves);
//! - what glibc's `malloc` has handed out and not had back (`mallinfo2`: Rust and C alike).
//!
//! At the end the same again after `malloc_trim(0)`, which returns the heap's free pages to the
//! system: the part of the growth that goes then was free memory the heap kept, not memory in use.
//! The report is one JSON line on stdout, also POSTed to `report` when the driver gave one.

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::{HashMap, HashSet};
use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager, WebviewUrl, WebviewWindowBuilder};

use crate::WINDOW_SIZE;

/// How long one step (a window's page coming up, a window going) may take before the run fails.
pub const STEP_TIMEOUT: Duration = Duration::from_secs(20);

/// The churn's parameters (from `BENCH_CONFIG`: `{"mode":"churn","cycles":300,"warmup":20}`;
/// every field may be left out).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Churn {
    /// Windows opened and closed after the warm-up (and measured).
    pub cycles: usize,
    /// Windows opened and closed before the first sample.
    pub warmup: usize,
    /// Cycles between two samples.
    pub sample_every: usize,
    /// Where to POST the report (the driver's loopback server).
    pub report: Option<String>,
    /// An experiment: every page of the app also gets an init script of this many KiB (a
    /// comment), to see what a window's init scripts cost the app process. 0: none.
    pub pad_kib: usize,
    /// With [`Churn::pad_kib`]: the comment also holds one character outside Latin-1 (`—`), as the
    /// GoliveKit bridge's comments do (WebKit then keeps the whole script as UTF-16).
    pub pad_wide: bool,
    /// An experiment: just before asking a window to close, remove its webview's user scripts
    /// (`webkit_user_content_manager_remove_all_scripts`), to see whether what stays of a closed
    /// window is its init scripts.
    pub clear_scripts: bool,
    /// An experiment: keep a reference to each closing window's `WebKitWebView`, and once the
    /// window is gone, drop every signal handler of its `WebKitUserContentManager` (where wry
    /// connects its IPC handler, a closure holding the web view) before letting the reference go
    /// ([`Released`]): whether what stays of a window is held by that closure.
    pub break_cycle: bool,
    /// An experiment for `golive-app`: `"static"` churns the floor's static page
    /// ([`StaticWindows`]) with the plugin installed, instead of a live route. `None`: the app's own.
    pub page: Option<String>,
}

impl Default for Churn {
    fn default() -> Self {
        Self {
            cycles: 300,
            warmup: 20,
            sample_every: 10,
            report: None,
            pad_kib: 0,
            pad_wide: false,
            clear_scripts: false,
            break_cycle: false,
            page: None,
        }
    }
}

impl Churn {
    /// The padding plugin for [`Churn::pad_kib`], if any: an init script that is one comment.
    pub fn pad_plugin<R: tauri::Runtime>(&self) -> Option<tauri::plugin::TauriPlugin<R>> {
        (self.pad_kib > 0).then(|| {
            let wide = if self.pad_wide { "\u{2014}" } else { "x" };
            let script = format!("/*{wide}{}*/", "x".repeat(self.pad_kib * 1024 - 5));
            tauri::plugin::Builder::new("bench-pad").js_init_script(script).build()
        })
    }
}

/// The four steps of a cycle, as each app does them.
pub trait Windows {
    /// Opens window `label`.
    fn open(&self, label: &str) -> Result<(), String>;
    /// Whether window `label`'s page is up.
    fn ready(&self, label: &str) -> bool;
    /// Asks window `label` to close, as its close button does.
    fn close(&self, label: &str) -> Result<(), String>;
    /// Whether window `label` is gone, and everything the app keeps for a window is back to what
    /// it was before it opened.
    fn gone(&self, label: &str) -> bool;
    /// App-specific figures for the report (GoliveKit: the live-view count).
    fn extra(&self) -> serde_json::Map<String, serde_json::Value> {
        serde_json::Map::new()
    }
}

/// Windows whose page has said it loaded ([`loaded`]).
static LOADED: Mutex<Option<HashSet<String>>> = Mutex::new(None);

fn loaded_set() -> MutexGuard<'static, Option<HashSet<String>>> {
    LOADED.lock().unwrap_or_else(|e| e.into_inner())
}

/// The command a [`StaticWindows`] page calls once it has loaded (the app registers it:
/// `generate_handler![churn::loaded]`).
#[tauri::command]
pub fn loaded(webview: tauri::Webview) {
    loaded_set().get_or_insert_with(HashSet::new).insert(webview.label().to_owned());
}

/// The init script of a [`StaticWindows`] window: its page says it loaded once it is parsed.
pub const LOADED_SCRIPT: &str = "window.addEventListener('DOMContentLoaded', () => \
    window.__TAURI_INTERNALS__.invoke('loaded'));";

/// The floor's cycle: a plain `WebviewWindowBuilder` window on the static counter page
/// (`assets/counter.html`), up once the page has called [`loaded`], gone once Tauri has forgotten
/// it. (`golive-app` can run it too, with `"page":"static"`: the plugin installed, no view.)
pub struct StaticWindows {
    app: AppHandle,
    clear_scripts: bool,
    released: Released,
}

impl StaticWindows {
    /// The cycle for `app` (with the experiments `churn` asks for).
    pub fn new(app: AppHandle, churn: &Churn) -> Self {
        Self { released: Released::new(app.clone(), churn), app, clear_scripts: churn.clear_scripts }
    }
}

impl Windows for StaticWindows {
    fn open(&self, label: &str) -> Result<(), String> {
        WebviewWindowBuilder::new(&self.app, label, WebviewUrl::App("counter.html".into()))
            .title("churn")
            .inner_size(WINDOW_SIZE.0, WINDOW_SIZE.1)
            .initialization_script(LOADED_SCRIPT)
            .build()
            .map(drop)
            .map_err(|e| format!("opening {label}: {e}"))
    }

    fn ready(&self, label: &str) -> bool {
        loaded_set().as_ref().is_some_and(|s| s.contains(label))
    }

    fn close(&self, label: &str) -> Result<(), String> {
        let window = self.app.get_webview_window(label).ok_or(format!("{label} is not open"))?;
        if self.clear_scripts {
            clear_user_scripts(&window)?;
        }
        self.released.hold(&window)?;
        window.close().map_err(|e| format!("closing {label}: {e}"))
    }

    fn gone(&self, label: &str) -> bool {
        let gone = self.app.get_webview_window(label).is_none() && self.released.release();
        if gone {
            if let Some(set) = loaded_set().as_mut() {
                set.remove(label);
            }
        }
        gone
    }
}

/// Removes every user script (init script) of `window`'s webview, on the main thread; returns
/// once done ([`Churn::clear_scripts`]). Linux only (elsewhere it does nothing).
pub fn clear_user_scripts(window: &tauri::WebviewWindow) -> Result<(), String> {
    let (tx, rx) = std::sync::mpsc::channel();
    window
        .with_webview(move |webview| {
            #[cfg(target_os = "linux")]
            unsafe_parts::remove_all_user_scripts(webview.inner());
            #[cfg(not(target_os = "linux"))]
            drop(webview);
            let _ = tx.send(());
        })
        .map_err(|e| format!("with_webview: {e}"))?;
    rx.recv_timeout(STEP_TIMEOUT).map_err(|e| format!("removing the user scripts: {e}"))
}

/// [`Churn::break_cycle`]: the web view of the window being closed, held until it is gone.
pub struct Released {
    app: AppHandle,
    on: bool,
    /// The `WebKitWebView*` (with a reference of ours), as an address.
    held: Mutex<Option<usize>>,
}

impl Released {
    /// Off unless `churn.break_cycle`.
    pub fn new(app: AppHandle, churn: &Churn) -> Self {
        Self { app, on: churn.break_cycle, held: Mutex::new(None) }
    }

    /// Takes a reference to `window`'s web view (when on).
    pub fn hold(&self, window: &tauri::WebviewWindow) -> Result<(), String> {
        if !self.on {
            return Ok(());
        }
        let (tx, rx) = std::sync::mpsc::channel();
        window
            .with_webview(move |webview| {
                #[cfg(target_os = "linux")]
                let _ = tx.send(unsafe_parts::ref_webview(webview.inner()));
                #[cfg(not(target_os = "linux"))]
                let _ = (webview, tx.send(0));
            })
            .map_err(|e| format!("with_webview: {e}"))?;
        let ptr = rx.recv_timeout(STEP_TIMEOUT).map_err(|e| format!("holding the web view: {e}"))?;
        *self.held.lock().unwrap_or_else(|e| e.into_inner()) = Some(ptr);
        Ok(())
    }

    /// Once the window is gone: drops the signal handlers of the held web view's content
    /// manager, then our reference, on the main thread. Returns whether that is done (always true
    /// when off or nothing is held).
    pub fn release(&self) -> bool {
        let Some(ptr) = self.held.lock().unwrap_or_else(|e| e.into_inner()).take() else { return true };
        let (tx, rx) = std::sync::mpsc::channel();
        let ran = self.app.run_on_main_thread(move || {
            #[cfg(target_os = "linux")]
            unsafe_parts::break_and_unref(ptr);
            let _ = (ptr, tx.send(()));
        });
        ran.is_ok() && rx.recv_timeout(STEP_TIMEOUT).is_ok()
    }
}

/// Memory at one point of the run.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub struct Sample {
    /// Cycles done when the sample was taken (the warm-up included).
    pub cycle: usize,
    /// `VmRSS` of the app's process, KiB.
    pub rss_kib: u64,
    /// `VmRSS` of its descendants (WebKit's processes), summed, KiB.
    pub web_kib: u64,
    /// How many descendants there were.
    pub web_processes: usize,
    /// Bytes held by Rust allocations (0 without [`CountingAlloc`]).
    pub rust_heap: i64,
    /// Bytes `malloc` has handed out and not had back (`mallinfo2`: `uordblks + hblkhd`).
    pub malloc_in_use: u64,
    /// Bytes the heap holds free (`mallinfo2`: `fordblks`).
    pub malloc_free: u64,
    /// Live `WebKitWebView` and `WebKitUserContentManager` GObjects in this process, when the app
    /// runs with `GOBJECT_DEBUG=instance-count` (GLib counts instances only then); else 0.
    pub gobjects: [i32; 2],
}

impl Sample {
    /// Memory now, after `cycle` cycles.
    pub fn now(cycle: usize) -> Self {
        let me = std::process::id();
        let web = descendants(me);
        let (malloc_in_use, malloc_free) = malloc_stats();
        Sample {
            cycle,
            rss_kib: vm_rss_kib(me),
            web_kib: web.iter().map(|&p| vm_rss_kib(p)).sum(),
            web_processes: web.len(),
            rust_heap: rust_heap_bytes(),
            malloc_in_use,
            malloc_free,
            gobjects: [instances("WebKitWebView"), instances("WebKitUserContentManager")],
        }
    }
}

/// The result of a run (what an app sends the driver, which reads it back).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    /// Measured cycles (after the warm-up).
    pub cycles: usize,
    /// Warm-up cycles.
    pub warmup: usize,
    /// App-process `VmRSS` after the warm-up, KiB.
    pub rss_before_kib: u64,
    /// App-process `VmRSS` after the last cycle, KiB.
    pub rss_after_kib: u64,
    /// `(after − before) / cycles`, KiB per window.
    pub growth_kib_per_window: f64,
    /// The least-squares slope of app-process `VmRSS` over the samples, KiB per window.
    pub slope_kib_per_window: f64,
    /// The same growth for WebKit's processes, KiB per window.
    pub web_growth_kib_per_window: f64,
    /// Rust heap growth, bytes per window.
    pub rust_heap_bytes_per_window: f64,
    /// `malloc` in-use growth, bytes per window.
    pub malloc_in_use_bytes_per_window: f64,
    /// App-process `VmRSS` after `malloc_trim(0)` at the end, KiB.
    pub rss_after_trim_kib: u64,
    /// Growth per window measured to the trimmed figure, KiB.
    pub trimmed_growth_kib_per_window: f64,
    /// Mean ms from asking for a window to its page being up.
    pub open_ms: f64,
    /// Mean ms from asking a window to close to its being gone.
    pub close_ms: f64,
    /// Wall-clock seconds of the whole run.
    pub seconds: f64,
    /// [`Churn::pad_kib`] of the run.
    pub pad_kib: usize,
    /// [`Churn::pad_wide`] of the run.
    pub pad_wide: bool,
    /// [`Churn::clear_scripts`] of the run.
    pub clear_scripts: bool,
    /// [`Churn::break_cycle`] of the run.
    pub break_cycle: bool,
    /// [`Churn::page`] of the run.
    pub page: Option<String>,
    /// Every sample, the first one after the warm-up.
    pub samples: Vec<Sample>,
    /// The last sample, after `malloc_trim(0)`.
    pub trimmed: Sample,
    /// App-specific figures ([`Windows::extra`]).
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Polls `check` every 2 ms until it holds; fails after [`STEP_TIMEOUT`].
pub fn wait_until(what: &str, check: impl Fn() -> bool) -> Result<(), String> {
    let deadline = Instant::now() + STEP_TIMEOUT;
    while !check() {
        if Instant::now() > deadline {
            return Err(format!("timed out after {} s waiting for {what}", STEP_TIMEOUT.as_secs()));
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    Ok(())
}

/// Runs the churn: `warmup + cycles` windows, one at a time; samples memory as described in the
/// module docs.
pub fn run(churn: &Churn, windows: &dyn Windows) -> Result<Report, String> {
    let started = Instant::now();
    let (mut open_ms, mut close_ms) = (0.0, 0.0);
    let mut samples = Vec::new();
    let total = churn.warmup + churn.cycles;
    let every = churn.sample_every.max(1);
    for i in 0..total {
        if i == churn.warmup {
            samples.push(Sample::now(i));
        }
        let label = format!("churn-{}", i + 1);
        let t0 = Instant::now();
        windows.open(&label)?;
        wait_until(&format!("{label}'s page"), || windows.ready(&label))?;
        let t1 = Instant::now();
        windows.close(&label)?;
        wait_until(&format!("{label} to be gone"), || windows.gone(&label))?;
        if i >= churn.warmup {
            open_ms += (t1 - t0).as_secs_f64() * 1000.0;
            close_ms += t1.elapsed().as_secs_f64() * 1000.0;
        }
        let done = i + 1;
        if done > churn.warmup && ((done - churn.warmup) % every == 0 || done == total) {
            samples.push(Sample::now(done));
        }
    }
    let (first, last) = (samples[0], *samples.last().unwrap_or(&samples[0]));
    trim();
    let trimmed = Sample::now(total);
    let n = churn.cycles.max(1) as f64;
    let per = |f: fn(&Sample) -> f64, end: &Sample| (f(end) - f(&first)) / n;
    Ok(Report {
        cycles: churn.cycles,
        warmup: churn.warmup,
        rss_before_kib: first.rss_kib,
        rss_after_kib: last.rss_kib,
        growth_kib_per_window: per(|s| s.rss_kib as f64, &last),
        slope_kib_per_window: slope(&samples),
        web_growth_kib_per_window: per(|s| s.web_kib as f64, &last),
        rust_heap_bytes_per_window: per(|s| s.rust_heap as f64, &last),
        malloc_in_use_bytes_per_window: per(|s| s.malloc_in_use as f64, &last),
        rss_after_trim_kib: trimmed.rss_kib,
        trimmed_growth_kib_per_window: per(|s| s.rss_kib as f64, &trimmed),
        open_ms: open_ms / n,
        close_ms: close_ms / n,
        seconds: started.elapsed().as_secs_f64(),
        pad_kib: churn.pad_kib,
        pad_wide: churn.pad_wide,
        clear_scripts: churn.clear_scripts,
        break_cycle: churn.break_cycle,
        page: churn.page.clone(),
        samples,
        trimmed,
        extra: windows.extra(),
    })
}

/// The least-squares slope of `rss_kib` against `cycle`; 0 for fewer than two samples.
pub fn slope(samples: &[Sample]) -> f64 {
    let n = samples.len() as f64;
    if samples.len() < 2 {
        return 0.0;
    }
    let mx = samples.iter().map(|s| s.cycle as f64).sum::<f64>() / n;
    let my = samples.iter().map(|s| s.rss_kib as f64).sum::<f64>() / n;
    let sxy: f64 = samples.iter().map(|s| (s.cycle as f64 - mx) * (s.rss_kib as f64 - my)).sum();
    let sxx: f64 = samples.iter().map(|s| (s.cycle as f64 - mx).powi(2)).sum();
    if sxx == 0.0 {
        0.0
    } else {
        sxy / sxx
    }
}

/// Prints the outcome of a churn run as one JSON line tagged with `app` and POSTs it to the
/// driver's `url`, if any; a failure to report is logged.
pub fn report(app: &str, result: Result<Report, String>, url: Option<&str>) {
    let json = match result {
        Ok(report) => {
            let mut value = serde_json::to_value(&report).unwrap_or_default();
            value["app"] = app.into();
            value.to_string()
        }
        Err(e) => serde_json::json!({"app": app, "error": e}).to_string(),
    };
    if let Err(e) = send(&json, url) {
        eprintln!("{app}: could not report the churn: {e}");
    }
}

/// Prints `json` as one line on stdout and POSTs it to `url` (`http://127.0.0.1:PORT/path`).
pub fn send(json: &str, url: Option<&str>) -> Result<(), String> {
    println!("{json}");
    let Some(url) = url else { return Ok(()) };
    let rest = url.strip_prefix("http://").ok_or(format!("not an http:// URL: {url}"))?;
    let (host, path) = rest.split_once('/').map_or((rest, "/".to_owned()), |(h, p)| (h, format!("/{p}")));
    let mut stream = std::net::TcpStream::connect(host).map_err(|e| format!("{url}: {e}"))?;
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{json}",
        json.len()
    )
    .map_err(|e| format!("{url}: {e}"))?;
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    Ok(())
}

/// `VmRSS` of process `pid`, KiB (0 if it is gone).
pub fn vm_rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Every live process below `pid`.
pub fn descendants(pid: u32) -> Vec<u32> {
    let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(p) = entry.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else { continue };
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so split after the last ')'.
        let ppid = stat.rsplit_once(')').and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse().ok());
        if let Some(ppid) = ppid {
            children.entry(ppid).or_default().push(p);
        }
    }
    let mut found = Vec::new();
    let mut stack = vec![pid];
    while let Some(p) = stack.pop() {
        for &c in children.get(&p).into_iter().flatten() {
            found.push(c);
            stack.push(c);
        }
    }
    found
}

static RUST_HEAP: AtomicI64 = AtomicI64::new(0);
static COUNTING: AtomicBool = AtomicBool::new(false);

/// Bytes held by Rust allocations now; 0 unless the binary installed [`CountingAlloc`].
pub fn rust_heap_bytes() -> i64 {
    if COUNTING.load(Ordering::Relaxed) {
        RUST_HEAP.load(Ordering::Relaxed)
    } else {
        0
    }
}

/// The system allocator, counting the bytes Rust code holds (two relaxed atomic adds per
/// allocation). A bench app installs it with
/// `#[global_allocator] static ALLOC: CountingAlloc = CountingAlloc;`.
pub struct CountingAlloc;

#[allow(unsafe_code)]
mod unsafe_parts {
    use super::*;

    // SAFETY: every call is forwarded to `System` unchanged; only counters are updated around it.
    unsafe impl GlobalAlloc for CountingAlloc {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let p = System.alloc(layout);
            if !p.is_null() {
                RUST_HEAP.fetch_add(layout.size() as i64, Ordering::Relaxed);
                COUNTING.store(true, Ordering::Relaxed);
            }
            p
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            let p = System.alloc_zeroed(layout);
            if !p.is_null() {
                RUST_HEAP.fetch_add(layout.size() as i64, Ordering::Relaxed);
                COUNTING.store(true, Ordering::Relaxed);
            }
            p
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            System.dealloc(ptr, layout);
            RUST_HEAP.fetch_sub(layout.size() as i64, Ordering::Relaxed);
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let p = System.realloc(ptr, layout, new_size);
            if !p.is_null() {
                RUST_HEAP.fetch_add(new_size as i64 - layout.size() as i64, Ordering::Relaxed);
            }
            p
        }
    }

    /// glibc's `struct mallinfo2` (glibc 2.33 and later).
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[repr(C)]
    struct MallInfo2 {
        arena: usize,
        ordblks: usize,
        smblks: usize,
        hblks: usize,
        hblkhd: usize,
        usmblks: usize,
        fsmblks: usize,
        uordblks: usize,
        fordblks: usize,
        keepcost: usize,
    }

    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    extern "C" {
        fn mallinfo2() -> MallInfo2;
        fn malloc_trim(pad: usize) -> i32;
    }

    /// `(in use, free)` bytes of glibc's heap, every arena.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    pub(super) fn malloc_stats() -> (u64, u64) {
        // SAFETY: `mallinfo2` takes no arguments and returns a plain struct by value.
        let m = unsafe { mallinfo2() };
        let _ = (m.arena, m.ordblks, m.smblks, m.hblks, m.usmblks, m.fsmblks, m.keepcost);
        ((m.uordblks + m.hblkhd) as u64, m.fordblks as u64)
    }

    /// Gives the heap's free pages back to the system.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    pub(super) fn trim() {
        // SAFETY: `malloc_trim` only releases free memory; any pad is valid.
        unsafe {
            malloc_trim(0);
        }
    }

    #[cfg(target_os = "linux")]
    #[link(name = "gobject-2.0")]
    extern "C" {
        fn g_type_from_name(name: *const std::ffi::c_char) -> usize;
        fn g_type_get_instance_count(gtype: usize) -> i32;
    }

    /// Live instances of GObject type `name` (0 if the type is not registered, or GLib was not
    /// asked to count: `GOBJECT_DEBUG=instance-count`).
    #[cfg(target_os = "linux")]
    pub(super) fn instances(name: &str) -> i32 {
        let Ok(name) = std::ffi::CString::new(name) else { return 0 };
        // SAFETY: `name` is a valid C string for the call; `g_type_from_name` returns 0 for an
        // unknown type, and `g_type_get_instance_count` takes any type id, answering 0 when
        // instance counting is off.
        unsafe {
            let gtype = g_type_from_name(name.as_ptr());
            if gtype == 0 {
                0
            } else {
                g_type_get_instance_count(gtype)
            }
        }
    }

    #[cfg(target_os = "linux")]
    #[link(name = "webkit2gtk-4.1")]
    extern "C" {
        fn webkit_web_view_get_user_content_manager(webview: *mut std::ffi::c_void) -> *mut std::ffi::c_void;
        fn webkit_user_content_manager_remove_all_scripts(manager: *mut std::ffi::c_void);
    }

    /// Removes every user script of `webview` (a `webkit2gtk::WebView`, taken generically so
    /// that this crate need not depend on `webkit2gtk`: a GObject wrapper is one pointer).
    #[cfg(target_os = "linux")]
    pub(super) fn remove_all_user_scripts<T>(webview: T) {
        assert_eq!(std::mem::size_of::<T>(), std::mem::size_of::<*mut std::ffi::c_void>(), "not a GObject wrapper");
        // SAFETY: glib's object wrappers are `repr(transparent)` over a non-null `GObject*`, so the
        // bits of `webview` are the `WebKitWebView*`, which stays valid while `webview` is alive
        // (it is dropped below, after the calls); both calls take a web view / manager pointer and
        // run on the main thread (`with_webview`).
        unsafe {
            let ptr: *mut std::ffi::c_void = std::mem::transmute_copy(&webview);
            let manager = webkit_web_view_get_user_content_manager(ptr);
            if !manager.is_null() {
                webkit_user_content_manager_remove_all_scripts(manager);
            }
        }
        drop(webview);
    }

    #[cfg(target_os = "linux")]
    #[link(name = "gobject-2.0")]
    extern "C" {
        fn g_object_ref(object: *mut std::ffi::c_void) -> *mut std::ffi::c_void;
        fn g_object_unref(object: *mut std::ffi::c_void);
        fn g_signal_handlers_destroy(instance: *mut std::ffi::c_void);
    }

    /// The `WebKitWebView*` of `webview` (a `webkit2gtk::WebView`), with a new reference.
    #[cfg(target_os = "linux")]
    pub(super) fn ref_webview<T>(webview: T) -> usize {
        assert_eq!(std::mem::size_of::<T>(), std::mem::size_of::<*mut std::ffi::c_void>(), "not a GObject wrapper");
        // SAFETY: as in `remove_all_user_scripts`; the new reference keeps the object valid
        // until `break_and_unref` gives it back.
        let ptr = unsafe {
            let ptr: *mut std::ffi::c_void = std::mem::transmute_copy(&webview);
            g_object_ref(ptr)
        };
        drop(webview);
        ptr as usize
    }

    /// Drops every signal handler of the web view's content manager, then our reference.
    #[cfg(target_os = "linux")]
    pub(super) fn break_and_unref(ptr: usize) {
        let ptr = ptr as *mut std::ffi::c_void;
        // SAFETY: `ptr` came from `ref_webview`, whose reference we still hold; this runs on the
        // main thread, after the window is destroyed (no IPC is expected any more).
        unsafe {
            let manager = webkit_web_view_get_user_content_manager(ptr);
            if !manager.is_null() {
                g_signal_handlers_destroy(manager);
            }
            g_object_unref(ptr);
        }
    }

    #[cfg(not(target_os = "linux"))]
    pub(super) fn instances(_: &str) -> i32 {
        0
    }

    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    pub(super) fn malloc_stats() -> (u64, u64) {
        (0, 0)
    }

    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    pub(super) fn trim() {}
}

use unsafe_parts::{instances, malloc_stats, trim};

#[cfg(test)]
mod tests {
    use super::*;

    fn at(cycle: usize, rss_kib: u64) -> Sample {
        Sample { cycle, rss_kib, ..Sample::default() }
    }

    #[test]
    fn the_slope_is_kib_per_cycle() {
        let samples: Vec<_> = (0..5).map(|i| at(20 + 10 * i, 1000 + 30 * i as u64)).collect();
        assert!((slope(&samples) - 3.0).abs() < 1e-9);
        assert_eq!(slope(&samples[..1]), 0.0);
    }

    #[test]
    fn a_sample_reads_this_process() {
        let s = Sample::now(0);
        assert!(s.rss_kib > 0);
    }

    struct Fake(std::cell::RefCell<Vec<String>>);

    impl Windows for Fake {
        fn open(&self, label: &str) -> Result<(), String> {
            self.0.borrow_mut().push(format!("open {label}"));
            Ok(())
        }
        fn ready(&self, _: &str) -> bool {
            true
        }
        fn close(&self, label: &str) -> Result<(), String> {
            self.0.borrow_mut().push(format!("close {label}"));
            Ok(())
        }
        fn gone(&self, _: &str) -> bool {
            true
        }
    }

    #[test]
    fn a_run_opens_and_closes_every_window_and_samples_after_the_warm_up() {
        let fake = Fake(Default::default());
        let churn = Churn { cycles: 5, warmup: 2, sample_every: 2, ..Churn::default() };
        let report = run(&churn, &fake).expect("run");
        assert_eq!(fake.0.borrow().len(), 14);
        assert_eq!(fake.0.borrow()[0], "open churn-1");
        assert_eq!(fake.0.borrow()[13], "close churn-7");
        let cycles: Vec<_> = report.samples.iter().map(|s| s.cycle).collect();
        assert_eq!(cycles, [2, 4, 6, 7]);
        assert_eq!(report.cycles, 5);
    }
}
