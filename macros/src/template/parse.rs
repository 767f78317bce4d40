//! The template's syntax tree and its parser, on `syn`'s token cursor.
//!
//! ```text
//! nodes    := node*
//! node     := element | "text" | {expr} | if | for | match
//! element  := <name attr*> nodes </name> | <name attr* /> | <void attr*>
//! attr     := name | name="literal" | name={expr} | slot:name
//! if       := if COND { nodes } (else if COND { nodes })* (else { nodes })?
//! for      := for PAT in EXPR (key = EXPR)? { nodes }
//! match    := match EXPR { (PAT (if GUARD)? => ({ nodes } | node) ,?)* }
//! ```
//! Structural errors (unclosed, mismatched or stray tags, a void element with content) are found
//! here, at the token that shows them.

// The tree lives for one expansion and is walked once: variant sizes do not matter.
#![allow(clippy::large_enum_variant)]

use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned;
use syn::{braced, token, Expr, Ident, LitStr, Pat, Token};

use super::rules;

/// One node of a template.
pub enum Node {
    Element(Element),
    Text(String),
    Expr(Expr),
    If(IfNode),
    For(ForNode),
    Match(MatchNode),
}

/// `<name ...>children</name>`.
pub struct Element {
    pub name: String,
    pub span: Span,
    pub attrs: Vec<Attr>,
    pub children: Vec<Node>,
}

/// One attribute as written.
pub struct Attr {
    pub name: String,
    pub span: Span,
    pub value: AttrValue,
}

/// An attribute's value.
pub enum AttrValue {
    /// `disabled`
    Bare,
    /// `class="a"`
    Lit(LitStr),
    /// `title={expr}`
    Expr(Expr),
}

/// `if` with its `else if`/`else` chain.
pub struct IfNode {
    pub cond: Expr,
    pub then: Vec<Node>,
    pub otherwise: Option<Box<Else>>,
}

/// What follows `else`.
pub enum Else {
    If(IfNode),
    Block(Vec<Node>),
}

/// `for PAT in EXPR key = EXPR { ... }`.
pub struct ForNode {
    pub span: Span,
    pub pat: Pat,
    pub iter: Expr,
    pub key: Option<Expr>,
    pub body: Vec<Node>,
}

/// `match EXPR { arms }`.
pub struct MatchNode {
    pub expr: Expr,
    pub arms: Vec<Arm>,
}

/// One `match` arm.
pub struct Arm {
    pub pat: Pat,
    pub guard: Option<Expr>,
    pub body: Vec<Node>,
}

/// A whole template: its nodes.
pub struct Template {
    pub nodes: Vec<Node>,
}

impl Parse for Template {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let nodes = parse_nodes(input)?;
        if input.peek(Token![<]) && input.peek2(Token![/]) {
            let close = parse_close(input)?;
            return Err(syn::Error::new(close.1, format!("closing tag `</{}>` without an opening tag", close.0)));
        }
        Ok(Template { nodes })
    }
}

/// Nodes up to the end of input or the next closing tag.
fn parse_nodes(input: ParseStream<'_>) -> syn::Result<Vec<Node>> {
    let mut nodes = Vec::new();
    while !(input.is_empty() || at_close(input)) {
        nodes.push(parse_node(input)?);
    }
    Ok(nodes)
}

fn at_close(input: ParseStream<'_>) -> bool {
    input.peek(Token![<]) && input.peek2(Token![/])
}

/// The nodes inside `{ ... }`.
fn parse_block(input: ParseStream<'_>) -> syn::Result<Vec<Node>> {
    let content;
    braced!(content in input);
    let nodes = parse_nodes(&content)?;
    if !content.is_empty() {
        let close = parse_close(&content)?;
        return Err(syn::Error::new(close.1, format!("closing tag `</{}>` without an opening tag", close.0)));
    }
    Ok(nodes)
}

