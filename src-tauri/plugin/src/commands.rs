//! The IPC commands: thin — they unpack arguments and call the runtime.
//!
//! `event` and `leave` read their raw body so that a malformed message gets the runtime's typed
//! `bad_payload` (or `payload_too_large`) instead of Tauri's untyped argument error.

use std::sync::Arc;

use golivekit::protocol::{check_value_size, ConnectReply, EventReply, EventRequest, LeaveRequest, ServerMessage};
use golivekit::Outbound;
use serde::de::DeserializeOwned;
use tauri::ipc::{Channel, InvokeBody, Request};
use tauri::{AppHandle, Runtime};

use crate::error::{Error, Result};
use crate::GoliveKitExt;

/// A view's outbound line: its Tauri channel.
struct ChannelSink(Channel<ServerMessage>);

impl Outbound for ChannelSink {
    fn deliver(&self, msg: ServerMessage) -> std::result::Result<(), String> {
        self.0.send(msg).map_err(|e| e.to_string())
    }
}

fn body<T: DeserializeOwned>(request: &Request<'_>, what: &str) -> Result<T> {
    let InvokeBody::Json(value) = request.body() else { return Err(Error::NotJson) };
    // Tauri has already parsed the body; its JSON form is what the page sent.
    check_value_size(value)?;
    T::deserialize(value).map_err(|e| golivekit::Error::BadPayload(format!("{what}: {e}")).into())
}

/// `connect`'s own fields; Tauri hands over `channel` as a typed argument.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct ConnectArgs {
    view_id: String,
}

/// `connect {viewId, channel}` → `{v}`: attaches the page's channel to its view.
#[tauri::command]
pub(crate) async fn connect<R: Runtime>(
    app: AppHandle<R>,
    request: Request<'_>,
    channel: Channel<ServerMessage>,
) -> Result<ConnectReply> {
    let args: ConnectArgs = body(&request, "connect")?;
    Ok(app.golivekit().connect(&args.view_id, Arc::new(ChannelSink(channel))).await?)
}

/// `event {viewId, ref, event, payload}` → `{ref, v, patch?}`.
#[tauri::command]
pub(crate) async fn event<R: Runtime>(app: AppHandle<R>, request: Request<'_>) -> Result<EventReply> {
    let req: EventRequest = body(&request, "event")?;
    Ok(app.golivekit().event(req).await?)
}

/// `leave {viewId}`: the page no longer shows the view; it terminates with `Normal`.
#[tauri::command]
pub(crate) async fn leave<R: Runtime>(app: AppHandle<R>, request: Request<'_>) -> Result<()> {
    let req: LeaveRequest = body(&request, "leave")?;
    Ok(app.golivekit().leave(&req.view_id).await?)
}
