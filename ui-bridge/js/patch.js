// @ts-check
// patch.js — the only file that changes the DOM. Applies a patch (see `Patch` in protocol.js) to a
// view's root, in this order: `f` morphs the root's children, `r` sets the root's own attributes,
// `l` runs keyed list ops, `a` sets slot attributes, `h` morphs a slot's children, `s` sets a
// slot's text; then each entry of `c` (child components, by cid, in ascending numeric order) the
// same way to its child's region, without `r`. `runtime/src/oracle.rs` does the same to HTML in
// Rust; the fixture corpus under `tests/fixtures/diff/` checks that both end in the same tree.
//
// Morphing keeps element identity wherever tag (and `data-key`/`id`) match, so focus, caret,
// selection and scroll positions survive; list moves re-focus a moved focused element. An element
// with an `id` keeps its identity across one `f`/`h` morph also when the structure around it
// changes — its parent changed tag, it moved into another element or out of one — as morphdom
// does: where the render puts an element of that id and tag that the morph did not match in
// place, the page's element moves there and is morphed (a focused one gets the focus back).
//
// Child components: a child's region is a wrapper element `<TAG data-lv-cid="N" ...>` that its
// parent renders. The wrapper and its attributes are the parent's; the elements inside it that
// are not inside a nested wrapper are the child's. A patch applied to a region (the root or a
// wrapper) looks up slots and lists only among the elements it owns, so equal slot ids of
// different components never mix. Every morph treats a wrapper as opaque: it matches only a
// wrapper of the same cid (its identity, before `data-key`/`id`), takes the new attributes and
// keeps its children (the child's own entry changes them). Wherever a patch brings a wrapper for
// a child the page already shows (in any `f`, `h`, list `insert` or `update` HTML, of the root or
// of any `c` entry) that the morph does not match in place — it moved into another element,
// another slot or list, or its tag changed — the page's element for that child is moved there
// (with the new attributes; a new tag gets a new element and the child's nodes move into it), so
// the child's nodes, content and focused field stay; only a wrapper for a child the page did not
// show is inserted as given (empty: its content comes in its entry). A list move keeps a child's
// nodes with it.
//
// Changes the server has not seen: a field the user changed after the last change the server has
// seen (edits.js: the event carrying it is on its way, or held) keeps its live state under every
// op — its attributes and default follow the server, its value, checkedness and selection stay
// the user's — until the reply to an event that carried the change applies. So a reply rendered
// from older input never undoes a newer click or keystroke, and the next event does not read
// (and send) the undone state. A record switch (below) is the exception: a field that now stands
// for another record takes the server's content.
//
// Focused fields: a server value for the field the user is in (input, textarea, select) is never
// written under the user. It is held and applied when the user leaves the field (blur) — unless
// the user edits the field after it arrived, in which case the user's newer value wins (and
// reaches the server through the field's own `lv-change`/`lv-input`) and the held value is
// dropped. The field's `value` attribute / text (its default) always follows the server, so the
// DOM tree matches the server's; only the live value waits.
//
// Record switches: the rule above keeps the user's text only while the field still stands for the
// same thing. What a field is BOUND to is what its events name: its own `name`, `id`, `form`
// attribute, `data-key` and `lv-value-*`; the `id`, `name`, `data-key` and `lv-value-*` of its form
// element; and the `data-key`, `id` and `data-lv-cid` of every ancestor up to the view root or,
// inside a child component, up to the child's wrapper (its keyed list item, and the wrapper: a
// region that now belongs to another child instance, the same key with a new cid, makes another
// field; a child whose wrapper moved elsewhere keeps its fields, a cid is never reused). When a
// patch changes any of these, by any path (an `f`/`h` morph, a list `update`, an `a` on the
// field's slot, an item replaced or re-keyed, a child's wrapper replaced), it is a different
// field (a field the patch removes counts too). Then, once the whole patch is applied: first
// every held run of the field is flushed (rate.js; each carries the payload captured when the
// user typed, so it goes to the OLD binding, e.g. `lv-value-id="1"`), then the field takes the
// server's content at once although it is focused (an input its `value` attribute, a box its
// `checked`, a textarea its text, a select its `selected` options; caret at the end; a held
// server value is dropped), so nothing typed for the old record stays shown. The binding is
// compared before and after the whole patch, its `c` entries included, so an `a` that rebinds a
// textarea and the `s` after it that brings the new record's text are one switch, and the new
// text wins. When the binding did not change, the policy above stays. (`record.js` finds the
// binding; `takeServerValue` below gives the content.)

/** Attributes the client owns; a morph never removes them. @type {Set<string>} */
const CLIENT_ATTRS = new Set([ATTR.pending]);

/** Server values waiting for a focused field to lose focus: field → value. */
const heldValues = new WeakMap();

