// lv-confirm: the user is asked before an lv-click or lv-submit runs; declining sends nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boot, settle } from './load.mjs';

const view = (html) => `<div data-live-view="c" data-lv-id="lv1">${html}</div>`;

function page(html, answer) {
  const t = boot(view(html));
  const asked = [];
  t.lv.nav.confirm = (q) => {
    asked.push(q);
    return answer;
  };
  const events = () => t.calls.filter((c) => c.cmd === 'plugin:golivekit|event').map((c) => c.args.event);
  return { ...t, asked, events };
}

test('a declined lv-confirm click asks once and sends nothing', async () => {
  const t = page('<button id="b" lv-click="delete" lv-confirm="Delete it?">x</button>', false);
  await settle();
  t.document.getElementById('b').click();
  await settle();
  assert.deepEqual(t.asked, ['Delete it?']);
  assert.deepEqual(t.events(), []);
});

test('an accepted lv-confirm click sends its event', async () => {
  const t = page('<button id="b" lv-click="delete" lv-confirm="Delete it?">x</button>', true);
  await settle();
  t.document.getElementById('b').click();
  await settle();
  assert.deepEqual(t.events(), ['delete']);
});

test('a declined click on a confirming checkbox leaves it unchecked', async () => {
  const t = page('<input id="c" type="checkbox" lv-click="arm" lv-confirm="Arm?">', false);
  await settle();
  t.document.getElementById('c').click();
  await settle();
  assert.equal(t.document.getElementById('c').checked, false);
  assert.deepEqual(t.events(), []);
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

test('lv-confirm is a known binding: no console error at boot', async () => {
  const t = page('<button lv-click="x" lv-confirm="Sure?">x</button>', true);
  await settle();
  assert.deepEqual(t.errors, []);
});
