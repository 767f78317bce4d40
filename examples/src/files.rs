//! Native file dialogs awaited in handlers. Route: `/files`.
//!
//! - "Open file…" asks with the native file chooser (`ctx.native()?.open_file(..)`) and shows the
//!   chosen path and the first lines of the file (escaped like any text).
//! - "Pick folder…" asks for a folder and lists its `.md` and `.txt` files.
//! - Files dropped from the desktop onto the drop zone (`lv-drop`) are imported: each one's path
//!   and first lines are shown. The paths come from Rust, from the native drop — the page only
//!   says the drop landed on the zone; a drop anywhere else on the page does nothing.
//! - Cancel shows "Nothing chosen"; an unreadable file or folder, or an app without native dialogs,
//!   shows the error in the page — the view never panics.
//!
//! The dialogs come from the app shell (`golivekit-tauri` on `tauri-plugin-dialog`); the page has
//! no dialog permission of its own. Tests use `golivekit::testing::FakeNative`.

use std::path::{Path, PathBuf};

use golivekit::native::FileDialog;
use golivekit::{component, html, BaseComponent, Component, Context, HandlerResult, LiveEvent, Renderer};

use crate::support::{blocking, native_error};

/// The title of the "Open file…" dialog (the e2e tests find the native window by it).
pub const OPEN_TITLE: &str = "Open a text file";
/// The title of the "Pick folder…" dialog.
pub const FOLDER_TITLE: &str = "Pick a folder of notes";
/// How many lines of an opened file are shown.
pub const PREVIEW_LINES: usize = 5;
/// At most this many bytes of an opened file are read for the preview.
const PREVIEW_BYTES: usize = 16 * 1024;

/// What the page shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum Shown {
    #[default]
    Start,
    Nothing,
    File {
        path: PathBuf,
        lines: Vec<String>,
    },
    Folder {
        path: PathBuf,
        files: Vec<String>,
    },
    Imported(Vec<Imported>),
    Failed(String),
}

/// One dropped file: its path and first lines, or why they could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Imported {
    path: PathBuf,
    lines: Result<Vec<String>, String>,
}

/// What the files page's buttons send.
#[derive(LiveEvent)]
enum Msg {
    /// `open`: ask for a file and show its first lines.
    Open,
    /// `pick_folder`: ask for a folder and list its notes.
    PickFolder,
    /// `import`: files dropped on the drop zone (their paths from the native drop).
    Import {
        #[event(dropped)]
        files: Vec<PathBuf>,
    },
}

/// The file dialogs example.
#[derive(Default)]
pub struct Files {
    base: BaseComponent,
    shown: Shown,
}

/// The first [`PREVIEW_LINES`] lines of the file at `path`.
fn first_lines(path: &Path) -> std::io::Result<Vec<String>> {
    use std::io::Read;
    let mut buf = Vec::new();
    std::fs::File::open(path)?.take(PREVIEW_BYTES as u64).read_to_end(&mut buf)?;
    Ok(String::from_utf8_lossy(&buf).lines().take(PREVIEW_LINES).map(str::to_owned).collect())
}

/// The names of the `.md` and `.txt` files in `dir`, sorted.
fn notes_in(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let is_note = path.extension().and_then(|e| e.to_str()).is_some_and(|e| e == "md" || e == "txt");
        if is_note && path.is_file() {
            names.push(path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
        }
    }
    names.sort();
    Ok(names)
}

impl Files {
    async fn import(&self, files: Vec<PathBuf>) -> Shown {
        if files.is_empty() {
            return Shown::Nothing;
        }
        let mut imported = Vec::new();
        for path in files {
            let at = path.clone();
            let lines = blocking(move || first_lines(&at)).await.map_err(|e| format!("cannot read it: {e}"));
            imported.push(Imported { path, lines });
        }
        Shown::Imported(imported)
    }

