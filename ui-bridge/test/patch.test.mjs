// applyPatch: text stays text, markup is morphed in place, attributes follow, focus survives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boot } from './load.mjs';

const ROOT = '<div data-live-view="t" data-lv-id="lv1">';

test('text slot is set as text, never parsed as markup', () => {
  const { document, lv } = boot(`${ROOT}<b data-slot="name">x</b></div>`);
  const root = document.querySelector('[data-live-view]');
  lv.applyPatch(root, { v: 1, s: { name: '<img src=x onerror="alert(1)">' } });
  assert.equal(root.querySelector('img'), null);
  assert.equal(root.querySelector('[data-slot=name]').textContent, '<img src=x onerror="alert(1)">');
});

test('markup slot morph keeps the focused input, its value and caret', () => {
  const { document, lv } = boot(`${ROOT}<form data-slot="f"><label>A</label><input name="q" value="old"></form></div>`);
  const root = document.querySelector('[data-live-view]');
  const input = root.querySelector('input');
  input.focus();
  input.value = 'typed by the user';
  input.setSelectionRange(3, 5);
  lv.applyPatch(root, { v: 1, h: { f: '<label>B</label><input name="q" value="server">' } });
  assert.equal(root.querySelector('input'), input, 'same element');
  assert.equal(document.activeElement, input);
  assert.equal(input.value, 'typed by the user');
  assert.deepEqual([input.selectionStart, input.selectionEnd], [3, 5]);
  assert.equal(root.querySelector('label').textContent, 'B');
});

test('an unfocused input takes the server value', () => {
  const { document, lv } = boot(`${ROOT}<form data-slot="f"><input name="q" value="old"></form></div>`);
  const root = document.querySelector('[data-live-view]');
  lv.applyPatch(root, { v: 1, h: { f: '<input name="q" value="server">' } });
  assert.equal(root.querySelector('input').value, 'server');
});

test('slot attributes are set and removed', () => {
  const { document, lv } = boot(`${ROOT}<i data-slot="b" class="a" hidden>!</i></div>`);
  const root = document.querySelector('[data-live-view]');
  lv.applyPatch(root, { v: 1, a: { b: { class: 'c', hidden: null, title: 'T' } } });
  const el = root.querySelector('i');
  assert.equal(el.getAttribute('class'), 'c');
  assert.equal(el.hasAttribute('hidden'), false);
  assert.equal(el.getAttribute('title'), 'T');
});

test('full-root morph keeps unchanged elements in place', () => {
  const { document, lv } = boot(`${ROOT}<h1>Old</h1><button lv-click="x">go</button></div>`);
  const root = document.querySelector('[data-live-view]');
  const button = root.querySelector('button');
  lv.applyPatch(root, { v: 1, f: '<h1>New</h1><button lv-click="x">go</button><p>added</p>' });
  assert.equal(root.querySelector('button'), button);
  assert.equal(root.querySelector('h1').textContent, 'New');
  assert.equal(root.querySelector('p').textContent, 'added');
});

test('keyed children are moved, not rebuilt', () => {
  const { document, lv } = boot(`${ROOT}<ul data-slot="l"><li data-key="a">A</li><li data-key="b">B</li></ul></div>`);
  const root = document.querySelector('[data-live-view]');
  const [a, b] = root.querySelectorAll('li');
  lv.applyPatch(root, { v: 1, h: { l: '<li data-key="b">B</li><li data-key="a">A!</li>' } });
  const after = root.querySelectorAll('li');
  assert.equal(after[0], b);
  assert.equal(after[1], a);
  assert.equal(a.textContent, 'A!');
});

test('a patch naming a missing slot is reported and the rest applies', () => {
  const { document, lv, errors } = boot(`${ROOT}<b data-slot="n">1</b></div>`);
  const root = document.querySelector('[data-live-view]');
  lv.applyPatch(root, { v: 1, s: { ghost: 'x', n: '2' } });
  assert.equal(root.querySelector('b').textContent, '2');
  assert.ok(errors.some((e) => e.includes('ghost')));
});

test('the client-owned lv-pending attribute survives a morph', () => {
  const { document, lv } = boot(`${ROOT}<button lv-click="x" lv-pending>go</button></div>`);
  const root = document.querySelector('[data-live-view]');
  lv.applyPatch(root, { v: 1, f: '<button lv-click="x">go</button>' });
  assert.ok(root.querySelector('button').hasAttribute('lv-pending'));
});

test('adjacent items removed and moved in one patch leave together; the moved one is the same node, the rest keep their order and the text between them', () => {
  const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => `<li data-key="${k}">${k}</li>`);
  // a text node between e and f: b..e is one run, g another (f stays)
  const html = `${items.slice(0, 5).join('')} ${items.slice(5).join('')}`;
  const { document, lv } = boot(`${ROOT}<ul data-list="l">${html}</ul></div>`);
  const root = document.querySelector('[data-live-view]');
  const ul = root.querySelector('ul');
  const before = Object.fromEntries(Array.from(ul.children).map((li) => [li.dataset.key, li]));
  lv.applyPatch(root, {
    v: 1,
    l: {
      l: [
        { op: 'remove', key: 'b' },
        { op: 'remove', key: 'c' },
        { op: 'move', key: 'd', index: 0 },
        { op: 'remove', key: 'e' },
        { op: 'remove', key: 'g' },
      ],
    },
  });
  assert.deepEqual(Array.from(ul.children).map((li) => li.dataset.key), ['d', 'a', 'f']);
  assert.equal(ul.children[0], before.d, 'the moved item is the same node');
  assert.equal(ul.children[1], before.a);
  assert.equal(ul.children[2], before.f);
  assert.equal(ul.textContent, 'da f', 'the text node between items stays');
});
