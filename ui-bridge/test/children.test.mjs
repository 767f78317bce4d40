// Child components (patch.js, view.js): a child's region is a wrapper `data-lv-cid="N"` its parent
// renders. A patch's `c` entries apply to their regions after the enclosing patch's own ops, in
// numeric cid order; slot and list ids are looked up only among a component's own elements; every
// morph keeps a wrapper's content (it is the child's), also when the wrapper moves to another
// element, slot or list item or changes its tag in the patch; events carry the cid of the
// component that rendered the element (or its parent with `lv-target="parent"`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boot, settle } from './load.mjs';

const ROOT = '<div data-live-view="t" data-lv-id="lv1">';

function page(html, opts) {
  const b = boot(`${ROOT}${html}</div>`, opts);
  return { ...b, root: b.document.querySelector('[data-live-view]') };
}

const slotIn = (el, id) => Array.from(el.querySelectorAll(`[data-slot="${id}"]`));
const region = (root, cid) => root.querySelector(`[data-lv-cid="${cid}"]`);
/** The event requests sent so far, as sent. */
const requests = (calls) => calls.filter((c) => c.cmd === 'plugin:golivekit|event').map((c) => c.args);
const click = (t, el) => el.dispatchEvent(new t.window.MouseEvent('click', { bubbles: true }));

test("a child's patch changes only its own slot when parent and child use the same slot id", () => {
  const { root, lv, errors } = page(
    '<div data-lv-cid="2" data-key="a"><b data-slot="n">child</b><i data-slot="t" title="c">c</i></div>' +
    '<b data-slot="n">parent</b><i data-slot="t" title="p">p</i>',
  );
  const [childN, parentN] = slotIn(root, 'n');
  const [childT, parentT] = slotIn(root, 't');
  lv.applyPatch(root, { v: 1, s: { n: 'parent 2' } });
  assert.equal(childN.textContent, 'child');
  assert.equal(parentN.textContent, 'parent 2');
  lv.applyPatch(root, { v: 2, c: { 2: { s: { n: 'child 2' }, a: { t: { title: 'c2' } }, h: { t: '<u>c2</u>' } } } });
  assert.equal(childN.textContent, 'child 2');
  assert.equal(parentN.textContent, 'parent 2');
  assert.equal(childT.getAttribute('title'), 'c2');
  assert.equal(childT.innerHTML, '<u>c2</u>');
  assert.equal(parentT.getAttribute('title'), 'p');
  assert.equal(parentT.innerHTML, 'p');
  lv.applyPatch(root, { v: 3, a: { t: { title: 'p3' } }, h: { t: 'p3' } });
  assert.equal(childT.getAttribute('title'), 'c2');
  assert.equal(parentT.outerHTML, '<i data-slot="t" title="p3">p3</i>');
  assert.deepEqual(errors, []);
});

test("a parent's slot that exists only inside a child is not the parent's", () => {
  const { root, lv, errors } = page('<div data-lv-cid="2"><b data-slot="n">child</b></div>');
  lv.applyPatch(root, { v: 1, s: { n: 'parent' } });
  assert.equal(root.querySelector('b').textContent, 'child');
  assert.ok(errors.some((e) => e.includes('"n"')), errors.join('\n'));
});

test('a grandchild\'s slot is neither its parent\'s nor the root\'s', () => {
  const { root, lv } = page(
    '<div data-lv-cid="2"><section data-lv-cid="5"><b data-slot="n">g</b></section><b data-slot="n">c</b></div><b data-slot="n">r</b>',
  );
  lv.applyPatch(root, { v: 1, s: { n: 'r2' }, c: { 2: { s: { n: 'c2' } }, 5: { s: { n: 'g2' } } } });
  assert.deepEqual(slotIn(root, 'n').map((el) => el.textContent), ['g2', 'c2', 'r2']);
});

test('list ids of parent and child are separate too', () => {
  const items = (keys) => keys.map((k) => `<li data-key="${k}">${k}</li>`).join('');
  const { root, lv } = page(`<div data-lv-cid="3"><ul data-list="l">${items(['a'])}</ul></div><ol data-list="l">${items(['x'])}</ol>`);
  lv.applyPatch(root, { v: 1, l: { l: [{ op: 'insert', key: 'y', index: 1, html: '<li data-key="y">y</li>' }] } });
  lv.applyPatch(root, { v: 2, c: { 3: { l: { l: [{ op: 'remove', key: 'a' }] } } } });
  assert.equal(root.querySelector('ul').innerHTML, '');
  assert.equal(root.querySelector('ol').innerHTML, items(['x', 'y']));
});

