//! Parsing: `html5gum`'s tokenizer events, fed through [`super::rules`], give the tree — and, for
//! each element, where it came from in the source, so that a later render can re-parse only the
//! part that changed ([`parse_in_context`]).

use std::cell::Cell;

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Emitter, ForwardingEmitter, Span, State, Tokenizer};

use super::foreign::{adjust, breaks_out, ForeignEnd};
use super::rules::{is_table_node, Stack, NO_ID};
use super::select::InSelect;
use super::{Element, Namespace, Node, TextKind};

/// An element's bytes in the source: `start` is its start tag's `<`, `end` is just past its own
/// end tag (or past its start tag, for a void element); its content lies between `inner_start`
/// (just past the start tag's `>`) and `inner_end` (its end tag's `<`), both `end` for an element
/// without an end tag.
///
/// ```
/// use golivekit_dom::parse_with_spans;
/// let html = "<ul><li>a</li></ul>";
/// let span = parse_with_spans(html).1[0].unwrap();
/// assert_eq!(&html[span.start..span.end], html);
/// assert_eq!(&html[span.inner_start..span.inner_end], "<li>a</li>");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceSpan {
    /// Offset of the start tag's `<`.
    pub start: usize,
    /// Offset just past the start tag's `>`.
    pub inner_start: usize,
    /// Offset of the end tag's `<` (`end` without one).
    pub inner_end: usize,
    /// Offset just past the element's last tag.
    pub end: usize,
}

impl SourceSpan {
    /// The span moved by `delta` bytes.
    pub fn shifted(self, delta: isize) -> Self {
        let at = |x: usize| x.checked_add_signed(delta).expect("a span inside its source");
        SourceSpan {
            start: at(self.start),
            inner_start: at(self.inner_start),
            inner_end: at(self.inner_end),
            end: at(self.end),
        }
    }
}

/// The span of an element not (yet) known to be cleanly delimited: the tree builder records each
/// offset as it reads the tag, and [`finish`] keeps the spans whose start and end both came.
const UNKNOWN: SourceSpan = SourceSpan { start: NONE, inner_start: NONE, inner_end: NONE, end: NONE };

/// Appended to a re-parsed part: it comes out as this comment, starting right where the part ends,
/// only if the tokenizer ended the part in its data state, between tokens.
const CANARY: &str = "<!--lv-->";
const NONE: usize = usize::MAX;

/// Parses an HTML fragment into nodes.
///
/// ```
/// use golivekit_dom::{parse_fragment, Node};
/// let nodes = parse_fragment("<p class=x>Tom &amp; Jerry<br></p>");
/// let Node::Element(p) = &nodes[0] else { panic!() };
/// assert_eq!(p.attr("class"), Some("x"));
/// assert_eq!(p.children[0], Node::Text("Tom & Jerry".into()));
/// ```
pub fn parse_fragment(html: &str) -> Vec<Node> {
    parse_with_spans(html).0
}

/// Parses an HTML fragment as the children of open elements named `context` (outermost first),
/// as a browser's fragment parsing (`innerHTML`) would for the tree rules this module knows. The
/// context elements get the namespaces the parser would give them there (`["svg", "g"]` is an
/// SVG `g`), and the fragment never closes them.
///
/// ```
/// use golivekit_dom::{parse_fragment_in, Namespace, Node};
/// let nodes = parse_fragment_in("<circle r=1 /><circle r=2 />", &["svg", "g"]);
/// assert_eq!(nodes.len(), 2);
/// let Node::Element(circle) = &nodes[0] else { panic!() };
/// assert_eq!((circle.name.as_str(), circle.ns), ("circle", Namespace::Svg));
/// ```
pub fn parse_fragment_in(html: &str, context: &[&str]) -> Vec<Node> {
    let mut builder = TreeBuilder::new(context);
    builder.stack.floor = builder.stack.len();
    if !context.is_empty() {
        builder.first_state = builder.stack.els.last().and_then(|el| state_for(el.text_kind()));
    }
    builder.run(html);
    let mut stack = builder.stack;
    stack.close_to(context.len() + 1);
    stack.els.pop().map(|el| el.children).unwrap_or_default()
}

