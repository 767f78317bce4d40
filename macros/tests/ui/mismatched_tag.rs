use golivekit::{html, Html};

fn main() {
    let mut w = Html::new();
    let _ = html!(w, <ul><li>"one"</span></ul>);
}
