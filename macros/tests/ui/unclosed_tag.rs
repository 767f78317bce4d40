use golivekit::{html, Html};

fn main() {
    let mut w = Html::new();
    let _ = html!(w, <div class="card"><p>"text"</p>);
}