/** Matches a child component's region (its wrapper element; view.js uses it too). */
const CID_SELECTOR = `[${ATTR.cid}]`;

/**
 * While a patch that brings wrappers applies to a view that shows child components: the element
 * showing each child, by cid, as the patch began (live references: a wrapper an earlier op of the
 * patch removed is still here to be put back), and the cids the current op (one `f`/`h` morph,
 * or one list's ops) has placed, so a wrapper matched in place is never taken again. Null
 * otherwise (no map is built for a view without wrappers, or a patch whose HTML names none).
 * @type {{ byCid: Map<string, Element>, placed: Set<string> } | null}
 */
let shownChildren = null;

/**
 * During one `f`/`h` morph: the container it morphs, the elements with an `id` that container
 * owned as the morph began (by id, built on first need; live references, so an element an earlier
 * step removed can still be put back), and those already placed. Null outside a morph.
 * @type {{ root: Element, byId: Map<string, Element> | null, placed: Set<Element> } | null}
 */
let identified = null;

/**
 * While a patch applies: the element that had the focus as it began. A focused field moved by
 * the patch loses the focus on the way (and gets it back after): it is still the field the user
 * is in for the focused-field rules.
 * @type {Element | null}
 */
let patchFocus = null;

/**
 * Whether the user is in `el`: it has the focus, or had it when the patch began.
 * @param {Element} el
 */
function isFocused(el) {
  return el.ownerDocument.activeElement === el || el === patchFocus;
}

/**
 * Whether `patch` (its own ops or a `c` entry's) brings HTML that names a wrapper.
 * @param {Patch} patch
 */
function bringsWrappers(patch) {
  /** @param {unknown} html */
  const names = (html) => typeof html === 'string' && html.includes(ATTR.cid);
  /** @param {Patch | ChildPatch} p */
  const brings = (p) => names(p.f) || Object.values(p.h || {}).some(names)
    || Object.values(p.l || {}).some((ops) => ops.some((op) => names(/** @type {any} */ (op).html)));
  return brings(patch) || Object.values(patch.c || {}).some(brings);
}

/**
 * The elements showing child components in `root`, by cid (the first of each), or null if none.
 * @param {Element} root
 * @returns {Map<string, Element> | null}
 */
function shownWrappers(root) {
  const all = root.querySelectorAll(CID_SELECTOR);
  if (all.length === 0) return null;
  /** @type {Map<string, Element>} */
  const byCid = new Map();
  for (const el of all) {
    const cid = /** @type {string} */ (el.getAttribute(ATTR.cid));
    if (!byCid.has(cid)) byCid.set(cid, el);
  }
  return byCid;
}

/**
 * Whether `el` (inside `region`) belongs to the component whose region is `region`: no wrapper
 * lies between them (a wrapper element itself is its parent's, so the walk starts above `el`).
 * @param {Element} el
 * @param {Element} region  the view root or a wrapper
 */
function ownedBy(el, region) {
  const wrapper = el.parentElement ? el.parentElement.closest(CID_SELECTOR) : null;
  return wrapper === region || wrapper === null || !region.contains(wrapper);
}

/**
 * The first element owned by `region` (or `region` itself when `self`) whose `attr` is `value`.
 * Only the elements whose value matches are checked for ownership (a walk up to the nearest
 * wrapper), so a view without child components costs what one scan does.
 * @param {Element} region
 * @param {string} attr
 * @param {string} value
 * @param {boolean} self
 * @returns {Element | null}
 */
function findBy(region, attr, value, self) {
  if (self && region.getAttribute(attr) === value) return region;
  for (const el of region.querySelectorAll(`[${attr}]`)) {
    if (el.getAttribute(attr) === value && ownedBy(el, region)) return el;
  }
  return null;
}

/**
 * Applies `patch` to the view `root`: its own ops to the root, then each `c` entry to its child's
 * region in ascending numeric cid order (a parent's cid is smaller than its children's, so a new
 * child's wrapper is there before its entry applies). Slots, lists and regions the page does not
 * have are reported and skipped. The record-switch rule compares the focused field's binding
 * before and after the whole patch.
 * @param {Element} root
 * @param {Patch} patch
 */
