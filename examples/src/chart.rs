//! A bar chart drawn in inline SVG: a keyed list of bars, a zoom that changes the `viewBox`, a
//! click on a bar. Route: `/chart`.
//!
//! SVG is markup like any other in `html!`: camel-case attributes (`viewBox`,
//! `preserveAspectRatio`, `gradientTransform`) are written as SVG spells them, self-closing tags
//! close, and each bar is an item of a keyed list (`data-list` on the `<g>`), so adding a month
//! sends one insert and changing one value one update. The runtime's tree gives SVG elements their
//! namespace as the webview does, and the page parses patch HTML for an SVG parent in that parent,
//! so a new bar is an SVG `<rect>` the webview draws (an HTML `<rect>` would draw nothing). A bar's
//! label is user text: it reaches the page as text, in the bar's `<title>` tooltip and under it.

use golivekit::{component, html, BaseComponent, Component, Context, HandlerError, HandlerResult, LiveEvent, Renderer};

/// The chart's height in user units; a value is drawn as that many units, at most this.
pub const MAX_VALUE: u32 = 100;
/// Longest label accepted, in characters.
pub const MAX_LABEL: usize = 40;
const BAR_WIDTH: usize = 20;
const GAP: usize = 6;

/// One bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// Its label, which is also its key.
    pub label: String,
    /// Its value, `0..=MAX_VALUE`.
    pub value: u32,
}

/// The chart.
pub struct Chart {
    base: BaseComponent,
    bars: Vec<Bar>,
    zoomed: bool,
    picked: Option<String>,
}

impl Default for Chart {
    fn default() -> Self {
        let bars = [("Jan", 30), ("Feb", 55), ("Mar", 80)]
            .into_iter()
            .map(|(label, value)| Bar { label: label.to_owned(), value })
            .collect();
        Chart { base: BaseComponent::default(), bars, zoomed: false, picked: None }
    }
}

/// What the chart sends.
#[derive(LiveEvent)]
enum Msg {
    /// `set`: the form's `label` and `value`: a new bar, or a new value for the bar of that label.
    Set {
        #[event(default)]
        label: String,
        #[event(default)]
        value: String,
    },
    /// `zoom`: show the first three bars only, or all again.
    Zoom,
    /// `pick`: a click on a bar.
    Pick { label: String },
}

impl Chart {
    fn touch(&self) {
        // The bars live in the struct; bump an assign so the runtime knows the view changed.
        self.assigns().set("revision", self.assigns().get_int("revision") + 1);
    }

    fn view_box(&self) -> String {
        let shown = if self.zoomed { 3 } else { self.bars.len().max(3) };
        format!("0 0 {} {}", shown * (BAR_WIDTH + GAP) + GAP, MAX_VALUE + 20)
    }
}

