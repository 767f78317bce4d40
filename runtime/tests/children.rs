//! Components inside components (DESIGN §8), from the outside: a board (root) holding keyed item
//! children, each rule of composition checked as a behaviour.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use golivekit::protocol::ServerMessage;
use golivekit::testing::{normalize, TestView};
use golivekit::{
    async_trait, write_html, BaseComponent, ChildComponent, ChildCrash, Component, Context, HandlerError,
    HandlerResult, Html, Info, OnOutput, Payload, Renderer, RendererFunc, TerminateReason,
};

/// What happened, in order: `mount:a`, `render:a`, `update:a`, `terminate:a:Normal`, ...
#[derive(Default, Clone)]
struct Log(Arc<Mutex<Vec<String>>>);

impl Log {
    fn push(&self, entry: String) {
        self.0.lock().expect("the test's setup and steps succeed").push(entry);
    }
    fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.0.lock().expect("the test's setup and steps succeed"))
    }
    fn count(&self, prefix: &str) -> usize {
        self.0.lock().expect("the test's setup and steps succeed").iter().filter(|e| e.starts_with(prefix)).count()
    }
}

fn log(ctx: &Context) -> Arc<Log> {
    ctx.service::<Log>().expect("the test registers a Log")
}

#[derive(Debug, Clone, PartialEq)]
struct ItemProps {
    label: String,
}

enum ItemMsg {
    Reset,
}

#[derive(Debug, PartialEq)]
enum ItemOut {
    Bumped(u32),
    RemoveMe,
}

#[derive(Clone)]
struct Tick;

#[derive(Default)]
struct Item {
    base: BaseComponent,
    key: String,
    n: u32,
    draft: String,
}

#[async_trait]
impl ChildComponent for Item {
    type Props = ItemProps;
    type Msg = ItemMsg;
    type Output = ItemOut;
    const TAG: &'static str = "li";

    fn name(&self) -> &'static str {
        "item"
    }
    fn base(&self) -> &BaseComponent {
        &self.base
    }
    async fn mount(&mut self, ctx: &Context, props: &ItemProps) -> HandlerResult {
        self.key = props.label.clone();
        log(ctx).push(format!("mount:{}", props.label));
        Ok(())
    }
    async fn update(&mut self, ctx: &Context, props: &ItemProps) -> HandlerResult {
        log(ctx).push(format!("update:{}", props.label));
        Ok(())
    }
    fn render<'a>(&'a self, ctx: &Context, props: &'a ItemProps) -> Renderer<'a> {
        log(ctx).push(format!("render:{}", props.label));
        RendererFunc(move |_: &Context, w: &mut Html| {
            write_html!(
                w,
                r#"<span data-slot="label">{}</span> <b data-slot="n">{}</b><input data-slot="draft" value="{}"><button lv-click="bump">+</button>"#,
                props.label,
                self.n,
                self.draft
            )
        })
        .into()
    }
    async fn handle_event(&mut self, ctx: &Context, event: &str, payload: &Payload) -> HandlerResult {
        match event {
            "bump" => {
                self.n += 1;
                self.emit(ctx, ItemOut::Bumped(self.n))?;
            }
            "type" => self.draft = payload.get_str("text").unwrap_or_default().to_owned(),
            "remove" => self.emit(ctx, ItemOut::RemoveMe)?,
            "later" => {
                ctx.send_after(Duration::from_millis(10), Tick);
            }
            "boom" => panic!("item {} exploded", self.key),
            other => return Err(HandlerError::unknown_event(other)),
        }
        Ok(())
    }
    async fn handle_message(&mut self, _ctx: &Context, msg: ItemMsg) -> HandlerResult {
        match msg {
            ItemMsg::Reset => self.n = 0,
        }
        Ok(())
    }
    async fn handle_info(&mut self, _ctx: &Context, msg: Info) -> HandlerResult {
        if msg.downcast_ref::<Tick>().is_some() {
            self.n += 100;
        }
        Ok(())
    }
    async fn terminate(&mut self, ctx: &Context, reason: TerminateReason) {
        log(ctx).push(format!("terminate:{}:{reason:?}", self.key));
    }
}

#[derive(Default)]
struct Board {
    base: BaseComponent,
    /// (key, label) in order.
    items: Vec<(String, String)>,
    bumps: u32,
    title: String,
    crashes: Vec<ChildCrash>,
}

impl Board {
    fn with(keys: &[&str]) -> Self {
        Board { items: keys.iter().map(|k| (k.to_string(), k.to_string())).collect(), ..Board::default() }
    }
}

