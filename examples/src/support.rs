//! What the examples that touch files and native dialogs share (`files`, `notes`).

/// Runs blocking file work off the async runtime's threads (a panic in it becomes an I/O error).
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> std::io::Result<T> + Send + 'static,
) -> std::io::Result<T> {
    tokio::task::spawn_blocking(work).await.unwrap_or_else(|e| Err(std::io::Error::other(e.to_string())))
}

/// An error of a native call, as a page shows it: the message and its code.
pub(crate) fn native_error(e: &golivekit::Error) -> String {
    format!("{e} ({})", e.code())
}
