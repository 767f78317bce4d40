// @ts-check
// flush.js — nothing typed is lost when the page goes away.
//
// - `flush()` (on `window.__golivekit`): runs every held run of every view now (rate.js), then
//   resolves once every view's send queue is empty — every event sent so far acknowledged or
//   failed. It never rejects. The Rust shell calls it before a window closes or the app quits:
//   `window.__golivekit.flush().finally(() => window.__TAURI_INTERNALS__.invoke('plugin:golivekit|flushed', {token: N}))`.
// - `window.close()` is replaced: it flushes, then asks Rust to close the window
//   (`close {}`: Rust destroys the calling window, so its views terminate). Should that invoke
//   reject, the error is logged and the webview's own `window.close` runs.
// - `pagehide` / `beforeunload`: held runs are flushed, best effort (nothing can be awaited there).

/**
 * Runs every held run now, then waits for every view's queue. Never rejects, never throws.
 * @param {Iterable<LiveView>} views
 * @returns {Promise<void>}
 */
function flushViews(views) {
  try {
    flushAll();
    return Promise.all(Array.from(views, (view) => view.idle())).then(() => {}, () => {});
  } catch (err) {
    console.error('[golivekit] flush failed', err);
    return Promise.resolve();
  }
}

/**
 * Replaces `win.close` (see the header) and flushes held runs when the page is hidden or unloads.
 * @param {Window} win
 * @param {() => Promise<void>} flush
 */
function installFlushOnLeave(win, flush) {
  const original = typeof win.close === 'function' ? win.close.bind(win) : () => {};
  win.close = () => {
    flush()
      .then(() => invoke(CMD.close, {}))
      .catch((/** @type {ErrorBody} */ err) => {
        console.error(`[golivekit] closing the window through Rust failed: ${err?.code}: ${err?.message}`);
        original();
      });
  };
  const flushNow = () => {
    try {
      flushAll();
    } catch (err) {
      console.error('[golivekit] flush failed', err);
    }
  };
  win.addEventListener('pagehide', flushNow);
  win.addEventListener('beforeunload', flushNow);
}
