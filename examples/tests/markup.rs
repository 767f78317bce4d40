//! Markup snapshots of every example: each one is mounted with `TestView`, driven through a short
//! script of events that reaches its interesting states, and its HTML (as the page shows it) is
//! recorded after the mount and after each step, in `tests/markup/<name>.html`.
//!
//! The comparison normalizes one thing only: whitespace-only text between tags is dropped (and the
//! ends are trimmed), because `html!` writes no whitespace between nodes while string templates
//! had newlines and indentation there. Everything else — attribute order, entities, text — must be
//! the same. Nothing recorded depends on the clock or on the machine, except where said:
//! - the clock's time of day is replaced by `HH:MM:SS` (its tick count stays: time is paused);
//! - the board is mounted with a one-day tick, so its header clock stays at 0;
//! - the files example reads fixtures under `tests/markup/files/`; their absolute directory is
//!   replaced by `$FIXTURES`;
//! - the notes example works on a fresh temporary folder, replaced by `$FOLDER`.
//!
//! `BLESS=1 cargo test -p golivekit-examples --test markup` writes the snapshots instead.

use std::path::PathBuf;

use golivekit::testing::{FakeNative, TestView};
use golivekit::{Params, Payload, Session};
use golivekit_examples::{
    Board, Chart, Chat, Clock, Counter, Crash, Editor, Files, Home, Keys, Notes, Search, SignupForm, SocketDemo, Todos,
};
use serde_json::{json, Value};

/// The line that starts each recorded step in a snapshot file.
const STEP: &str = "<!-- step: ";

/// `BLESS=1`: write the snapshots instead of comparing.
fn blessing() -> bool {
    std::env::var_os("BLESS").is_some_and(|v| v == "1")
}

fn snapshot_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("markup")
}

/// Drops whitespace-only text between tags (`>  <` → `><`) and trims the ends; nothing else.
fn normalize(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html.trim();
    while let Some(at) = rest.find('>') {
        out.push_str(&rest[..=at]);
        rest = &rest[at + 1..];
        let blank = rest.len() - rest.trim_start().len();
        if blank > 0 && rest[blank..].starts_with('<') {
            rest = &rest[blank..];
        }
    }
    out.push_str(rest);
    out
}

/// The steps of one example, compared with (or, with `BLESS=1`, written to) its snapshot file.
struct Snapshot {
    name: &'static str,
    steps: Vec<(String, String)>,
    replace: Vec<(String, String)>,
}

impl Snapshot {
    fn new(name: &'static str) -> Self {
        Snapshot { name, steps: Vec::new(), replace: Vec::new() }
    }

    /// Recorded HTML has every `from` replaced by `to` (explicit normalization of what would
    /// differ between machines).
    fn replacing(mut self, from: impl Into<String>, to: impl Into<String>) -> Self {
        self.replace.push((from.into(), to.into()));
        self
    }

    /// Records `html` as the state after `label`.
    fn take(&mut self, label: &str, html: &str) {
        assert!(!label.contains("-->") && !label.contains('\n'), "a step label is one line");
        let mut html = html.to_owned();
        for (from, to) in &self.replace {
            html = html.replace(from.as_str(), to);
        }
        self.steps.push((label.to_owned(), html));
    }

    fn path(&self) -> PathBuf {
        snapshot_dir().join(format!("{}.html", self.name))
    }

    /// Writes the snapshot with `BLESS=1`, else compares with it.
    fn check(self) {
        let path = self.path();
        if blessing() {
            let mut file = String::new();
            for (label, html) in &self.steps {
                file.push_str(&format!("{STEP}{label} -->\n{}\n", html.trim()));
            }
            std::fs::create_dir_all(snapshot_dir()).expect("snapshot dir");
            std::fs::write(&path, file).expect("write the snapshot");
            return;
        }
        let stored = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run with BLESS=1 to write it)", path.display()));
        let stored = parse(&stored);
        let labels = |steps: &[(String, String)]| steps.iter().map(|(l, _)| l.clone()).collect::<Vec<_>>();
        assert_eq!(labels(&stored), labels(&self.steps), "{}: the steps differ", self.name);
        for ((label, want), (_, got)) in stored.iter().zip(&self.steps) {
            let (want, got) = (normalize(want), normalize(got));
            if want != got {
                let at = want.bytes().zip(got.bytes()).take_while(|(a, b)| a == b).count();
                let from = floor_char_boundary(&want, at.saturating_sub(80));
                panic!(
                    "{}, after `{label}`: the markup differs at byte {at}\n  stored: …{}\n  now:    …{}",
                    self.name,
                    excerpt(&want, from),
                    excerpt(&got, from),
                );
            }
        }
    }
}

