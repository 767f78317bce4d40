use golivekit::{html, Html};

fn main() {
    let mut w = Html::new();
    let _ = html!(w, <svg viewBox="0 0 10 10"><g><p>"not drawn in the svg"</p></g></svg>);
}