test("a parent's f morph keeps a child's DOM nodes and content, and gives the wrapper the new attributes", () => {
  const { root, lv } = page(
    '<h1>Old</h1><section class="card" data-lv-cid="2" data-key="a"><p data-slot="n">kept</p><input name="q"></section>',
  );
  const wrapper = region(root, 2);
  const p = root.querySelector('p');
  p.marked = true;
  lv.applyPatch(root, { v: 1, f: '<h1>New</h1><section class="card on" data-lv-cid="2" data-key="a" title="A"></section>' });
  assert.equal(region(root, 2), wrapper);
  assert.equal(root.querySelector('p'), p);
  assert.equal(p.marked, true);
  assert.equal(p.textContent, 'kept');
  assert.ok(wrapper.querySelector('input'));
  assert.equal(wrapper.getAttribute('class'), 'card on');
  assert.equal(wrapper.getAttribute('title'), 'A');
  assert.equal(root.querySelector('h1').textContent, 'New');
});

test('a wrapper is never morphed into a plain element or another child, even with the same key', () => {
  const { root, lv } = page('<div data-key="a"><p>plain</p></div><div data-lv-cid="2" data-key="b"><p>two</p></div>');
  const plain = root.querySelector('[data-key=a]');
  lv.applyPatch(root, { v: 1, f: '<div data-lv-cid="4" data-key="a"></div><div data-key="b"><p>now plain</p></div>' });
  assert.notEqual(region(root, 4), plain);
  assert.equal(region(root, 4).innerHTML, '', 'the new wrapper is inserted empty');
  assert.equal(region(root, 2), null);
  assert.equal(root.querySelector('[data-key=b]').outerHTML, '<div data-key="b"><p>now plain</p></div>');
});

test('a wrapper whose cid changed at the same place is replaced by the new empty wrapper, then filled by its entry', () => {
  const { root, lv } = page('<div data-lv-cid="2" data-key="a"><p data-slot="n">old child</p></div>');
  const old = region(root, 2);
  const oldP = old.querySelector('p');
  lv.applyPatch(root, {
    v: 1,
    f: '<div data-lv-cid="7" data-key="a"></div>',
    c: { 7: { f: '<p data-slot="n">new child</p>' } },
  });
  assert.equal(old.isConnected, false);
  assert.equal(oldP.isConnected, false);
  assert.equal(root.innerHTML, '<div data-lv-cid="7" data-key="a"><p data-slot="n">new child</p></div>');
});

test('an h morph of a parent slot keeps the wrappers inside it', () => {
  const { root, lv } = page('<div data-slot="box"><span>a</span><div data-lv-cid="2"><b>child</b></div></div>');
  const b = root.querySelector('b');
  lv.applyPatch(root, { v: 1, h: { box: '<span>A</span><div data-lv-cid="2" class="x"></div>' } });
  assert.equal(root.querySelector('b'), b);
  assert.equal(root.querySelector('[data-slot=box]').innerHTML, '<span>A</span><div data-lv-cid="2" class="x"><b>child</b></div>');
});

test("a child's own f morphs its content but keeps its grandchildren's", () => {
  const { root, lv } = page('<div data-lv-cid="2"><h2>c</h2><div data-lv-cid="3"><b>g</b></div></div>');
  const b = root.querySelector('b');
  lv.applyPatch(root, { v: 1, c: { 2: { f: '<h2>c2</h2><div data-lv-cid="3"></div>' } } });
  assert.equal(root.querySelector('b'), b);
  assert.equal(region(root, 2).innerHTML, '<h2>c2</h2><div data-lv-cid="3"><b>g</b></div>');
});

