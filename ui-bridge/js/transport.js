// @ts-check
// transport.js — the only file that touches Tauri: `invoke` for commands, and a channel that
// receives the runtime's pushes in send order.

/** @returns {any} */
function tauriInternals() {
  return /** @type {any} */ (window).__TAURI_INTERNALS__;
}

/**
 * Calls a plugin command. Rejects with an `ErrorBody` ({code, message}).
 * @param {string} cmd
 * @param {Record<string, any>} args
 * @returns {Promise<any>}
 */
function invoke(cmd, args) {
  const t = tauriInternals();
  if (!t || typeof t.invoke !== 'function') {
    return Promise.reject({ code: CLIENT_ERROR.noIpc, message: 'not running inside a Tauri webview' });
  }
  return t.invoke(cmd, args).catch((/** @type {any} */ err) => {
    throw validateErrorBody(err).length === 0 ? err : { code: 'ipc_error', message: String(err) };
  });
}

/**
 * A Tauri IPC channel that hands messages to `onmessage` strictly in the order they were sent
 * (Tauri tags each with an index; large ones can overtake small ones on the way).
 */
class OrderedChannel {
  /** @param {(msg: any) => void} onmessage */
  constructor(onmessage) {
    this.onmessage = onmessage;
    this.next = 0;
    /** @type {Map<number, any>} */
    this.early = new Map();
    this.id = tauriInternals().transformCallback((/** @type {any} */ data) => this.receive(data));
  }

  /** @param {{message?: any, index: number, end?: boolean}} data */
  receive(data) {
    if (data.end) {
      this.close();
      return;
    }
    this.early.set(data.index, data.message);
    while (this.early.has(this.next)) {
      const msg = this.early.get(this.next);
      this.early.delete(this.next);
      this.next += 1;
      try {
        this.onmessage(msg);
      } catch (err) {
        console.error('[golivekit] channel message handler failed', err);
      }
    }
  }

  close() {
    const t = tauriInternals();
    if (t && typeof t.unregisterCallback === 'function') t.unregisterCallback(this.id);
  }

  __TAURI_TO_IPC_KEY__() {
    return `__CHANNEL__:${this.id}`;
  }

  toJSON() {
    return this.__TAURI_TO_IPC_KEY__();
  }
}
