// Loading states (loading.js) on a fake clock: disabled at once, lv-loading and the
// lv-disable-with text only after 100 ms, everything restored on the ack (success or error).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boot, settle } from './load.mjs';

const FORM = `<div data-live-view="l" data-lv-id="lv1"><form id="f" lv-submit="save">
  <input name="n" value="1"><button id="go" lv-disable-with="Saving…"><b>Save</b></button>
  <button type="button" id="other">Other</button></form>
  <button id="del" lv-click="delete" lv-disable-with="Deleting…">Delete</button>
  <input type="submit" form="none" id="plain" lv-click="plain" lv-disable-with="Wait" value="Go">
  <p data-slot="msg"></p></div>`;

/** Boots FORM with acks the test answers by hand: `acks.shift()({ref, v})`. */
async function page() {
  const acks = [];
  const t = boot(FORM, {
    fakeTimers: true,
    onInvoke: (cmd) => (cmd.endsWith('|event') ? new Promise((r) => acks.push(r)) : { v: 0 }),
  });
  await settle();
  return { ...t, acks };
}

const submit = (t) => t.document.getElementById('f').dispatchEvent(new t.window.Event('submit', { bubbles: true, cancelable: true }));

test('lv-disable-with shows during a slow ack and everything is restored after it', async () => {
  const t = await page();
  const go = t.document.getElementById('go');
  submit(t);
  await settle();
  assert.ok(go.disabled, 'disabled at once');
  assert.equal(go.innerHTML, '<b>Save</b>', 'no text yet');
  assert.ok(!go.classList.contains('lv-loading'));
  t.clock.tick(100);
  assert.equal(go.textContent, 'Saving…');
  assert.ok(go.classList.contains('lv-loading'));
  assert.ok(t.document.getElementById('f').classList.contains('lv-loading'), 'the form shows loading too');
  assert.ok(!t.document.getElementById('other').disabled, 'a non-submit button is left alone');
  await settle();
  t.acks.shift()({ ref: 1, v: 0 });
  await settle();
  assert.equal(go.innerHTML, '<b>Save</b>', 'the original markup comes back');
  assert.ok(!go.disabled);
  assert.ok(!go.hasAttribute('class'));
  assert.ok(!t.document.getElementById('f').hasAttribute('class'));
});

test('a fast ack never shows the loading class or the text', async () => {
  const t = await page();
  const del = t.document.getElementById('del');
  const seen = [];
  new t.window.MutationObserver((rs) => rs.forEach((r) => seen.push(r.attributeName || 'children'))).observe(del, {
    attributes: true, childList: true, subtree: true, characterData: true,
  });
  del.click();
  t.clock.tick(5);
  await settle();
  t.acks.shift()({ ref: 1, v: 0 });
  await settle();
  t.clock.tick(1000);
  assert.equal(del.textContent, 'Delete');
  assert.ok(!seen.includes('class') && !seen.includes('children'), `no flash: ${seen}`);
  assert.ok(!del.disabled);
});

test('an error ack restores the element as well', async () => {
  const t = await page();
  const del = t.document.getElementById('del');
  del.click();
  t.clock.tick(150);
  assert.equal(del.textContent, 'Deleting…');
  await settle();
  t.acks.shift()({ __reject: { code: 'handler_error', message: 'no' } });
  await settle();
  assert.equal(del.textContent, 'Delete');
  assert.ok(!del.disabled && !del.hasAttribute('lv-pending'));
});

test('a second submit while the first is in flight is ignored', async () => {
  const t = await page();
  submit(t);
  submit(t);
  await settle();
  assert.equal(t.events().length, 1);
  await settle();
  t.acks.shift()({ ref: 1, v: 0 });
  await settle();
  submit(t);
  await settle();
  assert.equal(t.events().length, 2, 'after the ack it works again');
});

test('an input type=submit shows the text as its value', async () => {
  const t = await page();
  const plain = t.document.getElementById('plain');
  plain.click();
  t.clock.tick(100);
  assert.equal(plain.value, 'Wait');
  await settle();
  t.acks.shift()({ ref: 1, v: 0 });
  await settle();
  assert.equal(plain.value, 'Go');
});

test('a patch during the flight does not re-enable the button; the server text wins after the ack', async () => {
  const t = await page();
  const del = t.document.getElementById('del');
  del.click();
  t.clock.tick(100);
  const root = t.document.querySelector('[data-live-view]');
  t.lv.applyPatch(root, { v: 1, f: root.innerHTML.replace(/<button id="del"[^>]*>[^<]*<\/button>/, '<button id="del" lv-click="delete" lv-disable-with="Deleting…">Delete 2</button>') });
  t.lv.view(root).afterPatch();
  assert.ok(del.disabled, 'still disabled');
  assert.equal(del.textContent, 'Deleting…', 'still shows the text');
  assert.ok(del.classList.contains('lv-loading'));
  await settle();
  t.acks.shift()({ ref: 1, v: 0 });
  await settle();
  assert.equal(del.textContent, 'Delete 2', "the server's newer text");
  assert.ok(!del.disabled);
});

test('a button that was disabled before stays disabled after the ack', async () => {
  const t = await page();
  const del = t.document.getElementById('del');
  const v = t.lv.view(t.document.querySelector('[data-live-view]'));
  del.setAttribute('disabled', '');
  const p = v.pushEvent('x', {}, del, [del]);
  await settle();
  t.acks.shift()({ ref: 1, v: 0 });
  await p;
  assert.ok(del.disabled);
});

test("a form's lv-disable-with applies to its submit buttons on submit, never to a change", async () => {
  const acks = [];
  const t = boot(`<div data-live-view="l" data-lv-id="lv1"><form id="f" lv-change="validate" lv-submit="save" lv-disable-with="Wait">
    <input id="n" name="n"><button id="b">Go</button></form></div>`, {
    fakeTimers: true,
    onInvoke: (cmd) => (cmd.endsWith('|event') ? new Promise((r) => acks.push(r)) : { v: 0 }),
  });
  await settle();
  const [form, b] = ['f', 'b'].map((id) => t.document.getElementById(id));
  t.document.getElementById('n').dispatchEvent(new t.window.Event('change', { bubbles: true }));
  t.clock.tick(200);
  assert.ok(!form.hasAttribute('disabled') && !b.disabled && form.querySelector('input'), 'a change disables nothing');
  form.dispatchEvent(new t.window.Event('submit', { bubbles: true, cancelable: true }));
  t.clock.tick(100);
  assert.ok(b.disabled);
  assert.equal(b.textContent, 'Wait');
  await settle();
  for (let ref = 1; acks.length; ref++) { // one at a time: the view's send queue
    acks.shift()({ ref, v: 0 });
    await settle();
  }
  assert.equal(t.events().length, 2, 'the change, then the submit');
  assert.equal(b.textContent, 'Go');
  assert.ok(!b.disabled);
});
