//! [`Layout`]: the HTML document around a rendered root, and the error documents.

use crate::render::Raw;

/// The document shell every view is served in.
///
/// ```
/// use golivekit::{Layout, Raw};
/// let layout = Layout::new("My app").head(Raw::new("<style>body{margin:0}</style>"));
/// let doc = layout.document("Counter", r#"<div data-live-view="counter"></div>"#);
/// assert!(doc.starts_with("<!doctype html>"));
/// assert!(doc.contains("<title>Counter · My app</title>"));
/// ```
#[derive(Debug, Clone)]
pub struct Layout {
    app_title: String,
    head: Raw,
}

impl Default for Layout {
    fn default() -> Self {
        Self::new("GoliveKit")
    }
}

/// Minimal styles for the built-in error documents.
const ERROR_STYLE: &str = "body{font-family:system-ui,sans-serif;margin:3rem;color:#222}\
.lv-error{max-width:40rem}.lv-error pre{white-space:pre-wrap;background:#f4f4f4;padding:1rem}\
.lv-error button{font-size:1rem;padding:.4rem 1rem}";

impl Layout {
    /// A layout with the app's title.
    pub fn new(app_title: impl Into<String>) -> Self {
        Self { app_title: app_title.into(), head: Raw::default() }
    }

    /// Adds trusted markup to `<head>` (styles, meta tags).
    pub fn head(mut self, markup: Raw) -> Self {
        self.head = Raw::new(format!("{}{}", self.head.as_str(), markup.as_str()));
        self
    }

    /// The full document for a rendered root (`root_html` is trusted: it comes from the renderer).
    pub fn document(&self, page_title: &str, root_html: &str) -> String {
        let title = if page_title.is_empty() {
            html_escape::encode_text(&self.app_title).into_owned()
        } else {
            format!("{} · {}", html_escape::encode_text(page_title), html_escape::encode_text(&self.app_title))
        };
        format!(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{title}</title>{head}</head>\n<body>{root_html}</body></html>\n",
            head = self.head.as_str()
        )
    }

    /// The 404 document for a path no route matches.
    pub fn not_found(&self, path: &str) -> String {
        self.error_document(
            "Not found",
            &format!("No page at {}", html_escape::encode_text(path)),
            "<a href=\"/\">Go to the start page</a>",
        )
    }

    /// The document shown when a view failed (panic or mount error), with a Reload action.
    pub fn crashed(&self, message: &str) -> String {
        self.error_document(
            "Something went wrong",
            &format!("<pre>{}</pre>", html_escape::encode_text(message)),
            "<button type=\"button\" data-lv-reload>Reload</button>",
        )
    }

    fn error_document(&self, heading: &str, body: &str, action: &str) -> String {
        let root = format!(
            "<style>{ERROR_STYLE}</style><main class=\"lv-error\" data-lv-error><h1>{heading}</h1>\
             <p>{body}</p><p>{action}</p></main>"
        );
        self.document(heading, &root)
    }
}
