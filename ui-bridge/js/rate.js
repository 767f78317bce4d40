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
// - A held value is always sent first. A view's events leave in the order they were captured:
//   before any event of a view is sent (`LiveView.pushEvent` calls `flushWithin(root)`), every
//   held run of an element of that view runs, in the order they became pending. When a held run
//   itself becomes due (its timer, a blur, a record switch), the held runs of its view that became
//   pending BEFORE it run first; the ones that became pending after it stay held (they are newer,
//   and an `lv-debounce="blur"` field keeps waiting for its blur). A form's events also run the
//   held runs of its fields first (`flushWithin(form)`, for JS commands that send nothing).
//   `flushAll` (the page's `flush()`, pagehide) runs every held run of every view. A flush runs
//   them now (a throttle's held event too) and does not reorder them; a debounce's timer stops, a
//   throttle's interval goes on.
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
 * @property {Element | null} scope       the view root the element was in when its run was held
 *                                        (null outside any view); kept should the element leave
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
  if (!l) byBinding.set(binding, (l = { el, binding, held: null, timer: null, kind: 'debounce', scope: null }));
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
    l.timer = clock.set(() => releaseInOrder([l]), rule.debounce);
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
        releaseInOrder([l]);
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
  l.scope = l.el.closest(`[${ATTR.view}]`);
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
 * Runs the limiter's held event now: a debounce's timer stops, a throttle's interval goes on.
 * @param {Limiter} l
 */
function releaseNow(l) {
  if (l.kind !== 'throttle') {
    clock.clear(l.timer);
    l.timer = null;
  }
  release(l);
}

/**
 * Runs the held events of `targets` now, each preceded by every held event of the same view that
 * became pending before it (see the header); held events that became pending after the last
 * target of their view stay held. Inside a running flush only the targets run: the outer flush
 * keeps the order.
 * @param {Iterable<Limiter>} targets
 */
function releaseInOrder(targets) {
  const want = new Set(Array.from(targets).filter((l) => l.held && pendingRuns.has(l)));
  if (want.size === 0) return;
  const order = Array.from(pendingRuns);
  if (flushing) {
    for (const l of order) if (want.has(l)) releaseNow(l);
    return;
  }
  /** The position of the last target of each view. @type {Map<Element | null, number>} */
  const last = new Map();
  order.forEach((l, i) => { if (want.has(l)) last.set(l.scope, i); });
  flushing = true;
  try {
    order.forEach((l, i) => {
      if (pendingRuns.has(l) && i <= (last.get(l.scope) ?? -1)) releaseNow(l);
    });
  } finally {
    flushing = false;
  }
}

/**
 * Runs every held event of `el` (on blur, or when a patch binds the field to another record).
 * @param {Element} el
 */
function flushElement(el) {
  const byBinding = limiters.get(el);
  if (byBinding) releaseInOrder(byBinding.values());
}

/**
 * Runs, in order, every held event of an element inside `container` — a view's root before one
 * of its events is sent (also the held events of elements that have left it since), or a form
 * before one of its events runs. Does nothing while a flush is already running.
 * @param {Element | null} container
 */
function flushWithin(container) {
  if (!container || flushing) return;
  releaseInOrder(Array.from(pendingRuns).filter((l) => l.scope === container || container.contains(l.el)));
}

/** Runs every held event of the page now, in the order they became pending. */
function flushAll() {
  if (!flushing) releaseInOrder(Array.from(pendingRuns));
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