function applyPatch(root, patch) {
  const rebound = watchFocusedBinding(root);
  const outer = shownChildren;
  const byCid = bringsWrappers(patch) ? shownWrappers(root) : null;
  shownChildren = byCid ? { byCid, placed: new Set() } : null;
  // An element moved to a new place (a child's wrapper, an element kept by its id, a list item)
  // loses focus on the way: it gets it back, with its selection.
  const doc = root.ownerDocument;
  const active = /** @type {HTMLElement | null} */ (doc.activeElement);
  const focused = active !== null && active !== root && root.contains(active) ? active : null;
  const selection = focused ? selectionOf(focused) : null;
  const outerFocus = patchFocus;
  patchFocus = focused;
  try {
    applyRegion(root, patch, true);
    if (patch.c) {
      const regionOf = regionFinder(root);
      const cids = Object.keys(patch.c).sort((x, y) => Number(x) - Number(y));
      for (const cid of cids) {
        const region = regionOf(cid);
        if (region) applyRegion(region, patch.c[cid], false);
        else console.warn(`[golivekit] patch names child component ${cid}, which this page does not have`);
      }
    }
  } finally {
    shownChildren = outer;
    patchFocus = outerFocus;
  }
  if (focused && focused.isConnected && root.contains(focused) && doc.activeElement !== focused) {
    focused.focus();
    restoreSelection(focused, selection);
  }
  rebound();
}

/**
 * Finds child components' regions in `root` by cid, from one scan of its wrappers (a patch with
 * many entries does not scan the view once per entry); the scan is redone when a cid is not in
 * it, or no longer where it was (an earlier entry added, moved or removed wrappers).
 * @param {Element} root
 * @returns {(cid: string) => Element | null}
 */
function regionFinder(root) {
  /** @type {Map<string, Element> | null} */
  let byCid = null;
  const scan = () => (byCid = shownWrappers(root) || new Map());
  /** @param {Element | undefined} el @param {string} cid */
  const here = (el, cid) => el !== undefined && el.getAttribute(ATTR.cid) === cid && root.contains(el);
  return (cid) => {
    let el = (byCid || scan()).get(cid);
    if (!here(el, cid)) el = scan().get(cid);
    return el !== undefined && here(el, cid) ? el : null;
  };
}

/**
 * Applies one component's ops to its region (the root or a wrapper), in the order `f`, (`r`, by
 * the caller for the root), `l`, `a`, `h`, `s`. Slots and lists are looked up among the
 * elements the component owns: a child's slot of the same id is never touched.
 * @param {Element} region
 * @param {Patch | ChildPatch} patch
 * @param {boolean} isRoot  the root may itself be a slot and takes `r`; a wrapper is its parent's
 *                          element (a `c` entry has no `r`)
 */
function applyRegion(region, patch, isRoot) {
  if (typeof patch.f === 'string') morphInner(region, patch.f);
  const r = isRoot ? /** @type {Patch} */ (patch).r : undefined;
  if (r) setAttributes(region, r);
  for (const [id, ops] of Object.entries(patch.l || {})) {
    const list = findBy(region, ATTR.list, id, false);
    if (list) applyListOps(list, ops);
    else console.warn(`[golivekit] patch names list "${id}", which this page does not have${whose(region)}`);
  }
  for (const [id, attrs] of Object.entries(patch.a || {})) {
    const el = slotOrWarn(region, id, isRoot);
    if (el) setAttributes(el, attrs);
  }
  for (const [id, html] of Object.entries(patch.h || {})) {
    const el = slotOrWarn(region, id, isRoot);
    if (el) morphInner(el, html);
  }
  for (const [id, text] of Object.entries(patch.s || {})) {
    const el = slotOrWarn(region, id, isRoot);
    if (el) setText(el, text);
  }
}

/**
 * For messages: which component a region is (nothing for the root).
 * @param {Element} region
 */
function whose(region) {
  const cid = region.getAttribute(ATTR.cid);
  return cid === null ? '' : ` (in child component ${cid})`;
}

/**
 * Applies a resync patch: `f` is the root's whole inner HTML and `r` its whole attribute set, so
 * an attribute of the root that `r` does not name is removed (client-owned ones, and the view's
 * `data-live-view` / `data-lv-id`, stay); then `c` gives every child its whole content (each
 * entry's `f`), after the root, as in any patch.
 * @param {Element} root
 * @param {Patch} patch
 */
function applyWholeRoot(root, patch) {
  if (!patch.r) {
    applyPatch(root, patch);
    return;
  }
  /** @type {Record<string, string | null>} */
  const r = { ...patch.r };
  for (const { name } of Array.from(root.attributes)) {
    const kept = CLIENT_ATTRS.has(name) || name === ATTR.view || name === ATTR.viewId;
    if (!kept && !Object.prototype.hasOwnProperty.call(r, name)) r[name] = null;
  }
  applyPatch(root, { ...patch, r });
}

/**
 * @param {Element} region
 * @param {string} id
 * @param {boolean} self  whether `region` itself may be the slot
 */
function slotOrWarn(region, id, self) {
  const el = findBy(region, ATTR.slot, id, self);
  if (!el) console.warn(`[golivekit] patch names slot "${id}", which this page does not have${whose(region)}`);
  return el;
}

/**
 * Sets and removes attributes (`null` removes); `value` and `checked` also reach the live state
 * of a form field, under the focused-field policy.
 * @param {Element} el
 * @param {Record<string, string | null>} changes
 */
