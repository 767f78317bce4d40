//! Context menus (issue 15, item 4): a right-click on a todo — a real button-3 click from xdotool
//! — opens a native GTK menu that the todos component built in its handler; choosing an item
//! (keyboard, as a user may) acts on that todo; Escape dismisses the menu and nothing changes.

use std::time::Duration;

use golivekit_e2e::{App, Session};

use crate::util::{screen_point, text, xdotool, WAIT};

fn launch_with_a_todo() -> App {
    let app = App::launch("/todos").expect("launch");
    let s = app.session();
    let input = s.wait_for("input[name=title]", WAIT).expect("the todos example");
    s.send_keys(&input, "buy milk").expect("type a todo");
    s.send_keys(&input, "\u{E007}").expect("submit with Enter"); // WebDriver's Enter key
    s.wait_for_text(".items li .title", "buy milk", WAIT).expect("the todo");
    app
}

/// Right-clicks the todo, waits for the native menu to be up, then presses `keys` in it.
fn right_click_then(app: &App, keys: &[&str]) {
    let (x, y) = screen_point(app, ".items li .title");
    // No `--sync`: it waits for a motion, and the pointer may already be there.
    xdotool(&["mousemove", &x.to_string(), &y.to_string()]);
    std::thread::sleep(Duration::from_millis(100));
    xdotool(&["click", "3"]);
    std::thread::sleep(Duration::from_millis(700)); // the menu maps and takes the keyboard
    for key in keys {
        xdotool(&["key", key]);
        std::thread::sleep(Duration::from_millis(150));
    }
}

fn class_of_todo(s: &Session) -> String {
    s.execute("return document.querySelector('.items li').className;", serde_json::json!([]))
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[test]
fn a_right_click_menu_item_acts_on_the_todo_it_was_opened_on() {
    let app = launch_with_a_todo();
    let s = app.session();
    right_click_then(&app, &["Down", "Return"]); // "Mark as done"
    s.wait(WAIT, "the todo to be done", || (class_of_todo(s) == "done").then_some(())).expect("marked done");
    right_click_then(&app, &["Down", "Down", "Return"]); // past the separator: "Delete"
    s.wait(WAIT, "the todo to be deleted", || s.find(".items li").is_err().then_some(())).expect("deleted");
    assert_eq!(text(s, "[data-slot=left]"), "0");
}

#[test]
fn a_dismissed_context_menu_changes_nothing() {
    let app = launch_with_a_todo();
    let s = app.session();
    right_click_then(&app, &["Escape"]);
    std::thread::sleep(Duration::from_millis(800));
    let checked = s.execute("return document.querySelector('.items li input').checked;", serde_json::json!([]));
    assert_eq!(checked.ok().and_then(|v| v.as_bool()), Some(false), "the right-click toggled no checkbox");
    assert_eq!(class_of_todo(s), "open", "the todo is as it was");
    // The view is not left waiting on the menu: the next right-click works.
    right_click_then(&app, &["Down", "Return"]);
    s.wait(WAIT, "the todo to be done", || (class_of_todo(s) == "done").then_some(())).expect("marked done");
}
