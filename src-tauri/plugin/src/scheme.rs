//! The `golive://` URI scheme: serves each window's initial document (the view's first render)
//! and the app's bundled assets. Nothing else is served.

use std::sync::Arc;

use golivekit::LiveRuntime;
use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Runtime, UriSchemeContext, UriSchemeResponder};

/// The scheme name.
pub const SCHEME: &str = "golive";

/// A path with a file extension is an asset request (`/favicon.ico`, `/img/logo.png`), never a
/// route: it must not replace the window's view.
fn is_asset_path(path: &str) -> bool {
    path.rsplit('/').next().is_some_and(|last| last.contains('.'))
}

/// Only a navigation of the window (WebKit sends `Accept: text/html,…` for those) gets a document
/// and so replaces the window's view. Images, fetches and other subresources asking for a route
/// path must never remount or terminate anything: they get the app's assets or a 404.
fn is_document_request(accept: &str, path: &str) -> bool {
    accept.split(',').any(|t| t.trim().starts_with("text/html")) && !is_asset_path(path)
}

pub(crate) fn handle<R: Runtime>(
    runtime: Arc<LiveRuntime>,
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    let window = ctx.webview_label().to_owned();
    let path = request.uri().path().to_owned();
    let query = request.uri().query().unwrap_or_default().to_owned();
    let accept = request.headers().get(header::ACCEPT).and_then(|v| v.to_str().ok()).unwrap_or_default();
    if !is_document_request(accept, &path) {
        tracing::debug!(window, path, accept, "golive:// subresource request");
        responder.respond(asset(&app, &path));
        return;
    }
    let csp = app.config().app.security.csp.as_ref().map(|c| c.to_string());
    tauri::async_runtime::spawn(async move {
        let doc = runtime.document(&window, &path, &query).await;
        tracing::debug!(window, path, status = doc.status, view = ?doc.view_id, "document served");
        let mut response = Response::builder()
            .status(doc.status)
            .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
            .header(header::CACHE_CONTROL, "no-store");
        if let Some(csp) = csp {
            response = response.header(header::CONTENT_SECURITY_POLICY, csp);
        }
        responder.respond(response.body(doc.html.into_bytes()).unwrap_or_else(|e| internal_error(&e)));
    });
}

fn asset<R: Runtime>(app: &tauri::AppHandle<R>, path: &str) -> Response<Vec<u8>> {
    match app.asset_resolver().get(path.to_owned()) {
        Some(asset) => Response::builder()
            .header(header::CONTENT_TYPE, asset.mime_type)
            .body(asset.bytes)
            .unwrap_or_else(|e| internal_error(&e)),
        None => Response::builder()
            .status(StatusCode::NOT_FOUND)
            .header(header::CONTENT_TYPE, "text/plain")
            .body(format!("no asset at {path}").into_bytes())
            .unwrap_or_else(|e| internal_error(&e)),
    }
}

fn internal_error(e: &dyn std::fmt::Display) -> Response<Vec<u8>> {
    let mut r = Response::new(format!("internal error: {e}").into_bytes());
    *r.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    r
}

#[cfg(test)]
mod tests {
    use super::{is_asset_path, is_document_request};

    const NAVIGATION: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    #[test]
    fn only_navigations_to_routes_are_document_requests() {
        assert!(is_document_request(NAVIGATION, "/counter"));
        assert!(!is_document_request("*/*", "/counter"), "fetch()");
        assert!(!is_document_request("image/webp,image/*,*/*;q=0.8", "/counter"), "<img>");
        assert!(!is_document_request(NAVIGATION, "/favicon.ico"));
        assert!(!is_document_request("", "/"));
    }

    #[test]
    fn routes_are_not_asset_paths_but_files_are() {
        assert!(!is_asset_path("/"));
        assert!(!is_asset_path("/counter"));
        assert!(!is_asset_path("/todo/42"));
        assert!(is_asset_path("/favicon.ico"));
        assert!(is_asset_path("/img/logo.png"));
    }
}
