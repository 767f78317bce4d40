//! A notes app on a folder of `.md` files: every native feature in one view. Route: `/notes`
//! (`/notes?dir=PATH` opens that folder at once).
//!
//! - **Open folder…** (button, File menu, `Ctrl+O`) asks with the native folder chooser and lists
//!   the folder's `.md` notes.
//! - Pick a note to edit it. What you type is kept per note (`lv-value-note` names the note it
//!   was typed into) and marked unsaved (•) until you **Save** (button, `Ctrl+S`, File → Save):
//!   the note is written to disk atomically. Switching notes keeps each one's unsaved text, and
//!   when the view ends (window closed, app quit) every unsaved note is written — nothing typed is
//!   lost. **New** (button, File menu, `Ctrl+N`) creates "Untitled.md" (a free name).
//! - **Delete** asks with a native confirmation: Cancel keeps the note, OK deletes the file.
//! - **Drop `.md` files onto the list** to import them (copied into the folder under a free
//!   name); other files are skipped and said so. The paths come from Rust, from the native drop.
//! - **Export…** asks where with the native save dialog, writes every note (an unsaved one as
//!   its draft reads, without saving it) into one Markdown file off the async threads, and says
//!   so with a desktop notification.
//! - The window's size and position are remembered by the app (`Builder::remember_window_state`).
//!
//! Every failure — no folder open, a cancelled dialog, an unreadable file, a name that is not a
//! note, no notification service — shows in the page; the view never panics. The file work is in
//! [`store`]; tests drive every path with `golivekit::testing::FakeNative`.

pub mod store;

use std::collections::BTreeMap;
use std::path::PathBuf;

use golivekit::menu::MenuCommand;
use golivekit::native::{FileDialog, MessageDialog, MessageKind, Notification};
use golivekit::{
    component, html, BaseComponent, Component, Context, HandlerResult, Info, LiveEvent, Params, Renderer, Session,
    TerminateReason,
};

use crate::app_menu::{MENU_NEW, MENU_OPEN_FOLDER, MENU_SAVE};
use crate::support::{blocking, native_error};
use store::NoteName;

/// The title of the "Open folder…" dialog (the e2e tests find the native window by it).
pub const FOLDER_TITLE: &str = "Open a folder of notes";
/// The title of the "Export…" dialog.
pub const EXPORT_TITLE: &str = "Export the notes";
/// The title of the delete confirmation.
pub const DELETE_TITLE: &str = "Delete note";

/// What the notes page sends.
#[derive(LiveEvent)]
enum Msg {
    /// `open_folder`: ask for a folder.
    OpenFolder,
    /// `select`: edit note `note`.
    Select { note: String },
    /// `edit`: the text of note `note` of folder `folder` (the note it was typed into) is now
    /// `value`. (Not `name`: a field's event sends its own `name` attribute as `name`, which
    /// would win.)
    Edit { note: String, folder: String, value: String },
    /// `save`: write the open note.
    Save,
    /// `new`: create a note.
    New,
    /// `delete`: delete note `note` of folder `folder`, once confirmed.
    Delete { note: String, folder: String },
    /// `import`: `.md` files dropped on the list.
    Import {
        #[event(dropped)]
        files: Vec<PathBuf>,
    },
    /// `export`: write every note into one file.
    Export,
}

/// A line under the toolbar: what just happened, or what went wrong.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum Status {
    #[default]
    None,
    Done(String),
    Failed(String),
}

/// The notes app.
#[derive(Default)]
pub struct Notes {
    base: BaseComponent,
    folder: Option<PathBuf>,
    notes: Vec<NoteName>,
    /// The note being edited and its text as saved on disk.
    open: Option<(NoteName, String)>,
    /// Text typed and not saved yet, by note.
    drafts: BTreeMap<NoteName, String>,
    /// Every folder this view has opened: text typed for a note of one of them after another
    /// opened still goes to it; a folder the page names that is not here is refused.
    visited: Vec<PathBuf>,
    status: Status,
}

/// The user's home folder, if the environment names one.
fn home_dir() -> Option<PathBuf> {
    std::env::var_os(if cfg!(windows) { "USERPROFILE" } else { "HOME" }).map(PathBuf::from).filter(|p| p.is_dir())
}

impl Notes {
    fn folder(&self) -> Result<PathBuf, String> {
        self.folder.clone().ok_or_else(|| "Open a folder first.".to_owned())
    }

