// A live view on the page: connect, click → event over IPC, pending until ack, v ordering,
// channel pushes, redirects and errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boot, settle } from './load.mjs';

const COUNTER = `<div data-live-view="counter" data-lv-id="lv1">
  <span data-slot="count">0</span>
  <button id="inc" lv-click="increment" lv-value-by="2">+</button>
  <button id="dec" lv-click="decrement">-</button></div>`;

test('every root connects once with its view id and a channel', async () => {
  const { calls } = boot(COUNTER + '<div data-live-view="other" data-lv-id="lv2"></div>');
  await settle();
  const connects = calls.filter((c) => c.cmd === 'plugin:golivekit|connect');
  assert.deepEqual(connects.map((c) => c.args.viewId), ['lv1', 'lv2']);
  assert.match(connects[0].args.channel, /^__CHANNEL__:\d+$/);
});

test('a click sends the event with the page of the connect reply and lv-value-* as strings, and applies the reply patch', async () => {
  const { calls, document, window, errors } = boot(COUNTER, {
    onInvoke: (cmd, args) => (cmd.endsWith('|event') ? { ref: args.ref, v: 1, patch: { v: 1, s: { count: '2' } } } : { v: 0, page: 4 }),
  });
  await settle();
  document.getElementById('inc').dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
  await settle();
  const ev = calls.find((c) => c.cmd === 'plugin:golivekit|event');
  assert.deepEqual(ev.args, { viewId: 'lv1', page: 4, ref: 1, event: 'increment', payload: { by: '2' } });
  assert.deepEqual(errors, []);
  assert.equal(document.querySelector('[data-slot=count]').textContent, '2');
});

test('lv-pending stays on the clicked element until the ack, also on error', async () => {
  let answer;
  const { document, window } = boot(COUNTER, {
    onInvoke: (cmd) => (cmd.endsWith('|event') ? new Promise((r) => { answer = r; }) : { v: 0 }),
  });
  await settle();
  const button = document.getElementById('dec');
  button.dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
  await settle();
  assert.ok(button.hasAttribute('lv-pending'));
  answer({ __reject: { code: 'handler_error', message: 'nope' } });
  await settle();
  assert.equal(button.hasAttribute('lv-pending'), false);
});

test('an error ack is reported as a typed lv:error event on the root', async () => {
  const { document, window } = boot(COUNTER, {
    onInvoke: (cmd) => (cmd.endsWith('|event') ? { __reject: { code: 'unknown_event', message: 'unknown event `decrement`' } } : { v: 0 }),
  });
  await settle();
  const seen = [];
  document.querySelector('[data-live-view]').addEventListener('lv:error', (e) => seen.push(e.detail));
  document.getElementById('dec').dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
  await settle();
  assert.deepEqual(seen, [{ code: 'unknown_event', message: 'unknown event `decrement`' }]);
});

test('patches apply strictly in v order, early ones wait, stale ones are dropped', async () => {
  const { document, channelOf } = boot(COUNTER);
  await settle();
  const send = channelOf('lv1');
  const slot = () => document.querySelector('[data-slot=count]').textContent;
  send({ type: 'patch', v: 2, patch: { v: 2, s: { count: 'two' } } }, 0);
  assert.equal(slot(), '0', 'v2 waits for v1');
  send({ type: 'patch', v: 1, patch: { v: 1, s: { count: 'one' } } }, 1);
  assert.equal(slot(), 'two');
  send({ type: 'patch', v: 1, patch: { v: 1, s: { count: 'stale' } } }, 2);
  assert.equal(slot(), 'two');
});

test('channel messages are handled in send order even when they arrive out of order', async () => {
  const { document, channelOf } = boot(COUNTER);
  await settle();
  const send = channelOf('lv1');
  const seen = [];
  document.querySelector('[data-live-view]').addEventListener('lv:note', (e) => seen.push(e.detail.n));
  send({ type: 'push', event: 'note', payload: { n: 2 } }, 1);
  send({ type: 'push', event: 'note', payload: { n: 1 } }, 0);
  assert.deepEqual(seen, [1, 2]);
});

test('a push arrives as a DOM event on the root', async () => {
  const { document, channelOf } = boot(COUNTER);
  await settle();
  const got = [];
  document.addEventListener('lv:saved', (e) => got.push(e.detail));
  channelOf('lv1')({ type: 'push', event: 'saved', payload: { id: 3 } }, 0);
  assert.deepEqual(got, [{ id: 3 }]);
});

test('a malformed channel message is reported and ignored', async () => {
  const { document, channelOf, errors } = boot(COUNTER);
  await settle();
  channelOf('lv1')({ type: 'patch', v: 'x' }, 0);
  assert.equal(document.querySelector('[data-slot=count]').textContent, '0');
  assert.ok(errors.some((e) => e.includes('bad_message')));
});

