// Payloads of every binding (bindings.js): controls, forms with _target, keys with lv-key,
// window keys, focus/blur, and the precedence of a control's value over lv-value-*.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boot, settle } from './load.mjs';

const view = (html) => `<div data-live-view="b" data-lv-id="lv1">${html}</div>`;

/** Boots `html` in a view with fake timers and waits for the connect. */
async function page(html) {
  const t = boot(view(html), { fakeTimers: true });
  await settle();
  return t;
}

const change = (t, el) => el.dispatchEvent(new t.window.Event('change', { bubbles: true }));
const input = (t, el) => el.dispatchEvent(new t.window.Event('input', { bubbles: true }));
const key = (t, el, type, k) => el.dispatchEvent(new t.window.KeyboardEvent(type, { key: k, bubbles: true }));

test('a checked checkbox sends true and an unchecked one false, never "on"', async () => {
  const t = await page('<input id="c" type="checkbox" name="done" lv-change="toggle" lv-value-id="7">');
  const box = t.document.getElementById('c');
  box.checked = true;
  change(t, box);
  box.checked = false;
  change(t, box);
  await settle();
  assert.deepEqual(t.events(), [
    ['toggle', { id: '7', name: 'done', value: true }],
    ['toggle', { id: '7', name: 'done', value: false }],
  ]);
});

test('a radio sends the value of the checked radio of its group', async () => {
  const t = await page(`<form><input type="radio" name="plan" value="free" lv-change="plan">
    <input id="pro" type="radio" name="plan" value="pro" lv-change="plan"></form>`);
  const pro = t.document.getElementById('pro');
  pro.checked = true;
  change(t, pro);
  await settle();
  assert.deepEqual(t.events(), [['plan', { name: 'plan', value: 'pro' }]]);
});

test('a select sends its value and a multi-select an array of the selected values', async () => {
  const t = await page(`<select id="s" name="size" lv-change="size"><option>s</option><option selected>m</option></select>
    <select id="m" lv-change="tags" multiple><option selected>a</option><option>b</option><option selected>c</option></select>`);
  change(t, t.document.getElementById('s'));
  change(t, t.document.getElementById('m'));
  await settle();
  assert.deepEqual(t.events(), [['size', { name: 'size', value: 'm' }], ['tags', { value: ['a', 'c'] }]]);
});

test('a control value always wins over an lv-value-* of the same name', async () => {
  const t = await page('<input id="q" name="q" lv-change="find" lv-value-value="not this" lv-value-name="nor this" lv-value-page="2">');
  const q = t.document.getElementById('q');
  q.value = 'typed';
  change(t, q);
  await settle();
  assert.deepEqual(t.events(), [['find', { value: 'typed', name: 'q', page: '2' }]]);
});

test('lv-change on a form sends the whole form plus the name of the changed field as _target', async () => {
  const t = await page(`<form lv-change="validate" lv-value-_target="x" lv-value-step="1">
    <input id="email" name="email" value="a@b">
    <input type="checkbox" name="tags" value="a" checked><input type="checkbox" name="tags" value="b">
    <input type="checkbox" name="terms" value="yes">
    <input type="checkbox" name="news">
    <input type="radio" name="plan" value="free"><input type="radio" name="plan" value="pro" checked></form>`);
  change(t, t.document.getElementById('email'));
  await settle();
  assert.deepEqual(t.events(), [['validate', {
    step: '1', email: 'a@b', tags: ['a'], news: false, plan: 'pro', _target: 'email',
  }]]);
});

test('a checkbox group with nothing checked arrives as an empty array', async () => {
  const t = await page(`<form id="f" lv-submit="save"><input type="checkbox" name="tags" value="a">
    <input type="checkbox" name="tags" value="b"></form>`);
  t.document.getElementById('f').dispatchEvent(new t.window.Event('submit', { bubbles: true, cancelable: true }));
  await settle();
  assert.deepEqual(t.events(), [['save', { tags: [] }]]);
});

test('lv-input on a form fires for any field inside and carries _target', async () => {
  const t = await page('<form lv-input="typing"><input id="a" name="a"><textarea id="b" name="b"></textarea></form>');
  const b = t.document.getElementById('b');
  b.value = 'hi';
  input(t, b);
  t.clock.tick(300);
  await settle();
  assert.deepEqual(t.events(), [['typing', { a: '', b: 'hi', _target: 'b' }]]);
});