    /// The open folder as the page names it (`lv-value-folder`), `""` with none.
    fn folder_id(&self) -> String {
        self.folder.as_ref().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default()
    }

    /// A note the page named: a valid name that is in the list.
    fn known(&self, name: &str) -> Result<NoteName, String> {
        let name = NoteName::parse(name)?;
        if self.notes.contains(&name) {
            Ok(name)
        } else {
            Err(format!("There is no note “{name}” in this folder."))
        }
    }

    /// The text shown for the open note: its draft, else what is on disk.
    fn shown_text(&self) -> Option<(&NoteName, &str)> {
        let (name, saved) = self.open.as_ref()?;
        Some((name, self.drafts.get(name).map_or(saved.as_str(), String::as_str)))
    }

    async fn refresh(&mut self) -> Result<(), String> {
        let dir = self.folder()?;
        let at = dir.clone();
        self.notes =
            blocking(move || store::list(&at)).await.map_err(|e| format!("Cannot list {}: {e}", dir.display()))?;
        if self.open.as_ref().is_some_and(|(name, _)| !self.notes.contains(name)) {
            self.open = None;
        }
        Ok(())
    }

    /// Writes every unsaved note to the folder; says which could not be written.
    async fn save_drafts(&mut self) -> Result<usize, String> {
        let Some(dir) = self.folder.clone() else { return Ok(0) };
        let mut saved = 0;
        let mut failed = Vec::new();
        for (name, text) in std::mem::take(&mut self.drafts) {
            let (at, n, t) = (dir.clone(), name.clone(), text.clone());
            match blocking(move || store::write(&at, &n, &t)).await {
                Ok(()) => {
                    if let Some((_, on_disk)) = self.open.as_mut().filter(|(open, _)| *open == name) {
                        *on_disk = text;
                    }
                    saved += 1;
                }
                Err(e) => {
                    failed.push(format!("{name}: {e}"));
                    self.drafts.insert(name, text); // kept: nothing typed is dropped
                }
            }
        }
        if failed.is_empty() {
            Ok(saved)
        } else {
            Err(format!("Could not save {}", failed.join("; ")))
        }
    }

    async fn open_folder(&mut self, ctx: &Context) -> Result<String, String> {
        let native = ctx.native().map_err(|e| native_error(&e))?;
        let mut dialog = FileDialog::new().title(FOLDER_TITLE);
        // Start in the open folder, else the home folder (GTK would start in "Recent", where no
        // folder can be picked).
        if let Some(dir) = self.folder.clone().or_else(home_dir) {
            dialog = dialog.default_path(dir);
        }
        let Some(dir) = native.pick_folder(dialog).await.map_err(|e| native_error(&e))? else {
            return Ok("No folder chosen.".into());
        };
        self.save_drafts().await?; // the old folder's unsaved notes go to the old folder
        self.use_folder(dir).await
    }

    async fn use_folder(&mut self, dir: PathBuf) -> Result<String, String> {
        let previous = self.folder.replace(dir.clone());
        if let Err(e) = self.refresh().await {
            self.folder = previous;
            return Err(e);
        }
        self.open = None;
        if !self.visited.contains(&dir) {
            self.visited.push(dir.clone());
        }
        Ok(format!("{} notes in {}.", self.notes.len(), dir.display()))
    }

    async fn select(&mut self, name: &str) -> Result<String, String> {
        let name = self.known(name)?;
        let (dir, n) = (self.folder()?, name.clone());
        let text = blocking(move || store::read(&dir, &n)).await.map_err(|e| format!("Cannot read {name}: {e}"))?;
        self.open = Some((name, text));
        Ok(String::new())
    }

    async fn edit(&mut self, name: &str, folder: &str, value: String) -> Result<String, String> {
        if folder != self.folder_id() {
            // Typed into a note of the folder the user has left (the edit was on its way, or held
            // by the page, when another folder opened): it goes to that note, never to a note of
            // the same name here.
            let Some(dir) = self.visited.iter().find(|d| d.to_string_lossy() == folder).cloned() else {
                return Err("That text was typed in a folder this window never opened: nothing was written.".into());
            };
            let name = NoteName::parse(name)?;
            let (at, n, t) = (dir.clone(), name.clone(), value);
            return match blocking(move || store::write(&at, &n, &t)).await {
                Ok(()) => Ok(format!("Saved {name} in {}, the folder it was typed in.", dir.display())),
                Err(e) => Err(format!("Could not save {name} in {}: {e}", dir.display())),
            };
        }
        let name = self.known(name)?;
        let on_disk = self.open.as_ref().filter(|(open, _)| *open == name).map(|(_, text)| text);
        if on_disk == Some(&value) {
            self.drafts.remove(&name);
        } else {
            self.drafts.insert(name, value);
        }
        Ok(String::new())
    }

