// @ts-check
// bindings.js — the `lv-*` vocabulary and the payload each binding sends (`events.js` listens).
//
// PRECEDENCE: a payload is `lv-value-*` of the element carrying the binding (strings), then a
// command's `push` value (see commands.js), then the fields the client reads from the control and
// the DOM event (`value`, `name`, `key`, `_target`, a form's fields). Later wins: the control's
// real value ALWAYS beats an `lv-value-*` of the same name, so `lv-value-value="x"` never
// replaces what the user typed; `lv-value-*` only adds names the control does not send.
//
// Payloads:
//   lv-click                          {...lv-value-*}
//   lv-submit (on a form)             {...lv-value-*, ...fields}
//   lv-change / lv-input on a control {...lv-value-*, name?, value}
//   lv-change / lv-input on a form    {...lv-value-*, ...fields, _target?}  (any field inside; `_target`
//                                     is the changed field's name, absent when it has none)
//   lv-keydown / lv-keyup,            {...lv-value-*, key, name?, value?}  (`key` is KeyboardEvent.key;
//   lv-window-keydown / -keyup        name/value when the element carrying the binding is a control)
//   lv-focus / lv-blur                {...lv-value-*, name?, value?}      (same)
//   lv-contextmenu (a right-click)    {...lv-value-*}  (the webview's own menu does not open; the
//                                     handler shows a native one: `ctx.native()?.context_menu`)
// Every event goes to the component that rendered the element carrying the binding (inside a
// child component's region: that child, sent as `cid`); `lv-target="parent"` on that element
// sends it to the component one up (view.js, `eventCid`).
// `lv-confirm="question"` on an lv-click element, an lv-submit form or its submit button asks first
// (confirm.js; the payload is read at click time and sent after a yes); declining sends nothing.
// `name` is the control's name attribute, present only when it has one. A control's `value`:
// checkbox → true/false (its checked state, never "on"); radio → the value of the checked radio
// of its group (in its form, else the document), null when none; select → its value;
// multi-select → array of the selected values; file → array of file names; else its text.
// A form's fields: every enabled named control; a name carried by several controls (a checkbox
// group, repeated inputs) or a multi-select → an array (empty when nothing is checked); a lone
// checkbox without a `value` attribute → true/false; a radio group → the checked value (absent
// when none); otherwise the value as a string (what a browser would submit).
// `lv-change` is the DOM `change` event (committed: blur, Enter, a click on a box); `lv-input`
// fires on every keystroke (debounced, rate.js). The `lv-key` filter compares with
// KeyboardEvent.key case-insensitively (`Enter`, `escape`, `k`), optionally with modifiers for
// desktop shortcuts: `Ctrl+K`, `Shift+Enter`, `Alt+ArrowUp`, `Mod+S` (Meta on macOS, else Ctrl).

/** Bindings that send an event (or run JS commands). */
const EVENT_BINDINGS = Object.freeze([
  ATTR.click, ATTR.submit, ATTR.change, ATTR.input, ATTR.keydown, ATTR.keyup,
  ATTR.windowKeydown, ATTR.windowKeyup, ATTR.focus, ATTR.blur, ATTR.contextmenu,
]);

/** Bindings that send an event the page does not trigger itself: a native file drop (drop.js). */
const NATIVE_BINDINGS = Object.freeze([ATTR.drop]);

/** Every `lv-*` attribute the client understands (plus `lv-value-*`). */
const KNOWN_BINDINGS = new Set([
  ...EVENT_BINDINGS, ...NATIVE_BINDINGS, ATTR.key, ATTR.debounce, ATTR.throttle, ATTR.disableWith, ATTR.confirm,
  ATTR.hook, ATTR.pending, ATTR.target,
]);

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

/** @param {any} el @returns {el is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} */
function isControl(el) {
  return el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
}

/**
 * The value a control reports (see the table above).
 * @param {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} el
 * @returns {string | boolean | string[] | null}
 */
function controlValue(el) {
  if (el instanceof HTMLSelectElement) {
    return el.multiple ? Array.from(el.selectedOptions).map((o) => o.value) : el.value;
  }
  if (el instanceof HTMLInputElement) {
    if (el.type === 'checkbox') return el.checked;
    if (el.type === 'radio') {
      if (!el.name) return el.checked ? el.value : null;
      const group = el.form ? Array.from(el.form.elements) : Array.from(el.ownerDocument.getElementsByName(el.name));
      const on = group.find((r) => r instanceof HTMLInputElement && r.type === 'radio' && r.name === el.name && r.checked);
      return on ? /** @type {HTMLInputElement} */ (on).value : null;
    }
    if (el.type === 'file') return Array.from(el.files || []).map((f) => f.name);
  }
  return el.value;
}

/**
 * `{name?, value}` of a control, `{}` for anything else.
 * @param {Element} el
 * @returns {Record<string, any>}
 */
function controlFields(el) {
  if (!isControl(el)) return {};
  const name = el.getAttribute('name');
  return name ? { name, value: controlValue(el) } : { value: controlValue(el) };
}

/** @param {Element} el */
function isButtonLike(el) {
  return el instanceof HTMLButtonElement ||
    (el instanceof HTMLInputElement && ['submit', 'button', 'reset', 'image'].includes(el.type));
}

/**
 * A form's fields as a payload, with `lv-value-*` of the form underneath (see the table above).
 * @param {HTMLFormElement} form
 * @returns {Record<string, any>}
 */
