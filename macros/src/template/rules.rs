//! What the template checker knows about HTML and about the bridge: void, raw-text, boolean and
//! URL-carrying elements and attributes, and the `lv-*` vocabulary of `ui-bridge/js/bindings.js`
//! (kept in `bindings.json`, which a bridge test compares with the bridge's own list).

/// Elements with no content and no end tag (the runtime's parser has the same list).
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
    "param", "source", "track", "wbr",
];

/// Elements whose content the HTML parser takes as raw text: nothing inside is escaped or parsed,
/// so a template may hold only literal text there, and never the element's end tag.
const RAW_TEXT: &[&str] = &["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"];

/// Attributes whose presence is the value (`disabled`, `checked`, ...): `{expr}` takes a `bool`.
const BOOLEAN: &[&str] = &[
    "allowfullscreen",
    "async",
    "autofocus",
    "autoplay",
    "checked",
    "controls",
    "default",
    "defer",
    "disabled",
    "formnovalidate",
    "hidden",
    "inert",
    "ismap",
    "itemscope",
    "loop",
    "multiple",
    "muted",
    "nomodule",
    "novalidate",
    "open",
    "playsinline",
    "readonly",
    "required",
    "reversed",
    "selected",
];

/// Attributes that hold a URL the browser may navigate to or load.
const URL: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "cite",
    "data",
    "background",
    "ping",
    "manifest",
    "icon",
    "longdesc",
    "codebase",
    "xlink:href",
];

const BINDINGS: &str = include_str!("../../bindings.json");

/// True for a void element (`<br>`, `<input>`).
pub fn is_void(tag: &str) -> bool {
    VOID.contains(&tag)
}

/// True for an HTML tag that, inside `<svg>` or `<math>`, makes the browser's parser close them
/// and read it as HTML (`font` only with `color`, `face` or `size`).
pub fn breaks_out_of_foreign<'a>(tag: &str, mut attrs: impl Iterator<Item = &'a str>) -> bool {
    match tag {
        "b" | "big" | "blockquote" | "body" | "br" | "center" | "code" | "dd" | "div" | "dl" | "dt" | "em"
        | "embed" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "head" | "hr" | "i" | "img" | "li" | "listing"
        | "menu" | "meta" | "nobr" | "ol" | "p" | "pre" | "ruby" | "s" | "small" | "span" | "strong" | "strike"
        | "sub" | "sup" | "table" | "tt" | "u" | "ul" | "var" => true,
        "font" => attrs.any(|a| matches!(a, "color" | "face" | "size")),
        _ => false,
    }
}

/// True for an SVG or MathML element whose content is HTML again (`foreignObject`, `desc`,
/// `title`; `mi`, `mo`, `mn`, `ms`, `mtext`).
pub fn is_integration_point(tag: &str) -> bool {
    matches!(tag, "foreignObject" | "desc" | "title" | "mi" | "mo" | "mn" | "ms" | "mtext")
}

/// True for an element whose content is raw text.
pub fn is_raw_text(tag: &str) -> bool {
    RAW_TEXT.contains(&tag)
}

/// True for an element whose first newline the HTML parser drops.
pub fn drops_leading_newline(tag: &str) -> bool {
    matches!(tag, "textarea" | "pre" | "listing")
}

/// True for a boolean attribute.
pub fn is_boolean(attr: &str) -> bool {
    BOOLEAN.contains(&attr)
}

/// True for an attribute holding a URL.
pub fn is_url(attr: &str) -> bool {
    URL.contains(&attr)
}

/// The names listed under `key` in `bindings.json` (a flat array of strings).
fn list(key: &str) -> Vec<&'static str> {
    let Some(start) = BINDINGS.find(&format!("\"{key}\"")) else { return Vec::new() };
    let rest = &BINDINGS[start..];
    let (Some(open), Some(close)) = (rest.find('['), rest.find(']')) else { return Vec::new() };
    rest[open + 1..close].split(',').map(|s| s.trim().trim_matches('"')).filter(|s| !s.is_empty()).collect()
}

/// The bindings that send an event (`lv-click`, `lv-submit`, ...).
pub fn event_bindings() -> Vec<&'static str> {
    list("events")
}

/// True for a binding that sends an event.
pub fn is_event_binding(attr: &str) -> bool {
    event_bindings().contains(&attr)
}

/// The prefix of payload attributes (`lv-value-`).
pub const VALUE_PREFIX: &str = "lv-value-";

/// Checks an `lv-*` attribute name; `Err` holds the message, with the nearest known name.
pub fn check_binding(attr: &str) -> Result<(), String> {
    if let Some(rest) = attr.strip_prefix(VALUE_PREFIX) {
        return if rest.is_empty() {
            Err("`lv-value-` needs a field name: `lv-value-id=\"3\"`".into())
        } else {
            Ok(())
        };
    }
    let mut known = event_bindings();
    known.extend(list("modifiers"));
    if known.contains(&attr) {
        return Ok(());
    }
    let nearest = known.iter().min_by_key(|k| strsim::levenshtein(k, attr)).copied().unwrap_or("lv-click");
    Err(format!(
        "unknown binding `{attr}`: did you mean `{nearest}`? The bridge knows {}, and `lv-value-*`",
        known.join(", ")
    ))
}

/// Checks a literal URL the way the runtime checks a dynamic one (`golivekit::template::url`):
/// after dropping what browsers ignore (leading spaces and controls, tabs and newlines anywhere),
/// a scheme, if there is one, must be `http`, `https`, `mailto` or `tel`.
pub fn check_url(value: &str) -> Result<(), String> {
    let cleaned: String =
        value.trim_start_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let end = cleaned.find([':', '/', '?', '#']).unwrap_or(cleaned.len());
    if cleaned[end..].starts_with(':') {
        let scheme = cleaned[..end].to_ascii_lowercase();
        if !matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel") {
            return Err(format!(
                "`{scheme}:` URLs are refused here (they can run script or smuggle content); write a relative, \
                 http(s), mailto or tel URL, or pass a `golivekit::TrustedUrl` you built on purpose"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bindings_file_lists_events_and_modifiers() {
        assert!(is_event_binding("lv-click") && is_event_binding("lv-window-keyup"));
        assert!(check_binding("lv-debounce").is_ok() && check_binding("lv-value-id").is_ok());
        let err = check_binding("lv-clik").expect_err("misspelt");
        assert!(err.contains("did you mean `lv-click`"), "{err}");
    }

    #[test]
    fn script_schemes_are_refused_however_they_are_disguised() {
        for bad in ["javascript:alert(1)", " JavaScript:x", "java\tscript:x", "\u{1}vbscript:x", "data:text/html,x"] {
            assert!(check_url(bad).is_err(), "{bad:?}");
        }
        for good in ["/notes", "https://example.com/a:b", "?q=a:b", "#x:y", "mailto:a@b", "notes/a:b", ""] {
            assert!(check_url(good).is_ok(), "{good:?}");
        }
    }
}