test('moving a child in a keyed list keeps its nodes; removing it removes them', () => {
  const kid = (cid, key) => `<li data-lv-cid="${cid}" data-key="${key}"><span data-slot="n">${key}</span></li>`;
  const { root, lv } = page(`<ul data-list="kids">${kid(2, 'a')}${kid(3, 'b')}${kid(4, 'c')}</ul>`);
  const [a, b, c] = root.querySelectorAll('li');
  const aSpan = a.querySelector('span');
  aSpan.marked = true;
  lv.applyPatch(root, { v: 1, l: { kids: [{ op: 'move', key: 'a', index: 2 }, { op: 'remove', key: 'b' }] } });
  assert.deepEqual(Array.from(root.querySelectorAll('li')), [c, a]);
  assert.equal(a.querySelector('span'), aSpan);
  assert.equal(aSpan.marked, true);
  assert.equal(aSpan.textContent, 'a');
  assert.equal(b.isConnected, false);
  assert.equal(root.querySelectorAll('[data-slot=n]').length, 2);
});

test('a list update of a child keeps its content; one that names another cid replaces it', () => {
  const { root, lv } = page('<ul data-list="kids"><li data-lv-cid="2" data-key="a"><b>two</b></li></ul>');
  const li = root.querySelector('li');
  const b = root.querySelector('b');
  lv.applyPatch(root, { v: 1, l: { kids: [{ op: 'update', key: 'a', html: '<li data-lv-cid="2" data-key="a" class="on"></li>' }] } });
  assert.equal(root.querySelector('li'), li);
  assert.equal(root.querySelector('b'), b);
  assert.equal(li.getAttribute('class'), 'on');
  lv.applyPatch(root, {
    v: 2,
    l: { kids: [{ op: 'update', key: 'a', html: '<li data-lv-cid="5" data-key="a"></li>' }] },
    c: { 5: { f: '<b>five</b>' } },
  });
  assert.equal(li.isConnected, false);
  assert.equal(root.querySelector('ul').innerHTML, '<li data-lv-cid="5" data-key="a"><b>five</b></li>');
});

test("a child whose wrapper moves into another element in the root's f keeps its nodes, content and focused field", () => {
  const t = page(
    '<h1>T</h1><div class="box"></div>' +
    '<div data-lv-cid="2" data-key="a"><p data-slot="n">two</p><input name="q" value="v"></div>' +
    '<div data-lv-cid="3" data-key="b"><p data-slot="n">three</p></div>',
  );
  const { root, lv, document } = t;
  const [two, three] = [region(root, 2), region(root, 3)];
  const [p2, p3] = root.querySelectorAll('p');
  p2.marked = 2;
  p3.marked = 3;
  const input = root.querySelector('input');
  input.focus();
  input.value = 'typed';
  input.setSelectionRange(1, 3);
  // 2 moves into the (matched) box before its old place; 3 into a new element after its old place
  lv.applyPatch(root, {
    v: 1,
    f: '<h1>T</h1><div class="box"><div data-lv-cid="2" data-key="a" class="in"></div></div>' +
      '<aside><div data-lv-cid="3" data-key="b"></div></aside>',
  });
  assert.equal(region(root, 2), two);
  assert.equal(region(root, 3), three);
  assert.equal(two.parentElement, root.querySelector('.box'));
  assert.equal(three.parentElement, root.querySelector('aside'));
  assert.deepEqual(Array.from(root.querySelectorAll('p')), [p2, p3]);
  assert.deepEqual([p2.marked, p3.marked], [2, 3]);
  assert.equal(root.innerHTML,
    '<h1>T</h1><div class="box"><div data-lv-cid="2" data-key="a" class="in"><p data-slot="n">two</p><input name="q" value="v"></div></div>' +
    '<aside><div data-lv-cid="3" data-key="b"><p data-slot="n">three</p></div></aside>');
  assert.equal(root.querySelector('input'), input);
  assert.equal(document.activeElement, input, 'the moved field is focused again');
  assert.equal(input.value, 'typed');
  assert.deepEqual([input.selectionStart, input.selectionEnd], [1, 3]);
  assert.deepEqual(t.errors, []);
});

