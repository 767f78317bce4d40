//! The wire protocol between the runtime and the page, as tagged serde types.
//!
//! This module is the single source of truth: `ui-bridge/js/protocol.js` mirrors it with JSDoc
//! typedefs and `tests/fixtures/protocol/*.json` holds canonical messages that the Rust tests and
//! the JS tests both load. Field names are camelCase on the wire.
//!
//! Client → runtime (Tauri commands `plugin:golivekit|<cmd>`):
//! - `connect {viewId, channel}` → [`ConnectReply`] `{v, page}`
//! - `event {viewId, page?, ref, event, payload}` ([`EventRequest`]) → [`EventReply`] or [`ErrorBody`]
//! - `resync {viewId}` ([`ResyncRequest`]) → [`ResyncReply`]: the whole root, for a page that
//!   missed a version
//! - `leave {viewId}` ([`LeaveRequest`])
//! - `confirm {question}` ([`ConfirmRequest`]) → [`ConfirmReply`]: a native OK/Cancel dialog
//! - `close {}`: the calling page asks its window to close (`window.close()`)
//! - `flushed {token}` ([`FlushedRequest`]): the page sent everything it held, as the shell asked
//!
//! Every command answers only for the calling window's own views: another window's view id is
//! `unknown_view`.
//!
//! Runtime → client, over the view's channel: [`ServerMessage`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use crate::compose::Cid;
use crate::error::{Error, Result};

/// Largest IPC message body the runtime accepts, in bytes.
pub const MAX_PAYLOAD_BYTES: usize = 1024 * 1024;

/// Deepest nesting of arrays and objects the runtime accepts in a message (the body itself is
/// depth 1). Deeper input is `bad_payload`, refused before anything recursive touches it.
pub const MAX_DEPTH: usize = 64;

/// Identifies one connection of a page to a view: `connect` hands out a new one each time, and
/// the page's events carry it, so an event sent twice is applied once.
pub type PageId = u64;

/// Monotonic per-view version: every render that produces a patch increments it.
pub type Version = u64;

/// A patch: only what changed since the last render the client has (DESIGN §3).
///
/// Empty maps and `None` are omitted on the wire. The client applies the keys in this order:
/// `f` (morph the root's children), `r` (the root's own attributes), `l` (keyed list ops), `a`
/// (slot attributes), `h` (morph slot children), `s` (slot text). `f` covers everything inside
/// the root, so a patch with `f` carries no `l`, `a`, `h` or `s`; it may carry `r`.
///
/// ```
/// use golivekit::protocol::{ListOp, Patch};
/// let p: Patch = serde_json::from_str(
///     r#"{"v":3,"r":{"class":"dark"},"l":{"rows":[{"op":"remove","key":"a"},{"op":"move","key":"c","index":0}]}}"#,
/// ).unwrap();
/// assert_eq!(p.r["class"].as_deref(), Some("dark"));
/// assert_eq!(p.l["rows"][1], ListOp::Move { key: "c".into(), index: 0 });
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patch {
    /// The version this patch brings the view to.
    pub v: Version,
    /// Text-only slots: `{slot: text}`, applied as text (never parsed as markup).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub s: BTreeMap<String, String>,
    /// Slots holding markup: `{slot: html}`, applied by morphing the slot's children.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub h: BTreeMap<String, String>,
    /// Changed attributes of slot elements themselves: `{slot: {attr: value | null}}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub a: BTreeMap<String, BTreeMap<String, Option<String>>>,
    /// Changed attributes of the root element itself: `{attr: value | null}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub r: BTreeMap<String, Option<String>>,
    /// Keyed list ops: `{list: [op]}` for `data-list` containers (see [`ListOp`] for the order).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub l: BTreeMap<String, Vec<ListOp>>,
    /// The whole root inner HTML, when something outside any slot changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub f: Option<String>,
    /// Child components' regions that changed: `{cid: patch}` (see [`ChildPatch`]), applied
    /// after the keys above, in ascending numeric `cid` order — a parent before its children,
    /// so a new child's wrapper is on the page before its content arrives.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub c: BTreeMap<Cid, ChildPatch>,
}

