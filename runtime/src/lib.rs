//! # golivekit — the GoliveKit Desktop component runtime
//!
//! LiveView components in Rust, running in-process. This crate knows nothing of Tauri: the shell
//! (`golivekit-tauri`) hands it plain values and carries its [`protocol`] messages over IPC.
//!
//! Layout of the crate:
//! - [`component`]: the [`Component`] trait, [`BaseComponent`], [`TerminateReason`], [`Info`].
//! - [`assigns`]: [`Assigns`], the thread-safe key/value state with change tracking.
//! - [`socket`]: [`Socket`] (`send`, `redirect`) and the [`Outbound`] line the shell implements.
//! - [`render`]: [`Renderer`], [`RendererFunc`], the [`Html`] writer, [`write_html!`], [`Raw`].
//! - [`template`]: [`html!`], templates the compiler checks; [`event`]: typed events
//!   ([`LiveEvent`]); [`component`](macro@component) supplies a component's `name` and `base`.
//! - [`context`]: [`Context`] (with the view's timers and tasks), [`Params`], [`Session`].
//! - [`pubsub`]: [`PubSub`] and typed [`Topic`]s shared by all windows; [`tasks`]: view-owned tasks.
//! - [`shell`]: the [`Shell`] the app provides to open windows; app services (typed, one per type)
//!   reached with [`Context::service`]; [`native`]: the [`native::Native`] dialogs, an app service;
//!   [`menu`]: menus and shortcuts declared in Rust, chosen items arriving as [`menu::MenuCommand`].
//! - [`dom`]: a small HTML tree on a WHATWG tokenizer; [`diff`]: the diff — slots, root, keyed
//!   lists (DESIGN §3), and [`diff::Rendered`], which re-parses only what a render changed;
//!   `oracle` (private): patches applied to HTML as the client does.
//! - [`view`]: one mounted component and its mailbox; [`runtime`]: [`LiveRuntime`], all views;
//!   [`endings`]: the terminations in flight, which quitting waits for.
//! - [`router`]: [`Router`]; [`layout`]: [`Layout`], the document around a view.
//! - [`protocol`]: the wire types; [`error`]: [`Error`] and [`HandlerError`].
//! - [`testing`]: a harness to test components without a window, and the diff oracle.
//!
//! Your first component is the counter in `examples/src/counter.rs`.

pub mod assigns;
pub mod component;
pub mod compose;
pub mod context;
pub mod diff;
/// The HTML tree every render is parsed into: crate `golivekit-dom`, re-exported.
pub use golivekit_dom as dom;
pub mod endings;
pub mod error;
pub mod event;
pub mod js;
pub mod layout;
pub mod menu;
pub mod native;
mod oracle;
pub mod protocol;
pub mod pubsub;
pub mod render;
pub mod router;
pub mod runtime;
mod services;
pub mod shell;
pub mod socket;
pub mod tasks;
pub mod template;
pub mod testing;
pub mod tray;
pub mod view;

pub use assigns::Assigns;
pub use async_trait::async_trait;
pub use component::{BaseComponent, Component, Info, TerminateReason};
pub use compose::{ChildComponent, ChildCrash, ChildSlot, Cid, OnOutput};
pub use context::{Context, Params, Session};
pub use error::{Error, HandlerError, HandlerResult, Result};
pub use event::LiveEvent;
pub use golivekit_macros::{component, html, LiveEvent};
pub use js::Js;
pub use layout::Layout;
pub use protocol::Payload;
pub use pubsub::{PubSub, Topic};
pub use render::{Html, Raw, Render, Renderer, RendererFunc, ToHtml};
pub use router::Router;
pub use runtime::{Document, LiveRuntime};
pub use shell::{Shell, WindowOptions};
pub use socket::{Outbound, Socket};
pub use tasks::TaskRef;
pub use template::{Template, TrustedUrl};

// `html!` and the derives name `::golivekit::…`, also inside this crate's own tests.
#[allow(unused_extern_crates)]
extern crate self as golivekit;
