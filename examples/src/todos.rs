//! A todo list: add with `lv-submit`, toggle with checkboxes, delete with values. Route: `/todos`.
//!
//! The list is keyed: `<ul data-list="todos">` with one `<li data-key="t7">` per item, so the
//! diff sends list operations (insert, delete, move, update) instead of the whole list. Toggling
//! a checkbox sends `lv-change="toggle"` with its real checked state as `value` (`true`/`false`)
//! and the item's id from `lv-value-id`. `Clear done` deletes every finished item.

use golivekit::native::ContextMenu;
use golivekit::{component, html, BaseComponent, Component, Context, HandlerError, HandlerResult, LiveEvent, Renderer};

/// One item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Todo {
    /// Stable id (the list key is `t<id>`).
    pub id: u64,
    /// What to do (plain text, escaped when rendered).
    pub title: String,
    /// Finished?
    pub done: bool,
}

/// Longest title accepted, in characters.
pub const MAX_TITLE: usize = 200;

/// The todo list.
#[derive(Default)]
pub struct Todos {
    base: BaseComponent,
    items: Vec<Todo>,
    next_id: u64,
}

/// What the todo list sends.
#[derive(LiveEvent)]
enum Msg {
    /// `add`: the form's `title`.
    Add {
        #[event(default)]
        title: String,
    },
    /// `toggle`: an item's checkbox, with its checked state as `value`.
    Toggle { id: u64, value: bool },
    /// `delete`: an item's delete button.
    Delete { id: u64 },
    /// `clear_done`: delete every finished item.
    ClearDone,
    /// `item_menu`: a right-click on an item: a native menu offers to mark it or delete it.
    ItemMenu { id: u64 },
}

impl Todos {
    fn touch(&self) {
        // The list lives in the struct; bump an assign so the runtime knows the view changed.
        self.assigns().set("revision", self.assigns().get_int("revision") + 1);
    }
}

