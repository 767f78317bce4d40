use golivekit::{html, Html};

fn main() {
    let mut w = Html::new();
    let _ = html!(w, <button lv-click={42}>"Save"</button>);
}