/// Whether `text`, written verbatim as the content of a `parent` element, reads back as that one
/// element holding exactly that text (line breaks and NULs aside, which the tokenizer normalizes).
pub(super) fn reads_back_as_raw_text(text: &str, parent: &str) -> bool {
    let mut html = String::with_capacity(text.len() + 2 * parent.len() + 5);
    html.push('<');
    html.push_str(parent);
    html.push('>');
    html.push_str(text);
    html.push_str("</");
    html.push_str(parent);
    html.push('>');
    let nodes = parse_fragment(&html);
    let expected = text.replace("\r\n", "\n").replace('\r', "\n").replace('\0', "\u{fffd}");
    match nodes.as_slice() {
        [Node::Element(el)] if el.name == parent => match el.children.as_slice() {
            [] => expected.is_empty(),
            [Node::Text(t)] => *t == expected,
            _ => false,
        },
        _ => false,
    }
}

/// The tokenizer state for the content of an element read as `kind`.
fn state_for(kind: TextKind) -> Option<State> {
    match kind {
        TextKind::Data => None,
        TextKind::RcData => Some(State::RcData),
        TextKind::RawText => Some(State::RawText),
        TextKind::ScriptData => Some(State::ScriptData),
        TextKind::PlainText => Some(State::PlainText),
    }
}

/// `html5gum`'s callback emitter, with the tokenizer state after each start tag chosen by the tree
/// builder (through `next`) from [`super::text_kind`] — the table the serializer reads too — instead
/// of `html5gum`'s own guess, which misses `noframes`; and CDATA sections read as text where the
/// tree builder is in foreign content (`foreign`).
struct Switching<'c, E> {
    inner: E,
    next: &'c Cell<Option<State>>,
    foreign: &'c Cell<bool>,
}

impl<E: Emitter> ForwardingEmitter for Switching<'_, E> {
    type Token = E::Token;

    fn inner(&mut self) -> &mut impl Emitter<Token = Self::Token> {
        &mut self.inner
    }

    fn emit_current_tag(&mut self) -> Option<State> {
        self.next.set(None);
        let own = self.inner.emit_current_tag();
        let state = own.or(self.next.take());
        if state.is_some() {
            // As the callback emitter does when it switches: text starts here.
            self.inner.init_string();
        }
        state
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&mut self) -> bool {
        self.foreign.get()
    }

    /// The tree builder ignores parse errors (the webview does too): without this the tokenizer
    /// checks every byte for a control or non-character, ~10 % of a parse.
    #[inline]
    fn should_emit_errors(&mut self) -> bool {
        false
    }
}

/// Parses an HTML fragment into nodes, with the source span of every element in document order
/// (pre-order). A span is known only for an element *cleanly delimited*: opened by its own start
/// tag without that tag closing or implying any other element, and ended by its own end tag (or
/// void). Re-parsing its bytes alone, in the context of its ancestors, gives the same element.
///
/// ```
/// use golivekit_dom::{parse_with_spans, SourceSpan};
/// let (_, spans) = parse_with_spans("<ul><li>a</li><li>b</ul>");
/// assert_eq!(spans[1], Some(SourceSpan { start: 4, inner_start: 8, inner_end: 9, end: 14 }));
/// assert_eq!(spans[2], None); // closed by `</ul>`, not by its own end tag
/// ```
pub fn parse_with_spans(html: &str) -> (Vec<Node>, Vec<Option<SourceSpan>>) {
    let mut builder = TreeBuilder::new(&[]);
    builder.run(html);
    let (mut stack, mut spans) = (builder.stack, builder.spans);
    stack.close_to(1);
    if stack.fostered {
        // Fostered content sits in the tree before elements created ahead of it (a `<div>` in a
        // table goes before the table): creation order is no longer document order, which the
        // spans are indexed by. Such a document gets no spans (every render takes the full parse).
        spans.iter_mut().for_each(|s| *s = UNKNOWN);
    }
    let nodes = stack.els.pop().map(|root| root.children).unwrap_or_default();
    (nodes, finish(spans))
}

