// @ts-check
// loading.js — what the page shows while an event is in flight (until its ack, success or error).
//
// - `lv-pending` on the element that triggered the event, at once (set by `view.js`).
// - Busy elements: the triggering element when it carries `lv-disable-with`; for a submit, the
//   form's submit buttons that carry `lv-disable-with` or whose form carries it. They get
//   `disabled` AT ONCE (no double submit, even for a sub-millisecond ack — `disabled` has no
//   visible flash in most themes), and events from a busy element are ignored (`events.js`), which
//   also covers elements `disabled` does not stop, such as links.
// - Only when the ack takes longer than `LOADING.delayMs` (100 ms): class `lv-loading` on the
//   triggering and busy elements, and busy elements show their `lv-disable-with` text (for an
//   `<input type=submit>` its value). A fast ack never flashes anything.
// - On the ack everything is put back: the class goes, `disabled` returns to what it was before,
//   and the original content returns — unless a patch re-rendered it meanwhile, then the server's
//   content stays (it is newer).
// - Patches re-render attributes from the server's markup and would drop `disabled`/`lv-loading`
//   during the flight; `reapplyLoading` (called by `view.js` after every patch) puts them back.
// - Several events in flight on one element: restored when the last one is acked.

/**
 * @typedef {Object} LoadState
 * @property {number} flights      events in flight touching this element
 * @property {number} busy         of those, the ones that disable it
 * @property {number} shown        of those, the ones past the delay
 * @property {boolean} wasDisabled
 * @property {string | null} text  the disable-with text, when it is busy
 * @property {Node[] | string | null} original  content replaced by `text` (an input's value as a string)
 */

/** @type {Map<Element, LoadState>} */
const loadStates = new Map();

/**
 * The disable-with text of `el`: its own, or for a submit button its form's.
 * @param {Element} el
 * @returns {string | null}
 */
function disableText(el) {
  const own = el.getAttribute(ATTR.disableWith);
  if (own !== null) return own;
  if (isSubmitButton(el)) return /** @type {HTMLButtonElement} */ (el).form?.getAttribute(ATTR.disableWith) ?? null;
  return null;
}

/** @param {Element} el */
function isSubmitButton(el) {
  return (el instanceof HTMLButtonElement || el instanceof HTMLInputElement) && el.type === 'submit';
}

/**
 * The elements an event from `el` (through `binding`) disables.
 * @param {Element} el
 * @param {string} binding
 * @returns {Element[]}
 */
function busyTargets(el, binding) {
  if (el instanceof HTMLFormElement) {
    // a form's `lv-disable-with` is for its submit buttons, and only while it submits
    if (binding !== ATTR.submit) return [];
    return Array.from(el.elements).filter((b) => isSubmitButton(b) && disableText(b) !== null);
  }
  return el.hasAttribute(ATTR.disableWith) ? [el] : [];
}

/** @param {Element} el */
function isBusy(el) {
  return (loadStates.get(el)?.busy ?? 0) > 0;
}

/**
 * Starts the loading state of one event; returns the function that ends it (call it on the ack).
 * @param {Element | null | undefined} el
 * @param {Element[]} busy
 * @returns {() => void}
 */
function startLoading(el, busy) {
  const all = [...new Set([...(el ? [el] : []), ...busy])];
  const isBusyEl = new Set(busy);
  if (!all.length) return () => {};
  for (const e of all) enter(e, isBusyEl.has(e));
  let shown = false;
  const timer = clock.set(() => {
    shown = true;
    for (const e of all) show(e, isBusyEl.has(e));
  }, LOADING.delayMs);
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    clock.clear(timer);
    for (const e of all) leave(e, isBusyEl.has(e), shown);
  };
}

/**
 * @param {Element} e
 * @param {boolean} busy
 */
function enter(e, busy) {
  let st = loadStates.get(e);
  if (!st) {
    st = { flights: 0, busy: 0, shown: 0, wasDisabled: e.hasAttribute('disabled'), text: null, original: null };
    loadStates.set(e, st);
  }
  st.flights++;
  if (busy) {
    st.busy++;
    st.text = disableText(e);
    e.setAttribute('disabled', '');
  }
}

/**
 * @param {Element} e
 * @param {boolean} busy
 */
function show(e, busy) {
  const st = loadStates.get(e);
  if (!st) return;
  st.shown++;
  e.classList.add(LOADING.className);
  if (busy && st.text !== null && st.original === null) {
    st.original = contentOf(e);
    setContent(e, st.text);
  }
}

/**
 * @param {Element} e
 * @param {boolean} busy
 * @param {boolean} wasShown
 */
function leave(e, busy, wasShown) {
  const st = loadStates.get(e);
  if (!st) return;
  st.flights--;
  if (busy) st.busy--;
  if (wasShown) st.shown--;
  if (st.shown <= 0) {
    e.classList.remove(LOADING.className);
    if (e.getAttribute('class') === '') e.removeAttribute('class');
    if (st.original !== null && st.text !== null && showsText(e, st.text)) setContent(e, st.original);
    st.original = null;
  }
  if (st.busy <= 0 && !st.wasDisabled) e.removeAttribute('disabled');
  if (st.flights <= 0) loadStates.delete(e);
}

/**
 * After a patch: puts the in-flight state of `root`'s elements back.
 * @param {Element} root
 */
function reapplyLoading(root) {
  for (const [e, st] of loadStates) {
    if (!e.isConnected) {
      loadStates.delete(e);
      continue;
    }
    if (!root.contains(e)) continue;
    if (st.busy > 0 && !e.hasAttribute('disabled')) e.setAttribute('disabled', '');
    if (st.shown > 0) {
      if (!e.classList.contains(LOADING.className)) e.classList.add(LOADING.className);
      if (st.text !== null && st.busy > 0 && !showsText(e, st.text)) {
        st.original = contentOf(e); // the server's newer content is what comes back on the ack
        setContent(e, st.text);
      }
    }
  }
}

/**
 * @param {Element} e
 * @returns {Node[] | string}
 */
function contentOf(e) {
  return e instanceof HTMLInputElement ? e.value : Array.from(e.childNodes);
}

/**
 * @param {Element} e
 * @param {Node[] | string} content
 */
function setContent(e, content) {
  if (e instanceof HTMLInputElement) e.value = String(content);
  else if (typeof content === 'string') e.textContent = content;
  else e.replaceChildren(...content);
}

/**
 * @param {Element} e
 * @param {string} text
 */
function showsText(e, text) {
  return e instanceof HTMLInputElement ? e.value === text : e.textContent === text;
}
