// The client side of issue 4 beyond the corpus: keyed list ops keep elements and focus, and the
// focused-field policy — a server value for the field the user is in waits until they leave it,
// unless they type after it arrived (then their value wins).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boot } from './load.mjs';

const ROOT = '<div data-live-view="t" data-lv-id="lv1">';
const list = (keys) => `<ul data-list="l">${keys.map((k) => `<li data-key="${k}">${k}</li>`).join('')}</ul>`;

function page(html) {
  const b = boot(`${ROOT}${html}</div>`);
  return { ...b, root: b.document.querySelector('[data-live-view]') };
}

const keys = (root) => Array.from(root.querySelectorAll('[data-list=l] > li')).map((li) => li.dataset.key);

test('keyed moves keep the moved elements themselves', () => {
  const { root, lv } = page(list(['A', 'B', 'C', 'D']));
  const [a, , , d] = root.querySelectorAll('li');
  lv.applyPatch(root, { v: 1, l: { l: [{ op: 'move', key: 'D', index: 0 }, { op: 'move', key: 'A', index: 3 }] } });
  assert.deepEqual(keys(root), ['D', 'B', 'C', 'A']);
  assert.equal(root.querySelectorAll('li')[0], d);
  assert.equal(root.querySelectorAll('li')[3], a);
});

test('list ops end in target order whatever order they are listed in', () => {
  const { root, lv } = page(list(['A', 'B', 'C']));
  lv.applyPatch(root, { v: 1, l: { l: [
    { op: 'insert', key: 'X', index: 0, html: '<li data-key="X">X</li>' },
    { op: 'move', key: 'A', index: 3 },
    { op: 'move', key: 'C', index: 1 },
  ] } });
  assert.deepEqual(keys(root), ['X', 'C', 'B', 'A']);
});

test('an insert_run takes each item\'s key from its own data-key', () => {
  const { root, lv, errors } = page(list(['A', 'D']));
  const [a, d] = root.querySelectorAll('li');
  lv.applyPatch(root, { v: 1, l: { l: [
    { op: 'insert_run', index: 1, items: ['<li data-key="B">B &lt;i&gt;</li>', '<li data-key="C">C</li>'] },
    { op: 'move', key: 'A', index: 3 },
  ] } });
  assert.deepEqual(keys(root), ['D', 'B', 'C', 'A']);
  assert.equal(root.querySelectorAll('li')[0], d);
  assert.equal(root.querySelectorAll('li')[3], a);
  assert.equal(root.querySelector('li i'), null, 'item text stays text');
  // The run's items are known by the keys they carry: a later op can name them.
  lv.applyPatch(root, { v: 2, l: { l: [{ op: 'update', key: 'C', html: '<li data-key="C" class="on">C!</li>' }] } });
  assert.equal(root.querySelectorAll('li')[2].outerHTML, '<li data-key="C" class="on">C!</li>');
  assert.deepEqual(errors, []);
});

test('an insert_run item that is not an element with a data-key is left out with a warning; the rest go in', () => {
  const { root, lv, errors } = page(list(['A']));
  lv.applyPatch(root, { v: 1, l: { l: [
    { op: 'insert_run', index: 1, items: ['<li data-key="B">B</li>', '<li>no key</li>', 'just text'] },
  ] } });
  assert.deepEqual(keys(root), ['A', 'B']);
  assert.equal(errors.length, 2, errors.join('\n'));
  assert.match(errors[0], /not an element with a data-key/);
});

test('inserts and moves at consecutive indexes go in between kept items, around items without a key', () => {
  const { root, lv, errors } = page('<ul data-list="l"><li class="head">head</li><li data-key="A">A</li><li data-key="B">B</li><li data-key="C">C</li><li class="foot">foot</li></ul>');
  const [, a, b, c] = root.querySelectorAll('li');
  lv.applyPatch(root, { v: 1, l: { l: [
    { op: 'move', key: 'C', index: 1 },
    { op: 'insert_run', index: 2, items: ['<li data-key="X">X</li>', '<li data-key="Y">Y</li>'] },
    { op: 'insert', key: 'Z', index: 5, html: '<li data-key="Z">Z</li>' },
  ] } });
  const all = Array.from(root.querySelectorAll('li')).map((li) => li.dataset.key ?? li.className);
  assert.deepEqual(all, ['head', 'A', 'C', 'X', 'Y', 'B', 'foot', 'Z']);
  const now = root.querySelectorAll('li');
  assert.equal(now[1], a);
  assert.equal(now[2], c);
  assert.equal(now[5], b);
  assert.deepEqual(errors, []);
});

