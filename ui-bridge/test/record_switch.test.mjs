// Record switches (patch.js): when a patch changes what the focused field is bound to — its name,
// lv-value-*, id, form, its form's identity, or the key/id of an ancestor — its held runs go to the
// OLD binding first, then the server's content wins at once although the field is focused. A patch
// that leaves the binding alone keeps the user's text; a server value for a focused field the user
// has not changed (or whose change the server has seen) is held until blur.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boot, settle } from './load.mjs';

const NOTE = (id, text, extra = '') => `<textarea data-slot="t" name="body" lv-input="save_note" lv-value-id="${id}"${extra}>${text}</textarea>`;

/** Boots `html` in a view (fake clock) and returns helpers to type and to push patches in order. */
async function page(html) {
  const t = boot(`<div data-live-view="n" data-lv-id="lv1">${html}</div>`, { fakeTimers: true });
  await settle();
  let index = 0;
  let v = 0;
  /** Sends the next patch over the view's channel (applied through the view, like Rust's). */
  const patch = (p) => {
    v += 1;
    t.channelOf('lv1')({ type: 'patch', v, patch: { v, ...p } }, index++);
  };
  /** The user puts `text` into `el` (focused), firing one input event. */
  const typeInto = (el, text) => {
    el.focus();
    el.value = text;
    el.dispatchEvent(new t.window.Event('input', { bubbles: true }));
  };
  const sent = () => t.events();
  return { ...t, patch, typeInto, sent, root: t.document.querySelector('[data-live-view]') };
}

test('a patch that rebinds a focused textarea (a then s) sends the held text with the old id first, then shows the new record', async () => {
  const t = await page(NOTE('1', 'note one'));
  const ta = t.document.querySelector('textarea');
  t.typeInto(ta, 'my draft for one');
  t.patch({ a: { t: { 'lv-value-id': '2' } }, s: { t: 'note two' } });
  await settle();
  assert.deepEqual(t.sent(), [['save_note', { id: '1', name: 'body', value: 'my draft for one' }]]);
  assert.equal(ta.value, 'note two', "the server's text for record 2");
  assert.equal(t.document.activeElement, ta, 'still focused');
  assert.deepEqual([ta.selectionStart, ta.selectionEnd], [8, 8], 'caret at the end');
  ta.blur();
  t.clock.tick(1000);
  await settle();
  assert.equal(ta.value, 'note two', 'nothing of the old record comes back on blur');
  assert.equal(t.sent().length, 1, 'the draft is not sent again');
});

test('after a record switch, typing goes to the new record', async () => {
  const t = await page(NOTE('1', 'note one'));
  const ta = t.document.querySelector('textarea');
  t.typeInto(ta, 'draft');
  t.patch({ a: { t: { 'lv-value-id': '2' } }, s: { t: 'note two' } });
  t.typeInto(ta, 'note two!');
  t.clock.tick(300);
  await settle();
  assert.deepEqual(t.sent().map(([, p]) => [p.id, p.value]), [['1', 'draft'], ['2', 'note two!']]);
});

test('a patch that changes only the text of the focused field keeps what the user typed until blur', async () => {
  const t = await page(NOTE('1', 'note one'));
  const ta = t.document.querySelector('textarea');
  t.typeInto(ta, 'my draft');
  t.patch({ s: { t: 'note one, edited elsewhere' } });
  await settle();
  assert.deepEqual(t.sent(), [], 'the held run keeps waiting for its debounce');
  assert.equal(ta.value, 'my draft', "the user's text stays");
  ta.blur();
  await settle();
  assert.deepEqual(t.sent(), [['save_note', { id: '1', name: 'body', value: 'my draft' }]]);
  assert.equal(ta.value, 'my draft', 'the patch was rendered before the server saw the draft: it never replaces it');
  t.patch({ s: { t: 'note one, saved' } }); // rendered after the save was answered
  await settle();
  assert.equal(ta.value, 'note one, saved');
});

test('a server value for a focused field the user has not changed waits for blur', async () => {
  const t = await page(NOTE('1', 'note one'));
  const ta = t.document.querySelector('textarea');
  ta.focus();
  t.patch({ s: { t: 'note one, edited elsewhere' } });
  await settle();
  assert.equal(ta.value, 'note one', 'not written under the user');
  ta.blur();
  assert.equal(ta.value, 'note one, edited elsewhere', 'the held server text on blur');
});

