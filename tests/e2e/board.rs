//! Components inside components (issue 13), in the real app: the `/board` kanban board, whose
//! cards are child components with their own state.

use std::path::{Path, PathBuf};
use std::time::Duration;

use golivekit_e2e::{App, Session};
use serde_json::{json, Value};

use crate::util::{outside_event, quit, text};

const WAIT: Duration = Duration::from_secs(20);
const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";

fn js(s: &Session, script: &str) -> Value {
    s.execute(script, json!([])).expect("script")
}

fn launch(query: &str, extra: &[&str]) -> App {
    let app = App::launch_with(&format!("/board{query}"), extra).expect("launch");
    app.session().wait_for("[data-key=c3] .title", WAIT).expect("the board");
    app
}

/// Marks every node of every card except `except` with a JS property.
fn mark_cards(s: &Session, except: &str) {
    s.execute(
        "for (const card of document.querySelectorAll('li.card')) {\
           if (card.dataset.key === arguments[0]) continue;\
           for (const n of [card, ...card.querySelectorAll('*')]) n.__mark = true; }",
        json!([except]),
    )
    .expect("mark");
}

/// How many nodes of the cards other than `except` are not the ones marked.
fn unmarked(s: &Session, except: &str) -> i64 {
    s.execute(
        "let n = 0; for (const card of document.querySelectorAll('li.card')) {\
           if (card.dataset.key === arguments[0]) continue;\
           for (const el of [card, ...card.querySelectorAll('*')]) if (!el.__mark) n++; }\
         return n;",
        json!([except]),
    )
    .expect("count")
    .as_i64()
    .unwrap_or(-1)
}

fn edit(s: &Session, card: &str) -> golivekit_e2e::Element {
    let title = s.find(&format!("[data-key={card}] .title")).expect("title");
    s.click(&title).expect("click title");
    let input = s.wait_for(&format!("[data-key={card}] .title-input"), WAIT).expect("the title field");
    s.wait(WAIT, "the field to take focus", || {
        (js(s, "return document.activeElement && document.activeElement.className") == "title-input").then_some(())
    })
    .expect("focus");
    input
}

#[test]
fn editing_one_cards_title_leaves_every_other_cards_nodes_untouched() {
    let app = launch("", &[]);
    let s = app.session();
    mark_cards(s, "c1");
    let input = edit(s, "c1");
    s.send_keys(&input, " today").expect("type");
    s.send_keys(&input, ENTER).expect("enter");
    s.wait_for_text("[data-key=c1] .title", "Write the release notes today", WAIT).expect("saved");
    s.wait_for_text("[data-slot=renames]", "1", WAIT).expect("the header heard the rename");
    assert_eq!(unmarked(s, "c1"), 0, "no other card's node was replaced");
    // Escape cancels an edit.
    let input = edit(s, "c2");
    s.send_keys(&input, " (draft)").expect("type");
    s.send_keys(&input, ESCAPE).expect("escape");
    s.wait_for_text("[data-key=c2] .title", "Fix the login bug", WAIT).expect("cancelled");
}

#[test]
fn the_header_count_follows_adds_and_deletes() {
    let app = launch("", &[]);
    let s = app.session();
    assert_eq!(text(s, "[data-slot=count]"), "3");
    let field = s.find(".add input[name=title]").expect("add field");
    s.send_keys(&field, "Ship it").expect("type");
    s.send_keys(&field, ENTER).expect("enter");
    s.wait_for_text("[data-slot=count]", "4", WAIT).expect("added");
    s.wait_for_text("#col-todo [data-key=c4] .title", "Ship it", WAIT).expect("the new card");
    let delete = s.find("[data-key=c2] .delete").expect("delete");
    s.click(&delete).expect("click");
    s.wait_for_text("[data-slot=count]", "3", WAIT).expect("deleted");
    assert!(s.find("[data-key=c2]").is_err(), "the card is gone");
}

#[test]
fn a_card_being_edited_keeps_its_text_and_focus_while_a_card_is_added_and_the_clock_ticks() {
    let app = launch("?tick_ms=100", &[]);
    let s = app.session();
    let input = edit(s, "c2");
    s.send_keys(&input, " and the signup").expect("type");
    let clock = text(s, "[data-slot=clock]");
    assert_eq!(outside_event(s, "add", json!({"title": "From elsewhere"}), None), None);
    s.wait_for_text("[data-slot=count]", "4", WAIT).expect("a card was added");
    s.wait(WAIT, "the clock to tick", || (text(s, "[data-slot=clock]") != clock).then_some(())).expect("ticks");
    std::thread::sleep(Duration::from_millis(300));
    let state = js(
        s,
        "const f = document.querySelector('[data-key=c2] .title-input');\
         return [document.activeElement === f, f.value, f.selectionStart];",
    );
    assert_eq!(state[0], true, "the field kept the focus");
    assert_eq!(state[1], "Fix the login bug and the signup", "the typed text is still there");
    assert_eq!(state[2], 32, "the caret stayed at the end");
    s.send_keys(&input, ENTER).expect("enter");
    s.wait_for_text("[data-key=c2] .title", "Fix the login bug and the signup", WAIT).expect("saved");
}

