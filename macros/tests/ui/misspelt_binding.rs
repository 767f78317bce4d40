use golivekit::{html, Html};

fn main() {
    let mut w = Html::new();
    let _ = html!(w, <button lv-clik="save">"Save"</button>);
}