impl Patch {
    /// True when the patch would change nothing on the page.
    pub fn is_empty(&self) -> bool {
        self.s.is_empty()
            && self.h.is_empty()
            && self.a.is_empty()
            && self.r.is_empty()
            && self.l.is_empty()
            && self.f.is_none()
            && self.c.is_empty()
    }
}

/// One child component's region in a [`Patch`]: applied inside its wrapper element
/// (`data-lv-cid="N"`) exactly as a patch applies inside the root — `f` (the wrapper's children),
/// `l`, `a`, `h`, `s` — finding only the slots and lists the child itself rendered (not those
/// of its own children). It has no `v` (the enclosing patch's), no `r` (the wrapper and its
/// attributes belong to the parent) and no `c` (every child of a view is in the top-level `c`).
///
/// Wherever a patch brings a wrapper for a child the page already shows, the page keeps that
/// element and its content (only its attributes follow); a wrapper for a new child arrives empty
/// and its content comes in its own entry.
///
/// ```
/// use golivekit::protocol::Patch;
/// let p: Patch = serde_json::from_str(r#"{"v":4,"c":{"2":{"s":{"title":"Buy milk"}}}}"#).unwrap();
/// assert_eq!(p.c[&2].s["title"], "Buy milk");
/// assert!(serde_json::from_str::<Patch>(r#"{"v":4,"c":{"2":{"r":{"class":"x"}}}}"#).is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChildPatch {
    /// Text-only slots of the child.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub s: BTreeMap<String, String>,
    /// Markup slots of the child.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub h: BTreeMap<String, String>,
    /// Changed attributes of the child's slot elements.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub a: BTreeMap<String, BTreeMap<String, Option<String>>>,
    /// Keyed list ops of the child's lists.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub l: BTreeMap<String, Vec<ListOp>>,
    /// The child's whole content (its wrapper's inner HTML).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub f: Option<String>,
}

impl ChildPatch {
    /// True when it would change nothing.
    pub fn is_empty(&self) -> bool {
        self.s.is_empty() && self.h.is_empty() && self.a.is_empty() && self.l.is_empty() && self.f.is_none()
    }

    /// The same changes as a root-shaped [`Patch`] (`v` 0, no `r`, no `c`).
    pub fn to_patch(&self) -> Patch {
        Patch {
            v: 0,
            s: self.s.clone(),
            h: self.h.clone(),
            a: self.a.clone(),
            r: BTreeMap::new(),
            l: self.l.clone(),
            f: self.f.clone(),
            c: BTreeMap::new(),
        }
    }
}

impl From<Patch> for ChildPatch {
    /// Keeps what a child's region can carry (drops `v`, `r` and `c`).
    fn from(p: Patch) -> Self {
        ChildPatch { s: p.s, h: p.h, a: p.a, l: p.l, f: p.f }
    }
}

