//! A folder of `.md` notes on disk: list, read, write (atomically), create, import, delete,
//! export. Every name the page sends goes through [`NoteName::parse`] first, so no event can
//! reach a file outside the folder (`../`, an absolute path, a hidden file) or one that is not a
//! note.

use std::collections::BTreeMap;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// The longest note name accepted, in bytes.
const MAX_NAME: usize = 200;

/// A note's file name: a plain `.md` file name, no directory part, not hidden.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NoteName(String);

impl NoteName {
    /// Checks a name the page sent.
    pub fn parse(name: &str) -> Result<Self, String> {
        let bad = |why: &str| Err(format!("“{name}” is not a note name: {why}"));
        if name.is_empty() || name.len() > MAX_NAME {
            return bad("it must have 1 to 200 bytes");
        }
        if name.contains(['/', '\\', '\0']) || name.starts_with('.') {
            return bad("it must be a plain file name in the folder");
        }
        if !is_md(Path::new(name)) {
            return bad("notes are .md files");
        }
        Ok(Self(name.to_owned()))
    }

    /// The name as written on disk.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for NoteName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether `path` names a `.md` file (any case of the extension).
pub fn is_md(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

/// The notes in `dir` (its `.md` files, not hidden, not folders), sorted by name.
pub fn list(dir: &Path) -> io::Result<Vec<NoteName>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else { continue };
        if entry.file_type()?.is_file() {
            if let Ok(name) = NoteName::parse(&name) {
                names.push(name);
            }
        }
    }
    names.sort();
    Ok(names)
}

