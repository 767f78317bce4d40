//! A validated form: errors per field while typing, then submit. Route: `/form`.
//!
//! The `<form>` has `lv-change="validate"` and `lv-submit="save"`. Every change sends the whole
//! form plus `_target` (the field that changed); the view validates and shows errors only for
//! fields the user has touched. Submit validates everything; a valid form is "saved" by a slow
//! handler (half a second) while the button shows its `lv-disable-with` text. A checkbox group
//! (`interests`) arrives as an array of the checked values. The view owns the form's state: it
//! renders every field's value from what the last event sent, so after a submit (when the client
//! resets the form to what the server rendered) nothing the user typed is lost.

use std::collections::BTreeSet;
use std::time::Duration;

use golivekit::{
    async_trait, write_html, BaseComponent, Component, Context, HandlerError, HandlerResult, Html, Payload, Raw,
    Renderer, RendererFunc,
};
use serde_json::Value;

/// The fields, in order.
pub const FIELDS: [&str; 5] = ["name", "email", "plan", "interests", "terms"];

/// The interest checkboxes: `(value, label)`.
pub const INTERESTS: [(&str, &str); 3] = [("rust", "Rust"), ("web", "Web"), ("desktop", "Desktop")];

/// How long saving takes (so the loading state can be seen).
pub const SAVE_TIME: Duration = Duration::from_millis(500);

/// A sign-up form.
#[derive(Default)]
pub struct SignupForm {
    base: BaseComponent,
    touched: BTreeSet<String>,
}

fn text<'a>(payload: &'a Payload, key: &str) -> &'a str {
    payload.get_str(key).map(str::trim).unwrap_or("")
}

fn list(payload: &Payload, key: &str) -> Vec<String> {
    match payload.get(key) {
        Some(Value::Array(items)) => items.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect(),
        Some(Value::String(s)) => vec![s.clone()],
        _ => vec![],
    }
}

/// The error for `field` given the whole form, if any.
pub fn validate(field: &str, form: &Payload) -> Option<&'static str> {
    match field {
        "name" if text(form, "name").is_empty() => Some("Tell us your name."),
        "name" if text(form, "name").chars().count() > 40 => Some("At most 40 characters."),
        "email" => {
            let email = text(form, "email");
            let (user, domain) = email.split_once('@').unwrap_or(("", ""));
            (user.is_empty() || !domain.contains('.') || domain.ends_with('.'))
                .then_some("That is not an email address.")
        }
        "plan" if !matches!(text(form, "plan"), "free" | "pro") => Some("Pick a plan."),
        "interests" if list(form, "interests").is_empty() => Some("Pick at least one."),
        "terms" if form.get("terms").is_none() => Some("You must accept the terms."),
        _ => None,
    }
}

impl SignupForm {
    /// Remembers the submitted values; the render echoes them.
    fn keep(&self, form: &Payload) {
        let a = self.assigns();
        a.set("v_name", text(form, "name"));
        a.set("v_email", text(form, "email"));
        a.set("v_plan", text(form, "plan"));
        a.set("v_interests", list(form, "interests"));
        a.set("v_terms", form.get("terms").is_some());
    }

    fn check(&self, form: &Payload, fields: impl IntoIterator<Item = String>) -> usize {
        let mut errors = 0;
        for field in fields {
            let error = validate(&field, form).unwrap_or("");
            errors += usize::from(!error.is_empty());
            self.assigns().set(format!("err_{field}"), error);
        }
        errors
    }
}

