//! What several benches share: the users of the 1,000-row table.

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