#[test]
fn moving_a_card_to_another_column_keeps_its_state_and_its_nodes() {
    let app = launch("", &[]);
    let s = app.session();
    let input = edit(s, "c1");
    s.send_keys(&input, "!").expect("type");
    s.send_keys(&input, ENTER).expect("enter");
    s.wait_for_text("[data-key=c1] .edits", "1 edits", WAIT).expect("one edit");
    js(
        s,
        "const c = document.querySelector('[data-key=c1]'); c.__mark = true; c.querySelector('.edits').__mark = true;",
    );
    let right = s.find("[data-key=c1] .right").expect("right");
    s.click(&right).expect("click");
    s.wait_for("#col-doing [data-key=c1]", WAIT).expect("moved to Doing");
    assert!(s.find("#col-todo [data-key=c1]").is_err());
    assert_eq!(text(s, "#col-doing [data-key=c1] .edits"), "1 edits", "the card kept its state");
    let same = js(
        s,
        "const c = document.querySelector('[data-key=c1]'); return [!!c.__mark, !!c.querySelector('.edits').__mark];",
    );
    assert_eq!(same, json!([true, true]), "the card's nodes moved, not rebuilt");
    // Its new place enables and disables the right buttons (its props changed).
    s.wait(WAIT, "the left button to enable", || {
        (js(s, "return document.querySelector('[data-key=c1] .left').disabled") == false).then_some(())
    })
    .expect("left enabled");
}

fn journal(name: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("golivekit-e2e-board-{name}-{}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&path);
    path
}

fn ended(path: &Path) -> Vec<(String, String)> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("a JSON line"))
        .map(|v| (v["card"].as_str().unwrap_or("").to_owned(), v["reason"].as_str().unwrap_or("").to_owned()))
        .collect()
}

#[test]
fn deleting_a_card_terminates_it_once_and_an_event_for_it_is_unknown_component() {
    let path = journal("delete");
    let app = launch("", &["--journal", path.to_str().expect("utf-8")]);
    let s = app.session();
    let cid: u64 = js(s, "return Number(document.querySelector('[data-key=c2]').dataset.lvCid)").as_u64().expect("cid");
    let delete = s.find("[data-key=c2] .delete").expect("delete");
    s.click(&delete).expect("click");
    s.wait_for_text("[data-slot=count]", "2", WAIT).expect("deleted");
    s.wait(WAIT, "the card's terminate", || (!ended(&path).is_empty()).then_some(())).expect("journal");
    assert_eq!(ended(&path), [("c2".to_owned(), "Normal".to_owned())]);
    assert_eq!(outside_event(s, "edit", json!({}), Some(cid)).as_deref(), Some("unknown_component"));
    assert_eq!(text(s, "[data-slot=count]"), "2", "the event reached no one else");
    // Quitting ends the others, each once.
    quit(&app);
    let mut all = ended(&path);
    all.sort();
    assert_eq!(
        all,
        [("c1", "Shutdown"), ("c2", "Normal"), ("c3", "Shutdown")].map(|(c, r)| (c.to_owned(), r.to_owned()))
    );
}

#[test]
fn a_panicking_card_shows_its_fallback_while_the_rest_of_the_board_keeps_working() {
    let app = launch("", &[]);
    let s = app.session();
    mark_cards(s, "c3");
    let crash = s.find("[data-key=c3] .crash").expect("crash");
    s.click(&crash).expect("click");
    s.wait_for("[data-key=c3] .lv-crashed", WAIT).expect("the fallback");
    s.wait_for_text("[data-slot=crashed]", "· crashed: c3", WAIT).expect("the board was told");
    assert_eq!(unmarked(s, "c3"), 0, "the other cards are untouched");
    let input = edit(s, "c1");
    s.send_keys(&input, " too").expect("type");
    s.send_keys(&input, ENTER).expect("enter");
    s.wait_for_text("[data-key=c1] .title", "Write the release notes too", WAIT).expect("another card still works");
    let field = s.find(".add input[name=title]").expect("add field");
    s.send_keys(&field, "After the crash").expect("type");
    s.send_keys(&field, ENTER).expect("enter");
    s.wait_for_text("[data-slot=count]", "4", WAIT).expect("the board still works");
}
