// @ts-check
// events.js — delegated listeners, installed once on the document and the window, so patches
// never re-bind. Each DOM event finds the element carrying its binding, builds the payload at
// event time (bindings.js), goes through the rate limit (rate.js), then runs: JS commands
// (commands.js) or an event sent to the element's view with its loading state (loading.js),
// naming the child component it is for (`eventCid` in view.js: the component that rendered the
// element carrying the binding, or its parent with `lv-target="parent"`).
// With `lv-confirm` the DOM event is cancelled at once and the binding runs after a yes
// (confirm.js).

/**
 * The view an element belongs to.
 * @param {Element} el
 * @param {(root: Element) => LiveView | undefined} viewFor
 */
function viewAround(el, viewFor) {
  const root = el.closest(`[${ATTR.view}]`);
  return root ? viewFor(root) : undefined;
}

/**
 * The form whose pending events must go first when `el`'s event runs.
 * @param {Element} el
 * @returns {Element | null}
 */
function formOf(el) {
  if (el instanceof HTMLFormElement) return el;
  if (isControl(el) || el instanceof HTMLButtonElement) return el.form;
  return el.closest('form');
}

/**
 * Handles one binding of `bound` for DOM event `event`, now.
 * @param {Element} bound                 the element carrying the binding
 * @param {string} binding                e.g. `lv-change`
 * @param {Event} event
 * @param {(root: Element) => LiveView | undefined} viewFor
 * @param {Element} [acted]               the control acted on (rate limits are read and kept there)
 */
function trigger(bound, binding, event, viewFor, acted = bound) {
  prepareBinding(bound, binding, event, viewFor, acted)?.();
}

/**
 * Reads what one binding of `bound` sends — its view, `lv-value-*`, the fields of the control and
 * of the DOM event — at event time, and returns the function that runs it through its rate limit;
 * null when it must not run (outside any view, or its last event is still in flight). The
 * function may be called later (after an `lv-confirm`): it sends what was read now, and does
 * nothing if the element has become busy meanwhile.
 * @param {Element} bound
 * @param {string} binding
 * @param {Event} event
 * @param {(root: Element) => LiveView | undefined} viewFor
 * @param {Element} [acted]
 * @returns {(() => void) | null}
 */
function prepareBinding(bound, binding, event, viewFor, acted = bound) {
  const spec = bound.getAttribute(binding) || '';
  const view = viewAround(bound, viewFor);
  if (!view && !isCommandList(spec)) {
    console.error(`[golivekit] ${binding} on an element outside any connected view: ${describe(bound)}`);
    return null;
  }
  const inFlight = () => busyTargets(bound, binding).some(isBusy); // its last event is not acked
  if (inFlight()) return null;
  const values = valuesOf(bound);
  const own = ownFields(binding, bound, event);
  const carries = editsSoFar(); // the user's changes in what was just read
  const cid = view ? eventCid(bound, view.root) : undefined;
  const run = () => runBinding(view, bound, binding, spec, values, own, cid, carries);
  return () => {
    if (inFlight()) return;
    if (binding === ATTR.submit || binding === ATTR.focus || binding === ATTR.blur) run();
    else limit(acted, bound, binding, run);
  };
}

/**
 * Runs a binding now: first the held events of its form (for commands that send nothing; an
 * event sent runs every held event of its view first anyway, `LiveView.pushEvent`), then its
 * commands or its event.
 * @param {LiveView | undefined} view
 * @param {Element} bound
 * @param {string} binding
 * @param {string} spec                   the attribute's value
 * @param {Record<string, any>} values    `lv-value-*`
 * @param {Record<string, any>} own       fields from the control and the event (they win)
 * @param {number} [cid]                  the component the event is for (undefined: the root)
 * @param {number} [carries]              the user's edits up to this number are in `own` (edits.js)
 */
function runBinding(view, bound, binding, spec, values, own, cid, carries = editsSoFar()) {
  flushWithin(formOf(bound));
  const busy = busyTargets(bound, binding);
  if (isCommandList(spec)) {
    const list = parseCommands(spec, bound, binding);
    if (list) runCommands(list, { view, el: bound, values, own, busy, cid });
    return;
  }
  if (!spec.trim()) {
    console.error(`[golivekit] ${binding} names no event: ${describe(bound)}`);
    return;
  }
  // A right-click's event stays in flight while its native menu is open: the element is not
  // marked pending or loading under the menu.
  const quiet = binding === ATTR.contextmenu;
  const sent = view?.pushEvent(spec, { ...values, ...own }, quiet ? null : bound, quiet ? [] : busy, cid, carries);
  sent?.catch(() => {});
  // A submitted form hands its state to the server: once the submit is acknowledged, every field
  // shows what the server rendered for it (its `value`/`checked`/`selected` attributes), even the
  // focused one — so a chat box clears, and a form the server re-renders keeps what it echoes.
  // A field the user changed after the submit was read keeps that change (edits.js).
  if (binding === ATTR.submit && bound instanceof HTMLFormElement) {
    sent?.then(() => withSeenEdits(carries, () => resetForm(bound)), () => {});
  }
}

/**
 * `lv-confirm="Delete this item?"` on an `lv-click` element, an `lv-submit` form or its submit
 * button: the questions of `els` (those that carry one), in order.
 * @param {(Element | null | undefined)[]} els
 * @returns {string[]}
 */
function questionsOf(els) {
  return els.map((el) => el?.getAttribute(ATTR.confirm) ?? null).filter((q) => q !== null);
}

/**
 * Runs a prepared binding once the user has said yes to every question (confirm.js).
 * @param {string[]} questions
 * @param {(() => void) | null} go
 * @param {() => void} [after]   runs after `go` on a yes
 */
