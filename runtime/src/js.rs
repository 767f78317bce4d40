//! [`Js`]: client-side commands that run in the page without a round trip.
//!
//! A `Js` value is rendered into a binding attribute (`lv-click`, `lv-change`, `lv-keydown`, …)
//! instead of an event name. The client replays it from a fixed vocabulary — show, hide, toggle,
//! add/remove/toggle classes, focus, dispatch a DOM event, push an event to the view — and never
//! evaluates script. On the wire it is a compact JSON list of `[op, args]` pairs:
//!
//! ```text
//! [["toggle",{"to":"#menu"}],["push",{"event":"opened","value":{"id":"7"}}]]
//! ```
//!
//! `to` is a CSS selector for the elements to act on; without it the command acts on the element
//! carrying the attribute ([`THIS`]). The JS mirror is `ui-bridge/js/commands.js`; the canonical
//! examples in `tests/fixtures/js/` are loaded by both test suites.
//!
//! ```
//! use golivekit::js::{Js, THIS};
//! use golivekit::{write_html, Html};
//!
//! let open = Js::new().show("#details").add_class(THIS, ["active"]).push("opened", [("id", "7")]);
//! let mut w = Html::new();
//! write_html!(w, r#"<button lv-click="{}">More</button>"#, open).unwrap();
//! assert!(w.as_str().starts_with(r#"<button lv-click="[[&quot;show&quot;,{&quot;to&quot;:&quot;#details&quot;}]"#));
//! assert_eq!(Js::parse(&open.to_string()).unwrap(), open);
//! ```

use std::fmt;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// What a command acts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The element carrying the binding.
    This,
    /// Every element matching a CSS selector, anywhere in the document.
    Selector(String),
}

/// The element carrying the binding.
pub const THIS: Target = Target::This;

impl From<&str> for Target {
    fn from(selector: &str) -> Self {
        Target::Selector(selector.to_owned())
    }
}

impl From<String> for Target {
    fn from(selector: String) -> Self {
        Target::Selector(selector)
    }
}

/// One command of the vocabulary.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Command {
    /// Removes the `hidden` attribute.
    Show(Target),
    /// Sets the `hidden` attribute.
    Hide(Target),
    /// Toggles the `hidden` attribute.
    Toggle(Target),
    /// Adds classes.
    AddClass(Target, Vec<String>),
    /// Removes classes.
    RemoveClass(Target, Vec<String>),
    /// Toggles classes.
    ToggleClass(Target, Vec<String>),
    /// Focuses the (first) element.
    Focus(Target),
    /// Dispatches a bubbling `CustomEvent` named `event` with `detail`.
    Dispatch(Target, String, Value),
    /// Sends `event` to the view with `value` as its payload (like `lv-value-*`).
    Push(String, Map<String, Value>),
}

/// A list of client-side commands, run in order. Build it with the methods; render it with
/// `write_html!` (it escapes like any value) into a binding attribute.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Js(Vec<Command>);

impl Js {
    /// No commands yet.
    pub fn new() -> Self {
        Self::default()
    }

    fn and(mut self, command: Command) -> Self {
        self.0.push(command);
        self
    }

    /// Shows the target (removes `hidden`).
    pub fn show(self, to: impl Into<Target>) -> Self {
        self.and(Command::Show(to.into()))
    }

    /// Hides the target (sets `hidden`).
    pub fn hide(self, to: impl Into<Target>) -> Self {
        self.and(Command::Hide(to.into()))
    }

    /// Shows the target if hidden, hides it otherwise.
    pub fn toggle(self, to: impl Into<Target>) -> Self {
        self.and(Command::Toggle(to.into()))
    }

    /// Adds `names` to the target's classes.
    pub fn add_class<S: Into<String>>(self, to: impl Into<Target>, names: impl IntoIterator<Item = S>) -> Self {
        self.and(Command::AddClass(to.into(), names.into_iter().map(Into::into).collect()))
    }

    /// Removes `names` from the target's classes.
    pub fn remove_class<S: Into<String>>(self, to: impl Into<Target>, names: impl IntoIterator<Item = S>) -> Self {
        self.and(Command::RemoveClass(to.into(), names.into_iter().map(Into::into).collect()))
    }

    /// Toggles each of `names` on the target.
    pub fn toggle_class<S: Into<String>>(self, to: impl Into<Target>, names: impl IntoIterator<Item = S>) -> Self {
        self.and(Command::ToggleClass(to.into(), names.into_iter().map(Into::into).collect()))
    }

    /// Focuses the target.
    pub fn focus(self, to: impl Into<Target>) -> Self {
        self.and(Command::Focus(to.into()))
    }

    /// Dispatches a DOM `CustomEvent` named `event` on the target, with `detail`.
    pub fn dispatch(self, to: impl Into<Target>, event: impl Into<String>, detail: impl Serialize) -> Self {
        let detail = serde_json::to_value(detail).unwrap_or(Value::Null);
        self.and(Command::Dispatch(to.into(), event.into(), detail))
    }

    /// Sends `event` to the view, with `value` (string pairs) as its payload.
    pub fn push<K: Into<String>, V: Into<String>>(
        self,
        event: impl Into<String>,
        value: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        let value = value.into_iter().map(|(k, v)| (k.into(), Value::String(v.into()))).collect();
        self.and(Command::Push(event.into(), value))
    }

    /// The commands, in order.
    pub fn commands(&self) -> &[Command] {
        &self.0
    }

