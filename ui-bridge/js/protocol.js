// @ts-check
// protocol.js — the wire protocol, mirrored from `runtime/src/protocol.rs` (the source of truth),
// plus every attribute name the client reads or writes. Shared JSON fixtures under
// `tests/fixtures/protocol/` keep this file and the Rust types honest.

/**
 * @typedef {Object} Patch
 * @property {number} v                                     version this patch brings the view to
 * @property {Record<string, string>} [s]                   text-only slots, applied as text
 * @property {Record<string, string>} [h]                   markup slots, morphed
 * @property {Record<string, Record<string, string|null>>} [a]  slot attribute changes (null removes)
 * @property {Record<string, string|null>} [r]              root element attribute changes (null removes)
 * @property {Record<string, ListOp[]>} [l]                 keyed list ops by `data-list` id
 * @property {string} [f]                                   whole root inner HTML, morphed
 * @property {Record<string, ChildPatch>} [c]               child components' patches by cid
 */
/**
 * A child component's entry in a patch's `c` (its key is the cid, a decimal integer >= 1): the
 * keys of a patch without `v`, `r` (the wrapper's attributes are the parent's) and `c` (every
 * component of a view is in the top-level `c`). Applied to the child's region, the element with
 * `data-lv-cid` = cid, after the enclosing patch's own ops, in ascending numeric cid order.
 * @typedef {Object} ChildPatch
 * @property {Record<string, string>} [s]
 * @property {Record<string, string>} [h]
 * @property {Record<string, Record<string, string|null>>} [a]
 * @property {Record<string, ListOp[]>} [l]
 * @property {string} [f]                                   the region's whole inner HTML, morphed
 */
/**
 * One keyed-list op (mirrors `ListOp` in protocol.rs). `index` counts the container's `data-key`
 * children from 0. Applied in three passes: removes and move-detaches; inserts and moves in
 * ascending index; updates (morph the item into `html`, its outer HTML). An `insert_run` is the
 * inserts of its `items` (each an item's outer HTML, whose own `data-key` is its key) at `index`,
 * `index + 1`, …, a `remove_all` the removes of its `keys` (`expandListOps` in patch.js).
 * @typedef {{op: 'insert', key: string, index: number, html: string}
 *   | {op: 'insert_run', index: number, items: string[]}
 *   | {op: 'remove', key: string}
 *   | {op: 'remove_all', keys: string[]}
 *   | {op: 'move', key: string, index: number}
 *   | {op: 'update', key: string, html: string}} ListOp
 */
/**
 * @typedef {{type: 'patch', v: number, patch: Patch}
 *   | {type: 'push', event: string, payload: any}
 *   | {type: 'redirect', to: string}
 *   | {type: 'error', code: string, message: string}} ServerMessage
 */
/**
 * `page` is the connection id from the connect reply: the runtime uses it with `ref` (which
 * strictly increases per page) to run each event exactly once, also across reloads. A sender that
 * is not the bridge may leave it out. `cid` is the child component the event is for (events.js:
 * the component that rendered the element carrying the binding, or one up with
 * `lv-target="parent"`); absent for the view's root component.
 * @typedef {{viewId: string, page?: number, ref: number, cid?: number, event: string, payload: Record<string, any>}} EventRequest
 */
/** @typedef {{ref: number, v: number, patch?: Patch}} EventReply */
/** @typedef {{v: number, page: number}} ConnectReply */
/** @typedef {{code: string, message: string}} ErrorBody */
/** `resync {viewId}`: the page asks for its view's whole state after a patch never arrived. */
/** @typedef {{viewId: string}} ResyncRequest */
/**
 * The reply: `patch` is numbered `v` and holds `f` (the root's whole inner HTML) and `r` (the
 * root's whole attribute set: attributes it does not name are removed).
 * @typedef {{v: number, patch: Patch}} ResyncReply
 */
/** `confirm {question}`: Rust asks the user with a native dialog. */
/** @typedef {{question: string}} ConfirmRequest */
/** @typedef {{confirmed: boolean}} ConfirmReply */
/** `flushed {token}`: the page tells the shell that `flush()` (index.js) has finished. */
/** @typedef {{token: number}} FlushedRequest */

