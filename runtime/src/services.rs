//! What every view of an app shares: the [`PubSub`], the live-task count and the [`Shell`].

use std::sync::{Arc, OnceLock};

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
}

impl Services {
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
            .finish()
    }
}