function setAttributes(el, changes) {
  keepField(el, () => {
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) el.removeAttribute(name);
      else if (el.getAttribute(name) !== value) setAttr(el, name, value);
    }
  });
  if (el.nodeName === 'INPUT' && !userOwns(el)) {
    const input = /** @type {HTMLInputElement} */ (el);
    if ('checked' in changes) input.checked = changes.checked !== null;
    if ('value' in changes && !isCheckable(input)) setFieldValue(input, changes.value ?? '');
  }
}

/**
 * Sets text without ever parsing it as markup.
 * @param {Element} el
 * @param {string} text
 */
function setText(el, text) {
  keepField(el, () => {
    const only = el.childNodes.length === 1 ? el.firstChild : null;
    if (only && only.nodeType === 3 && text !== '') {
      if (only.nodeValue !== text) only.nodeValue = text;
    } else {
      el.textContent = text;
    }
  });
  if (el.nodeName === 'TEXTAREA' && !userOwns(el)) setFieldValue(/** @type {HTMLTextAreaElement} */ (el), text);
}

/**
 * Runs the three passes of a list's ops (see `ListOp` in protocol.js): removes and move-detaches,
 * then inserts and moves in ascending index, then updates. The focused element is re-focused if
 * a move detached it. An `insert_run` counts as its inserts, a `remove_all` as its removes.
 * @param {Element} list
 * @param {ListOp[]} runs
 */
function applyListOps(list, runs) {
  const ops = expandListOps(runs);
  const doc = list.ownerDocument;
  const active = /** @type {HTMLElement | null} */ (doc.activeElement);
  const inside = active !== null && list.contains(active);
  const selection = inside && active ? selectionOf(active) : null;
  /** @type {Map<string, Element>} */
  const items = new Map();
  for (const child of Array.from(list.children)) {
    const key = child.getAttribute(ATTR.dataKey);
    if (key !== null) items.set(key, child);
  }
  for (const op of ops) {
    if (op.op !== 'remove' && op.op !== 'move') continue;
    const el = items.get(op.key);
    if (el) el.remove();
    if (op.op === 'remove') items.delete(op.key);
  }
  const placed = /** @type {Placed[]} */ (ops.filter((op) => op.op === 'insert' || op.op === 'move'))
    .sort((x, y) => x.index - y.index);
  // The keyed items left are in target order: target index `i` is either a placed op's or the
  // next of them. So each op's anchor is found by counting them off, in one pass.
  const kept = Array.from(list.children).filter((child) => child.hasAttribute(ATTR.dataKey));
  if (shownChildren) shownChildren.placed.clear();
  let next = 0; // kept items already in their places
  let filled = 0; // target indexes taken so far
  for (let i = 0; i < placed.length;) {
    const start = Math.max(placed[i].index, filled);
    next = Math.min(kept.length, next + start - filled);
    // The ops at consecutive indexes from `start` all go just before the same kept item.
    let end = i + 1;
    while (end < placed.length && placed[end].index === start + end - i) end++;
    placeBefore(list, placed.slice(i, end), kept[next] ?? null, items);
    filled = start + end - i;
    i = end;
  }
  for (const op of ops) {
    if (op.op !== 'update') continue;
    const el = items.get(op.key);
    const target = parseElement(list, op.html);
    if (!el || !target) continue;
    if (morphable(el, target)) {
      morphNode(el, target);
    } else {
      el.replaceWith(target);
      const swaps = shownChildren ? shownIn(target, list, true) : null;
      const now = swaps ? /** @type {Element} */ (putShown(target, swaps)) : target;
      if (now !== target) target.replaceWith(now);
      items.set(op.key, now);
    }
  }
  if (inside && active && active.isConnected && doc.activeElement !== active) {
    active.focus();
    restoreSelection(active, selection);
  }
}

/**
 * An insert or a move, as `applyListOps` places it: an `insert_run`'s item has no key until its
 * element is parsed (its own `data-key` is its key).
 * @typedef {{op: 'insert', key: string | null, index: number, html: string} | {op: 'move', key: string, index: number}} Placed
 */

/**
 * `runs` with every `insert_run` written out as its inserts (keys not yet known) and every
 * `remove_all` as its removes.
 * @param {ListOp[]} runs
 * @returns {(ListOp | Placed)[]}
 */
function expandListOps(runs) {
  if (!runs.some((op) => op.op === 'insert_run' || op.op === 'remove_all')) return runs;
  /** @type {(ListOp | Placed)[]} */
  const ops = [];
  for (const op of runs) {
    if (op.op === 'insert_run') op.items.forEach((html, i) => ops.push({ op: 'insert', key: null, index: op.index + i, html }));
    else if (op.op === 'remove_all') op.keys.forEach((key) => ops.push({ op: 'remove', key }));
    else ops.push(op);
  }
  return ops;
}

