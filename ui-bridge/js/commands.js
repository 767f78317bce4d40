// @ts-check
// commands.js — JS commands: client-side effects with no round trip, rendered by Rust.
//
// The value of any event binding (`lv-click`, `lv-change`, `lv-submit`, `lv-keydown`, ...) is
// an event name, or — when it starts with `[` — a JSON array of `[op, args]` pairs, run in order:
//
//   ["show",         {"to"?}]                    remove `hidden`
//   ["hide",         {"to"?}]                    set `hidden`
//   ["toggle",       {"to"?}]                    flip `hidden`
//   ["add_class",    {"to"?, "names": [..]}]     classes: non-empty strings without spaces
//   ["remove_class", {"to"?, "names": [..]}]
//   ["toggle_class", {"to"?, "names": [..]}]
//   ["focus",        {"to"?}]                    focuses the first target
//   ["dispatch",     {"to"?, "event", "detail"?}]  a bubbling CustomEvent on each target
//   ["push",         {"event", "value"?}]        sends the event like the binding would (pending,
//                                                disable-with, ack, to the binding's component);
//                                                `value` (an object) is merged over
//                                                `lv-value-*`, the control's own fields win
//
// `to` is a CSS selector matched against the whole document; without it the target is the
// element carrying the binding. A fixed vocabulary, never script. The whole list is checked
// before anything runs: malformed JSON, an unknown op, a missing, extra or mistyped argument, or
// a selector that does not parse → one console error naming the element, and nothing runs.
//
// Sticky results: what show/hide/toggle and the class ops set is remembered per element and put
// back after every patch of its view (a patch re-renders attributes from the server's markup and
// would otherwise undo it), as Phoenix LiveView does, until the element leaves the page.

/** @typedef {[string, Record<string, any>]} Command */
/**
 * `cid`: the component a `push` goes to (the binding's, `eventCid` in view.js; undefined: the root).
 * @typedef {{view: LiveView | undefined, el: Element, values: Record<string, any>, own: Record<string, any>, busy: Element[], cid?: number}} CommandContext
 */

/** Allowed and required argument names of each op. */
const COMMAND_ARGS = Object.freeze({
  show: { allowed: ['to'], required: [] },
  hide: { allowed: ['to'], required: [] },
  toggle: { allowed: ['to'], required: [] },
  add_class: { allowed: ['to', 'names'], required: ['names'] },
  remove_class: { allowed: ['to', 'names'], required: ['names'] },
  toggle_class: { allowed: ['to', 'names'], required: ['names'] },
  focus: { allowed: ['to'], required: [] },
  dispatch: { allowed: ['to', 'event', 'detail'], required: ['event'] },
  push: { allowed: ['event', 'value'], required: ['event'] },
});

/** @param {string} spec */
function isCommandList(spec) {
  return spec.trimStart().startsWith('[');
}

/**
 * Parses and checks a command list; returns null (after reporting why, naming `el`) when invalid.
 * @param {string} spec
 * @param {Element} el
 * @param {string} binding
 * @returns {Command[] | null}
 */
function parseCommands(spec, el, binding) {
  const problem = commandProblem(spec, el.ownerDocument);
  if (typeof problem === 'string') {
    console.error(`[golivekit] ${binding}: bad JS commands (${problem}); nothing ran: ${describe(el)}`);
    return null;
  }
  return problem;
}

/**
 * @param {string} spec
 * @param {Document} doc
 * @returns {string | Command[]}
 */
function commandProblem(spec, doc) {
  let list;
  try {
    list = JSON.parse(spec);
  } catch (err) {
    return `malformed JSON: ${/** @type {Error} */ (err).message}`;
  }
  if (!Array.isArray(list)) return 'not a JSON array';
  for (const [i, cmd] of list.entries()) {
    if (!Array.isArray(cmd) || cmd.length !== 2 || typeof cmd[0] !== 'string' || !isObj(cmd[1])) {
      return `command ${i} is not an [op, args] pair`;
    }
    const [op, args] = cmd;
    const shape = /** @type {Record<string, {allowed: string[], required: string[]}>} */ (COMMAND_ARGS)[op];
    if (!Object.prototype.hasOwnProperty.call(COMMAND_ARGS, op) || !shape) return `command ${i}: unknown op \`${op}\``;
    const extra = Object.keys(args).find((k) => !shape.allowed.includes(k));
    if (extra) return `command ${i} (${op}): unknown argument \`${extra}\``;
    const missing = shape.required.find((k) => !(k in args));
    if (missing) return `command ${i} (${op}): missing argument \`${missing}\``;
    const bad = argProblem(args, doc);
    if (bad) return `command ${i} (${op}): ${bad}`;
  }
  return /** @type {Command[]} */ (list);
}