#[component]
impl Component for Chart {
    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        let picked = self.picked.clone().unwrap_or_else(|| "none".to_owned());
        html! {
            <div data-live-view="chart" class="chart">
                <h1>"Chart"</h1>
                <form lv-submit={Msg::Set} class="add">
                    <input name="label" placeholder="Month" autocomplete="off">
                    " "
                    <input name="value" type="number" min="0" max="100" placeholder="Value">
                    " "
                    <button>"Set"</button>
                </form>
                <svg class="plot" viewBox={self.view_box()} preserveAspectRatio="xMinYMax meet"
                    width="420" height="200" role="img" aria-label="Bar chart" slot:plot>
                    <defs>
                        <linearGradient id="bar-fill" x1="0" y1="0" x2="0" y2="1" gradientUnits="objectBoundingBox">
                            <stop offset="0" stop-color="#4f7cff" />
                            <stop offset="1" stop-color="#a9bcff" />
                        </linearGradient>
                    </defs>
                    <g class="bars" data-list="bars">
                        for (i, bar) in self.bars.iter().enumerate() key = bar.label {
                            <g class={if self.picked.as_deref() == Some(bar.label.as_str()) { "bar picked" } else { "bar" }}>
                                <rect x={GAP + i * (BAR_WIDTH + GAP)} y={MAX_VALUE - bar.value} width={BAR_WIDTH}
                                    height={bar.value} fill="url(#bar-fill)"
                                    lv-click={Msg::Pick { label: bar.label.clone() }}>
                                    <title>{bar.label} ": " {bar.value}</title>
                                </rect>
                                <text x={GAP + i * (BAR_WIDTH + GAP)} y={MAX_VALUE + 14} font-size="9">{bar.label}</text>
                            </g>
                        }
                    </g>
                </svg>
                <p>
                    <button lv-click={Msg::Zoom} slot:zoom>{if self.zoomed { "Show all" } else { "Zoom to the first three" }}</button>
                    " Picked: " <b slot:picked>{picked}</b>
                </p>
                <p><a href="/">"← All examples"</a></p>
            </div>
        }
        .into()
    }

    async fn handle_event(&mut self, _ctx: &Context, msg: Msg) -> HandlerResult {
        match msg {
            Msg::Set { label, value } => {
                let label = label.trim();
                if label.is_empty() {
                    return Err(HandlerError::with_code("no_label", "a bar needs a label"));
                }
                if label.chars().count() > MAX_LABEL {
                    return Err(HandlerError::with_code("label_too_long", format!("at most {MAX_LABEL} characters")));
                }
                let value = match value.trim().parse::<u32>() {
                    Ok(v) if v <= MAX_VALUE => v,
                    _ => return Err(HandlerError::with_code("bad_value", format!("a whole number 0–{MAX_VALUE}"))),
                };
                match self.bars.iter_mut().find(|b| b.label == label) {
                    Some(bar) => bar.value = value,
                    None => self.bars.push(Bar { label: label.to_owned(), value }),
                }
            }
            Msg::Zoom => self.zoomed = !self.zoomed,
            Msg::Pick { label } => self.picked = Some(label),
        }
        self.touch();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use golivekit::dom::{parse_fragment, Namespace, Node};
    use golivekit::testing::TestView;
    use golivekit::Payload;

    fn set(label: &str, value: &str) -> Payload {
        [("label", label), ("value", value)].into_iter().collect()
    }

    fn svg_names(nodes: &[Node], out: &mut Vec<(String, Namespace)>) {
        for n in nodes {
            if let Node::Element(e) = n {
                out.push((e.name.clone(), e.ns));
                svg_names(&e.children, out);
            }
        }
    }

    #[tokio::test]
    async fn a_new_month_is_one_list_insert_of_svg_elements() {
        let mut view = TestView::mount(Chart::default()).await.expect("mount");
        let reply = view.event("set", set("Apr", "40")).await.expect("set");
        let patch = reply.patch.expect("a patch");
        let ops = &patch.l["bars"];
        assert_eq!(ops.len(), 1, "{ops:?}");
        let mut names = vec![];
        svg_names(&parse_fragment(view.html()), &mut names);
        assert!(names.contains(&("linearGradient".to_owned(), Namespace::Svg)), "{names:?}");
        assert_eq!(names.iter().filter(|(n, ns)| n == "rect" && *ns == Namespace::Svg).count(), 4);
        assert!(view.html().contains(r#"height="40""#), "{}", view.html());
        view.terminate().await;
    }

    #[tokio::test]
    async fn zoom_changes_the_view_box_with_its_svg_name() {
        let mut view = TestView::mount(Chart::default()).await.expect("mount");
        view.event("set", set("Apr", "10")).await.expect("set");
        let reply = view.click("zoom").await.expect("zoom");
        let patch = reply.patch.expect("a patch");
        assert_eq!(patch.a["plot"].get("viewBox"), Some(&Some("0 0 84 120".to_owned())), "{patch:?}");
        view.terminate().await;
    }

    #[tokio::test]
    async fn a_hostile_label_is_text_and_bad_values_are_refused() {
        let mut view = TestView::mount(Chart::default()).await.expect("mount");
        let label = "</title><img src=x onerror=alert(1)>";
        view.event("set", set(label, "5")).await.expect("set");
        let mut names = vec![];
        svg_names(&parse_fragment(view.html()), &mut names);
        assert!(!names.iter().any(|(n, _)| n == "img"), "{}", view.html());
        assert_eq!(view.event("set", set("Apr", "101")).await.expect_err("too big").code(), "bad_value");
        assert_eq!(view.event("set", set("", "1")).await.expect_err("no label").code(), "no_label");
        let before = view.html().to_owned();
        assert_eq!(view.event("set", set("Apr", "x")).await.expect_err("nan").code(), "bad_value");
        assert_eq!(view.html(), before, "a refused event changes nothing");
        view.event("pick", [("label", "Feb")].into_iter().collect()).await.expect("pick");
        assert_eq!(view.slot_text("picked").as_deref(), Some("Feb"));
        view.terminate().await;
    }
}
