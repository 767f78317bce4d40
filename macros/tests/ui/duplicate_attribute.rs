use golivekit::{html, Html};

fn main() {
    let mut w = Html::new();
    let _ = html!(w, <p class="a" id="x" class="b">"text"</p>);
}
