// A held value is always sent first: before any event of a view leaves the page, every held
// (debounced / throttled) run of that view goes, in the order they became pending; each view
// sends its events one at a time; `flush()` sends everything held and waits for the acks;
// `window.close()` and pagehide flush too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boot, settle, defaultAnswer } from './load.mjs';

const PAGE = `<div data-live-view="h" data-lv-id="lv1">
  <form id="f"><input id="q" name="q" lv-input="typed"></form>
  <input id="note" name="note" lv-input="note" lv-debounce="blur">
  <button id="other" lv-click="other">other</button>
  <button id="cmd" lv-click='[["push",{"event":"cmd"}]]'>cmd</button>
  <div id="keys" lv-window-keydown="key"></div>
  <div id="chart" lv-hook="Chart"></div></div>`;

/**
 * Boots PAGE with event acks the test gives by hand (`ack()` answers the oldest outstanding one),
 * counting how many event invokes are outstanding at once.
 */
async function page(html = PAGE, opts = {}) {
  const acks = [];
  let outstanding = 0;
  let most = 0;
  const t = boot(html, {
    fakeTimers: true,
    onInvoke: (cmd, args) => {
      if (cmd !== 'plugin:golivekit|event') return opts.onOther ? opts.onOther(cmd, args) : defaultAnswer(cmd);
      outstanding += 1;
      most = Math.max(most, outstanding);
      return new Promise((resolve) => acks.push((answer) => { outstanding -= 1; resolve(answer ?? { ref: args.ref, v: 0 }); }));
    },
    before: opts.before,
  });
  await settle();
  const ack = async (answer) => {
    await settle();
    assert.ok(acks.length > 0, 'an event is outstanding');
    acks.shift()(answer);
    await settle();
  };
  /** Acks until nothing is outstanding. */
  const ackAll = async () => {
    await settle();
    while (acks.length) await ack();
  };
  return { ...t, acks, ack, ackAll, most: () => most, outstanding: () => outstanding };
}

/** Types `text` into `el` one character at a time, firing input events, `gap` ms apart. */
function type(t, el, text, gap = 10) {
  el.focus();
  for (const ch of text) {
    el.value += ch;
    el.dispatchEvent(new t.window.Event('input', { bubbles: true }));
    t.clock.tick(gap);
  }
}

const names = (t) => t.events().map(([e, p]) => (e === 'typed' || e === 'note' ? `${e}:${p.value}` : e));

test('a held lv-input value is sent before a window key event of the same view', async () => {
  const t = await page();
  type(t, t.document.getElementById('q'), 'hello');
  t.window.dispatchEvent(new t.window.KeyboardEvent('keydown', { key: 'k', bubbles: true }));
  await t.ackAll();
  assert.deepEqual(names(t), ['typed:hello', 'key']);
});

test('a held value is sent before a click on a button outside its form', async () => {
  const t = await page();
  type(t, t.document.getElementById('q'), 'abc');
  t.document.getElementById('other').click();
  await t.ackAll();
  assert.deepEqual(names(t), ['typed:abc', 'other']);
  t.clock.tick(1000);
  await settle();
  assert.deepEqual(names(t), ['typed:abc', 'other'], 'the debounce does not send it again');
});

test('a held value is sent before a hook pushEvent and before a JS-command push', async () => {
  let hook;
  const t = await page(PAGE, { before: (w) => { w.golivekitHooks = { Chart: { mounted() { hook = this; } } }; } });
  type(t, t.document.getElementById('q'), 'one');
  hook.pushEvent('zoom', {}).catch(() => {});
  await t.ackAll();
  type(t, t.document.getElementById('q'), '+two');
  t.document.getElementById('cmd').click();
  await t.ackAll();
  assert.deepEqual(names(t), ['typed:one', 'zoom', 'typed:one+two', 'cmd']);
});

test('an lv-debounce="blur" value is sent before a window key event while its field is still focused', async () => {
  const t = await page();
  type(t, t.document.getElementById('note'), 'draft', 1000);
  t.window.dispatchEvent(new t.window.KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true }));
  await t.ackAll();
  assert.deepEqual(names(t), ['note:draft', 'key']);
});

test('held values of several fields go in the order they became pending', async () => {
  const t = await page(`<div data-live-view="h" data-lv-id="lv1"><input id="a" lv-input="a" lv-debounce="5000">
    <input id="b" lv-input="b" lv-throttle="5000"><button id="go" lv-click="go">go</button></div>`);
  const [a, b] = ['a', 'b'].map((id) => t.document.getElementById(id));
  type(t, b, 'x'); // a throttle sends its first at once
  type(t, a, 'y');
  type(t, b, 'z'); // held by the throttle, after a's
  t.document.getElementById('go').click();
  await t.ackAll();
  assert.deepEqual(t.events().map(([e, p]) => `${e}${p.value ?? ''}`), ['bx', 'ay', 'bxz', 'go']);
});

test('a debounce that becomes due sends the values held before it, and leaves a later lv-debounce="blur" value held', async () => {
  const t = await page(`<div data-live-view="h" data-lv-id="lv1"><input id="early" lv-input="early" lv-debounce="blur">
    <input id="a" lv-input="a" lv-debounce="100"><input id="late" lv-input="late" lv-debounce="blur"></div>`);
  const [early, a, late] = ['early', 'a', 'late'].map((id) => t.document.getElementById(id));
  // values put into fields without focus moves (a script, an IME): each one held
  for (const [el, v] of [[early, 'e'], [a, 'a'], [late, 'l']]) {
    el.value = v;
    el.dispatchEvent(new t.window.Event('input', { bubbles: true }));
  }
  t.clock.tick(100);
  await t.ackAll();
  assert.deepEqual(t.events().map(([e]) => e), ['early', 'a'], 'the later blur-debounced value waits for its blur');
  const flushed = t.lv.flush();
  await t.ackAll();
  await flushed;
  assert.deepEqual(t.events().map(([e]) => e), ['early', 'a', 'late']);
});