/// One keyed-list operation on the items of a `data-list` container (its element children that
/// carry `data-key`; `index` counts only those, from 0).
///
/// Applying a list's ops, in three passes, always ends in the target order:
/// 1. every `remove` takes its item out; every `move` detaches its item (kept for pass 2);
/// 2. `insert`s and `move`s are placed in ascending `index`: the item goes before the item now
///    at `index`, or last when there are only `index` items (an `insert_run` is its items'
///    inserts at `index`, `index + 1`, …);
/// 3. every `update` morphs the item with that key into `html`.
///
/// After pass 1 the items left are in target order relative to each other (the runtime moves
/// every item outside a longest increasing subsequence of the old positions), so placing the
/// others at ascending target indices fills each gap exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum ListOp {
    /// A new item: `html` is its outer HTML, placed at `index`.
    Insert {
        /// The item's `data-key`.
        key: String,
        /// Target index among the container's keyed items.
        index: usize,
        /// The item's outer HTML.
        html: String,
    },
    /// New items at consecutive indexes, `index` first — exactly the [`ListOp::Insert`]s of
    /// `items[i]` at `index + i`, in fewer bytes: on the wire each item is only its outer HTML,
    /// whose own `data-key` is its key (a list refilled with hundreds of rows: each row costs its
    /// HTML and 3 bytes, not its key twice and ~45). The diff sends two or more inserts in a row
    /// this way ([`ListOp::Insert`] for one).
    ///
    /// ```
    /// use golivekit::protocol::ListOp;
    /// let json = r#"{"op":"insert_run","index":0,"items":["<li data-key=\"a\">A</li>","<tr data-key=b><td>B</td></tr>"]}"#;
    /// let ListOp::InsertRun { items, .. } = serde_json::from_str(json).unwrap() else { panic!() };
    /// assert_eq!((items[0].0.as_str(), items[1].0.as_str()), ("a", "b"));
    /// // An item without a key of its own is refused.
    /// assert!(serde_json::from_str::<ListOp>(r#"{"op":"insert_run","index":0,"items":["<li>A</li>"]}"#).is_err());
    /// ```
    InsertRun {
        /// Target index of the first item among the container's keyed items.
        index: usize,
        /// Each item's `data-key` and outer HTML, in order (never empty). Only the HTML is sent;
        /// reading a run back takes each key from its item's start tag.
        #[serde(serialize_with = "run_items_out", deserialize_with = "run_items_in")]
        items: Vec<(String, String)>,
    },
    /// The item leaves the list.
    Remove {
        /// The item's `data-key`.
        key: String,
    },
    /// These items leave the list: exactly the [`ListOp::Remove`] of each key, in fewer bytes.
    /// The diff sends a list's removes this way when there are two or more.
    RemoveAll {
        /// The `data-key`s of the items (never empty).
        #[serde(deserialize_with = "non_empty_keys")]
        keys: Vec<String>,
    },
    /// An existing item goes to `index` (the element is kept, not rebuilt).
    Move {
        /// The item's `data-key`.
        key: String,
        /// Target index among the container's keyed items.
        index: usize,
    },
    /// An existing item's own attributes or content changed: morph it into `html` (outer HTML).
    Update {
        /// The item's `data-key`.
        key: String,
        /// The item's new outer HTML.
        html: String,
    },
}

impl ListOp {
    /// The `data-key` of the item this op is about (an `insert_run`'s first item's).
    pub fn key(&self) -> &str {
        match self {
            ListOp::Insert { key, .. }
            | ListOp::Remove { key }
            | ListOp::Move { key, .. }
            | ListOp::Update { key, .. } => key,
            ListOp::InsertRun { items, .. } => items.first().map_or("", |(key, _)| key),
            ListOp::RemoveAll { keys } => keys.first().map_or("", String::as_str),
        }
    }

    /// The same ops with every `insert_run` written out as its inserts and every `remove_all` as
    /// its removes.
    ///
    /// ```
    /// use golivekit::protocol::ListOp;
    /// let run = ListOp::InsertRun { index: 2, items: vec![("a".into(), "<li data-key=\"a\"></li>".into()), ("b".into(), "<li data-key=\"b\"></li>".into())] };
    /// let ops = ListOp::expanded(&[run]);
    /// assert_eq!(ops[1], ListOp::Insert { key: "b".into(), index: 3, html: "<li data-key=\"b\"></li>".into() });
    /// ```
    pub fn expanded(ops: &[ListOp]) -> Vec<ListOp> {
        let mut out = Vec::with_capacity(ops.len());
        for op in ops {
            match op {
                ListOp::InsertRun { index, items } => {
                    out.extend(items.iter().enumerate().map(|(i, (key, html))| ListOp::Insert {
                        key: key.clone(),
                        index: index + i,
                        html: html.clone(),
                    }))
                }
                ListOp::RemoveAll { keys } => out.extend(keys.iter().map(|key| ListOp::Remove { key: key.clone() })),
                other => out.push(other.clone()),
            }
        }
        out
    }
}

/// A `remove_all`'s keys: at least one.
fn non_empty_keys<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Vec<String>, D::Error> {
    let keys = Vec::<String>::deserialize(d)?;
    if keys.is_empty() {
        return Err(serde::de::Error::custom("a remove_all has no keys"));
    }
    Ok(keys)
}

/// An `insert_run`'s items as sent: each item's outer HTML.
fn run_items_out<S: serde::Serializer>(items: &[(String, String)], s: S) -> std::result::Result<S::Ok, S::Error> {
    s.collect_seq(items.iter().map(|(_, html)| html))
}