test('a field binding of its own wins over its form binding', async () => {
  const t = await page('<form lv-change="form"><input id="a" name="a" lv-change="field"></form>');
  change(t, t.document.getElementById('a'));
  await settle();
  assert.deepEqual(t.events(), [['field', { name: 'a', value: '' }]]);
});

test('Enter with lv-key="Enter" sends the key and the field value; other keys send nothing', async () => {
  const t = await page('<input id="e" name="entry" lv-keydown="enter" lv-key="enter" lv-value-key="no">');
  const e = t.document.getElementById('e');
  e.value = 'milk';
  key(t, e, 'keydown', 'a');
  key(t, e, 'keydown', 'Escape');
  key(t, e, 'keydown', 'Enter');
  await settle();
  assert.deepEqual(t.events(), [['enter', { key: 'Enter', name: 'entry', value: 'milk' }]]);
});

test('lv-keyup without a filter sends every key with the lv-value-* of the element', async () => {
  const t = await page('<div id="d" tabindex="0" lv-keyup="up" lv-value-pane="left"></div>');
  key(t, t.document.getElementById('d'), 'keyup', 'x');
  key(t, t.document.getElementById('d'), 'keydown', 'y');
  await settle();
  assert.deepEqual(t.events(), [['up', { pane: 'left', key: 'x' }]]);
});

test('window key bindings hear keys pressed anywhere, filtered by lv-key', async () => {
  const t = await page(`<div lv-window-keydown="esc" lv-key="Escape"></div><div lv-window-keyup="any"></div>
    <p id="p">text</p>`);
  key(t, t.document.getElementById('p'), 'keydown', 'Escape');
  key(t, t.document.body, 'keydown', 'q');
  key(t, t.document.body, 'keyup', 'q');
  await settle();
  assert.deepEqual(t.events(), [['esc', { key: 'Escape' }], ['any', { key: 'q' }]]);
});

test('focus and blur send lv-focus and lv-blur with the field value, on that element only', async () => {
  const t = await page(`<div lv-focus="wrapper"><input id="a" name="a" value="1" lv-focus="in" lv-blur="out" lv-value-x="y">
    <input id="b"></div>`);
  const a = t.document.getElementById('a');
  a.focus();
  t.document.getElementById('b').focus();
  await settle();
  assert.deepEqual(t.events(), [['in', { x: 'y', name: 'a', value: '1' }], ['out', { x: 'y', name: 'a', value: '1' }]]);
});

test('a click sends its lv-value-* only and does not stop a checkbox from checking', async () => {
  const t = await page('<input id="c" type="checkbox" lv-click="clicked" lv-value-n="1">');
  const c = t.document.getElementById('c');
  c.click();
  await settle();
  assert.equal(c.checked, true);
  assert.deepEqual(t.events(), [['clicked', { n: '1' }]]);
});

test('an unknown lv-* attribute is reported at boot naming the element, and a patch that inserts one too', async () => {
  const t = await page('<button id="x" lv-clik="oops">x</button><p data-slot="p"></p>');
  assert.ok(t.errors.some((e) => e.includes('unknown binding lv-clik') && e.includes('<button id="x"')), t.errors.join('\n'));
  t.channelOf('lv1')({ type: 'patch', v: 1, patch: { v: 1, h: { p: '<span lv-hoverr="x">s</span>' } } }, 0);
  assert.ok(t.errors.some((e) => e.includes('unknown binding lv-hoverr')), t.errors.join('\n'));
});

test('a binding with no event name is reported and sends nothing', async () => {
  const t = await page('<button id="b" lv-click="">b</button>');
  t.document.getElementById('b').click();
  await settle();
  assert.deepEqual(t.events(), []);
  assert.ok(t.errors.some((e) => e.includes('names no event')));
});

test('listeners are delegated: markup inserted by a patch works without re-binding', async () => {
  const t = await page('<div data-slot="list"></div>');
  t.channelOf('lv1')({ type: 'patch', v: 1, patch: { v: 1, h: { list: '<button id="n" lv-click="new">n</button>' } } }, 0);
  t.document.getElementById('n').click();
  await settle();
  assert.deepEqual(t.events(), [['new', {}]]);
});

