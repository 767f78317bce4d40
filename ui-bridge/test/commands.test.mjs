// JS commands (commands.js): the shared fixtures in tests/fixtures/js/ (Rust's `Js` renders the
// valid ones byte for byte, tests/js_fixtures.rs), no IPC for client-only commands, commands in
// every binding, sticky results across patches, and errors that name the element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boot, settle, jsFixtures, normalize } from './load.mjs';

const fixtures = jsFixtures();
/** The page a fixture without `dom` runs on. */
const DEFAULT_DOM = '<div data-live-view="fx" data-lv-id="lv1"><button id="el">x</button></div>';

test('the corpus covers every op and keeps invalid cases', () => {
  assert.ok(fixtures.length >= 15);
  const ops = new Set(fixtures.filter((f) => f.valid).flatMap((f) => JSON.parse(f.json).map((c) => c[0])));
  for (const op of ['show', 'hide', 'toggle', 'add_class', 'remove_class', 'toggle_class', 'focus', 'dispatch', 'push']) {
    assert.ok(ops.has(op), `no valid fixture uses ${op}`);
  }
  assert.ok(fixtures.filter((f) => !f.valid).length >= 5);
  for (const f of fixtures) assert.equal(f.kind, 'js_commands', f.name);
});

for (const fx of fixtures) {
  test(`fixture ${fx.name} ${fx.valid ? 'runs as described' : 'is refused, naming the element, and runs nothing'}`, async () => {
    const before = fx.dom?.before ?? DEFAULT_DOM;
    const t = boot(before);
    await settle();
    const dispatched = [];
    for (const [, event] of fx.dispatched || []) {
      t.document.addEventListener(event, (e) => dispatched.push([`#${e.target.id}`, e.type, JSON.parse(JSON.stringify(e.detail))]));
    }
    const el = t.document.getElementById('el');
    t.lv.exec(el, fx.json);
    await settle();
    const after = fx.valid ? (fx.dom?.after ?? before) : before;
    assert.equal(t.document.body.innerHTML, normalize(t.window, after));
    assert.deepEqual(t.events(), fx.valid ? (fx.pushes || []) : []);
    assert.deepEqual(dispatched, fx.dispatched || []);
    if (fx.focused) assert.equal(t.document.activeElement, t.document.querySelector(fx.focused));
    if (fx.valid) {
      assert.deepEqual(t.errors, []);
    } else {
      assert.equal(t.errors.length, 1, t.errors.join('\n'));
      assert.match(t.errors[0], /bad JS commands .* nothing ran: <button id="el"/);
    }
  });
}

const PAGE = `<div data-live-view="c" data-lv-id="lv1">
  <button id="open" lv-click='[["toggle",{"to":"#menu"}]]'>menu</button>
  <ul id="menu" data-slot="menu" hidden><li>a</li></ul>
  <input id="q" name="q" lv-keydown='[["hide",{"to":"#menu"}],["push",{"event":"esc","value":{"from":"cmd","value":"no"}}]]' lv-key="Escape" lv-value-from="attr">
  <button id="bad" lv-click='[["show",{"to":"#menu"}],["eval",{}]]'>bad</button>
  <form id="f" lv-submit='[["add_class",{"to":"#f","names":["sent"]}],["push",{"event":"save","value":{}}]]'>
    <input name="title" value="t"><button id="save" lv-disable-with="Saving…">save</button></form></div>`;

test('a JS command toggles visibility with no IPC call', async () => {
  const t = boot(PAGE);
  await settle();
  const before = t.calls.length;
  const menu = t.document.getElementById('menu');
  t.document.getElementById('open').click();
  assert.equal(menu.hidden, false);
  t.document.getElementById('open').click();
  assert.equal(menu.hidden, true);
  await settle();
  assert.equal(t.calls.length, before, 'no invoke at all');
});