/// Parses `html`, the bytes of one cleanly delimited element (see [`parse_with_spans`]), as the
/// full parse would have at that place: inside open elements named `context` (outermost first),
/// with the tokenizer between tokens. Returns the element and its spans (relative to `html`), or
/// `None` unless `html` gives exactly one element that leaves the tokenizer between tokens and
/// never touches the context — then the full parse of the whole document would have given the
/// same element there, and everything around it unchanged.
pub fn parse_in_context(html: &str, context: &[&str]) -> Option<(Element, Vec<Option<SourceSpan>>)> {
    let mut builder = TreeBuilder::new(context);
    let mut src = String::with_capacity(html.len() + CANARY.len());
    src.push_str(html);
    src.push_str(CANARY);
    builder.run(&src);
    if builder.canary != Some(html.len()) || builder.reached_outside(context.len() + 1) {
        return None;
    }
    let parent = builder.stack.els.pop()?;
    let mut children = parent.children.into_iter();
    match (children.next(), children.next(), children.next()) {
        (Some(Node::Element(el)), Some(Node::Comment(c)), None) if c == "lv" => Some((el, finish(builder.spans))),
        _ => None,
    }
}

/// What [`parse_run`] read: the nodes (elements, and the text between them), their spans
/// (relative to the run's start, in document order) and the run's length in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The top-level nodes the run's bytes gave.
    pub nodes: Vec<Node>,
    /// The spans of the elements, as [`parse_with_spans`] gives them.
    pub spans: Vec<Option<SourceSpan>>,
    /// Where the run ended: just past its last element.
    pub len: usize,
}

/// Parses the elements `html` starts with, one after another, as the full parse would at a place
/// inside open elements named `context` (outermost first) where the tokenizer is between tokens
/// and the innermost context element is the current node — for example right after a cleanly
/// delimited child of it (see [`parse_with_spans`]). After each tag that leaves that element the
/// current node again and the tokenizer between tokens, `ends(offset)` says whether the run ends
/// there (`offset` is just past the tag). Returns `None` unless the run ended that way with
/// nothing before it touched the context (as [`parse_in_context`] checks): then the full parse
/// would have given the same nodes there, and the bytes after the run parse as they would have
/// after those nodes.
///
/// ```
/// use golivekit_dom::{parse_run, Node};
/// let html = "<li>a</li> <li>b</li><li>c</li>";
/// let run = parse_run(html, &["ul"], |at| at == 21).unwrap();
/// assert_eq!((run.nodes.len(), run.len), (3, 21)); // `a`, the space, `b`
/// assert!(parse_run("<li>a<li>b", &["ul"], |_| true).is_none()); // `a` never ends by itself
/// ```
pub fn parse_run(html: &str, context: &[&str], ends: impl FnMut(usize) -> bool) -> Option<Run> {
    let mut runs = Runs::new(context);
    let len = runs.run(html, 0, ends)?;
    let (nodes, spans) = runs.finish();
    Some(Run { nodes, spans, len })
}

/// Several [`parse_run`]s under one parent, at places of the same document (the bytes between
/// them are the caller's: elements it already knows): one tree builder for all, so that each run
/// costs only its own bytes. Their nodes come out together, in order.
///
/// ```
/// use golivekit_dom::{Node, Runs};
/// let html = "<li>a</li><li>kept</li><li>b</li>";
/// let mut runs = Runs::new(&["ul"]);
/// assert_eq!(runs.run(html, 0, |at| at == 10), Some(10));
/// assert_eq!(runs.run(&html[23..], 23, |_| true), Some(10));
/// let (nodes, spans) = runs.finish();
/// assert_eq!(nodes.len(), 2);
/// assert_eq!(spans[1].map(|s| &html[s.start..s.end]), Some("<li>b</li>"));
/// ```
pub struct Runs {
    builder: TreeBuilder,
    depth: usize,
}

impl Runs {
    /// Runs inside open elements named `context`, outermost first.
    pub fn new(context: &[&str]) -> Self {
        Runs { builder: TreeBuilder::new(context), depth: context.len() + 1 }
    }

    /// Parses a run as [`parse_run`] does, from `html` (which starts at byte `offset` of the
    /// document: the spans count from there); returns its length, or `None` (then the runs are
    /// of no further use).
    pub fn run(&mut self, html: &str, offset: usize, mut ends: impl FnMut(usize) -> bool) -> Option<usize> {
        let depth = self.depth;
        let builder = &mut self.builder;
        builder.base = offset;
        let mut at_end = |b: &TreeBuilder, at: usize| b.stack.len() == depth && b.pending.is_none() && ends(at);
        let len = builder.run_until(html, Some(&mut at_end))?;
        (!builder.reached_outside(depth)).then_some(len)
    }

