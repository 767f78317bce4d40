//! The loopback server the probe reports to: `POST /report` with one JSON body per app run.
//! One thread accepts connections and hands each body to the driver through a channel.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use serde::Deserialize;

/// What the probe measured in one app run (see `bench/probe.js`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Wall-clock ms since the epoch of the first frame showing the view.
    pub first_paint: Option<f64>,
    /// Wall-clock ms since the epoch at which the page's navigation began.
    pub time_origin: Option<f64>,
    /// Ms after `time_origin` at which the document had arrived.
    pub response_end: Option<f64>,
    /// Per input: ms from the input to the DOM showing its result.
    #[serde(default)]
    pub patch: Vec<f64>,
    /// Per input: ms from the input to the next animation frame after the result.
    #[serde(default)]
    pub frame: Vec<f64>,
    /// The filter's row count the probe expected (`rows` of its config).
    #[serde(default)]
    pub rows: Option<usize>,
    /// What went wrong in the page, if anything.
    pub error: Option<String>,
    /// GoliveKit's bridge: per-stage totals over the measured inputs (`ui-bridge/js/stages.js`).
    #[serde(default)]
    pub stages: Option<Stages>,
}

/// Where GoliveKit's events spent their time in the page, summed over a launch's inputs (ms).
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Stages {
    /// Events sent.
    pub events: f64,
    /// `invoke` until the reply is in: IPC both ways and the runtime's work.
    pub round_trip: f64,
    /// Patches applied (drains).
    pub patches: f64,
    /// The patch ops (`applyPatch`).
    pub apply: f64,
    /// After-patch work: client state put back, bindings checked, hooks.
    pub after: f64,
    /// GoliveKit: events the runtime counted over the same inputs (`stats` test hook).
    #[serde(default)]
    pub runtime_events: f64,
    /// GoliveKit: ms those events spent in the runtime (mailbox hop, handler, render, diff).
    #[serde(default)]
    pub runtime: f64,
}

impl Stages {
    /// The sums of two launches' stages.
    pub fn add(&self, other: &Stages) -> Stages {
        Stages {
            events: self.events + other.events,
            round_trip: self.round_trip + other.round_trip,
            patches: self.patches + other.patches,
            apply: self.apply + other.apply,
            after: self.after + other.after,
            runtime_events: self.runtime_events + other.runtime_events,
            runtime: self.runtime + other.runtime,
        }
    }
}

/// The running server: its URL and the reports it has received.
pub struct ReportServer {
    /// `http://127.0.0.1:<port>/report`.
    pub url: String,
    reports: Receiver<String>,
}

impl ReportServer {
    /// Binds a free loopback port and starts accepting.
    pub fn start() -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let url = format!("http://{}/report", listener.local_addr()?);
        let (tx, reports) = mpsc::channel();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if let Some(body) = serve(stream) {
                    if tx.send(body).is_err() {
                        return;
                    }
                }
            }
        });
        Ok(Self { url, reports })
    }

    /// Waits up to `timeout` for the next report. Reports left from an earlier run are dropped
    /// by [`ReportServer::drain`] before each launch.
    pub fn next(&self, timeout: Duration) -> Result<Report, String> {
        let body = self.next_body(timeout)?;
        serde_json::from_str(&body).map_err(|e| format!("the probe's report is not valid: {e}"))
    }

    /// Waits up to `timeout` for the next report's body, unparsed (the apps' own churn reports).
    pub fn next_body(&self, timeout: Duration) -> Result<String, String> {
        match self.reports.recv_timeout(timeout) {
            Ok(body) => Ok(body),
            Err(RecvTimeoutError::Timeout) => Err(format!("no report within {} s", timeout.as_secs())),
            Err(RecvTimeoutError::Disconnected) => Err("the report server stopped".into()),
        }
    }

    /// Forgets reports nobody waited for.
    pub fn drain(&self) {
        while self.reports.try_recv().is_ok() {}
    }
}

/// Reads one HTTP request; answers it; returns the body of a `POST /report`.
fn serve(mut stream: TcpStream) -> Option<String> {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line).ok()?;
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(0);
            }
        }
    }
    let is_report = request_line.starts_with("POST /report ");
    let mut body = vec![0; if is_report { length } else { 0 }];
    reader.read_exact(&mut body).ok()?;
    let status = if is_report { "204 No Content" } else { "404 Not Found" };
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    );
    is_report.then(|| String::from_utf8_lossy(&body).into_owned())
}
