//! The notes example (issue 15, item 8) in the real app under Xvfb, as a user works with it: the
//! folder chosen in the GTK folder chooser lists its notes; typed text is saved to disk by the
//! File menu's `ctrl+s` accelerator and, for a note left unsaved, when the app quits; `ctrl+n`
//! creates a note file; Delete asks with a native confirmation (Cancel keeps the file, OK
//! deletes it); a `.md` file dragged from outside onto the list is imported into the folder.

use std::path::{Path, PathBuf};

use golivekit_e2e::App;

use crate::file_drop::{drag, DragSource};
use crate::native::choose_in_file_chooser;
use crate::util::{answer_native_dialog, press_in_app, quit, screen_point, text, WAIT};

/// `FOLDER_TITLE` and `DELETE_TITLE` of the example.
const FOLDER_TITLE: &str = "Open a folder of notes";
const DELETE_TITLE: &str = "Delete note";

/// A fresh folder for one test, holding `notes`.
fn folder(tag: &str, notes: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("golivekit-e2e-notes-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (name, body) in notes {
        std::fs::write(dir.join(name), body).expect("write");
    }
    dir
}

/// The app on `/notes` with `dir` open.
fn launch_on(dir: &Path) -> App {
    // Test hooks on: `press_in_app` reads the app's count of menu events.
    let app = App::launch_with(&format!("/notes?dir={}", dir.display()), &["--test-hooks"]).expect("launch");
    app.session().wait_for("#note-list li", WAIT).expect("the notes of the folder");
    app
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

#[test]
fn the_folder_chosen_in_the_gtk_folder_chooser_lists_its_notes() {
    let dir = folder("choose", &[("Ideas.md", "x"), ("Todo.md", "y"), ("photo.png", "z")]);
    let app = App::launch("/notes").expect("launch");
    let s = app.session();
    s.click(&s.wait_for("#open-folder", WAIT).expect("button")).expect("Open folder…");
    choose_in_file_chooser(FOLDER_TITLE, &dir.display().to_string());
    s.wait(WAIT, "the folder's notes", || s.find("li[data-key='Todo.md']").ok()).expect("listed");
    let list = text(s, "#note-list");
    assert!(list.contains("Ideas.md") && !list.contains("photo.png"), "{list}");
    assert!(text(s, "#folder").contains(&dir.display().to_string()), "{}", text(s, "#folder"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn typed_text_is_saved_by_the_ctrl_s_accelerator_and_an_unsaved_note_when_the_app_quits() {
    let dir = folder("save", &[("a.md", "Milk"), ("b.md", "Tea")]);
    let app = launch_on(&dir);
    let s = app.session();
    s.click(&s.find("li[data-key='a.md'] .open").expect("a.md")).expect("open a.md");
    let body = s.wait_for("#note-body", WAIT).expect("editor");
    s.send_keys(&body, ", eggs").expect("type");
    // File → Save, right after typing.
    press_in_app(&app, "ctrl+s", "a.md to hold \"Milk, eggs\"", || {
        (read(dir.join("a.md")) == "Milk, eggs").then_some(())
    });
    s.wait_for_text("#status", "Saved a.md.", WAIT).expect("said so");
    // b.md typed into and never saved: quitting writes it.
    s.click(&s.find("li[data-key='b.md'] .open").expect("b.md")).expect("open b.md");
    s.wait_for_text("#note-title", "b.md", WAIT).expect("b.md open");
    let body = s.find("#note-body").expect("editor");
    s.send_keys(&body, " and cake").expect("type");
    quit(&app);
    assert_eq!(read(dir.join("b.md")), "Tea and cake", "what was typed is on disk");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn ctrl_n_creates_a_note_file_in_the_folder() {
    let dir = folder("new", &[("a.md", "x")]);
    let app = launch_on(&dir);
    let s = app.session();
    press_in_app(&app, "ctrl+n", "the new note in the list", || s.find("li[data-key='Untitled.md']").ok());
    s.wait_for_text("#note-title", "Untitled.md", WAIT).expect("and open");
    assert!(dir.join("Untitled.md").is_file(), "the file exists");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn delete_asks_natively_cancel_keeps_the_note_and_ok_deletes_the_file() {
    let dir = folder("delete", &[("a.md", "keep me?"), ("b.md", "b")]);
    let app = launch_on(&dir);
    let s = app.session();
    let delete = s.find("li[data-key='a.md'] .delete").expect("delete a.md");
    s.click(&delete).expect("click delete");
    answer_native_dialog(DELETE_TITLE, false);
    s.wait_for_text("#status", "Kept a.md.", WAIT).expect("Cancel kept it");
    assert!(dir.join("a.md").is_file() && s.find("li[data-key='a.md']").is_ok());
    s.click(&s.find("li[data-key='a.md'] .delete").expect("delete a.md")).expect("click delete again");
    answer_native_dialog(DELETE_TITLE, true);
    s.wait_for_text("#status", "Deleted a.md.", WAIT).expect("OK deleted it");
    assert!(!dir.join("a.md").exists(), "the file is gone");
    assert!(s.find("li[data-key='a.md']").is_err() && s.find("li[data-key='b.md']").is_ok());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_md_file_dropped_on_the_list_is_imported_into_the_folder() {
    let dir = folder("drop", &[("a.md", "x")]);
    let source_dir = folder("drop-source", &[("dropped.md", "# From the desktop\n")]);
    let file = source_dir.join("dropped.md");
    let app = launch_on(&dir);
    let s = app.session();
    let source = DragSource::start(&[&file]);
    drag(&source, &[screen_point(&app, "#note-drop")], |_| {});
    s.wait(WAIT, "the imported note", || s.find("li[data-key='dropped.md']").ok()).expect("listed");
    assert_eq!(read(dir.join("dropped.md")), "# From the desktop\n", "copied into the folder");
    assert!(file.is_file(), "the original stays where it was");
    assert!(text(s, "#status").starts_with("Imported 1: dropped.md."), "{}", text(s, "#status"));
    let _ = std::fs::remove_dir_all(dir);
    let _ = std::fs::remove_dir_all(source_dir);
}