    /// Parses the attribute form (the JSON list); unknown ops and bad arguments are errors.
    pub fn parse(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }
}

/// The arguments object of one command, in wire order: `to`, `names`, `event`, `detail`, `value`.
#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Args {
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    names: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    event: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<Map<String, Value>>,
}

fn selector(t: &Target) -> Option<String> {
    match t {
        Target::This => None,
        Target::Selector(s) => Some(s.clone()),
    }
}

fn target(to: Option<String>) -> Target {
    to.map_or(Target::This, Target::Selector)
}

impl Command {
    fn to_wire(&self) -> (&'static str, Args) {
        let on = |t: &Target| Args { to: selector(t), ..Args::default() };
        let classes =
            |t: &Target, names: &[String]| Args { to: selector(t), names: Some(names.to_vec()), ..Args::default() };
        match self {
            Command::Show(t) => ("show", on(t)),
            Command::Hide(t) => ("hide", on(t)),
            Command::Toggle(t) => ("toggle", on(t)),
            Command::AddClass(t, n) => ("add_class", classes(t, n)),
            Command::RemoveClass(t, n) => ("remove_class", classes(t, n)),
            Command::ToggleClass(t, n) => ("toggle_class", classes(t, n)),
            Command::Focus(t) => ("focus", on(t)),
            Command::Dispatch(t, event, detail) => (
                "dispatch",
                Args { to: selector(t), event: Some(event.clone()), detail: Some(detail.clone()), ..Args::default() },
            ),
            Command::Push(event, value) => {
                ("push", Args { event: Some(event.clone()), value: Some(value.clone()), ..Args::default() })
            }
        }
    }

    fn from_wire(op: &str, a: Args) -> Result<Self, String> {
        let names =
            |n: Option<Vec<String>>| n.filter(|n| !n.is_empty()).ok_or(format!("`{op}` needs non-empty `names`"));
        let event = |e: Option<String>| e.filter(|e| !e.is_empty()).ok_or(format!("`{op}` needs an `event`"));
        if a.to.as_deref().is_some_and(|t| t.trim().is_empty()) {
            return Err(format!("`{op}` has an empty `to` selector"));
        }
        if let Some(bad) = a.names.iter().flatten().find(|n| n.is_empty() || n.contains(char::is_whitespace)) {
            return Err(format!("`{op}`: {bad:?} is not a class name"));
        }
        let only_to = a.names.is_none() && a.event.is_none() && a.detail.is_none() && a.value.is_none();
        Ok(match op {
            "show" | "hide" | "toggle" | "focus" if !only_to => return Err(format!("`{op}` takes only `to`")),
            "show" => Command::Show(target(a.to)),
            "hide" => Command::Hide(target(a.to)),
            "toggle" => Command::Toggle(target(a.to)),
            "focus" => Command::Focus(target(a.to)),
            "add_class" => Command::AddClass(target(a.to), names(a.names)?),
            "remove_class" => Command::RemoveClass(target(a.to), names(a.names)?),
            "toggle_class" => Command::ToggleClass(target(a.to), names(a.names)?),
            "dispatch" => Command::Dispatch(target(a.to), event(a.event)?, a.detail.unwrap_or(Value::Null)),
            "push" if a.to.is_some() => return Err("`push` goes to the view; it takes no `to`".into()),
            "push" => Command::Push(event(a.event)?, a.value.unwrap_or_default()),
            other => return Err(format!("unknown JS command `{other}`")),
        })
    }
}

impl Serialize for Js {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(Command::to_wire))
    }
}

impl<'de> Deserialize<'de> for Js {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let pairs = Vec::<(String, Args)>::deserialize(d)?;
        pairs
            .into_iter()
            .map(|(op, args)| Command::from_wire(&op, args).map_err(D::Error::custom))
            .collect::<Result<_, _>>()
            .map(Js)
    }
}

/// The attribute form: compact JSON, escaped like any value when written with `write_html!`.
impl fmt::Display for Js {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let json = serde_json::to_string(self).map_err(|_| fmt::Error)?;
        f.write_str(&json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_serialize_in_wire_order_and_parse_back() {
        let js = Js::new()
            .toggle("#menu")
            .hide(THIS)
            .toggle_class("#x", ["open"])
            .dispatch("#x", "my:event", serde_json::json!({"k": 1}))
            .push("save", [("id", "7")]);
        let wire = js.to_string();
        assert_eq!(
            wire,
            r##"[["toggle",{"to":"#menu"}],["hide",{}],["toggle_class",{"to":"#x","names":["open"]}],["dispatch",{"to":"#x","event":"my:event","detail":{"k":1}}],["push",{"event":"save","value":{"id":"7"}}]]"##
        );
        assert_eq!(Js::parse(&wire).expect("parses"), js);
    }

    #[test]
    fn unknown_ops_and_bad_arguments_are_refused() {
        for bad in [
            r#"[["eval",{"code":"alert(1)"}]]"#,
            r##"[["add_class",{"to":"#x"}]]"##,
            r#"[["show",{"names":["a"]}]]"#,
            r##"[["push",{"to":"#x","event":"e"}]]"##,
            r#"[["push",{}]]"#,
            r#"{"show":{}}"#,
            r#"[["show",{"to":" "}]]"#,
            r#"[["add_class",{"names":["a b"]}]]"#,
        ] {
            assert!(Js::parse(bad).is_err(), "{bad}");
        }
    }
}
