//! `html!`, typed events and `#[component]` as a user meets them: what the markup is, what
//! hostile data can and cannot do, and how events decode before a handler runs.

use golivekit::dom::{parse_fragment, Element, Node};
use golivekit::testing::TestView;
use golivekit::{
    component, html, write_html, BaseComponent, ChildComponent, Component, Context, HandlerResult, Html, LiveEvent,
    OnOutput, Payload, Raw, Renderer, TrustedUrl,
};
use proptest::prelude::*;
use serde::Deserialize;

const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    r#""><img src=x onerror=alert(1)>"#,
    "' onmouseover='alert(1)",
    "javascript:alert(1)",
    " JaVa\tScRiPt:alert(1)",
    "</textarea><script>x</script>",
    "</title><b>x</b>",
    "&lt;b&gt; &amp;",
    "{{not a format}}",
];

#[derive(LiveEvent, Debug, PartialEq)]
enum Msg {
    Pick { id: String },
    Save,
}

fn render_everywhere(s: &str) -> String {
    let items = vec![s.to_string()];
    let mut w = Html::new();
    html!(w,
        <div title={s} class="c">
            <p>{s}</p>
            <a href={s}>"link"</a>
            <button lv-click={Msg::Pick { id: s.to_string() }}>"pick"</button>
            <textarea name="t">{s}</textarea>
            <ul data-list="l">for item in &items key = item { <li>{item}</li> }</ul>
        </div>
    )
    .expect("render");
    w.into_string()
}

fn element(nodes: &[Node]) -> &Element {
    match nodes {
        [Node::Element(el)] => el,
        other => panic!("expected one element, got {other:?}"),
    }
}

fn children(el: &Element) -> Vec<&Element> {
    el.children.iter().filter_map(|n| if let Node::Element(e) = n { Some(e) } else { None }).collect()
}

fn text(el: &Element) -> String {
    el.children.iter().map(|n| if let Node::Text(t) = n { t.as_str() } else { "" }).collect()
}

fn assert_inert(s: &str) {
    let html = render_everywhere(s);
    let nodes = parse_fragment(&html);
    let div = element(&nodes);
    assert_eq!(div.attr("title"), Some(s), "{html}");
    assert_eq!(div.attr("class"), Some("c"), "{html}");
    let kids = children(div);
    let names: Vec<&str> = kids.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["p", "a", "button", "textarea", "ul"], "the structure is the template's: {html}");
    assert_eq!(text(kids[0]), s, "{html}");
    assert!(children(kids[0]).is_empty(), "{html}");
    let href = kids[1].attr("href").expect("href");
    assert!(href == s || href == golivekit::template::url::REFUSED, "{href:?} for {s:?}");
    if !golivekit::template::is_safe_url(s) {
        assert_eq!(href, golivekit::template::url::REFUSED);
    }
    assert_eq!(kids[2].attr("lv-click"), Some("pick"));
    assert_eq!(kids[2].attr("lv-value-id"), Some(s), "{html}");
    assert_eq!(text(kids[3]), s, "{html}");
    let li = children(kids[4]);
    assert_eq!(li.len(), 1, "{html}");
    assert_eq!(li[0].attr("data-key"), Some(s));
    assert_eq!(text(li[0]), s);
}

#[test]
fn a_textarea_keeps_the_newline_its_text_starts_with() {
    let body = "\n\nsecond paragraph";
    let mut w = Html::new();
    html!(w, <textarea name="body">{body}</textarea><pre>{body}</pre>).expect("render");
    for el in parse_fragment(w.as_str()).iter().map(|n| element(std::slice::from_ref(n))) {
        assert_eq!(text(el), body, "{}", w.as_str());
    }
}

#[test]
fn hostile_strings_are_inert_in_every_context() {
    for s in HOSTILE {
        assert_inert(s);
    }
}

proptest! {
    #[test]
    fn any_string_is_inert_in_every_context(s in "[ -~\t\n<>&\"'/=é€]{0,40}") {
        assert_inert(&s);
    }
}

#[test]
fn url_attributes_refuse_script_schemes_unless_trusted() {
    let mut w = Html::new();
    let bad = "javascript:alert(1)";
    let trusted = TrustedUrl::new("app://settings");
    html!(w, <a href={bad}>"a"</a><img src={"/logo.png"}><form action={trusted}></form>).expect("render");
    assert_eq!(
        w.as_str(),
        r#"<a href="about:invalid#lv-refused-url">a</a><img src="/logo.png"><form action="app://settings"></form>"#
    );
}

