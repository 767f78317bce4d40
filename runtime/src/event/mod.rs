//! Typed events: an enum of what a component handles, decoded before its handler runs.
//!
//! `#[derive(LiveEvent)]` on an enum makes each variant one event:
//! - its **name** is the variant's name in snake_case (`NewWindow` → `new_window`), or
//!   `#[event(name = "…")]`;
//! - a **unit** variant carries nothing;
//! - a **struct** variant's fields come from the payload by name. In a template, `lv-click={Msg::Pick
//!   { id }}` writes `lv-click="pick" lv-value-id="…"`, so the values travel with the element.
//!   Fields are read leniently (`"3"` is a fine `u64`, `""` an empty `Option`); a missing field is
//!   an error unless it is an `Option` or marked `#[event(default)]`;
//! - a **one-field tuple** variant takes the whole payload (a form's fields) into that field's type,
//!   any `serde::Deserialize` struct. A template names it without a value: `lv-submit={Msg::Save}`.
//!
//! With `#[component]`, `handle_event` can take the enum instead of `(event, payload)`. An event the
//! enum does not have is `unknown_event`, a payload that does not decode is `bad_payload` naming the
//! field, and either is returned before the handler runs, so the component's state is untouched.
//!
//! ```
//! use golivekit::{component, html, BaseComponent, Component, Context, HandlerResult, LiveEvent, Renderer};
//! use golivekit::testing::TestView;
//!
//! #[derive(LiveEvent)]
//! enum Msg {
//!     Increment,
//!     Add { by: i64 },
//! }
//!
//! #[derive(Default)]
//! struct Counter {
//!     base: BaseComponent,
//!     count: i64,
//! }
//!
//! #[component]
//! impl Component for Counter {
//!     fn render(&self, _ctx: &Context) -> Renderer<'_> {
//!         html! {
//!             <div data-live-view="counter">
//!                 <span slot:count>{self.count}</span>
//!                 <button lv-click={Msg::Increment}>"+"</button>
//!                 <button lv-click={Msg::Add { by: 10 }}>"+10"</button>
//!             </div>
//!         }
//!         .into()
//!     }
//!
//!     async fn handle_event(&mut self, _ctx: &Context, msg: Msg) -> HandlerResult {
//!         match msg {
//!             Msg::Increment => self.count += 1,
//!             Msg::Add { by } => self.count += by,
//!         }
//!         Ok(())
//!     }
//! }
//!
//! # tokio_test(async {
//! let mut view = TestView::mount(Counter::default()).await.unwrap();
//! assert!(view.html().contains(r#"lv-click="add" lv-value-by="10""#));
//! view.event("add", [("by", "5")].into_iter().collect()).await.unwrap();
//! assert_eq!(view.slot_text("count").as_deref(), Some("5"));
//! let err = view.event("add", [("by", "five")].into_iter().collect()).await.unwrap_err();
//! assert_eq!(err.code(), "bad_payload");
//! assert_eq!(view.click("explode").await.unwrap_err().code(), "unknown_event");
//! # });
//! # fn tokio_test(f: impl std::future::Future<Output = ()>) {
//! #     tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(f)
//! # }
//! ```

mod lenient;

use std::fmt;

use crate::error::HandlerError;
use crate::protocol::Payload;
use crate::render::Html;

pub use lenient::Lenient;

/// An enum of events; derive it with `#[derive(LiveEvent)]` (see the [module docs](self)).
pub trait LiveEvent: Sized {
    /// Every event name, in variant order.
    const EVENTS: &'static [&'static str];

    /// The event name of the variant called `variant` (`"NewWindow"` → `"new_window"`); `""` for
    /// none. `html!` calls it for `lv-submit={Msg::Save}`, after checking the variant exists.
    fn event_of_variant(variant: &str) -> &'static str;

    /// This value's event name.
    fn event_name(&self) -> &'static str;

    /// Writes this value's fields as ` lv-value-<field>="…"` attributes (escaped).
    fn write_values(&self, w: &mut Html) -> fmt::Result;

    /// Decodes an event: `unknown_event` for a name the enum lacks, `bad_payload` naming the field
    /// for a payload that does not fit.
    fn from_event(event: &str, payload: &Payload) -> Result<Self, HandlerError>;
}

