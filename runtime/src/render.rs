//! Rendering: [`Renderer`], [`RendererFunc`], the [`Html`] writer and escaping.
//!
//! Escaping is the default. [`write_html!`](crate::write_html) escapes every interpolated value;
//! only a [`Raw`] value is written as markup, so trusting markup is visible in the types.
//!
//! What the escaper does: in interpolated values, `&`, `<`, `>`, `"` and `'` become
//! `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#x27;` (via `html-escape`'s
//! `encode_quoted_attribute`), so a value is safe both as text and inside a quoted attribute.

use std::fmt::{self, Write};

use crate::context::Context;

/// The buffer a renderer writes HTML into. Implements [`std::fmt::Write`]; whatever is written with
/// `write_str`/`write!` is taken as markup, so prefer [`write_html!`](crate::write_html) for values.
#[derive(Debug, Default, Clone)]
pub struct Html {
    buf: String,
}

impl Html {
    /// An empty buffer.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty buffer with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        Html { buf: String::with_capacity(capacity) }
    }

    /// Appends `text`, escaped.
    #[inline]
    pub fn text(&mut self, text: &str) {
        escape_into(text, &mut self.buf);
    }

    /// Appends a signed integer (digits need no escaping), without the formatting machinery.
    #[inline]
    pub fn int(&mut self, n: i64) {
        if n < 0 {
            self.buf.push('-');
        }
        self.uint(n.unsigned_abs());
    }

    /// Appends an unsigned integer, without the formatting machinery.
    #[inline]
    pub fn uint(&mut self, mut n: u64) {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        // Only ASCII digits were written, so this never fails.
        self.buf.push_str(std::str::from_utf8(&digits[i..]).unwrap_or_default());
    }

    /// Appends a `Display` value, escaped, without an intermediate string.
    pub fn display<T: fmt::Display + ?Sized>(&mut self, value: &T) -> fmt::Result {
        write!(EscapeInto(&mut self.buf), "{value}")
    }

    /// Makes room for `additional` more bytes.
    #[inline]
    pub fn reserve(&mut self, additional: usize) {
        self.buf.reserve(additional);
    }

    /// Appends trusted markup as is.
    #[inline]
    pub fn raw(&mut self, markup: &str) {
        self.buf.push_str(markup);
    }

    /// The HTML written so far.
    pub fn as_str(&self) -> &str {
        &self.buf
    }

    /// Consumes the buffer.
    pub fn into_string(self) -> String {
        self.buf
    }
}

impl Write for Html {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.buf.push_str(s);
        Ok(())
    }
}

/// Trusted markup: written into HTML unescaped. Constructing one is the explicit act of trust.
///
/// `Raw` deliberately does not implement `Display`, so it cannot slip through a plain `format!`.
///
/// ```
/// use golivekit::{write_html, Html, Raw};
/// let mut w = Html::new();
/// write_html!(w, "<p>{}{}</p>", "<b>", Raw::new("<b>bold</b>")).unwrap();
/// assert_eq!(w.as_str(), "<p>&lt;b&gt;<b>bold</b></p>");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Raw(String);

impl Raw {
    /// Marks `markup` as trusted.
    pub fn new(markup: impl Into<String>) -> Self {
        Raw(markup.into())
    }

    /// The markup.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// How a value is written into HTML: escaped (everything `Display`), as is ([`Raw`]), or as the
/// markup it makes (an `html!` template, a child component's slot).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be written into HTML",
    label = "not `Display`, `Raw`, a template or a child slot",
    note = "text is written from `Display` values (escaped); convert the value, or implement `Display` for it"
)]
pub trait ToHtml {
    /// Writes `self` into `out`.
    fn write_html(&self, out: &mut dyn Write) -> fmt::Result;

    /// Writes `self` into an [`Html`] buffer (what `html!` calls; the default goes through
    /// [`write_html`](Self::write_html)).
    fn write_into(&self, out: &mut Html) -> fmt::Result {
        self.write_html(out)
    }
}

impl<T: fmt::Display + ?Sized> ToHtml for T {
    fn write_html(&self, out: &mut dyn Write) -> fmt::Result {
        write!(Escaper(out), "{self}")
    }

    fn write_into(&self, out: &mut Html) -> fmt::Result {
        out.display(self)
    }
}