function formPayload(form) {
  /** @type {Record<string, any>} */
  const payload = valuesOf(form);
  /** @type {Map<string, Element[]>} */
  const byName = new Map();
  for (const el of Array.from(form.elements)) {
    const name = el.getAttribute('name');
    if (!name || isButtonLike(el) || !isControl(el) || el.disabled) continue;
    byName.set(name, [...(byName.get(name) || []), el]);
  }
  const data = new FormData(form);
  for (const [name, controls] of byName) {
    const entries = data.getAll(name).map((v) => (typeof v === 'string' ? v : v.name));
    const first = controls[0];
    const allRadios = controls.every((c) => c instanceof HTMLInputElement && c.type === 'radio');
    if (controls.length === 1 && first instanceof HTMLInputElement && first.type === 'checkbox' && !first.hasAttribute('value')) {
      payload[name] = first.checked;
    } else if ((first instanceof HTMLSelectElement && first.multiple) || (controls.length > 1 && !allRadios)) {
      payload[name] = entries;
    } else if (entries.length) {
      payload[name] = entries[0];
    } else if (!allRadios) {
      delete payload[name]; // an unchecked checkbox with a value sends nothing, like a browser
    }
  }
  return payload;
}

/**
 * The payload fields read from the control and the DOM event for a binding (they win over
 * `lv-value-*`); see the table above.
 * @param {string} binding
 * @param {Element} bound    the element carrying the binding
 * @param {Event} event
 * @returns {Record<string, any>}
 */
function ownFields(binding, bound, event) {
  switch (binding) {
    case ATTR.click:
      return {};
    case ATTR.submit:
      return bound instanceof HTMLFormElement ? formPayload(bound) : {};
    case ATTR.change:
    case ATTR.input: {
      if (!(bound instanceof HTMLFormElement)) return controlFields(isControl(event.target) ? event.target : bound);
      const fields = formPayload(bound);
      delete fields._target;
      const target = event.target instanceof Element ? event.target.getAttribute('name') : null;
      return target ? { ...fields, _target: target } : fields;
    }
    case ATTR.keydown:
    case ATTR.keyup:
    case ATTR.windowKeydown:
    case ATTR.windowKeyup:
      return { key: /** @type {KeyboardEvent} */ (event).key, ...controlFields(bound) };
    default:
      return controlFields(bound);
  }
}

/**
 * Whether a key event passes the element's `lv-key` filter (no filter: every key).
 * @param {Element} el
 * @param {KeyboardEvent} event
 */
function keyMatches(el, event) {
  const want = el.getAttribute(ATTR.key);
  if (want === null) return true;
  if (typeof event.key !== 'string') return false;
  const filter = parseKeyFilter(want);
  if (filter.key !== event.key.toLowerCase()) return false;
  if (!filter.mods) return true; // a bare key ignores modifiers, like Phoenix's phx-key
  const mac = /Mac|iPhone|iPad/.test(navigator.platform || '');
  const need = { ctrl: filter.mods.has('ctrl') || (!mac && filter.mods.has('mod')),
    meta: filter.mods.has('meta') || (mac && filter.mods.has('mod')), alt: filter.mods.has('alt') };
  return event.ctrlKey === need.ctrl && event.metaKey === need.meta && event.altKey === need.alt &&
    (!filter.mods.has('shift') || event.shiftKey);
}

/** Modifier names `lv-key` understands (`Mod` is Meta on macOS, Ctrl elsewhere). */
const KEY_MODIFIERS = new Set(['ctrl', 'control', 'alt', 'shift', 'meta', 'cmd', 'mod']);

/**
 * `lv-key` as `{key, mods}`: `"Enter"` → no modifiers; `"Ctrl+K"`, `"Mod+S"`, `"Shift+Enter"`,
 * `"Ctrl++"` → the listed modifiers must be held and Ctrl/Alt/Meta not listed must not be.
 * @param {string} spec
 * @returns {{key: string, mods: Set<string> | null}}
 */
function parseKeyFilter(spec) {
  const parts = spec.length > 1 && spec.endsWith('+') ? [...spec.slice(0, -2).split('+'), '+'] : spec.split('+');
  const key = (parts.pop() || '').toLowerCase();
  const mods = parts.map((m) => m.trim().toLowerCase()).filter(Boolean)
    .map((m) => (m === 'control' ? 'ctrl' : m === 'cmd' ? 'meta' : m));
  return { key, mods: mods.length ? new Set(mods.filter((m) => KEY_MODIFIERS.has(m))) : null };
}

/**
 * Whether the elements a patch adds are checked like the first document's (`checkBindings`):
 * yes, unless the shell turned it off (`golivekit_tauri::Builder::binding_checks`: on in debug
 * builds, off in release ones, where the check of every inserted row cost a keyed list refill
 * ~0.2 ms and the observer it needs more). The first document is always checked.
 * @returns {boolean}
 */
function patchChecks() {
  return /** @type {any} */ (window).__GOLIVEKIT_BINDING_CHECKS__ !== false;
}

/**
 * Reports every unknown `lv-*` attribute, and every malformed command list, in `scope` and its
 * descendants, naming the element.
 * @param {Element} scope
 */
function checkBindings(scope) {
  checkElementBindings(scope);
  // (A patch adds many leaves — list rows, cells: no query for an element without children.)
  if (scope.firstElementChild) for (const el of scope.querySelectorAll('*')) checkElementBindings(el);
}

/**
 * [`checkBindings`] for one element: attribute names first (no `Attr` objects), values only for
 * event bindings.
 * @param {Element} el
 */
function checkElementBindings(el) {
  for (const name of el.getAttributeNames()) {
    if (!name.startsWith('lv-') || name.startsWith(ATTR.valuePrefix)) continue;
    if (!KNOWN_BINDINGS.has(name)) {
      console.error(`[golivekit] unknown binding ${name}: ${describe(el)}`);
    } else if (EVENT_BINDINGS.includes(name)) {
      const value = el.getAttribute(name) ?? '';
      if (isCommandList(value)) parseCommands(value, el, name);
    }
  }
}