/// A `bad_payload` error for `event`, naming what did not fit.
pub fn bad_payload(event: &str, what: impl fmt::Display) -> HandlerError {
    HandlerError::with_code("bad_payload", format!("bad payload for `{event}`: {what}"))
}

/// What the derive and `html!` call; not an API.
#[doc(hidden)]
pub mod __private {
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    use super::{bad_payload, Lenient, LiveEvent};
    use crate::error::HandlerError;
    use crate::protocol::Payload;
    use crate::render::Html;

    /// ` lv-value-key="value"`.
    pub fn value<T: std::fmt::Display + ?Sized>(w: &mut Html, key: &str, value: &T) -> std::fmt::Result {
        w.raw(" lv-value-");
        w.raw(key);
        w.raw("=\"");
        w.display(value)?;
        w.raw("\"");
        Ok(())
    }

    fn decode<T: DeserializeOwned>(event: &str, key: &str, value: &Value) -> Result<T, HandlerError> {
        serde_path_to_error::deserialize(Lenient(value)).map_err(|err| {
            let path = err.path().to_string();
            let inner = err.into_inner();
            match (key.is_empty(), path.as_str()) {
                (true, ".") => bad_payload(event, inner),
                (true, path) => bad_payload(event, format!("field `{path}`: {inner}")),
                (false, ".") => bad_payload(event, format!("field `{key}`: {inner}")),
                (false, path) => bad_payload(event, format!("field `{key}.{path}`: {inner}")),
            }
        })
    }

    /// A field of a struct variant; missing is `Null` (an `Option` is then `None`).
    pub fn field<T: DeserializeOwned>(event: &str, payload: &Payload, key: &str) -> Result<T, HandlerError> {
        match payload.get(key) {
            Some(value) => decode(event, key, value),
            None => {
                serde_json::from_value(Value::Null).map_err(|_| bad_payload(event, format!("missing field `{key}`")))
            }
        }
    }

    /// A field marked `#[event(default)]`.
    pub fn field_or_default<T: DeserializeOwned + Default>(
        event: &str,
        payload: &Payload,
        key: &str,
    ) -> Result<T, HandlerError> {
        match payload.get(key) {
            Some(value) => decode(event, key, value),
            None => Ok(T::default()),
        }
    }

    /// The whole payload, for a one-field tuple variant.
    pub fn form<T: DeserializeOwned>(event: &str, payload: &Payload) -> Result<T, HandlerError> {
        decode(event, "", &Value::Object(payload.0.clone()))
    }

    /// What an event binding's `{value}` may be: a typed event or JS commands.
    #[diagnostic::on_unimplemented(
        message = "`{Self}` is neither an event nor JS commands",
        label = "an event binding takes a `#[derive(LiveEvent)]` value, a `Js`, or a literal name",
        note = "derive `golivekit::LiveEvent` for the enum, or write `lv-click=\"name\"`"
    )]
    pub trait Binding {
        /// Writes ` binding="…"` (and a typed event's ` lv-value-*`).
        fn write_binding(&self, binding: &str, w: &mut Html) -> std::fmt::Result;
    }

    impl<E: LiveEvent> Binding for E {
        fn write_binding(&self, binding: &str, w: &mut Html) -> std::fmt::Result {
            w.raw(" ");
            w.raw(binding);
            w.raw("=\"");
            w.text(self.event_name());
            w.raw("\"");
            self.write_values(w)
        }
    }

    impl Binding for crate::js::Js {
        fn write_binding(&self, binding: &str, w: &mut Html) -> std::fmt::Result {
            w.raw(" ");
            w.raw(binding);
            w.raw("=\"");
            w.display(self)?;
            w.raw("\"");
            Ok(())
        }
    }

    /// ` lv-click="name" lv-value-…` for a typed event, or ` lv-click="[commands]"` for [`Js`](crate::Js).
    pub fn event<B: Binding + ?Sized>(value: &B, binding: &str, w: &mut Html) -> std::fmt::Result {
        value.write_binding(binding, w)
    }
}
