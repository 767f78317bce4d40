// @ts-check
// view.js — one live view on the page: connects it, sends its events, applies its patches strictly
// in `v` order (buffering any that arrive early), and handles its channel messages. After every
// patch it puts back client-side state the server's markup does not carry (JS commands, loading
// states) and tells the view's hooks what changed.
//
// Sending: before an event leaves, every held (debounced/throttled) run of the view runs first
// (rate.js), and the view's events go out one at a time, in order, through its `SendQueue` (one
// queue per view, whatever component an event is for); each carries the `page` of the connect
// reply, a `ref` that strictly increases, and the `cid` of the child component it is for
// (`eventCid`; none for the root component).
//
// Gaps: when buffered patches wait for a version that does not come for `RESYNC_AFTER_MS`, the
// view asks for its whole state (`resync {viewId}` → `{v, patch}`), applies it, drops what it
// buffered up to `v` and goes on from there. One resync at a time.

/** Window navigation, in one place (tests replace it: jsdom cannot navigate). */
const nav = {
  /** @param {string} url */
  assign(url) {
    window.location.assign(url);
  },
  reload() {
    window.location.reload();
  },
  /**
   * The webview's own confirm dialog: a boolean, or a Promise of one where tauri-plugin-dialog
   * replaces `window.confirm` (confirm.js awaits it and takes only `true` as yes).
   * @param {string} question
   * @returns {any}
   */
  confirm(question) {
    return window.confirm(question);
  },
};

/**
 * The wrapper of the child component that rendered `el` inside the view `root`: the nearest
 * wrapper above `el`, or above it when `el` is itself a wrapper (a wrapper and its attributes are
 * its parent's); null when that is the root component.
 * @param {Element} el
 * @param {Element} root
 * @returns {Element | null}
 */
function ownerWrapper(el, root) {
  const from = el.hasAttribute(ATTR.cid) ? el.parentElement : el;
  const wrapper = from ? from.closest(CID_SELECTOR) : null;
  return wrapper && wrapper !== root && root.contains(wrapper) ? wrapper : null;
}

/** `lv-target` values already reported as unknown (each once). @type {Set<string>} */
const badTargets = new Set();

/**
 * The cid an event from `bound` (the element carrying the binding, or a hook's element) goes to
 * in the view `root`: its owner component's, or with `lv-target="parent"` the owner's parent's;
 * undefined for the root component (the request then has no `cid`). Another `lv-target` value is
 * reported once and the owner is used.
 * @param {Element} bound
 * @param {Element} root
 * @returns {number | undefined}
 */
function eventCid(bound, root) {
  let wrapper = ownerWrapper(bound, root);
  const target = bound.getAttribute(ATTR.target);
  if (target === 'parent') {
    wrapper = wrapper ? ownerWrapper(wrapper, root) : null;
  } else if (target !== null && !badTargets.has(target)) {
    badTargets.add(target);
    console.warn(`[golivekit] ${ATTR.target}="${target}" is not a target (only "parent" is); the event goes to the element's own component: ${describe(bound)}`);
  }
  if (!wrapper) return undefined;
  const raw = wrapper.getAttribute(ATTR.cid) || '';
  const cid = Number(raw);
  if (/^[1-9][0-9]*$/.test(raw) && isCid(cid)) return cid;
  console.error(`[golivekit] ${ATTR.cid}="${raw}" is not a component id; the event goes to the view's root component: ${describe(wrapper)}`);
  return undefined;
}

