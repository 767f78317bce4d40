// Gaps resync (view.js): when buffered patches wait for a version that never arrives, after
// RESYNC_AFTER_MS (1000 ms on the fake clock) the view asks `plugin:golivekit|resync {viewId}`,
// applies the whole state it gets back as version v, and goes on from there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boot, settle, defaultAnswer } from './load.mjs';

const COUNTER = '<div data-live-view="counter" data-lv-id="lv1" class="counter"><p>Count: <span data-slot="count">0</span></p></div>';
const whole = (v, n, r = { class: 'counter', 'data-live-view': 'counter', 'data-lv-id': 'lv1' }) =>
  ({ v, patch: { v, r, f: `<p>Count: <span data-slot="count">${n}</span></p>` } });

/** Boots COUNTER; `resync(args)` answers the resync command (default: a pending promise the test resolves). */
async function page(resync) {
  const replies = [];
  const t = boot(COUNTER, {
    fakeTimers: true,
    onInvoke: (cmd, args) => {
      if (cmd !== 'plugin:golivekit|resync') return defaultAnswer(cmd);
      return resync ? resync(args) : new Promise((r) => replies.push(r));
    },
  });
  await settle();
  let index = 0;
  const send = (v, count) => t.channelOf('lv1')({ type: 'patch', v, patch: { v, s: { count } } }, index++);
  const count = () => t.document.querySelector('[data-slot=count]').textContent;
  const resyncs = () => t.calls.filter((c) => c.cmd === 'plugin:golivekit|resync');
  return { ...t, send, count, resyncs, replies, root: t.document.querySelector('[data-live-view]') };
}

test('a version that never arrives is resynced after 1000 ms, and later patches go on from the reply', async () => {
  const t = await page();
  t.send(2, 'two');
  t.send(3, 'three');
  t.clock.tick(999);
  assert.equal(t.resyncs().length, 0, 'not before 1000 ms');
  t.clock.tick(1);
  assert.deepEqual(t.resyncs().map((c) => c.args), [{ viewId: 'lv1' }]);
  t.replies.shift()(whole(3, 'three (whole)'));
  await settle();
  assert.equal(t.count(), 'three (whole)');
  assert.equal(t.lv.view(t.root).v, 3);
  t.send(4, 'four');
  assert.equal(t.count(), 'four');
  t.clock.tick(5000);
  assert.equal(t.resyncs().length, 1, 'no gap, no further resync');
});

test('no resync when the missing version arrives in time', async () => {
  const t = await page();
  t.send(2, 'two');
  t.clock.tick(999);
  t.send(1, 'one');
  assert.equal(t.count(), 'two');
  t.clock.tick(5000);
  assert.equal(t.resyncs().length, 0);
});

test('only one resync is in flight per view', async () => {
  const t = await page();
  t.send(2, 'two');
  t.clock.tick(1000);
  t.send(4, 'four');
  t.clock.tick(5000);
  assert.equal(t.resyncs().length, 1);
  t.replies.shift()(whole(2, 'two (whole)'));
  await settle();
  assert.equal(t.count(), 'two (whole)', 'applied; v3 is still missing');
  t.clock.tick(1000);
  assert.equal(t.resyncs().length, 2, 'the remaining gap gets its own resync');
});

test('a resync drops buffered patches up to its version and drains the ones above it', async () => {
  const t = await page();
  t.send(2, 'two');
  t.send(3, 'three');
  t.send(5, 'five');
  t.clock.tick(1000);
  t.replies.shift()(whole(4, 'four (whole)'));
  await settle();
  assert.equal(t.count(), 'five', 'v5 follows v4 at once');
  assert.equal(t.lv.view(t.root).v, 5);
});

test('a resync reply no newer than the view changes nothing', async () => {
  const t = await page();
  t.send(2, 'two');
  t.clock.tick(1000);
  t.send(1, 'one'); // the gap fills while the resync is in flight
  t.replies.shift()(whole(1, 'stale'));
  await settle();
  assert.equal(t.count(), 'two');
});

test("a resync's r is the root's whole attribute set: attributes it does not name go, the view id stays", async () => {
  const t = await page();
  t.root.setAttribute('data-theme', 'old');
  t.send(2, 'two');
  t.clock.tick(1000);
  t.replies.shift()(whole(2, '2', { class: 'counter big', 'data-live-view': 'counter' }));
  await settle();
  assert.equal(t.root.getAttribute('class'), 'counter big');
  assert.equal(t.root.hasAttribute('data-theme'), false);
  assert.equal(t.root.getAttribute('data-lv-id'), 'lv1');
});

test('a failed resync is reported and tried again while the gap stays', async () => {
  const t = await page(() => ({ __reject: { code: 'handler_error', message: 'busy' } }));
  t.send(2, 'two');
  t.clock.tick(1000);
  await settle();
  assert.equal(t.resyncs().length, 1);
  assert.ok(t.errors.some((e) => e.includes('resync') && e.includes('busy')), t.errors.join('\n'));
  t.clock.tick(1000);
  await settle();
  assert.equal(t.resyncs().length, 2);
});

test('a malformed resync reply is reported and not applied', async () => {
  const t = await page(() => ({ v: 2 }));
  t.send(2, 'two');
  t.clock.tick(1000);
  await settle();
  assert.equal(t.count(), '0');
  assert.ok(t.errors.some((e) => e.includes('bad_message') && e.includes('resync')), t.errors.join('\n'));
});

test("a resync keeps the focused field's typed text like any patch", async () => {
  const t = boot('<div data-live-view="f" data-lv-id="lv1"><input name="q" value="a"><span data-slot="n">0</span></div>', {
    fakeTimers: true,
    onInvoke: (cmd) => (cmd.endsWith('|resync') ? { v: 2, patch: { v: 2, f: '<input name="q" value="server"><span data-slot="n">2</span>' } } : defaultAnswer(cmd)),
  });
  await settle();
  const input = t.document.querySelector('input');
  input.focus();
  input.value = 'typing';
  t.channelOf('lv1')({ type: 'patch', v: 2, patch: { v: 2, s: { n: '2' } } }, 0);
  t.clock.tick(1000);
  await settle();
  assert.equal(t.document.querySelector('[data-slot=n]').textContent, '2');
  assert.equal(input.value, 'typing');
  input.blur();
  assert.equal(input.value, 'server');
});

test('patches buffered before the connect reply start no resync; a gap left after it does', async () => {
  let connected;
  const t = boot(COUNTER, {
    fakeTimers: true,
    onInvoke: (cmd) => (cmd.endsWith('|connect') ? new Promise((r) => { connected = r; }) : defaultAnswer(cmd)),
  });
  await settle();
  t.channelOf('lv1')({ type: 'patch', v: 3, patch: { v: 3, s: { count: 'three' } } }, 0);
  t.clock.tick(5000);
  const resyncs = () => t.calls.filter((c) => c.cmd.endsWith('|resync')).length;
  assert.equal(resyncs(), 0, 'not connected yet: the catch-up patch may still come');
  connected({ v: 1, page: 1 });
  await settle();
  t.clock.tick(999);
  assert.equal(resyncs(), 0);
  t.clock.tick(1);
  assert.equal(resyncs(), 1, 'v2 never came');
});