/**
 * Puts `ops` (inserts and moves at consecutive indexes) in order just before `anchor` (at the
 * end for null) and records each inserted element in `items` by key. Consecutive inserts go in
 * as one piece of HTML, parsed where it lands (`insertAdjacentHTML`: in the list's own context,
 * by the page's parser, with no copy between documents: a list refilled with hundreds of rows
 * pays for one parse), as long as it comes out as one element per insert, each with a
 * `data-key` (the one an `insert` names); otherwise, and when the patch brings child components'
 * wrappers, each item is parsed on its own (`insertParsed`).
 * @param {Element} list
 * @param {Placed[]} ops
 * @param {Element | null} anchor
 * @param {Map<string, Element>} items
 */
function placeBefore(list, ops, anchor, items) {
  for (let i = 0; i < ops.length;) {
    const op = ops[i];
    if (op.op === 'move') {
      const el = items.get(op.key);
      if (el) list.insertBefore(el, anchor);
      i++;
      continue;
    }
    let end = i + 1;
    while (end < ops.length && ops[end].op === 'insert') end++;
    const inserts = /** @type {{key: string | null, html: string}[]} */ (ops.slice(i, end));
    if (shownChildren || !insertHtml(list, inserts, anchor, items)) insertParsed(list, inserts, anchor, items);
    i = end;
  }
}

/**
 * Inserts the items' joined HTML before `anchor` with the page's parser; when it does not come
 * out as one keyed element per item (the key an insert names), takes it out again and returns
 * false.
 * @param {Element} list
 * @param {{key: string | null, html: string}[]} inserts
 * @param {Element | null} anchor
 * @param {Map<string, Element>} items
 * @returns {boolean}
 */
function insertHtml(list, inserts, anchor, items) {
  const before = anchor ? anchor.previousSibling : list.lastChild;
  const html = inserts.length === 1 ? inserts[0].html : inserts.map((it) => it.html).join('');
  if (anchor) anchor.insertAdjacentHTML('beforebegin', html);
  else list.insertAdjacentHTML('beforeend', html);
  /** @type {Node[]} */
  const added = [];
  for (let n = before ? before.nextSibling : list.firstChild; n && n !== anchor; n = n.nextSibling) added.push(n);
  if (!oneItemEach(added, inserts)) {
    for (const n of added) n.remove();
    return false;
  }
  added.forEach((n) => items.set(/** @type {string} */ (/** @type {Element} */ (n).getAttribute(ATTR.dataKey)), /** @type {Element} */ (n)));
  return true;
}

/**
 * Whether `nodes` are one keyed element per insert, in order, each with the key its insert
 * names (any key, for an `insert_run`'s item).
 * @param {Node[]} nodes
 * @param {{key: string | null}[]} inserts
 */
function oneItemEach(nodes, inserts) {
  return nodes.length === inserts.length && nodes.every((n, i) => {
    const key = n.nodeType === 1 ? /** @type {Element} */ (n).getAttribute(ATTR.dataKey) : null;
    return key !== null && (inserts[i].key === null || key === inserts[i].key);
  });
}

/**
 * Inserts the items before `anchor`, parsed apart from the page (`parseElements`) with one parser
 * run, or each on its own should the joined HTML not come out as one keyed element per item; a
 * child component the page shows takes the place of its new wrapper. A run's item that is not an
 * element with a `data-key` is left out, with a warning (the runtime never sends one).
 * @param {Element} list
 * @param {{key: string | null, html: string}[]} inserts
 * @param {Element | null} anchor
 * @param {Map<string, Element>} items
 */
function insertParsed(list, inserts, anchor, items) {
  const parsed = parseElements(list, inserts.map((it) => it.html).join(''));
  const aligned = oneItemEach(parsed, inserts);
  const batch = list.ownerDocument.createDocumentFragment();
  inserts.forEach((it, i) => {
    let el = aligned ? parsed[i] : parseElement(list, it.html);
    const key = it.key ?? el?.getAttribute(ATTR.dataKey) ?? null;
    if (key === null) {
      console.warn(`[golivekit] a list's insert_run has an item that is not an element with a data-key: ${it.html.slice(0, 80)}`);
      return;
    }
    if (!el) return;
    const swaps = shownChildren ? shownIn(el, list, true) : null;
    if (swaps) el = /** @type {Element} */ (putShown(el, swaps));
    items.set(key, el);
    batch.append(el);
  });
  list.insertBefore(batch, anchor);
}

/**
 * The first element `html` gives as a child of `parent`.
 * @param {Element} parent
 * @param {string} html
 * @returns {Element | null}
 */
function parseElement(parent, html) {
  return parseElements(parent, html)[0] ?? null;
}

/**
 * Morphs `el`'s children into the nodes `html` describes.
 * @param {Element} el
 * @param {string} html
 */