#[test]
fn boolean_attributes_are_present_only_when_true() {
    let mut w = Html::new();
    let (busy, done) = (true, false);
    html!(w, <button disabled={busy}>"Save"</button><input type="checkbox" checked={done} required>).expect("render");
    assert_eq!(w.as_str(), r#"<button disabled>Save</button><input type="checkbox" required>"#);
}

#[test]
fn control_flow_renders_what_write_html_would() {
    for n in 0..4u32 {
        let names = ["ann", "bob", "cy"];
        let mut w = Html::new();
        html!(w,
            <section>
                if n == 0 { <p class="empty">"none"</p> } else if n == 1 { <p>"one"</p> } else { <p>{n} " items"</p> }
                match n % 2 { 0 => <em>"even"</em>, _ => { <strong>"odd"</strong> } }
                <ol>for name in names.iter().take(n as usize) { <li>{name}</li> }</ol>
                {Raw::new("<hr>")}
            </section>
        )
        .expect("render");
        let mut expected = Html::new();
        write_html!(expected, "<section>").expect("w");
        match n {
            0 => write_html!(expected, r#"<p class="empty">none</p>"#),
            1 => write_html!(expected, "<p>one</p>"),
            _ => write_html!(expected, "<p>{} items</p>", n),
        }
        .expect("w");
        write_html!(expected, "{}", Raw::new(if n % 2 == 0 { "<em>even</em>" } else { "<strong>odd</strong>" }))
            .expect("w");
        write_html!(expected, "<ol>").expect("w");
        for name in names.iter().take(n as usize) {
            write_html!(expected, "<li>{}</li>", name).expect("w");
        }
        write_html!(expected, "</ol><hr></section>").expect("w");
        assert_eq!(w.as_str(), expected.as_str(), "n = {n}");
    }
}

#[test]
fn a_slot_in_exclusive_branches_is_one_slot() {
    for running in [true, false] {
        let mut w = Html::new();
        html!(w,
            if running { <button slot:toggle>"Pause"</button> } else { <button slot:toggle>"Resume"</button> }
            match running { true => <i slot:state>"on"</i>, false => <i slot:state>"off"</i> }
        )
        .expect("render");
        assert_eq!(w.as_str().matches("data-slot=\"toggle\"").count(), 1);
        assert_eq!(w.as_str().matches("data-slot=\"state\"").count(), 1);
    }
}

#[test]
fn templates_nest_and_mix_with_write_html() {
    fn badge(label: &str) -> impl golivekit::ToHtml + '_ {
        html! { <b class="badge">{label}</b> }
    }
    let mut w = Html::new();
    write_html!(w, "<p>{}</p>", badge("<new>")).expect("write_html");
    html!(w, <p>{badge("two")}</p>).expect("html");
    assert_eq!(w.as_str(), r#"<p><b class="badge">&lt;new&gt;</b></p><p><b class="badge">two</b></p>"#);
}

#[derive(Debug, Deserialize, PartialEq)]
struct NoteForm {
    title: String,
    stars: u8,
    tags: Vec<String>,
    due: Option<u32>,
}

#[derive(LiveEvent, Debug, PartialEq)]
enum NoteMsg {
    Open {
        id: u64,
    },
    Rename {
        title: String,
        #[event(default)]
        silent: bool,
    },
    Filter {
        tag: Option<String>,
    },
    #[event(name = "save-note")]
    Save(NoteForm),
    NewWindow,
}

fn payload(json: serde_json::Value) -> Payload {
    serde_json::from_value(json).expect("payload")
}

#[test]
fn event_names_are_snake_case_or_named() {
    assert_eq!(NoteMsg::EVENTS, ["open", "rename", "filter", "save-note", "new_window"]);
    assert_eq!(NoteMsg::NewWindow.event_name(), "new_window");
    assert_eq!(NoteMsg::event_of_variant("Save"), "save-note");
}

#[test]
fn payload_fields_decode_leniently() {
    let open = NoteMsg::from_event("open", &payload(serde_json::json!({"id": "42"}))).expect("open");
    assert_eq!(open, NoteMsg::Open { id: 42 });
    let rename = NoteMsg::from_event("rename", &payload(serde_json::json!({"title": 7}))).expect("rename");
    assert_eq!(rename, NoteMsg::Rename { title: "7".into(), silent: false });
    let filter = NoteMsg::from_event("filter", &Payload::default()).expect("filter");
    assert_eq!(filter, NoteMsg::Filter { tag: None });
    let form = serde_json::json!({"title": "Groceries", "stars": "3", "tags": "home", "due": ""});
    let save = NoteMsg::from_event("save-note", &payload(form)).expect("save");
    assert_eq!(
        save,
        NoteMsg::Save(NoteForm { title: "Groceries".into(), stars: 3, tags: vec!["home".into()], due: None })
    );
}

#[test]
fn a_bad_payload_is_bad_payload_naming_the_field() {
    let err = NoteMsg::from_event("open", &payload(serde_json::json!({"id": "forty"}))).expect_err("bad id");
    assert_eq!(err.code(), "bad_payload");
    assert!(err.message().contains("`id`"), "{}", err.message());
    let err = NoteMsg::from_event("open", &Payload::default()).expect_err("missing id");
    assert_eq!((err.code(), err.message()), ("bad_payload", "bad payload for `open`: missing field `id`"));
    let form = serde_json::json!({"title": "x", "stars": "lots", "tags": []});
    let err = NoteMsg::from_event("save-note", &payload(form)).expect_err("bad stars");
    assert_eq!(err.code(), "bad_payload");
    assert!(err.message().contains("field `stars`"), "{}", err.message());
    let err = NoteMsg::from_event("save", &Payload::default()).expect_err("not the name");
    assert_eq!(err.code(), "unknown_event");
}

/// A small notes list: typed events, a keyed list, a slot, a child component.
#[derive(Default)]
struct Notes {
    base: BaseComponent,
    notes: Vec<(u64, String)>,
    saved: u32,
}

#[derive(LiveEvent)]
enum NotesMsg {
    Add { title: String },
    Remove { id: u64 },
    Reverse,
}

#[component]
impl Component for Notes {
    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        html! {
            <main data-live-view="notes">
                <p>"Saved " <span slot:saved>{self.saved}</span></p>
                <ul>
                    for (id, title) in &self.notes key = id {
                        <li>{title} " " <button lv-click={NotesMsg::Remove { id: *id }}>"×"</button></li>
                    }
                </ul>
                <button lv-click={NotesMsg::Reverse}>"Reverse"</button>
                {self.child::<Stars>("stars", self.notes.len())}
            </main>
        }
        .into()
    }

    async fn handle_event(&mut self, _ctx: &Context, msg: NotesMsg) -> HandlerResult {
        match msg {
            NotesMsg::Add { title } => {
                let id = self.notes.iter().map(|n| n.0).max().unwrap_or(0) + 1;
                self.notes.push((id, title));
                self.saved += 1;
            }
            NotesMsg::Remove { id } => self.notes.retain(|n| n.0 != id),
            NotesMsg::Reverse => self.notes.reverse(),
        }
        Ok(())
    }
}

impl OnOutput<Stars> for Notes {}

#[derive(Default)]
struct Stars {
    base: BaseComponent,
}

#[component]
impl ChildComponent for Stars {
    type Props = usize;
    type Msg = ();
    type Output = ();
    const TAG: &'static str = "aside";

    fn render<'a>(&'a self, _ctx: &Context, props: &'a usize) -> Renderer<'a> {
        html! { <b>{props} " notes"</b> }.into()
    }
}

fn add(title: &str) -> Payload {
    [("title", title)].into_iter().collect()
}

#[tokio::test]
async fn component_attribute_supplies_name_and_base() {
    let notes = Notes::default();
    assert_eq!(notes.name(), "notes");
    assert!(std::ptr::eq(notes.base(), &notes.base));
    assert_eq!(Stars::default().name(), "stars");
}

#[tokio::test]
async fn a_keyed_for_moves_items_by_key_and_a_slot_patches_alone() {
    let mut view = TestView::mount(Notes::default()).await.expect("mount");
    for title in ["milk", "<b>bread</b>", "eggs"] {
        view.event("add", add(title)).await.expect("add");
    }
    assert!(view
        .html()
        .contains(r#"<ul data-list="notes"><li data-key="1">milk <button lv-click="remove" lv-value-id="1">"#));
    assert!(view.html().contains("&lt;b&gt;bread&lt;/b&gt;"));
    assert_eq!(view.slot_text("saved").as_deref(), Some("3"));
    let reply = view.click("reverse").await.expect("reverse");
    let patch = reply.patch.expect("a patch");
    assert!(patch.l.contains_key("notes"), "a reorder is list ops: {patch:?}");
    assert!(patch.h.is_empty() && patch.s.is_empty(), "{patch:?}");
    let reply = view.event("remove", [("id", "2")].into_iter().collect()).await.expect("remove");
    assert!(reply.patch.expect("a patch").l.contains_key("notes"));
    assert!(!view.html().contains("bread"));
    assert!(view.html().contains("<b>2 notes</b>"), "{}", view.html());
    view.terminate().await;
}

#[tokio::test]
async fn a_bad_payload_is_refused_before_the_handler_and_changes_nothing() {
    let mut view = TestView::mount(Notes::default()).await.expect("mount");
    view.event("add", add("milk")).await.expect("add");
    let before = view.html().to_string();
    let err = view.event("remove", [("id", "one")].into_iter().collect()).await.expect_err("bad id");
    assert_eq!(err.code(), "bad_payload");
    assert!(err.to_string().contains("`id`"), "{err}");
    let err = view.event("add", Payload::default()).await.expect_err("no title");
    assert_eq!(err.code(), "bad_payload");
    assert_eq!(view.click("rmove").await.expect_err("unknown").code(), "unknown_event");
    assert_eq!(view.html(), before);
    view.event("add", add("bread")).await.expect("the view goes on");
    assert_eq!(view.slot_text("saved").as_deref(), Some("2"));
    view.terminate().await;
}

#[derive(LiveEvent)]
enum RowMsg {
    Toggle { id: u64, value: bool },
}

#[test]
fn an_event_binding_takes_js_commands_and_a_partial_event() {
    let mut w = Html::new();
    let id = 7u64;
    html!(w,
        <button lv-click={golivekit::Js::new().toggle("#help")}>"Help"</button>
        <input type="checkbox" lv-change={RowMsg::Toggle { id, .. }}>
    )
    .expect("render");
    assert_eq!(
        w.as_str(),
        concat!(
            r#"<button lv-click="[[&quot;toggle&quot;,{&quot;to&quot;:&quot;#help&quot;}]]">Help</button>"#,
            r#"<input type="checkbox" lv-change="toggle" lv-value-id="7">"#
        )
    );
    let msg = RowMsg::from_event("toggle", &payload(serde_json::json!({"id": "7", "value": true}))).expect("toggle");
    let RowMsg::Toggle { id, value } = msg;
    assert_eq!((id, value), (7, true));
}

/// A note editor: the body is a textarea slot.
#[derive(Default)]
struct Pad {
    base: BaseComponent,
    body: String,
}

#[derive(LiveEvent)]
enum PadMsg {
    Set { body: String },
}

#[component]
impl Component for Pad {
    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        html! { <div data-live-view="pad"><textarea name="body" slot:body>{self.body}</textarea></div> }.into()
    }

    async fn handle_event(&mut self, _ctx: &Context, msg: PadMsg) -> HandlerResult {
        let PadMsg::Set { body } = msg;
        self.body = body;
        Ok(())
    }
}

#[tokio::test]
async fn a_textarea_slot_patch_carries_the_text_exactly() {
    let mut view = TestView::mount(Pad::default()).await.expect("mount");
    for body in ["\nfirst line was blank", "plain", "\n\ntwo", ""] {
        let reply = view.event("set", [("body", body)].into_iter().collect()).await.expect("set");
        if let Some(patch) = reply.patch {
            assert_eq!(patch.s.get("body").map(String::as_str), Some(body), "{patch:?}");
        }
        assert_eq!(view.slot_text("body").as_deref(), Some(body));
    }
    view.terminate().await;
}

#[derive(LiveEvent)]
enum ChartMsg {
    Set { month: String, value: u32 },
    Zoom,
}

/// A bar chart as a desktop app draws one: inline SVG with a keyed list of bars.
#[derive(Default)]
struct Chart {
    base: BaseComponent,
    bars: Vec<(String, u32)>,
    zoomed: bool,
}

#[component]
impl Component for Chart {
    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        let view_box = if self.zoomed { "0 0 50 20" } else { "0 0 100 40" };
        html! {
            <figure>
                <svg viewBox={view_box} preserveAspectRatio="none" data-slot="plot">
                    <defs><linearGradient id="fill"><stop offset="0" /></linearGradient></defs>
                    <g data-list="bars">
                        for (month, value) in &self.bars key = month {
                            <rect x="0" height={value} fill="url(#fill)"><title>{month}</title></rect>
                        }
                    </g>
                </svg>
                <button lv-click={ChartMsg::Zoom}>"zoom"</button>
            </figure>
        }
        .into()
    }

    async fn handle_event(&mut self, _ctx: &Context, msg: ChartMsg) -> HandlerResult {
        match msg {
            ChartMsg::Set { month, value } => match self.bars.iter_mut().find(|b| b.0 == month) {
                Some(bar) => bar.1 = value,
                None => self.bars.push((month, value)),
            },
            ChartMsg::Zoom => self.zoomed = !self.zoomed,
        }
        Ok(())
    }
}

#[tokio::test]
async fn an_svg_chart_patches_keep_svg_names_and_hostile_labels_inert() {
    let mut view = TestView::mount(Chart::default()).await.expect("mount");
    assert!(
        view.html().contains(r#"<svg data-slot="plot" preserveAspectRatio="none" viewBox="0 0 100 40">"#),
        "{}",
        view.html()
    );
    assert!(view.html().contains("<linearGradient id=\"fill\">"), "{}", view.html());
    let set = |month: &str, value: &str| -> Payload { [("month", month), ("value", value)].into_iter().collect() };
    view.event("set", set("jan", "10")).await.expect("add a bar");
    let reply = view.event("set", set("</title><img src=x onerror=alert(1)>", "7")).await.expect("hostile label");
    assert!(reply.patch.expect("a patch").l.contains_key("bars"), "a new bar is a list insert");
    fn names(nodes: &[Node], out: &mut Vec<String>) {
        for n in nodes {
            if let Node::Element(e) = n {
                out.push(e.name.clone());
                names(&e.children, out);
            }
        }
    }
    let mut all = vec![];
    names(&parse_fragment(view.html()), &mut all);
    assert!(!all.iter().any(|n| n == "img"), "{}", view.html());
    let reply = view.click("zoom").await.expect("zoom");
    let patch = reply.patch.expect("a patch");
    assert_eq!(patch.a["plot"].get("viewBox"), Some(&Some("0 0 50 20".to_owned())), "{patch:?}");
    assert!(view.html().contains(r#"viewBox="0 0 50 20""#), "{}", view.html());
    let svg = parse_fragment(view.html());
    let Node::Element(root) = &svg[0] else { panic!() };
    let figure = children(root)[0];
    let plot = children(figure)[0];
    assert_eq!((plot.name.as_str(), plot.ns), ("svg", golivekit::dom::Namespace::Svg));
    view.terminate().await;
}

#[test]
fn svg_content_is_escaped_text_and_html_goes_in_foreign_object() {
    let label = "<b>x</b> & y";
    let mut w = Html::new();
    html!(w,
        <svg viewBox="0 0 10 10">
            <style>".a > b { fill: red } /* & */"</style>
            <title>{label}</title>
            <foreignObject><p>"HTML " <b>{label}</b></p></foreignObject>
            <circle r="1" />
        </svg>
    )
    .expect("render");
    let html = w.into_string();
    // In SVG, `<style>` is not raw text: its text is escaped like any other (the browser reads
    // entities and markup there), and an expression may go in a `<title>`.
    assert!(html.contains("<style>.a &gt; b { fill: red } /* &amp; */</style>"), "{html}");
    let nodes = parse_fragment(&html);
    let svg = element(&nodes);
    assert_eq!(svg.ns, golivekit::dom::Namespace::Svg);
    let kids = children(svg);
    assert_eq!(text(kids[0]), ".a > b { fill: red } /* & */");
    assert_eq!(text(kids[1]), label);
    assert_eq!(children(kids[2])[0].ns, golivekit::dom::Namespace::Html, "HTML inside foreignObject");
    assert_eq!((kids[3].name.as_str(), kids[3].ns), ("circle", golivekit::dom::Namespace::Svg));
}
