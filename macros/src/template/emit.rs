//! Code generation for a checked template: static markup is escaped and coalesced at compile time
//! into one `Html::raw` per run; values go through the runtime's context-specific writers
//! (`golivekit::template::__private`): text, attribute, URL, boolean attribute, typed event.

use std::collections::HashSet;

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::Expr;

use super::parse::{node_span, Attr, AttrValue, Element, Else, ForNode, IfNode, MatchNode, Node};
use super::rules;

/// The generated statements of a template, and what the checks found.
pub struct Emitter {
    out: TokenStream,
    pending: String,
    slots: HashSet<String>,
    lists: HashSet<String>,
    errors: Vec<syn::Error>,
    /// Static bytes written on every run (outside branches and loops), and the nesting depth.
    static_len: usize,
    depth: usize,
    /// Whether the element being written is inside `<svg>`/`<math>` (and not inside one of their
    /// HTML integration points): there no element is void or raw text, and HTML's block and
    /// phrasing tags would end the `<svg>` in the browser.
    foreign: bool,
}

/// The writer every generated statement writes into.
pub fn writer() -> syn::Ident {
    format_ident!("__lv_w")
}

fn private() -> TokenStream {
    quote!(::golivekit::template::__private)
}

fn escape(s: &str) -> String {
    html_escape::encode_quoted_attribute(s).into_owned()
}

impl Emitter {
    /// A fresh emitter.
    pub fn new() -> Self {
        Emitter {
            out: TokenStream::new(),
            pending: String::new(),
            slots: HashSet::new(),
            lists: HashSet::new(),
            errors: Vec::new(),
            static_len: 0,
            depth: 0,
            foreign: false,
        }
    }

    /// The statements, or every error found, combined.
    pub fn finish(mut self) -> Result<TokenStream, syn::Error> {
        self.flush();
        let mut errors = self.errors.into_iter();
        match errors.next() {
            None => Ok(self.out),
            Some(mut first) => {
                errors.for_each(|e| first.combine(e));
                Err(first)
            }
        }
    }

    fn error(&mut self, span: Span, message: impl std::fmt::Display) {
        self.errors.push(syn::Error::new(span, message));
    }

    /// Bytes of static markup every run writes: `html!` reserves them up front.
    pub fn static_len(&self) -> usize {
        self.static_len
    }

    fn lit(&mut self, markup: &str) {
        if self.depth == 0 {
            self.static_len += markup.len();
        }
        self.pending.push_str(markup);
    }

