// @ts-check
// record.js — record switches (the rule is at the top of patch.js): what a focused field is bound
// to, and what happens when a patch binds it to something else.

/**
 * What `field` is bound to, as a string that is equal exactly when the binding is: its own
 * `name`, `id`, `form`, `data-key` and `lv-value-*` attributes; the `id`, `name`, `data-key` and
 * `lv-value-*` of its form element (none: `-`); the `data-key`, `id` and `data-lv-cid` of every
 * ancestor up to `root` (not the root itself), so a field whose region now belongs to another
 * child component (the same key, a new cid) is a different field. Inside a child component the
 * walk ends at the child's wrapper: a cid is never reused, so it names the child (and what the
 * field stands for), and a child whose wrapper the parent moved elsewhere keeps its fields.
 * @param {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement} field
 * @param {Element} root
 * @returns {string}
 */
function fieldBinding(field, root) {
  /** @type {any[]} */
  const parts = [identityOf(field, ['name', 'id', 'form', ATTR.dataKey], true)];
  const form = field.form;
  parts.push(form ? identityOf(form, ['id', 'name', ATTR.dataKey], true) : '-');
  for (let a = field.parentElement; a && a !== root; a = a.parentElement) {
    parts.push(identityOf(a, [ATTR.dataKey, 'id', ATTR.cid], false));
    if (a.hasAttribute(ATTR.cid)) break; // a child's id names it: where its parent puts it is not
  }
  return JSON.stringify(parts);
}

/**
 * The values of attributes `names` of `el` (null when absent), then — with `values` — its
 * `lv-value-*` attributes sorted by name (a morph may reorder attributes).
 * @param {Element} el
 * @param {string[]} names
 * @param {boolean} values
 * @returns {(string | null)[]}
 */
function identityOf(el, names, values) {
  const out = names.map((n) => el.getAttribute(n));
  if (!values) return out;
  const own = Array.from(el.attributes).filter((a) => a.name.startsWith(ATTR.valuePrefix))
    .map((a) => `${a.name}=${a.value}`).sort();
  return [...out, ...own];
}

/**
 * Before a patch of `root`: notes the focused field inside it and its binding. The returned
 * function, called once the whole patch is applied, applies the record-switch rule: when the
 * binding changed or the field left the root, the field's held runs are flushed (their payloads
 * were captured when the user typed: they go to the old binding), then a field still on the page
 * takes the server's content. Nothing focused (or nothing but the root): a no-op.
 * @param {Element} root
 * @returns {() => void}
 */
function watchFocusedBinding(root) {
  const active = root.ownerDocument.activeElement;
  if (!active || active === root || !isField(active) || !root.contains(active)) return () => {};
  const field = /** @type {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement} */ (active);
  const before = fieldBinding(field, root);
  return () => {
    const here = root.contains(field);
    if (here && fieldBinding(field, root) === before) return;
    flushElement(field);
    if (here) takeServerValue(field);
  };
}
