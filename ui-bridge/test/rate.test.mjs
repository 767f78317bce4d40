// Rate limits (rate.js) on a fake clock: debounce in ms and on blur, the 300 ms default of
// lv-input, throttle with a trailing event, and flushes on blur and before a view's events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boot, settle } from './load.mjs';

const view = (html) => `<div data-live-view="r" data-lv-id="lv1">${html}</div>`;

async function page(html) {
  const t = boot(view(html), { fakeTimers: true });
  await settle();
  return t;
}

/** Types `text` one character at a time, `gap` ms apart, firing input events. */
function type(t, el, text, gap = 50) {
  for (const ch of text) {
    el.value += ch;
    el.dispatchEvent(new t.window.Event('input', { bubbles: true }));
    t.clock.tick(gap);
  }
}

test('typing "abc" fast into a debounced input sends exactly one event with "abc"', async () => {
  const t = await page('<input id="q" name="q" lv-input="search" lv-debounce="200">');
  type(t, t.document.getElementById('q'), 'abc');
  await settle();
  assert.deepEqual(t.events(), [], 'nothing while typing');
  t.clock.tick(200);
  await settle();
  assert.deepEqual(t.events(), [['search', { name: 'q', value: 'abc' }]]);
});

test('lv-input without lv-debounce waits 300 ms of quiet', async () => {
  const t = await page('<input id="q" lv-input="search">');
  type(t, t.document.getElementById('q'), 'ab', 100);
  t.clock.tick(199); // 299 ms since the last keystroke
  await settle();
  assert.deepEqual(t.events(), []);
  t.clock.tick(1);
  await settle();
  assert.deepEqual(t.events(), [['search', { value: 'ab' }]]);
});

test('pauses longer than the debounce send each settled value', async () => {
  const t = await page('<input id="q" lv-input="search" lv-debounce="100">');
  const q = t.document.getElementById('q');
  type(t, q, 'a', 150);
  type(t, q, 'b', 150);
  await settle();
  assert.deepEqual(t.events().map((e) => e[1].value), ['a', 'ab']);
});

test('lv-debounce="0" and other bindings without a limit send at once', async () => {
  const t = await page('<input id="q" lv-input="search" lv-debounce="0"><input id="c" lv-change="c">');
  type(t, t.document.getElementById('q'), 'x', 0);
  t.document.getElementById('c').dispatchEvent(new t.window.Event('change', { bubbles: true }));
  await settle();
  assert.deepEqual(t.events(), [['search', { value: 'x' }], ['c', { value: '' }]]);
});

test('lv-debounce="blur" sends only when the field loses focus, with the final value', async () => {
  const t = await page('<input id="q" lv-input="note" lv-debounce="blur"><input id="other">');
  const q = t.document.getElementById('q');
  q.focus();
  type(t, q, 'hello', 1000);
  await settle();
  assert.deepEqual(t.events(), []);
  t.document.getElementById('other').focus();
  await settle();
  assert.deepEqual(t.events(), [['note', { value: 'hello' }]]);
});

test('blur sends a pending debounced event at once, before the blur event', async () => {
  const t = await page('<input id="q" lv-input="search" lv-blur="left"><input id="other">');
  const q = t.document.getElementById('q');
  q.focus();
  type(t, q, 'ab', 10);
  t.document.getElementById('other').focus();
  await settle();
  assert.deepEqual(t.events(), [['search', { value: 'ab' }], ['left', { value: 'ab' }]]);
  t.clock.tick(1000);
  await settle();
  assert.equal(t.events().length, 2, 'the debounce does not fire again later');
});

test('throttle sends the first at once, then at most one per interval with the latest value', async () => {
  const t = await page('<input id="s" lv-input="slide" lv-throttle="100">');
  const s = t.document.getElementById('s');
  type(t, s, '1234', 20); // t = 0, 20, 40, 60
  await settle();
  assert.deepEqual(t.events().map((e) => e[1].value), ['1']);
  t.clock.tick(20); // t = 100: the trailing event, with the latest value
  await settle();
  assert.deepEqual(t.events().map((e) => e[1].value), ['1', '1234']);
  t.clock.tick(500); // nothing held: the interval ends quietly
  type(t, s, '5', 0);
  await settle();
  assert.deepEqual(t.events().map((e) => e[1].value), ['1', '1234', '12345'], 'a new burst starts at once');
});

test('throttle applies to clicks too: a double click sends one event, then one trailing', async () => {
  const t = await page('<button id="b" lv-click="go" lv-throttle="500">go</button>');
  const b = t.document.getElementById('b');
  b.click();
  b.click();
  b.click();
  await settle();
  assert.equal(t.events().length, 1);
  t.clock.tick(500);
  await settle();
  assert.equal(t.events().length, 2);
});

test('a submit first sends every held value of its view, its fields and the others, in the order typed', async () => {
  const t = await page(`<form id="f" lv-submit="save"><input id="a" name="a" lv-input="a" lv-debounce="1000">
    <input id="b" name="b" lv-input="b"></form><input id="outside" lv-input="outside" lv-debounce="1000">`);
  const [a, b] = ['a', 'b'].map((id) => t.document.getElementById(id));
  type(t, a, 'x', 10);
  type(t, b, 'y', 10);
  type(t, t.document.getElementById('outside'), 'z', 10);
  t.document.getElementById('f').dispatchEvent(new t.window.Event('submit', { bubbles: true, cancelable: true }));
  await settle();
  assert.deepEqual(t.events(), [
    ['a', { name: 'a', value: 'x' }],
    ['b', { name: 'b', value: 'y' }],
    ['outside', { value: 'z' }],
    ['save', { a: 'x', b: 'y' }],
  ]);
  const refs = t.calls.filter((c) => c.cmd.endsWith('|event')).map((c) => c.args.ref);
  assert.deepEqual(refs, [1, 2, 3, 4], 'sent in that order');
  t.clock.tick(2000);
  await settle();
  assert.equal(t.events().length, 4, 'nothing is sent twice when the debounces would have fired');
});

test('a click on a button of the form flushes its pending debounced input too', async () => {
  const t = await page(`<form><input id="q" name="q" lv-input="q"><button type="button" id="go" lv-click="go">go</button></form>`);
  type(t, t.document.getElementById('q'), 'hi', 10);
  t.document.getElementById('go').click();
  await settle();
  assert.deepEqual(t.events().map((e) => e[0]), ['q', 'go']);
});

test('a form-level lv-input is debounced per field and keeps the latest form', async () => {
  const t = await page('<form lv-input="form"><input id="a" name="a"><input id="b" name="b"></form>');
  type(t, t.document.getElementById('a'), 'aa', 10);
  t.clock.tick(300);
  await settle();
  assert.deepEqual(t.events(), [['form', { a: 'aa', b: '', _target: 'a' }]]);
});

test('a bad lv-debounce is reported naming the element and the event goes at once', async () => {
  const t = await page('<input id="q" lv-input="search" lv-debounce="soon">');
  type(t, t.document.getElementById('q'), 'a', 0);
  await settle();
  assert.deepEqual(t.events(), [['search', { value: 'a' }]]);
  assert.ok(t.errors.some((e) => e.includes('lv-debounce="soon"') && e.includes('<input id="q"')), t.errors.join('\n'));
});
