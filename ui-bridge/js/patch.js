// @ts-check
// patch.js — the only file that changes the DOM. Applies a patch to a view's root: `f` morphs the
// whole root, `a` sets slot attributes, `h` morphs a slot's children, `s` sets a slot's text.
// Morphing keeps element identity wherever tag (and `data-key`/`id`) match, so focus, caret,
// selection and scroll survive; a focused field's value is never overwritten under the user.

/** Attributes the client owns; a morph never removes them. */
const CLIENT_ATTRS = new Set([ATTR.pending]);

/**
 * @param {Element} root
 * @param {string} id
 * @returns {Element | null}
 */
function findSlot(root, id) {
  if (root.getAttribute(ATTR.slot) === id) return root;
  for (const el of root.querySelectorAll(`[${ATTR.slot}]`)) {
    if (el.getAttribute(ATTR.slot) === id) return el;
  }
  return null;
}

/**
 * Applies `patch` to `root`. Slots the page does not have are reported and skipped.
 * @param {Element} root
 * @param {Patch} patch
 */
function applyPatch(root, patch) {
  if (typeof patch.f === 'string') morphInner(root, patch.f);
  for (const [id, attrs] of Object.entries(patch.a || {})) {
    const el = slotOrWarn(root, id);
    if (!el) continue;
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null) el.removeAttribute(name);
      else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
    }
  }
  for (const [id, html] of Object.entries(patch.h || {})) {
    const el = slotOrWarn(root, id);
    if (el) morphInner(el, html);
  }
  for (const [id, text] of Object.entries(patch.s || {})) {
    const el = slotOrWarn(root, id);
    if (el) setText(el, text);
  }
}

/**
 * @param {Element} root
 * @param {string} id
 */
function slotOrWarn(root, id) {
  const el = findSlot(root, id);
  if (!el) console.warn(`[golivekit] patch names slot "${id}", which this page does not have`);
  return el;
}

/**
 * Sets text without ever parsing it as markup.
 * @param {Element} el
 * @param {string} text
 */
function setText(el, text) {
  const only = el.childNodes.length === 1 ? el.firstChild : null;
  if (only && only.nodeType === 3) {
    if (only.nodeValue !== text) only.nodeValue = text;
  } else {
    el.textContent = text;
  }
}

/**
 * Morphs `el`'s children into the nodes `html` describes.
 * @param {Element} el
 * @param {string} html
 */
function morphInner(el, html) {
  const doc = el.ownerDocument;
  const tpl = doc.createElement('template');
  tpl.innerHTML = html;
  morphChildren(el, tpl.content);
}

/**
 * @param {Node} n
 * @returns {string | null}
 */
function keyOf(n) {
  if (n.nodeType !== 1) return null;
  const el = /** @type {Element} */ (n);
  return el.getAttribute('data-key') ?? (el.id || null);
}

/**
 * @param {Node} a
 * @param {Node} b
 */
function sameKind(a, b) {
  return a.nodeType === b.nodeType && a.nodeName === b.nodeName;
}

/**
 * @param {Node} from
 * @param {Node} to
 */
function morphChildren(from, to) {
  let cur = from.firstChild;
  for (const target of Array.from(to.childNodes)) {
    const key = keyOf(target);
    /** @type {Node | null} */
    let match = null;
    if (key !== null) {
      for (let n = cur; n; n = n.nextSibling) {
        if (keyOf(n) === key && sameKind(n, target)) { match = n; break; }
      }
    } else if (cur && sameKind(cur, target) && keyOf(cur) === null) {
      match = cur;
    }
    if (match) {
      if (match !== cur) from.insertBefore(match, cur);
      morphNode(match, target);
      cur = match.nextSibling;
    } else {
      from.insertBefore(from.ownerDocument.importNode(target, true), cur);
    }
  }
  while (cur) {
    const next = cur.nextSibling;
    from.removeChild(cur);
    cur = next;
  }
}

/**
 * @param {Node} from
 * @param {Node} to
 */
function morphNode(from, to) {
  if (from.nodeType !== 1) {
    if (from.nodeValue !== to.nodeValue) from.nodeValue = to.nodeValue;
    return;
  }
  const el = /** @type {HTMLElement} */ (from);
  const target = /** @type {HTMLElement} */ (to);
  syncAttributes(el, target);
  const focused = el.ownerDocument.activeElement === el;
  const tag = el.nodeName;
  if (tag === 'INPUT') {
    const input = /** @type {HTMLInputElement} */ (el);
    if (!focused) {
      const value = target.getAttribute('value') ?? '';
      if (input.value !== value) input.value = value;
    }
    input.checked = target.hasAttribute('checked');
    return;
  }
  if (tag === 'TEXTAREA') {
    if (!focused) /** @type {HTMLTextAreaElement} */ (el).value = target.textContent ?? '';
    return;
  }
  morphChildren(el, target);
  if (tag === 'SELECT' && !focused) {
    const selected = target.querySelector('option[selected]');
    const select = /** @type {HTMLSelectElement} */ (el);
    if (selected) select.value = selected.getAttribute('value') ?? selected.textContent ?? '';
  }
}

/**
 * @param {Element} el
 * @param {Element} target
 */
function syncAttributes(el, target) {
  for (const { name } of Array.from(el.attributes)) {
    if (!target.hasAttribute(name) && !CLIENT_ATTRS.has(name)) el.removeAttribute(name);
  }
  for (const { name, value } of Array.from(target.attributes)) {
    if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }
}