test("a child moved from slot a's h to slot b's h in one patch keeps its nodes and content, either way round", () => {
  const { root, lv, errors } = page(
    '<div data-slot="a"><span>A</span><section data-lv-cid="3" data-key="k"><b data-slot="n">kid</b></section></div>' +
    '<div data-slot="b"></div>',
  );
  const wrapper = region(root, 3);
  const b = root.querySelector('b');
  b.marked = true;
  const [slotA, slotB] = [root.querySelector('[data-slot=a]'), root.querySelector('[data-slot=b]')];
  // a's morph drops the wrapper first, b's brings it back; its own entry then applies to it
  lv.applyPatch(root, {
    v: 1,
    h: { a: '<span>A</span>', b: '<section data-lv-cid="3" data-key="k" class="b"></section>' },
    c: { 3: { s: { n: 'kid 2' } } },
  });
  assert.equal(region(root, 3), wrapper);
  assert.equal(wrapper.parentElement, slotB);
  assert.equal(root.querySelector('b'), b);
  assert.equal(b.marked, true);
  assert.equal(slotA.innerHTML, '<span>A</span>');
  assert.equal(slotB.innerHTML, '<section data-lv-cid="3" data-key="k" class="b"><b data-slot="n">kid 2</b></section>');
  // back: a's morph takes it from b, which has not run yet
  lv.applyPatch(root, { v: 2, h: { a: '<span>A</span><section data-lv-cid="3" data-key="k"></section>', b: '' } });
  assert.equal(wrapper.parentElement, slotA);
  assert.equal(root.querySelector('b'), b);
  assert.equal(root.innerHTML,
    '<div data-slot="a"><span>A</span><section data-lv-cid="3" data-key="k"><b data-slot="n">kid 2</b></section></div>' +
    '<div data-slot="b"></div>');
  assert.deepEqual(errors, []);
});

test("a child whose wrapper's tag changes keeps its content nodes in the new element", () => {
  const { root, lv } = page(
    '<div data-lv-cid="2" data-key="a" class="c"><p>kept</p><i>too</i></div>' +
    '<ul data-list="l"><li data-lv-cid="5" data-key="x"><b>five</b></li></ul>',
  );
  const old = region(root, 2);
  const [p, i] = [root.querySelector('p'), root.querySelector('i')];
  p.marked = true;
  lv.applyPatch(root, {
    v: 1,
    f: '<section data-lv-cid="2" data-key="a" class="c2"></section><ul data-list="l"><li data-lv-cid="5" data-key="x"></li></ul>',
    c: { 2: { f: '<p>kept</p><i>too</i>' } },
  });
  const now = region(root, 2);
  assert.equal(now.nodeName, 'SECTION');
  assert.equal(old.isConnected, false);
  assert.deepEqual(Array.from(now.childNodes), [p, i]);
  assert.equal(p.marked, true);
  assert.equal(root.querySelectorAll('[data-lv-cid="2"]').length, 1);
  assert.equal(now.outerHTML, '<section data-lv-cid="2" data-key="a" class="c2"><p>kept</p><i>too</i></section>');
  // the same through a list update of an item that is a wrapper
  const five = root.querySelector('b');
  lv.applyPatch(root, { v: 2, l: { l: [{ op: 'update', key: 'x', html: '<div data-lv-cid="5" data-key="x" class="d"></div>' }] } });
  assert.equal(root.querySelector('b'), five);
  assert.equal(root.querySelector('ul').innerHTML, '<div data-lv-cid="5" data-key="x" class="d"><b>five</b></div>');
});

test('a child inside a list item that is removed and inserted again keeps its content', () => {
  const { root, lv, errors } = page(
    '<ul data-list="l"><li data-key="a"><div data-lv-cid="4"><span>kid</span></div></li>' +
    '<li data-lv-cid="6" data-key="b"><em>six</em></li></ul>',
  );
  const four = region(root, 4);
  const [span, em] = [root.querySelector('span'), root.querySelector('em')];
  span.marked = true;
  em.marked = true;
  lv.applyPatch(root, {
    v: 1,
    l: { l: [
      { op: 'remove', key: 'a' },
      { op: 'remove', key: 'b' },
      { op: 'insert', key: 'b2', index: 0, html: '<li data-lv-cid="6" data-key="b2" class="n"></li>' },
      { op: 'insert', key: 'a2', index: 1, html: '<li data-key="a2"><section><div data-lv-cid="4" class="n"></div></section></li>' },
    ] },
  });
  assert.equal(region(root, 4), four);
  assert.equal(root.querySelector('span'), span);
  assert.equal(root.querySelector('em'), em);
  assert.deepEqual([span.marked, em.marked], [true, true]);
  assert.equal(root.querySelector('ul').innerHTML,
    '<li data-lv-cid="6" data-key="b2" class="n"><em>six</em></li>' +
    '<li data-key="a2"><section><div data-lv-cid="4" class="n"><span>kid</span></div></section></li>');
  assert.deepEqual(errors, []);
});

