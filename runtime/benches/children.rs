//! Components inside components (issue 13): a parent holding N keyed child components
//! (10 / 100 / 1,000 / 10,000), each child a small counter row.
//!
//! - `child_event/N`: one child's event — the whole server side of a click inside a child
//!   (mailbox hop, the child's `handle_event`, its render and diff, the patch with its region,
//!   the reply). Goal: flat from 10 to 1,000 children (within 1.5×), ≤ 20 µs at 1,000; at
//!   10,000 the one-row change of issue 16 without comparing the whole view's render.
//! - `parent_event/N`: an event on the parent that changes none of its children's props: the
//!   parent renders and diffs, every child's props are compared, no child renders (counted and
//!   printed).
//!
//! Also printed: the JSON size of one child event's patch at each N (it should not grow with N).
//!
//! Run: `cargo bench -p golivekit --bench children` (`-- --test` runs each once).

#![allow(missing_docs)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use golivekit::protocol::EventRequest;
use golivekit::testing::Discard;
use golivekit::{
    async_trait, write_html, BaseComponent, ChildComponent, Component, Context, HandlerResult, Html, LiveRuntime,
    OnOutput, Params, Payload, Renderer, RendererFunc, Router, Session,
};

static CHILD_RENDERS: AtomicUsize = AtomicUsize::new(0);

#[derive(Default)]
struct Row {
    base: BaseComponent,
    n: u64,
}

#[async_trait]
impl ChildComponent for Row {
    type Props = String;
    type Msg = ();
    type Output = ();
    const TAG: &'static str = "li";
    fn name(&self) -> &'static str {
        "row"
    }
    fn base(&self) -> &BaseComponent {
        &self.base
    }
    fn render<'a>(&'a self, _: &Context, label: &'a String) -> Renderer<'a> {
        CHILD_RENDERS.fetch_add(1, Ordering::Relaxed);
        RendererFunc(move |_: &Context, w: &mut Html| {
            write_html!(
                w,
                r#"<span class="label">{}</span> <b data-slot="n">{}</b> <button lv-click="inc">+</button>"#,
                label,
                self.n
            )
        })
        .into()
    }
    async fn handle_event(&mut self, _: &Context, _: &str, _: &Payload) -> HandlerResult {
        self.n += 1;
        Ok(())
    }
}

#[derive(Default)]
struct Parent {
    base: BaseComponent,
    rows: Vec<String>,
    clicks: u64,
}

impl OnOutput<Row> for Parent {}

#[async_trait]
impl Component for Parent {
    fn name(&self) -> &'static str {
        "parent"
    }
    fn base(&self) -> &BaseComponent {
        &self.base
    }
    async fn mount(&mut self, _: &Context, params: &Params, _: &Session) -> HandlerResult {
        let n = params.get_as::<usize>("n").unwrap_or(10);
        self.rows = (0..n).map(|i| format!("Row {i}")).collect();
        Ok(())
    }
    fn render(&self, _: &Context) -> Renderer<'_> {
        let rows: Vec<_> =
            self.rows.iter().enumerate().map(|(i, r)| self.child::<Row>(format!("r{i}"), r.clone())).collect();
        RendererFunc(move |_: &Context, w: &mut Html| {
            write_html!(
                w,
                r#"<div data-live-view="parent"><p>Clicks: <b data-slot="clicks">{}</b></p><ul data-list="rows">"#,
                self.clicks
            )?;
            for row in &rows {
                write_html!(w, "{}", row)?;
            }
            w.raw("</ul></div>");
            Ok(())
        })
        .into()
    }
    async fn handle_event(&mut self, _: &Context, _: &str, _: &Payload) -> HandlerResult {
        self.clicks += 1;
        Ok(())
    }
}

struct Page {
    window: String,
    id: String,
    page: u64,
    next: u64,
}

impl Page {
    fn request(&mut self, cid: Option<u64>) -> EventRequest {
        self.next += 1;
        let mut req = EventRequest::new(&self.id, self.next, "inc", Payload::default());
        req.page = Some(self.page);
        req.cid = cid;
        req
    }
}

async fn mount(runtime: &LiveRuntime, n: usize) -> Page {
    let window = format!("w{n}");
    let doc = runtime.document(&window, "/parent", &format!("n={n}")).await;
    let id = doc.view_id.expect("the parent mounts");
    let page = runtime.connect(&window, &id, Arc::new(Discard)).await.expect("connects").page;
    Page { window, id, page, next: 0 }
}

async fn events(runtime: &LiveRuntime, page: &mut Page, cid: Option<u64>, iters: u64) -> Duration {
    let start = Instant::now();
    for _ in 0..iters {
        let req = page.request(cid);
        std::hint::black_box(runtime.event(&page.window, req).await.expect("answered"));
    }
    start.elapsed()
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
    let runtime = LiveRuntime::new(Router::new().route("/parent", Parent::default));
    let sizes = [10usize, 100, 1000, 10_000];
    let mut pages: Vec<Page> = sizes.iter().map(|&n| rt.block_on(mount(&runtime, n))).collect();

    for (page, &n) in pages.iter_mut().zip(&sizes) {
        let cid = Some(n as u64 / 2);
        let req = page.request(cid);
        let reply = rt.block_on(runtime.event(&page.window, req)).expect("answered");
        let bytes = serde_json::to_string(&reply.patch).expect("json").len();
        let before = CHILD_RENDERS.load(Ordering::Relaxed);
        let req = page.request(None);
        rt.block_on(runtime.event(&page.window, req)).expect("answered");
        let rendered = CHILD_RENDERS.load(Ordering::Relaxed) - before;
        println!("children/{n}: one child event's patch is {bytes} bytes of JSON; a parent event rendered {rendered} children");
    }

    let mut group = c.benchmark_group("child_event");
    for (page, &n) in pages.iter_mut().zip(&sizes) {
        let cid = Some(n as u64 / 2);
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter_custom(|iters| rt.block_on(events(&runtime, page, cid, iters)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("parent_event");
    for (page, &n) in pages.iter_mut().zip(&sizes) {
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter_custom(|iters| rt.block_on(events(&runtime, page, None, iters)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
