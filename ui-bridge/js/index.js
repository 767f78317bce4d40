// @ts-check
// index.js — wiring: finds every `[data-live-view]` root, connects it, installs the listeners.
// Exposes `window.__golivekit` for hooks (`hook`), the Rust shell (`flush`, flush.js; `drag`,
// drop.js), tests and
// debugging (`exec`, `clock`, `nav`).

(() => {
  const w = /** @type {any} */ (window);
  if (w.__golivekit) return; // injected twice (e.g. a frame): keep the first
  /** @type {Map<Element, LiveView>} */
  const views = new Map();

  /** @param {Element} root */
  const viewFor = (root) => views.get(root);
  const flush = () => flushViews(views.values());
  installFlushOnLeave(window, flush);

  function boot() {
    installEditTracking(document);
    installListeners(document, viewFor);
    checkBindings(document.documentElement);
    const pageHooks = w.golivekitHooks;
    if (pageHooks && typeof pageHooks === 'object') {
      for (const [name, def] of Object.entries(pageHooks)) if (!hookDefs.has(name)) hookDefs.set(name, def);
    }
    for (const root of document.querySelectorAll(`[${ATTR.view}][${ATTR.viewId}]`)) {
      const view = new LiveView(root);
      views.set(root, view);
      view.connect();
      view.hooks.scan();
    }
  }

  w.__golivekit = Object.freeze({
    views,
    nav,
    clock,
    applyPatch,
    validators: VALIDATORS,
    /** @param {Element} root */
    view: viewFor,
    /** Registers a hook: `hook("Name", {mounted() {}, updated() {}, destroyed() {}})` (hooks.js). */
    hook: registerHook,
    /** Sends every held value, then resolves once every event sent is acknowledged (flush.js). */
    flush,
    /** Native file drags, called by Rust: `hover(x, y)`, `leave()`, `drop(token, x, y)` (drop.js). */
    drag: dragApi(viewFor),
    /** Where events' time went in the page: totals, `stages(true)` resets them (stages.js). */
    stages: stagesApi,
    /** Runs a JS command list (the JSON an `lv-click` would carry) on `el`. */
    exec: (/** @type {Element} */ el, /** @type {string} */ spec) => execCommands(el, spec, viewFor),
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot, { once: true });
  else boot();
})();
