use golivekit::{html, Html};

fn main() {
    let mut w = Html::new();
    let _ = html!(w, <a href="javascript:alert(1)">"click"</a>);
}