/// An `insert_run`'s items as read: at least one, each an element with a `data-key`, which is its
/// key. The HTML is parsed as a `<template>`'s content, as the bridge parses it (so a `<tr>` or an
/// `<option>` is kept as one).
fn run_items_in<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Vec<(String, String)>, D::Error> {
    let items = Vec::<String>::deserialize(d)?;
    if items.is_empty() {
        return Err(serde::de::Error::custom("an insert_run has no items"));
    }
    items
        .into_iter()
        .map(|html| match item_key(&html) {
            Some(key) => Ok((key, html)),
            None => {
                Err(serde::de::Error::custom(format!("an insert_run item is not an element with a data-key: {html:?}")))
            }
        })
        .collect()
}

/// The `data-key` of the first element `html` gives.
fn item_key(html: &str) -> Option<String> {
    let nodes = crate::dom::parse_fragment_in(html, &["template"]);
    let first = nodes.iter().find_map(|node| match node {
        crate::dom::Node::Element(el) => Some(el),
        _ => None,
    })?;
    first.attr("data-key").map(str::to_owned)
}

/// The payload field an `lv-drop` event's files arrive in. Only Rust sets it, from the native
/// drop: an event from a page that carries it is `bad_payload`.
pub const DROPPED_FILES: &str = "_lv_files";

/// The payload field in which the bridge names the native drop an `lv-drop` event is for (a
/// one-time token the shell handed the page with the drop's position). The shell takes it out and
/// puts the drop's files in [`DROPPED_FILES`].
pub const DROP_TOKEN: &str = "_lv_drop";

/// `event` command arguments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EventRequest {
    /// Target view.
    pub view_id: String,
    /// The connection the event comes from ([`ConnectReply::page`]). The bridge always sends it;
    /// refs strictly increase per page, so a `ref` already applied for this page is a duplicate
    /// (Tauri re-sending a command after a reload) and is acknowledged without running again.
    /// Absent for events sent from outside the bridge: applied, and their patch is also pushed to
    /// the connected page so it never misses a version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<PageId>,
    /// Client-chosen reference echoed in the reply (ties the ack to the clicked element).
    #[serde(rename = "ref")]
    pub reference: u64,
    /// The component that rendered the element (its wrapper's `data-lv-cid`); absent for the
    /// view's root component. A component the view no longer has is `unknown_component`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cid: Option<Cid>,
    /// Event name, e.g. `increment`.
    pub event: String,
    /// Event payload: an object (`lv-value-*` become string fields). Missing means `{}`.
    #[serde(default)]
    pub payload: Payload,
}

impl EventRequest {
    /// An event for `view_id` from outside any page connection (`page` absent), as app code or a
    /// test sends it.
    ///
    /// ```
    /// use golivekit::protocol::EventRequest;
    /// let req = EventRequest::new("lv-1", 1, "increment", Default::default());
    /// assert_eq!(req.page, None);
    /// ```
    pub fn new(view_id: impl Into<String>, reference: u64, event: impl Into<String>, payload: Payload) -> Self {
        Self { view_id: view_id.into(), page: None, reference, cid: None, event: event.into(), payload }
    }

    /// Parses an `event` body, refusing oversized or malformed input with a typed error.
    ///
    /// ```
    /// use golivekit::protocol::EventRequest;
    /// let ok = EventRequest::from_json(br#"{"viewId":"v1","page":1,"ref":1,"event":"inc","payload":{}}"#);
    /// assert_eq!(ok.unwrap().event, "inc");
    /// let deep = format!(r#"{{"viewId":"v1","ref":1,"event":"inc","payload":{{"a":{}1{}}}}}"#, "[".repeat(100), "]".repeat(100));
    /// assert_eq!(EventRequest::from_json(deep.as_bytes()).unwrap_err().code(), "bad_payload");
    /// let bad = EventRequest::from_json(br#"{"viewId":"v1","ref":1,"event":"inc","payload":[1]}"#);
    /// assert_eq!(bad.unwrap_err().code(), "bad_payload");
    /// ```
    pub fn from_json(bytes: &[u8]) -> Result<Self> {
        parse_body(bytes, "event")
    }
}

