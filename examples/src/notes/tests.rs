//! The notes app's handler paths with a fake native shell: dialogs chosen and cancelled, the
//! confirmation, drops, the menu, export with and without a notification service, hostile
//! names and text, and what happens to unsaved text.

use std::path::{Path, PathBuf};

use golivekit::menu::MenuCommand;
use golivekit::testing::{Asked, FakeNative, TestView};
use golivekit::{Info, Params, Payload};

use super::store::fresh_dir;
use super::*;

fn folder(tag: &str, notes: &[(&str, &str)]) -> PathBuf {
    let dir = fresh_dir(tag).expect("temp dir");
    for (name, text) in notes {
        std::fs::write(dir.join(name), text).expect("write");
    }
    dir
}

async fn mount_on(dir: &Path, native: &FakeNative) -> TestView {
    let dir = dir.to_str().expect("utf-8");
    assert!(!dir.contains(['%', '&', '+', ' ', '#']), "a temp dir path needs no percent-encoding");
    let params = Params::from_query("/notes", &format!("dir={dir}"));
    TestView::builder(Notes::default()).native(native.clone()).params(params).mount().await.expect("mount")
}

fn named(event: &str, name: &str) -> (String, Payload) {
    (event.to_owned(), [("note", name)].into_iter().collect())
}

async fn send(view: &mut TestView, (event, payload): (String, Payload)) {
    view.event(&event, payload).await.expect("event");
}

fn edit(dir: &Path, name: &str, text: &str) -> (String, Payload) {
    // As the page sends it: the textarea's own `name` and `value`, the note and its folder from
    // `lv-value-note` and `lv-value-folder`.
    let folder = dir.to_string_lossy();
    ("edit".into(), [("name", "body"), ("note", name), ("folder", &folder), ("value", text)].into_iter().collect())
}

fn delete(dir: &Path, name: &str) -> (String, Payload) {
    let folder = dir.to_string_lossy();
    ("delete".into(), [("note", name), ("folder", &*folder)].into_iter().collect())
}

fn on_disk(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).expect("read")
}

fn status(view: &TestView) -> String {
    let html = view.html();
    let start = html.find("id=\"status\"").expect("status line");
    let rest = &html[start..];
    rest[rest.find('>').map_or(0, |i| i + 1)..rest.find("</p>").unwrap_or(rest.len())].to_owned()
}

#[tokio::test]
async fn open_folder_lists_its_notes_and_cancel_keeps_the_folder_shown() {
    let dir = folder("open", &[("b.md", "B"), ("a.md", "A"), ("x.txt", "no")]);
    let native = FakeNative::new();
    native.choose(&dir).cancel();
    let mut view = TestView::builder(Notes::default()).native(native.clone()).mount().await.expect("mount");
    assert!(view.html().contains("No folder open."));
    view.click("open_folder").await.expect("open");
    let html = view.html().to_owned();
    assert!(html.contains("2 notes in") && html.find("a.md") < html.find("b.md"), "{html}");
    assert!(!html.contains("x.txt"), "{html}");
    assert!(matches!(&native.asked()[0], Asked::PickFolder(d) if d.title.as_deref() == Some(FOLDER_TITLE)));
    view.click("open_folder").await.expect("cancelled");
    assert_eq!(status(&view), "No folder chosen.");
    assert!(view.html().contains("a.md"), "the folder stays open");
    view.terminate().await;
}

#[tokio::test]
async fn typed_text_is_kept_per_note_until_saved_and_saved_atomically() {
    let dir = folder("edit", &[("a.md", "first"), ("b.md", "second")]);
    let mut view = mount_on(&dir, &FakeNative::new()).await;
    send(&mut view, named("select", "a.md")).await;
    assert!(view.html().contains(">first</textarea>"), "{}", view.html());
    send(&mut view, edit(&dir, "a.md", "first, edited")).await;
    assert!(view.html().contains("unsaved"), "marked unsaved");
    send(&mut view, named("select", "b.md")).await;
    // Text still held by the page for a.md arrives after the switch: it goes to a.md.
    send(&mut view, edit(&dir, "a.md", "first, edited more")).await;
    assert!(view.html().contains(">second</textarea>"), "{}", view.html());
    send(&mut view, named("select", "a.md")).await;
    assert!(view.html().contains(">first, edited more</textarea>"), "the draft is shown again");
    assert_eq!(on_disk(&dir, "a.md"), "first", "not saved yet");
    view.click("save").await.expect("save");
    assert_eq!(on_disk(&dir, "a.md"), "first, edited more");
    assert_eq!(status(&view), "Saved a.md.");
    assert!(!view.html().contains("unsaved"), "{}", view.html());
    view.terminate().await;
}

