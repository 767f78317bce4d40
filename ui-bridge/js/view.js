// @ts-check
// view.js — one live view on the page: connects it, sends its events, applies its patches strictly
// in `v` order (buffering any that arrive early), and handles its channel messages. After every
// patch it puts back client-side state the server's markup does not carry (JS commands, loading
// states) and tells the view's hooks what changed.

/** Window navigation, in one place (tests replace it: jsdom cannot navigate). */
const nav = {
  /** @param {string} url */
  assign(url) {
    window.location.assign(url);
  },
  reload() {
    window.location.reload();
  },
  /** @param {string} question */
  confirm(question) {
    return window.confirm(question);
  },
};

class LiveView {
  /** @param {Element} root */
  constructor(root) {
    this.root = root;
    this.id = root.getAttribute(ATTR.viewId) || '';
    this.v = 0;
    this.nextRef = 1;
    /** @type {Map<number, Patch>} */
    this.early = new Map();
    /** @type {OrderedChannel | null} */
    this.channel = null;
    /** @type {Promise<void>} */
    this.ready = Promise.resolve();
    /** The view has ended (crashed or unknown); shown once. */
    this.gone = false;
    this.hooks = new ViewHooks(this);
  }

  /** Connects the view's channel; events wait for it so no patch is ever skipped. */
  connect() {
    this.channel = new OrderedChannel((msg) => this.onMessage(msg));
    this.ready = invoke(CMD.connect, { viewId: this.id, channel: this.channel }).then(
      (/** @type {ConnectReply} */ reply) => {
        this.v = reply.v;
        this.drain();
        document.documentElement.classList.add(PAGE_CLASS.connected);
      },
      (/** @type {ErrorBody} */ err) => this.fail(err),
    );
    return this.ready;
  }

  /**
   * Sends an event; `el` (the element that triggered it) carries `lv-pending` until the ack, and
   * `busy` elements are disabled meanwhile (loading.js). Resolves with the reply, rejects with an
   * ErrorBody.
   * @param {string} event
   * @param {Record<string, any>} payload
   * @param {Element | null} [el]
   * @param {Element[]} [busy]
   * @returns {Promise<EventReply>}
   */
  async pushEvent(event, payload, el, busy = []) {
    const ref = this.nextRef++;
    el?.setAttribute(ATTR.pending, '');
    const loaded = startLoading(el, busy);
    try {
      await this.ready;
      /** @type {EventReply} */
      const reply = await invoke(CMD.event, { viewId: this.id, ref, event, payload });
      if (reply.patch) this.receive(reply.patch);
      return reply;
    } catch (err) {
      const body = /** @type {ErrorBody} */ (err);
      console.error(`[golivekit] event "${event}" failed: ${body.code}: ${body.message}`);
      this.root.dispatchEvent(new CustomEvent('lv:error', { detail: body, bubbles: true }));
      if (body.code === 'view_crashed' || body.code === 'unknown_view') this.fail(body);
      throw body;
    } finally {
      el?.removeAttribute(ATTR.pending);
      loaded();
    }
  }

  /** @param {Patch} patch */
  receive(patch) {
    if (patch.v <= this.v) return;
    this.early.set(patch.v, patch);
    this.drain();
  }

  drain() {
    let patched = false;
    this.hooks.beginPatch();
    for (let p = this.early.get(this.v + 1); p; p = this.early.get(this.v + 1)) {
      this.early.delete(p.v);
      this.v = p.v;
      applyPatch(this.root, p);
      patched = true;
    }
    for (const v of this.early.keys()) if (v <= this.v) this.early.delete(v);
    if (patched) this.afterPatch();
  }

  /** Puts client-side state back over the server's markup, then runs the hooks' callbacks. */
  afterPatch() {
    const records = this.hooks.takeRecords();
    reapplySticky(this.root);
    reapplyLoading(this.root);
    this.hooks.takeRecords(); // putting our own state back is not an update
    for (const r of records) {
      for (const n of Array.from(r.addedNodes)) if (n instanceof Element && n.isConnected) checkBindings(n);
    }
    this.hooks.afterPatch(records);
  }

  /** @param {ServerMessage} msg */
  onMessage(msg) {
    const problems = validateServerMessage(msg);
    if (problems.length) {
      console.error(`[golivekit] ${CLIENT_ERROR.badMessage}: ${problems.join('; ')}`, msg);
      return;
    }
    switch (msg.type) {
      case 'patch':
        this.receive(msg.patch);
        break;
      case 'push':
        this.hooks.onPush(msg.event, msg.payload);
        this.root.dispatchEvent(new CustomEvent(`lv:${msg.event}`, { detail: msg.payload, bubbles: true }));
        break;
      case 'redirect':
        nav.assign(msg.to);
        break;
      case 'error':
        this.fail({ code: msg.code, message: msg.message });
        break;
    }
  }

  /**
   * The view is gone: show it in place of the view, with a Reload action. A crash also reloads
   * the window once, so the app serves its error document (the next reload mounts afresh).
   * @param {ErrorBody} err
   */
  fail(err) {
    if (this.gone) return;
    document.documentElement.classList.remove(PAGE_CLASS.connected);
    document.documentElement.classList.add(PAGE_CLASS.error);
    if (err.code !== 'view_crashed' && err.code !== 'unknown_view') return;
    this.gone = true;
    if (err.code === 'view_crashed') nav.reload();
    const panel = document.createElement('div');
    panel.className = 'lv-error';
    panel.setAttribute('role', 'alert');
    const h = document.createElement('h1');
    h.textContent = 'Something went wrong';
    const p = document.createElement('pre');
    p.textContent = err.message;
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute(ATTR.reload, '');
    button.textContent = 'Reload';
    panel.append(h, p, button);
    this.root.replaceChildren(panel);
    this.hooks.sweep();
  }
}
