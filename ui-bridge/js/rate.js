// @ts-check
// rate.js — `lv-debounce` and `lv-throttle`, and the one timer source of the client (`clock`).
//
// A limiter belongs to one (element, binding) pair, where the element is the control the user
// acts on (for a form-level `lv-change` / `lv-input`, the changed field; otherwise the element
// carrying the binding). Its attributes are read from that element, then from the binding's
// element. What a limiter holds is a "run" thunk built at event time, so the payload it sends is
// the one of the LATEST event (typing "abc" sends "abc").
//
// - `lv-debounce="ms"`: every event restarts the wait; after `ms` of quiet the latest runs.
// - `lv-debounce="blur"`: the latest runs when the element loses focus.
// - `lv-throttle="ms"`: the first runs at once; later ones within `ms` are held (only the
//   latest is kept) and run when the interval ends, which starts a new interval.
// - `lv-input` with neither attribute is debounced by `INPUT_DEBOUNCE_MS`. Other bindings run
//   at once unless they carry one. `lv-submit`, `lv-focus` and `lv-blur` are never limited.
// - Flushing: blur runs every pending limiter of the blurred element; any event that runs from
//   inside a form (a submit, a click on its button, a change of another field) first runs the
//   pending limiters of that form's fields, in the order they became pending, so the server
//   sees every typed character before the submit. A flush runs them now (a throttle's held
//   event too) and does not reorder them.
// - A bad value (`lv-debounce="soon"`) is reported with the element and the event runs at once.

/** The client's timers; tests replace these functions with a fake clock. */
const clock = {
  /** @param {() => void} fn @param {number} ms @returns {any} */
  set: (fn, ms) => window.setTimeout(fn, ms),
  /** @param {any} id */
  clear: (id) => window.clearTimeout(id),
};

/**
 * @typedef {Object} Limiter
 * @property {Element} el
 * @property {string} binding
 * @property {(() => void) | null} held   the latest run not yet done
 * @property {any} timer
 * @property {'debounce' | 'throttle'} kind
 */

/** @type {WeakMap<Element, Map<string, Limiter>>} */
const limiters = new WeakMap();
/** Limiters holding a run, in the order they started holding it. @type {Set<Limiter>} */
const pendingRuns = new Set();
/** True while a flush runs held events (they must not flush each other out of order). */
let flushing = false;

/**
 * @param {Element} el
 * @param {string} binding
 * @returns {Limiter}
 */
function limiterFor(el, binding) {
  let byBinding = limiters.get(el);
  if (!byBinding) limiters.set(el, (byBinding = new Map()));
  let l = byBinding.get(binding);
  if (!l) byBinding.set(binding, (l = { el, binding, held: null, timer: null, kind: 'debounce' }));
  return l;
}

/**
 * The rate rule for a binding: `{debounce: ms | 'blur'}`, `{throttle: ms}` or `{}` (at once).
 * @param {Element} el        the control acted on
 * @param {Element} bound     the element carrying the binding
 * @param {string} binding
 * @returns {{debounce?: number | 'blur', throttle?: number}}
 */
function rateRule(el, bound, binding) {
  const read = (/** @type {string} */ a) => el.getAttribute(a) ?? bound.getAttribute(a);
  const debounce = read(ATTR.debounce);
  const throttle = read(ATTR.throttle);
  const ms = (/** @type {string} */ text, /** @type {string} */ attr) => {
    if (/^\s*\d+\s*$/.test(text)) return Number(text);
    console.error(`[golivekit] ${attr}="${text}" is not a number of milliseconds${attr === ATTR.debounce ? ' or "blur"' : ''}: ${describe(el)}`);
    return 0;
  };
  if (debounce !== null) return debounce.trim() === 'blur' ? { debounce: 'blur' } : { debounce: ms(debounce, ATTR.debounce) };
  if (throttle !== null) return { throttle: ms(throttle, ATTR.throttle) };
  return binding === ATTR.input ? { debounce: INPUT_DEBOUNCE_MS } : {};
}

/**
 * Runs `run` now or later, as the element's rate rule says.
 * @param {Element} el
 * @param {Element} bound
 * @param {string} binding
 * @param {() => void} run
 */
function limit(el, bound, binding, run) {
  const rule = rateRule(el, bound, binding);
  if (rule.debounce === 'blur') {
    hold(limiterFor(el, binding), run);
  } else if (rule.debounce) {
    const l = limiterFor(el, binding);
    l.kind = 'debounce';
    clock.clear(l.timer);
    hold(l, run);
    l.timer = clock.set(() => release(l), rule.debounce);
  } else if (rule.throttle) {
    const l = limiterFor(el, binding);
    l.kind = 'throttle';
    if (l.timer !== null) {
      hold(l, run);
      return;
    }
    run();
    const tick = () => {
      if (l.held) {
        release(l);
        l.timer = clock.set(tick, /** @type {number} */ (rule.throttle));
      } else {
        l.timer = null;
      }
    };
    l.timer = clock.set(tick, rule.throttle);
  } else {
    run();
  }
}

/**
 * @param {Limiter} l
 * @param {() => void} run
 */
function hold(l, run) {
  l.held = run;
  pendingRuns.delete(l); // re-inserting keeps the order of the latest events
  pendingRuns.add(l);
}

/**
 * Runs the limiter's held event now, if any.
 * @param {Limiter} l
 */
function release(l) {
  const run = l.held;
  l.held = null;
  pendingRuns.delete(l);
  if (!run) return;
  try {
    run();
  } catch (err) {
    console.error('[golivekit] a delayed binding failed', err);
  }
}

/**
 * Runs every held event of `el` (on blur). A debounce's timer stops; a throttle's interval goes on.
 * @param {Element} el
 */
function flushElement(el) {
  const byBinding = limiters.get(el);
  if (!byBinding) return;
  for (const l of byBinding.values()) {
    if (!l.held) continue;
    if (l.kind !== 'throttle') {
      clock.clear(l.timer);
      l.timer = null;
    }
    release(l);
  }
}

/**
 * Runs, in order, every held event of an element inside `container` (a form, before one of its
 * events runs). Does nothing while a flush is already running.
 * @param {Element | null} container
 */
function flushWithin(container) {
  if (!container || flushing) return;
  flushing = true;
  try {
    for (const l of Array.from(pendingRuns)) {
      if (pendingRuns.has(l) && container.contains(l.el)) flushElement(l.el);
    }
  } finally {
    flushing = false;
  }
}

/**
 * The start of an element's markup, to name it in an error.
 * @param {Element} el
 */
function describe(el) {
  const html = el.outerHTML;
  const open = html.slice(0, html.indexOf('>') + 1 || 120);
  return open.length > 120 ? `${open.slice(0, 117)}...` : open;
}
