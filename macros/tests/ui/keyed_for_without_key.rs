use golivekit::{html, Html};

fn main() {
    let todos = vec!["milk", "bread"];
    let mut w = Html::new();
    let _ = html!(w, <ul data-list="todos">for todo in &todos { <li>{todo}</li> }</ul>);
}