#[async_trait]
impl OnOutput<Item> for Board {
    async fn on_output(&mut self, _ctx: &Context, key: &str, output: ItemOut) -> HandlerResult {
        match output {
            ItemOut::Bumped(_) => self.bumps += 1,
            ItemOut::RemoveMe => self.items.retain(|(k, _)| k != key),
        }
        Ok(())
    }
}

#[async_trait]
impl Component for Board {
    fn name(&self) -> &'static str {
        "board"
    }
    fn base(&self) -> &BaseComponent {
        &self.base
    }
    fn render(&self, ctx: &Context) -> Renderer<'_> {
        log(ctx).push("render:board".into());
        let items: Vec<_> = self
            .items
            .iter()
            .map(|(k, label)| self.child::<Item>(k.clone(), ItemProps { label: label.clone() }))
            .collect();
        RendererFunc(move |_: &Context, w: &mut Html| {
            write_html!(
                w,
                r#"<main data-live-view="board"><h1 data-slot="title">{}</h1><p data-slot="n">{}</p><ul data-list="items">"#,
                self.title,
                self.bumps
            )?;
            for item in &items {
                write_html!(w, "{}", item)?;
            }
            w.raw(r#"</ul><p data-slot="crashes">"#);
            write_html!(w, "{}</p></main>", self.crashes.len())
        })
        .into()
    }
    async fn handle_event(&mut self, ctx: &Context, event: &str, payload: &Payload) -> HandlerResult {
        let key = payload.get_str("key").unwrap_or_default().to_owned();
        match event {
            "add" => self.items.push((key.clone(), key)),
            "remove" => self.items.retain(|(k, _)| *k != key),
            "relabel" => {
                let label = payload.get_str("label").unwrap_or_default().to_owned();
                if let Some(item) = self.items.iter_mut().find(|(k, _)| *k == key) {
                    item.1 = label;
                }
            }
            "reverse" => self.items.reverse(),
            "move" => {
                let at = |k: &str| payload.get_str(k).and_then(|v| v.parse::<usize>().ok()).unwrap_or(0);
                if !self.items.is_empty() {
                    let item = self.items.remove(at("from") % self.items.len());
                    let to = at("to") % (self.items.len() + 1);
                    self.items.insert(to, item);
                }
            }
            "title" => self.title = payload.get_str("title").unwrap_or_default().to_owned(),
            "reset" => ctx.send_child::<Item>(&key, ItemMsg::Reset)?,
            other => return Err(HandlerError::unknown_event(other)),
        }
        Ok(())
    }
    async fn child_crashed(&mut self, _ctx: &Context, crash: ChildCrash) -> HandlerResult {
        self.crashes.push(crash);
        Ok(())
    }
    async fn terminate(&mut self, ctx: &Context, reason: TerminateReason) {
        log(ctx).push(format!("terminate:board:{reason:?}"));
    }
}

pub(crate) async fn mount(board: Board) -> (TestView, Arc<Log>) {
    let log = Log::default();
    let view = TestView::builder(board).service(log.clone()).mount().await.expect("mount");
    (view, Arc::new(log))
}

fn payload(pairs: &[(&str, &str)]) -> Payload {
    let mut map = serde_json::Map::new();
    for (k, v) in pairs {
        map.insert((*k).into(), (*v).into());
    }
    serde_json::from_value(serde_json::Value::Object(map)).expect("the test's setup and steps succeed")
}

