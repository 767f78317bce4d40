//! What several benches share: the users of the 1,000-row table, and its `html!` render.

use golivekit::{html, Html};

/// One row of the table.
pub struct User {
    pub id: usize,
    pub name: String,
    pub email: String,
    pub active: bool,
}

/// `n` users: `Name {i}`, `user{i}@example.com`, two in three active.
pub fn users(n: usize) -> Vec<User> {
    (0..n)
        .map(|i| User { id: i, name: format!("Name {i}"), email: format!("user{i}@example.com"), active: i % 3 != 0 })
        .collect()
}

/// The buffer a view renders into: the last render's size (`Tree::render` sizes it so).
pub const CAPACITY: usize = 128 * 1024;

/// The 1,000-row keyed table, written with `html!`.
pub fn table_html(rows: &[User]) -> String {
    let mut w = Html::with_capacity(CAPACITY);
    html!(w,
        <div data-live-view="table">
            <h1>"Users"</h1>
            <table>
                <tbody data-list="rows">
                    for u in rows key = u.id {
                        <tr>
                            <td>{u.id}</td>
                            <td>{u.name}</td>
                            <td>{u.email}</td>
                            <td class="status">{if u.active { "active" } else { "away" }}</td>
                        </tr>
                    }
                </tbody>
            </table>
        </div>
    )
    .expect("render");
    w.into_string()
}
