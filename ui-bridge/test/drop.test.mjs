// Native file drops (drop.js): Rust says where files hover and where they were dropped; the page
// marks the `lv-drop` element under the pointer and sends its event with the one-time token,
// never a path, to the component that rendered the element. A drop elsewhere sends nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boot, settle } from './load.mjs';

const page = (inner) =>
  `<div data-live-view="files" data-lv-id="lv1">${inner}` +
  '<div data-lv-cid="2" data-key="inbox"><section id="inbox" lv-drop="import_inbox">Inbox</section></div></div>' +
  '<p id="outside">not a drop zone</p>';

/** Boots the page with `elementFromPoint` answering from `hits` (x → element id). */
async function setup(hits) {
  const t = boot(page('<div id="zone" lv-drop="import" lv-value-folder="notes"><span id="inner">Drop here</span></div>'));
  t.document.elementFromPoint = (x) => (hits[x] ? t.document.getElementById(hits[x]) : null);
  await settle();
  return t;
}

const requests = (t) => t.calls.filter((c) => c.cmd === 'plugin:golivekit|event').map((c) => c.args);

test('hovering files mark the lv-drop element under the pointer, and only it', async () => {
  const t = await setup({ 10: 'inner', 20: 'inbox', 30: 'outside' });
  const zone = t.document.getElementById('zone');
  const inbox = t.document.getElementById('inbox');
  t.lv.drag.hover(10, 5);
  assert.ok(zone.classList.contains('lv-drop-active'));
  t.lv.drag.hover(20, 5);
  assert.ok(!zone.classList.contains('lv-drop-active') && inbox.classList.contains('lv-drop-active'));
  t.lv.drag.hover(30, 5);
  assert.equal(t.document.querySelectorAll('.lv-drop-active').length, 0);
  t.lv.drag.hover(10, 5);
  t.lv.drag.leave();
  assert.equal(t.document.querySelectorAll('.lv-drop-active').length, 0);
});

test('a drop sends the element event with its values and the token, never a path', async () => {
  const t = await setup({ 10: 'inner' });
  t.lv.drag.hover(10, 5);
  assert.equal(t.lv.drag.drop('drop-00ff', 10, 5), true);
  await settle();
  assert.deepEqual(requests(t).map((r) => [r.event, r.cid, r.payload]), [
    ['import', undefined, { folder: 'notes', _lv_drop: 'drop-00ff' }],
  ]);
  assert.equal(t.document.querySelectorAll('.lv-drop-active').length, 0, 'the mark goes with the drop');
});

test('a drop inside a child component goes to that child', async () => {
  const t = await setup({ 20: 'inbox' });
  t.lv.drag.drop('drop-1', 20, 5);
  await settle();
  assert.deepEqual(requests(t).map((r) => [r.event, r.cid]), [['import_inbox', 2]]);
});

test('a drop outside every lv-drop element sends nothing', async () => {
  const t = await setup({ 30: 'outside' });
  assert.equal(t.lv.drag.drop('drop-2', 30, 5), false);
  assert.equal(t.lv.drag.drop('drop-3', 99, 5), false, 'nothing at all under the pointer');
  await settle();
  assert.deepEqual(requests(t), []);
});