test('an h morph that rebinds the focused textarea switches the record', async () => {
  const t = await page(`<div data-slot="editor">${NOTE('1', 'note one').replace(' data-slot="t"', '')}</div>`);
  const ta = t.document.querySelector('textarea');
  t.typeInto(ta, 'draft one');
  t.patch({ h: { editor: NOTE('2', 'note two').replace(' data-slot="t"', '') } });
  await settle();
  assert.equal(t.document.querySelector('textarea'), ta, 'the morph kept the element');
  assert.deepEqual(t.sent(), [['save_note', { id: '1', name: 'body', value: 'draft one' }]]);
  assert.equal(ta.value, 'note two');
});

test('an f morph that changes only the text of the focused textarea keeps the user text', async () => {
  const t = await page(NOTE('1', 'note one').replace(' data-slot="t"', ''));
  const ta = t.document.querySelector('textarea');
  t.typeInto(ta, 'draft');
  t.patch({ f: NOTE('1', 'server text').replace(' data-slot="t"', '') });
  await settle();
  assert.equal(ta.value, 'draft');
  assert.deepEqual(t.sent(), []);
});

test('a keyed list update that rebinds the focused field switches the record', async () => {
  const item = (id, text) => `<li data-key="row">${NOTE(id, text).replace(' data-slot="t"', '')}</li>`;
  const t = await page(`<ul data-list="notes">${item('1', 'note one')}</ul>`);
  const ta = t.document.querySelector('textarea');
  t.typeInto(ta, 'draft one');
  t.patch({ l: { notes: [{ op: 'update', key: 'row', html: item('2', 'note two') }] } });
  await settle();
  assert.deepEqual(t.sent(), [['save_note', { id: '1', name: 'body', value: 'draft one' }]]);
  assert.equal(ta.value, 'note two');
});

test('a focused field whose keyed item is re-keyed sends its held text to the old record', async () => {
  const item = (key, id, text) => `<li data-key="${key}">${NOTE(id, text).replace(' data-slot="t"', '')}</li>`;
  const t = await page(`<ul data-slot="notes">${item('n1', '1', 'note one')}</ul>`);
  const ta = t.document.querySelector('textarea');
  t.typeInto(ta, 'draft one');
  t.patch({ h: { notes: item('n2', '2', 'note two') } });
  await settle();
  assert.deepEqual(t.sent(), [['save_note', { id: '1', name: 'body', value: 'draft one' }]]);
  assert.equal(t.document.querySelector('textarea').value, 'note two', 'the new item shows record 2');
  assert.equal(ta.isConnected, false);
});

test('a name change of the focused input is a record switch', async () => {
  const t = await page('<input data-slot="q" name="title" lv-input="save" lv-debounce="blur" value="One">');
  const input = t.document.querySelector('input');
  t.typeInto(input, 'One, edited');
  t.patch({ a: { q: { name: 'subtitle', value: 'Sub' } } });
  await settle();
  assert.deepEqual(t.sent(), [['save', { name: 'title', value: 'One, edited' }]], 'a blur-debounced value goes too');
  assert.equal(input.value, 'Sub');
  assert.equal(input.selectionStart, 3);
});

test("a change of the focused field's form identity is a record switch", async () => {
  const t = await page('<form data-slot="f" lv-input="save" lv-value-id="1"><input name="title" value="One"></form>');
  const input = t.document.querySelector('input');
  t.typeInto(input, 'mine');
  t.patch({ a: { f: { 'lv-value-id': '2' } }, h: { f: '<input name="title" value="Two">' } });
  await settle();
  assert.deepEqual(t.sent(), [['save', { id: '1', title: 'mine', _target: 'title' }]]);
  assert.equal(input.value, 'Two');
});

test('a focused select that is rebound takes the server option at once', async () => {
  const select = (id, on) => `<select data-slot="s" name="status" lv-change="set" lv-value-id="${id}">${['open', 'done'].map((o) => `<option${o === on ? ' selected' : ''}>${o}</option>`).join('')}</select>`;
  const t = await page(select('1', 'open'));
  const el = t.document.querySelector('select');
  el.focus();
  el.value = 'done';
  t.patch({ h: { s: select('2', 'open').replace(/^<select[^>]*>|<\/select>$/g, '') }, a: { s: { 'lv-value-id': '2' } } });
  await settle();
  assert.equal(el.value, 'open');
});

test('attributes that are not part of the binding leave the policy as it was', async () => {
  const t = await page(NOTE('1', 'note one'));
  const ta = t.document.querySelector('textarea');
  t.typeInto(ta, 'draft');
  t.patch({ a: { t: { class: 'dirty', rows: '4' } }, s: { t: 'server' } });
  await settle();
  assert.equal(ta.value, 'draft');
  assert.deepEqual(t.sent(), []);
});
