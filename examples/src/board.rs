//! A kanban board: components inside components. Route: `/board`.
//!
//! - [`Board`] (the view's root) holds the columns and the order of the cards; each card is a
//!   [`Card`] child with state of its own: whether it is being edited, and the draft.
//! - Click a card's title to edit it in place; Enter saves, Escape cancels. A card's events go to
//!   that card only: editing one card renders and patches that card alone.
//! - A card tells the board what happened through its typed [`CardOut`]: renamed, move left or
//!   right, delete. The board updates the header's counts and re-renders; cards whose props did
//!   not change are not rendered again.
//! - Cards are keyed (`c1`, `c2`, …) in one `data-list` per column: moving a card to another
//!   column keeps the card — its state, its DOM nodes — and a deleted card terminates once.
//! - The header's clock ticks every second (a timer on the board): the board re-renders while you
//!   type in a card, and the card keeps your text and focus.
//! - "Simulate crash" panics inside that card: the card shows a fallback, the board is told
//!   (`child_crashed`) and everything else keeps working.

use std::path::PathBuf;
use std::time::Duration;

use golivekit::{
    async_trait, write_html, BaseComponent, ChildComponent, ChildCrash, Component, Context, HandlerError,
    HandlerResult, Html, Info, OnOutput, Params, Payload, Renderer, RendererFunc, Session, TerminateReason,
};
use serde::{Deserialize, Serialize};

/// The board's columns, left to right.
pub const COLUMNS: [(&str, &str); 3] = [("todo", "To do"), ("doing", "Doing"), ("done", "Done")];

/// Where cards write a line when they end (`golivekit-desktop --journal FILE` registers it as an
/// app service; the e2e tests read it to see each deleted card terminate once).
#[derive(Debug, Clone)]
pub struct BoardJournal(pub PathBuf);

/// One line of [`BoardJournal`]: a card that ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardEnded {
    /// The card's key (`c3`).
    pub card: String,
    /// How it ended (`Normal` when deleted).
    pub reason: String,
}

/// What the board passes a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardProps {
    /// The card's key.
    pub key: String,
    /// Its title (the board's copy; a rename comes back as [`CardOut::Renamed`]).
    pub title: String,
    /// Its column's index in [`COLUMNS`].
    pub column: usize,
}

/// What a card tells the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardOut {
    /// Its title was edited and saved.
    Renamed(String),
    /// Move it one column left (`-1`) or right (`1`).
    Move(i8),
    /// Delete it.
    Delete,
}

/// One card: its title, edited in place.
#[derive(Default)]
pub struct Card {
    base: BaseComponent,
    editing: bool,
    draft: String,
    edits: u32,
    journal: Option<PathBuf>,
    key: String,
    title: String,
}

#[async_trait]
impl ChildComponent for Card {
    type Props = CardProps;
    type Msg = ();
    type Output = CardOut;
    const TAG: &'static str = "li";

    fn name(&self) -> &'static str {
        "card"
    }

    fn base(&self) -> &BaseComponent {
        &self.base
    }

    async fn mount(&mut self, ctx: &Context, props: &CardProps) -> HandlerResult {
        self.key = props.key.clone();
        self.title = props.title.clone();
        self.journal = ctx.service::<BoardJournal>().ok().map(|j| j.0.clone());
        Ok(())
    }

    async fn update(&mut self, _ctx: &Context, props: &CardProps) -> HandlerResult {
        self.title = props.title.clone();
        Ok(())
    }

    fn render<'a>(&'a self, _ctx: &Context, props: &'a CardProps) -> Renderer<'a> {
        RendererFunc(move |_: &Context, w: &mut Html| {
            if self.editing {
                write_html!(
                    w,
                    r#"<form class="edit" lv-submit="save"><input class="title-input" name="title" value="{}" autocomplete="off" lv-hook="AutoFocus" lv-keydown="cancel" lv-key="Escape"></form>"#,
                    self.draft
                )?;
            } else {
                write_html!(w, r#"<span class="title" lv-click="edit" title="Click to edit">{}</span>"#, props.title)?;
            }
            let left = if props.column == 0 { " disabled" } else { "" };
            let right = if props.column + 1 == COLUMNS.len() { " disabled" } else { "" };
            write_html!(
                w,
                r#"<div class="tools"><small class="edits">{} edits</small><button class="left" lv-click="left"{}>&larr;</button><button class="right" lv-click="right"{}>&rarr;</button><button class="delete" lv-click="delete">Delete</button><button class="crash" lv-click="crash">Simulate crash</button></div>"#,
                self.edits,
                golivekit::Raw::new(left),
                golivekit::Raw::new(right)
            )
        })
        .into()
    }

    async fn handle_event(&mut self, ctx: &Context, event: &str, payload: &Payload) -> HandlerResult {
        match event {
            "edit" => {
                self.editing = true;
                self.draft = self.title.clone();
            }
            "save" => {
                let title = payload.get_str("title").unwrap_or_default().trim().to_owned();
                self.editing = false;
                if !title.is_empty() {
                    self.edits += 1;
                    self.emit(ctx, CardOut::Renamed(title))?;
                }
            }
            "cancel" => self.editing = false,
            "left" => self.emit(ctx, CardOut::Move(-1))?,
            "right" => self.emit(ctx, CardOut::Move(1))?,
            "delete" => self.emit(ctx, CardOut::Delete)?,
            "crash" => panic!("card {} was asked to crash", self.key),
            other => return Err(HandlerError::unknown_event(other)),
        }
        Ok(())
    }

    async fn terminate(&mut self, _ctx: &Context, reason: TerminateReason) {
        let Some(path) = &self.journal else { return };
        let line = CardEnded { card: self.key.clone(), reason: format!("{reason:?}") };
        let line = serde_json::to_string(&line).unwrap_or_default() + "\n";
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, line.as_bytes()));
        if let Err(e) = written {
            tracing::error!(path = %path.display(), "could not write the board's journal: {e}");
        }
    }
}

