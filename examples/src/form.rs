//! A validated form: errors per field while typing, then submit. Route: `/form`.
//!
//! The `<form>` has `lv-change="validate"` and `lv-submit="save"`. Every change sends the whole
//! form plus `_target` (the field that changed); the view validates and shows errors only for
//! fields the user has touched. Submit validates everything; a valid form is "saved" by a slow
//! handler (half a second) while the button shows its `lv-disable-with` text. A checkbox group
//! (`interests`) arrives as an array of the checked values. Both events decode the whole form into
//! a [`Signup`] before the handler runs. The view owns the form's state: it
//! renders every field's value from what the last event sent, so after a submit (when the client
//! resets the form to what the server rendered) nothing the user typed is lost.

use std::collections::BTreeSet;
use std::time::Duration;

use golivekit::{component, html, BaseComponent, Component, Context, HandlerResult, LiveEvent, Renderer};
use serde::Deserialize;

/// The fields, in order.
pub const FIELDS: [&str; 5] = ["name", "email", "plan", "interests", "terms"];

/// The interest checkboxes: `(value, label)`.
pub const INTERESTS: [(&str, &str); 3] = [("rust", "Rust"), ("web", "Web"), ("desktop", "Desktop")];

/// How long saving takes (so the loading state can be seen).
pub const SAVE_TIME: Duration = Duration::from_millis(500);

/// The form as the page sends it, on every change and on submit; a missing field is empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Signup {
    /// Your name.
    pub name: String,
    /// Your email address.
    pub email: String,
    /// `free` or `pro`.
    pub plan: String,
    /// The checked interests (one checked box may arrive as a lone value).
    pub interests: Vec<String>,
    /// The terms checkbox's value, when it is checked.
    pub terms: Option<String>,
    /// The field that changed (on `lv-change`).
    #[serde(rename = "_target")]
    pub target: Option<String>,
}

/// What the form sends: the whole form, each time.
#[derive(LiveEvent)]
enum Msg {
    /// `validate`: a field changed.
    Validate(Signup),
    /// `save`: the form was submitted.
    Save(Signup),
}

/// A sign-up form.
#[derive(Default)]
pub struct SignupForm {
    base: BaseComponent,
    touched: BTreeSet<String>,
}

/// The error for `field` given the whole form, if any.
pub fn validate(field: &str, form: &Signup) -> Option<&'static str> {
    let name = form.name.trim();
    match field {
        "name" if name.is_empty() => Some("Tell us your name."),
        "name" if name.chars().count() > 40 => Some("At most 40 characters."),
        "email" => {
            let (user, domain) = form.email.trim().split_once('@').unwrap_or(("", ""));
            (user.is_empty() || !domain.contains('.') || domain.ends_with('.'))
                .then_some("That is not an email address.")
        }
        "plan" if !matches!(form.plan.trim(), "free" | "pro") => Some("Pick a plan."),
        "interests" if form.interests.is_empty() => Some("Pick at least one."),
        "terms" if form.terms.is_none() => Some("You must accept the terms."),
        _ => None,
    }
}

impl SignupForm {
    /// Remembers the submitted values; the render echoes them.
    fn keep(&self, form: &Signup) {
        let a = self.assigns();
        a.set("v_name", form.name.trim());
        a.set("v_email", form.email.trim());
        a.set("v_plan", form.plan.trim());
        a.set("v_interests", form.interests.clone());
        a.set("v_terms", form.terms.is_some());
    }

    fn check(&self, form: &Signup, fields: impl IntoIterator<Item = String>) -> usize {
        let mut errors = 0;
        for field in fields {
            let error = validate(&field, form).unwrap_or("");
            errors += usize::from(!error.is_empty());
            self.assigns().set(format!("err_{field}"), error);
        }
        errors
    }
}

#[component(name = "form")]
impl Component for SignupForm {
    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        let a = self.assigns();
        let err = move |f: &str| a.get_string(&format!("err_{f}"));
        let plan = a.get_string("v_plan");
        let interests: Vec<String> = a.get_as("v_interests").unwrap_or_default();
        html! {
            <div data-live-view="form" class="form">
                <h1>"Sign up"</h1>
                <form lv-change={Msg::Validate} lv-submit={Msg::Save} novalidate>
                    <label>"Name " <input name="name" autocomplete="off" value={a.get_string("v_name")}></label>
                    <p class="error" slot:err-name>{err("name")}</p>
                    <label>
                        "Email " <input name="email" type="email" autocomplete="off" value={a.get_string("v_email")}>
                    </label>
                    <p class="error" slot:err-email>{err("email")}</p>
                    <label>
                        "Plan "
                        <select name="plan">
                            <option value="">"Choose…"</option>
                            <option value="free" selected={plan == "free"}>"Free"</option>
                            <option value="pro" selected={plan == "pro"}>"Pro"</option>
                        </select>
                    </label>
                    <p class="error" slot:err-plan>{err("plan")}</p>
                    <fieldset>
                        <legend>"Interests"</legend>
                        for (value, label) in INTERESTS {
                            <label>
                                <input type="checkbox" name="interests" value={value}
                                    checked={interests.iter().any(|i| i == value)}>
                                " " {label}
                            </label>
                        }
                    </fieldset>
                    <p class="error" slot:err-interests>{err("interests")}</p>
                    <label>
                        <input type="checkbox" name="terms" value="yes" checked={a.get_bool("v_terms")}>
                        " I accept the terms"
                    </label>
                    <p class="error" slot:err-terms>{err("terms")}</p>
                    <button type="submit" lv-disable-with="Saving…">"Sign up"</button>
                </form>
                <p class="saved" slot:saved>{a.get_string("saved")}</p>
                <p><a href="/">"← All examples"</a></p>
            </div>
        }
        .into()
    }

    async fn handle_event(&mut self, _ctx: &Context, msg: Msg) -> HandlerResult {
        match msg {
            Msg::Validate(form) => {
                self.keep(&form);
                if let Some(target) = form.target.as_deref().filter(|t| FIELDS.contains(t)) {
                    self.touched.insert(target.to_owned());
                }
                self.check(&form, self.touched.clone());
            }
            Msg::Save(form) => {
                self.keep(&form);
                self.touched.extend(FIELDS.map(String::from));
                if self.check(&form, FIELDS.map(String::from)) > 0 {
                    self.assigns().set("saved", "");
                    return Ok(());
                }
                tokio::time::sleep(SAVE_TIME).await; // a slow backend
                let interests = form.interests.join(", ");
                self.assigns().set(
                    "saved",
                    format!("Saved {} ({}), interested in {interests}.", form.name.trim(), form.plan.trim()),
                );
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use golivekit::testing::TestView;
    use golivekit::Payload;
    use serde_json::{json, Value};

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