    async fn save(&mut self) -> Result<String, String> {
        let Some((name, _)) = self.open.clone() else { return Err("No note is open.".into()) };
        let Some(text) = self.drafts.get(&name).cloned() else { return Ok(format!("{name} is saved.")) };
        let (dir, n, t) = (self.folder()?, name.clone(), text.clone());
        blocking(move || store::write(&dir, &n, &t)).await.map_err(|e| format!("Cannot save {name}: {e}"))?;
        self.drafts.remove(&name);
        self.open = Some((name.clone(), text));
        Ok(format!("Saved {name}."))
    }

    async fn new_note(&mut self) -> Result<String, String> {
        let dir = self.folder()?;
        let at = dir.clone();
        let name = blocking(move || store::create(&at)).await.map_err(|e| format!("Cannot create a note: {e}"))?;
        self.refresh().await?;
        self.open = Some((name.clone(), String::new()));
        Ok(format!("Created {name}."))
    }

    async fn delete(&mut self, ctx: &Context, name: &str, folder: &str) -> Result<String, String> {
        if folder != self.folder_id() {
            return Err(format!("{name} was in a folder that is no longer open: nothing was deleted."));
        }
        let name = self.known(name)?;
        let native = ctx.native().map_err(|e| native_error(&e))?;
        let question = MessageDialog::new(format!("Delete “{name}”? The file is removed from the folder."))
            .title(DELETE_TITLE)
            .kind(MessageKind::Warning);
        if !native.confirm(question).await.map_err(|e| native_error(&e))? {
            return Ok(format!("Kept {name}."));
        }
        let (dir, n) = (self.folder()?, name.clone());
        blocking(move || store::delete(&dir, &n)).await.map_err(|e| format!("Cannot delete {name}: {e}"))?;
        self.drafts.remove(&name);
        self.refresh().await?;
        Ok(format!("Deleted {name}."))
    }

    async fn import(&mut self, files: Vec<PathBuf>) -> Result<String, String> {
        let dir = self.folder()?;
        let (mut imported, mut skipped) = (Vec::new(), Vec::new());
        for file in files {
            let (at, from) = (dir.clone(), file.clone());
            match blocking(move || store::import(&at, &from)).await {
                Ok(name) => imported.push(name.to_string()),
                Err(e) => skipped.push(format!("{} ({e})", file.display())),
            }
        }
        self.refresh().await?;
        let mut said = format!("Imported {}: {}.", imported.len(), imported.join(", "));
        if !skipped.is_empty() {
            said.push_str(&format!(" Skipped {}.", skipped.join(", ")));
        }
        Ok(said)
    }

    async fn export(&mut self, ctx: &Context) -> Result<String, String> {
        let dir = self.folder()?;
        let native = ctx.native().map_err(|e| native_error(&e))?;
        let dialog =
            FileDialog::new().title(EXPORT_TITLE).filter("Markdown", &["md"]).default_path(dir.join("export.md"));
        let Some(to) = native.save_file(dialog).await.map_err(|e| native_error(&e))? else {
            return Ok("Nothing exported.".into());
        };
        // What the user sees, unsaved drafts included; saving stays the user's choice.
        let (at, dest, drafts) = (dir.clone(), to.clone(), self.drafts.clone());
        let count =
            blocking(move || store::export(&at, &dest, &drafts)).await.map_err(|e| format!("Export failed: {e}"))?;
        let said = format!("Exported {count} notes to {}.", to.display());
        let note = Notification::new("Export finished").body(said.clone());
        match native.notify(note).await {
            Ok(()) => Ok(said),
            Err(e) => Ok(format!("{said} (No notification: {})", native_error(&e))),
        }
    }

    async fn menu(&mut self, ctx: &Context, id: &str) -> Option<Result<String, String>> {
        Some(match id {
            MENU_NEW => self.new_note().await,
            MENU_OPEN_FOLDER => self.open_folder(ctx).await,
            MENU_SAVE => self.save().await,
            _ => return None,
        })
    }