#[tokio::test]
async fn unsaved_notes_are_written_when_the_view_ends() {
    let dir = folder("end", &[("a.md", "one"), ("b.md", "two")]);
    let mut view = mount_on(&dir, &FakeNative::new()).await;
    send(&mut view, named("select", "a.md")).await;
    send(&mut view, edit(&dir, "a.md", "one!")).await;
    send(&mut view, edit(&dir, "b.md", "two!")).await;
    view.terminate().await;
    assert_eq!((on_disk(&dir, "a.md"), on_disk(&dir, "b.md")), ("one!".into(), "two!".into()));
}

#[tokio::test]
async fn delete_asks_first_cancel_keeps_the_file_and_ok_removes_it() {
    let dir = folder("delete", &[("a.md", "A"), ("b.md", "B")]);
    let native = FakeNative::new();
    native.answer(false).answer(true);
    let mut view = mount_on(&dir, &native).await;
    send(&mut view, delete(&dir, "a.md")).await;
    assert!(dir.join("a.md").exists() && view.html().contains("a.md"));
    assert_eq!(status(&view), "Kept a.md.");
    assert!(matches!(&native.asked()[0], Asked::Confirm(d) if d.message.contains("a.md")));
    send(&mut view, delete(&dir, "a.md")).await;
    assert!(!dir.join("a.md").exists(), "OK deletes the file");
    assert!(!view.html().contains("a.md\""), "{}", view.html());
    assert_eq!(status(&view), "Deleted a.md.");
    view.terminate().await;
}

#[tokio::test]
async fn names_that_leave_the_folder_or_are_not_listed_are_refused_and_touch_nothing() {
    let outside = folder("outside", &[("secret.md", "keep")]);
    let dir = folder("names", &[("a.md", "A")]);
    let native = FakeNative::new();
    native.answer(true);
    let mut view = mount_on(&dir, &native).await;
    let escape = format!("../{}/secret.md", outside.file_name().and_then(|n| n.to_str()).expect("name"));
    for name in [escape.as_str(), "/etc/passwd", "missing.md", ".a.md"] {
        send(&mut view, delete(&dir, name)).await;
        assert!(view.html().contains("class=\"error\""), "{name}: {}", view.html());
        send(&mut view, edit(&dir, name, "overwrite")).await;
        send(&mut view, named("select", name)).await;
    }
    assert!(native.asked().is_empty(), "nothing was even asked");
    view.terminate().await;
    assert_eq!(on_disk(&outside, "secret.md"), "keep");
    assert_eq!(std::fs::read_dir(&dir).expect("ls").count(), 1, "nothing written in the folder");
}

#[tokio::test]
async fn dropped_md_files_are_imported_and_others_skipped() {
    let dir = folder("drop", &[("a.md", "A")]);
    let elsewhere = folder("drop-src", &[("a.md", "other A"), ("new.md", "N"), ("pic.png", "x")]);
    let mut view = mount_on(&dir, &FakeNative::new()).await;
    let files = ["a.md", "new.md", "pic.png", "gone.md"].map(|f| elsewhere.join(f));
    view.drop_files(0, "import", &files).await.expect("import");
    assert_eq!(on_disk(&dir, "a 2.md"), "other A", "a taken name gets a free one");
    assert_eq!(on_disk(&dir, "new.md"), "N");
    let said = status(&view);
    assert!(
        said.starts_with("Imported 2: a 2.md, new.md.") && said.contains("pic.png") && said.contains("gone.md"),
        "{said}"
    );
    assert!(view.html().contains("new.md"), "listed");
    view.terminate().await;
}

#[tokio::test]
async fn without_a_folder_every_file_action_says_so() {
    let mut view = TestView::builder(Notes::default()).native(FakeNative::new()).mount().await.expect("mount");
    for event in ["new", "save", "export"] {
        view.click(event).await.expect("shown, not returned");
        assert!(view.html().contains("class=\"error\""), "{event}: {}", view.html());
    }
    view.drop_files(0, "import", [std::env::temp_dir().join("x.md")]).await.expect("shown");
    assert_eq!(status(&view), "Open a folder first.");
    view.terminate().await;
}

#[tokio::test]
async fn without_native_dialogs_the_page_says_which_service_is_missing() {
    let mut view = TestView::mount(Notes::default()).await.expect("mount");
    view.click("open_folder").await.expect("shown, not returned");
    assert!(status(&view).contains("service_missing"), "{}", view.html());
    view.terminate().await;
}

#[tokio::test]
async fn the_file_menu_creates_opens_and_saves() {
    let dir = folder("menu", &[]);
    let native = FakeNative::new();
    native.choose(&dir);
    let mut view = TestView::builder(Notes::default()).native(native).mount().await.expect("mount");
    async fn menu(view: &mut TestView, id: &str) {
        view.info(Info::new(MenuCommand { id: id.into() })).expect("queued");
        view.next_message().await.expect("a patch");
    }
    menu(&mut view, MENU_OPEN_FOLDER).await;
    assert!(view.html().contains("0 notes in"), "{}", view.html());
    menu(&mut view, MENU_NEW).await;
    view.info(Info::new(MenuCommand { id: "next".into() })).expect("another view's command: ignored");
    menu(&mut view, MENU_NEW).await;
    assert!(dir.join("Untitled.md").exists() && dir.join("Untitled 2.md").exists());
    assert!(view.html().contains("Created Untitled 2.md."), "{}", view.html());
    send(&mut view, edit(&dir, "Untitled 2.md", "hello")).await;
    menu(&mut view, MENU_SAVE).await;
    assert_eq!(on_disk(&dir, "Untitled 2.md"), "hello");
    view.terminate().await;
}