class LiveView {
  /** @param {Element} root */
  constructor(root) {
    this.root = root;
    this.id = root.getAttribute(ATTR.viewId) || '';
    this.v = 0;
    /** The connection id from the connect reply, sent with every event (null until connected). @type {number | null} */
    this.page = null;
    this.connected = false;
    this.nextRef = 1;
    this.queue = new SendQueue();
    /** The timer of a gap in `early` (buffered patches waiting for `v + 1`). */
    this.gapTimer = null;
    this.resyncing = false;
    /** @type {Map<number, Patch>} */
    this.early = new Map();
    /** The highest user-edit number the server has seen from this view (edits.js). */
    this.acked = 0;
    /** A reply's patch version → the edits its event carried: they are seen once it applies. @type {Map<number, number>} */
    this.ackAt = new Map();
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
        const problems = validateConnectReply(reply);
        if (problems.length) console.error(`[golivekit] ${CLIENT_ERROR.badMessage}: connect reply of view ${this.id}: ${problems.join('; ')}`, reply);
        this.v = isUint(reply?.v) ? reply.v : 0;
        this.page = isUint(reply?.page) ? reply.page : null;
        this.connected = true;
        this.drain();
        document.documentElement.classList.add(PAGE_CLASS.connected);
      },
      (/** @type {ErrorBody} */ err) => this.fail(err),
    );
    return this.ready;
  }

  /**
   * Sends an event to the component `cid` (undefined: the root component; see `eventCid`); `el`
   * (the element that triggered it) carries `lv-pending` until the ack, and `busy` elements are
   * disabled meanwhile (loading.js). Every held run of the view runs first (it calls this again:
   * inside that flush nothing more is flushed), then the event waits for the connect and for the
   * view's earlier events. Resolves with the reply, rejects with an ErrorBody.
   * @param {string} event
   * @param {Record<string, any>} payload
   * @param {Element | null} [el]
   * @param {Element[]} [busy]
   * @param {number} [cid]
   * @param {number} [carries]  the user's edits up to this number are in `payload` (edits.js;
   *                            default: every edit so far, for a payload read now)
   * @returns {Promise<EventReply>}
   */
  async pushEvent(event, payload, el, busy = [], cid = undefined, carries = editsSoFar()) {
    flushWithin(this.root);
    const ref = this.nextRef++;
    el?.setAttribute(ATTR.pending, '');
    const loaded = startLoading(el, busy);
    try {
      return await this.queue.push(async () => {
        await this.ready;
        /** @type {EventRequest} */
        const request = { viewId: this.id, ...(this.page !== null ? { page: this.page } : {}), ref,
          ...(cid !== undefined ? { cid } : {}), event, payload };
        /** @type {EventReply} */
        let reply;
        const sent = stageNow();
        try {
          reply = await invoke(CMD.event, request);
          stageRoundTrip(sent);
        } catch (err) {
          this.seen(carries); // answered: the server's state is the truth again
          throw err;
        }
        if (reply.patch && reply.patch.v > this.v) {
          this.ackAt.set(reply.patch.v, Math.max(carries, this.ackAt.get(reply.patch.v) ?? 0));
          this.receive(reply.patch);
        } else {
          this.seen(carries);
        }
        return reply;
      });
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

  /**
   * Resolves once every event of this view sent so far has been acknowledged or has failed.
   * @returns {Promise<void>}
   */
  idle() {
    return this.queue.idle();
  }

  /**
   * The server has seen the user's edits up to `carried` (its reply has applied, or it had nothing
   * to patch): from now on patches give those fields the server's state.
   * @param {number} carried
   */
  seen(carried) {
    if (carried > this.acked) this.acked = carried;
  }

  /** @param {Patch} patch */
  receive(patch) {
    if (patch.v <= this.v) return;
    this.early.set(patch.v, patch);
    this.drain();
  }

  /** Applies the buffered patches that follow `v`, in order; then watches for a gap. */
  drain() {
    let patched = false;
    const start = stageNow();
    this.hooks.beginPatch();
    for (let p = this.early.get(this.v + 1); p; p = this.early.get(this.v + 1)) {
      this.early.delete(p.v);
      this.v = p.v;
      const carried = this.ackAt.get(p.v);
      if (carried !== undefined) {
        this.ackAt.delete(p.v);
        this.seen(carried);
      }
      withSeenEdits(this.acked, () => applyPatch(this.root, p));
      patched = true;
    }
    for (const v of this.early.keys()) if (v <= this.v) this.early.delete(v);
    // Replies whose versions a resync passed over: their edits are in what it showed.
    for (const [v, carried] of this.ackAt) if (v <= this.v) { this.ackAt.delete(v); this.seen(carried); }
    if (patched) {
      const applied = stageNow();
      this.afterPatch();
      stagePatch(start, applied);
    }
    this.watchGap(patched);
  }

  /**
   * While patches wait in `early` for a version that has not arrived, a timer runs (restarted
   * whenever `v` moves on); when it fires the view resyncs. No gap (or no connection yet): no timer.
   * @param {boolean} progressed  `v` moved on since the timer started
   */
  watchGap(progressed) {
    if (this.early.size === 0 || !this.connected || this.gone) {
      clock.clear(this.gapTimer);
      this.gapTimer = null;
      return;
    }
    if (this.gapTimer !== null && !progressed) return;
    clock.clear(this.gapTimer);
    this.gapTimer = clock.set(() => {
      this.gapTimer = null;
      this.resync();
    }, RESYNC_AFTER_MS);
  }

  /**
   * Asks for the view's whole state (`resync {viewId}` → `{v, patch}`) and applies it, unless a
   * resync is already in flight. A failure is logged and, if the gap is still there, tried again
   * after another `RESYNC_AFTER_MS`.
   */
  resync() {
    if (this.resyncing || this.early.size === 0 || this.gone) return;
    this.resyncing = true;
    invoke(CMD.resync, { viewId: this.id }).then(
      (/** @type {ResyncReply} */ reply) => {
        const problems = validateResyncReply(reply);
        if (problems.length) console.error(`[golivekit] ${CLIENT_ERROR.badMessage}: resync reply of view ${this.id}: ${problems.join('; ')}`, reply);
        else this.applyResync(reply);
      },
      (/** @type {ErrorBody} */ err) => {
        console.error(`[golivekit] resync of view ${this.id} failed: ${err.code}: ${err.message}`);
        if (err.code === 'view_crashed' || err.code === 'unknown_view') this.fail(err);
      },
    ).catch((err) => console.error(`[golivekit] applying the resync of view ${this.id} failed`, err)).finally(() => {
      this.resyncing = false;
      this.watchGap(false);
    });
  }

  /**
   * Applies a resync reply: drops buffered patches up to its `v`, morphs the root into its state
   * (the focused-field and record-switch rules of patch.js apply as for any patch), then drains
   * what is buffered above it. A reply no newer than `v` (the gap filled meanwhile) changes nothing.
   * @param {ResyncReply} reply
   */
  applyResync(reply) {
    if (reply.v <= this.v) return;
    for (const v of Array.from(this.early.keys())) if (v <= reply.v) this.early.delete(v);
    this.hooks.beginPatch();
    withSeenEdits(this.acked, () => applyWholeRoot(this.root, reply.patch));
    this.v = reply.v;
    this.afterPatch();
    this.drain();
  }

  /** Puts client-side state back over the server's markup, then runs the hooks' callbacks. */
  afterPatch() {
    const records = this.hooks.takeRecords();
    reapplySticky(this.root);
    reapplyLoading(this.root);
    this.hooks.takeRecords(); // putting our own state back is not an update
    if (patchChecks()) {
      for (const r of records) {
        for (const n of Array.from(r.addedNodes)) if (n instanceof Element && n.isConnected) checkBindings(n);
      }
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
    clock.clear(this.gapTimer);
    this.gapTimer = null;
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