/// Escapes straight into a buffer's string.
struct EscapeInto<'a>(&'a mut String);

impl Write for EscapeInto<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        escape_into(s, self.0);
        Ok(())
    }
}

/// The five escaped bytes.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    table[b'&' as usize] = true;
    table[b'<' as usize] = true;
    table[b'>' as usize] = true;
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table
};

/// The entity for one of the five escaped bytes.
#[inline]
fn entity(b: u8) -> Option<&'static str> {
    match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#x27;"),
        _ => None,
    }
}

/// Appends `text` to `out` with `&`, `<`, `>`, `"` and `'` escaped (the same five characters and
/// entities as `html_escape::encode_quoted_attribute`, which a test holds it to): runs without
/// any of them are copied whole.
#[inline]
pub fn escape_into(text: &str, out: &mut String) {
    // Writing into a String cannot fail.
    let _ = escape_to(text, out);
}

/// [`escape_into`] for any writer: the one escaping loop, also behind `write_html!`.
#[inline]
fn escape_to<W: Write + ?Sized>(text: &str, out: &mut W) -> fmt::Result {
    let bytes = text.as_bytes();
    // Most text has nothing to escape: one branch-free pass, then one copy.
    if !bytes.iter().fold(false, |any, &b| any | SPECIAL[b as usize]) {
        return out.write_str(text);
    }
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let Some(entity) = entity(b) else { continue };
        // `i` is at an ASCII byte, so both slices end on character boundaries.
        out.write_str(&text[start..i])?;
        out.write_str(entity)?;
        start = i + 1;
    }
    out.write_str(&text[start..])
}

impl ToHtml for Raw {
    fn write_html(&self, out: &mut dyn Write) -> fmt::Result {
        out.write_str(&self.0)
    }
}

struct Escaper<'a>(&'a mut dyn Write);

impl Write for Escaper<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        escape_to(s, self.0)
    }
}

/// Adapter used by [`write_html!`](crate::write_html): displays a value through [`ToHtml`].
#[doc(hidden)]
pub struct Interp<'a, T: ToHtml + ?Sized>(pub &'a T);

impl<T: ToHtml + ?Sized> fmt::Display for Interp<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write_html(f)
    }
}

/// Rejects `{name}` captures in a `write_html!` template at compile time: an inline capture would
/// bypass escaping, so every value has to be a positional argument.
#[doc(hidden)]
pub const fn template_has_inline_capture(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'{' {
            if i + 1 < b.len() && b[i + 1] == b'{' {
                i += 2;
                continue;
            }
            if i + 1 < b.len() && (b[i + 1].is_ascii_alphabetic() || b[i + 1] == b'_') {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// `write!` for HTML: the template is trusted markup, every argument is escaped unless it is
/// [`Raw`]. Arguments must be positional (`{}`, `{:>4}`); `{name}` captures are a compile error.
///
/// ```
/// use golivekit::{write_html, Html};
/// let mut w = Html::new();
/// let name = "Tom & <Jerry>";
/// write_html!(w, r#"<span title="{}">{}</span>"#, name, 3).unwrap();
/// assert_eq!(w.as_str(), r#"<span title="Tom &amp; &lt;Jerry&gt;">3</span>"#);
/// ```
///
/// ```compile_fail
/// use golivekit::{write_html, Html};
/// let mut w = Html::new();
/// let name = "<script>";
/// write_html!(w, "<p>{name}</p>").unwrap(); // inline capture: refused
/// ```
#[macro_export]
macro_rules! write_html {
    ($w:expr, $fmt:literal $(, $arg:expr)* $(,)?) => {{
        const _: () = assert!(
            !$crate::render::template_has_inline_capture($fmt),
            "write_html!: pass values as positional arguments, not inline captures, so that they are escaped"
        );
        #[allow(unused_imports)]
        use ::std::fmt::Write as _;
        $w.write_fmt(::std::format_args!($fmt $(, $crate::render::Interp(&$arg))*))
    }};
}

/// Something that writes a component's HTML — GoliveKit's `Renderer` interface.
pub trait Render {
    /// Writes the HTML into `w`.
    fn render(&self, ctx: &Context, w: &mut Html) -> fmt::Result;
}

/// A closure as a renderer — GoliveKit's `RendererFunc`.
///
/// ```
/// use golivekit::{write_html, Context, Html, Render, RendererFunc};
/// let count = 2;
/// let r = RendererFunc(move |_ctx: &Context, w: &mut Html| {
///     write_html!(w, r#"<span data-slot="count">{}</span>"#, count)
/// });
/// let mut w = Html::new();
/// r.render(&Context::detached(), &mut w).unwrap();
/// assert_eq!(w.as_str(), r#"<span data-slot="count">2</span>"#);
/// ```
pub struct RendererFunc<F>(pub F);

impl<F: Fn(&Context, &mut Html) -> fmt::Result> Render for RendererFunc<F> {
    fn render(&self, ctx: &Context, w: &mut Html) -> fmt::Result {
        (self.0)(ctx, w)
    }
}

/// What [`Component::render`](crate::Component::render) returns: any [`Render`], boxed.
/// Build one with `RendererFunc(|ctx, w| ...).into()`.
pub struct Renderer<'a>(Box<dyn Render + Send + 'a>);

impl<'a, R: Render + Send + 'a> From<R> for Renderer<'a> {
    fn from(r: R) -> Self {
        Renderer(Box::new(r))
    }
}

impl Renderer<'_> {
    /// Runs the renderer into a fresh string.
    pub fn render_to_string(&self, ctx: &Context) -> Result<String, fmt::Error> {
        self.render_to_string_sized(ctx, 0)
    }

    /// Runs the renderer into a fresh string with room for `capacity` bytes (the last render's
    /// size, say).
    pub fn render_to_string_sized(&self, ctx: &Context, capacity: usize) -> Result<String, fmt::Error> {
        let mut w = Html::with_capacity(capacity);
        self.0.render(ctx, &mut w)?;
        Ok(w.into_string())
    }
}

