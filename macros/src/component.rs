//! `#[component]` on an `impl Component for T` or `impl ChildComponent for T` block: supplies
//! `fn name` (the type's name in snake_case, or `name = "…"`) and `fn base` (the field `base`, or
//! `base = field`) when the block does not write them, applies `async_trait`, and turns a typed
//! `handle_event(&mut self, ctx, msg: Msg)` into the trait's `(ctx, event, payload)` form, decoding
//! `Msg` (a `LiveEvent`) before the body runs.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::parse::Parser;
use syn::{FnArg, ImplItem, ItemImpl, LitStr};

use crate::event::snake_case;

/// The attribute's arguments.
#[derive(Default)]
struct Args {
    name: Option<LitStr>,
    base: Option<syn::Ident>,
}

fn parse_args(tokens: TokenStream) -> syn::Result<Args> {
    let mut args = Args::default();
    let parser = syn::meta::parser(|meta| {
        if meta.path.is_ident("name") {
            args.name = Some(meta.value()?.parse()?);
            Ok(())
        } else if meta.path.is_ident("base") {
            args.base = Some(meta.value()?.parse()?);
            Ok(())
        } else {
            Err(meta.error("expected `name = \"…\"` or `base = field`"))
        }
    });
    parser.parse2(tokens)?;
    Ok(args)
}

fn has_fn(item: &ItemImpl, name: &str) -> bool {
    item.items.iter().any(|i| matches!(i, ImplItem::Fn(f) if f.sig.ident == name))
}

/// Expands the attribute.
pub fn expand(args: TokenStream, mut item: ItemImpl) -> syn::Result<TokenStream> {
    let args = parse_args(args)?;
    let Some((_, trait_path, _)) = &item.trait_ else {
        return Err(syn::Error::new_spanned(
            &item.self_ty,
            "`#[component]` goes on `impl Component for T` or `impl ChildComponent for T`",
        ));
    };
    let trait_name = trait_path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
    if trait_name != "Component" && trait_name != "ChildComponent" {
        return Err(syn::Error::new_spanned(trait_path, "`#[component]` implements `Component` or `ChildComponent`"));
    }
    if !has_fn(&item, "name") {
        let name = match &args.name {
            Some(lit) => lit.value(),
            None => {
                let syn::Type::Path(p) = item.self_ty.as_ref() else {
                    return Err(syn::Error::new_spanned(
                        &item.self_ty,
                        "name the component: `#[component(name = \"…\")]`",
                    ));
                };
                snake_case(&p.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default())
            }
        };
        item.items.push(syn::parse_quote! {
            fn name(&self) -> &'static str { #name }
        });
    }
    if !has_fn(&item, "base") {
        let field = args.base.clone().unwrap_or_else(|| format_ident!("base"));
        item.items.push(syn::parse_quote! {
            fn base(&self) -> &::golivekit::BaseComponent { &self.#field }
        });
    }
    for impl_item in &mut item.items {
        if let ImplItem::Fn(f) = impl_item {
            if f.sig.ident == "handle_event" && f.sig.inputs.len() == 3 {
                typed_handler(f)?;
            }
        }
    }
    let has_async_trait = item.attrs.iter().any(|a| a.path().segments.last().is_some_and(|s| s.ident == "async_trait"));
    let async_trait = (!has_async_trait).then(|| quote!(#[::golivekit::async_trait]));
    Ok(quote!(#async_trait #item))
}

/// `async fn handle_event(&mut self, ctx: &Context, msg: Msg)` → the trait's signature, decoding
/// `msg` first; an unknown event or a bad payload returns its error before the body runs.
fn typed_handler(f: &mut syn::ImplItemFn) -> syn::Result<()> {
    let Some(FnArg::Typed(arg)) = f.sig.inputs.pop().map(|p| p.into_value()) else {
        return Err(syn::Error::new_spanned(&f.sig, "expected `handle_event(&mut self, ctx: &Context, msg: Msg)`"));
    };
    let (pat, ty) = (&arg.pat, &arg.ty);
    f.sig.inputs.push(syn::parse_quote!(__lv_event: &str));
    f.sig.inputs.push(syn::parse_quote!(__lv_payload: &::golivekit::Payload));
    let body = &f.block;
    f.block = syn::parse_quote!({
        let #pat: #ty = <#ty as ::golivekit::event::LiveEvent>::from_event(__lv_event, __lv_payload)?;
        #body
    });
    Ok(())
}
