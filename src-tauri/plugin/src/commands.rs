//! The IPC commands: thin — they unpack arguments and call the runtime (`dispatch.rs` routes a
//! command name to its function here).
//!
//! Every command reads its raw body itself, so that any malformed message — not JSON, nested too
//! deep, a lone surrogate, the wrong shape, a garbage channel — gets the runtime's typed
//! `bad_payload` (or `payload_too_large`) instead of Tauri's untyped argument error. Every
//! command acts for the calling webview only: its label is the window the runtime checks views
//! against, so a page can neither drive nor end another window's view.

use std::str::FromStr;
use std::sync::Arc;

use golivekit::protocol::{
    check_value_depth, check_value_size, parse_body, ConnectReply, EventReply, EventRequest, LeaveRequest, ResyncReply,
    ResyncRequest, ServerMessage, DROP_TOKEN,
};
use golivekit::view::ViewStats;
use golivekit::Outbound;
use serde::de::DeserializeOwned;
use tauri::ipc::{Channel, InvokeBody, JavaScriptChannelId};
use tauri::{Manager, Runtime, Webview};

use crate::error::{Error, Result};
use crate::GoliveKit;

/// A view's outbound line: its Tauri channel.
struct ChannelSink(Channel<ServerMessage>);

impl Outbound for ChannelSink {
    fn deliver(&self, msg: ServerMessage) -> std::result::Result<(), String> {
        self.0.send(msg).map_err(|e| e.to_string())
    }
}

/// The command's arguments, from its raw body: JSON the page sent (already parsed by Tauri) or
/// raw bytes (parsed here, with the same limits).
pub(crate) fn body<T: DeserializeOwned>(payload: &InvokeBody, what: &str) -> Result<T> {
    match payload {
        InvokeBody::Json(value) => {
            if !value.is_object() {
                return Err(golivekit::Error::BadPayload(format!("{what}: expected an object")).into());
            }
            check_value_depth(value)?;
            check_value_size(value)?;
            T::deserialize(value).map_err(|e| golivekit::Error::BadPayload(format!("{what}: {e}")).into())
        }
        InvokeBody::Raw(bytes) => Ok(parse_body(bytes, what)?),
    }
}

/// `connect`'s arguments. The channel is read here, not by Tauri, so that a missing or garbage
/// one is `bad_payload` too.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ConnectArgs {
    view_id: String,
    channel: String,
}

/// `connect {viewId, channel}` → `{v, page}`: attaches the page's channel to its view.
pub(crate) async fn connect<R: Runtime>(webview: &Webview<R>, payload: &InvokeBody) -> Result<ConnectReply> {
    let state = webview.state::<GoliveKit>();
    let args: ConnectArgs = body(payload, "connect")?;
    let id = JavaScriptChannelId::from_str(&args.channel)
        .map_err(|e| golivekit::Error::BadPayload(format!("connect: channel `{}`: {e}", clip(&args.channel))))?;
    let channel: Channel<ServerMessage> = id.channel_on(webview.clone());
    Ok(state.runtime.connect(webview.label(), &args.view_id, Arc::new(ChannelSink(channel))).await?)
}

/// `event {viewId, page?, ref, event, payload}` → `{ref, v, patch?}`. A payload with the drop
/// token of the window's last native drop gets that drop's files instead (`drops.rs`); a token
/// that is not is `unknown_drop`.
pub(crate) async fn event<R: Runtime>(webview: &Webview<R>, payload: &InvokeBody) -> Result<EventReply> {
    let state = webview.state::<GoliveKit>();
    let mut req: EventRequest = body(payload, "event")?;
    // An `lv-drop` event names the native drop it is for; its files come from Rust (drops.rs).
    if let Some(token) = req.payload.0.remove(DROP_TOKEN) {
        let files = token.as_str().and_then(|t| state.drops.take(webview.label(), t)).ok_or(Error::UnknownDrop)?;
        return Ok(state.runtime.dropped_files_event(webview.label(), req, &files).await?);
    }
    Ok(state.runtime.event(webview.label(), req).await?)
}

/// `resync {viewId}` → `{v, patch}`: the whole root, for a page that missed a version.
pub(crate) async fn resync<R: Runtime>(webview: &Webview<R>, payload: &InvokeBody) -> Result<ResyncReply> {
    let state = webview.state::<GoliveKit>();
    let req: ResyncRequest = body(payload, "resync")?;
    Ok(state.runtime.resync(webview.label(), &req.view_id).await?)
}

/// `leave {viewId}`: the page no longer shows the view; it terminates with `Normal`.
pub(crate) async fn leave<R: Runtime>(webview: &Webview<R>, payload: &InvokeBody) -> Result<()> {
    let state = webview.state::<GoliveKit>();
    let req: LeaveRequest = body(payload, "leave")?;
    Ok(state.runtime.leave(webview.label(), &req.view_id).await?)
}

/// What the `stats` test hook answers: the view's [`ViewStats`], and the app menu's events.
#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StatsReply {
    #[serde(flatten)]
    view: ViewStats,
    /// Events of the app menu's and the tray menu's items the plugin received since the app
    /// started (clicks and accelerators): an e2e test tells a keystroke X lost from one the app
    /// got and did nothing with.
    menu_events: u64,
}

/// `stats {viewId}` → `{events, connects, eventMicros, markupWarnings, menuEvents}`: what reached
/// the calling window's view (the time its events took in the runtime, the bad markup its renders
/// had), and the menu events the app received. A test hook, answered only when the app turned test hooks on
/// ([`crate::Builder::test_hooks`]).
pub(crate) async fn stats<R: Runtime>(webview: &Webview<R>, payload: &InvokeBody) -> Result<StatsReply> {
    let state = webview.state::<GoliveKit>();
    let req: ResyncRequest = body(payload, "stats")?;
    if !state.test_hooks {
        return Err(Error::TestHooksOff);
    }
    if !state.runtime.views_in(webview.label()).contains(&req.view_id) {
        return Err(golivekit::Error::UnknownView(req.view_id).into());
    }
    let view = state.runtime.view_stats(&req.view_id)?;
    Ok(StatsReply { view, menu_events: state.menu_events.load(std::sync::atomic::Ordering::Relaxed) })
}

/// The start of a long string, for an error message.
pub(crate) fn clip(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}