impl Renderer<'_> {
    /// Runs the renderer into `w`.
    pub fn render(&self, ctx: &Context, w: &mut Html) -> fmt::Result {
        self.0.render(ctx, w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolated_values_are_escaped_for_text_and_attributes() {
        let mut w = Html::new();
        let hostile = r#""><img src=x onerror=alert(1)>'"#;
        crate::write_html!(w, r#"<a title="{}">{}</a>"#, hostile, hostile).expect("write");
        assert!(!w.as_str().contains("<img"));
        assert!(!w.as_str().contains(r#"""><"#));
        assert_eq!(w.as_str().matches("&quot;").count(), 2);
    }

    #[test]
    fn escaper_encodes_exactly_the_documented_characters() {
        let mut w = Html::new();
        crate::write_html!(w, "{}", "&<>\"'/=`x").expect("write");
        assert_eq!(w.as_str(), "&amp;&lt;&gt;&quot;&#x27;/=`x");
    }

    #[test]
    fn escape_into_matches_html_escape_on_every_special_and_multibyte_text() {
        for text in ["", "plain", "&<>\"'", "é<€>😀&", "a'b\"c", "<<>>", "x&"] {
            let mut mine = String::new();
            escape_into(text, &mut mine);
            assert_eq!(mine, html_escape::encode_quoted_attribute(text), "{text:?}");
        }
    }

    #[test]
    fn int_writes_every_integer_as_display_does() {
        for n in [0i64, 7, -7, 10, 1234567890, i64::MIN, i64::MAX] {
            let mut w = Html::new();
            w.int(n);
            assert_eq!(w.as_str(), n.to_string());
        }
        for n in [0u64, 9, 10, u64::MAX] {
            let mut w = Html::new();
            w.uint(n);
            assert_eq!(w.as_str(), n.to_string());
        }
    }

    #[test]
    fn raw_is_written_as_markup() {
        let mut w = Html::new();
        crate::write_html!(w, "{}", Raw::new("<em>x</em>")).expect("write");
        assert_eq!(w.as_str(), "<em>x</em>");
    }

    #[test]
    fn inline_capture_detection_allows_positional_and_escaped_braces() {
        assert!(!template_has_inline_capture("{} {:>3} {{name}} {0}"));
        assert!(template_has_inline_capture("<p>{name}</p>"));
        assert!(template_has_inline_capture("{_x}"));
    }
}