/// Parses a raw message body into `T`: over [`MAX_PAYLOAD_BYTES`] is `payload_too_large`; not
/// a UTF-8 JSON object, nested deeper than [`MAX_DEPTH`], a lone surrogate or the wrong shape is
/// `bad_payload` naming `what`.
///
/// ```
/// use golivekit::protocol::{parse_body, LeaveRequest};
/// let ok: LeaveRequest = parse_body(br#"{"viewId":"lv-1"}"#, "leave").unwrap();
/// assert_eq!(ok.view_id, "lv-1");
/// let lone = parse_body::<LeaveRequest>(br#"{"viewId":"\ud800"}"#, "leave");
/// assert_eq!(lone.unwrap_err().code(), "bad_payload");
/// ```
pub fn parse_body<T: serde::de::DeserializeOwned>(bytes: &[u8], what: &str) -> Result<T> {
    check_size(bytes.len())?;
    // Serde would also read a struct from an array (`["lv-1"]`): a message is always an object.
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(Error::BadPayload(format!("{what}: expected an object")));
    }
    check_raw_depth(bytes)?;
    serde_json::from_slice(bytes).map_err(|e| Error::BadPayload(format!("{what}: {e}")))
}

/// Refuses raw JSON nested deeper than [`MAX_DEPTH`] with one pass over the bytes (brackets
/// inside strings do not count).
fn check_raw_depth(bytes: &[u8]) -> Result<()> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &b in bytes {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(too_deep());
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

fn too_deep() -> Error {
    Error::BadPayload(format!("nested deeper than {MAX_DEPTH} levels"))
}

/// Refuses an already parsed body nested deeper than [`MAX_DEPTH`], without recursion (so a
/// hostile 10,000-deep body costs one walk and no stack).
///
/// ```
/// use golivekit::protocol::{check_value_depth, MAX_DEPTH};
/// let mut deep = serde_json::json!(1);
/// for _ in 0..10_000 { deep = serde_json::Value::Array(vec![deep]); }
/// assert_eq!(check_value_depth(&deep).unwrap_err().code(), "bad_payload");
/// assert!(check_value_depth(&serde_json::json!({"a": [1, {"b": 2}]})).is_ok());
/// # golivekit::protocol::drop_deep(deep);
/// ```
pub fn check_value_depth(value: &Value) -> Result<()> {
    let mut stack: Vec<(&Value, usize)> = vec![(value, 1)];
    while let Some((v, depth)) = stack.pop() {
        if !(v.is_array() || v.is_object()) {
            continue;
        }
        if depth > MAX_DEPTH {
            return Err(too_deep());
        }
        match v {
            Value::Array(items) => stack.extend(items.iter().map(|c| (c, depth + 1))),
            Value::Object(map) => stack.extend(map.values().map(|c| (c, depth + 1))),
            _ => {}
        }
    }
    Ok(())
}

/// Drops a JSON value without recursion (`serde_json::Value`'s own drop recurses once per level,
/// which a hostile, very deep body could use to overflow a worker thread's stack).
pub fn drop_deep(value: Value) {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items),
            Value::Object(map) => stack.extend(map.into_iter().map(|(_, v)| v)),
            _ => {}
        }
    }
}

/// Refuses an already parsed body whose JSON form is over [`MAX_PAYLOAD_BYTES`]. Counts bytes as
/// it serializes, without allocating, and stops as soon as the limit is passed.
///
/// ```
/// use golivekit::protocol::{check_value_size, MAX_PAYLOAD_BYTES};
/// assert!(check_value_size(&serde_json::json!({"a": "b"})).is_ok());
/// let big = serde_json::json!({"blob": "x".repeat(MAX_PAYLOAD_BYTES)});
/// assert_eq!(check_value_size(&big).unwrap_err().code(), "payload_too_large");
/// ```
pub fn check_value_size(value: &Value) -> Result<()> {
    struct Counter(usize);
    impl std::io::Write for Counter {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len();
            if self.0 > MAX_PAYLOAD_BYTES {
                return Err(std::io::Error::other("over the limit"));
            }
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut counter = Counter(0);
    match serde_json::to_writer(&mut counter, value) {
        Ok(()) => Ok(()),
        Err(_) => Err(Error::PayloadTooLarge { size: counter.0, limit: MAX_PAYLOAD_BYTES }),
    }
}

/// Refuses bodies over [`MAX_PAYLOAD_BYTES`].
pub fn check_size(size: usize) -> Result<()> {
    if size > MAX_PAYLOAD_BYTES {
        return Err(Error::PayloadTooLarge { size, limit: MAX_PAYLOAD_BYTES });
    }
    Ok(())
}

/// `leave` command arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LeaveRequest {
    /// The view the page no longer shows.
    pub view_id: String,
}

