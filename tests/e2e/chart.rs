//! The SVG chart (`/chart`) in the real webview: a bar added through the form is an SVG `<rect>`
//! WebKit draws (an HTML `<rect>`, which patch HTML parsed in a template would give, draws
//! nothing), a zoom reaches the SVG engine as a `viewBox` (not a lowercase `viewbox` it ignores),
//! a click on a bar arrives, and a hostile label stays text.

use golivekit_e2e::{App, Session};
use serde_json::{json, Value};

use crate::util::{text, WAIT};

const ENTER: &str = "\u{E007}";

fn set(s: &Session, label: &str, value: &str) {
    let label_field = s.wait_for("[data-live-view=chart] input[name=label]", WAIT).expect("label field");
    s.send_keys(&label_field, label).expect("type the label");
    let value_field = s.find("[data-live-view=chart] input[name=value]").expect("value field");
    s.send_keys(&value_field, value).expect("type the value");
    s.send_keys(&value_field, ENTER).expect("submit");
}

/// Each bar's namespace, drawn height (`getBBox`, which only an SVG element has) and on-screen
/// height, in order.
fn bars(s: &Session) -> Value {
    s.execute(
        "return Array.from(document.querySelectorAll('.bars rect'), (r) => ({\
           svg: r instanceof SVGRectElement, ns: r.namespaceURI,\
           drawn: r.getBBox ? r.getBBox().height : null,\
           screen: Math.round(r.getBoundingClientRect().height) }));",
        json!([]),
    )
    .expect("bars")
}

#[test]
fn a_bar_added_through_the_form_is_an_svg_rect_that_is_drawn() {
    let app = App::launch("/chart").expect("launch");
    let s = app.session();
    s.wait_for("[data-live-view=chart] svg.plot", WAIT).expect("chart");
    assert_eq!(bars(s).as_array().map(Vec::len), Some(3), "the first document's bars");
    set(s, "Apr", "40");
    s.wait(WAIT, "the fourth bar", || (bars(s).as_array()?.len() == 4).then_some(())).expect("a bar added");
    let all = bars(s);
    for bar in all.as_array().expect("list") {
        assert_eq!(bar["svg"], json!(true), "an SVG element: {all}");
        assert!(bar["screen"].as_i64().unwrap_or(0) > 0, "drawn on screen: {all}");
    }
    assert_eq!(all[3]["drawn"], json!(40), "{all}");
    // A new value for a bar that exists is an update of that item, still an SVG rect.
    set(s, "Feb", "100");
    s.wait(WAIT, "Feb at 100", || (bars(s)[1]["drawn"] == json!(100)).then_some(())).expect("updated");
    assert_eq!(bars(s)[1]["svg"], json!(true));
}

#[test]
fn zoom_reaches_the_svg_engine_as_a_view_box_and_a_click_on_a_bar_arrives() {
    let app = App::launch("/chart").expect("launch");
    let s = app.session();
    s.wait_for("[data-live-view=chart] svg.plot", WAIT).expect("chart");
    set(s, "Apr", "10");
    s.wait(WAIT, "the fourth bar", || (bars(s).as_array()?.len() == 4).then_some(())).expect("a bar added");
    let width = || s.execute("return document.querySelector('svg.plot').viewBox.baseVal.width", json!([])).ok();
    assert_eq!(width(), Some(json!(110)), "four bars");
    let zoom = s.find("[data-slot=zoom]").expect("zoom button");
    s.click(&zoom).expect("zoom");
    s.wait_for_text("[data-slot=zoom]", "Show all", WAIT).expect("zoomed");
    assert_eq!(width(), Some(json!(84)), "the SVG engine read the new viewBox");
    let attrs = s
        .execute("return Array.from(document.querySelector('svg.plot').attributes, (a) => a.name)", json!([]))
        .expect("attributes");
    assert!(!attrs.as_array().expect("list").contains(&json!("viewbox")), "no lowercase twin: {attrs}");
    let bar = s.find(".bars g:nth-child(2) rect").expect("second bar");
    s.click(&bar).expect("click the bar");
    s.wait_for_text("[data-slot=picked]", "Feb", WAIT).expect("the click arrived");
}

#[test]
fn a_hostile_label_stays_text_in_the_tooltip_and_under_the_bar() {
    let app = App::launch("/chart").expect("launch");
    let s = app.session();
    s.wait_for("[data-live-view=chart] svg.plot", WAIT).expect("chart");
    let label = "</title><img src=x onerror=alert(1)>";
    set(s, label, "5");
    s.wait(WAIT, "the fourth bar", || (bars(s).as_array()?.len() == 4).then_some(())).expect("a bar added");
    let found = s
        .execute(
            "return { imgs: document.querySelectorAll('img').length,\
               title: document.querySelector('.bars g:nth-child(4) title').textContent,\
               label: document.querySelector('.bars g:nth-child(4) text').textContent };",
            json!([]),
        )
        .expect("read");
    assert_eq!(found["imgs"], json!(0), "{found}");
    assert_eq!(found["title"], json!(format!("{label}: 5")));
    assert_eq!(found["label"], json!(label));
    assert_eq!(text(s, "[data-slot=picked]"), "none");
}