function morphInner(el, html) {
  if (shownChildren) shownChildren.placed.clear();
  const nodes = parseFor(el, html);
  const outer = identified;
  identified = { root: el, byId: null, placed: new Set() };
  try {
    // A template's children are its content, a fragment of its own.
    morphChildren(el.nodeName === 'TEMPLATE' ? /** @type {HTMLTemplateElement} */ (el).content : el, nodes);
  } finally {
    identified = outer;
  }
}

/**
 * The elements with an id the morphed container owns (not a child component's, not a wrapper),
 * by id — the first of each id.
 * @returns {Map<string, Element> | null}
 */
function idIndex() {
  const state = identified;
  if (!state) return null;
  if (!state.byId) {
    state.byId = new Map();
    for (const el of Array.from(state.root.querySelectorAll('[id]'))) {
      if (el.hasAttribute(ATTR.cid) || !ownedBy(el, state.root) || state.byId.has(el.id)) continue;
      state.byId.set(el.id, el);
    }
  }
  return state.byId;
}

/**
 * For `node`, a copy of the morph's HTML about to go into `container`: each outermost element of
 * it (or `node` itself) whose id names an element the page shows elsewhere in the morph's
 * container, of the same tag and not placed yet, paired with that page element (marked placed).
 * Null when there is none.
 * @param {Node} node
 * @param {Node} container
 * @returns {[Element, Element][] | null}
 */
function identifiedIn(node, container) {
  if (!identified || node.nodeType !== 1) return null;
  const top = /** @type {Element} */ (node);
  const fresh = Array.from(top.querySelectorAll('[id]'));
  if (top.id) fresh.unshift(top);
  if (fresh.length === 0) return null;
  const byId = /** @type {Map<string, Element>} */ (idIndex());
  /** @type {[Element, Element][] | null} */
  let swaps = null;
  for (const el of fresh) {
    if (el.hasAttribute(ATTR.cid) || (swaps && swaps.some(([f]) => f.contains(el)))) continue;
    const old = byId.get(el.id);
    if (!old || identified.placed.has(old) || old.nodeName !== el.nodeName || old.contains(container)) continue;
    identified.placed.add(old);
    if (!swaps) swaps = [];
    swaps.push([el, old]);
  }
  return swaps;
}

/**
 * Puts each page element of `swaps` in place of its copy in `node`'s tree and morphs it into that
 * copy (so it keeps its identity — focus, selection, scroll, hooks — while its attributes and
 * content follow the render). Returns what stands for `node`.
 * @param {Node} node
 * @param {[Element, Element][]} swaps
 * @returns {Node}
 */
function putIdentified(node, swaps) {
  let out = node;
  for (const [fresh, old] of swaps) {
    if (fresh === node) out = old;
    else fresh.parentNode?.replaceChild(old, fresh);
  }
  for (const [fresh, old] of swaps) morphNode(old, fresh);
  return out;
}

/**
 * The identity a morph matches `n` by: a wrapper's cid (it takes precedence), else `data-key`,
 * else `id`; null for a node without one. The prefixes keep a cid from ever equalling a key.
 * @param {Node} n
 * @returns {string | null}
 */
function keyOf(n) {
  if (n.nodeType !== 1) return null;
  const el = /** @type {Element} */ (n);
  const cid = el.getAttribute(ATTR.cid);
  if (cid !== null) return `c:${cid}`;
  const key = el.getAttribute(ATTR.dataKey) ?? (el.id || null);
  return key === null ? null : `k:${key}`;
}

/**
 * @param {Node} a
 * @param {Node} b
 */
function sameKind(a, b) {
  return a.nodeType === b.nodeType && a.nodeName === b.nodeName;
}

/**
 * Whether element `el` may be morphed into `target`: the same tag, and the same child component
 * (or neither a wrapper). A wrapper is never morphed into another component's or a plain element.
 * @param {Element} el
 * @param {Element} target
 */
function morphable(el, target) {
  return el.nodeName === target.nodeName && el.getAttribute(ATTR.cid) === target.getAttribute(ATTR.cid);
}

/**
 * Morphs `from`'s children into `to`'s. Elements are matched by `keyOf` (and tag), unkeyed ones
 * by position; a child component's wrapper only ever matches the same cid.
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
      if (shownChildren && key !== null && key.startsWith('c:')) shownChildren.placed.add(key.slice(2));
      if (identified && match.nodeType === 1 && /** @type {Element} */ (match).id) identified.placed.add(/** @type {Element} */ (match));
      if (match !== cur) from.insertBefore(match, cur);
      morphNode(match, target);
      cur = match.nextSibling;
    } else {
      /** @type {Node} */
      let node = from.ownerDocument.importNode(target, true);
      const swaps = shownChildren ? shownIn(node, from) : null;
      if (swaps) {
        // the children's elements leave their places: the next old node is the first that stays
        while (cur && swaps.some(([, el]) => el === cur)) cur = cur.nextSibling;
        node = putShown(node, swaps);
      }
      const kept = identifiedIn(node, from);
      if (kept) {
        // an element with an id moves here from elsewhere: it keeps its identity
        while (cur && kept.some(([, el]) => el === cur)) cur = cur.nextSibling;
        node = putIdentified(node, kept);
      }
      from.insertBefore(node, cur);
    }
  }
  while (cur) {
    const next = cur.nextSibling;
    from.removeChild(cur);
    cur = next;
  }
}