test('a wrapper matched in place stays there, and its cid named again in the same HTML gets an empty wrapper', () => {
  const { root, lv } = page('<div data-lv-cid="2"><b>two</b></div>');
  const b = root.querySelector('b');
  lv.applyPatch(root, { v: 1, f: '<div data-lv-cid="2"></div><section><div data-lv-cid="2"></div></section>' });
  assert.equal(root.querySelector('b'), b);
  assert.equal(root.innerHTML, '<div data-lv-cid="2"><b>two</b></div><section><div data-lv-cid="2"></div></section>');
});

test("a cid the page did not show is inserted empty even when a shown child moves in the same patch", () => {
  const { root, lv } = page('<div data-lv-cid="2"><b>two</b></div>');
  const b = root.querySelector('b');
  lv.applyPatch(root, {
    v: 1,
    f: '<main><div data-lv-cid="2"></div><div data-lv-cid="9"></div></main>',
    c: { 9: { f: '<i>nine</i>' } },
  });
  assert.equal(root.querySelector('b'), b);
  assert.equal(root.innerHTML, '<main><div data-lv-cid="2"><b>two</b></div><div data-lv-cid="9"><i>nine</i></div></main>');
});

test('a focused input inside a child keeps its value, focus and caret while the parent morphs and a sibling child patches', async () => {
  const t = page(
    '<h1>T</h1><div data-lv-cid="2" data-key="a"><input name="q" value="v1"></div>' +
    '<div data-lv-cid="3" data-key="b"><span data-slot="n">1</span></div>',
  );
  await settle();
  const input = t.root.querySelector('input');
  input.focus();
  input.value = 'typed';
  input.setSelectionRange(2, 4);
  t.channelOf('lv1')({ type: 'patch', v: 1, patch: {
    v: 1,
    f: '<h1>T2</h1><div data-lv-cid="2" data-key="a" class="x"></div><div data-lv-cid="3" data-key="b"></div>',
    c: { 3: { s: { n: '2' } } },
  } }, 0);
  assert.equal(t.root.querySelector('input'), input);
  assert.equal(t.document.activeElement, input);
  assert.equal(input.value, 'typed');
  assert.deepEqual([input.selectionStart, input.selectionEnd], [2, 4]);
  assert.equal(t.root.querySelector('h1').textContent, 'T2');
  assert.equal(region(t.root, 2).getAttribute('class'), 'x');
  assert.equal(t.root.querySelector('[data-slot=n]').textContent, '2');
  // the child's own re-render of the field: the server value waits for the blur
  t.channelOf('lv1')({ type: 'patch', v: 2, patch: { v: 2, c: { 2: { f: '<input name="q" value="server">' } } } }, 1);
  assert.equal(t.root.querySelector('input'), input);
  assert.equal(input.value, 'typed');
  assert.equal(input.getAttribute('value'), 'server');
  input.blur();
  assert.equal(input.value, 'server');
  assert.deepEqual(t.errors, []);
});

test('entries apply in numeric cid order (10 after 9), and a missing region is reported while the rest applies', () => {
  const { root, lv, errors } = page('<div data-lv-cid="9"><p data-slot="box"></p></div><b data-slot="n">r</b>');
  lv.applyPatch(root, {
    v: 1,
    s: { n: 'r2' },
    c: {
      9: { h: { box: '<span data-lv-cid="10"></span>' } },
      10: { f: '<i data-slot="n">ten</i>' },
      12: { s: { n: 'ghost' } },
    },
  });
  assert.equal(region(root, 9).innerHTML, '<p data-slot="box"><span data-lv-cid="10"><i data-slot="n">ten</i></span></p>');
  assert.equal(root.querySelector('b').textContent, 'r2');
  assert.equal(errors.length, 1, errors.join('\n'));
  assert.match(errors[0], /child component 12/);
});

