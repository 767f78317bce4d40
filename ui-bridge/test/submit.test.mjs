// lv-submit: the whole form as the payload, repeated names as arrays, and the page never navigates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boot, settle } from './load.mjs';

const FORM = `<div data-live-view="f" data-lv-id="lv1">
  <form id="f" lv-submit="save" lv-value-kind="note" lv-value-title="from-attr">
    <input name="title" value="Tom &amp; Jerry">
    <input type="checkbox" name="tags" value="a" checked>
    <input type="checkbox" name="tags" value="b">
    <input type="checkbox" name="tags" value="c" checked>
    <input type="checkbox" name="one" value="x" checked>
    <select name="pick" multiple><option selected>p</option><option>q</option><option selected>r</option></select>
    <textarea name="body">line
two</textarea>
    <button id="go">Save</button>
  </form></div>`;

function submitted(calls) {
  return calls.filter((c) => c.cmd === 'plugin:golivekit|event').map((c) => [c.args.event, c.args.payload]);
}

test('a submit sends every field, repeated names and multi-selects as arrays', async () => {
  const { document, calls, window } = boot(FORM);
  await settle();
  const ev = new window.Event('submit', { bubbles: true, cancelable: true });
  document.getElementById('f').dispatchEvent(ev);
  await settle();
  assert.ok(ev.defaultPrevented, 'the page never navigates');
  assert.deepEqual(submitted(calls), [
    [
      'save',
      {
        kind: 'note',
        title: 'Tom & Jerry',
        tags: ['a', 'c'],
        one: 'x',
        pick: ['p', 'r'],
        body: 'line\ntwo',
      },
    ],
  ]);
});

test('a single checked box of a group still arrives as an array', async () => {
  const { document, calls, window } = boot(FORM);
  await settle();
  document.querySelector('[value=c]').checked = false;
  document.getElementById('f').dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
  await settle();
  assert.deepEqual(submitted(calls)[0][1].tags, ['a']);
});

test('the form carries lv-pending until the ack', async () => {
  let answer;
  const { document, window } = boot(FORM, {
    onInvoke: (cmd) => (cmd.endsWith('|event') ? new Promise((r) => (answer = r)) : { v: 0 }),
  });
  await settle();
  const form = document.getElementById('f');
  form.dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
  await settle();
  assert.ok(form.hasAttribute('lv-pending'));
  answer({ ref: 1, v: 0 });
  await settle();
  assert.ok(!form.hasAttribute('lv-pending'));
});

test('a form without lv-submit is left to the browser', async () => {
  const { document, calls, window } = boot('<div data-live-view="f" data-lv-id="lv1"><form id="p"></form></div>');
  await settle();
  const ev = new window.Event('submit', { bubbles: true, cancelable: true });
  document.getElementById('p').dispatchEvent(ev);
  assert.ok(!ev.defaultPrevented);
  assert.deepEqual(submitted(calls), []);
});

test('after a successful submit ack the form shows the server-rendered values, even in the focused field', async () => {
  let answer;
  const { document, window } = boot(
    '<div data-live-view="c" data-lv-id="lv1"><form id="f" lv-submit="say"><input name="text" value=""></form></div>',
    { onInvoke: (cmd) => (cmd.endsWith('|event') ? new Promise((r) => (answer = r)) : { v: 0 }) },
  );
  await settle();
  const field = document.querySelector('input[name=text]');
  field.focus();
  field.value = 'hello';
  document.getElementById('f').dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
  await settle();
  assert.equal(field.value, 'hello', 'kept while the submit is in flight');
  answer({ ref: 1, v: 0 });
  await settle();
  assert.equal(field.value, '', 'cleared to what the server rendered');
});

test('a refused submit leaves what the user typed', async () => {
  const { document, window } = boot(
    '<div data-live-view="c" data-lv-id="lv1"><form id="f" lv-submit="say"><input name="text" value=""></form></div>',
    { onInvoke: (cmd) => (cmd.endsWith('|event') ? { __reject: { code: 'handler_error', message: 'no' } } : { v: 0 }) },
  );
  await settle();
  const field = document.querySelector('input[name=text]');
  field.value = 'keep me';
  document.getElementById('f').dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
  await settle();
  await settle();
  assert.equal(field.value, 'keep me');
});
