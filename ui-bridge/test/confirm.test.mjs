// lv-confirm: the user is asked before an lv-click or lv-submit runs — by a native dialog through
// `plugin:golivekit|confirm`, else by the webview's own confirm — and only a yes sends. Asking is
// async: the DOM event is cancelled at once and the payload is the one read at click time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boot, settle, defaultAnswer } from './load.mjs';

const view = (html) => `<div data-live-view="c" data-lv-id="lv1">${html}</div>`;
const NO_DIALOG = { __reject: { code: 'no_native_dialog', message: 'this app has no native dialogs (register tauri-plugin-dialog)' } };

/**
 * Boots `html`; the webview's confirm answers `answer` (a function gets the question), the Rust
 * confirm command answers `rust` (default: it rejects, there is no native dialog).
 */
function page(html, answer, rust = NO_DIALOG) {
  const t = boot(view(html), {
    onInvoke: (cmd, args) => (cmd === 'plugin:golivekit|confirm' ? (typeof rust === 'function' ? rust(args) : rust) : defaultAnswer(cmd)),
  });
  const asked = [];
  t.lv.nav.confirm = (q) => {
    asked.push(q);
    return typeof answer === 'function' ? answer(q) : answer;
  };
  const events = () => t.calls.filter((c) => c.cmd === 'plugin:golivekit|event').map((c) => c.args.event);
  const rustAsked = () => t.calls.filter((c) => c.cmd === 'plugin:golivekit|confirm').map((c) => c.args);
  return { ...t, asked, events, rustAsked };
}

const BUTTON = '<button id="b" lv-click="delete" lv-confirm="Delete it?">x</button>';

test('a declined lv-confirm click asks once and sends nothing', async () => {
  const t = page(BUTTON, false);
  await settle();
  t.document.getElementById('b').click();
  await settle();
  assert.deepEqual(t.asked, ['Delete it?']);
  assert.deepEqual(t.events(), []);
});

test('an accepted lv-confirm click sends its event', async () => {
  const t = page(BUTTON, true);
  await settle();
  t.document.getElementById('b').click();
  await settle();
  assert.deepEqual(t.events(), ['delete']);
});

test('the native dialog is asked first with the question, and its answer decides alone', async () => {
  for (const [confirmed, sent] of [[true, ['delete']], [false, []]]) {
    const t = page(BUTTON, true, { confirmed });
    await settle();
    t.document.getElementById('b').click();
    await settle();
    assert.deepEqual(t.rustAsked(), [{ question: 'Delete it?' }]);
    assert.deepEqual(t.asked, [], 'the webview confirm is not asked when Rust answered');
    assert.deepEqual(t.events(), sent, `confirmed: ${confirmed}`);
  }
});

test('when the native dialog is missing, only a webview answer that is exactly true sends, and sends once', async () => {
  const cases = [
    ['true', true, 1],
    ['false', false, 0],
    ['Promise<true>', () => Promise.resolve(true), 1],
    ['Promise<false>', () => Promise.resolve(false), 0],
    ["Promise<'yes'>", () => Promise.resolve('yes'), 0],
    ["'yes'", 'yes', 0],
    ['1', 1, 0],
    ['undefined', undefined, 0],
    ['a rejected Promise', () => Promise.reject(new Error('dialog gone')), 0],
    ['a throw', () => { throw new Error('no dialog'); }, 0],
  ];
  for (const [name, answer, sends] of cases) {
    const t = page(BUTTON, answer);
    await settle();
    t.document.getElementById('b').click();
    await settle();
    await settle();
    assert.equal(t.rustAsked().length, 1, name);
    assert.deepEqual(t.asked, ['Delete it?'], name);
    assert.equal(t.events().length, sends, `webview confirm answering ${name}`);
  }
});

test('any rejection of the native confirm falls back to the webview confirm', async () => {
  for (const code of ['no_ipc', 'ipc_error', 'command_not_found', 'not_allowed']) {
    const t = page(BUTTON, true, { __reject: { code, message: 'no' } });
    await settle();
    t.document.getElementById('b').click();
    await settle();
    assert.deepEqual(t.asked, ['Delete it?'], code);
    assert.deepEqual(t.events(), ['delete'], code);
  }
});

test('a malformed native answer is taken as no and reported', async () => {
  const t = page(BUTTON, true, { confirmed: 'yes' });
  await settle();
  t.document.getElementById('b').click();
  await settle();
  assert.deepEqual(t.events(), []);
  assert.deepEqual(t.asked, [], 'no second question');
  assert.ok(t.errors.some((e) => e.includes('confirm reply')), t.errors.join('\n'));
});