const ATTR = Object.freeze({
  view: 'data-live-view',
  viewId: 'data-lv-id',
  slot: 'data-slot',
  list: 'data-list',
  dataKey: 'data-key',
  reload: 'data-lv-reload',
  // a child component's region: `<TAG data-lv-cid="N" data-key="KEY">`; the element and its
  // attributes are the parent's, what is inside (outside nested regions) the child's
  cid: 'data-lv-cid',
  // user bindings (`bindings.js` lists which are events; docs in README's binding table)
  click: 'lv-click',
  submit: 'lv-submit',
  change: 'lv-change',
  input: 'lv-input',
  keydown: 'lv-keydown',
  keyup: 'lv-keyup',
  windowKeydown: 'lv-window-keydown',
  windowKeyup: 'lv-window-keyup',
  focus: 'lv-focus',
  blur: 'lv-blur',
  contextmenu: 'lv-contextmenu',
  key: 'lv-key',
  valuePrefix: 'lv-value-',
  debounce: 'lv-debounce',
  throttle: 'lv-throttle',
  disableWith: 'lv-disable-with',
  confirm: 'lv-confirm',
  hook: 'lv-hook',
  target: 'lv-target',
  // files dropped from outside the app (drop.js): the event, and the class while they hover
  drop: 'lv-drop',
  dropActive: 'lv-drop-active',
  // written by the client
  pending: 'lv-pending',
});

/** Loading states (`loading.js`): the class shown on a slow ack, and how slow is slow. */
const LOADING = Object.freeze({ className: 'lv-loading', delayMs: 100 });

/** `lv-input` without `lv-debounce` / `lv-throttle` waits this long for typing to pause. */
const INPUT_DEBOUNCE_MS = 300;

/** How long buffered patches may wait for a missing version before the view asks for a resync. */
const RESYNC_AFTER_MS = 1000;

const CMD = Object.freeze({
  connect: 'plugin:golivekit|connect',
  event: 'plugin:golivekit|event',
  leave: 'plugin:golivekit|leave',
  resync: 'plugin:golivekit|resync',
  confirm: 'plugin:golivekit|confirm',
  close: 'plugin:golivekit|close',
  // invoked by the Rust shell's own eval after `window.__golivekit.flush()`, never by the bridge
  flushed: 'plugin:golivekit|flushed',
});

/** Classes on <html> telling the page's state. */
const PAGE_CLASS = Object.freeze({ connected: 'lv-connected', error: 'lv-error' });

/** Client-side error codes (the server's are in `runtime/src/error.rs`). */
const CLIENT_ERROR = Object.freeze({ noIpc: 'no_ipc', badMessage: 'bad_message' });

const isObj = (/** @type {any} */ x) => x !== null && typeof x === 'object' && !Array.isArray(x);
const isStrMap = (/** @type {any} */ x) => isObj(x) && Object.values(x).every((v) => typeof v === 'string');
const isUint = (/** @type {any} */ x) => Number.isInteger(x) && x >= 0;
/** A component id: an integer >= 1 (as a number, or as a `c` key in decimal). */
const isCid = (/** @type {any} */ x) => Number.isSafeInteger(x) && x >= 1;
const isCidKey = (/** @type {string} */ k) => /^[1-9][0-9]*$/.test(k) && isCid(Number(k));

/**
 * @param {Record<string, any>} obj
 * @param {string[]} allowed
 * @returns {string[]}
 */
function unknownKeys(obj, allowed) {
  return Object.keys(obj).filter((k) => !allowed.includes(k)).map((k) => `unknown field \`${k}\``);
}

/**
 * Checks a top-level patch (with `v`, optionally `r` and `c`); returns the list of problems (empty
 * when valid).
 * @param {any} p
 * @returns {string[]}
 */
function validatePatch(p) {
  if (!isObj(p)) return ['patch is not an object'];
  const errs = unknownKeys(p, ['v', 's', 'h', 'a', 'r', 'l', 'f', 'c']);
  if (!isUint(p.v)) errs.push('patch.v is not a version');
  if (p.r !== undefined && !isAttrChanges(p.r)) errs.push('patch.r is not a map of attribute changes');
  errs.push(...validateRegionOps(p, 'patch'));
  if (p.c !== undefined) {
    if (!isObj(p.c)) errs.push('patch.c is not a map of child patches');
    else {
      for (const [cid, entry] of Object.entries(p.c)) {
        if (!isCidKey(cid)) errs.push(`patch.c key \`${cid}\` is not a component id`);
        errs.push(...validateChildPatch(entry, `patch.c.${cid}`));
      }
    }
  }
  return errs;
}

/**
 * Checks one entry of a patch's `c`: a patch without `v`, `r` and `c`.
 * @param {any} p
 * @param {string} at  where the entry is, for messages
 * @returns {string[]}
 */
