use golivekit::{html, Html, LiveEvent};

#[derive(LiveEvent)]
enum Msg {
    Toggle { id: u64, value: bool },
}

fn main() {
    let mut w = Html::new();
    let _ = html!(w, <input type="checkbox" lv-change={Msg::Toggle { idd: 3, .. }}>);
}
