//! A minimal W3C WebDriver client: sessions, elements, clicks, text, scripts, waits.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// The W3C element reference key.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A WebDriver failure, with the endpoint and what the driver said.
#[derive(Debug)]
pub struct Error(pub String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// Result alias.
pub type Result<T> = std::result::Result<T, Error>;

/// One automation session (one app process).
#[derive(Debug)]
pub struct Session {
    base: String,
    id: String,
}

/// An element of the page.
#[derive(Debug, Clone)]
pub struct Element(String);

fn call(method: &str, url: &str, body: Option<Value>) -> Result<Value> {
    let req = ureq::request(method, url).timeout(Duration::from_secs(60));
    let res = match body {
        Some(b) => req.send_json(b),
        None => req.call(),
    };
    let value: Value = match res {
        Ok(r) => r.into_json().map_err(|e| Error(format!("{method} {url}: {e}")))?,
        Err(ureq::Error::Status(code, r)) => {
            let text = r.into_string().unwrap_or_default();
            return Err(Error(format!("{method} {url}: HTTP {code}: {text}")));
        }
        Err(e) => return Err(Error(format!("{method} {url}: {e}"))),
    };
    Ok(value.get("value").cloned().unwrap_or(Value::Null))
}

impl Session {
    /// Starts a session on the driver at `base` (`http://127.0.0.1:PORT`) with `capabilities`.
    pub fn start(base: &str, capabilities: Value) -> Result<Self> {
        let v = call("POST", &format!("{base}/session"), Some(json!({ "capabilities": capabilities })))?;
        let id = v["sessionId"].as_str().ok_or_else(|| Error(format!("no session id in {v}")))?;
        Ok(Self { base: base.to_owned(), id: id.to_owned() })
    }

    fn url(&self, path: &str) -> String {
        format!("{}/session/{}{}", self.base, self.id, path)
    }

    /// The first element matching a CSS selector.
    pub fn find(&self, css: &str) -> Result<Element> {
        let v = call("POST", &self.url("/element"), Some(json!({"using": "css selector", "value": css})))?;
        v[ELEMENT_KEY].as_str().map(|s| Element(s.to_owned())).ok_or_else(|| Error(format!("no element {css}: {v}")))
    }

    /// Waits (up to `timeout`) for an element matching `css`.
    pub fn wait_for(&self, css: &str, timeout: Duration) -> Result<Element> {
        self.wait(timeout, &format!("element {css}"), || self.find(css).ok())
    }

    /// Clicks an element (a real pointer click in the webview).
    pub fn click(&self, el: &Element) -> Result<()> {
        call("POST", &self.url(&format!("/element/{}/click", el.0)), Some(json!({}))).map(|_| ())
    }

    /// The rendered text of an element.
    pub fn text(&self, el: &Element) -> Result<String> {
        Ok(call("GET", &self.url(&format!("/element/{}/text", el.0)), None)?.as_str().unwrap_or_default().to_owned())
    }

    /// Runs `script` (a function body; `arguments` holds `args`) and returns its result.
    pub fn execute(&self, script: &str, args: Value) -> Result<Value> {
        call("POST", &self.url("/execute/sync"), Some(json!({"script": script, "args": args})))
    }

    /// Runs an async script: it must call `arguments[arguments.length - 1](result)`.
    pub fn execute_async(&self, script: &str, args: Value) -> Result<Value> {
        call("POST", &self.url("/execute/async"), Some(json!({"script": script, "args": args})))
    }

    /// Types `text` into an element (real key events in the webview).
    pub fn send_keys(&self, el: &Element, text: &str) -> Result<()> {
        call("POST", &self.url(&format!("/element/{}/value", el.0)), Some(json!({"text": text}))).map(|_| ())
    }

    /// Handles of the app's windows, in the driver's order.
    pub fn window_handles(&self) -> Result<Vec<String>> {
        let v = call("GET", &self.url("/window/handles"), None)?;
        Ok(v.as_array().map(|a| a.iter().filter_map(|h| h.as_str().map(str::to_owned)).collect()).unwrap_or_default())
    }

    /// The handle of the window commands go to.
    pub fn window_handle(&self) -> Result<String> {
        Ok(call("GET", &self.url("/window"), None)?.as_str().unwrap_or_default().to_owned())
    }

    /// Sends further commands to window `handle`.
    pub fn switch_to_window(&self, handle: &str) -> Result<()> {
        call("POST", &self.url("/window"), Some(json!({"handle": handle}))).map(|_| ())
    }

    /// Reloads the current page, like the user pressing F5.
    pub fn refresh(&self) -> Result<()> {
        call("POST", &self.url("/refresh"), Some(json!({}))).map(|_| ())
    }

    /// The text of the open user prompt (`alert`, `confirm`), if any.
    pub fn alert_text(&self) -> Result<String> {
        Ok(call("GET", &self.url("/alert/text"), None)?.as_str().unwrap_or_default().to_owned())
    }

    /// Answers the open prompt: OK when `accept`, else Cancel.
    pub fn answer_alert(&self, accept: bool) -> Result<()> {
        let path = if accept { "/alert/accept" } else { "/alert/dismiss" };
        call("POST", &self.url(path), Some(json!({}))).map(|_| ())
    }

    /// The current URL.
    pub fn current_url(&self) -> Result<String> {
        Ok(call("GET", &self.url("/url"), None)?.as_str().unwrap_or_default().to_owned())
    }

    /// Polls `probe` until it yields `Some`, for at most `timeout`. A wait, never a timing check.
    pub fn wait<T>(&self, timeout: Duration, what: &str, mut probe: impl FnMut() -> Option<T>) -> Result<T> {
        let start = Instant::now();
        loop {
            if let Some(v) = probe() {
                return Ok(v);
            }
            if start.elapsed() > timeout {
                return Err(Error(format!("gave up waiting for {what} after {timeout:?}")));
            }
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Waits until the text of `css` equals `expected`; returns the last text seen on failure.
    pub fn wait_for_text(&self, css: &str, expected: &str, timeout: Duration) -> Result<()> {
        let mut last = String::new();
        self.wait(timeout, &format!("{css} to read {expected:?}"), || {
            last = self.find(css).and_then(|e| self.text(&e)).unwrap_or_default();
            (last == expected).then_some(())
        })
        .map_err(|e| Error(format!("{e} (last seen {last:?})")))
    }

    /// Ends the session (the driver closes the app).
    pub fn end(self) -> Result<()> {
        call("DELETE", &format!("{}/session/{}", self.base, self.id), None).map(|_| ())
    }
}