#[async_trait]
impl Component for SignupForm {
    fn name(&self) -> &'static str {
        "form"
    }

    fn base(&self) -> &BaseComponent {
        &self.base
    }

    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        RendererFunc(move |_ctx: &Context, w: &mut Html| {
            let a = self.assigns();
            let err = |f: &str| a.get_string(&format!("err_{f}"));
            let plan = a.get_string("v_plan");
            let interests: Vec<String> = a.get_as("v_interests").unwrap_or_default();
            let on = |yes: bool, attr: &'static str| Raw::new(if yes { attr } else { "" });
            write_html!(
                w,
                r#"<div data-live-view="form" class="form">
  <h1>Sign up</h1>
  <form lv-change="validate" lv-submit="save" novalidate>
    <label>Name <input name="name" autocomplete="off" value="{}"></label>
    <p class="error" data-slot="err-name">{}</p>
    <label>Email <input name="email" type="email" autocomplete="off" value="{}"></label>
    <p class="error" data-slot="err-email">{}</p>
    <label>Plan <select name="plan"><option value="">Choose…</option><option value="free"{}>Free</option><option value="pro"{}>Pro</option></select></label>
    <p class="error" data-slot="err-plan">{}</p>
    <fieldset><legend>Interests</legend>"#,
                a.get_string("v_name"),
                err("name"),
                a.get_string("v_email"),
                err("email"),
                on(plan == "free", " selected"),
                on(plan == "pro", " selected"),
                err("plan")
            )?;
            for (value, label) in INTERESTS {
                write_html!(
                    w,
                    r#"
      <label><input type="checkbox" name="interests" value="{}"{}> {}</label>"#,
                    value,
                    on(interests.iter().any(|i| i == value), " checked"),
                    label
                )?;
            }
            write_html!(
                w,
                r#"
    </fieldset>
    <p class="error" data-slot="err-interests">{}</p>
    <label><input type="checkbox" name="terms" value="yes"{}> I accept the terms</label>
    <p class="error" data-slot="err-terms">{}</p>
    <button type="submit" lv-disable-with="Saving…">Sign up</button>
  </form>
  <p class="saved" data-slot="saved">{}</p>
  <p><a href="/">← All examples</a></p>
</div>"#,
                err("interests"),
                on(a.get_bool("v_terms"), " checked"),
                err("terms"),
                a.get_string("saved")
            )
        })
        .into()
    }

    async fn handle_event(&mut self, _ctx: &Context, event: &str, payload: &Payload) -> HandlerResult {
        match event {
            "validate" => {
                self.keep(payload);
                if let Some(target) = payload.get_str("_target").filter(|t| FIELDS.contains(t)) {
                    self.touched.insert(target.to_owned());
                }
                self.check(payload, self.touched.clone());
            }
            "save" => {
                self.keep(payload);
                self.touched.extend(FIELDS.map(String::from));
                if self.check(payload, FIELDS.map(String::from)) > 0 {
                    self.assigns().set("saved", "");
                    return Ok(());
                }
                tokio::time::sleep(SAVE_TIME).await; // a slow backend
                let interests = list(payload, "interests").join(", ");
                self.assigns().set(
                    "saved",
                    format!("Saved {} ({}), interested in {interests}.", text(payload, "name"), text(payload, "plan")),
                );
            }
            other => return Err(HandlerError::unknown_event(other)),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use golivekit::testing::TestView;
    use serde_json::json;

    fn form(v: Value) -> Payload {
        serde_json::from_value(v).expect("payload")
    }

    #[tokio::test]
    async fn errors_show_only_for_touched_fields_while_typing() {
        let mut view = TestView::mount(SignupForm::default()).await.expect("mount");
        view.event("validate", form(json!({"name": "", "email": "x", "_target": "email"}))).await.expect("validate");
        assert_eq!(view.slot_text("err-email").as_deref(), Some("That is not an email address."));
        assert_eq!(view.slot_text("err-name").as_deref(), Some(""), "name not touched yet");
        view.event("validate", form(json!({"email": "ann@example.org", "_target": "email"}))).await.expect("fix");
        assert_eq!(view.slot_text("err-email").as_deref(), Some(""));
        view.terminate().await;
    }

    #[tokio::test(start_paused = true)]
    async fn a_valid_submit_is_saved_with_the_checkbox_group_as_a_list() {
        let mut view = TestView::mount(SignupForm::default()).await.expect("mount");
        let ok = json!({"name": "Ann", "email": "ann@example.org", "plan": "pro", "interests": ["rust", "desktop"], "terms": "yes"});
        view.event("save", form(ok)).await.expect("save");
        assert_eq!(view.slot_text("saved").as_deref(), Some("Saved Ann (pro), interested in rust, desktop."));
        let html = view.html();
        for echoed in [
            r#"value="Ann""#,
            r#"<option selected="" value="pro">"#,
            r#"checked="" name="interests" type="checkbox" value="desktop""#,
        ] {
            assert!(html.contains(echoed), "the render echoes {echoed}: {html}");
        }
        view.terminate().await;
    }

    #[tokio::test]
    async fn an_invalid_submit_shows_every_error_and_saves_nothing() {
        let mut view = TestView::mount(SignupForm::default()).await.expect("mount");
        view.event("save", form(json!({"name": "<b>x</b>", "email": "", "interests": []}))).await.expect("save");
        for f in ["email", "plan", "interests", "terms"] {
            assert_ne!(view.slot_text(&format!("err-{f}")).as_deref(), Some(""), "{f}");
        }
        assert_eq!(view.slot_text("saved").as_deref(), Some(""));
        view.terminate().await;
    }
}
