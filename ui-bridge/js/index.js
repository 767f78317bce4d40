// @ts-check
// index.js — wiring: finds every `[data-live-view]` root, connects it, installs the listeners.
// Exposes `window.__golivekit` for hooks, tests and debugging.

(() => {
  const w = /** @type {any} */ (window);
  if (w.__golivekit) return; // injected twice (e.g. a frame): keep the first
  /** @type {Map<Element, LiveView>} */
  const views = new Map();

  function boot() {
    installListeners(document, (root) => views.get(root));
    for (const root of document.querySelectorAll(`[${ATTR.view}][${ATTR.viewId}]`)) {
      const view = new LiveView(root);
      views.set(root, view);
      view.connect();
    }
  }

  w.__golivekit = Object.freeze({
    views,
    nav,
    applyPatch,
    validators: VALIDATORS,
    /** @param {Element} root */
    view: (root) => views.get(root),
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot, { once: true });
  else boot();
})();