    fn report(&mut self, outcome: Result<String, String>) {
        self.status = match outcome {
            Ok(said) if said.is_empty() => Status::None,
            Ok(said) => Status::Done(said),
            Err(why) => Status::Failed(why),
        };
    }
}

#[component]
impl Component for Notes {
    async fn mount(&mut self, _ctx: &Context, params: &Params, _session: &Session) -> HandlerResult {
        if let Some(dir) = params.get("dir").filter(|d| !d.is_empty()) {
            let outcome = self.use_folder(PathBuf::from(dir)).await;
            self.report(outcome);
        }
        Ok(())
    }

    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        let shown = self.shown_text();
        let open = shown.map(|(name, _)| name);
        let folder = self.folder_id();
        html! {
            <div data-live-view="notes" class="notes-app">
                <h1>"Notes"</h1>
                <p class="toolbar">
                    <button id="open-folder" lv-click={Msg::OpenFolder}>"Open folder…"</button>
                    " "
                    <button id="new-note" lv-click={Msg::New}>"New"</button>
                    " "
                    <button id="save-note" lv-click={Msg::Save} lv-window-keydown={Msg::Save} lv-key="Ctrl+S">"Save"</button>
                    " "
                    <button id="export" lv-click={Msg::Export}>"Export…"</button>
                </p>
                <p id="folder" class="hint">
                    match &self.folder {
                        Some(dir) => { "Folder: " <code>{dir.display()}</code> }
                        None => "No folder open.",
                    }
                </p>
                match &self.status {
                    Status::None => <p id="status"></p>,
                    Status::Done(said) => <p id="status">{said}</p>,
                    Status::Failed(why) => <p id="status" class="error">{why}</p>,
                }
                <div class="notes-panes">
                    <aside id="note-drop" class="note-drop" lv-drop={Msg::Import}>
                        <ul id="note-list" class="note-list" data-list="notes">
                            for name in &self.notes key = name.as_str() {
                                <li class={if Some(name) == open { "note current" } else { "note" }}>
                                    <button class="open" lv-click={Msg::Select { note: name.to_string() }}>
                                        {name}
                                        if self.drafts.contains_key(name) { <span class="unsaved">" •"</span> }
                                    </button>
                                    " "
                                    <button class="delete" lv-click={Msg::Delete { note: name.to_string(), folder: folder.clone() }}
                                        aria-label={format!("Delete {name}")}>"✕"</button>
                                </li>
                            }
                        </ul>
                        <p class="hint">"Drop .md files here to import them."</p>
                    </aside>
                    <section class="note-editor">
                        match shown {
                            Some((name, text)) => {
                                <h2 id="note-title">{name}</h2>
                                <textarea id="note-body" name="body" rows="14" cols="60"
                                    lv-input={Msg::Edit { note: name.to_string(), folder: folder.clone(), .. }}
                                    lv-debounce="400">{text}</textarea>
                            }
                            None => <p class="hint">"Pick a note, or make a new one."</p>,
                        }
                    </section>
                </div>
                <p><a href="/">"← All examples"</a></p>
            </div>
        }
        .into()
    }

    async fn handle_event(&mut self, ctx: &Context, msg: Msg) -> HandlerResult {
        let outcome = match msg {
            Msg::OpenFolder => self.open_folder(ctx).await,
            Msg::Select { note } => self.select(&note).await,
            Msg::Edit { note, folder, value } => self.edit(&note, &folder, value).await,
            Msg::Save => self.save().await,
            Msg::New => self.new_note().await,
            Msg::Delete { note, folder } => self.delete(ctx, &note, &folder).await,
            Msg::Import { files } => self.import(files).await,
            Msg::Export => self.export(ctx).await,
        };
        self.report(outcome);
        Ok(())
    }

    async fn handle_info(&mut self, ctx: &Context, msg: Info) -> HandlerResult {
        if let Ok(MenuCommand { id }) = msg.downcast::<MenuCommand>() {
            if let Some(outcome) = self.menu(ctx, &id).await {
                self.report(outcome);
            }
        }
        Ok(())
    }

    async fn terminate(&mut self, _ctx: &Context, reason: TerminateReason) {
        // Closing the window or quitting saves what was typed.
        if let Err(why) = self.save_drafts().await {
            tracing::error!(?reason, "notes: {why}");
        }
    }
}

#[cfg(test)]
mod tests;
