// @ts-check
// events.js — delegated listeners, installed once on the document, so patches never re-bind.

/**
 * The `lv-value-*` attributes of `el` as a payload (names without the prefix, string values).
 * @param {Element} el
 * @returns {Record<string, string>}
 */
function valuesOf(el) {
  /** @type {Record<string, string>} */
  const payload = {};
  for (const { name, value } of Array.from(el.attributes)) {
    if (name.startsWith(ATTR.valuePrefix)) payload[name.slice(ATTR.valuePrefix.length)] = value;
  }
  return payload;
}

/**
 * @param {Document} doc
 * @param {(root: Element) => LiveView | undefined} viewFor
 */
function installListeners(doc, viewFor) {
  doc.addEventListener('click', (e) => {
    const target = /** @type {Element | null} */ (e.target instanceof Element ? e.target : null);
    if (!target) return;
    if (target.closest(`[${ATTR.reload}]`)) {
      e.preventDefault();
      window.location.reload();
      return;
    }
    const el = target.closest(`[${ATTR.click}]`);
    if (!el) return;
    const root = el.closest(`[${ATTR.view}]`);
    const view = root && viewFor(root);
    if (!view) {
      console.error(`[golivekit] ${ATTR.click} on an element outside any connected view`, el);
      return;
    }
    e.preventDefault();
    const event = el.getAttribute(ATTR.click) || '';
    view.pushEvent(event, valuesOf(el), el).catch(() => {});
  });
}