test('lv-key with modifiers matches only that combination: Ctrl+K, Shift+Enter, Mod+S', async () => {
  const t = await page(`<div lv-window-keydown="palette" lv-key="Ctrl+K"></div>
    <div lv-window-keydown="newline" lv-key="Shift+Enter"></div><div lv-window-keydown="save" lv-key="Mod+S"></div>`);
  const press = (k, mods = {}) =>
    t.document.body.dispatchEvent(new t.window.KeyboardEvent('keydown', { key: k, bubbles: true, ...mods }));
  press('k');
  press('k', { ctrlKey: true, altKey: true });
  press('K', { ctrlKey: true });
  press('Enter');
  press('Enter', { shiftKey: true });
  press('s', { ctrlKey: true });
  await settle();
  assert.deepEqual(t.events().map(([e]) => e), ['palette', 'newline', 'save']);
});

test('a bare lv-key ignores modifiers, as Phoenix does', async () => {
  const t = await page('<div lv-window-keydown="esc" lv-key="Escape"></div>');
  t.document.body.dispatchEvent(new t.window.KeyboardEvent('keydown', { key: 'Escape', ctrlKey: true, bubbles: true }));
  await settle();
  assert.deepEqual(t.events().map(([e]) => e), ['esc']);
});

test('a right-click on an lv-contextmenu element sends its event and keeps the webview menu shut', async () => {
  const t = await page('<ul><li id="n" lv-contextmenu="note_menu" lv-value-id="7">Note</li></ul><p id="plain">plain</p>');
  const right = (el) => {
    const e = new t.window.MouseEvent('contextmenu', { bubbles: true, cancelable: true, button: 2 });
    el.dispatchEvent(e);
    return e.defaultPrevented;
  };
  assert.equal(right(t.document.getElementById('n')), true, 'the webview menu does not open');
  assert.equal(right(t.document.getElementById('plain')), false, 'elsewhere it does');
  t.clock.tick(1000);
  await settle();
  assert.deepEqual(t.events(), [['note_menu', { id: '7' }]]);
});

test('a right-button click inside an lv-contextmenu element does not activate a label under it', async () => {
  const t = await page('<ul><li lv-contextmenu="menu"><label id="l"><input id="c" type="checkbox"> Milk</label></li></ul>');
  const click = (button) => {
    const e = new t.window.MouseEvent('click', { bubbles: true, cancelable: true, button });
    t.document.getElementById('l').dispatchEvent(e);
    return e.defaultPrevented;
  };
  assert.equal(click(2), true, 'the right button: cancelled');
  assert.equal(t.document.getElementById('c').checked, false);
  assert.equal(click(0), false, 'the left button still toggles');
  assert.equal(t.document.getElementById('c').checked, true);
});

test('an lv-contextmenu element is not marked pending while its menu is open', async () => {
  let release;
  const t = boot(view('<ul><li id="n" lv-contextmenu="menu">Note</li></ul>'), {
    fakeTimers: true,
    onInvoke: (cmd) => {
      if (cmd === 'plugin:golivekit|connect') return { v: 0, page: 1 };
      if (cmd === 'plugin:golivekit|event') return new Promise((r) => { release = () => r({ ref: 1, v: 0 }); });
      return null;
    },
  });
  await settle();
  const li = t.document.getElementById('n');
  li.dispatchEvent(new t.window.MouseEvent('contextmenu', { bubbles: true, cancelable: true, button: 2 }));
  await settle();
  t.clock.tick(500); // past the loading delay
  await settle();
  assert.deepEqual(t.events(), [['menu', {}]], 'sent, and waiting on the menu');
  assert.ok(!li.hasAttribute('lv-pending') && !li.classList.contains('lv-loading'));
  release();
  await settle();
});

test('with binding checks off (a release build) a patch is not checked but the first document is', async () => {
  const t = boot('<div data-live-view="v" data-lv-id="lv1"><button id="x" lv-clik="oops">x</button><p data-slot="p"></p></div>',
    { before: (w) => { w.__GOLIVEKIT_BINDING_CHECKS__ = false; } });
  await settle();
  assert.ok(t.errors.some((e) => e.includes('unknown binding lv-clik')), t.errors.join('\n'));
  t.channelOf('lv1')({ type: 'patch', v: 1, patch: { v: 1, h: { p: '<span lv-hoverr="x">s</span>' } } }, 0);
  assert.equal(t.document.querySelector('[lv-hoverr]')?.textContent, 's', 'the patch applied');
  assert.ok(!t.errors.some((e) => e.includes('lv-hoverr')), t.errors.join('\n'));
});
