// @ts-check
// edits.js — which user changes the server has seen. Every `input`, `change` (and, for a checkbox
// or radio, `click`) the user makes on a field gets the next number of one page-wide count; an
// event records the count when its payload is read (`editsSoFar()`), so it carries every change
// up to that number. A view remembers the highest number its answered events carried (`acked`).
// While a patch applies, a field whose last change is above that number holds a state the
// server's render cannot know yet (the event carrying it is still on its way, or held by a rate
// limit): the patch changes the field's attributes but not its live state (value, checkedness,
// selection). The reply to the event that carried the change is rendered from it, and from then
// on the server's state applies again. patch.js asks `userOwns(field)`; view.js moves `acked`.
//
// Without this, a reply to an older event could uncheck a box the user had just checked, and the
// next event (which reads the page) would send the box unchecked: the user's change lost.

/** The last edit number given out, page-wide. */
let editCount = 0;

/** Field → the number of the user's last change to it. @type {WeakMap<Element, number>} */
const lastEdit = new WeakMap();

/**
 * The highest edit number the server has seen for the patch being applied; `Infinity` (every
 * change seen) outside a patch and for patches that carry no acknowledgement rule.
 */
let seenUpTo = Infinity;

/**
 * Records a change the user made to `el`, if it is a field.
 * @param {EventTarget | null} el
 */
function markEdit(el) {
  if (!(el instanceof Element)) return;
  const tag = el.nodeName;
  if (tag !== 'INPUT' && tag !== 'TEXTAREA' && tag !== 'SELECT') return;
  editCount += 1;
  lastEdit.set(el, editCount);
}

/** The number of the latest change so far: an event read now carries every change up to it. */
function editsSoFar() {
  return editCount;
}

/**
 * Whether the user changed `field` after the last change the server has seen (for the patch being
 * applied): then its live state is the user's, not the render's.
 * @param {Element} field
 */
function userOwns(field) {
  const n = lastEdit.get(field);
  return n !== undefined && n > seenUpTo;
}

/**
 * Runs `apply` (a patch) knowing the server has seen every change up to `acked`.
 * @template T
 * @param {number} acked
 * @param {() => T} apply
 * @returns {T}
 */
function withSeenEdits(acked, apply) {
  const outer = seenUpTo;
  seenUpTo = acked;
  try {
    return apply();
  } finally {
    seenUpTo = outer;
  }
}

/**
 * Counts the user's changes to fields in `doc` (capturing, so a change is counted before any
 * binding reads the page for it).
 * @param {Document} doc
 */
function installEditTracking(doc) {
  /** @param {Event} e */
  const mark = (e) => markEdit(e.target);
  doc.addEventListener('input', mark, true);
  doc.addEventListener('change', mark, true);
  doc.addEventListener('click', (e) => {
    const t = e.target;
    if (t instanceof HTMLInputElement && (t.type === 'checkbox' || t.type === 'radio')) markEdit(t);
  }, true);
}
