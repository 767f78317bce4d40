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
    async_trait, component, html, BaseComponent, ChildComponent, ChildCrash, Component, Context, HandlerError,
    HandlerResult, Info, LiveEvent, OnOutput, Params, Renderer, Session, TerminateReason,
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

/// What a card's page sends it. (Not `Msg`: a child component's `Msg` is what its parent sends it.)
#[derive(LiveEvent)]
enum CardEvent {
    /// `edit`: the title was clicked.
    Edit,
    /// `save`: the edit form's `title`.
    Save {
        #[event(default)]
        title: String,
    },
    /// `cancel`: Escape in the edit field.
    Cancel,
    /// `left`: move one column left.
    Left,
    /// `right`: move one column right.
    Right,
    /// `delete`: delete the card.
    Delete,
    /// `crash`: panic, to show the fallback.
    Crash,
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

#[component]
impl ChildComponent for Card {
    type Props = CardProps;
    type Msg = ();
    type Output = CardOut;
    const TAG: &'static str = "li";

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
        html! {
            if self.editing {
                <form class="edit" lv-submit={CardEvent::Save}>
                    <input class="title-input" name="title" value={self.draft} autocomplete="off" lv-hook="AutoFocus"
                        lv-keydown={CardEvent::Cancel} lv-key="Escape">
                </form>
            } else {
                <span class="title" lv-click={CardEvent::Edit} title="Click to edit">{props.title}</span>
            }
            <div class="tools">
                <small class="edits">{self.edits} " edits"</small>
                <button class="left" lv-click={CardEvent::Left} disabled={props.column == 0}>"←"</button>
                <button class="right" lv-click={CardEvent::Right} disabled={props.column + 1 == COLUMNS.len()}>"→"</button>
                <button class="delete" lv-click={CardEvent::Delete}>"Delete"</button>
                <button class="crash" lv-click={CardEvent::Crash}>"Simulate crash"</button>
            </div>
        }
        .into()
    }

    async fn handle_event(&mut self, ctx: &Context, event: CardEvent) -> HandlerResult {
        match event {
            CardEvent::Edit => {
                self.editing = true;
                self.draft = self.title.clone();
            }
            CardEvent::Save { title } => {
                let title = title.trim();
                self.editing = false;
                if !title.is_empty() {
                    self.edits += 1;
                    self.emit(ctx, CardOut::Renamed(title.to_owned()))?;
                }
            }
            CardEvent::Cancel => self.editing = false,
            CardEvent::Left => self.emit(ctx, CardOut::Move(-1))?,
            CardEvent::Right => self.emit(ctx, CardOut::Move(1))?,
            CardEvent::Delete => self.emit(ctx, CardOut::Delete)?,
            CardEvent::Crash => panic!("card {} was asked to crash", self.key),
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

/// What the board's own page sends (a card's events go to the card).
#[derive(LiveEvent)]
enum BoardEvent {
    /// `add`: the new card form's `title`.
    Add {
        #[event(default)]
        title: String,
    },
}

#[component]
impl Component for Board {
    async fn mount(&mut self, ctx: &Context, params: &Params, _session: &Session) -> HandlerResult {
        for (title, column) in [("Write the release notes", 0), ("Fix the login bug", 0), ("Review the board", 1)] {
            self.add(title, column);
        }
        let tick = params.get_as::<u64>("tick_ms").unwrap_or(1000).max(50);
        ctx.send_interval(Duration::from_millis(tick), Tick);
        Ok(())
    }

    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        let columns: Vec<_> = COLUMNS
            .iter()
            .enumerate()
            .map(|(col, &(id, title))| {
                let cards = self.cards.iter().filter(|c| c.column == col);
                let slots: Vec<_> = cards
                    .map(|c| {
                        let props = CardProps { key: c.key.clone(), title: c.title.clone(), column: col };
                        self.child::<Card>(c.key.clone(), props).class("card")
                    })
                    .collect();
                (id, title, slots)
            })
            .collect();
        let crashed =
            if self.crashed.is_empty() { String::new() } else { format!(" · crashed: {}", self.crashed.join(", ")) };
        html! {
            <div data-live-view="board" class="board">
                <header>
                    <h1>"Board"</h1>
                    <p>
                        <span slot:count>{self.cards.len()}</span> " cards · "
                        <span slot:renames>{self.renames}</span> " renamed · "
                        <span slot:clock>{self.ticks}</span> " s"
                        <span slot:crashed>{crashed}</span>
                    </p>
                    <form class="add" lv-submit={BoardEvent::Add}>
                        <input name="title" placeholder="New card" autocomplete="off">
                        <button>"Add"</button>
                    </form>
                </header>
                <div class="columns">
                    for (id, title, cards) in &columns {
                        <section class="column" id={format!("col-{id}")}>
                            <h2>{title}</h2>
                            <ul data-list={id}>
                                for card in cards { {card} }
                            </ul>
                        </section>
                    }
                </div>
            </div>
        }
        .into()
    }

    async fn handle_event(&mut self, _ctx: &Context, event: BoardEvent) -> HandlerResult {
        match event {
            BoardEvent::Add { title } => {
                let title = title.trim();
                if title.is_empty() {
                    return Err(HandlerError::with_code("empty_title", "a card needs a title"));
                }
                self.add(title, 0);
                Ok(())
            }
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
