//! Prints, as one JSON object, what the filter view's page receives over one cycle of the probe's
//! queries: the first document, each reply as the raw JSON text that crosses IPC, and the floor
//! app's reply (its rows' HTML) for the same query. `scripts/page-bench.py` replays them in a
//! WebKitGTK page to time the page's share — parsing the reply and writing the DOM — with no IPC
//! in the way.
//!
//! Run: `cargo run -q --release -p golivekit-webview-bench --example filter_cycle > cycle.json`.

use std::sync::Arc;

use golivekit::protocol::EventRequest;
use golivekit::testing::Discard;
use golivekit::{LiveRuntime, Payload};
use golivekit_webview_bench::{floor_rows, views, QUERIES, ROWS};
use serde_json::json;

fn main() {
    let rt = tokio::runtime::Runtime::new().expect("a tokio runtime");
    let runtime = LiveRuntime::new(views::router());
    let steps = rt.block_on(async {
        let doc = runtime.document("bench", "/filter", "").await;
        let id = doc.view_id.clone().expect("the filter mounts");
        let page = runtime.connect("bench", &id, Arc::new(Discard)).await.expect("connect").page;
        let mut steps = Vec::new();
        for (n, q) in QUERIES.into_iter().enumerate() {
            let payload: Payload = [("value", q)].into_iter().collect();
            let mut req = EventRequest::new(&id, n as u64 + 1, "filter", payload);
            req.page = Some(page);
            let reply = runtime.event("bench", req).await.expect("the view answers");
            let floor = floor_rows(ROWS, q);
            steps.push(json!({
                "q": q,
                "reply": serde_json::to_string(&reply).expect("a reply is JSON"),
                "floor": serde_json::to_string(&floor).expect("a string is JSON"),
            }));
        }
        runtime.shutdown().await;
        json!({ "document": doc.html, "steps": steps })
    });
    println!("{steps}");
}
