//! URL attributes: what `html!` writes into `href`, `src`, `action`, `formaction` and the other
//! attributes a browser navigates to or loads.
//!
//! A value is checked the way the macro checks a literal: after dropping what browsers ignore
//! (leading spaces and control characters, tabs and newlines anywhere), a scheme, if there is one,
//! must be `http`, `https`, `mailto` or `tel`. Anything else (`javascript:`, `vbscript:`, `data:`,
//! an app's own custom scheme) is written as [`REFUSED`] instead, and a warning is logged. A
//! [`TrustedUrl`] is written as it is: constructing one is the explicit act of trust.

use std::fmt;

/// What a refused URL is replaced with: a URL that goes nowhere.
pub const REFUSED: &str = "about:invalid#lv-refused-url";

/// A URL written into a URL attribute without the scheme check (still escaped as an attribute).
///
/// ```
/// use golivekit::{html, Html, TrustedUrl};
/// let mut w = Html::new();
/// let link = TrustedUrl::new("tauri://localhost/help");
/// html!(w, <a href={link}>"Help"</a>).unwrap();
/// assert_eq!(w.as_str(), r#"<a href="tauri://localhost/help">Help</a>"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedUrl(String);

impl TrustedUrl {
    /// Marks `url` as trusted.
    pub fn new(url: impl Into<String>) -> Self {
        TrustedUrl(url.into())
    }

    /// The URL.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// True when `url` may go into a URL attribute unchecked (see the module docs).
///
/// ```
/// use golivekit::template::is_safe_url;
/// assert!(is_safe_url("/notes/3") && is_safe_url("https://example.com/a:b"));
/// assert!(!is_safe_url("javascript:alert(1)") && !is_safe_url(" java\tscript:x"));
/// ```
pub fn is_safe_url(url: &str) -> bool {
    let cleaned: String =
        url.trim_start_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let end = cleaned.find([':', '/', '?', '#']).unwrap_or(cleaned.len());
    if !cleaned[end..].starts_with(':') {
        return true;
    }
    matches!(cleaned[..end].to_ascii_lowercase().as_str(), "http" | "https" | "mailto" | "tel")
}

/// A value `html!` can write into a URL attribute: anything `Display` (checked) or a
/// [`TrustedUrl`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be written into a URL attribute",
    label = "not `Display` and not a `TrustedUrl`"
)]
pub trait UrlValue {
    /// Writes the URL, escaped, replacing a refused one with [`REFUSED`].
    fn write_url(&self, w: &mut crate::Html) -> fmt::Result;
}

impl<T: fmt::Display + ?Sized> UrlValue for T {
    fn write_url(&self, w: &mut crate::Html) -> fmt::Result {
        let url = self.to_string();
        if is_safe_url(&url) {
            w.text(&url);
        } else {
            tracing::warn!(url = %url.chars().take(80).collect::<String>(), "refused a URL attribute's scheme");
            w.raw(REFUSED);
        }
        Ok(())
    }
}

impl UrlValue for TrustedUrl {
    fn write_url(&self, w: &mut crate::Html) -> fmt::Result {
        w.text(&self.0);
        Ok(())
    }
}