#[component]
impl Component for Todos {
    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        let left = self.items.iter().filter(|t| !t.done).count();
        html! {
            <div data-live-view="todos" class="todos">
                <h1>"Todos"</h1>
                <form lv-submit={Msg::Add} class="add">
                    <input name="title" placeholder="What needs doing?" autocomplete="off">
                    " "
                    <button>"Add"</button>
                </form>
                <ul class="items" data-list="todos">
                    for t in &self.items key = format!("t{}", t.id) {
                        <li class={if t.done { "done" } else { "open" }} lv-contextmenu={Msg::ItemMenu { id: t.id }}>
                            <label>
                                <input type="checkbox" lv-change={Msg::Toggle { id: t.id, .. }} checked={t.done}>
                                " "
                                <span class="title">{t.title}</span>
                            </label>
                            " "
                            <button class="delete" lv-click={Msg::Delete { id: t.id }} aria-label="delete">"×"</button>
                        </li>
                    }
                </ul>
                <p><span slot:left>{left}</span> " left · " <button lv-click={Msg::ClearDone}>"Clear done"</button></p>
                <p><a href="/">"← All examples"</a></p>
            </div>
        }
        .into()
    }

    async fn handle_event(&mut self, ctx: &Context, msg: Msg) -> HandlerResult {
        match msg {
            Msg::Add { title } => {
                let title = title.trim();
                if title.is_empty() {
                    return Ok(());
                }
                if title.chars().count() > MAX_TITLE {
                    return Err(HandlerError::with_code("title_too_long", format!("at most {MAX_TITLE} characters")));
                }
                self.next_id += 1;
                self.items.push(Todo { id: self.next_id, title: title.to_owned(), done: false });
            }
            Msg::Toggle { id, value } => {
                let item = self.items.iter_mut().find(|t| t.id == id);
                item.ok_or_else(|| HandlerError::with_code("unknown_item", format!("no item {id}")))?.done = value;
            }
            Msg::Delete { id } => self.items.retain(|t| t.id != id),
            Msg::ClearDone => self.items.retain(|t| !t.done),
            Msg::ItemMenu { id } => {
                let done = self.items.iter().find(|t| t.id == id).map(|t| t.done);
                let done = done.ok_or_else(|| HandlerError::with_code("unknown_item", format!("no item {id}")))?;
                let menu = ContextMenu::new()
                    .item("toggle", if done { "Mark as not done" } else { "Mark as done" })
                    .separator()
                    .item("delete", "Delete");
                match ctx.native()?.context_menu(menu).await?.as_deref() {
                    Some("toggle") => self.items.iter_mut().filter(|t| t.id == id).for_each(|t| t.done = !done),
                    Some("delete") => self.items.retain(|t| t.id != id),
                    _ => return Ok(()), // dismissed: nothing changes
                }
            }
        }
        self.touch();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use golivekit::testing::TestView;
    use golivekit::Payload;
    use serde_json::json;
    use serde_json::Value;

    fn p(v: Value) -> Payload {
        serde_json::from_value(v).expect("payload")
    }

    #[tokio::test]
    async fn a_right_click_menu_marks_or_deletes_the_item_and_dismissing_it_changes_nothing() {
        use golivekit::testing::{Asked, FakeNative};
        let native = FakeNative::new();
        native.choose_item("toggle").cancel().choose_item("delete");
        let mut view = TestView::builder(Todos::default()).native(native.clone()).mount().await.expect("mount");
        view.event("add", p(json!({"title": "milk"}))).await.expect("add");
        view.event("item_menu", p(json!({"id": "1"}))).await.expect("menu: toggle");
        assert!(view.html().contains(r#"class="done""#), "{}", view.html());
        let before = view.html().to_owned();
        view.event("item_menu", p(json!({"id": "1"}))).await.expect("menu: dismissed");
        assert_eq!(view.html(), before);
        view.event("item_menu", p(json!({"id": "1"}))).await.expect("menu: delete");
        assert!(!view.html().contains("milk"));
        let Asked::ContextMenu(first) = &native.asked()[0] else { panic!("a context menu") };
        assert!(first.has("toggle") && first.has("delete"));
        let err = view.event("item_menu", p(json!({"id": "1"}))).await.expect_err("gone");
        assert_eq!(err.code(), "unknown_item");
        view.terminate().await;
    }

    #[tokio::test]
    async fn add_toggle_delete_and_clear_keep_the_list_and_count_right() {
        let mut view = TestView::mount(Todos::default()).await.expect("mount");
        for title in ["milk", "<script>eggs</script>", "bread"] {
            view.event("add", p(json!({ "title": title }))).await.expect("add");
        }
        assert_eq!(view.slot_text("left").as_deref(), Some("3"));
        assert!(view.html().contains("&lt;script&gt;eggs&lt;/script&gt;"), "{}", view.html());
        view.event("toggle", p(json!({"id": "2", "value": true}))).await.expect("toggle");
        assert_eq!(view.slot_text("left").as_deref(), Some("2"));
        view.event("delete", p(json!({"id": "1"}))).await.expect("delete");
        view.click("clear_done").await.expect("clear");
        assert_eq!(view.slot_text("left").as_deref(), Some("1"));
        assert!(view.html().contains(r#"data-key="t3""#) && !view.html().contains(r#"data-key="t2""#));
        view.terminate().await;
    }

    #[tokio::test]
    async fn a_toggle_without_a_boolean_or_for_a_missing_item_is_a_typed_error() {
        let mut view = TestView::mount(Todos::default()).await.expect("mount");
        view.event("add", p(json!({"title": "x"}))).await.expect("add");
        let err = view.event("toggle", p(json!({"id": "1", "value": "on"}))).await.expect_err("not a bool");
        assert_eq!(err.code(), "bad_payload");
        let err = view.event("toggle", p(json!({"id": "9", "value": true}))).await.expect_err("no item");
        assert_eq!(err.code(), "unknown_item");
        view.terminate().await;
    }
}