    fn flush(&mut self) {
        if !self.pending.is_empty() {
            let w = writer();
            let markup = std::mem::take(&mut self.pending);
            self.out.extend(quote!(#w.raw(#markup);));
        }
    }

    fn code(&mut self, tokens: TokenStream) {
        self.flush();
        self.out.extend(tokens);
    }

    /// The statements of `nodes`, generated apart (for the body of an `if`, `for` or arm).
    fn nested(&mut self, nodes: &[Node]) -> TokenStream {
        let saved_out = std::mem::take(&mut self.out);
        let saved_pending = std::mem::take(&mut self.pending);
        self.depth += 1;
        self.nodes(nodes, None);
        self.depth -= 1;
        self.flush();
        self.pending = saved_pending;
        std::mem::replace(&mut self.out, saved_out)
    }

    /// Emits `nodes`; `parent` is the enclosing element (for keyed-`for` checks).
    pub fn nodes(&mut self, nodes: &[Node], parent: Option<&Element>) {
        for node in nodes {
            self.node(node, parent);
        }
    }

    fn node(&mut self, node: &Node, parent: Option<&Element>) {
        match node {
            Node::Text(text) => self.lit(&escape(text)),
            Node::Expr(expr) => {
                let (w, p) = (writer(), private());
                self.code(quote_spanned!(expr.span()=> {
                    let __lv_v = &(#expr);
                    #[allow(unused_imports)]
                    use #p::{Direct as _, Fallback as _};
                    if !(&#p::Fast(__lv_v)).lv_direct(#w) {
                        #p::text(__lv_v, #w)?;
                    }
                }));
            }
            Node::Element(el) => self.element(el, None),
            Node::If(node) => {
                let tokens = self.if_chain(node);
                self.code(tokens);
            }
            Node::Match(node) => self.match_node(node),
            Node::For(node) => self.for_node(node, parent),
        }
    }

    fn if_chain(&mut self, node: &IfNode) -> TokenStream {
        let cond = &node.cond;
        // The branches exclude each other: a slot id in two of them is one slot. Each branch
        // starts from the slots before the `if`; after it, all of theirs count.
        let before = self.slots.clone();
        let then = self.nested(&node.then);
        let mut seen = std::mem::replace(&mut self.slots, before);
        let otherwise = match node.otherwise.as_deref() {
            None => quote!(),
            Some(Else::If(next)) => {
                let next = self.if_chain(next);
                quote!(else #next)
            }
            Some(Else::Block(nodes)) => {
                let body = self.nested(nodes);
                quote!(else { #body })
            }
        };
        seen.extend(self.slots.drain());
        self.slots = seen;
        quote!(if #cond { #then } #otherwise)
    }

    fn match_node(&mut self, node: &MatchNode) {
        let expr = &node.expr;
        let before = self.slots.clone();
        let mut seen = before.clone();
        let arms: Vec<TokenStream> = node
            .arms
            .iter()
            .map(|arm| {
                // As with `if`: one arm runs, so each starts from the slots before the `match`.
                self.slots = before.clone();
                let pat = &arm.pat;
                let guard = arm.guard.as_ref().map(|g| quote!(if #g));
                let body = self.nested(&arm.body);
                seen.extend(self.slots.drain());
                quote!(#pat #guard => { #body })
            })
            .collect();
        self.slots = seen;
        self.code(quote!(match #expr { #(#arms)* }));
    }

    fn for_node(&mut self, node: &ForNode, parent: Option<&Element>) {
        let in_list = parent.is_some_and(|p| p.attrs.iter().any(|a| a.name == "data-list"));
        let single_expr = matches!(node.body.as_slice(), [Node::Expr(_)]);
        let (pat, iter) = (&node.pat, &node.iter);
        let Some(key) = &node.key else {
            if in_list && !single_expr {
                self.error(
                    node.span,
                    "a `for` inside a `data-list` element is a keyed list: add `key = …` (`for item in items key = \
                     item.id { … }`) so the diff can move, insert and remove items by key",
                );
            }
            let body = self.nested(&node.body);
            self.code(quote!(for #pat in #iter { #body }));
            return;
        };
        let Some(parent) = parent else {
            self.error(
                node.span,
                "a keyed `for` must be the content of an element: that element becomes its `data-list`",
            );
            return;
        };
        if parent.children.len() != 1 {
            self.error(
                node.span,
                format!(
                    "a keyed `for` must be the only content of its `<{}>`: the list holds nothing but its items",
                    parent.name
                ),
            );
        }
        let [Node::Element(item)] = node.body.as_slice() else {
            let span = node.body.first().map(node_span).unwrap_or(node.span);
            self.error(span, "a keyed `for` renders exactly one element per item: it carries the `data-key`");
            return;
        };
        let saved_out = std::mem::take(&mut self.out);
        let saved_pending = std::mem::take(&mut self.pending);
        self.depth += 1;
        self.element(item, Some(key));
        self.depth -= 1;
        self.flush();
        self.pending = saved_pending;
        let body = std::mem::replace(&mut self.out, saved_out);
        self.code(quote!(for #pat in #iter { #body }));
    }

    /// The `data-list` id for a keyed `for` whose element does not name one: the last name in the
    /// iterated expression (`self.todos.iter()` → `todos`), made unique in this template.
    fn list_id(&mut self, iter: &Expr) -> String {
        let text = quote!(#iter).to_string();
        let words: Vec<&str> = text
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty() && !matches!(*w, "self" | "iter" | "into_iter" | "enumerate" | "rev" | "mut"))
            .collect();
        let base = words.last().copied().unwrap_or("list").replace('_', "-");
        let mut id = base.clone();
        let mut n = 2;
        while !self.lists.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    fn element(&mut self, el: &Element, key: Option<&Expr>) {
        let name = &el.name;
        if self.foreign && rules::breaks_out_of_foreign(name, el.attrs.iter().map(|a| a.name.as_str())) {
            self.error(
                el.span,
                format!(
                    "`<{name}>` inside `<svg>` or `<math>` ends it in the browser (the HTML parser closes \
                     them for HTML tags): put HTML inside `<foreignObject>`, or outside the `<svg>`"
                ),
            );
        }
        let foreign = self.foreign || matches!(name.as_str(), "svg" | "math");
        self.lit(&format!("<{name}"));
        if let Some(key) = key {
            if el.attrs.iter().any(|a| a.name == "data-key") {
                self.error(el.span, "this element is keyed by its `for`: remove its own `data-key`");
            }
            self.lit(" data-key=\"");
            self.code(attr_write(key));
            self.lit("\"");
        }
        self.check_control_fields(el);
        let mut seen: HashSet<String> = HashSet::new();
        for attr in &el.attrs {
            let written = attr.name.strip_prefix("slot:").map(|_| "data-slot".to_string()).unwrap_or(attr.name.clone());
            if !seen.insert(written.clone()) {
                self.error(attr.span, format!("duplicate attribute `{written}` on `<{name}>`"));
                continue;
            }
            self.attr(attr);
        }
        let keyed_for = el.children.iter().find_map(|c| match c {
            Node::For(f) if f.key.is_some() => Some(f),
            _ => None,
        });
        if let Some(f) = keyed_for {
            if !seen.contains("data-list") {
                let id = self.list_id(&f.iter);
                self.lit(&format!(" data-list=\"{}\"", escape(&id)));
            }
        }
        self.lit(">");
        if foreign {
            // SVG and MathML: no void or raw-text elements (an SVG `<style>` holds escaped text).
            let outer = self.foreign;
            self.foreign = !rules::is_integration_point(name);
            self.nodes(&el.children, Some(el));
            self.foreign = outer;
            self.lit(&format!("</{name}>"));
            return;
        }
        if rules::is_void(name) {
            return;
        }
        if rules::drops_leading_newline(name) {
            // The HTML parser drops one newline right after `<textarea>`, `<pre>` or `<listing>`:
            // write one, so that text starting with a newline (a note's first blank line) keeps it.
            self.lit("\n");
        }
        if rules::is_raw_text(name) {
            for child in &el.children {
                match child {
                    Node::Text(text) if text.to_ascii_lowercase().contains(&format!("</{name}")) => {
                        self.error(el.span, format!("the text inside `<{name}>` must not contain `</{name}`"))
                    }
                    Node::Text(text) => self.lit(text),
                    other => self.error(
                        node_span(other),
                        format!(
                            "`<{name}>` holds raw text: only literal text can go inside (nothing there is escaped)"
                        ),
                    ),
                }
            }
        } else {
            self.nodes(&el.children, Some(el));
        }
        self.lit(&format!("</{name}>"));
    }

    /// On a form control, the page sends the control's own `value` (and `name`, when it has a
    /// `name` attribute) with every event but a click, a submit or a drop, and they win over
    /// `lv-value-*` of the same names: a template field of that name would be silently replaced.
    fn check_control_fields(&mut self, el: &Element) {
        if !matches!(el.name.as_str(), "input" | "textarea" | "select") {
            return;
        }
        let has_name = el.attrs.iter().any(|a| a.name == "name");
        let sends_own = |binding: &str| {
            rules::is_event_binding(binding) && !matches!(binding, "lv-click" | "lv-submit" | "lv-drop")
        };
        let Some(binding) = el.attrs.iter().map(|a| a.name.as_str()).find(|b| sends_own(b)) else { return };
        let clash = |field: &str| field == "value" || (field == "name" && has_name);
        let mut found: Vec<(Span, String)> = Vec::new();
        for attr in &el.attrs {
            if let Some(field) = attr.name.strip_prefix(rules::VALUE_PREFIX) {
                if clash(field) {
                    found.push((attr.span, field.to_owned()));
                }
            }
            if let AttrValue::Expr(Expr::Struct(s)) = &attr.value {
                if !rules::is_event_binding(&attr.name) {
                    continue;
                }
                for f in &s.fields {
                    if let syn::Member::Named(ident) = &f.member {
                        let field = ident.to_string();
                        if clash(&field) {
                            found.push((ident.span(), field));
                        }
                    }
                }
            }
        }
        for (span, field) in found {
            let own = if field == "name" { "its `name` attribute" } else { "its current value" };
            self.error(
                span,
                format!(
                    "`{field}` is sent by the `<{tag}>` itself on `{binding}` ({own}) and would replace this field: \
                     give the field another name (e.g. `note`, `id`)",
                    tag = el.name
                ),
            );
        }
    }

    fn attr(&mut self, attr: &Attr) {
        let (w, p) = (writer(), private());
        let name = attr.name.as_str();
        if let Some(slot) = name.strip_prefix("slot:") {
            if !matches!(attr.value, AttrValue::Bare) {
                self.error(attr.span, format!("`slot:{slot}` names the slot itself; it takes no value"));
            }
            if !self.slots.insert(slot.to_string()) {
                self.error(
                    attr.span,
                    format!("duplicate slot `{slot}` in this template: slot ids are unique in a view"),
                );
            }
            self.lit(&format!(" data-slot=\"{}\"", escape(slot)));
            return;
        }
        if name.starts_with("lv-") {
            if let Err(message) = rules::check_binding(name) {
                self.error(attr.span, message);
                return;
            }
        }
        if name == "data-slot" {
            if let AttrValue::Lit(lit) = &attr.value {
                if !self.slots.insert(lit.value()) {
                    self.error(lit.span(), format!("duplicate slot `{}` in this template", lit.value()));
                }
            }
        }
        match &attr.value {
            AttrValue::Bare => self.lit(&format!(" {name}")),
            AttrValue::Lit(lit) => {
                let value = lit.value();
                if rules::is_url(name) {
                    if let Err(message) = rules::check_url(&value) {
                        self.error(lit.span(), message);
                    }
                }
                self.lit(&format!(" {name}=\"{}\"", escape(&value)));
            }
            AttrValue::Expr(expr) if rules::is_event_binding(name) => match event_variant(expr) {
                Some((ty, variant)) => {
                    // The pattern `Ty::Variant { .. }` fits unit, tuple and struct variants alike, so a
                    // variant the enum lacks is rustc's own "no variant named …" at the token.
                    let known = variant.to_string();
                    self.lit(&format!(" {name}=\""));
                    self.code(quote_spanned!(variant.span()=>
                        let _ = |__lv_event: &#ty| ::core::matches!(__lv_event, #ty::#variant { .. });
                        #w.text(<#ty as ::golivekit::event::LiveEvent>::event_of_variant(#known));
                    ));
                    self.lit("\"");
                }
                None => match partial_event(expr) {
                    Some((ty, variant, fields)) => {
                        // `Msg::Toggle { id: t.id, .. }`: these fields from the template, the rest
                        // from the page. The pattern checks the variant and the field names.
                        let known = variant.to_string();
                        let names: Vec<&syn::Member> = fields.iter().map(|f| &f.member).collect();
                        self.lit(&format!(" {name}=\""));
                        self.code(quote_spanned!(variant.span()=>
                            let _ = |__lv_event: &#ty| ::core::matches!(__lv_event, #ty::#variant { #(#names: _,)* .. });
                            #w.text(<#ty as ::golivekit::event::LiveEvent>::event_of_variant(#known));
                        ));
                        self.lit("\"");
                        for field in fields {
                            let syn::Member::Named(ident) = &field.member else { continue };
                            let key = ident.to_string();
                            self.lit(&format!(" lv-value-{}=\"", key.trim_start_matches("r#")));
                            self.code(attr_write(&field.expr));
                            self.lit("\"");
                        }
                    }
                    None => self.code(quote_spanned!(expr.span()=> #p::event(&(#expr), #name, #w)?;)),
                },
            },
            AttrValue::Expr(expr) if rules::is_boolean(name) => {
                let markup = format!(" {name}");
                self.code(quote_spanned!(expr.span()=> if #p::flag(#expr) { #w.raw(#markup); }));
            }
            AttrValue::Expr(expr) => {
                self.lit(&format!(" {name}=\""));
                if rules::is_url(name) {
                    self.code(quote_spanned!(expr.span()=> #p::url(&(#expr), #w)?;));
                } else {
                    self.code(attr_write(expr));
                }
                self.lit("\"");
            }
        }
    }
}

/// Writes `expr` into a quoted attribute (escaped; strings and integers directly).
fn attr_write(expr: &Expr) -> TokenStream {
    let (w, p) = (writer(), private());
    quote_spanned!(expr.span()=> {
        let __lv_v = &(#expr);
        #[allow(unused_imports)]
        use #p::{Direct as _, Fallback as _};
        if !(&#p::Fast(__lv_v)).lv_direct(#w) {
            #p::attr(__lv_v, #w)?;
        }
    })
}

/// `Msg::Toggle { id: t.id, .. }` (a struct expression with `..` and no base): the type path, the
/// variant and the fields the template gives.
fn partial_event(expr: &Expr) -> Option<(TokenStream, syn::Ident, Vec<syn::FieldValue>)> {
    let Expr::Struct(s) = expr else { return None };
    if s.dot2_token.is_none() || s.rest.is_some() {
        return None;
    }
    let (ty, variant) =
        event_variant(&Expr::Path(syn::ExprPath { attrs: Vec::new(), qself: None, path: s.path.clone() }))?;
    Some((ty, variant, s.fields.iter().cloned().collect()))
}

/// `Msg::Save` (a path ending in a capitalised name, no arguments): the event of a variant whose
/// fields come from the page (a form's fields, a control's value). Returns the type path and the
/// variant.
fn event_variant(expr: &Expr) -> Option<(TokenStream, syn::Ident)> {
    let Expr::Path(path) = expr else { return None };
    if path.qself.is_some() || path.path.segments.len() < 2 {
        return None;
    }
    let last = path.path.segments.last()?;
    if !last.arguments.is_none() || !last.ident.to_string().starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let mut ty = path.path.clone();
    ty.segments.pop();
    let ty = ty.segments.pairs().map(|p| p.into_value().clone()).collect::<Vec<_>>();
    let leading = path.path.leading_colon;
    Some((quote!(#leading #(#ty)::*), last.ident.clone()))
}