function validateChildPatch(p, at) {
  if (!isObj(p)) return [`${at} is not an object`];
  const errs = [];
  for (const k of ['v', 'r', 'c']) if (k in p) errs.push(`${at} has \`${k}\`, which only the top-level patch may have`);
  errs.push(...unknownKeys(p, ['v', 's', 'h', 'a', 'r', 'l', 'f', 'c']).map((e) => `${at}: ${e}`));
  errs.push(...validateRegionOps(p, at));
  return errs;
}

/**
 * Checks the ops a patch applies to its region (`s`, `h`, `a`, `l`, `f`).
 * @param {Record<string, any>} p
 * @param {string} at
 * @returns {string[]}
 */
function validateRegionOps(p, at) {
  const errs = [];
  if (p.s !== undefined && !isStrMap(p.s)) errs.push(`${at}.s is not a map of strings`);
  if (p.h !== undefined && !isStrMap(p.h)) errs.push(`${at}.h is not a map of strings`);
  if (p.f !== undefined && typeof p.f !== 'string') errs.push(`${at}.f is not a string`);
  if (p.a !== undefined) {
    const ok = isObj(p.a) && Object.values(p.a).every(isAttrChanges);
    if (!ok) errs.push(`${at}.a is not a map of attribute changes`);
  }
  if (p.l !== undefined) {
    if (!isObj(p.l) || !Object.values(p.l).every(Array.isArray)) errs.push(`${at}.l is not a map of op lists`);
    else for (const [id, ops] of Object.entries(p.l)) ops.forEach((op, i) => errs.push(...validateListOp(op, `${at}.l.${id}[${i}]`)));
  }
  return errs;
}

const isAttrChanges = (/** @type {any} */ m) => isObj(m) && Object.values(m).every((v) => v === null || typeof v === 'string');

/** Fields of each list op, besides `op`. */
const LIST_OP_FIELDS = Object.freeze({
  insert: ['key', 'index', 'html'], insert_run: ['index', 'items'], remove: ['key'], remove_all: ['keys'],
  move: ['key', 'index'], update: ['key', 'html'],
});

/**
 * @param {any} op
 * @param {string} at  where the op is, for messages
 * @returns {string[]}
 */
function validateListOp(op, at) {
  if (!isObj(op)) return [`${at} is not an object`];
  const fields = /** @type {Record<string, string[]>} */ (LIST_OP_FIELDS)[op.op];
  if (!fields) return [`${at}.op \`${op.op}\` is not a list op`];
  const errs = unknownKeys(op, ['op', ...fields]).map((e) => `${at}: ${e}`);
  for (const f of fields) {
    const ok = LIST_OP_FIELD_OK[f] ?? ((/** @type {any} */ v) => typeof v === 'string');
    if (!ok(op[f])) errs.push(`${at}.${f} is missing or of the wrong type`);
  }
  return errs;
}

/**
 * A non-empty list of strings: an `insert_run`'s items (outer HTML each; that each is an element
 * with a `data-key` only its parse tells, and patch.js leaves out, with a warning, one that is
 * not) or a `remove_all`'s keys.
 * @param {any} list
 */
const isStrings = (list) => Array.isArray(list) && list.length > 0 && list.every((x) => typeof x === 'string');

/** The check of each list-op field that is not a string. */
const LIST_OP_FIELD_OK = Object.freeze({ index: isUint, items: isStrings, keys: isStrings });

/**
 * @param {any} m
 * @returns {string[]}
 */
function validateServerMessage(m) {
  if (!isObj(m)) return ['message is not an object'];
  switch (m.type) {
    case 'patch':
      return [...unknownKeys(m, ['type', 'v', 'patch']), ...(isUint(m.v) ? [] : ['v is not a version']),
        ...validatePatch(m.patch)];
    case 'push':
      return [...unknownKeys(m, ['type', 'event', 'payload']),
        ...(typeof m.event === 'string' ? [] : ['push.event is not a string']),
        ...('payload' in m ? [] : ['push.payload is missing'])];
    case 'redirect':
      return [...unknownKeys(m, ['type', 'to']), ...(typeof m.to === 'string' ? [] : ['redirect.to is not a string'])];
    case 'error':
      return [...unknownKeys(m, ['type', 'code', 'message']), ...validateErrorBody({ code: m.code, message: m.message })];
    default:
      return [`unknown message type \`${m.type}\``];
  }
}

/**
 * @param {any} r
 * @returns {string[]}
 */
