//! `html!`: a template checked at compile time ([`parse`], [`rules`]) and compiled to writes into
//! an `Html` buffer ([`emit`]).

mod emit;
mod parse;
mod rules;

use proc_macro2::TokenStream;
use quote::quote;
use syn::parse::{Parse, ParseStream};
use syn::{Expr, Token};

/// `html!(w, …)` or `html!(…)`.
struct Input {
    writer: Option<Expr>,
    template: parse::Template,
}

impl Parse for Input {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let starts_template = input.peek(Token![<])
            || input.peek(syn::LitStr)
            || input.peek(syn::token::Brace)
            || input.peek(Token![if])
            || input.peek(Token![for])
            || input.peek(Token![match])
            || input.is_empty();
        let writer = if starts_template {
            None
        } else {
            let w: Expr = input.parse()?;
            input.parse::<Token![,]>()?;
            Some(w)
        };
        Ok(Input { writer, template: input.parse()? })
    }
}

/// Expands `html!`.
pub fn expand(tokens: TokenStream) -> TokenStream {
    match try_expand(tokens) {
        Ok(out) => out,
        // In a block, several errors are statements (in expression position only one could stand).
        Err(err) => {
            let errors = err.to_compile_error();
            quote!({ #errors })
        }
    }
}

fn try_expand(tokens: TokenStream) -> syn::Result<TokenStream> {
    let input: Input = syn::parse2(tokens)?;
    let w = emit::writer();
    let mut emitter = emit::Emitter::new();
    emitter.nodes(&input.template.nodes, None);
    let reserve = emitter.static_len();
    let body = emitter.finish()?;
    let body = quote!(#w.reserve(#reserve); #body);
    Ok(match input.writer {
        Some(target) => quote! {{
            let #w: &mut ::golivekit::Html = ::golivekit::template::__private::as_html(&mut #target);
            #[allow(unused_mut, clippy::redundant_closure_call)]
            let mut __lv_template = || -> ::core::fmt::Result {
                #body
                ::core::result::Result::Ok(())
            };
            __lv_template()
        }},
        None => quote! {
            ::golivekit::template::Template::new(move |#w: &mut ::golivekit::Html| -> ::core::fmt::Result {
                #body
                ::core::result::Result::Ok(())
            })
        },
    })
}