test('commands run from a key binding; push merges value over lv-value-* and the control fields win', async () => {
  const t = boot(PAGE);
  await settle();
  t.document.getElementById('menu').hidden = false;
  const q = t.document.getElementById('q');
  q.value = 'typed';
  q.dispatchEvent(new t.window.KeyboardEvent('keydown', { key: 'a', bubbles: true }));
  assert.equal(t.document.getElementById('menu').hidden, false, 'filtered by lv-key');
  q.dispatchEvent(new t.window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  await settle();
  assert.equal(t.document.getElementById('menu').hidden, true);
  assert.deepEqual(t.events(), [['esc', { from: 'cmd', value: 'typed', key: 'Escape', name: 'q' }]]);
});

test('a push from lv-submit sends the form and disables its buttons like the event would', async () => {
  let answer;
  const t = boot(PAGE, { onInvoke: (cmd) => (cmd.endsWith('|event') ? new Promise((r) => (answer = r)) : { v: 0 }) });
  await settle();
  const form = t.document.getElementById('f');
  const ev = new t.window.Event('submit', { bubbles: true, cancelable: true });
  form.dispatchEvent(ev);
  assert.ok(ev.defaultPrevented);
  assert.ok(form.classList.contains('sent'));
  assert.ok(t.document.getElementById('save').disabled);
  await settle();
  assert.deepEqual(t.events(), [['save', { title: 't' }]]);
  answer({ ref: 1, v: 0 });
  await settle();
  assert.ok(!t.document.getElementById('save').disabled);
});

test('a list with one bad command runs none of it and names the element', async () => {
  const t = boot(PAGE);
  await settle();
  t.document.getElementById('bad').click();
  assert.equal(t.document.getElementById('menu').hidden, true);
  assert.ok(t.errors.some((e) => e.includes('unknown op `eval`') && e.includes('<button id="bad"')), t.errors.join('\n'));
});

test('malformed command lists are reported at boot too', async () => {
  const t = boot(PAGE);
  await settle();
  assert.ok(t.errors.some((e) => e.includes('lv-click: bad JS commands') && e.includes('<button id="bad"')), t.errors.join('\n'));
});

test('what a command set survives a patch that re-renders the element', async () => {
  const t = boot(PAGE);
  await settle();
  t.document.getElementById('open').click(); // shows #menu
  t.lv.exec(t.document.getElementById('menu'), '[["add_class",{"names":["wide"]}]]');
  t.channelOf('lv1')({ type: 'patch', v: 1, patch: { v: 1, a: { menu: { class: 'server' } }, h: { menu: '<li>b</li>' } } }, 0);
  const menu = t.document.getElementById('menu');
  assert.equal(menu.hidden, false, 'still shown');
  assert.deepEqual([...menu.classList].sort(), ['server', 'wide']);
  assert.equal(menu.textContent, 'b');
});

test('a command list outside any view still runs its client-side commands; a push there is reported', async () => {
  const t = boot(`<button id="b" lv-click='[["hide",{}],["push",{"event":"x","value":{}}]]'>b</button>`);
  await settle();
  t.document.getElementById('b').click();
  await settle();
  assert.equal(t.document.getElementById('b').hidden, true);
  assert.deepEqual(t.events(), []);
  assert.ok(t.errors.some((e) => e.includes('push "x" on an element outside any connected view')));
});

test('dispatch loops between bindings are stopped, not thrown', async () => {
  const t = boot(`<div data-live-view="c" data-lv-id="lv1"><button id="b" lv-click='[["dispatch",{"event":"click","detail":null}]]'>b</button></div>`);
  await settle();
  assert.doesNotThrow(() => t.document.getElementById('b').click());
  assert.ok(t.errors.some((e) => e.includes('too deeply')));
});

test('selectors and class names that do not parse are refused before anything runs', async () => {
  const t = boot(DEFAULT_DOM);
  await settle();
  const el = t.document.getElementById('el');
  t.lv.exec(el, '[["hide",{}],["show",{"to":"##"}]]');
  t.lv.exec(el, '[["hide",{}],["add_class",{"names":["a b"]}]]');
  assert.equal(el.hidden, false);
  assert.equal(t.errors.length, 2, t.errors.join('\n'));
});