function validateEventRequest(r) {
  if (!isObj(r)) return ['event request is not an object'];
  const errs = unknownKeys(r, ['viewId', 'page', 'ref', 'cid', 'event', 'payload']);
  if (typeof r.viewId !== 'string') errs.push('viewId is not a string');
  if (r.page !== undefined && !isUint(r.page)) errs.push('page is not a connection id');
  if (!isUint(r.ref)) errs.push('ref is not a number');
  if (r.cid !== undefined && !isCid(r.cid)) errs.push('cid is not a component id');
  if (typeof r.event !== 'string') errs.push('event is not a string');
  if (r.payload !== undefined && !isObj(r.payload)) errs.push('payload is not an object');
  return errs;
}

/**
 * @param {any} r
 * @returns {string[]}
 */
function validateEventReply(r) {
  if (!isObj(r)) return ['event reply is not an object'];
  const errs = unknownKeys(r, ['ref', 'v', 'patch']);
  if (!isUint(r.ref)) errs.push('ref is not a number');
  if (!isUint(r.v)) errs.push('v is not a version');
  if (r.patch !== undefined) errs.push(...validatePatch(r.patch));
  return errs;
}

/**
 * @param {any} r
 * @returns {string[]}
 */
function validateConnectReply(r) {
  if (!isObj(r)) return ['connect reply is not an object'];
  return [...unknownKeys(r, ['v', 'page']), ...(isUint(r.v) ? [] : ['v is not a version']),
    ...(isUint(r.page) ? [] : ['page is missing or not a connection id'])];
}

/**
 * @param {any} r
 * @returns {string[]}
 */
function validateResyncRequest(r) {
  if (!isObj(r)) return ['resync request is not an object'];
  return [...unknownKeys(r, ['viewId']), ...(typeof r.viewId === 'string' ? [] : ['viewId is not a string'])];
}

/**
 * @param {any} r
 * @returns {string[]}
 */
function validateResyncReply(r) {
  if (!isObj(r)) return ['resync reply is not an object'];
  const errs = unknownKeys(r, ['v', 'patch']);
  if (!isUint(r.v)) errs.push('v is not a version');
  if (r.patch === undefined) return [...errs, 'patch is missing'];
  errs.push(...validatePatch(r.patch));
  if (isObj(r.patch)) {
    if (typeof r.patch.f !== 'string') errs.push('patch.f (the whole root) is missing');
    if (isUint(r.v) && isUint(r.patch.v) && r.patch.v !== r.v) errs.push('patch.v is not v');
  }
  return errs;
}

/**
 * @param {any} r
 * @returns {string[]}
 */
function validateConfirmRequest(r) {
  if (!isObj(r)) return ['confirm request is not an object'];
  return [...unknownKeys(r, ['question']), ...(typeof r.question === 'string' ? [] : ['question is not a string'])];
}

/**
 * @param {any} r
 * @returns {string[]}
 */
function validateConfirmReply(r) {
  if (!isObj(r)) return ['confirm reply is not an object'];
  return [...unknownKeys(r, ['confirmed']), ...(typeof r.confirmed === 'boolean' ? [] : ['confirmed is not a boolean'])];
}

/**
 * @param {any} r
 * @returns {string[]}
 */
function validateFlushedRequest(r) {
  if (!isObj(r)) return ['flushed request is not an object'];
  return [...unknownKeys(r, ['token']), ...(isUint(r.token) ? [] : ['token is not a number'])];
}

/**
 * `close {}`: no fields.
 * @param {any} r
 * @returns {string[]}
 */
function validateCloseRequest(r) {
  if (!isObj(r)) return ['close request is not an object'];
  return unknownKeys(r, []);
}

/**
 * @param {any} e
 * @returns {string[]}
 */
function validateErrorBody(e) {
  if (!isObj(e)) return ['error is not an object'];
  const errs = unknownKeys(e, ['code', 'message']);
  if (typeof e.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(e.code)) errs.push('code is not snake_case');
  if (typeof e.message !== 'string') errs.push('message is not a string');
  return errs;
}

/** Validators by fixture kind. */
const VALIDATORS = Object.freeze({
  patch: validatePatch,
  server_message: validateServerMessage,
  event_request: validateEventRequest,
  event_reply: validateEventReply,
  connect_reply: validateConnectReply,
  resync_request: validateResyncRequest,
  resync_reply: validateResyncReply,
  confirm_request: validateConfirmRequest,
  confirm_reply: validateConfirmReply,
  flushed_request: validateFlushedRequest,
  close_request: validateCloseRequest,
  error: validateErrorBody,
});