#[tokio::test]
async fn the_first_document_holds_every_childs_content_inside_its_wrapper() {
    let (view, log) = mount(Board::with(&["a", "b"])).await;
    let html = view.html();
    assert!(html.contains(r#"<li data-key="a" data-lv-cid="1"><span data-slot="label">a</span>"#), "{html}");
    assert!(html.contains(r#"<li data-key="b" data-lv-cid="2"><span data-slot="label">b</span>"#), "{html}");
    assert_eq!(log.take(), ["render:board", "mount:a", "mount:b", "render:a", "render:b"]);
}

#[tokio::test]
async fn a_childs_event_renders_and_patches_only_that_child() {
    let (mut view, log) = mount(Board::with(&["a", "b", "c"])).await;
    log.take();
    let mut b = view.child("b").await.expect("the test's setup and steps succeed");
    let cid = b.cid();
    let reply = b.event("type", payload(&[("text", "hello")])).await.expect("the test's setup and steps succeed");
    let patch = reply.patch.expect("a patch");
    assert_eq!(log.take(), ["render:b"], "only b renders");
    assert!(patch.f.is_none() && patch.s.is_empty() && patch.l.is_empty() && patch.h.is_empty());
    assert_eq!(patch.c.keys().copied().collect::<Vec<_>>(), [cid]);
    assert_eq!(patch.c[&cid].a["draft"]["value"].as_deref(), Some("hello"));
    assert!(view.html().contains(r#"value="hello""#));
}

#[tokio::test]
async fn a_parent_render_that_changes_no_props_renders_no_child() {
    let (mut view, log) = mount(Board::with(&["a", "b"])).await;
    log.take();
    let reply = view.event("title", payload(&[("title", "Sprint")])).await.expect("the test's setup and steps succeed");
    assert_eq!(log.take(), ["render:board"]);
    let patch = reply.patch.expect("the test's setup and steps succeed");
    assert_eq!(patch.s["title"], "Sprint");
    assert!(patch.c.is_empty());
}

#[tokio::test]
async fn changed_props_run_update_once_and_rerender_only_that_child() {
    let (mut view, log) = mount(Board::with(&["a", "b"])).await;
    log.take();
    let reply = view
        .event("relabel", payload(&[("key", "b"), ("label", "Bee")]))
        .await
        .expect("the test's setup and steps succeed");
    assert_eq!(log.take(), ["render:board", "update:Bee", "render:Bee"]);
    let patch = reply.patch.expect("the test's setup and steps succeed");
    assert_eq!(patch.c.len(), 1);
    assert_eq!(patch.c.values().next().expect("the test's setup and steps succeed").s["label"], "Bee");
    assert!(patch.l.is_empty(), "the wrapper itself did not change: {patch:?}");
}

#[tokio::test]
async fn a_childs_output_reaches_its_parent_in_the_same_reply() {
    let (mut view, _log) = mount(Board::with(&["a", "b"])).await;
    let reply = view
        .child("a")
        .await
        .expect("the test's setup and steps succeed")
        .click("bump")
        .await
        .expect("the test's setup and steps succeed");
    let patch = reply.patch.expect("the test's setup and steps succeed");
    assert_eq!(patch.s["n"], "1", "the board counted the bump");
    assert_eq!(
        patch.c.values().next().expect("the test's setup and steps succeed").s["n"],
        "1",
        "the item shows its count"
    );
}

#[tokio::test]
async fn a_child_asking_to_be_removed_terminates_once_and_leaves_the_list() {
    let (mut view, log) = mount(Board::with(&["a", "b"])).await;
    log.take();
    let reply = view
        .child("a")
        .await
        .expect("the test's setup and steps succeed")
        .click("remove")
        .await
        .expect("the test's setup and steps succeed");
    let patch = reply.patch.expect("the test's setup and steps succeed");
    assert_eq!(patch.l["items"], vec![golivekit::protocol::ListOp::Remove { key: "a".into() }]);
    assert!(patch.c.is_empty(), "nothing is sent for a child that is gone");
    assert_eq!(log.take(), ["render:board", "terminate:a:Normal"]);
    assert!(view.child("a").await.is_err());
}

#[tokio::test]
async fn an_event_for_a_removed_child_is_unknown_component_and_reaches_no_one() {
    let (mut view, log) = mount(Board::with(&["a", "b"])).await;
    let a = view.child("a").await.expect("the test's setup and steps succeed").cid();
    view.event("remove", payload(&[("key", "a")])).await.expect("the test's setup and steps succeed");
    log.take();
    let err = view.event_to(a, "bump", Payload::default()).await.expect_err("an error");
    assert_eq!(err.code(), "unknown_component");
    assert!(log.take().is_empty(), "neither the parent nor a sibling ran anything");
    // A new child with the same key is a new component with a new id.
    view.event("add", payload(&[("key", "a")])).await.expect("the test's setup and steps succeed");
    let again = view.child("a").await.expect("the test's setup and steps succeed").cid();
    assert_ne!(again, a);
    assert_eq!(view.event_to(a, "bump", Payload::default()).await.expect_err("an error").code(), "unknown_component");
    assert_eq!(view.event_to(999, "bump", Payload::default()).await.expect_err("an error").code(), "unknown_component");
}

#[tokio::test]
async fn a_message_to_a_child_runs_in_the_same_turn_and_a_missing_one_is_not_mounted() {
    let (mut view, _log) = mount(Board::with(&["a"])).await;
    let mut a = view.child("a").await.expect("the test's setup and steps succeed");
    a.click("bump").await.expect("the test's setup and steps succeed");
    a.click("bump").await.expect("the test's setup and steps succeed");
    assert_eq!(a.slot_text("n").as_deref(), Some("2"));
    let reply = view.event("reset", payload(&[("key", "a")])).await.expect("the test's setup and steps succeed");
    assert_eq!(
        reply
            .patch
            .expect("the test's setup and steps succeed")
            .c
            .values()
            .next()
            .expect("the test's setup and steps succeed")
            .s["n"],
        "0"
    );
    let err = view.event("reset", payload(&[("key", "zz")])).await.expect_err("an error");
    assert_eq!(err.code(), "not_mounted");
}

#[tokio::test]
async fn reordering_keyed_children_moves_their_wrappers_and_keeps_their_state() {
    let (mut view, log) = mount(Board::with(&["a", "b", "c"])).await;
    view.child("a")
        .await
        .expect("the test's setup and steps succeed")
        .event("type", payload(&[("text", "A draft")]))
        .await
        .expect("the test's setup and steps succeed");
    view.child("c")
        .await
        .expect("the test's setup and steps succeed")
        .click("bump")
        .await
        .expect("the test's setup and steps succeed");
    log.take();
    let reply = view.event("reverse", Payload::default()).await.expect("the test's setup and steps succeed");
    let patch = reply.patch.expect("the test's setup and steps succeed");
    assert!(patch.c.is_empty(), "no child changed: {patch:?}");
    assert!(patch.l["items"].iter().all(|op| matches!(op, golivekit::protocol::ListOp::Move { .. })));
    assert_eq!(log.take(), ["render:board"]);
    let html = view.html();
    let (c, a) = (
        html.find(r#"data-key="c""#).expect("the test's setup and steps succeed"),
        html.find(r#"data-key="a""#).expect("the test's setup and steps succeed"),
    );
    assert!(c < a, "reversed: {html}");
    assert!(html.contains(r#"value="A draft""#));
    assert_eq!(view.child("c").await.expect("the test's setup and steps succeed").slot_text("n").as_deref(), Some("1"));
}

#[tokio::test]
async fn a_panicking_child_shows_its_fallback_tells_the_parent_and_the_rest_works() {
    let (mut view, log) = mount(Board::with(&["a", "b"])).await;
    log.take();
    let mut a = view.child("a").await.expect("the test's setup and steps succeed");
    let cid = a.cid();
    let err = a.click("boom").await.expect_err("an error");
    assert_eq!(err.code(), "component_crashed");
    assert!(err.to_string().contains("item a exploded"), "{err}");
    assert!(log.take().contains(&"terminate:a:Error(\"panic in handle_event: item a exploded\")".to_string()));
    // The crash's patch (fallback + the parent's count) went out over the channel.
    let msg = view.next_message().await.expect("a pushed patch");
    let ServerMessage::Patch { patch, .. } = msg else { panic!("{msg:?}") };
    assert!(patch.c[&cid].f.as_deref().expect("the test's setup and steps succeed").contains("lv-crashed"));
    assert_eq!(patch.s["crashes"], "1");
    assert!(view.region_html(cid).expect("the test's setup and steps succeed").contains("stopped working"));
    // The sibling and the parent go on; the crashed child refuses events.
    assert_eq!(
        view.child("b")
            .await
            .expect("the test's setup and steps succeed")
            .click("bump")
            .await
            .expect("the test's setup and steps succeed")
            .patch
            .expect("the test's setup and steps succeed")
            .s["n"],
        "1"
    );
    assert_eq!(view.event_to(cid, "bump", Payload::default()).await.expect_err("an error").code(), "unknown_component");
    assert!(view.handle().is_alive());
    // Rendering the key again keeps the fallback; dropping it ends it without a second terminate.
    view.event("title", payload(&[("title", "t")])).await.expect("the test's setup and steps succeed");
    assert!(view.region_html(cid).expect("the test's setup and steps succeed").contains("stopped working"));
    view.event("remove", payload(&[("key", "a")])).await.expect("the test's setup and steps succeed");
    assert_eq!(log.count("terminate:a"), 0);
}

#[tokio::test]
async fn the_views_end_terminates_children_first_each_once() {
    let (view, log) = mount(Board::with(&["a", "b"])).await;
    log.take();
    view.terminate().await;
    assert_eq!(log.take(), ["terminate:b:Normal", "terminate:a:Normal", "terminate:board:Normal"]);
}

#[tokio::test]
async fn a_childs_timer_reaches_that_child_only() {
    let (mut view, log) = mount(Board::with(&["a", "b"])).await;
    let cid = view.child("b").await.expect("the test's setup and steps succeed").cid();
    view.child("b")
        .await
        .expect("the test's setup and steps succeed")
        .click("later")
        .await
        .expect("the test's setup and steps succeed");
    log.take();
    let msg = view.next_message().await.expect("the timer's patch");
    let ServerMessage::Patch { patch, .. } = msg else { panic!("{msg:?}") };
    assert_eq!(patch.c[&cid].s["n"], "100");
    assert!(patch.s.is_empty());
    assert_eq!(log.take(), ["render:b"]);
}

#[tokio::test]
async fn a_removed_childs_timer_never_fires() {
    let (mut view, log) = mount(Board::with(&["a"])).await;
    view.child("a")
        .await
        .expect("the test's setup and steps succeed")
        .click("later")
        .await
        .expect("the test's setup and steps succeed");
    view.event("remove", payload(&[("key", "a")])).await.expect("the test's setup and steps succeed");
    log.take();
    tokio::time::sleep(Duration::from_millis(40)).await;
    assert!(log.take().is_empty());
    assert!(view.messages().is_empty());
}

#[tokio::test]
async fn a_reload_keeps_every_childs_state_and_the_patch_after_it_applies() {
    let (mut view, _log) = mount(Board::with(&["a", "b"])).await;
    view.child("a")
        .await
        .expect("the test's setup and steps succeed")
        .click("bump")
        .await
        .expect("the test's setup and steps succeed");
    let doc = view.handle().document().await.expect("the test's setup and steps succeed");
    assert!(doc.contains(r#"<b data-slot="n">1</b>"#), "{doc}");
    assert_eq!(normalize(&doc), normalize(view.html()));
}

#[tokio::test]
async fn a_resync_brings_every_childs_whole_region() {
    let (mut view, _log) = mount(Board::with(&["a", "b"])).await;
    view.child("b")
        .await
        .expect("the test's setup and steps succeed")
        .click("bump")
        .await
        .expect("the test's setup and steps succeed");
    let whole = view.handle().resync().await.expect("the test's setup and steps succeed");
    assert_eq!(whole.patch.c.len(), 2);
    assert!(whole.patch.c.values().all(|c| c.f.is_some()));
    let html = golivekit::testing::apply_patch(view.html(), &whole.patch);
    assert_eq!(normalize(&html), normalize(view.html()));
}

/// A child with several top-level nodes and no single root.
#[derive(Default)]
struct Pair {
    base: BaseComponent,
}

#[async_trait]
impl ChildComponent for Pair {
    type Props = u32;
    type Msg = ();
    type Output = ();
    fn name(&self) -> &'static str {
        "pair"
    }
    fn base(&self) -> &BaseComponent {
        &self.base
    }
    fn render<'a>(&'a self, _ctx: &Context, n: &'a u32) -> Renderer<'a> {
        RendererFunc(move |_: &Context, w: &mut Html| write_html!(w, r#"<dt>n</dt><dd data-slot="v">{}</dd> tail"#, n))
            .into()
    }
}

#[derive(Default)]
struct Host {
    base: BaseComponent,
    n: u32,
}

impl OnOutput<Pair> for Host {}

#[async_trait]
impl Component for Host {
    fn name(&self) -> &'static str {
        "host"
    }
    fn base(&self) -> &BaseComponent {
        &self.base
    }
    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        let pair = self.child::<Pair>("p", self.n).attr("class", "pair");
        RendererFunc(move |_: &Context, w: &mut Html| {
            write_html!(w, r#"<div data-live-view="host"><dl>{}</dl><i data-slot="v">{}</i></div>"#, pair, self.n)
        })
        .into()
    }
    async fn handle_event(&mut self, _ctx: &Context, _event: &str, _payload: &Payload) -> HandlerResult {
        self.n += 1;
        Ok(())
    }
}

#[tokio::test]
async fn a_child_may_render_several_top_level_nodes_and_its_slots_are_its_own() {
    let mut view = TestView::mount(Host::default()).await.expect("the test's setup and steps succeed");
    assert!(
        view.html().contains(
            r#"<div class="pair" data-key="p" data-lv-cid="1"><dt>n</dt><dd data-slot="v">0</dd> tail</div>"#
        ),
        "{}",
        view.html()
    );
    let reply = view.click("inc").await.expect("the test's setup and steps succeed");
    let patch = reply.patch.expect("the test's setup and steps succeed");
    // Same slot id `v` in parent and child: each patch names its own.
    assert_eq!(patch.s["v"], "1");
    assert_eq!(patch.c[&1].s["v"], "1");
    assert_eq!(view.slot_text("v").as_deref(), Some("1"));
    assert_eq!(view.child("p").await.expect("the test's setup and steps succeed").slot_text("v").as_deref(), Some("1"));
}

mod property {
    //! Random sequences of child inserts, moves, deletes, prop updates and child events: every
    //! surviving child keeps its state, the page ends in the parent's order, and the patched page
    //! equals the view's whole state.
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Step {
        Add(u8),
        Remove(u8),
        Move(u8, u8),
        Relabel(u8, u8),
        Bump(u8),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (0u8..12).prop_map(Step::Add),
            (0u8..12).prop_map(Step::Remove),
            (0u8..12, 0u8..12).prop_map(|(a, b)| Step::Move(a, b)),
            (0u8..12, 0u8..4).prop_map(|(k, l)| Step::Relabel(k, l)),
            (0u8..12).prop_map(Step::Bump),
        ]
    }

    /// The model: (key, label, bumps) in order.
    type Model = Vec<(String, String, u32)>;

    async fn run(steps: Vec<Step>) -> Result<(), TestCaseError> {
        let (mut view, _log) = mount(Board::default()).await;
        let mut model: Model = Vec::new();
        for step in steps {
            match step {
                Step::Add(k) => {
                    let key = format!("k{k}");
                    if model.iter().any(|(m, ..)| *m == key) {
                        continue;
                    }
                    view.event("add", payload(&[("key", &key)])).await.expect("the test's setup and steps succeed");
                    model.push((key.clone(), key, 0));
                }
                Step::Remove(i) if !model.is_empty() => {
                    let key = model.remove(i as usize % model.len()).0;
                    view.event("remove", payload(&[("key", &key)])).await.expect("the test's setup and steps succeed");
                }
                Step::Move(from, to) if !model.is_empty() => {
                    let from = from as usize % model.len();
                    let item = model.remove(from);
                    let to = to as usize % (model.len() + 1);
                    model.insert(to, item);
                    let (f, t) = (from.to_string(), to.to_string());
                    view.event("move", payload(&[("from", &f), ("to", &t)]))
                        .await
                        .expect("the test's setup and steps succeed");
                }
                Step::Relabel(i, l) if !model.is_empty() => {
                    let i = i as usize % model.len();
                    let label = format!("{}-{l}", model[i].0);
                    model[i].1 = label.clone();
                    let key = model[i].0.clone();
                    view.event("relabel", payload(&[("key", &key), ("label", &label)]))
                        .await
                        .expect("the test's setup and steps succeed");
                }
                Step::Bump(i) if !model.is_empty() => {
                    let i = i as usize % model.len();
                    model[i].2 += 1;
                    let key = model[i].0.clone();
                    view.child(&key)
                        .await
                        .expect("the test's setup and steps succeed")
                        .click("bump")
                        .await
                        .expect("the test's setup and steps succeed");
                }
                _ => continue,
            }
            let html = view.html().to_owned();
            let keys: Vec<&str> = html
                .match_indices(r#"data-key=""#)
                .map(|(i, _)| &html[i + 10..])
                .map(|rest| &rest[..rest.find('"').expect("the test's setup and steps succeed")])
                .collect();
            let want: Vec<&str> = model.iter().map(|(k, ..)| k.as_str()).collect();
            prop_assert_eq!(keys, want, "page order follows the parent");
            for (key, label, bumps) in &model {
                let child = view.child(key).await.expect("the test's setup and steps succeed");
                prop_assert_eq!(child.slot_text("n"), Some(bumps.to_string()), "{} kept its state", key);
                prop_assert_eq!(child.slot_text("label"), Some(label.clone()));
            }
            let whole = view.handle().resync().await.expect("the test's setup and steps succeed").patch;
            let expected = golivekit::testing::apply_patch(&html, &whole);
            prop_assert_eq!(normalize(&expected), normalize(&html), "patched page equals the whole state");
        }
        view.terminate().await;
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]
        #[test]
        fn random_child_edits_keep_every_survivors_state_and_the_parents_order(steps in proptest::collection::vec(step(), 1..30)) {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("the test's setup and steps succeed");
            rt.block_on(run(steps))?;
        }
    }
}