test('a crash message replaces the view with an error panel and reloads the window once for the error document', async () => {
  const { document, channelOf, lv } = boot(COUNTER);
  let reloads = 0;
  lv.nav.reload = () => reloads++;
  await settle();
  channelOf('lv1')({ type: 'error', code: 'view_crashed', message: 'panic in handle_event: <b>boom</b>' }, 0);
  channelOf('lv1')({ type: 'error', code: 'view_crashed', message: 'again' }, 1);
  assert.equal(reloads, 1);
  const root = document.querySelector('[data-live-view]');
  assert.ok(root.querySelector('[data-lv-reload]'));
  assert.equal(root.querySelector('pre').textContent, 'panic in handle_event: <b>boom</b>');
  assert.equal(root.querySelector('b'), null, 'message shown as text');
  assert.ok(document.documentElement.classList.contains('lv-error'));
});

test('events wait for connect so the first patch is never skipped', async () => {
  let connected;
  const order = [];
  const { document, window } = boot(COUNTER, {
    onInvoke: (cmd, args) => {
      order.push(cmd.split('|')[1]);
      if (cmd.endsWith('|connect')) return new Promise((r) => { connected = r; });
      return { ref: args.ref, v: 1, patch: { v: 1, s: { count: '1' } } };
    },
  });
  await settle(); // DOMContentLoaded: the view boots and its connect is now in flight
  document.getElementById('inc').dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
  await settle();
  assert.deepEqual(order, ['connect']);
  connected({ v: 0 });
  await settle();
  assert.deepEqual(order, ['connect', 'event']);
  assert.equal(document.querySelector('[data-slot=count]').textContent, '1');
});

test('clicks outside any view and pages without roots do nothing and throw nothing', async () => {
  const { document, window, calls } = boot('<button lv-click="x">stray</button>');
  await settle();
  document.querySelector('button').dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
  await settle();
  assert.equal(calls.length, 0);
});

test('a redirect message navigates the window to the route', async () => {
  const { channelOf, lv } = boot(COUNTER);
  const went = [];
  lv.nav.assign = (url) => went.push(url);
  await settle();
  channelOf('lv1')({ type: 'redirect', to: '/counter?start=2' }, 0);
  assert.deepEqual(went, ['/counter?start=2']);
});

test('an unknown_view error shows the panel without reloading', async () => {
  const { document, channelOf, lv } = boot(COUNTER);
  let reloads = 0;
  lv.nav.reload = () => reloads++;
  await settle();
  channelOf('lv1')({ type: 'error', code: 'unknown_view', message: 'unknown view `lv1`' }, 0);
  assert.equal(reloads, 0);
  assert.ok(document.querySelector('[data-lv-reload]'));
});

test('refs strictly increase within a page, one per event', async () => {
  const { calls, document, window } = boot(COUNTER);
  await settle();
  for (const id of ['inc', 'dec', 'inc']) document.getElementById(id).dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
  await settle();
  const sent = calls.filter((c) => c.cmd.endsWith('|event')).map((c) => [c.args.page, c.args.ref]);
  assert.deepEqual(sent, [[1, 1], [1, 2], [1, 3]]);
});

test('a connect reply without a page is reported, and events then go without one', async () => {
  const { calls, document, window, errors } = boot(COUNTER, {
    onInvoke: (cmd, args) => (cmd.endsWith('|event') ? { ref: args.ref, v: 0 } : { v: 0 }),
  });
  await settle();
  assert.ok(errors.some((e) => e.includes('bad_message') && e.includes('page')), errors.join('\n'));
  document.getElementById('inc').dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
  await settle();
  assert.equal('page' in calls.find((c) => c.cmd.endsWith('|event')).args, false);
});

test('stages count each event round trip and each applied patch, and reset on request', async () => {
  let answer;
  const { document, window, lv } = boot(COUNTER, {
    onInvoke: (cmd, args) => (cmd.endsWith('|event')
      ? new Promise((r) => { answer = () => r({ ref: args.ref, v: 1, patch: { v: 1, s: { count: '2' } } }); })
      : { v: 0 }),
  });
  await settle();
  lv.stages(true);
  document.getElementById('inc').dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
  await settle();
  assert.deepEqual({ ...lv.stages() }, { events: 0, roundTrip: 0, patches: 0, apply: 0, after: 0 }, 'nothing before the reply');
  await new Promise((r) => setTimeout(r, 5));
  answer();
  await settle();
  const s = lv.stages(true);
  assert.equal(s.events, 1);
  assert.equal(s.patches, 1);
  assert.ok(s.roundTrip >= 4, `the round trip includes the wait for the reply: ${s.roundTrip}`);
  assert.ok(s.apply >= 0 && s.after >= 0);
  assert.equal(lv.stages().events, 0, 'reset');
});
