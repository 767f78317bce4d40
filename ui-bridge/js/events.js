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
 * A form's fields as a payload: every successful control by name; a name that occurs more than
 * once (checkbox groups, multi-selects, repeated inputs) becomes an array. `lv-value-*` on the form
 * fill in names no field has; a field's real value always wins.
 * @param {HTMLFormElement} form
 * @returns {Record<string, string | string[]>}
 */
function formPayload(form) {
  /** @type {Record<string, string | string[]>} */
  const payload = valuesOf(form);
  /** @type {Set<string>} */
  const fromFields = new Set();
  for (const [name, value] of new FormData(form)) {
    const text = typeof value === 'string' ? value : value.name;
    const multi = controlsNamed(form, name) > 1 || isMultiSelect(form, name);
    if (!fromFields.has(name)) {
      fromFields.add(name);
      payload[name] = multi ? [text] : text;
    } else {
      const prev = payload[name];
      payload[name] = Array.isArray(prev) ? [...prev, text] : [prev, text];
    }
  }
  return payload;
}

/**
 * How many of the form's controls carry `name`.
 * @param {HTMLFormElement} form
 * @param {string} name
 */
function controlsNamed(form, name) {
  let n = 0;
  for (const el of Array.from(form.elements)) if (el.getAttribute('name') === name) n++;
  return n;
}

/**
 * @param {HTMLFormElement} form
 * @param {string} name
 */
function isMultiSelect(form, name) {
  const el = form.elements.namedItem(name);
  return el instanceof HTMLSelectElement && el.multiple;
}

/**
 * The view an element belongs to, or an error naming the element.
 * @param {Element} el
 * @param {string} binding
 * @param {(root: Element) => LiveView | undefined} viewFor
 */
function viewOf(el, binding, viewFor) {
  const root = el.closest(`[${ATTR.view}]`);
  const view = root && viewFor(root);
  if (!view) console.error(`[golivekit] ${binding} on an element outside any connected view`, el);
  return view;
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
      nav.reload();
      return;
    }
    const el = target.closest(`[${ATTR.click}]`);
    if (!el) return;
    const view = viewOf(el, ATTR.click, viewFor);
    if (!view) return;
    e.preventDefault();
    const event = el.getAttribute(ATTR.click) || '';
    view.pushEvent(event, valuesOf(el), el).catch(() => {});
  });
  doc.addEventListener('submit', (e) => {
    const form = e.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute(ATTR.submit)) return;
    e.preventDefault(); // the page never navigates
    const view = viewOf(form, ATTR.submit, viewFor);
    if (!view) return;
    view.pushEvent(form.getAttribute(ATTR.submit) || '', formPayload(form), form).catch(() => {});
  });
}
