use golivekit::{html, Html};

struct Note {
    title: String,
}

fn main() {
    let note = Note { title: "x".into() };
    let mut w = Html::new();
    let _ = html!(w, <p>{note}</p>);
    let _ = note.title;
}