/// `resync` command arguments: the page missed a version and asks for the whole root.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ResyncRequest {
    /// The view to catch up with.
    pub view_id: String,
}

/// Reply to `resync`: the view's current version and a patch numbered `v` that carries the whole
/// root (`f`: its inner HTML, `r`: its attributes). The page drops what it buffered up to `v`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResyncReply {
    /// The view's current version.
    pub v: Version,
    /// The whole root, numbered `v`.
    pub patch: Patch,
}

/// `confirm` command arguments (`lv-confirm`): the question for a native OK/Cancel dialog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfirmRequest {
    /// The question, shown as plain text.
    pub question: String,
}

/// Reply to `confirm`: whether the user chose OK. Closing the dialog is `false`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfirmReply {
    /// `true` only for OK.
    pub confirmed: bool,
}

/// `close` command arguments: none (`{}`); the window closed is the caller's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CloseRequest {}

/// `flushed` command arguments: the page has sent everything it held and every event it sent
/// was answered, as the shell asked before closing its window or quitting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlushedRequest {
    /// The token of the shell's request.
    pub token: u64,
}

/// Reply to `connect`: the version the client's document is at, and the page's connection id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConnectReply {
    /// Current version; the next patch has `v + 1`.
    pub v: Version,
    /// This connection's id, carried by the page's events ([`EventRequest::page`]).
    pub page: PageId,
}

/// Reply to `event`: the ack for `ref`, with the patch that the event produced, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventReply {
    /// The request's `ref`.
    #[serde(rename = "ref")]
    pub reference: u64,
    /// The view's version after this event.
    pub v: Version,
    /// Present when the render changed something.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patch: Option<Patch>,
}

/// A typed error as it crosses to JavaScript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorBody {
    /// Stable snake_case code (`unknown_view`, `bad_payload`, ...).
    pub code: String,
    /// Human-readable message.
    pub message: String,
}

/// What the runtime pushes to a page over the view's channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ServerMessage {
    /// A patch not caused by a client event (or sent outside its reply).
    Patch {
        /// Version after the patch.
        v: Version,
        /// The patch.
        patch: Patch,
    },
    /// `Socket::send`: dispatched as a DOM event `lv:<event>` on the root (and to hooks).
    Push {
        /// Event name.
        event: String,
        /// Any JSON value.
        payload: Value,
    },
    /// `Socket::redirect`: the window goes to this route.
    Redirect {
        /// Route path, e.g. `/counter`.
        to: String,
    },
    /// The view failed; the page should show it.
    Error {
        /// Stable code.
        code: String,
        /// Message.
        message: String,
    },
}

/// An event payload: a JSON object.
///
/// ```
/// use golivekit::Payload;
/// let p: Payload = serde_json::from_str(r#"{"by":"5","name":"Ann"}"#).unwrap();
/// assert_eq!(p.get_str("name"), Some("Ann"));
/// assert_eq!(p.get_as::<i64>("by"), Some(5)); // string values parse too
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Payload(pub Map<String, Value>);

impl Payload {
    /// The raw value of a field.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }

    /// A string field.
    pub fn get_str(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(Value::as_str)
    }

    /// A field converted to `T`. Strings are also tried as JSON (`"5"` → `5`), since `lv-value-*`
    /// attributes always arrive as strings.
    pub fn get_as<T: serde::de::DeserializeOwned>(&self, key: &str) -> Option<T> {
        let value = self.0.get(key)?;
        if let Ok(v) = serde_json::from_value(value.clone()) {
            return Some(v);
        }
        value.as_str().and_then(|s| serde_json::from_str(s).ok())
    }

    /// The files of a native drop (`lv-drop`): real paths Rust put there, never the page. Empty
    /// for any other event.
    ///
    /// ```
    /// use golivekit::Payload;
    /// assert!(Payload::default().dropped_files().is_empty());
    /// ```
    pub fn dropped_files(&self) -> Vec<std::path::PathBuf> {
        self.get_as::<Vec<std::path::PathBuf>>(DROPPED_FILES).unwrap_or_default()
    }

    /// True when the payload has no fields.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<K: Into<String>, V: Into<Value>> FromIterator<(K, V)> for Payload {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Payload(iter.into_iter().map(|(k, v)| (k.into(), v.into())).collect())
    }
}
