//! `Assigns`: a component's thread-safe key/value state, with change tracking.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Default, Clone)]
struct Inner {
    values: BTreeMap<String, Value>,
    changed: BTreeSet<String>,
}

/// A thread-safe key/value store holding a component's state as JSON values.
///
/// Reads and writes take `&self`, so a component can write from any callback (and share the store
/// with a task it spawned). [`Clone`] makes an independent **snapshot**: later changes to either
/// side do not touch the other. Setting a key to the value it already has does not mark it changed.
///
/// ```
/// use golivekit::Assigns;
/// let a = Assigns::new();
/// a.set("count", 1);
/// assert_eq!(a.get_as::<i64>("count"), Some(1));
/// assert!(a.has("count"));
/// let snapshot = a.clone();
/// a.set("count", 2);
/// assert_eq!(snapshot.get_as::<i64>("count"), Some(1));
/// ```
#[derive(Debug, Default)]
pub struct Assigns {
    inner: Arc<RwLock<Inner>>,
}

impl Clone for Assigns {
    fn clone(&self) -> Self {
        Assigns { inner: Arc::new(RwLock::new(self.read().clone())) }
    }
}

impl Assigns {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    // A poisoned lock only means a panic happened while it was held; the map itself is always in a
    // consistent state (every write is a single insert/remove), so recover the guard.
    fn read(&self) -> RwLockReadGuard<'_, Inner> {
        self.inner.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> RwLockWriteGuard<'_, Inner> {
        self.inner.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Sets `key`. Marks it changed only when the value differs from the current one.
    ///
    /// # Panics
    /// If `value` cannot be represented as JSON (a map with non-string keys, for example).
    pub fn set(&self, key: impl Into<String>, value: impl Serialize) {
        let value = serde_json::to_value(value).expect("assigns hold JSON-representable values");
        let key = key.into();
        let mut inner = self.write();
        if inner.values.get(&key) != Some(&value) {
            inner.changed.insert(key.clone());
            inner.values.insert(key, value);
        }
    }

    /// The value of `key`, as JSON.
    pub fn get(&self, key: &str) -> Option<Value> {
        self.read().values.get(key).cloned()
    }

    /// The value of `key` converted to `T`; `None` when absent or of another type.
    pub fn get_as<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        self.read().values.get(key).and_then(|v| T::deserialize(v).ok())
    }

    /// The integer at `key`, or 0 — GoliveKit's `GetInt`.
    pub fn get_int(&self, key: &str) -> i64 {
        self.read().values.get(key).and_then(Value::as_i64).unwrap_or(0)
    }

    /// The string at `key`, or "" — GoliveKit's `GetString`.
    pub fn get_string(&self, key: &str) -> String {
        self.read().values.get(key).and_then(Value::as_str).unwrap_or_default().to_owned()
    }

    /// The bool at `key`, or false — GoliveKit's `GetBool`.
    pub fn get_bool(&self, key: &str) -> bool {
        self.read().values.get(key).and_then(Value::as_bool).unwrap_or(false)
    }

    /// Whether `key` is set.
    pub fn has(&self, key: &str) -> bool {
        self.read().values.contains_key(key)
    }

    /// Removes `key`, returning its value. Marks it changed when it was present.
    pub fn delete(&self, key: &str) -> Option<Value> {
        let mut inner = self.write();
        let old = inner.values.remove(key);
        if old.is_some() {
            inner.changed.insert(key.to_owned());
        }
        old
    }

    /// Keys changed since the last [`Assigns::take_changed`], in order.
    pub fn changed(&self) -> Vec<String> {
        self.read().changed.iter().cloned().collect()
    }

    /// Whether anything changed since the last [`Assigns::take_changed`].
    pub fn is_changed(&self) -> bool {
        !self.read().changed.is_empty()
    }

    /// Returns the changed keys and starts tracking afresh.
    pub fn take_changed(&self) -> Vec<String> {
        std::mem::take(&mut self.write().changed).into_iter().collect()
    }

    /// All keys, in order.
    pub fn keys(&self) -> Vec<String> {
        self.read().values.keys().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assigns_are_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Assigns>();
    }

    #[test]
    fn setting_the_same_value_does_not_mark_changed() {
        let a = Assigns::new();
        a.set("n", 1);
        assert_eq!(a.take_changed(), vec!["n".to_string()]);
        a.set("n", 1);
        assert!(!a.is_changed());
        a.set("n", 2);
        assert_eq!(a.changed(), vec!["n".to_string()]);
    }

    #[test]
    fn clone_is_a_snapshot_in_both_directions() {
        let a = Assigns::new();
        a.set("x", "one");
        let b = a.clone();
        b.set("x", "two");
        a.set("y", true);
        assert_eq!(a.get_string("x"), "one");
        assert_eq!(b.get_string("x"), "two");
        assert!(!b.has("y"));
    }

    #[test]
    fn delete_removes_and_marks_changed_only_when_present() {
        let a = Assigns::new();
        a.set("k", 3);
        a.take_changed();
        assert_eq!(a.delete("missing"), None);
        assert!(!a.is_changed());
        assert_eq!(a.delete("k"), Some(Value::from(3)));
        assert!(!a.has("k"));
        assert_eq!(a.changed(), vec!["k".to_string()]);
    }

    #[test]
    fn typed_get_returns_none_on_type_mismatch() {
        let a = Assigns::new();
        a.set("s", "text");
        assert_eq!(a.get_as::<i64>("s"), None);
        assert_eq!(a.get_int("s"), 0);
        assert_eq!(a.get_as::<String>("s").as_deref(), Some("text"));
    }

    #[test]
    fn writes_from_many_threads_are_all_kept() {
        let a = Arc::new(Assigns::new());
        let handles: Vec<_> = (0..8)
            .map(|t| {
                let a = Arc::clone(&a);
                std::thread::spawn(move || {
                    for i in 0..100 {
                        a.set(format!("k{t}-{i}"), i);
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().expect("writer thread");
        }
        assert_eq!(a.keys().len(), 800);
    }
}