test('clicks send the cid of the component that rendered the element: child, grandchild, none for the root', async () => {
  const t = page(
    '<button id="r" lv-click="root_ev">r</button>' +
    '<div data-lv-cid="2"><button id="c" lv-click="child_ev"><span id="inner">c</span></button>' +
    '<div data-lv-cid="5" lv-click="wrapper_ev" id="w"><button id="g" lv-click="grand_ev">g</button></div></div>',
  );
  await settle();
  for (const id of ['r', 'inner', 'g', 'w']) click(t, t.document.getElementById(id));
  await settle();
  const sent = requests(t.calls);
  assert.deepEqual(sent.map((r) => [r.event, r.cid]), [['root_ev', undefined], ['child_ev', 2], ['grand_ev', 5], ['wrapper_ev', 2]]);
  assert.equal('cid' in sent[0], false, 'no cid key for the root');
  assert.deepEqual(sent[1], { viewId: 'lv1', page: 1, ref: 2, cid: 2, event: 'child_ev', payload: {} });
});

test('lv-target="parent" sends to the parent component, and from a child of the root to the root', async () => {
  const t = page(
    '<div data-lv-cid="2"><button id="c" lv-click="up" lv-target="parent">c</button>' +
    '<div data-lv-cid="5"><button id="g" lv-click="up" lv-target="parent">g</button></div></div>' +
    '<button id="r" lv-click="up" lv-target="parent">r</button>',
  );
  await settle();
  for (const id of ['g', 'c', 'r']) click(t, t.document.getElementById(id));
  await settle();
  const sent = requests(t.calls);
  assert.deepEqual(sent.map((r) => r.cid), [2, undefined, undefined]);
  assert.equal('cid' in sent[1], false);
  assert.deepEqual(t.errors, []);
});

test('an unknown lv-target is reported once and the event goes to the element\'s own component', async () => {
  const t = page('<div data-lv-cid="3"><button id="b" lv-click="x" lv-target="#other">b</button></div>');
  await settle();
  const b = t.document.getElementById('b');
  click(t, b);
  await settle();
  click(t, b);
  await settle();
  assert.deepEqual(requests(t.calls).map((r) => r.cid), [3, 3]);
  assert.equal(t.errors.filter((e) => e.includes('lv-target')).length, 1, t.errors.join('\n'));
});

test("a form submit inside a child carries the child's cid", async () => {
  const t = page('<div data-lv-cid="4"><form lv-submit="save"><input name="title" value="T"><button>go</button></form></div>');
  await settle();
  t.document.querySelector('form').dispatchEvent(new t.window.Event('submit', { bubbles: true, cancelable: true }));
  await settle();
  assert.deepEqual(requests(t.calls).map((r) => [r.event, r.cid, r.payload]), [['save', 4, { title: 'T' }]]);
});

test("a debounced input inside a child goes to that child, also when flushed by another component's event", async () => {
  const t = page(
    '<div data-lv-cid="2"><input name="q" lv-input="search"></div><button id="r" lv-click="go">r</button>',
    { fakeTimers: true },
  );
  await settle();
  const input = t.root.querySelector('input');
  input.focus();
  input.value = 'abc';
  input.dispatchEvent(new t.window.Event('input', { bubbles: true }));
  click(t, t.document.getElementById('r'));
  await settle();
  assert.deepEqual(requests(t.calls).map((r) => [r.event, r.cid]), [['search', 2], ['go', undefined]]);
});

test('window key bindings, JS command pushes and hooks send the cid of their element\'s component', async () => {
  const t = page(
    '<div data-lv-cid="6"><div lv-window-keydown="key" lv-key="k"></div>' +
    '<button id="cmd" lv-click=\'[["push",{"event":"cmd"}]]\'>c</button>' +
    '<div id="hooked" lv-hook="H"></div></div>',
  );
  await settle();
  const hooks = [];
  t.lv.hook('H', { mounted() { hooks.push(this); } });
  t.window.dispatchEvent(new t.window.KeyboardEvent('keydown', { key: 'k' }));
  click(t, t.document.getElementById('cmd'));
  hooks[0].pushEvent('from_hook', { a: 1 });
  hooks[0].pushEventTo(null, 'to_root');
  hooks[0].pushEventTo(9, 'to_nine');
  assert.throws(() => hooks[0].pushEventTo("9", "bad"), t.window.TypeError);
  await settle();
  assert.deepEqual(requests(t.calls).map((r) => [r.event, r.cid]),
    [['key', 6], ['cmd', 6], ['from_hook', 6], ['to_root', undefined], ['to_nine', 9]]);
});

