//! What every view of an app shares: the [`PubSub`], the live-task count, the [`Shell`] and the
//! app's own typed services (a database pool, a settings store, the [`crate::native::Native`]
//! dialogs), one value per type, reached from a component with [`crate::Context::service`].

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

use crate::error::{Error, Result};
use crate::pubsub::PubSub;
use crate::shell::{Shell, WindowOptions};
use crate::tasks::TaskStats;

/// App-wide services handed to each view at mount.
#[derive(Default)]
pub(crate) struct Services {
    pub(crate) pubsub: PubSub,
    pub(crate) tasks: TaskStats,
    shell: OnceLock<Arc<dyn Shell>>,
    app: RwLock<HashMap<TypeId, AppService>>,
}

/// One registered app service: the value and its type's name (for logs).
#[derive(Clone)]
struct AppService {
    value: Arc<dyn Any + Send + Sync>,
    type_name: &'static str,
}

impl Services {
    /// Registers `value` as the app's `T`, replacing any earlier one (returned `true` then).
    pub(crate) fn insert<T: Send + Sync + 'static>(&self, value: Arc<T>) -> bool {
        let service = AppService { value, type_name: std::any::type_name::<T>() };
        let mut app = self.app.write().unwrap_or_else(|e| e.into_inner());
        app.insert(TypeId::of::<T>(), service).is_some()
    }

    /// The app's `T`, or [`Error::ServiceMissing`].
    pub(crate) fn get<T: Send + Sync + 'static>(&self) -> Result<Arc<T>> {
        let app = self.app.read().unwrap_or_else(|e| e.into_inner());
        app.get(&TypeId::of::<T>())
            .and_then(|s| Arc::clone(&s.value).downcast::<T>().ok())
            .ok_or_else(|| Error::ServiceMissing { type_name: std::any::type_name::<T>().into() })
    }

    /// Whether a `T` is registered.
    pub(crate) fn contains<T: Send + Sync + 'static>(&self) -> bool {
        self.app.read().unwrap_or_else(|e| e.into_inner()).contains_key(&TypeId::of::<T>())
    }

    fn service_names(&self) -> Vec<&'static str> {
        let app = self.app.read().unwrap_or_else(|e| e.into_inner());
        let mut names: Vec<_> = app.values().map(|s| s.type_name).collect();
        names.sort_unstable();
        names
    }

    pub(crate) fn set_shell(&self, shell: Arc<dyn Shell>) -> bool {
        self.shell.set(shell).is_ok()
    }

    pub(crate) fn open_window(&self, path: &str, options: &WindowOptions) -> Result<String> {
        let shell = self.shell.get().ok_or_else(|| Error::WindowUnavailable("no app shell to open windows".into()))?;
        if !path.starts_with('/') {
            return Err(Error::WindowUnavailable(format!("`{path}` is not an app route (it must start with `/`)")));
        }
        shell.open_window(path, options)
    }
}

impl std::fmt::Debug for Services {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Services")
            .field("pubsub", &self.pubsub)
            .field("live_tasks", &self.tasks.live())
            .field("shell", &self.shell.get().is_some())
            .field("app", &self.service_names())
            .finish()
    }
}