/**
 * For `node`, a copy of a patch's HTML about to go into `container`: each outermost wrapper in
 * it (or `node` itself) whose child the page shows and the current op has not placed yet, paired
 * with the page's element for that child (marked placed). Null when there is none.
 * @param {Node} node
 * @param {Node} container
 * @param {boolean} [isList]  `container` is a list whose ops are running (its items stay put)
 * @returns {[Element, Element][] | null}
 */
function shownIn(node, container, isList = false) {
  const state = shownChildren;
  if (!state || node.nodeType !== 1) return null;
  const top = /** @type {Element} */ (node);
  const wrappers = top.hasAttribute(ATTR.cid) ? [top] : top.querySelectorAll(CID_SELECTOR);
  /** @type {[Element, Element][] | null} */
  let swaps = null;
  for (const w of wrappers) {
    const outer = w === top ? null : /** @type {Element} */ (w.parentElement).closest(CID_SELECTOR);
    if (outer && top.contains(outer)) continue; // inside a wrapper of the copy: not the parent's
    const cid = /** @type {string} */ (w.getAttribute(ATTR.cid));
    const el = state.byCid.get(cid);
    if (!el || state.placed.has(cid) || el.contains(container)) continue;
    if (isList && el.parentNode === container) continue; // an item of the list: its own op moves it
    state.placed.add(cid);
    if (!swaps) swaps = [];
    swaps.push([w, el]);
  }
  return swaps;
}

/**
 * Puts each page element of `swaps` in place of its new (empty) wrapper in `node`'s tree, with
 * the new attributes; when the tag changed, the new wrapper stays and the child's nodes move into
 * it (it becomes the child's element for the rest of the patch). Returns what stands for `node`.
 * @param {Node} node
 * @param {[Element, Element][]} swaps
 * @returns {Node}
 */
function putShown(node, swaps) {
  let out = node;
  for (const [fresh, el] of swaps) {
    if (el.nodeName === fresh.nodeName) {
      syncAttributes(el, fresh);
      if (fresh === node) out = el;
      else fresh.replaceWith(el);
      continue;
    }
    for (const name of CLIENT_ATTRS) {
      const value = el.getAttribute(name);
      if (value !== null) fresh.setAttribute(name, value);
    }
    while (el.firstChild) fresh.appendChild(el.firstChild);
    el.remove();
    if (shownChildren) shownChildren.byCid.set(/** @type {string} */ (fresh.getAttribute(ATTR.cid)), fresh);
  }
  return out;
}

/**
 * Morphs `from` into `to` (of the same kind). A child component's wrapper takes the new
 * attributes (they are its parent's) but keeps its children: they are the child's, changed only
 * by its own `c` entry.
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
  keepField(el, () => syncAttributes(el, target));
  if (target.hasAttribute(ATTR.cid)) return;
  const tag = el.nodeName;
  const owned = userOwns(el); // a change the server has not seen: its default follows, not its state
  if (tag === 'INPUT') {
    const input = /** @type {HTMLInputElement} */ (el);
    if (owned) return;
    if (isCheckable(input)) input.checked = target.hasAttribute('checked');
    else setFieldValue(input, target.getAttribute('value') ?? '');
    return;
  }
  if (tag === 'TEXTAREA') {
    const text = target.textContent ?? '';
    keepField(el, () => { if (el.textContent !== text) el.textContent = text; });
    if (!owned) setFieldValue(/** @type {HTMLTextAreaElement} */ (el), text);
    return;
  }
  if (tag === 'SELECT') {
    const select = /** @type {HTMLSelectElement} */ (el);
    const chosen = owned ? new Set(Array.from(select.selectedOptions, (o) => o.value)) : null;
    keepField(el, () => morphChildren(el, target));
    if (chosen) {
      for (const o of Array.from(select.options)) if (o.selected !== chosen.has(o.value)) o.selected = chosen.has(o.value);
      return;
    }
    const selected = target.querySelector('option[selected]');
    if (selected) setFieldValue(select, selected.getAttribute('value') ?? selected.textContent ?? '');
    return;
  }
  if (tag === 'TEMPLATE') {
    // Its children are its content (the page's and the render's), not child nodes.
    morphChildren(/** @type {HTMLTemplateElement} */ (el).content, /** @type {HTMLTemplateElement} */ (target).content);
    return;
  }
  morphChildren(el, target);
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
    if (el.getAttribute(name) !== value) setAttr(el, name, value);
  }
}