test("a record switch by a wrapper's new cid sends the held text to the old child, then shows the new one's", async () => {
  const t = page(
    '<div data-slot="panel" data-lv-cid="5"><textarea name="body" lv-input="save">one</textarea></div>',
    { fakeTimers: true },
  );
  await settle();
  const ta = t.root.querySelector('textarea');
  ta.focus();
  ta.value = 'draft for five';
  ta.dispatchEvent(new t.window.Event('input', { bubbles: true }));
  t.channelOf('lv1')({ type: 'patch', v: 1, patch: {
    v: 1,
    a: { panel: { 'data-lv-cid': '6' } },
    c: { 6: { f: '<textarea name="body" lv-input="save">six</textarea>' } },
  } }, 0);
  await settle();
  assert.equal(t.root.querySelector('textarea'), ta, 'the morph kept the element');
  assert.deepEqual(requests(t.calls).map((r) => [r.cid, r.payload.value]), [[5, 'draft for five']]);
  assert.equal(ta.value, 'six');
});

test('a resync applies the children\'s entries after the root', async () => {
  const t = page('<div data-lv-cid="2"><b data-slot="n">stale</b></div>', {
    fakeTimers: true,
    onInvoke: (cmd) => {
      if (cmd.endsWith('|connect')) return { v: 0, page: 1 };
      if (cmd.endsWith('|resync')) {
        return { v: 3, patch: { v: 3, r: { 'data-live-view': 't', 'data-lv-id': 'lv1' },
          f: '<div data-lv-cid="2"></div><div data-lv-cid="4"></div>',
          c: { 2: { f: '<b data-slot="n">fresh</b>' }, 4: { f: '<i>new</i>' } } } };
      }
      return null;
    },
  });
  await settle();
  const b = t.root.querySelector('b');
  t.channelOf('lv1')({ type: 'patch', v: 3, patch: { v: 3, s: { n: 'x' } } }, 0);
  t.clock.tick(1000);
  await settle();
  assert.equal(t.root.innerHTML, '<div data-lv-cid="2"><b data-slot="n">fresh</b></div><div data-lv-cid="4"><i>new</i></div>');
  assert.equal(t.root.querySelector('b'), b);
  assert.deepEqual(t.errors, []);
});

test('patches with children are accepted in every message that carries one; bad entries are refused', () => {
  const { lv } = boot('');
  const v = lv.validators;
  const c = { 2: { s: { n: 'x' } }, 10: { f: '<p></p>', l: { l: [{ op: 'remove', key: 'a' }] } } };
  assert.deepEqual(Array.from(v.server_message({ type: 'patch', v: 1, patch: { v: 1, c } })), []);
  assert.deepEqual(Array.from(v.event_reply({ ref: 1, v: 1, patch: { v: 1, c } })), []);
  assert.deepEqual(Array.from(v.resync_reply({ v: 1, patch: { v: 1, f: '', c } })), []);
  for (const bad of [
    { 2: { v: 1 } }, { 2: { r: {} } }, { 2: { c: {} } }, { 0: {} }, { '02': {} }, { '-1': {} }, { x: {} },
    { 2: { s: { n: 1 } } }, { 2: { l: { l: [{ op: 'insert', key: 'a' }] } } }, { 2: 'no' }, { 2: { z: 1 } },
  ]) {
    assert.ok(v.patch({ v: 1, c: bad }).length > 0, JSON.stringify(bad));
  }
  assert.ok(v.patch({ v: 1, c: [] }).length > 0);
  assert.ok(v.patch({ c: {} }).length > 0, 'v stays required');
  assert.deepEqual(Array.from(v.event_request({ viewId: 'a', ref: 1, cid: 3, event: 'e', payload: {} })), []);
  for (const cid of [0, -1, 1.5, '3', null]) {
    assert.ok(v.event_request({ viewId: 'a', ref: 1, cid, event: 'e', payload: {} }).length > 0, String(cid));
  }
});

test('lv-target and data-lv-cid are known to the binding check', async () => {
  const t = page('<div data-lv-cid="2"><button lv-click="x" lv-target="parent">b</button></div>');
  await settle();
  assert.deepEqual(t.errors, []);
});
