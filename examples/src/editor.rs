//! A notes editor where nothing you type is lost. Route: `/editor`.
//!
//! - The text area sends what you type with `lv-input` (debounced); each keystroke's event carries
//!   the note it was typed into (`lv-value-id`), and the handler saves into **that** note, never
//!   into "the current one" — so text still held by the page when the note changes lands where it
//!   was typed.
//! - `Ctrl+S` saves and `Ctrl+J` opens the next note (window keys): the page sends the text it
//!   holds first, so a save right after typing saves the whole text.
//! - The app's File menu (declared in Rust, `golivekit::menu`; see
//!   [`crate::app_menu::menu_bar`]) reaches the focused window's editor as a `MenuCommand` info:
//!   New note (`Ctrl+N`) adds a note and opens it, Save (`Ctrl+S`) and Next note do what the page's
//!   `Ctrl+S` and `Ctrl+J` do. A native accelerator is taken by GTK before the page sees the key,
//!   so in the app `Ctrl+S` is the menu's; the plugin first lets the page send the text it holds,
//!   so a save right after typing still saves the whole text.
//! - "Next note in 1 s" switches notes from the server (a timer, like a menu item would) while you
//!   may be typing: the field then shows the new note's text, and what you had typed is saved
//!   into the old note (DESIGN §3, record switches).
//! - Delete asks first (`lv-confirm`, a native dialog). "Save slowly" takes 400 ms (a slow disk),
//!   "New window" opens another editor window.
//! - When the view ends — window closed, app quit — `terminate` writes the notes to the journal
//!   file the app was started with (`golivekit-desktop --journal FILE`, as one JSON line), after an
//!   optional slow-disk delay (`?slow_save=300`, in ms): quitting waits for it.

use std::time::Duration;

use golivekit::menu::MenuCommand;
use golivekit::{
    component, html, BaseComponent, Component, Context, HandlerError, HandlerResult, Info, LiveEvent, Params, Renderer,
    Session, TerminateReason,
};
use serde::{Deserialize, Serialize};

use crate::app_menu::{MENU_NEW, MENU_NEXT, MENU_SAVE};

/// The session key holding the journal file's path (set by the app from `--journal`).
pub const JOURNAL_KEY: &str = "editor_journal";

/// One note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Its id (stable across edits).
    pub id: u64,
    /// Its title.
    pub title: String,
    /// Its text.
    pub body: String,
}

/// What `terminate` writes to the journal: one JSON line per view that ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journal {
    /// How the view ended (`Normal`, `Shutdown`, …).
    pub reason: String,
    /// The window it was in.
    pub window: String,
    /// The notes as they were.
    pub notes: Vec<Note>,
    /// Every event the view handled, in order (`edit:1:hello`, `save:1`, …).
    pub log: Vec<String>,
}

/// Switch to the next note (from the "Next note in 1 s" timer).
#[derive(Debug, Clone, Copy)]
struct NextNote;

/// What the editor page sends.
#[derive(LiveEvent)]
enum Msg {
    /// `edit`: the whole text (`value`) typed into note `id`.
    Edit {
        id: u64,
        #[event(default)]
        value: String,
    },
    /// `save`: save now, or after `delay` ms (at most 2 s: a slow disk, for the reload test).
    Save { delay: Option<u64> },
    /// `open`: open note `id`.
    Open { id: u64 },
    /// `next`: open the next note.
    Next,
    /// `next_later`: open the next note in a second, from the server.
    NextLater,
    /// `new_window`: open another editor window.
    NewWindow,
    /// `delete`: delete note `id` (the page has asked first).
    Delete { id: u64 },
}

/// The editor.
#[derive(Default)]
pub struct Editor {
    base: BaseComponent,
    notes: Vec<Note>,
    current: u64,
    log: Vec<String>,
    saves: u64,
    journal: Option<String>,
    slow_save: Duration,
}

impl Editor {
    fn note(&self, id: u64) -> Option<&Note> {
        self.notes.iter().find(|n| n.id == id)
    }

    fn open_next(&mut self) {
        let at = self.notes.iter().position(|n| n.id == self.current).map_or(0, |i| i + 1);
        if let Some(next) = self.notes.get(at % self.notes.len().max(1)) {
            self.current = next.id;
        }
    }

