//! `#[derive(LiveEvent)]`: an enum of the events a component handles.
//!
//! Each variant is one event; its name is the variant's name in snake_case unless
//! `#[event(name = "…")]` says otherwise. A unit variant carries nothing; a struct variant's fields
//! come from the payload by name (in a template they are written as `lv-value-*`); a one-field
//! tuple variant takes the whole payload (a form's fields) into its field's type. Fields marked
//! `#[event(default)]` may be missing; `#[event(dropped)] files: Vec<PathBuf>` receives the files
//! of a native drop on an `lv-drop` element.

use proc_macro2::TokenStream;
use quote::quote;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, LitStr};

/// `TodoList` → `todo_list`.
pub fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `#[event(name = "…")]` / `#[event(default)]` on a variant or field.
#[derive(Default)]
struct EventAttrs {
    name: Option<LitStr>,
    default: bool,
    dropped: bool,
}

fn event_attrs(attrs: &[syn::Attribute]) -> syn::Result<EventAttrs> {
    let mut out = EventAttrs::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("event")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("name") {
                out.name = Some(meta.value()?.parse()?);
                Ok(())
            } else if meta.path.is_ident("default") {
                out.default = true;
                Ok(())
            } else if meta.path.is_ident("dropped") {
                out.dropped = true;
                Ok(())
            } else {
                Err(meta.error("expected `name = \"…\"`, `default` or `dropped`"))
            }
        })?;
    }
    Ok(out)
}

fn is_option(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.qself.is_none()
        && p.path.segments.last().is_some_and(|s| s.ident == "Option"))
}

/// Expands the derive.
pub fn expand(input: DeriveInput) -> syn::Result<TokenStream> {
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new(input.ident.span(), "`LiveEvent` is derived for an enum: one variant per event"));
    };
    let ty = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let rt = quote!(::golivekit::event);
    let mut names = Vec::new();
    let mut variant_arms = Vec::new();
    let mut name_arms = Vec::new();
    let mut value_arms = Vec::new();
    let mut parse_arms = Vec::new();
    for variant in &data.variants {
        let v = &variant.ident;
        let attrs = event_attrs(&variant.attrs)?;
        let name = attrs.name.map(|l| l.value()).unwrap_or_else(|| snake_case(&v.to_string()));
        if names.contains(&name) {
            return Err(syn::Error::new(v.span(), format!("two variants are the event `{name}`")));
        }
        let variant_name = v.to_string();
        variant_arms.push(quote!(#variant_name => #name,));
        match &variant.fields {
            Fields::Unit => {
                name_arms.push(quote!(Self::#v => #name,));
                parse_arms.push(quote!(#name => ::core::result::Result::Ok(Self::#v),));
            }
            Fields::Named(fields) => {
                name_arms.push(quote!(Self::#v { .. } => #name,));
                let idents: Vec<_> = fields.named.iter().filter_map(|f| f.ident.clone()).collect();
                let mut writes = Vec::new();
                let mut reads = Vec::new();
                for field in &fields.named {
                    let Some(ident) = &field.ident else { continue };
                    let key = ident.to_string().trim_start_matches("r#").to_string();
                    let field_attrs = event_attrs(&field.attrs)?;
                    if field_attrs.dropped {
                        // The files of a native drop: set by Rust, never written into the page.
                        reads.push(quote!(#ident: #rt::__private::field_or_default(#name, payload, ::golivekit::protocol::DROPPED_FILES)?,));
                        continue;
                    }
                    writes.push(if is_option(&field.ty) {
                        quote!(if let ::core::option::Option::Some(v) = #ident { #rt::__private::value(w, #key, v)?; })
                    } else {
                        quote!(#rt::__private::value(w, #key, #ident)?;)
                    });
                    reads.push(if field_attrs.default {
                        quote!(#ident: #rt::__private::field_or_default(#name, payload, #key)?,)
                    } else {
                        quote!(#ident: #rt::__private::field(#name, payload, #key)?,)
                    });
                }
                value_arms.push(quote!(Self::#v { #(#idents),* } => { #(#writes)* }));
                parse_arms.push(quote!(#name => ::core::result::Result::Ok(Self::#v { #(#reads)* }),));
            }
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                name_arms.push(quote!(Self::#v(..) => #name,));
                parse_arms.push(
                    quote!(#name => ::core::result::Result::Ok(Self::#v(#rt::__private::form(#name, payload)?)),),
                );
            }
            Fields::Unnamed(fields) => {
                return Err(syn::Error::new(
                    fields.span(),
                    "an event variant is a unit, has named fields (from `lv-value-*`), or has one field that takes \
                     the whole payload (a form)",
                ));
            }
        }
        names.push(name);
    }
    Ok(quote! {
        impl #impl_generics #rt::LiveEvent for #ty #ty_generics #where_clause {
            const EVENTS: &'static [&'static str] = &[#(#names),*];

            fn event_of_variant(variant: &str) -> &'static str {
                match variant {
                    #(#variant_arms)*
                    _ => "",
                }
            }

            fn event_name(&self) -> &'static str {
                match self { #(#name_arms)* }
            }

            #[allow(unused_variables)]
            fn write_values(&self, w: &mut ::golivekit::Html) -> ::core::fmt::Result {
                match self {
                    #(#value_arms)*
                    #[allow(unreachable_patterns)]
                    _ => {}
                }
                ::core::result::Result::Ok(())
            }

            #[allow(unused_variables)]
            fn from_event(event: &str, payload: &::golivekit::Payload) -> ::core::result::Result<Self, ::golivekit::HandlerError> {
                match event {
                    #(#parse_arms)*
                    other => ::core::result::Result::Err(::golivekit::HandlerError::unknown_event(other)),
                }
            }
        }
    })
}
