use golivekit::{html, Html};

fn main() {
    let on = true;
    let mut w = Html::new();
    // In exclusive branches a slot id is one slot; beside each other it is two.
    let _ = html!(w, if on { <b slot:a>"1"</b> } else { <i slot:a>"2"</i> } <p slot:a>"3"</p>);
}
