// Element identity (issue 12, item 4): an element with an id that survives a render is the same DOM
// node after the patch, also when its ancestors change tag or nesting — as morphdom does — so
// focus, selection, what the user typed and hooks on it survive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boot, settle } from './load.mjs';

/** Boots `inner` in a view and returns a function applying a patch to it through the view. */
async function page(inner) {
  const t = boot(`<div data-live-view="v" data-lv-id="lv1">${inner}</div>`);
  await settle();
  let v = 0;
  let index = 0;
  const patch = async (p) => {
    v += 1;
    t.channelOf('lv1')({ type: 'patch', v, patch: { v, ...p } }, index++);
    await settle();
  };
  return { ...t, patch, root: t.document.querySelector('[data-live-view]') };
}

test('an element whose parent changes tag is the same node, focused, with its text and caret', async () => {
  const t = await page('<div class="box"><input id="title" name="title" value="Draft"></div>');
  const input = t.document.getElementById('title');
  input.focus();
  input.value = 'Draft two';
  input.setSelectionRange(3, 5);
  await t.patch({ f: '<section class="box"><input id="title" name="title" value="Draft"></section>' });
  assert.equal(t.document.getElementById('title'), input, 'the same node');
  assert.equal(input.parentElement.nodeName, 'SECTION');
  assert.equal(t.document.activeElement, input, 'still focused');
  assert.equal(input.value, 'Draft two', 'what the user typed stays');
  assert.deepEqual([input.selectionStart, input.selectionEnd], [3, 5]);
  assert.equal(t.root.querySelectorAll('div').length, 0, 'the old parent is gone');
});

test('nested ids keep their nodes when they move into a new element and out of an old one', async () => {
  const t = await page('<div id="outer"><p><span id="inner">a</span></p></div><aside></aside>');
  const [outer, inner] = ['outer', 'inner'].map((id) => t.document.getElementById(id));
  await t.patch({ f: '<aside><div id="outer" class="moved"><span id="inner">b</span></div></aside>' });
  assert.equal(t.document.getElementById('outer'), outer);
  assert.equal(t.document.getElementById('inner'), inner);
  assert.equal(outer.className, 'moved', 'its attributes follow the render');
  assert.equal(inner.textContent, 'b', 'its content follows the render');
  assert.equal(t.root.innerHTML, '<aside><div id="outer" class="moved"><span id="inner">b</span></div></aside>');
});

test('an id that moves earlier in the document keeps its node too', async () => {
  const t = await page('<header></header><main><textarea id="body">x</textarea></main>');
  const body = t.document.getElementById('body');
  await t.patch({ f: '<header><textarea id="body">x</textarea></header><main></main>' });
  assert.equal(t.document.getElementById('body'), body);
  assert.equal(t.root.innerHTML, '<header><textarea id="body">x</textarea></header><main></main>');
});

test('a changed tag with the same id is a new element, and an id used twice moves once', async () => {
  const t = await page('<div><p id="x">p</p></div>');
  const p = t.document.getElementById('x');
  await t.patch({ f: '<section><span id="x">s</span><p id="x">again</p></section>' });
  assert.notEqual(t.root.querySelector('span#x'), p, 'another tag: another element');
  const ps = t.root.querySelectorAll('p#x');
  assert.equal(ps.length, 1);
  assert.equal(ps[0], p, 'the p keeps its node');
  assert.equal(t.root.innerHTML, '<section><span id="x">s</span><p id="x">again</p></section>');
});

test('a slot morph keeps an id whose wrapper inside the slot changed', async () => {
  const t = await page('<div data-slot="s"><form><input id="q" value="1"></form></div>');
  const q = t.document.getElementById('q');
  await t.patch({ h: { s: '<fieldset><input id="q" value="2"></fieldset>' } });
  assert.equal(t.document.getElementById('q'), q);
  assert.equal(q.value, '2', 'not focused, never edited: the server value');
});

test('a hook on an element that moves stays mounted: no destroyed, no second mounted', async () => {
  const calls = [];
  const t = boot('<div data-live-view="v" data-lv-id="lv1"><div><canvas id="chart" lv-hook="Chart"></canvas></div></div>', {
    before: (w) => {
      w.golivekitHooks = { Chart: { mounted() { calls.push('mounted'); }, destroyed() { calls.push('destroyed'); } } };
    },
  });
  await settle();
  const canvas = t.document.getElementById('chart');
  t.channelOf('lv1')({ type: 'patch', v: 1, patch: { v: 1, f: '<figure><canvas id="chart" lv-hook="Chart"></canvas></figure>' } }, 0);
  await settle();
  assert.equal(t.document.getElementById('chart'), canvas);
  assert.deepEqual(calls, ['mounted']);
});
