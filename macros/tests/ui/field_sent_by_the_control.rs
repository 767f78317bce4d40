use golivekit::{html, Html, LiveEvent};

#[derive(LiveEvent)]
enum Msg {
    Edit { name: String, value: String },
    Pick { value: String },
}

fn main() {
    let mut w = Html::new();
    // The textarea sends its own `name` ("body") and `value` on lv-input: `name` would be replaced.
    let _ = html!(w, <textarea name="body" lv-input={Msg::Edit { name: "a.md".to_string(), .. }}></textarea>);
    // Any control sends its own `value`.
    let _ = html!(w, <select lv-change={Msg::Pick { value: "x".to_string() }}></select>);
    // A click sends no field of the control's own: allowed.
    let _ = html!(w, <input name="q" lv-click={Msg::Edit { name: "a.md".to_string(), .. }}>);
}