    fn save(&mut self) {
        self.saves += 1;
        let body = self.note(self.current).map(|n| n.body.clone()).unwrap_or_default();
        self.log.push(format!("save:{}:{body}", self.current));
    }

    fn new_note(&mut self) {
        let id = self.notes.iter().map(|n| n.id).max().unwrap_or(0) + 1;
        self.notes.push(Note { id, title: format!("Note {id}"), body: String::new() });
        self.current = id;
        self.log.push(format!("new:{id}"));
    }
}

#[component]
impl Component for Editor {
    async fn mount(&mut self, _ctx: &Context, params: &Params, session: &Session) -> HandlerResult {
        self.notes = [("Groceries", "Milk, eggs"), ("Ideas", "A desktop LiveView"), ("Todo", "")]
            .iter()
            .zip(1..)
            .map(|((title, body), id)| Note { id, title: (*title).into(), body: (*body).into() })
            .collect();
        self.current = 1;
        self.journal = Some(session.get_string(JOURNAL_KEY)).filter(|p| !p.is_empty());
        self.slow_save = Duration::from_millis(params.get_as::<u64>("slow_save").unwrap_or(0).min(5_000));
        Ok(())
    }

    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        let current = self.note(self.current);
        let last_save = self.log.iter().rev().find(|l| l.starts_with("save:")).map_or("", String::as_str);
        html! {
            <div data-live-view="editor" class="editor">
                <h1>"Notes"</h1>
                <p class="hint">
                    <span lv-window-keydown={Msg::Save} lv-key="Ctrl+S">"Ctrl+S saves"</span>
                    " · "
                    <span lv-window-keydown={Msg::Next} lv-key="Ctrl+J">"Ctrl+J opens the next note"</span>
                    " · "
                    <button id="next-later" lv-click={Msg::NextLater}>"Next note in 1 s"</button>
                    " · "
                    <button id="slow-save" lv-click={Msg::Save { delay: Some(400) }}>"Save slowly"</button>
                    " · "
                    <button id="new-window" lv-click={Msg::NewWindow}>"New window"</button>
                </p>
                <ul class="notes" data-list="notes">
                    for note in &self.notes key = format!("n{}", note.id) {
                        <li class={if note.id == self.current { "note current" } else { "note" }}>
                            <button class="open" lv-click={Msg::Open { id: note.id }}>{note.title}</button>
                            " "
                            <button class="delete" lv-click={Msg::Delete { id: note.id }}
                                lv-confirm={format!("Delete the note “{}”?", note.title)}
                                aria-label={format!("Delete {}", note.title)}>"✕"</button>
                        </li>
                    }
                </ul>
                <h2 slot:title>{current.map_or("", |n| n.title.as_str())}</h2>
                <textarea id="body" name="body" rows="8" cols="60" lv-input={Msg::Edit { id: self.current, .. }}
                    lv-debounce="800" slot:body>{current.map_or("", |n| n.body.as_str())}</textarea>
                <p>
                    "Saved " <span slot:saves>{self.saves}</span> " times · last: " <q slot:saved>{last_save}</q>
                </p>
                <ol class="log" slot:log>
                    for line in self.log.iter().rev().take(8) {
                        <li>{line}</li>
                    }
                </ol>
                <p><a href="/">"← All examples"</a></p>
            </div>
        }
        .into()
    }

    async fn handle_event(&mut self, ctx: &Context, msg: Msg) -> HandlerResult {
        match msg {
            Msg::Edit { id, value } => {
                let note =
                    self.notes.iter_mut().find(|n| n.id == id).ok_or_else(|| HandlerError::new("no such note"))?;
                note.body.clone_from(&value);
                self.log.push(format!("edit:{id}:{value}"));
            }
            Msg::Save { delay } => {
                if let Some(ms) = delay {
                    tokio::time::sleep(Duration::from_millis(ms.min(2_000))).await;
                }
                self.save();
            }
            Msg::Open { id } => {
                self.current = id;
                self.log.push(format!("open:{}", self.current));
            }
            Msg::Next => {
                self.open_next();
                self.log.push(format!("open:{}", self.current));
            }
            Msg::NextLater => {
                ctx.send_after(Duration::from_secs(1), NextNote);
            }
            Msg::NewWindow => {
                self.socket().open_window("/editor")?;
            }
            Msg::Delete { id } => {
                self.notes.retain(|n| n.id != id);
                if self.current == id {
                    self.current = self.notes.first().map_or(0, |n| n.id);
                }
                self.log.push(format!("delete:{id}"));
            }
        }
        Ok(())
    }

    async fn handle_info(&mut self, _ctx: &Context, msg: Info) -> HandlerResult {
        let msg = match msg.downcast::<NextNote>() {
            Ok(NextNote) => {
                self.open_next();
                self.log.push(format!("open:{}", self.current));
                return Ok(());
            }
            Err(msg) => msg,
        };
        if let Ok(MenuCommand { id }) = msg.downcast::<MenuCommand>() {
            match id.as_str() {
                MENU_NEW => self.new_note(),
                MENU_SAVE => self.save(),
                MENU_NEXT => {
                    self.open_next();
                    self.log.push(format!("open:{}", self.current));
                }
                other => tracing::debug!(id = other, "the editor ignores this menu command"),
            }
        }
        Ok(())
    }

    async fn terminate(&mut self, ctx: &Context, reason: TerminateReason) {
        let Some(path) = self.journal.clone() else { return };
        tokio::time::sleep(self.slow_save).await;
        let entry = Journal {
            reason: format!("{reason:?}"),
            window: ctx.window().to_owned(),
            notes: self.notes.clone(),
            log: self.log.clone(),
        };
        let line = serde_json::to_string(&entry).unwrap_or_default() + "\n";
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, line.as_bytes()));
        if let Err(e) = written {
            tracing::error!(path, "could not write the editor's journal: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use golivekit::testing::TestView;
    use golivekit::Payload;

    fn edit(id: u64, text: &str) -> Payload {
        [("id", id.to_string()), ("value", text.to_owned())].into_iter().collect()
    }

    #[tokio::test]
    async fn text_typed_into_a_note_is_saved_into_that_note_even_after_a_switch() {
        let mut view = TestView::mount(Editor::default()).await.expect("mount");
        view.click("next").await.expect("next");
        // Text the page held for note 1 arrives after the switch: it still goes to note 1.
        view.event("edit", edit(1, "Milk, eggs, bread")).await.expect("edit");
        assert_eq!(view.slot_text("title").as_deref(), Some("Ideas"));
        assert_eq!(view.slot_text("body").as_deref(), Some("A desktop LiveView"));
        view.click("next").await.expect("next");
        view.click("next").await.expect("back to 1");
        assert_eq!(view.slot_text("body").as_deref(), Some("Milk, eggs, bread"));
        view.terminate().await;
    }

    #[tokio::test]
    async fn menu_commands_add_a_note_and_save() {
        async fn menu(view: &mut TestView, id: &str) {
            view.info(Info::new(MenuCommand { id: id.into() })).expect("queued");
            view.next_message().await.expect("a patch");
        }
        let mut view = TestView::mount(Editor::default()).await.expect("mount");
        menu(&mut view, MENU_NEW).await;
        assert_eq!(view.slot_text("title").as_deref(), Some("Note 4"));
        assert!(view.html().contains(r#"data-key="n4""#), "{}", view.html());
        view.event("edit", edit(4, "fresh")).await.expect("edit");
        menu(&mut view, MENU_SAVE).await;
        assert_eq!(view.slot_text("saves").as_deref(), Some("1"));
        assert_eq!(view.slot_text("saved").as_deref(), Some("save:4:fresh"));
        menu(&mut view, MENU_NEXT).await;
        assert_eq!(view.slot_text("title").as_deref(), Some("Groceries"));
        view.terminate().await;
    }

    #[tokio::test]
    async fn an_edit_without_a_note_id_is_a_typed_error() {
        let mut view = TestView::mount(Editor::default()).await.expect("mount");
        let payload: Payload = [("value", "x")].into_iter().collect();
        let err = view.event("edit", payload).await.expect_err("refused");
        assert_eq!(err.code(), "bad_payload");
        view.terminate().await;
    }

    #[tokio::test]
    async fn hostile_note_text_stays_text() {
        let mut view = TestView::mount(Editor::default()).await.expect("mount");
        view.event("edit", edit(1, "</textarea><script>alert(1)</script>")).await.expect("edit");
        assert!(!view.html().contains("<script>"), "{}", view.html());
        view.terminate().await;
    }
}
