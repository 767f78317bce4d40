//! External links: a page of the app never turns into a web page. A navigation to an `http(s)`,
//! `mailto:` or `tel:` URL that is not the app's own (its `golive://` pages, or
//! `http(s)://golive.localhost` where the platform maps custom schemes to it) is cancelled, and
//! the URL goes to the system's browser or mail client instead — a link the user clicks, a
//! `location.href = …` in page code, a form posted off-app alike. Other schemes are left to the
//! webview (`about:`, `data:`, `blob:`).
//!
//! Opt-in: [`crate::Builder::external_links`]. The page gets no opener permission: the decision
//! and the call are Rust's, on Tauri's navigation hook.

use std::sync::Arc;

use tauri::{Runtime, Url, Webview};

use crate::scheme::SCHEME;

/// Where external links go.
#[derive(Clone)]
pub enum ExternalLinks {
    /// The system's default browser (or mail client), through `tauri-plugin-opener`.
    SystemBrowser,
    /// A function of the app's (a test's log, a confirmation first, an in-app browser window).
    With(Arc<dyn Fn(&Url) + Send + Sync>),
}

impl ExternalLinks {
    /// External links go to `open`.
    pub fn with(open: impl Fn(&Url) + Send + Sync + 'static) -> Self {
        ExternalLinks::With(Arc::new(open))
    }

    fn open(&self, url: &Url) {
        match self {
            #[cfg(feature = "opener")]
            ExternalLinks::SystemBrowser => {
                if let Err(err) = tauri_plugin_opener::open_url(url.as_str(), None::<&str>) {
                    tracing::warn!(%url, %err, "could not open an external link in the system browser");
                }
            }
            #[cfg(not(feature = "opener"))]
            ExternalLinks::SystemBrowser => {
                tracing::error!(%url, "an external link was not opened: golivekit-tauri was built without `opener`");
            }
            ExternalLinks::With(open) => open(url),
        }
    }
}

/// True when `url` is one of the app's own pages.
fn is_own(url: &Url) -> bool {
    match url.scheme() {
        s if s == SCHEME || s == "tauri" => true,
        "http" | "https" => {
            url.host_str().is_some_and(|h| h == format!("{SCHEME}.localhost") || h == "tauri.localhost")
        }
        _ => false,
    }
}

/// True for a URL that leaves the app: the web, mail, phone.
fn is_external(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https" | "mailto" | "tel") && !is_own(url)
}

/// Tauri's navigation hook: `false` cancels the navigation (and the URL is opened outside).
pub(crate) fn on_navigation<R: Runtime>(links: &ExternalLinks, webview: &Webview<R>, url: &Url) -> bool {
    if !is_external(url) {
        return true;
    }
    tracing::info!(window = %webview.label(), %url, "external link: opened outside the app");
    links.open(url);
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).expect("url")
    }

    #[test]
    fn the_web_mail_and_phone_are_external_and_the_apps_pages_are_not() {
        for external in ["https://tauri.app/", "http://example.com/a?b", "mailto:ann@example.com", "tel:+331234"] {
            assert!(is_external(&url(external)), "{external}");
        }
        for own in [
            "golive://localhost/counter",
            "http://golive.localhost/counter",
            "https://tauri.localhost/",
            "about:blank",
            "data:text/plain,x",
        ] {
            assert!(!is_external(&url(own)), "{own}");
        }
    }
}
