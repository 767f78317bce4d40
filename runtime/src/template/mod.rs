//! `html!`: templates the compiler checks, written into the same [`Html`] buffer as
//! [`write_html!`](crate::write_html) (the two mix freely).
//!
//! # Syntax
//! - **Elements** as in HTML: `<p class="count">…</p>`, void elements without a closing tag
//!   (`<input type="text">`, `<br>` or `<br />`), `<div />` for an empty element. Unclosed or
//!   mismatched tags, a void element with content, and a duplicate attribute are compile errors
//!   at the offending token.
//! - **Text** is a string literal, `"Count: "`, escaped at compile time. Whitespace is exactly what
//!   the literals hold: nothing is added between nodes (`{a} " " {b}`).
//! - **`{expr}`** writes any `Display` value escaped, [`Raw`](crate::Raw) as markup (the one way),
//!   another template, or a child component's [`ChildSlot`](crate::ChildSlot).
//! - **Attributes**: `name="literal"`, `name={expr}` (escaped, `Display`), a bare `name`. Boolean
//!   attributes (`disabled`, `checked`, `selected`, `hidden`, …) take a `bool`: `disabled={busy}`.
//!   URL attributes (`href`, `src`, `action`, `formaction`, …) refuse `javascript:` and every
//!   scheme but `http(s)`, `mailto` and `tel` — at compile time for a literal, at run time for a
//!   value (see [`url`]), unless the value is a [`TrustedUrl`].
//! - **Bindings**: an `lv-*` name the bridge does not know is a compile error naming the nearest
//!   one. An event binding takes a literal name (`lv-click="save"`), a typed event value
//!   (`lv-click={Msg::Pick { id }}`, which also writes the `lv-value-*` of its fields), or a
//!   variant whose fields the page supplies (`lv-submit={Msg::Save}`); see [`event`](crate::event).
//! - **Slots**: `<span slot:count>` is `<span data-slot="count">`; a slot id used twice in one
//!   template is a compile error.
//! - **Control flow**: `if cond { … } else if … { … } else { … }`, `if let`, `match x { Pat => { … } }`,
//!   `for pat in iter { … }`.
//! - **Keyed lists**: `for item in &items key = item.id { <li>…</li> }` as the only content of an
//!   element writes `data-key` on each item and `data-list` on the element (unless it names its
//!   own, `data-list={id}`): the keyed diff then moves, inserts and removes items by key. A `for`
//!   inside a `data-list` element without `key` is a compile error (unless each item is a child
//!   component, whose wrapper carries its own `data-key`).
//! - **Function components** are plain functions returning a template, embedded with `{…}`:
//!   `fn badge(n: u32) -> impl ToHtml { html! { <b class="badge">{n}</b> } }`.
//! - **Raw-text elements** (`script`, `style`, …) take only literal text.
//!
//! `html!(w, …)` writes into `w` (an [`Html`] or `&mut Html`) and returns `fmt::Result`;
//! `html!(…)` returns a [`Template`], which is a [`Render`] (so `.into()` makes it the component's
//! [`Renderer`](crate::Renderer)) and a [`ToHtml`] (so it embeds in other templates).
//!
//! ```
//! use golivekit::{html, Html, Raw, ToHtml};
//!
//! fn badge(n: usize) -> impl ToHtml {
//!     html! { <b class="badge">{n}</b> }
//! }
//!
//! let todos = vec![(1, "Milk & <eggs>"), (2, "Bread")];
//! let mut w = Html::new();
//! html!(w,
//!     <ul class="todos">
//!         for (id, title) in &todos key = id {
//!             <li class={if *id == 1 { "first" } else { "" }}>{title}</li>
//!         }
//!     </ul>
//!     <p>{badge(todos.len())} " left" {Raw::new("<!-- trusted -->")}</p>
//!     <a href={"javascript:alert(1)"}>"no"</a>
//! )
//! .unwrap();
//! assert_eq!(
//!     w.as_str(),
//!     concat!(
//!         r#"<ul class="todos" data-list="todos"><li data-key="1" class="first">Milk &amp; &lt;eggs&gt;</li>"#,
//!         r#"<li data-key="2" class="">Bread</li></ul><p><b class="badge">2</b> left<!-- trusted --></p>"#,
//!         r#"<a href="about:invalid#lv-refused-url">no</a>"#,
//!     )
//! );
//! ```
//!
//! ```compile_fail
//! use golivekit::{html, Html};
//! let mut w = Html::new();
//! html!(w, <button lv-clik="save">"Save"</button>).unwrap(); // did you mean `lv-click`?
//! ```

pub mod url;

use std::fmt;