test('a confirming click is cancelled synchronously, before any answer', async () => {
  const t = page('<a id="a" href="/elsewhere" lv-click="go" lv-confirm="Go?">go</a><button id="b" lv-click="x" lv-confirm="X?">x</button>', () => new Promise(() => {}));
  await settle();
  for (const id of ['a', 'b']) {
    const ev = new t.window.MouseEvent('click', { bubbles: true, cancelable: true });
    t.document.getElementById(id).dispatchEvent(ev);
    assert.ok(ev.defaultPrevented, `the click on #${id} is cancelled at once`);
  }
  const plain = new t.window.MouseEvent('click', { bubbles: true, cancelable: true });
  t.document.body.insertAdjacentHTML('beforeend', '<div data-live-view="d" data-lv-id="lv2"><button id="p" lv-click="p">p</button></div>');
  t.document.getElementById('p').dispatchEvent(plain);
  assert.equal(plain.defaultPrevented, false, 'a button without lv-confirm is left alone');
});

test('a confirming checkbox stays unchecked while asking and toggles after a yes', async () => {
  let yes;
  const t = page('<input id="c" type="checkbox" lv-click="arm" lv-confirm="Arm?">', () => new Promise((r) => { yes = r; }));
  await settle();
  const box = t.document.getElementById('c');
  box.click();
  await settle();
  assert.equal(box.checked, false, 'not toggled while the question is open');
  assert.deepEqual(t.events(), []);
  yes(true);
  await settle();
  assert.equal(box.checked, true);
  assert.deepEqual(t.events(), ['arm']);
});

test('a declined click on a confirming checkbox leaves it unchecked', async () => {
  const t = page('<input id="c" type="checkbox" lv-click="arm" lv-confirm="Arm?">', false);
  await settle();
  t.document.getElementById('c').click();
  await settle();
  assert.equal(t.document.getElementById('c').checked, false);
  assert.deepEqual(t.events(), []);
});

test('a confirmed click sends the payload the element had at click time', async () => {
  let yes;
  const t = page('<button id="b" lv-click="delete" lv-value-id="1" lv-confirm="Delete?">x</button>', () => new Promise((r) => { yes = r; }));
  await settle();
  const b = t.document.getElementById('b');
  b.click();
  b.setAttribute('lv-value-id', '2'); // a patch re-renders the button for another record meanwhile
  await settle();
  yes(true);
  await settle();
  assert.deepEqual(t.calls.filter((c) => c.cmd.endsWith('|event')).map((c) => c.args.payload), [{ id: '1' }]);
});

test('a confirmed submit sends the fields as they were when it was submitted', async () => {
  let yes;
  const t = page('<form id="f" lv-submit="save" lv-confirm="Save?"><input id="n" name="n" value="first"><button id="s">go</button></form>',
    () => new Promise((r) => { yes = r; }));
  await settle();
  t.document.getElementById('s').click();
  t.document.getElementById('n').value = 'typed while asking';
  await settle();
  yes(true);
  await settle();
  assert.deepEqual(t.calls.filter((c) => c.cmd.endsWith('|event')).map((c) => c.args.payload), [{ n: 'first' }]);
});

test('lv-confirm on a form or on its submit button guards the submit', async () => {
  for (const [html, answer, sent] of [
    ['<form id="f" lv-submit="wipe" lv-confirm="Wipe?"><button id="s">go</button></form>', false, []],
    ['<form id="f" lv-submit="wipe"><button id="s" lv-confirm="Wipe?">go</button></form>', false, []],
    ['<form id="f" lv-submit="wipe"><button id="s" lv-confirm="Wipe?">go</button></form>', true, ['wipe']],
  ]) {
    const t = page(html, answer);
    await settle();
    t.document.getElementById('s').click();
    await settle();
    assert.deepEqual(t.events(), sent, html);
    assert.deepEqual(t.asked, ['Wipe?'], html);
  }
});

test('a form and its submit button are both asked, in that order, and a no stops there', async () => {
  const html = '<form id="f" lv-submit="wipe" lv-confirm="Form?"><button id="s" lv-confirm="Button?">go</button></form>';
  for (const [answers, asked, sent] of [
    [{ 'Form?': true, 'Button?': true }, ['Form?', 'Button?'], ['wipe']],
    [{ 'Form?': true, 'Button?': false }, ['Form?', 'Button?'], []],
    [{ 'Form?': false, 'Button?': true }, ['Form?'], []],
  ]) {
    const t = page(html, (q) => answers[q]);
    await settle();
    t.document.getElementById('s').click();
    await settle();
    await settle();
    assert.deepEqual(t.asked, asked);
    assert.deepEqual(t.events(), sent);
  }
});

test('lv-confirm is a known binding: no console error at boot', async () => {
  const t = page('<button lv-click="x" lv-confirm="Sure?">x</button>', true);
  await settle();
  assert.deepEqual(t.errors, []);
});