/// One card as the board keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CardRow {
    key: String,
    title: String,
    column: usize,
}

/// The clock's tick.
#[derive(Debug, Clone, Copy)]
struct Tick;

/// The board: columns of cards, a header with counts and a clock.
#[derive(Default)]
pub struct Board {
    base: BaseComponent,
    cards: Vec<CardRow>,
    next: u64,
    renames: u32,
    ticks: u64,
    crashed: Vec<String>,
}

impl Board {
    fn add(&mut self, title: &str, column: usize) {
        self.next += 1;
        self.cards.push(CardRow { key: format!("c{}", self.next), title: title.to_owned(), column });
    }
}

#[async_trait]
impl OnOutput<Card> for Board {
    async fn on_output(&mut self, _ctx: &Context, key: &str, output: CardOut) -> HandlerResult {
        let Some(i) = self.cards.iter().position(|c| c.key == key) else { return Ok(()) };
        match output {
            CardOut::Renamed(title) => {
                self.cards[i].title = title;
                self.renames += 1;
            }
            CardOut::Move(step) => {
                let to = self.cards[i].column as i64 + i64::from(step);
                if (0..COLUMNS.len() as i64).contains(&to) {
                    let mut card = self.cards.remove(i);
                    card.column = to as usize;
                    self.cards.push(card);
                }
            }
            CardOut::Delete => {
                self.cards.remove(i);
            }
        }
        Ok(())
    }
}

#[async_trait]
impl Component for Board {
    fn name(&self) -> &'static str {
        "board"
    }

    fn base(&self) -> &BaseComponent {
        &self.base
    }

    async fn mount(&mut self, ctx: &Context, params: &Params, _session: &Session) -> HandlerResult {
        for (title, column) in [("Write the release notes", 0), ("Fix the login bug", 0), ("Review the board", 1)] {
            self.add(title, column);
        }
        let tick = params.get_as::<u64>("tick_ms").unwrap_or(1000).max(50);
        ctx.send_interval(Duration::from_millis(tick), Tick);
        Ok(())
    }

    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        let columns: Vec<(usize, Vec<_>)> = (0..COLUMNS.len())
            .map(|col| {
                let cards = self.cards.iter().filter(|c| c.column == col);
                let slots = cards
                    .map(|c| {
                        let props = CardProps { key: c.key.clone(), title: c.title.clone(), column: col };
                        self.child::<Card>(c.key.clone(), props).class("card")
                    })
                    .collect();
                (col, slots)
            })
            .collect();
        RendererFunc(move |_: &Context, w: &mut Html| {
            write_html!(
                w,
                r#"<div data-live-view="board" class="board">
  <header><h1>Board</h1>
    <p><span data-slot="count">{}</span> cards · <span data-slot="renames">{}</span> renamed · <span data-slot="clock">{}</span> s<span data-slot="crashed">{}</span></p>
    <form class="add" lv-submit="add"><input name="title" placeholder="New card" autocomplete="off"><button>Add</button></form>
  </header>
  <div class="columns">"#,
                self.cards.len(),
                self.renames,
                self.ticks,
                if self.crashed.is_empty() { String::new() } else { format!(" · crashed: {}", self.crashed.join(", ")) }
            )?;
            for (col, cards) in &columns {
                let (id, title) = COLUMNS[*col];
                write_html!(w, r#"<section class="column" id="col-{}"><h2>{}</h2><ul data-list="{}">"#, id, title, id)?;
                for card in cards {
                    write_html!(w, "{}", card)?;
                }
                w.raw("</ul></section>");
            }
            w.raw("</div></div>");
            Ok(())
        })
        .into()
    }

    async fn handle_event(&mut self, _ctx: &Context, event: &str, payload: &Payload) -> HandlerResult {
        match event {
            "add" => {
                let title = payload.get_str("title").unwrap_or_default().trim().to_owned();
                if title.is_empty() {
                    return Err(HandlerError::with_code("empty_title", "a card needs a title"));
                }
                self.add(&title, 0);
                Ok(())
            }
            other => Err(HandlerError::unknown_event(other)),
        }
    }

    async fn handle_info(&mut self, _ctx: &Context, msg: Info) -> HandlerResult {
        if msg.downcast_ref::<Tick>().is_some() {
            self.ticks += 1;
        }
        Ok(())
    }

    async fn child_crashed(&mut self, _ctx: &Context, crash: ChildCrash) -> HandlerResult {
        self.crashed.push(crash.key);
        Ok(())
    }
}