fn parse_node(input: ParseStream<'_>) -> syn::Result<Node> {
    if input.peek(Token![<]) {
        return parse_element(input).map(Node::Element);
    }
    if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        return Ok(Node::Text(lit.value()));
    }
    if input.peek(token::Brace) {
        let content;
        let brace = braced!(content in input);
        if content.is_empty() {
            return Err(syn::Error::new(brace.span.join(), "empty `{}`: write an expression inside"));
        }
        let tokens: TokenStream = content.parse()?;
        // A lone expression keeps its own span (errors about its type point at it); anything more
        // (`{ let x = …; x }`) is a block.
        let expr = match syn::parse2::<Expr>(tokens.clone()) {
            Ok(expr) => expr,
            Err(_) => syn::parse2(quote::quote_spanned!(brace.span.join()=> { #tokens }))?,
        };
        return Ok(Node::Expr(expr));
    }
    if input.peek(Token![if]) {
        return parse_if(input).map(Node::If);
    }
    if input.peek(Token![for]) {
        return parse_for(input).map(Node::For);
    }
    if input.peek(Token![match]) {
        return parse_match(input).map(Node::Match);
    }
    if input.peek(syn::Lit) {
        let lit: syn::Lit = input.parse()?;
        return Err(syn::Error::new(lit.span(), "text is written as a string literal: `\"…\"`"));
    }
    let tt: proc_macro2::TokenTree = input.parse()?;
    Err(syn::Error::new(
        tt.span(),
        format!(
            "expected an element `<tag>`, text in quotes `\"…\"`, `{{expression}}`, `if`, `for` or `match`, found `{tt}`"
        ),
    ))
}

/// A tag or attribute name: `div`, `my-widget`, `aria-label`, `type`, `xlink:href`.
fn parse_name(input: ParseStream<'_>, allow_colon: bool) -> syn::Result<(String, Span)> {
    let first = Ident::parse_any(input)?;
    let span = first.span();
    let mut name = first.to_string();
    loop {
        if input.peek(Token![-]) {
            input.parse::<Token![-]>()?;
            name.push('-');
            if input.peek(syn::LitInt) {
                let n: syn::LitInt = input.parse()?;
                name.push_str(&n.to_string());
            } else {
                name.push_str(&Ident::parse_any(input)?.to_string());
            }
        } else if allow_colon && input.peek(Token![:]) && !input.peek(Token![::]) {
            input.parse::<Token![:]>()?;
            name.push(':');
            name.push_str(&Ident::parse_any(input)?.to_string());
        } else {
            break;
        }
    }
    Ok((name, span))
}

fn parse_close(input: ParseStream<'_>) -> syn::Result<(String, Span)> {
    input.parse::<Token![<]>()?;
    input.parse::<Token![/]>()?;
    let name = parse_name(input, false)?;
    input.parse::<Token![>]>()?;
    Ok(name)
}

fn parse_element(input: ParseStream<'_>) -> syn::Result<Element> {
    input.parse::<Token![<]>()?;
    if input.peek(Token![!]) {
        return Err(input.error("comments and doctypes are not template syntax; the layout writes the doctype"));
    }
    let (name, span) = parse_name(input, false)?;
    if name.starts_with(|c: char| c.is_ascii_uppercase()) {
        return Err(syn::Error::new(
            span,
            format!(
                "`<{name}>`: tag names are lowercase HTML; embed a function component as `{{{}(…)}}` and a child \
                 component as `{{self.child::<{name}>(key, props)}}`",
                name.to_lowercase()
            ),
        ));
    }
    let mut attrs: Vec<Attr> = Vec::new();
    loop {
        if input.peek(Token![>]) {
            input.parse::<Token![>]>()?;
            break;
        }
        if input.peek(Token![/]) && input.peek2(Token![>]) {
            input.parse::<Token![/]>()?;
            input.parse::<Token![>]>()?;
            return Ok(Element { name, span, attrs, children: Vec::new() });
        }
        if input.is_empty() {
            return Err(syn::Error::new(span, format!("`<{name}` is not closed with `>`")));
        }
        attrs.push(parse_attr(input)?);
    }
    if rules::is_void(&name) {
        return Ok(Element { name, span, attrs, children: Vec::new() });
    }
    let children = parse_nodes(input)?;
    if input.is_empty() {
        return Err(syn::Error::new(span, format!("unclosed `<{name}>`: expected `</{name}>` before the end")));
    }
    let (close, close_span) = parse_close(input)?;
    if close != name {
        let mut err = syn::Error::new(
            close_span,
            if rules::is_void(&close) {
                format!("`<{close}>` is a void element: it has no content and no closing tag")
            } else {
                format!("mismatched closing tag: expected `</{name}>`, found `</{close}>`")
            },
        );
        if !rules::is_void(&close) {
            err.combine(syn::Error::new(span, format!("`<{name}>` opened here")));
        }
        return Err(err);
    }
    Ok(Element { name, span, attrs, children })
}

fn parse_attr(input: ParseStream<'_>) -> syn::Result<Attr> {
    let (name, span) = parse_name(input, true)?;
    if !input.peek(Token![=]) {
        return Ok(Attr { name, span, value: AttrValue::Bare });
    }
    input.parse::<Token![=]>()?;
    let value = if input.peek(LitStr) {
        AttrValue::Lit(input.parse()?)
    } else if input.peek(token::Brace) {
        let content;
        braced!(content in input);
        AttrValue::Expr(content.parse()?)
    } else {
        let tt: proc_macro2::TokenTree = input.parse()?;
        return Err(syn::Error::new(
            tt.span(),
            format!(
                "attribute values are quoted literals or `{{expressions}}`: `{name}=\"{tt}\"` or `{name}={{{tt}}}`"
            ),
        ));
    };
    Ok(Attr { name, span, value })
}

fn parse_if(input: ParseStream<'_>) -> syn::Result<IfNode> {
    input.parse::<Token![if]>()?;
    let cond = Expr::parse_without_eager_brace(input)?;
    let then = parse_block(input)?;
    let otherwise = if input.peek(Token![else]) {
        input.parse::<Token![else]>()?;
        Some(Box::new(if input.peek(Token![if]) {
            Else::If(parse_if(input)?)
        } else {
            Else::Block(parse_block(input)?)
        }))
    } else {
        None
    };
    Ok(IfNode { cond, then, otherwise })
}

fn parse_for(input: ParseStream<'_>) -> syn::Result<ForNode> {
    let span = input.parse::<Token![for]>()?.span;
    let pat = Pat::parse_multi_with_leading_vert(input)?;
    input.parse::<Token![in]>()?;
    let iter = Expr::parse_without_eager_brace(input)?;
    let key = if input.peek(Ident) && input.fork().parse::<Ident>().map(|i| i == "key").unwrap_or(false) {
        input.parse::<Ident>()?;
        input.parse::<Token![=]>()?;
        Some(Expr::parse_without_eager_brace(input)?)
    } else {
        None
    };
    let body = parse_block(input)?;
    Ok(ForNode { span, pat, iter, key, body })
}

fn parse_match(input: ParseStream<'_>) -> syn::Result<MatchNode> {
    input.parse::<Token![match]>()?;
    let expr = Expr::parse_without_eager_brace(input)?;
    let content;
    braced!(content in input);
    let mut arms = Vec::new();
    while !content.is_empty() {
        let pat = Pat::parse_multi_with_leading_vert(&content)?;
        let guard = if content.peek(Token![if]) {
            content.parse::<Token![if]>()?;
            Some(content.parse::<Expr>()?)
        } else {
            None
        };
        content.parse::<Token![=>]>()?;
        let body = if content.peek(token::Brace) { parse_block(&content)? } else { vec![parse_node(&content)?] };
        if content.peek(Token![,]) {
            content.parse::<Token![,]>()?;
        }
        arms.push(Arm { pat, guard, body });
    }
    Ok(MatchNode { expr, arms })
}

/// The span of a node, for errors about it.
pub fn node_span(node: &Node) -> Span {
    match node {
        Node::Element(e) => e.span,
        Node::Text(_) => Span::call_site(),
        Node::Expr(e) => e.span(),
        Node::If(i) => i.cond.span(),
        Node::For(f) => f.span,
        Node::Match(m) => m.expr.span(),
    }
}
