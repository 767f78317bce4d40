//! [`PubSub`]: in-process publish/subscribe shared by every window of an app.
//!
//! A view subscribes in `mount` with [`crate::Context::subscribe`]; anything holding the app's
//! [`PubSub`] (another view, app code, a background Tokio task) broadcasts. Each subscribed view
//! receives the message in its `handle_info`, through its own mailbox, so it is serialized with
//! the view's events. Subscriptions end with the view.
//!
//! Topics are typed: a [`Topic<T>`] carries only `T` messages, and a view receiving one gets an
//! [`crate::Info`] that downcasts to `T`.
//!
//! ```
//! use golivekit::pubsub::{PubSub, Topic};
//!
//! #[derive(Clone, Debug)]
//! struct Line { from: String, text: String }
//! const LOBBY: Topic<Line> = Topic::new("chat:lobby");
//!
//! let pubsub = PubSub::new();
//! // Nobody listens yet: the message is dropped (and logged at debug level).
//! assert_eq!(pubsub.broadcast(&LOBBY, Line { from: "ann".into(), text: "hi".into() }), 0);
//! assert_eq!(pubsub.subscribers(LOBBY.name()), 0);
//! ```

use std::any::{type_name, TypeId};
use std::borrow::Cow;
use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::{Arc, Mutex, MutexGuard};

use crate::component::Info;
use crate::view::Mailbox;

/// A named channel carrying messages of type `T`.
pub struct Topic<T> {
    name: Cow<'static, str>,
    _message: PhantomData<fn() -> T>,
}

impl<T> Topic<T> {
    /// A topic with a fixed name; usable in `const` items.
    pub const fn new(name: &'static str) -> Self {
        Self { name: Cow::Borrowed(name), _message: PhantomData }
    }

    /// A topic whose name is built at run time (e.g. `format!("room:{id}")`).
    pub fn named(name: impl Into<String>) -> Self {
        Self { name: Cow::Owned(name.into()), _message: PhantomData }
    }

    /// The topic's name.
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl<T> Clone for Topic<T> {
    fn clone(&self) -> Self {
        Self { name: self.name.clone(), _message: PhantomData }
    }
}

impl<T> std::fmt::Debug for Topic<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Topic<{}>({:?})", type_name::<T>(), self.name)
    }
}

struct Subscriber {
    view: Arc<str>,
    message_type: TypeId,
    type_name: &'static str,
    mailbox: Mailbox,
}

/// The app's publish/subscribe hub. Cheap to clone; clones share the subscriptions.
#[derive(Clone, Default)]
pub struct PubSub(Arc<Mutex<HashMap<String, Vec<Subscriber>>>>);

impl std::fmt::Debug for PubSub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PubSub").field("subscriptions", &self.subscriptions()).finish()
    }
}

impl PubSub {
    /// An empty hub (an app normally uses the one of its [`crate::LiveRuntime`]).
    pub fn new() -> Self {
        Self::default()
    }

    fn topics(&self) -> MutexGuard<'_, HashMap<String, Vec<Subscriber>>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Sends a clone of `msg` to every view subscribed to `topic`; returns how many it reached.
    ///
    /// A topic nobody listens to drops the message with a debug log. Views that have ended are
    /// unsubscribed on the way. A subscriber that subscribed to the same name with another message
    /// type does not receive it; that is logged as an error.
    pub fn broadcast<T: Clone + Send + 'static>(&self, topic: &Topic<T>, msg: T) -> usize {
        let mut topics = self.topics();
        let Some(subscribers) = topics.get_mut(topic.name()) else {
            tracing::debug!(topic = topic.name(), "broadcast to a topic without subscribers; dropped");
            return 0;
        };
        let mut reached = 0;
        subscribers.retain(|s| {
            if s.message_type != TypeId::of::<T>() {
                tracing::error!(
                    topic = topic.name(),
                    view = &*s.view,
                    "subscriber expects {} but the broadcast carries {}; not delivered",
                    s.type_name,
                    type_name::<T>()
                );
                return true;
            }
            match s.mailbox.info(Info::new(msg.clone())) {
                Ok(()) => {
                    reached += 1;
                    true
                }
                Err(_) => {
                    tracing::debug!(topic = topic.name(), view = &*s.view, "subscriber has ended; unsubscribed");
                    false
                }
            }
        });
        if subscribers.is_empty() {
            topics.remove(topic.name());
        }
        reached
    }

    /// Subscribes a view; subscribing twice to one topic is the same as once.
    pub(crate) fn subscribe<T: 'static>(&self, topic: &Topic<T>, mailbox: &Mailbox) {
        let mut topics = self.topics();
        let subscribers = topics.entry(topic.name().to_owned()).or_default();
        if subscribers.iter().any(|s| *s.view == *mailbox.subscriber()) {
            return;
        }
        subscribers.push(Subscriber {
            view: mailbox.subscriber().into(),
            message_type: TypeId::of::<T>(),
            type_name: type_name::<T>(),
            mailbox: mailbox.clone(),
        });
    }

    /// Ends one view's subscription to `topic`; `false` if it had none.
    pub(crate) fn unsubscribe(&self, topic: &str, view: &str) -> bool {
        let mut topics = self.topics();
        let Some(subscribers) = topics.get_mut(topic) else { return false };
        let before = subscribers.len();
        subscribers.retain(|s| &*s.view != view);
        let removed = subscribers.len() != before;
        if subscribers.is_empty() {
            topics.remove(topic);
        }
        removed
    }

    /// Ends every subscription of `view` (it is terminating).
    pub(crate) fn unsubscribe_view(&self, view: &str) {
        let mut topics = self.topics();
        topics.retain(|_, subscribers| {
            subscribers.retain(|s| &*s.view != view);
            !subscribers.is_empty()
        });
    }

    /// How many views are subscribed to `topic`.
    pub fn subscribers(&self, topic: &str) -> usize {
        self.topics().get(topic).map_or(0, Vec::len)
    }

    /// The number of (topic, view) subscriptions in the app.
    pub fn subscriptions(&self) -> usize {
        self.topics().values().map(Vec::len).sum()
    }
}