    /// The nodes the runs gave so far.
    pub fn nodes(&self) -> &[Node] {
        self.builder.stack.els.last().map_or(&[], |parent| parent.children.as_slice())
    }

    /// The runs' nodes, in order, and the spans of their elements.
    pub fn finish(mut self) -> (Vec<Node>, Vec<Option<SourceSpan>>) {
        self.builder.sync_spans();
        let nodes = self.builder.stack.els.pop().map(|parent| parent.children).unwrap_or_default();
        (nodes, finish(self.builder.spans))
    }
}

fn finish(spans: Vec<SourceSpan>) -> Vec<Option<SourceSpan>> {
    spans.into_iter().map(|s| (s.start != NONE && s.end != NONE).then_some(s)).collect()
}

/// The tokenizer's bytes as text. They are UTF-8 (the input is a `&str`) but for a token cut
/// inside a character, which the lossy conversion covers; the strict check is the fast path
/// (`from_utf8_lossy` walks its input in chunks: 3 % of a full parse's instructions).
fn string(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Builds the tree from tokenizer events.
struct TreeBuilder {
    stack: Stack,
    /// The start tag being read, and the offset of its `<`.
    pending: Option<(Element, usize)>,
    /// Whether the last attribute name was new (a repeated attribute is ignored, as in browsers).
    attr_open: bool,
    /// A newline right after `<pre>`, `<textarea>` or `<listing>` is dropped, as in browsers.
    drop_lf: bool,
    /// By creation number: the element's start (if cleanly opened) and end (if cleanly closed).
    spans: Vec<SourceSpan>,
    /// Where the last comment `lv` started.
    canary: Option<usize>,
    /// The tokenizer state to start in (the context element's content, for a fragment).
    first_state: Option<State>,
    /// The tokenizer state the last start tag switches to, set for [`Switching`].
    next: Option<State>,
    /// Whether the current text is read in the data state (where the tree builder drops NULs).
    in_data: bool,
    /// Whether the tree builder is in foreign content (text is read by the foreign rules, a
    /// CDATA section is text): recomputed when a tag changes the stack.
    in_foreign: bool,
    /// Added to every offset the tokenizer reports (where its input starts in the document).
    base: usize,
    /// The context's formatting elements (a re-parse of a part inside them does not know their
    /// entries in the list of active formatting elements) ...
    context_formatting: Vec<String>,
    /// ... and whether a tag for one of them was read: its meaning depended on those entries
    /// (an end tag runs the adoption agency on the ancestor, an `<a>` closes it, a third equal
    /// start tag drops its entry), so a re-parse gives up.
    touched_context: bool,
}

impl TreeBuilder {
    fn new(context: &[&str]) -> Self {
        let stack = Stack::new(context);
        let context_formatting = stack.els[1..]
            .iter()
            .filter(|el| el.ns == Namespace::Html && super::formatting::is_formatting(&el.name))
            .map(|el| el.name.clone())
            .collect();
        TreeBuilder {
            stack,
            pending: None,
            attr_open: false,
            drop_lf: false,
            spans: Vec::new(),
            canary: None,
            first_state: None,
            next: None,
            in_data: true,
            in_foreign: false,
            base: 0,
            context_formatting,
            touched_context: false,
        }
    }

    fn run(&mut self, html: &str) {
        self.run_until(html, None);
    }

    /// Runs the tokenizer over `html` until `ends(self, offset)`, asked after each tag that
    /// leaves the tokenizer between tokens at `offset`, says the run ends there; returns that
    /// offset. (`ends` is a trait object so that html5gum's tokenizer is compiled once: each
    /// closure type would make a copy of its state machine, ~70 KB of binary.)
    #[allow(clippy::type_complexity)]
    #[inline(never)]
    fn run_until(&mut self, html: &str, mut ends: Option<&mut dyn FnMut(&Self, usize) -> bool>) -> Option<usize> {
        // The callback emitter lends each token's bytes instead of allocating a token per tag,
        // which makes parsing several times faster than html5gum's default emitter.
        let next = Cell::new(None);
        self.in_foreign = !self.stack.html_rules_for_text();
        let foreign = Cell::new(self.in_foreign);
        let first = self.first_state;
        self.in_data = first.is_none();
        let mut ended = None;
        let emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, span: Span<usize>| -> Option<()> {
            if ended.is_some() {
                return None; // (what the tokenizer read past the end is not the run's)
            }
            let tag_end = matches!(event, CallbackEvent::EndTag { .. } | CallbackEvent::CloseStartTag { .. });
            self.event(event, span);
            if let Some(state) = self.next.take() {
                next.set(Some(state));
            }
            foreign.set(self.in_foreign);
            if let Some(ends) = ends.as_mut().filter(|_| tag_end && next.get().is_none()) {
                if ends(self, span.end) {
                    ended = Some(span.end);
                    return Some(());
                }
            }
            None
        });
        let mut tokenizer =
            Tokenizer::new_with_emitter(html, Switching { inner: emitter, next: &next, foreign: &foreign });
        if let Some(state) = first {
            tokenizer.set_state(state);
        }
        if tokenizer.next().is_some() {
            drop(tokenizer);
            return ended;
        }
        None
    }

    /// Whether what a re-parse read could have touched or depended on anything outside it, the
    /// context being the stack's first `depth` elements: it popped into the context or left
    /// elements open; formatting left closed inside would be reconstructed around what follows;
    /// fostered content went outside the part; a context inside a MathML `annotation-xml` has
    /// namespaces its names do not tell; a form's start or end tag depends on whether a form was
    /// open before the part (the form pointer); a tag for a formatting element of the context
    /// depends on its entry in the list of active formatting elements.
    fn reached_outside(&self, depth: usize) -> bool {
        let stack = &self.stack;
        stack.low < depth
            || stack.len() != depth
            || stack.has_closed_formatting()
            || stack.fostered
            || stack.guessed_context
            || stack.saw_form
            || self.touched_context
    }

    /// Records spans for every element created so far (implied ones have none).
    fn sync_spans(&mut self) {
        self.spans.resize(self.stack.next_id, UNKNOWN);
    }

    fn event(&mut self, event: CallbackEvent<'_>, span: Span<usize>) {
        let span = Span { start: span.start + self.base, end: span.end + self.base };
        if let CallbackEvent::Error(_) = event {
            // The emitter asks for none (`should_emit_errors`); one reported anyway comes before
            // the text it is about is flushed, so it must not end the newline drop.
            return;
        }
        let drop_lf = std::mem::take(&mut self.drop_lf);
        self.canary = None;
        match event {
            CallbackEvent::OpenStartTag { name } => {
                self.pending = Some((Element { name: string(name), ..Element::default() }, span.start));
            }
            CallbackEvent::AttributeName { name } => {
                self.attr_open = false;
                if let Some((el, _)) = &mut self.pending {
                    let name = string(name);
                    if !el.attrs.iter().any(|(k, _)| *k == name) {
                        el.attrs.push((name, String::new()));
                        self.attr_open = true;
                    }
                }
            }
            CallbackEvent::AttributeValue { value } => {
                if let (true, Some((el, _))) = (self.attr_open, &mut self.pending) {
                    if let Some(attr) = el.attrs.last_mut() {
                        attr.1 = string(value);
                    }
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                if let Some((mut el, start)) = self.pending.take() {
                    el.attrs.sort_unstable(); // names are unique: the same order as a stable sort
                    self.start(el, self_closing, start, span.end);
                    self.in_foreign = !self.stack.html_rules_for_text();
                }
            }
            CallbackEvent::EndTag { name } => {
                self.pending = None;
                self.in_data = true;
                let name = match std::str::from_utf8(name) {
                    Ok(s) => std::borrow::Cow::Borrowed(s),
                    Err(_) => String::from_utf8_lossy(name),
                };
                if !self.context_formatting.is_empty() && self.context_formatting.iter().any(|f| *f == name) {
                    self.touched_context = true;
                }
                let closed = match self.stack.foreign_end_tag(&name) {
                    ForeignEnd::Closed(closed) => closed,
                    ForeignEnd::Html(name) => self.stack.end_tag(name),
                };
                self.sync_spans();
                // Formatting opened inside and left closed would be reconstructed after it: the
                // element's bytes alone no longer tell what follows.
                if let Some(id) = closed.filter(|&id| id != NO_ID && !self.stack.closed_formatting_after(id)) {
                    (self.spans[id].inner_end, self.spans[id].end) = (span.start, span.end);
                }
                self.in_foreign = !self.stack.html_rules_for_text();
            }
            CallbackEvent::String { value } => {
                let mut text = string(value);
                if drop_lf && text.starts_with('\n') {
                    text.remove(0);
                }
                let foreign = self.in_foreign;
                if self.in_data && text.contains('\0') {
                    // In body, the tree builder ignores NULs (in raw text the tokenizer made them
                    // U+FFFD); in foreign content it makes them U+FFFD.
                    if foreign {
                        text = text.replace('\0', "\u{fffd}");
                    } else {
                        text.retain(|c| c != '\0');
                    }
                }
                if self.in_data && !foreign && self.stack.top() == "colgroup" {
                    // A column group keeps its leading whitespace; other text closes it.
                    let ws = text.len() - text.trim_start_matches([' ', '\t', '\n', '\x0c', '\r']).len();
                    if ws == text.len() {
                        self.stack.push_text(text); // no formatting is reconstructed
                        return self.after_event();
                    }
                    let rest = text.split_off(ws);
                    self.stack.push_text(text);
                    if self.stack.leave_colgroup() {
                        return self.after_event();
                    }
                    text = rest;
                }
                if self.in_data && !foreign && !text.is_empty() {
                    let whitespace = |t: &str| t.chars().all(|c| matches!(c, ' ' | '\t' | '\n' | '\x0c' | '\r'));
                    if !(is_table_node(self.stack.top()) && whitespace(&text)) {
                        self.stack.reconstruct();
                        if is_table_node(self.stack.top()) {
                            // Text a table cannot hold goes before the table.
                            self.stack.foster_child(Node::Text(text));
                            return self.after_event();
                        }
                    }
                }
                self.stack.push_text(text);
            }
            CallbackEvent::Comment { value } => {
                if value == b"lv" {
                    self.canary = Some(span.start);
                }
                self.stack.push_child(Node::Comment(string(value)));
            }
            _ => {}
        }
        self.after_event();
    }

    /// Elements a repair touched lose their spans.
    fn after_event(&mut self) {
        if !self.stack.touched.is_empty() {
            self.sync_spans();
            for id in std::mem::take(&mut self.stack.touched) {
                if let Some(span) = self.spans.get_mut(id) {
                    *span = UNKNOWN;
                }
            }
        }
    }

    fn start(&mut self, mut el: Element, self_closing: bool, start: usize, end: usize) {
        let (pops, len) = (self.stack.pops, self.stack.len());
        let mut html = self.stack.html_rules_for_start(&el.name);
        if !html && breaks_out(&el.name, &el.attrs) {
            // An HTML tag in foreign content closes the SVG/MathML elements, then reads as HTML.
            self.stack.close_foreign();
            html = true;
        }
        if html {
            if !self.context_formatting.is_empty() && self.context_formatting.contains(&el.name) {
                self.touched_context = true;
            }
            if el.name == "form" {
                self.stack.saw_form = true; // (also when dropped: the form pointer decided that)
            }
            if !matches!(el.name.as_str(), "col" | "template") && self.stack.leave_colgroup() {
                return;
            }
            if let InSelect::Ignore = self.stack.select_start_tag(&el.name) {
                return;
            }
            if self.stack.template_start_tag(&el.name) || self.stack.ignores_start_tag(&el.name) {
                return;
            }
            if el.name == "image" {
                el.name = "img".to_owned(); // as a browser's parser does
            }

            // (A form in a table is the table's own rule: it closes no `<p>`.)
            if !(el.name == "form" && self.stack.in_table_mode()) {
                self.stack.before_start_tag(&el.name);
            }
            match el.name.as_str() {
                "svg" => adjust(&mut el, Namespace::Svg),
                "math" => adjust(&mut el, Namespace::MathMl),
                _ => {}
            }
        } else {
            adjust(&mut el, self.stack.current_ns());
        }
        // Not clean either when a closed formatting element is listed: what is parsed next
        // depends on markup before this element (it would be reconstructed inside it).
        let clean = self.stack.pops == pops && self.stack.len() == len && !self.stack.has_closed_formatting();
        let start = if clean { start } else { NONE };
        // Like a browser, `/>` closes only foreign (SVG, MathML) elements.
        let foreign = el.ns != Namespace::Html;
        let fostered = html && self.stack.fosters(&el.name, &el.attrs);
        let is_form = html && el.name == "form";
        let form_in_table = is_form && self.stack.in_table_mode();
        if el.is_void() || (self_closing && foreign) || form_in_table {
            // (A form in a table is inserted and closed at once, as a browser does.)
            let id = self.stack.new_id();
            if is_form && self.stack.template_modes.is_empty() {
                self.stack.form = Some(id); // set though the form is already closed
            }
            self.sync_spans();
            if fostered {
                self.stack.foster_child(Node::Element(el));
            } else {
                self.stack.push_child(Node::Element(el));
                self.spans[id] = SourceSpan { start, inner_start: end, inner_end: end, end };
            }
        } else {
            self.drop_lf = !foreign && super::drops_leading_newline(&el.name);
            let kind = el.text_kind();
            self.next = state_for(kind);
            self.in_data = kind == TextKind::Data;
            let id = if fostered { self.stack.open_fostered(el) } else { self.stack.open(el) };
            if is_form && self.stack.template_modes.is_empty() {
                self.stack.form = Some(id);
            }
            self.stack.after_open(id);
            self.sync_spans();
            if !fostered {
                // (A fostered element is not where its bytes are.)
                (self.spans[id].start, self.spans[id].inner_start) = (start, end);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_cover_an_element_from_its_start_tag_through_its_end_tag() {
        let html = r#"<div a="x>"><p>t</p><br><ul><li>a</li><li>b</ul></div>"#;
        let (_, spans) = parse_with_spans(html);
        let text = |i: usize| spans[i].map(|s| &html[s.start..s.end]);
        assert_eq!(text(0), Some(html));
        assert_eq!(text(1), Some("<p>t</p>"));
        assert_eq!(text(2), Some("<br>"));
        assert_eq!(text(3), Some("<ul><li>a</li><li>b</ul>"));
        assert_eq!(text(4), Some("<li>a</li>"));
        assert_eq!(text(5), None);
    }

    #[test]
    fn spans_are_byte_offsets_even_with_carriage_returns_and_multibyte_text() {
        let html = "<p>a\r\nb \u{e9}\r</p>\r\n<i title=\"\r\n\">\u{1f600}x</i>";
        let (_, spans) = parse_with_spans(html);
        let text = |i: usize| spans[i].map(|s| &html[s.start..s.end]);
        assert_eq!(text(0), Some("<p>a\r\nb \u{e9}\r</p>"));
        assert_eq!(text(1), Some("<i title=\"\r\n\">\u{1f600}x</i>"));
    }

    #[test]
    fn an_element_that_closes_another_has_no_span() {
        let (_, spans) = parse_with_spans("<ul><li>a<li>b</li></ul><table><tr><td>x</td></tr></table>");
        assert!(spans[1].is_none() && spans[2].is_none());
        assert!(spans[4].is_none() && spans[5].is_none(), "implied tbody and the tr that implied it");
    }

    #[test]
    fn reparse_in_context_gives_the_element() {
        let (el, spans) = parse_in_context("<td>a &amp; b</td>", &["table", "tbody", "tr"]).expect("clean");
        assert_eq!(el.children, vec![Node::Text("a & b".into())]);
        assert_eq!(spans, vec![Some(SourceSpan { start: 0, inner_start: 4, inner_end: 13, end: 18 })]);
    }

    #[test]
    fn reparse_refuses_parts_that_leak_out_of_their_element() {
        assert!(parse_in_context("<li>a</li><li>b</li>", &["ul"]).is_none(), "two elements");
        assert!(parse_in_context("<li>a</ul></li>", &["ul"]).is_none(), "closes the context");
        assert!(parse_in_context(r#"<b>a</b><i title="x</b>"#, &["p"]).is_none(), "ends inside a tag");
        assert!(parse_in_context("<b><!-- </b>", &["p"]).is_none(), "ends inside a comment");
        assert!(parse_in_context("<b><script></b>", &["p"]).is_none(), "ends inside a script");
        assert!(parse_in_context("<li>a", &["ul"]).is_none(), "left open");
        assert!(parse_in_context("<li>a</li>", &["ul", "li"]).is_none(), "closes an open li");
        assert!(parse_in_context("<li><p>x</b></li>", &["b", "ul"]).is_none(), "adoption agency on the context's b");
        assert!(parse_in_context("<span><a href=y>z</a></span>", &["a"]).is_none(), "an a inside an a");
        assert!(parse_in_context("<span><b>z</b></span>", &["i"]).is_some(), "formatting the context lacks");
    }
}
