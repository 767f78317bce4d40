// @ts-check
// hooks.js — `lv-hook="Name"`: page code attached to elements of a live view.
//
// Registering: `window.__golivekit.hook("Name", {mounted() {}, updated() {}, destroyed() {}})`
// at any time (elements already on the page mount at once), and, at boot, every entry of a
// `window.golivekitHooks = {Name: {...}}` object that a page script set before the bridge booted
// (the bridge boots on DOMContentLoaded, after the page's own scripts have run).
//
// Callbacks (`this` is the hook instance; the object you register is its prototype):
// - `mounted()`   the element is in a view and its hook is registered: at boot, after a patch
//                 inserts it, or when the hook is registered later.
// - `updated()`   after a patch changed the element or anything inside it (attributes, text,
//                 children). Client-side changes — JS commands, loading states, typing — are not
//                 updates; neither is the patch that mounted it.
// - `destroyed()` a patch removed it, its `lv-hook` changed (the new hook then mounts), or the
//                 view failed.
// Inside: `this.el`; `this.pushEvent(event, payload = {})` → a promise of the ack reply
// `{ref, v, patch?}`, rejecting with `{code, message}`, sent to the component that rendered
// `this.el` (inside a child component's region: that child; `lv-target="parent"` on the element:
// its parent, as for any binding); `this.pushEventTo(cid, event, payload = {})` the same to the
// child component `cid` (an integer >= 1; null: the view's root component);
// `this.handleEvent(name, fn)` calls `fn(payload)` for every `Socket::send` push `name` to this
// view while the hook is mounted.
// Whatever a callback throws is caught and logged with the element; the client goes on.

/** @typedef {{mounted?: () => void, updated?: () => void, destroyed?: () => void, [k: string]: any}} HookDef */
/** @typedef {{name: string, instance: any, handlers: Map<string, ((payload: any) => void)[]>}} MountedHook */

/** @type {Map<string, HookDef>} */
const hookDefs = new Map();
/** @type {Set<ViewHooks>} */
const hookSets = new Set();

/**
 * Registers hook `name`, mounting it on the elements already waiting for it.
 * @param {string} name
 * @param {HookDef} def
 */
function registerHook(name, def) {
  if (typeof name !== 'string' || !name || def === null || typeof def !== 'object') {
    console.error('[golivekit] hook(name, {mounted, updated, destroyed}) needs a name and an object', name, def);
    return;
  }
  hookDefs.set(name, def);
  for (const set of hookSets) {
    set.watch();
    set.scan();
  }
}

/** The hooks of one view; finds what a patch changed with a MutationObserver on its root. */
class ViewHooks {
  /** @param {LiveView} view */
  constructor(view) {
    this.view = view;
    /** @type {Map<Element, MountedHook>} */
    this.mounted = new Map();
    this.observer = new MutationObserver(() => {}); // records are taken synchronously around patches
    this.watching = false;
    hookSets.add(this);
    this.watch();
  }

  /**
   * Starts observing the view's root once a patch's changes are wanted: for hooks (one is
   * registered) or for the binding check of what patches add (`patchChecks`). Until then no
   * observer runs: a patch that removes 700 rows one by one would otherwise make 700 records
   * nobody reads.
   */
  watch() {
    if (this.watching || (hookDefs.size === 0 && !patchChecks())) return;
    this.watching = true;
    this.observer.observe(this.view.root, { subtree: true, childList: true, attributes: true, characterData: true });
  }

  /** Drops the mutations made so far (they are not a patch's). */
  beginPatch() {
    this.observer.takeRecords();
  }

  /** @returns {MutationRecord[]} */
  takeRecords() {
    return this.observer.takeRecords();
  }

  /** Mounts every hook element of the view not mounted yet (and re-mounts renamed ones). */
  scan() {
    const root = this.view.root;
    for (const el of [root, ...Array.from(root.querySelectorAll(`[${ATTR.hook}]`))]) {
      const name = el.getAttribute(ATTR.hook);
      if (name === null) continue;
      const cur = this.mounted.get(el);
      if (cur && cur.name !== name) this.destroy(el);
      if (!this.mounted.has(el) && hookDefs.has(name)) this.mount(el, name);
    }
  }

  /** Destroys the hooks whose element left the view or changed its `lv-hook`. */
  sweep() {
    for (const [el, h] of Array.from(this.mounted)) {
      if (!this.view.root.contains(el) || el.getAttribute(ATTR.hook) !== h.name) this.destroy(el);
    }
  }

  /**
   * After a patch: destroyed, then mounted, then updated for hooks whose subtree `records` touch.
   * @param {MutationRecord[]} records
   */
  afterPatch(records) {
    if (hookDefs.size === 0 && this.mounted.size === 0) return; // no hooks: nothing to mount or call
    this.sweep();
    const before = Array.from(this.mounted.keys());
    this.scan();
    for (const el of before) {
      const h = this.mounted.get(el);
      if (h && records.some((r) => el === r.target || el.contains(r.target))) this.call(el, h, 'updated');
    }
  }

  /**
   * A `Socket::send` push to this view.
   * @param {string} event
   * @param {any} payload
   */
  onPush(event, payload) {
    for (const [el, h] of Array.from(this.mounted)) {
      for (const fn of h.handlers.get(event) || []) {
        try {
          fn.call(h.instance, payload);
        } catch (err) {
          console.error(`[golivekit] hook ${h.name} handleEvent("${event}") failed: ${describe(el)}`, err);
        }
      }
    }
  }

  /**
   * @param {Element} el
   * @param {string} name
   */
  mount(el, name) {
    const view = this.view;
    const instance = Object.create(/** @type {HookDef} */ (hookDefs.get(name)));
    /** @type {MountedHook} */
    const h = { name, instance, handlers: new Map() };
    instance.el = el;
    instance.pushEvent = (/** @type {string} */ event, /** @type {Record<string, any>} */ payload = {}) =>
      view.pushEvent(event, payload, null, [], eventCid(el, view.root));
    instance.pushEventTo = (/** @type {number | null} */ cid, /** @type {string} */ event, /** @type {Record<string, any>} */ payload = {}) => {
      if (cid !== null && !isCid(cid)) throw new TypeError(`pushEventTo(${JSON.stringify(cid)}, "${event}") needs a component id (an integer >= 1) or null`);
      return view.pushEvent(event, payload, null, [], cid === null ? undefined : cid);
    };
    instance.handleEvent = (/** @type {string} */ event, /** @type {(payload: any) => void} */ fn) => {
      if (typeof fn !== 'function') throw new TypeError(`handleEvent("${event}") needs a function`);
      h.handlers.set(event, [...(h.handlers.get(event) || []), fn]);
    };
    this.mounted.set(el, h);
    this.call(el, h, 'mounted');
  }

  /** @param {Element} el */
  destroy(el) {
    const h = this.mounted.get(el);
    if (!h) return;
    this.mounted.delete(el);
    this.call(el, h, 'destroyed');
  }

  /**
   * @param {Element} el
   * @param {MountedHook} h
   * @param {'mounted' | 'updated' | 'destroyed'} callback
   */
  call(el, h, callback) {
    try {
      const fn = h.instance[callback];
      if (typeof fn === 'function') fn.call(h.instance);
    } catch (err) {
      console.error(`[golivekit] hook ${h.name}.${callback} failed: ${describe(el)}`, err);
    }
  }
}
