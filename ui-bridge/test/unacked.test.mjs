// A field the user changed keeps what the user set until the server has seen the change: a reply
// to an event sent BEFORE the change (its render cannot know it) never overwrites the field's
// live state, whether it morphs the field (`f`, `h`) or sets its attributes (`a`); the reply to
// an event that carried the change (or a later one) gives the field the server's state again.
// The same holds for the reset after a submit: a field changed after the submit keeps its value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boot, settle } from './load.mjs';

/** The /form example's checkbox group, as the server renders it with `checked` for `on`. */
function boxes(on) {
  return ['rust', 'web', 'desktop']
    .map((v) => `<label><input type="checkbox" name="interests" value="${v}"${on.includes(v) ? ' checked' : ''}> ${v}</label>`)
    .join('');
}
const fields = (on, name = '') => `<form id="f" lv-change="validate" lv-submit="save">
  <input id="name" name="name" value="${name}"><fieldset>${boxes(on)}</fieldset>
  <input id="terms" type="checkbox" name="terms" value="yes"><p data-slot="saved"></p></form>`;
const PAGE = `<div data-live-view="form" data-lv-id="lv1">${fields([])}</div>`;

/** Boots PAGE with acks given by hand: `ack(patch)` answers the oldest outstanding event. */
async function page() {
  const waiting = [];
  const t = boot(PAGE, {
    onInvoke: (cmd, args) => {
      if (cmd !== 'plugin:golivekit|event') return cmd.endsWith('|connect') ? { v: 0, page: 1 } : null;
      return new Promise((resolve) => waiting.push((patch) => resolve({ ref: args.ref, v: patch ? patch.v : 0, ...(patch ? { patch } : {}) })));
    },
  });
  await settle();
  const ack = async (patch) => {
    await settle();
    assert.ok(waiting.length > 0, 'an event is outstanding');
    waiting.shift()(patch);
    await settle();
  };
  return { ...t, ack };
}

/** Clicks a box as a user does: it toggles, then `input` and `change` fire. */
function tick(t, value) {
  t.document.querySelector(`input[value=${value}]`).click();
}
const checked = (t) => Array.from(t.document.querySelectorAll('input[name=interests]')).filter((b) => b.checked).map((b) => b.value);
const sentInterests = (t) => t.events().map(([, p]) => p.interests ?? []);

test('a morph from an earlier event does not uncheck a box the user checked after it was sent', async () => {
  const t = await page();
  tick(t, 'rust');
  tick(t, 'desktop');
  await t.ack({ v: 1, f: fields(['rust']) }); // the render for the first change only
  assert.deepEqual(checked(t), ['rust', 'desktop'], 'the second box stays as the user left it');
  t.document.getElementById('terms').click(); // the next event reads the form as the user sees it
  await t.ack({ v: 2, f: fields(['rust', 'desktop']) });
  await t.ack({ v: 3, f: fields(['rust', 'desktop']) });
  assert.deepEqual(sentInterests(t), [['rust'], ['rust', 'desktop'], ['rust', 'desktop']]);
  assert.deepEqual(checked(t), ['rust', 'desktop']);
});

test('an attribute op from an earlier event does not recheck a box the user unchecked since', async () => {
  const t = await page();
  tick(t, 'web');
  tick(t, 'web'); // checked and unchecked again before the first reply
  await t.ack({ v: 1, f: fields(['web']) });
  assert.deepEqual(checked(t), [], 'the reply to the first click does not undo the second');
  await t.ack({ v: 2, f: fields([]) });
  assert.deepEqual(checked(t), []);
});

test('once the event that carried the change is answered, the server state applies again', async () => {
  const t = await page();
  tick(t, 'rust');
  await t.ack({ v: 1, f: fields([]) }); // the server refuses the box
  assert.deepEqual(checked(t), [], 'the server has seen the change: its render wins');
});

test('a typed value the server has not seen survives an older reply after the user left the field', async () => {
  const t = await page();
  const name = t.document.getElementById('name');
  tick(t, 'rust');
  name.focus();
  name.value = 'Ann';
  name.dispatchEvent(new t.window.Event('input', { bubbles: true }));
  name.blur(); // left before the reply came: the focus rule alone would not keep it
  name.dispatchEvent(new t.window.Event('change', { bubbles: true }));
  await t.ack({ v: 1, f: fields(['rust'], '') }); // rendered from the first event: no name yet
  assert.equal(name.value, 'Ann');
  await t.ack({ v: 2, f: fields(['rust'], 'Ann') });
  assert.deepEqual(t.events().map(([, p]) => p.name), ['', 'Ann']);
  t.document.getElementById('terms').click();
  await t.ack({ v: 3, f: fields(['rust'], 'Ann!') }); // the server's own change now applies
  assert.equal(name.value, 'Ann!');
});

test('the reset after a submit keeps a field the user changed after submitting', async () => {
  const t = await page();
  const form = t.document.getElementById('f');
  form.dispatchEvent(new t.window.Event('submit', { bubbles: true, cancelable: true }));
  await settle();
  tick(t, 'desktop'); // while the submit is in flight
  await t.ack({ v: 1, h: {} }); // the submit's reply: the form resets to what the server rendered
  assert.deepEqual(checked(t), ['desktop'], 'the box checked during the submit is kept');
  await t.ack({ v: 2, f: fields(['desktop']) });
  assert.deepEqual(checked(t), ['desktop']);
});