#[tokio::test]
async fn export_writes_every_note_as_shown_leaves_drafts_unsaved_and_notifies() {
    let dir = folder("export", &[("a.md", "A text"), ("b.md", "B text")]);
    let to = fresh_dir("export-to").expect("dir").join("all.md");
    let native = FakeNative::new();
    native.choose(&to);
    let mut view = mount_on(&dir, &native).await;
    send(&mut view, edit(&dir, "b.md", "B typed")).await;
    view.click("export").await.expect("export");
    assert_eq!(std::fs::read_to_string(&to).expect("exported"), "# a\n\nA text\n\n# b\n\nB typed\n\n");
    assert_eq!(on_disk(&dir, "b.md"), "B text", "the draft is not saved unasked");
    assert!(view.html().contains("•"), "and still shows as unsaved: {}", view.html());
    let asked = native.asked();
    assert!(matches!(&asked[0], Asked::SaveFile(d) if d.title.as_deref() == Some(EXPORT_TITLE)));
    assert!(matches!(&asked[1], Asked::Notify(n) if n.title == "Export finished"), "{asked:?}");
    assert!(status(&view).starts_with("Exported 2 notes"), "{}", status(&view));
    view.terminate().await;
}

#[tokio::test]
async fn export_cancelled_writes_nothing_and_a_missing_notification_service_is_said() {
    let dir = folder("export-fail", &[("a.md", "A")]);
    let to = fresh_dir("export-fail-to").expect("dir").join("all.md");
    let native = FakeNative::new();
    native.cancel().choose(&to).fail(golivekit::Error::NativeFailed("no notification service".into()));
    let mut view = mount_on(&dir, &native).await;
    view.click("export").await.expect("cancelled");
    assert_eq!(status(&view), "Nothing exported.");
    view.click("export").await.expect("exported");
    assert!(to.exists());
    assert!(
        status(&view).contains("No notification: ") && status(&view).contains("native_failed"),
        "{}",
        status(&view)
    );
    view.terminate().await;
}

#[tokio::test]
async fn hostile_note_text_and_names_stay_text() {
    let dir = folder("hostile", &[("<img src=x onerror=alert(1)>.md", "</textarea><script>alert(1)</script>")]);
    let mut view = mount_on(&dir, &FakeNative::new()).await;
    send(&mut view, named("select", "<img src=x onerror=alert(1)>.md")).await;
    let html = view.html();
    assert!(!html.contains("<script"), "{html}");
    // The name is text in the list and the title, and a quoted value in attributes: never a tag.
    let outside_quotes: String = html.split('"').step_by(2).collect();
    assert!(!outside_quotes.contains("<img"), "{html}");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;.md</h2>"), "{html}");
    assert!(html.contains("&lt;/textarea&gt;&lt;script&gt;"), "{html}");
    view.terminate().await;
}

#[tokio::test]
async fn text_typed_in_a_folder_left_goes_to_its_note_never_to_the_same_name_in_the_new_one() {
    let a = folder("left-a", &[("a.md", "A")]);
    let b = folder("left-b", &[("a.md", "B's own")]);
    let native = FakeNative::new();
    native.choose(&b);
    let mut view = mount_on(&a, &native).await;
    send(&mut view, named("select", "a.md")).await;
    view.click("open_folder").await.expect("open b");
    assert!(view.html().contains("1 notes in"), "{}", view.html());
    // Typed into A's a.md while the chooser was open: the edit arrives after B opened.
    send(&mut view, edit(&a, "a.md", "typed for A")).await;
    assert_eq!(on_disk(&a, "a.md"), "typed for A", "written to the note it was typed into");
    assert_eq!(on_disk(&b, "a.md"), "B's own", "the same name in the new folder is untouched");
    assert!(status(&view).starts_with("Saved a.md in"), "{}", status(&view));
    // A delete clicked in A arriving now deletes nothing, and asks nothing.
    send(&mut view, delete(&a, "a.md")).await;
    assert!(a.join("a.md").exists() && b.join("a.md").exists());
    assert!(native.asked().iter().all(|q| !matches!(q, Asked::Confirm(_))), "{:?}", native.asked());
    // A folder this window never opened is refused, whatever the page says.
    let elsewhere = folder("left-c", &[]);
    send(&mut view, edit(&elsewhere, "x.md", "planted")).await;
    assert!(!elsewhere.join("x.md").exists());
    assert!(view.html().contains("class=\"error\""), "{}", view.html());
    view.terminate().await;
}