/**
 * @param {Record<string, any>} args
 * @param {Document} doc
 * @returns {string | null}
 */
function argProblem(args, doc) {
  if ('to' in args) {
    if (typeof args.to !== 'string' || !args.to.trim()) return '`to` is not a selector';
    try {
      doc.querySelector(args.to);
    } catch {
      return `\`to\` is not a valid selector: ${args.to}`;
    }
  }
  if ('names' in args) {
    const ok = Array.isArray(args.names) && args.names.length > 0 &&
      args.names.every((/** @type {any} */ n) => typeof n === 'string' && /^\S+$/.test(n));
    if (!ok) return '`names` is not a list of class names';
  }
  if ('event' in args && (typeof args.event !== 'string' || !args.event)) return '`event` is not a name';
  if ('value' in args && !isObj(args.value)) return '`value` is not an object';
  return null;
}

/** Nesting of command runs (a `dispatch` can trigger another binding); stops runaway loops. */
let commandDepth = 0;

/**
 * Runs a checked command list for the binding on `ctx.el`.
 * @param {Command[]} list
 * @param {CommandContext} ctx
 */
function runCommands(list, ctx) {
  if (commandDepth >= 8) {
    console.error(`[golivekit] JS commands dispatch into each other too deeply; stopped: ${describe(ctx.el)}`);
    return;
  }
  commandDepth++;
  try {
    for (const [op, args] of list) {
      try {
        runCommand(op, args, ctx);
      } catch (err) {
        console.error(`[golivekit] JS command ${op} failed: ${describe(ctx.el)}`, err);
      }
    }
  } finally {
    commandDepth--;
  }
}

/**
 * @param {string} op
 * @param {Record<string, any>} args
 * @param {CommandContext} ctx
 */
function runCommand(op, args, ctx) {
  const targets = args.to === undefined ? [ctx.el] : Array.from(ctx.el.ownerDocument.querySelectorAll(args.to));
  switch (op) {
    case 'show':
    case 'hide':
    case 'toggle':
      for (const t of targets) setHidden(t, op === 'toggle' ? !t.hasAttribute('hidden') : op === 'hide');
      break;
    case 'add_class':
    case 'remove_class':
    case 'toggle_class':
      for (const t of targets) {
        for (const n of args.names) setClass(t, n, op === 'toggle_class' ? !t.classList.contains(n) : op === 'add_class');
      }
      break;
    case 'focus':
      /** @type {HTMLElement | undefined} */ (targets[0])?.focus();
      break;
    case 'dispatch':
      for (const t of targets) t.dispatchEvent(new CustomEvent(args.event, { detail: args.detail ?? null, bubbles: true }));
      break;
    case 'push':
      if (!ctx.view) {
        console.error(`[golivekit] JS command push "${args.event}" on an element outside any connected view: ${describe(ctx.el)}`);
        return;
      }
      ctx.view.pushEvent(args.event, { ...ctx.values, ...(args.value || {}), ...ctx.own }, ctx.el, ctx.busy, ctx.cid).catch(() => {});
      break;
  }
}

/** What commands set, per element: `hidden`, and classes added (true) or removed (false). */
/** @type {Map<Element, {hidden?: boolean, classes: Map<string, boolean>}>} */
const sticky = new Map();

/** @param {Element} el */
function stickyOf(el) {
  let st = sticky.get(el);
  if (!st) sticky.set(el, (st = { classes: new Map() }));
  return st;
}

/**
 * @param {Element} el
 * @param {boolean} hidden
 */
function setHidden(el, hidden) {
  stickyOf(el).hidden = hidden;
  el.toggleAttribute('hidden', hidden);
}

/**
 * @param {Element} el
 * @param {string} name
 * @param {boolean} on
 */
function setClass(el, name, on) {
  stickyOf(el).classes.set(name, on);
  el.classList.toggle(name, on);
  if (el.getAttribute('class') === '') el.removeAttribute('class');
}

/**
 * After a patch: puts back what commands set on `root`'s elements; forgets elements that left.
 * @param {Element} root
 */
function reapplySticky(root) {
  for (const [el, st] of sticky) {
    if (!el.isConnected) {
      sticky.delete(el);
      continue;
    }
    if (!root.contains(el)) continue;
    if (st.hidden !== undefined && el.hasAttribute('hidden') !== st.hidden) el.toggleAttribute('hidden', st.hidden);
    for (const [name, on] of st.classes) if (el.classList.contains(name) !== on) el.classList.toggle(name, on);
  }
}