/// The text of note `name` in `dir` (invalid UTF-8 is replaced, never an error).
pub fn read(dir: &Path, name: &NoteName) -> io::Result<String> {
    let bytes = std::fs::read(dir.join(name.as_str()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Writes `text` as note `name`: to a hidden temporary file first, renamed over the note, so a
/// crash or a full disk mid-write never leaves half a note.
pub fn write(dir: &Path, name: &NoteName, text: &str) -> io::Result<()> {
    let tmp = dir.join(format!(".{}.saving", name.as_str()));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, dir.join(name.as_str())).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// A name in `dir` that no file has yet: `stem.md`, else `stem 2.md`, `stem 3.md`, …
pub fn free_name(dir: &Path, stem: &str) -> io::Result<NoteName> {
    for n in 1..10_000u32 {
        let candidate = if n == 1 { format!("{stem}.md") } else { format!("{stem} {n}.md") };
        let name = NoteName::parse(&candidate).map_err(io::Error::other)?;
        if !dir.join(name.as_str()).exists() {
            return Ok(name);
        }
    }
    Err(io::Error::other(format!("no free name for “{stem}” in {}", dir.display())))
}

/// Creates an empty note named from "Untitled"; returns its name.
pub fn create(dir: &Path) -> io::Result<NoteName> {
    let name = free_name(dir, "Untitled")?;
    // `create_new`: a file that appeared since `free_name` looked is never overwritten.
    std::fs::OpenOptions::new().write(true).create_new(true).open(dir.join(name.as_str()))?;
    Ok(name)
}

/// Copies the `.md` file at `source` into `dir` under its own name (or a free one when the name
/// is taken); a file already in `dir` is left where it is. Returns the note's name.
pub fn import(dir: &Path, source: &Path) -> io::Result<NoteName> {
    if !is_md(source) {
        return Err(io::Error::other("not a .md file"));
    }
    let meta = std::fs::metadata(source)?;
    if !meta.is_file() {
        return Err(io::Error::other("not a file"));
    }
    let file_name = source.file_name().and_then(|n| n.to_str()).ok_or_else(|| io::Error::other("no file name"))?;
    if source.parent().is_some_and(|p| same_dir(p, dir)) {
        return NoteName::parse(file_name).map_err(io::Error::other);
    }
    let stem = Path::new(file_name).file_stem().and_then(|s| s.to_str()).unwrap_or("Imported");
    let stem = stem.trim_start_matches('.');
    let name = free_name(dir, if stem.is_empty() { "Imported" } else { stem })?;
    let text = std::fs::read(source)?;
    std::fs::write(dir.join(name.as_str()), text)?;
    Ok(name)
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Deletes note `name` from `dir`.
pub fn delete(dir: &Path, name: &NoteName) -> io::Result<()> {
    std::fs::remove_file(dir.join(name.as_str()))
}

/// Writes every note of `dir` into one Markdown file at `to`, each under a `# name` heading —
/// a note with an unsaved draft as the draft reads (what the user sees), its file left as it is;
/// returns how many notes it holds.
pub fn export(dir: &Path, to: &Path, drafts: &BTreeMap<NoteName, String>) -> io::Result<usize> {
    let names = list(dir)?;
    let mut out = String::new();
    for name in &names {
        let text = match drafts.get(name) {
            Some(draft) => draft.clone(),
            None => read(dir, name)?,
        };
        out.push_str(&format!("# {}\n\n{}\n\n", name.as_str().trim_end_matches(".md"), text.trim_end()));
    }
    std::fs::write(to, out)?;
    Ok(names.len())
}

/// A folder path for tests and examples: a fresh, empty temporary directory named `tag`.
#[doc(hidden)]
pub fn fresh_dir(tag: &str) -> io::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("golivekit-notes-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_leave_the_folder_or_are_not_notes_are_refused() {
        for bad in ["", "../x.md", "/etc/passwd", "a/b.md", "a\\b.md", ".hidden.md", "x.txt", "md", "x.md\0"] {
            assert!(NoteName::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(NoteName::parse("Ideas.MD").map(|n| n.to_string()), Ok("Ideas.MD".to_owned()));
    }

    #[test]
    fn a_write_replaces_the_note_and_leaves_no_temporary_file() {
        let dir = fresh_dir("write").expect("dir");
        let name = NoteName::parse("a.md").expect("name");
        write(&dir, &name, "one").expect("write");
        write(&dir, &name, "two").expect("write again");
        assert_eq!(read(&dir, &name).expect("read"), "two");
        let files: Vec<_> = std::fs::read_dir(&dir).expect("ls").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(files, ["a.md"]);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn new_and_imported_notes_never_overwrite_an_existing_one() {
        let dir = fresh_dir("names").expect("dir");
        assert_eq!(create(&dir).expect("new").as_str(), "Untitled.md");
        assert_eq!(create(&dir).expect("new").as_str(), "Untitled 2.md");
        let elsewhere = fresh_dir("names-src").expect("dir");
        std::fs::write(elsewhere.join("Untitled.md"), "imported").expect("write");
        assert_eq!(import(&dir, &elsewhere.join("Untitled.md")).expect("import").as_str(), "Untitled 3.md");
        assert_eq!(read(&dir, &NoteName::parse("Untitled.md").expect("name")).expect("read"), "");
        assert!(import(&dir, &elsewhere.join("missing.md")).is_err());
        std::fs::write(elsewhere.join("pic.png"), "x").expect("write");
        assert!(import(&dir, &elsewhere.join("pic.png")).is_err(), "only .md files");
        assert_eq!(import(&dir, &dir.join("Untitled.md")).expect("already here").as_str(), "Untitled.md");
        assert_eq!(list(&dir).expect("list").len(), 3);
        let _ = std::fs::remove_dir_all(dir);
        let _ = std::fs::remove_dir_all(elsewhere);
    }

    #[test]
    fn the_list_holds_md_files_only_sorted() {
        let dir = fresh_dir("list").expect("dir");
        for f in ["b.md", "a.md", "c.txt", ".d.md"] {
            std::fs::write(dir.join(f), "x").expect("write");
        }
        std::fs::create_dir(dir.join("e.md")).expect("a folder named like a note");
        let names: Vec<String> = list(&dir).expect("list").iter().map(ToString::to_string).collect();
        assert_eq!(names, ["a.md", "b.md"]);
        let _ = std::fs::remove_dir_all(dir);
    }
}