fn floor_char_boundary(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn excerpt(s: &str, from: usize) -> &str {
    let from = floor_char_boundary(s, from.min(s.len()));
    let to = floor_char_boundary(s, (from + 240).min(s.len()));
    &s[from..to]
}

/// A snapshot file's steps: `(label, html)`.
fn parse(file: &str) -> Vec<(String, String)> {
    let mut steps: Vec<(String, String)> = Vec::new();
    for line in file.lines() {
        if let Some(label) = line.strip_prefix(STEP).and_then(|l| l.strip_suffix(" -->")) {
            steps.push((label.to_owned(), String::new()));
        } else if let Some((_, html)) = steps.last_mut() {
            html.push_str(line);
            html.push('\n');
        }
    }
    steps
}

fn payload(v: Value) -> Payload {
    serde_json::from_value(v).expect("payload")
}

fn values<const N: usize>(pairs: [(&str, &str); N]) -> Payload {
    pairs.into_iter().collect()
}

#[test]
fn normalize_drops_only_whitespace_between_tags() {
    assert_eq!(normalize("\n <p>\n  <b>a b</b> c\n</p> \n"), "<p><b>a b</b> c\n</p>");
    assert_eq!(normalize("<p>x</p>\n<p> y </p>"), "<p>x</p><p> y </p>");
    assert_eq!(normalize("<i>→</i>  <i>ü</i>"), "<i>→</i><i>ü</i>");
}

#[test]
fn every_route_has_a_snapshot() {
    if blessing() {
        return; // the snapshots are being written, by the other tests, right now
    }
    let router = golivekit_examples::router();
    for pattern in router.patterns() {
        let name = if pattern == "/" { "home" } else { pattern.trim_start_matches('/') };
        let path = snapshot_dir().join(format!("{name}.html"));
        assert!(path.is_file(), "no snapshot for {pattern}: {}", path.display());
    }
}

#[tokio::test]
async fn home() {
    let mut snap = Snapshot::new("home");
    let view = TestView::mount(Home::default()).await.expect("mount");
    snap.take("mount", view.html());
    view.terminate().await;
    snap.check();
}

#[tokio::test]
async fn counter() {
    let mut snap = Snapshot::new("counter");
    let params = Params::from_query("/counter", "start=10");
    let mut view = TestView::mount_with(Counter::default(), params, Session::new()).await.expect("mount");
    snap.take("mount ?start=10", view.html());
    view.click("increment").await.expect("increment");
    snap.take("increment", view.html());
    view.event("decrement", values([("by", "25")])).await.expect("decrement");
    snap.take("decrement by 25", view.html());
    view.click("explode").await.expect_err("unknown event");
    snap.take("unknown event", view.html());
    view.terminate().await;
    snap.check();
}

#[tokio::test]
async fn socket() {
    let mut snap = Snapshot::new("socket");
    let mut view = TestView::mount(SocketDemo::default()).await.expect("mount");
    snap.take("mount", view.html());
    view.click("ping").await.expect("ping");
    snap.take("ping", view.html());
    view.click("ping").await.expect("ping");
    snap.take("ping again", view.html());
    view.click("go_counter").await.expect("go");
    snap.take("go_counter", view.html());
    view.terminate().await;
    snap.check();
}

#[tokio::test(start_paused = true)]
async fn clock() {
    let mut snap = Snapshot::new("clock");
    let mut view = TestView::mount(Clock::default()).await.expect("mount");
    let time = view.slot_text("time").expect("a time slot");
    snap = snap.replacing(format!(">{time}<"), ">HH:MM:SS<");
    snap.take("mount", view.html());
    view.next_message().await.expect("a tick");
    let time = view.slot_text("time").expect("a time slot");
    snap = snap.replacing(format!(">{time}<"), ">HH:MM:SS<");
    snap.take("one tick", view.html());
    view.click("pause").await.expect("pause");
    snap.take("pause", view.html());
    view.click("resume").await.expect("resume");
    snap.take("resume", view.html());
    view.terminate().await;
    snap.check();
}

#[tokio::test]
async fn chat() {
    let mut snap = Snapshot::new("chat");
    let params = Params::from_query("/chat", "name=Ann+%3Cb%3E");
    let mut view = TestView::builder(Chat::default()).params(params).mount().await.expect("mount");
    snap.take("mount ?name=Ann <b>", view.html());
    for text in ["hello & <welcome>", "   "] {
        view.event("say", values([("text", text)])).await.expect("say");
    }
    // The line comes back over PubSub, as an info, in a patch of its own.
    while view.slot_text("lines").unwrap_or_default().is_empty() {
        view.next_message().await.expect("the line said");
    }
    snap.take("say a line, then a blank one", view.html());
    view.click("new_window").await.expect_err("no shell in tests");
    snap.take("new_window (no shell)", view.html());
    view.terminate().await;
    snap.check();
}

#[tokio::test]
async fn crash() {
    let mut snap = Snapshot::new("crash");
    let mut view = TestView::mount(Crash::default()).await.expect("mount");
    snap.take("mount", view.html());
    view.click("open_counter").await.expect_err("no shell in tests");
    snap.take("open_counter (no shell)", view.html());
    view.terminate().await;
    snap.check();
}

#[tokio::test(start_paused = true)]
async fn form() {
    let mut snap = Snapshot::new("form");
    let mut view = TestView::mount(SignupForm::default()).await.expect("mount");
    snap.take("mount", view.html());
    let typing = json!({"name": "Ann", "email": "ann@", "plan": "", "terms": "yes", "_target": "email"});
    view.event("validate", payload(typing)).await.expect("validate");
    snap.take("validate email", view.html());
    let bad = json!({"name": "<b>Ann</b>", "email": "", "plan": "free", "interests": ["web"]});
    view.event("save", payload(bad)).await.expect("save");
    snap.take("save, invalid", view.html());
    let ok = json!({"name": "Ann", "email": "ann@example.org", "plan": "pro", "interests": ["rust", "desktop"], "terms": "yes"});
    view.event("save", payload(ok)).await.expect("save");
    snap.take("save, valid", view.html());
    view.terminate().await;
    snap.check();
}

#[tokio::test]
async fn chart() {
    let mut snap = Snapshot::new("chart");
    let mut view = TestView::mount(Chart::default()).await.expect("mount");
    snap.take("mount", view.html());
    view.event("set", payload(json!({"label": "Apr", "value": "40"}))).await.expect("add");
    snap.take("add Apr", view.html());
    view.event("set", payload(json!({"label": "<b>May</b> & \"June\"", "value": "7"}))).await.expect("add");
    snap.take("add a hostile label", view.html());
    view.event("set", payload(json!({"label": "Feb", "value": "100"}))).await.expect("update");
    snap.take("update Feb", view.html());
    view.click("zoom").await.expect("zoom");
    snap.take("zoom", view.html());
    view.event("pick", payload(json!({"label": "Mar"}))).await.expect("pick");
    snap.take("pick Mar", view.html());
    view.terminate().await;
    snap.check();
}

#[tokio::test]
async fn todos() {
    let mut snap = Snapshot::new("todos");
    let mut view = TestView::mount(Todos::default()).await.expect("mount");
    snap.take("mount", view.html());
    view.event("add", payload(json!({"title": "milk"}))).await.expect("add");
    snap.take("add milk", view.html());
    view.event("add", payload(json!({"title": " <b>eggs</b> & \"ham\" "}))).await.expect("add");
    snap.take("add eggs", view.html());
    view.event("toggle", payload(json!({"id": "1", "value": true}))).await.expect("toggle");
    snap.take("toggle milk", view.html());
    view.event("delete", payload(json!({"id": "2"}))).await.expect("delete");
    snap.take("delete eggs", view.html());
    view.terminate().await;
    snap.check();
}

#[tokio::test]
async fn search() {
    let mut snap = Snapshot::new("search");
    let mut view = TestView::mount(Search::default()).await.expect("mount");
    snap.take("mount", view.html());
    for q in ["River", "bold river", "<none>"] {
        view.event("search", values([("value", q)])).await.expect("search");
        snap.take(&format!("search {q}"), view.html());
    }
    view.terminate().await;
    snap.check();
}

#[tokio::test]
async fn keys() {
    let mut snap = Snapshot::new("keys");
    let mut view = TestView::mount(Keys::default()).await.expect("mount");
    snap.take("mount", view.html());
    view.event("key", values([("key", "ArrowRight")])).await.expect("key");
    snap.take("key ArrowRight", view.html());
    view.event("shortcut", values([("combo", "Ctrl+K")])).await.expect("shortcut");
    snap.take("shortcut", view.html());
    view.event("enter", values([("value", "<hello>")])).await.expect("enter");
    snap.take("enter", view.html());
    view.click("focused").await.expect("focused");
    snap.take("focused", view.html());
    view.terminate().await;
    snap.check();
}

#[tokio::test]
async fn editor() {
    let mut snap = Snapshot::new("editor");
    let mut view = TestView::mount(Editor::default()).await.expect("mount");
    snap.take("mount", view.html());
    view.event("edit", values([("id", "1"), ("value", "Milk & <eggs>")])).await.expect("edit");
    snap.take("edit note 1", view.html());
    view.click("save").await.expect("save");
    snap.take("save", view.html());
    view.event("open", values([("id", "3")])).await.expect("open");
    snap.take("open note 3", view.html());
    view.event("delete", values([("id", "2")])).await.expect("delete");
    snap.take("delete note 2", view.html());
    view.terminate().await;
    snap.check();
}

#[tokio::test]
async fn files() {
    let fixtures = snapshot_dir().join("files");
    let mut snap = Snapshot::new("files").replacing(fixtures.display().to_string(), "$FIXTURES");
    let native = FakeNative::new();
    native.choose(fixtures.join("notes.md")).choose(&fixtures).cancel().choose(fixtures.join("missing").join("folder"));
    let mut view = TestView::builder(Files::default()).native(native.clone()).mount().await.expect("mount");
    snap.take("mount", view.html());
    view.click("open").await.expect("open");
    snap.take("open notes.md", view.html());
    view.click("pick_folder").await.expect("pick");
    snap.take("pick the fixtures folder", view.html());
    view.click("open").await.expect("cancel");
    snap.take("open, cancelled", view.html());
    view.click("pick_folder").await.expect("an error is shown");
    snap.take("pick a missing folder", view.html());
    view.terminate().await;
    snap.check();
}

#[tokio::test]
async fn notes() {
    let dir = golivekit_examples::notes::store::fresh_dir("markup").expect("temp dir");
    std::fs::write(dir.join("Ideas.md"), "A desktop LiveView\n").expect("write");
    std::fs::write(dir.join("Todo.md"), "Milk & <eggs>").expect("write");
    let mut snap = Snapshot::new("notes").replacing(dir.display().to_string(), "$FOLDER");
    let native = FakeNative::new();
    native.choose(&dir).answer(false);
    let mut view = TestView::builder(Notes::default()).native(native).mount().await.expect("mount");
    snap.take("mount", view.html());
    view.click("open_folder").await.expect("open");
    snap.take("open the folder", view.html());
    view.event("select", payload(json!({"note": "Todo.md"}))).await.expect("select");
    snap.take("select Todo.md", view.html());
    let folder = dir.display().to_string();
    view.event(
        "edit",
        payload(json!({"name": "body", "note": "Todo.md", "folder": folder, "value": "Milk & <eggs>, bread"})),
    )
    .await
    .expect("edit");
    snap.take("typed, unsaved", view.html());
    view.click("save").await.expect("save");
    snap.take("saved", view.html());
    view.event("delete", payload(json!({"note": "Ideas.md", "folder": folder}))).await.expect("delete");
    snap.take("delete Ideas.md, cancelled", view.html());
    view.terminate().await;
    snap.check();
    let _ = std::fs::remove_dir_all(dir);
}

fn board_params() -> Params {
    Params::from_query("/board", "tick_ms=86400000")
}

#[tokio::test]
async fn board() {
    let mut snap = Snapshot::new("board");
    let mut view = TestView::builder(Board::default()).params(board_params()).mount().await.expect("mount");
    snap.take("mount", view.html());
    view.event("add", values([("title", "Ship <it>")])).await.expect("add");
    snap.take("add a card", view.html());
    view.event("add", values([("title", "  ")])).await.expect_err("empty title");
    snap.take("add an empty card", view.html());
    view.child("c2").await.expect("c2").click("right").await.expect("right");
    snap.take("move c2 right", view.html());
    view.child("c3").await.expect("c3").click("crash").await.expect_err("crash");
    // The fallback and the board's count arrive in a patch of their own.
    view.next_message().await.expect("the crash's patch");
    snap.take("crash c3", view.html());
    view.terminate().await;
    snap.check();
}

#[tokio::test]
async fn card() {
    let mut snap = Snapshot::new("card");
    let mut view = TestView::builder(Board::default()).params(board_params()).mount().await.expect("mount");
    snap.take("mount", &view.child("c1").await.expect("c1").html());
    view.child("c1").await.expect("c1").click("edit").await.expect("edit");
    snap.take("edit", &view.child("c1").await.expect("c1").html());
    let title = values([("title", "Write the <release> notes & more")]);
    view.child("c1").await.expect("c1").event("save", title).await.expect("save");
    snap.take("save a new title", &view.child("c1").await.expect("c1").html());
    view.child("c1").await.expect("c1").click("right").await.expect("right");
    snap.take("move right", &view.child("c1").await.expect("c1").html());
    view.child("c1").await.expect("c1").click("right").await.expect("right");
    snap.take("move right again", &view.child("c1").await.expect("c1").html());
    view.terminate().await;
    snap.check();
}
