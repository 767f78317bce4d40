//! # golivekit-macros — templates, typed events and components checked by the compiler
//!
//! Use these through `golivekit` (`golivekit::html!`, `golivekit::LiveEvent`,
//! `golivekit::component`), which documents them with examples; this crate holds only the
//! procedural macros:
//! - `template/`: [`html!`] — the parser (`parse.rs`), what it knows of HTML and of the bridge's
//!   `lv-*` bindings (`rules.rs`, `bindings.json`), and the code it writes (`emit.rs`);
//! - `event.rs`: [`derive@LiveEvent`];
//! - `component.rs`: [`macro@component`].

use proc_macro::TokenStream;

mod component;
mod event;
mod template;

/// A template checked at compile time, written into an `Html` buffer (`html!(w, …)`, a
/// `fmt::Result`) or returned as a `golivekit::template::Template` (`html!(…)`). See
/// `golivekit::template` for the syntax.
#[proc_macro]
pub fn html(input: TokenStream) -> TokenStream {
    template::expand(input.into()).into()
}

/// Derives `golivekit::event::LiveEvent` for an enum of events. See `golivekit::event`.
#[proc_macro_derive(LiveEvent, attributes(event))]
pub fn derive_live_event(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    event::expand(input).unwrap_or_else(syn::Error::into_compile_error).into()
}

/// Supplies `name`, `base` and `async_trait` for an `impl Component` / `impl ChildComponent`
/// block, and decodes a typed `handle_event`. See `golivekit::component`.
#[proc_macro_attribute]
pub fn component(args: TokenStream, item: TokenStream) -> TokenStream {
    let item = syn::parse_macro_input!(item as syn::ItemImpl);
    component::expand(args.into(), item).unwrap_or_else(syn::Error::into_compile_error).into()
}