test('a run of table rows is parsed as rows of the list it goes into', () => {
  const { root, lv, errors } = page('<table><tbody data-list="l"><tr data-key="A"><td>A</td></tr></tbody></table>');
  lv.applyPatch(root, { v: 1, l: { l: [
    { op: 'insert_run', index: 0, items: ['<tr data-key="X"><td>X</td></tr>', '<tr data-key="Y"><td>Y &amp; y</td></tr>'] },
  ] } });
  const rows = Array.from(root.querySelectorAll('tbody > tr')).map((tr) => [tr.dataset.key, tr.cells[0].textContent]);
  assert.deepEqual(rows, [['X', 'X'], ['Y', 'Y & y'], ['A', 'A']]);
  assert.deepEqual(errors, []);
});

test('an update op morphs the item in place', () => {
  const { root, lv } = page(list(['A', 'B']));
  const b = root.querySelectorAll('li')[1];
  lv.applyPatch(root, { v: 1, l: { l: [{ op: 'update', key: 'B', html: '<li data-key="B" class="on">B!</li>' }] } });
  assert.equal(root.querySelectorAll('li')[1], b);
  assert.equal(b.outerHTML, '<li data-key="B" class="on">B!</li>');
});

test('a focused input inside a moved item keeps focus, value and caret', () => {
  const item = (k) => `<li data-key="${k}"><input name="${k}" value="${k}"></li>`;
  const { root, lv, document } = page(`<ul data-list="l">${item('A')}${item('B')}</ul>`);
  const input = root.querySelector('input[name=A]');
  input.focus();
  input.value = 'typing';
  input.setSelectionRange(2, 4);
  lv.applyPatch(root, { v: 1, l: { l: [{ op: 'move', key: 'A', index: 1 }] } });
  assert.deepEqual(keys(root), ['B', 'A']);
  assert.equal(document.activeElement, input);
  assert.equal(input.value, 'typing');
  assert.deepEqual([input.selectionStart, input.selectionEnd], [2, 4]);
});

test('a server value for the focused field is applied when the user leaves it', () => {
  const { root, lv, document, window } = page('<input data-slot="q" name="q" value="old"><button>x</button>');
  const input = root.querySelector('input');
  input.focus();
  lv.applyPatch(root, { v: 1, a: { q: { value: 'server' } } });
  assert.equal(input.value, 'old', 'not overwritten while focused');
  assert.equal(input.getAttribute('value'), 'server', 'the attribute follows the server');
  assert.equal(document.activeElement, input);
  input.blur();
  assert.equal(input.value, 'server', 'applied on blur');
  assert.ok(window);
});

test('typing after a held server value arrived wins over it', () => {
  const { root, lv, window } = page('<form data-slot="f"><input name="q" value="old"></form>');
  const input = root.querySelector('input');
  input.focus();
  lv.applyPatch(root, { v: 1, h: { f: '<input name="q" value="server">' } });
  input.value = 'mine';
  input.dispatchEvent(new window.Event('input', { bubbles: true }));
  input.blur();
  assert.equal(input.value, 'mine');
});

test('a focused textarea keeps its text until blur, then takes the server text', () => {
  const { root, lv } = page('<textarea data-slot="t">old</textarea>');
  const ta = root.querySelector('textarea');
  ta.focus();
  ta.value = 'draft';
  lv.applyPatch(root, { v: 1, s: { t: 'server' } });
  assert.equal(ta.value, 'draft');
  assert.equal(ta.textContent, 'server');
  ta.blur();
  assert.equal(ta.value, 'server');
});

test('an unfocused field takes the server value at once', () => {
  const { root, lv } = page('<input data-slot="q" value="old">');
  const input = root.querySelector('input');
  input.value = 'edited then left';
  lv.applyPatch(root, { v: 1, a: { q: { value: 'server' } } });
  assert.equal(input.value, 'server');
});

test('root attribute changes are applied and removed, the view id stays', () => {
  const { root, lv } = page('<p>x</p>');
  lv.applyPatch(root, { v: 1, r: { class: 'dark' } });
  assert.equal(root.getAttribute('class'), 'dark');
  lv.applyPatch(root, { v: 2, r: { class: null } });
  assert.equal(root.hasAttribute('class'), false);
  assert.equal(root.getAttribute('data-lv-id'), 'lv1');
});

test('scroll position of a morphed slot survives', () => {
  const { root, lv } = page('<div data-slot="s" style="overflow:auto;height:10px"><p>1</p></div>');
  const el = root.querySelector('[data-slot=s]');
  el.scrollTop = 7;
  lv.applyPatch(root, { v: 1, h: { s: '<p>2</p>' } });
  assert.equal(root.querySelector('[data-slot=s]'), el);
  assert.equal(el.scrollTop, 7);
});
