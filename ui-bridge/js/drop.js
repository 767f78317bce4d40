// @ts-check
// drop.js — `lv-drop="event"`: files dropped onto the element from outside the app.
//
// The native drop has the files but not the element; the page has the element and must never
// have the files. So Rust (src-tauri/plugin/src/drops.rs) calls these, with CSS-pixel positions:
// - `hover(x, y)` while files are dragged over the window: the `lv-drop` element under the
//   pointer carries `lv-drop-active` (and no other element does);
// - `leave()` when the drag leaves or is cancelled: the class goes;
// - `drop(token, x, y)` on the drop: the `lv-drop` element there sends its event like any binding
//   (its `lv-value-*`, to the component that rendered it, in its view's event order) with the
//   one-time `token` in `_lv_drop` — never a path: Rust swaps in the files it kept. A drop outside
//   every `lv-drop` element sends nothing. Returns whether an event was sent.

/** @type {Element | null} */
let dragOver = null;

/**
 * The `lv-drop` element at viewport point (x, y), if any.
 * @param {number} x
 * @param {number} y
 */
function dropTargetAt(x, y) {
  const hit = typeof document.elementFromPoint === 'function' ? document.elementFromPoint(x, y) : null;
  return hit ? hit.closest(`[${ATTR.drop}]`) : null;
}

/** @param {Element | null} el */
function markDragOver(el) {
  if (el === dragOver) return;
  dragOver?.classList.remove(ATTR.dropActive);
  el?.classList.add(ATTR.dropActive);
  dragOver = el;
}

/**
 * The drag API Rust calls.
 * @param {(root: Element) => LiveView | undefined} viewFor
 */
function dragApi(viewFor) {
  return Object.freeze({
    /** @param {number} x @param {number} y */
    hover: (x, y) => markDragOver(dropTargetAt(x, y)),
    leave: () => markDragOver(null),
    /** @param {string} token @param {number} x @param {number} y @returns {boolean} */
    drop: (token, x, y) => {
      markDragOver(null);
      const el = dropTargetAt(x, y);
      const view = el ? viewAround(el, viewFor) : undefined;
      const spec = el?.getAttribute(ATTR.drop)?.trim();
      if (!el || !view || !spec) return false;
      const sent = view.pushEvent(spec, { ...valuesOf(el), _lv_drop: String(token) }, el, [], eventCid(el, view.root));
      sent.catch(() => {});
      return true;
    },
  });
}
