// @ts-check
// queue.js — a view's send queue: its events go out one at a time, in order. The next event's
// `invoke` starts only once the previous one has resolved or rejected, because Tauri runs async
// commands concurrently and a later event could otherwise overtake an earlier one in Rust.

class SendQueue {
  constructor() {
    /** Settles when every job queued so far has settled; never rejects. @type {Promise<void>} */
    this.tail = Promise.resolve();
    /** Jobs queued and not settled yet. */
    this.size = 0;
  }

  /**
   * Runs `job` after every job queued before it has settled; resolves or rejects as `job` does.
   * A failed job never stops the ones after it.
   * @template T
   * @param {() => Promise<T>} job
   * @returns {Promise<T>}
   */
  push(job) {
    this.size += 1;
    const done = this.tail.then(job).finally(() => { this.size -= 1; });
    this.tail = done.then(() => {}, () => {});
    return done;
  }

  /**
   * Resolves once every job queued so far has settled (succeeded or failed); never rejects.
   * @returns {Promise<void>}
   */
  idle() {
    return this.tail;
  }
}