use crate::context::Context;
use crate::render::{Html, Render, ToHtml};

pub use url::{is_safe_url, TrustedUrl, UrlValue};

/// A template made by `html!(…)`: a [`Render`] and a [`ToHtml`].
pub struct Template<F>(F);

impl<F: Fn(&mut Html) -> fmt::Result> Template<F> {
    /// Wraps the writer `html!` generated.
    pub fn new(write: F) -> Self {
        Template(write)
    }

    /// The template's HTML as a string.
    pub fn to_html_string(&self) -> Result<String, fmt::Error> {
        let mut w = Html::new();
        (self.0)(&mut w)?;
        Ok(w.into_string())
    }
}

impl<F: Fn(&mut Html) -> fmt::Result> ToHtml for Template<F> {
    fn write_html(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        out.write_str(&self.to_html_string()?)
    }

    fn write_into(&self, out: &mut Html) -> fmt::Result {
        (self.0)(out)
    }
}

impl<F: Fn(&mut Html) -> fmt::Result> Render for Template<F> {
    fn render(&self, _ctx: &Context, w: &mut Html) -> fmt::Result {
        (self.0)(w)
    }
}

/// What `html!` calls; not an API.
#[doc(hidden)]
pub mod __private {
    use std::fmt;

    pub use crate::event::__private::event;
    use crate::render::{Html, ToHtml};

    /// The buffer behind `html!(w, …)`'s `w`.
    pub trait AsHtml {
        /// The buffer.
        fn as_html(&mut self) -> &mut Html;
    }

    impl AsHtml for Html {
        fn as_html(&mut self) -> &mut Html {
            self
        }
    }

    impl AsHtml for &mut Html {
        fn as_html(&mut self) -> &mut Html {
            self
        }
    }

    /// `w` as the buffer.
    pub fn as_html<W: AsHtml + ?Sized>(w: &mut W) -> &mut Html {
        w.as_html()
    }

    /// A value in text, through [`ToHtml`].
    pub fn text<T: ToHtml + ?Sized>(value: &T, w: &mut Html) -> fmt::Result {
        value.write_into(w)
    }

    /// A value in a quoted attribute: `Display`, escaped.
    pub fn attr<T: fmt::Display + ?Sized>(value: &T, w: &mut Html) -> fmt::Result {
        w.display(value)
    }

    /// A value `html!` writes, wrapped so that method lookup picks a direct write for strings and
    /// integers (no formatting machinery; the same markup as their `Display`):
    /// `(&Fast(&v)).lv_direct(w)` finds [`Direct`] on `Fast<T>` first, and [`Fallback`] on
    /// `&Fast<T>` (which writes nothing and says so) only by autoref; `html!` then calls
    /// [`text`] or [`attr`], whose bounds give the type errors. The branch is decided by the type,
    /// so the compiler drops the other side.
    pub struct Fast<'a, T: ?Sized>(pub &'a T);

    /// The direct writes (strings, integers): the same in text and in a quoted attribute.
    pub trait Direct {
        /// Writes the value; `true`.
        fn lv_direct(&self, w: &mut Html) -> bool;
    }

    /// Every other type: nothing written, `false`.
    pub trait Fallback {
        /// `false`: the caller writes the value through its trait.
        fn lv_direct(&self, _w: &mut Html) -> bool {
            false
        }
    }

    impl<T: ?Sized> Fallback for &Fast<'_, T> {}

    macro_rules! direct_str {
        ($($ty:ty),*) => {$(
            impl Direct for Fast<'_, $ty> {
                fn lv_direct(&self, w: &mut Html) -> bool {
                    w.text(self.0.as_ref());
                    true
                }
            }
        )*};
    }
    direct_str!(str, &str, String, &String, std::borrow::Cow<'_, str>);

    macro_rules! direct_int {
        ($method:ident as $wide:ty: $($ty:ty),*) => {$(
            impl Direct for Fast<'_, $ty> {
                fn lv_direct(&self, w: &mut Html) -> bool {
                    w.$method(*self.0 as $wide);
                    true
                }
            }
            impl Direct for Fast<'_, &$ty> {
                fn lv_direct(&self, w: &mut Html) -> bool {
                    w.$method(**self.0 as $wide);
                    true
                }
            }
        )*};
    }
    direct_int!(int as i64: i8, i16, i32, i64, isize);
    direct_int!(uint as u64: u8, u16, u32, u64, usize);

    /// A value in a URL attribute.
    pub fn url<T: super::UrlValue + ?Sized>(value: &T, w: &mut Html) -> fmt::Result {
        value.write_url(w)
    }

    /// A boolean attribute's condition.
    pub fn flag(on: bool) -> bool {
        on
    }
}