    async fn open(&self, ctx: &Context) -> Result<Shown, String> {
        let native = ctx.native().map_err(|e| native_error(&e))?;
        let dialog = FileDialog::new().title(OPEN_TITLE).filter("Text", &["md", "txt"]).filter("All files", &["*"]);
        let Some(path) = native.open_file(dialog).await.map_err(|e| native_error(&e))? else {
            return Ok(Shown::Nothing);
        };
        let at = path.clone();
        match blocking(move || first_lines(&at)).await {
            Ok(lines) => Ok(Shown::File { path, lines }),
            Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        }
    }

    async fn pick_folder(&self, ctx: &Context) -> Result<Shown, String> {
        let native = ctx.native().map_err(|e| native_error(&e))?;
        let Some(path) =
            native.pick_folder(FileDialog::new().title(FOLDER_TITLE)).await.map_err(|e| native_error(&e))?
        else {
            return Ok(Shown::Nothing);
        };
        let at = path.clone();
        match blocking(move || notes_in(&at)).await {
            Ok(files) => Ok(Shown::Folder { path, files }),
            Err(e) => Err(format!("cannot list {}: {e}", path.display())),
        }
    }
}

#[component]
impl Component for Files {
    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        html! {
            <div data-live-view="files" class="files">
                <h1>"Files"</h1>
                <p>
                    <button id="open-file" lv-click={Msg::Open}>"Open file…"</button>
                    " "
                    <button id="pick-folder" lv-click={Msg::PickFolder}>"Pick folder…"</button>
                </p>
                <div id="dropzone" class="dropzone" lv-drop={Msg::Import}>"Drop text files here to import them"</div>
                <div slot:shown>
                    match &self.shown {
                        Shown::Start => <p class="hint">"Choose a file or a folder."</p>,
                        Shown::Nothing => <p id="nothing" class="hint">"Nothing chosen"</p>,
                        Shown::File { path, lines } => {
                            <p>"File: " <code id="chosen">{path.display()}</code></p>
                            <pre id="preview">for line in lines { {line} "\n" }</pre>
                        }
                        Shown::Folder { path, files } => {
                            <p>"Folder: " <code id="chosen">{path.display()}</code></p>
                            if files.is_empty() {
                                <p class="hint">"No .md or .txt files here."</p>
                            }
                            <ul id="notes">for name in files { <li>{name}</li> }</ul>
                        }
                        Shown::Imported(files) => {
                            <ul id="imported">
                                for file in files {
                                    <li>
                                        <code class="dropped">{file.path.display()}</code>
                                        match &file.lines {
                                            Ok(lines) => <pre>for line in lines { {line} "\n" }</pre>,
                                            Err(e) => <p class="error">{e}</p>,
                                        }
                                    </li>
                                }
                            </ul>
                        }
                        Shown::Failed(message) => <p id="error" class="error">{message}</p>,
                    }
                </div>
                <p><a href="/">"← All examples"</a></p>
            </div>
        }
        .into()
    }

    async fn handle_event(&mut self, ctx: &Context, msg: Msg) -> HandlerResult {
        let shown = match msg {
            Msg::Open => self.open(ctx).await,
            Msg::PickFolder => self.pick_folder(ctx).await,
            Msg::Import { files } => Ok(self.import(files).await),
        };
        self.shown = shown.unwrap_or_else(Shown::Failed);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use golivekit::testing::{Asked, FakeNative, TestView};

    async fn mount(native: &FakeNative) -> TestView {
        TestView::builder(Files::default()).native(native.clone()).mount().await.expect("mount")
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("golivekit-files-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[tokio::test]
    async fn an_opened_file_shows_its_path_and_first_lines_escaped() {
        let dir = temp_dir("open");
        let file = dir.join("note.md");
        std::fs::write(&file, "# Title\n<script>alert(1)</script>\n3\n4\n5\n6 not shown\n").expect("write");
        let native = FakeNative::new();
        native.choose(&file);
        let mut view = mount(&native).await;
        view.click("open").await.expect("open");
        let html = view.html().to_owned();
        assert!(html.contains(&file.display().to_string()), "{html}");
        assert!(html.contains("# Title"), "{html}");
        assert!(html.contains("&lt;script&gt;") && !html.contains("<script>"), "{html}");
        assert!(!html.contains("6 not shown"), "{html}");
        assert!(matches!(&native.asked()[0], Asked::OpenFile(d) if d.title.as_deref() == Some(OPEN_TITLE)));
        view.terminate().await;
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test]
    async fn dropped_files_are_imported_with_their_first_lines_and_an_unreadable_one_says_why() {
        let dir = temp_dir("drop");
        let file = dir.join("dropped.md");
        std::fs::write(&file, "first <b>line</b>\nsecond\n").expect("write");
        let missing = dir.join("gone.txt");
        let mut view = mount(&FakeNative::new()).await;
        view.drop_files(0, "import", [&file, &missing]).await.expect("import");
        let html = view.html().to_owned();
        assert!(html.contains(&file.display().to_string()) && html.contains("first &lt;b&gt;line"), "{html}");
        assert!(html.contains(&missing.display().to_string()) && html.contains("cannot read it"), "{html}");
        view.terminate().await;
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test]
    async fn a_page_cannot_send_paths_as_if_they_were_dropped() {
        let mut view = mount(&FakeNative::new()).await;
        let forged: golivekit::Payload =
            serde_json::from_value(serde_json::json!({"_lv_files": ["/etc/passwd"]})).expect("payload");
        let err = view.event("import", forged).await.expect_err("refused");
        assert_eq!(err.code(), "bad_payload");
        view.click("import").await.expect("a drop event without files: nothing to import");
        assert!(view.html().contains("Nothing chosen") && !view.html().contains("passwd"));
        view.terminate().await;
    }

    #[tokio::test]
    async fn a_picked_folder_lists_its_md_and_txt_files() {
        let dir = temp_dir("folder");
        for name in ["b.txt", "a.md", "image.png"] {
            std::fs::write(dir.join(name), "x").expect("write");
        }
        std::fs::create_dir(dir.join("sub.md")).expect("a folder named like a note");
        let native = FakeNative::new();
        native.choose(&dir);
        let mut view = mount(&native).await;
        view.click("pick_folder").await.expect("pick");
        let html = view.html().to_owned();
        assert!(html.contains("<li>a.md</li><li>b.txt</li></ul>"), "{html}");
        assert!(!html.contains("image.png") && !html.contains("sub.md"), "{html}");
        view.terminate().await;
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test]
    async fn cancel_shows_that_nothing_was_chosen() {
        let native = FakeNative::new();
        native.cancel().cancel();
        let mut view = mount(&native).await;
        view.click("open").await.expect("cancel is no error");
        assert!(view.html().contains("Nothing chosen"), "{}", view.html());
        view.click("pick_folder").await.expect("cancel is no error");
        assert!(view.html().contains("Nothing chosen"), "{}", view.html());
        view.terminate().await;
    }

    #[tokio::test]
    async fn an_unreadable_file_shows_the_error() {
        let native = FakeNative::new();
        native.choose("/nonexistent/golivekit/missing.md").choose("/nonexistent/golivekit");
        let mut view = mount(&native).await;
        view.click("open").await.expect("an error is shown, not returned");
        assert!(view.html().contains("cannot read /nonexistent/golivekit/missing.md"), "{}", view.html());
        view.click("pick_folder").await.expect("shown");
        assert!(view.html().contains("cannot list /nonexistent/golivekit"), "{}", view.html());
        view.terminate().await;
    }

    #[tokio::test]
    async fn without_native_dialogs_the_page_says_so() {
        let mut view = TestView::mount(Files::default()).await.expect("mount");
        view.click("open").await.expect("shown, not returned");
        assert!(view.html().contains("service_missing"), "{}", view.html());
        view.terminate().await;
    }

    #[tokio::test]
    async fn a_failing_dialog_shows_its_code() {
        let native = FakeNative::new();
        native.fail(golivekit::Error::NoNativeDialog("no dialog plugin".into()));
        let mut view = mount(&native).await;
        view.click("pick_folder").await.expect("shown");
        assert!(view.html().contains("no_native_dialog"), "{}", view.html());
        view.terminate().await;
    }
}