/**
 * @param {HTMLInputElement} input
 */
function isCheckable(input) {
  return input.type === 'checkbox' || input.type === 'radio';
}

/**
 * @param {Element} el
 * @returns {el is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement}
 */
function isField(el) {
  return el.nodeName === 'INPUT' || el.nodeName === 'TEXTAREA' || el.nodeName === 'SELECT';
}

/**
 * Runs `change` (which may touch a field's default value) without moving the live value or the
 * selection of the field the user is in.
 * @param {Element} el
 * @param {() => void} change
 */
function keepField(el, change) {
  if (!isField(el) || !isFocused(el)) {
    change();
    return;
  }
  const field = /** @type {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement} */ (el);
  const value = field.value;
  const selection = selectionOf(field);
  change();
  if (field.value !== value) {
    field.value = value;
    restoreSelection(field, selection);
  }
}

/**
 * Gives a field the server's value now, or — when the user is in it — when they leave it.
 * @param {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement} field
 * @param {string} value
 */
function setFieldValue(field, value) {
  if (!isFocused(field)) {
    heldValues.delete(field);
    if (field.value !== value) field.value = value;
    return;
  }
  if (field.value === value) {
    heldValues.delete(field);
    return;
  }
  const waiting = heldValues.has(field);
  heldValues.set(field, value);
  if (waiting) return;
  const typed = () => {
    heldValues.delete(field);
    field.removeEventListener('blur', left);
  };
  const left = () => {
    field.removeEventListener('input', typed);
    if (!heldValues.has(field)) return;
    const held = heldValues.get(field);
    heldValues.delete(field);
    if (field.value !== held) field.value = held;
  };
  field.addEventListener('input', typed, { once: true });
  field.addEventListener('blur', left, { once: true });
}

/**
 * Gives a field the server's content now, focused or not (a record switch): an input its `value`
 * attribute (a checkbox or radio its `checked` attribute), a textarea its text, a select the
 * options marked `selected` (else its first). A held server value is dropped; the caret goes to
 * the end.
 * @param {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement} field
 */
function takeServerValue(field) {
  heldValues.delete(field);
  if (field.nodeName === 'SELECT') {
    const select = /** @type {HTMLSelectElement} */ (field);
    let any = false;
    for (const o of Array.from(select.options)) {
      if (o.selected !== o.defaultSelected) o.selected = o.defaultSelected;
      any = any || o.defaultSelected;
    }
    if (!any && !select.multiple && select.options.length > 0) select.selectedIndex = 0;
    return;
  }
  if (field.nodeName === 'INPUT') {
    const input = /** @type {HTMLInputElement} */ (field);
    if (input.type === 'file') return; // its value is the user's files, never the server's
    if (isCheckable(input)) {
      input.checked = input.defaultChecked;
      return;
    }
  }
  const text = /** @type {HTMLInputElement | HTMLTextAreaElement} */ (field).defaultValue;
  if (field.value !== text) field.value = text;
  // The caret of the field the user is in goes to the end (an unfocused one keeps none to move).
  if (isFocused(field)) restoreSelection(field, [text.length, text.length, 'none']);
}

/**
 * What a submitted form shows once the server has answered the submit (`form.reset()` as a
 * browser does it, field by field): each field takes what the server rendered for it — a file
 * input is emptied — except a field the user changed after the submit was read (edits.js), which
 * keeps the user's change.
 * @param {HTMLFormElement} form
 */
function resetForm(form) {
  for (const el of Array.from(form.elements)) {
    if (!isField(el) || userOwns(el)) continue;
    if (el instanceof HTMLInputElement && el.type === 'file') {
      if (el.value) el.value = '';
      continue;
    }
    takeServerValue(el);
  }
}

/**
 * @param {Element} el
 * @returns {[number, number, string] | null}
 */
function selectionOf(el) {
  const f = /** @type {HTMLInputElement} */ (el);
  try {
    if (typeof f.selectionStart === 'number' && typeof f.selectionEnd === 'number') {
      return [f.selectionStart, f.selectionEnd, f.selectionDirection || 'none'];
    }
  } catch (_) { /* input types without selection */ }
  return null;
}

/**
 * @param {Element} el
 * @param {[number, number, string] | null} sel
 */
function restoreSelection(el, sel) {
  if (!sel) return;
  try {
    /** @type {HTMLInputElement} */ (el).setSelectionRange(sel[0], sel[1], /** @type {any} */ (sel[2]));
  } catch (_) { /* input types without selection */ }
}
