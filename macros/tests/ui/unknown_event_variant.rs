use golivekit::{html, Html, LiveEvent};

#[derive(LiveEvent)]
enum Msg {
    Pick { id: u64 },
    Save,
}

fn main() {
    let mut w = Html::new();
    let _ = html!(w, <button lv-click={Msg::Sav}>"Save"</button>);
    let _ = html!(w, <button lv-click={Msg::Pik { id: 3 }}>"Pick"</button>);
}
