use golivekit::{html, Html};

fn main() {
    let name = "x";
    let mut w = Html::new();
    let _ = html!(w, <script>"let a = 1;" {name}</script>);
}