test('a view sends one event at a time: the next invoke starts only after the previous ack', async () => {
  const t = await page();
  const other = t.document.getElementById('other');
  other.click();
  t.document.getElementById('cmd').click();
  t.window.dispatchEvent(new t.window.KeyboardEvent('keydown', { key: 'k', bubbles: true }));
  await settle();
  assert.deepEqual(t.events().map(([e]) => e), ['other'], 'the others wait');
  await t.ack();
  assert.deepEqual(t.events().map(([e]) => e), ['other', 'cmd']);
  await t.ack({ __reject: { code: 'handler_error', message: 'no' } });
  assert.deepEqual(t.events().map(([e]) => e), ['other', 'cmd', 'key'], 'a failed event does not stop the queue');
  await t.ackAll();
  assert.equal(t.most(), 1);
  const refs = t.calls.filter((c) => c.cmd.endsWith('|event')).map((c) => c.args.ref);
  assert.deepEqual(refs, [1, 2, 3]);
});

test('an event waiting in the queue shows its loading state, and every loading state clears, also on error', async () => {
  const t = await page(`<div data-live-view="h" data-lv-id="lv1"><button id="a" lv-click="a" lv-disable-with="A…">a</button>
    <button id="b" lv-click="b" lv-disable-with="B…">b</button></div>`);
  const [a, b] = ['a', 'b'].map((id) => t.document.getElementById(id));
  a.click();
  b.click();
  await settle();
  assert.ok(b.disabled && b.hasAttribute('lv-pending'), 'b is pending while it waits behind a');
  t.clock.tick(100);
  assert.equal(b.textContent, 'B…');
  await t.ack({ __reject: { code: 'handler_error', message: 'no' } });
  assert.ok(!a.disabled && !a.hasAttribute('lv-pending') && a.textContent === 'a', 'a cleared on its error');
  assert.ok(b.disabled, 'b still in flight');
  await t.ack({ __reject: { code: 'handler_error', message: 'no' } });
  assert.ok(!b.disabled && !b.hasAttribute('lv-pending') && b.textContent === 'b', 'b cleared on its error');
});

test('flush() sends every held value and resolves only after every ack', async () => {
  const t = await page();
  type(t, t.document.getElementById('q'), 'typed');
  type(t, t.document.getElementById('note'), 'noted');
  let done = false;
  const flushed = t.lv.flush().then(() => { done = true; });
  await settle();
  assert.deepEqual(names(t), ['typed:typed'], 'sent one at a time');
  assert.equal(done, false);
  await t.ack();
  assert.deepEqual(names(t), ['typed:typed', 'note:noted']);
  assert.equal(done, false, 'the second is not acknowledged yet');
  await t.ack({ __reject: { code: 'handler_error', message: 'no' } });
  await flushed;
  assert.equal(done, true, 'resolves, also when an event failed');
});

test('flush() with nothing held or in flight resolves at once and never rejects', async () => {
  const t = await page();
  await t.lv.flush();
  t.document.getElementById('other').click();
  const flushed = t.lv.flush();
  await t.ack({ __reject: { code: 'view_crashed', message: 'boom' } });
  t.lv.nav.reload = () => {};
  await assert.doesNotReject(flushed);
});

test('window.close() sends the held input, then asks Rust to close the window', async () => {
  const t = await page();
  type(t, t.document.getElementById('q'), 'last words');
  t.window.close();
  await settle();
  assert.deepEqual(t.calls.map((c) => c.cmd.split('|')[1]).slice(-1), ['event']);
  await t.ackAll();
  assert.deepEqual(names(t), ['typed:last words']);
  const last = t.calls[t.calls.length - 1];
  assert.deepEqual(last, { cmd: 'plugin:golivekit|close', args: {} }, 'close comes after the ack');
});

test('window.close() falls back to the webview close when Rust refuses, and says so', async () => {
  let closed = 0;
  const t = await page(PAGE, {
    before: (w) => { w.close = () => { closed += 1; }; },
    onOther: (cmd) => (cmd.endsWith('|close') ? { __reject: { code: 'not_allowed', message: 'no' } } : defaultAnswer(cmd)),
  });
  t.window.close();
  await settle();
  assert.equal(closed, 1);
  assert.ok(t.errors.some((e) => e.includes('closing the window') && e.includes('not_allowed')), t.errors.join('\n'));
});

test('pagehide sends the held values at once', async () => {
  const t = await page();
  type(t, t.document.getElementById('q'), 'bye');
  t.window.dispatchEvent(new t.window.Event('pagehide'));
  await settle();
  assert.deepEqual(names(t), ['typed:bye']);
});

test("a view's events do not flush another view's held values", async () => {
  const t = await page(`<div data-live-view="a" data-lv-id="lv1"><input id="q" lv-input="typed"></div>
    <div data-live-view="b" data-lv-id="lv2"><button id="go" lv-click="go">go</button></div>`);
  type(t, t.document.getElementById('q'), 'mine');
  t.document.getElementById('go').click();
  await t.ackAll();
  assert.deepEqual(t.calls.filter((c) => c.cmd.endsWith('|event')).map((c) => [c.args.viewId, c.args.event]), [['lv2', 'go']]);
  t.clock.tick(300);
  await t.ackAll();
  assert.deepEqual(t.events().map(([e]) => e), ['go', 'typed'], 'it goes on its own debounce');
});