function afterYes(questions, go, after) {
  if (!go) return;
  confirmAll(questions).then((yes) => {
    if (!yes) return;
    go();
    after?.();
  }).catch((err) => console.error('[golivekit] a confirmed binding failed', err));
}

/**
 * What a click left a checkbox or radio at (during the click it is already toggled), to redo it
 * after a confirmed click that was cancelled while asking: sets it and fires `input` and
 * `change` as the click would have. Anything else: nothing to redo.
 * @param {Element} el
 * @returns {() => void}
 */
function redoToggle(el) {
  if (!(el instanceof HTMLInputElement) || (el.type !== 'checkbox' && el.type !== 'radio')) return () => {};
  const checked = el.checked;
  return () => {
    if (!el.isConnected || el.checked === checked) return;
    el.checked = checked;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  };
}

/**
 * @param {Document} doc
 * @param {(root: Element) => LiveView | undefined} viewFor
 */
function installListeners(doc, viewFor) {
  const win = doc.defaultView || window;
  /** @param {Event} e */
  const targetOf = (e) => (e.target instanceof Element ? e.target : null);
  /** Runs a handler, never letting an exception out into the page. @param {(e: any) => void} fn */
  const guard = (fn) => (/** @type {Event} */ e) => {
    try {
      fn(e);
    } catch (err) {
      console.error('[golivekit] a binding failed', err);
    }
  };

  doc.addEventListener('click', guard((e) => {
    const target = targetOf(e);
    if (!target) return;
    if (target.closest(`[${ATTR.reload}]`)) {
      e.preventDefault();
      nav.reload();
      return;
    }
    const el = target.closest(`[${ATTR.click}]`);
    if (!el) return;
    if (el instanceof HTMLAnchorElement) e.preventDefault(); // the page never navigates
    const questions = questionsOf([el]);
    if (!questions.length) {
      trigger(el, ATTR.click, e, viewFor);
      return;
    }
    // Asking is async: cancel the click now (no box toggles, no submit, no navigation while the
    // question is open), and send what the element held at click time after a yes.
    e.preventDefault();
    afterYes(questions, prepareBinding(el, ATTR.click, e, viewFor), redoToggle(el));
  }));

  // A right-click's own default actions on an lv-contextmenu element are cancelled: WebKitGTK
  // activates a <label> (toggling its checkbox) on a right-button click, under the menu.
  for (const type of ['click', 'auxclick']) {
    doc.addEventListener(type, guard((e) => {
      const button = /** @type {MouseEvent} */ (e).button;
      if (button !== 0 && targetOf(e)?.closest(`[${ATTR.contextmenu}]`)) e.preventDefault();
    }), true);
  }

  doc.addEventListener('contextmenu', guard((e) => {
    const el = targetOf(e)?.closest(`[${ATTR.contextmenu}]`);
    if (!el) return; // elsewhere the webview's own menu is left alone
    e.preventDefault();
    trigger(el, ATTR.contextmenu, e, viewFor);
  }));

  doc.addEventListener('submit', guard((e) => {
    const form = e.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute(ATTR.submit)) return;
    e.preventDefault(); // the page never navigates
    const submitter = /** @type {SubmitEvent} */ (e).submitter;
    const questions = questionsOf([form, submitter]);
    if (questions.length) afterYes(questions, prepareBinding(form, ATTR.submit, e, viewFor)); // fields as at submit time
    else trigger(form, ATTR.submit, e, viewFor);
  }));

  for (const [type, binding] of [['change', ATTR.change], ['input', ATTR.input]]) {
    doc.addEventListener(type, guard((e) => {
      const target = targetOf(e);
      const bound = target?.closest(`[${binding}]`);
      if (!target || !bound) return;
      trigger(bound, binding, e, viewFor, isControl(target) ? target : bound);
    }));
  }

  for (const [type, binding, windowBinding] of [
    ['keydown', ATTR.keydown, ATTR.windowKeydown],
    ['keyup', ATTR.keyup, ATTR.windowKeyup],
  ]) {
    doc.addEventListener(type, guard((e) => {
      const bound = targetOf(e)?.closest(`[${binding}]`);
      if (bound && keyMatches(bound, e)) trigger(bound, binding, e, viewFor);
    }));
    win.addEventListener(type, guard((e) => {
      for (const el of Array.from(doc.querySelectorAll(`[${windowBinding}]`))) {
        if (keyMatches(el, e)) trigger(el, windowBinding, e, viewFor);
      }
    }));
  }

  // Focus does not bubble: `lv-focus` / `lv-blur` are the focused element's own.
  doc.addEventListener('focusin', guard((e) => {
    const target = targetOf(e);
    if (target?.hasAttribute(ATTR.focus)) trigger(target, ATTR.focus, e, viewFor);
  }));
  doc.addEventListener('focusout', guard((e) => {
    const target = targetOf(e);
    if (!target) return;
    flushElement(target); // a pending debounce (or `lv-debounce="blur"`) goes now
    if (target.hasAttribute(ATTR.blur)) trigger(target, ATTR.blur, e, viewFor);
  }));
}

/**
 * Runs a command list as if `el` carried it in `lv-click` (for tests and the console).
 * @param {Element} el
 * @param {string} spec
 * @param {(root: Element) => LiveView | undefined} viewFor
 */
function execCommands(el, spec, viewFor) {
  const list = parseCommands(spec, el, ATTR.click);
  if (!list) return;
  const view = viewAround(el, viewFor);
  const cid = view ? eventCid(el, view.root) : undefined;
  runCommands(list, { view, el, values: valuesOf(el), own: {}, busy: busyTargets(el, ATTR.click), cid });
}
