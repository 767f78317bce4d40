// Hooks (hooks.js): registration at boot and later, mounted / updated (only for a patch that
// touched the subtree) / destroyed, this.pushEvent with the ack, this.handleEvent for pushes,
// and errors thrown by hooks never breaking the client.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boot, settle } from './load.mjs';

const PAGE = `<div data-live-view="h" data-lv-id="lv1">
  <div id="chart" lv-hook="Chart" data-slot="chart"><span>1</span></div>
  <p data-slot="other">x</p>
  <div data-slot="list"></div></div>`;

/** A hook definition that logs its callbacks into `log` as `callback:id`. */
function recorder(log) {
  return {
    mounted() { log.push(`mounted:${this.el.id}`); },
    updated() { log.push(`updated:${this.el.id}`); },
    destroyed() { log.push(`destroyed:${this.el.id}`); },
  };
}

const patch = (t, v, p) => t.channelOf('lv1')({ type: 'patch', v, patch: { v, ...p } }, v - 1);

test('a hook from window.golivekitHooks mounts at boot with this.el', async () => {
  const log = [];
  const t = boot(PAGE, { before: (w) => { w.golivekitHooks = { Chart: recorder(log) }; } });
  await settle();
  assert.deepEqual(log, ['mounted:chart']);
  assert.ok(t.document.getElementById('chart'));
});

test('a hook registered after boot mounts on the elements already there', async () => {
  const log = [];
  const t = boot(PAGE);
  await settle();
  assert.deepEqual(log, []);
  t.lv.hook('Chart', recorder(log));
  assert.deepEqual(log, ['mounted:chart']);
});

test('updated runs only when a patch changed the hook element subtree', async () => {
  const log = [];
  const t = boot(PAGE);
  await settle();
  t.lv.hook('Chart', recorder(log));
  patch(t, 1, { s: { other: 'y' } });
  assert.deepEqual(log, ['mounted:chart'], 'a patch elsewhere is not an update');
  patch(t, 2, { h: { chart: '<span>2</span>' } });
  assert.deepEqual(log, ['mounted:chart', 'updated:chart']);
  patch(t, 3, { a: { chart: { 'data-max': '9' } } });
  assert.deepEqual(log, ['mounted:chart', 'updated:chart', 'updated:chart'], 'its own attributes count');
  patch(t, 4, { h: { chart: '<span>2</span>' } });
  assert.equal(log.length, 3, 'a patch that changes nothing is not an update');
});

test('client-side changes are not updates', async () => {
  const log = [];
  const t = boot(PAGE);
  await settle();
  t.lv.hook('Chart', recorder(log));
  t.lv.exec(t.document.getElementById('chart'), '[["add_class",{"names":["big"]}]]');
  t.document.querySelector('#chart span').textContent = 'typed';
  patch(t, 1, { s: { other: 'y' } });
  assert.deepEqual(log, ['mounted:chart']);
});

test('a patch that inserts a hook element mounts it, and one that removes it destroys it', async () => {
  const log = [];
  const t = boot(PAGE);
  await settle();
  t.lv.hook('Row', recorder(log));
  patch(t, 1, { h: { list: '<div id="r1" lv-hook="Row"></div><div id="r2" lv-hook="Row"></div>' } });
  assert.deepEqual(log, ['mounted:r1', 'mounted:r2'], 'no updated for the patch that mounted them');
  patch(t, 2, { h: { list: '<div id="r2" lv-hook="Row"></div>' } });
  assert.deepEqual(log, ['mounted:r1', 'mounted:r2', 'destroyed:r1']);
});

test('a changed lv-hook destroys the old hook and mounts the new one', async () => {
  const log = [];
  const t = boot(PAGE);
  await settle();
  t.lv.hook('Chart', recorder(log));
  t.lv.hook('Map', { mounted() { log.push('map'); } });
  patch(t, 1, { a: { chart: { 'lv-hook': 'Map' } } });
  assert.deepEqual(log, ['mounted:chart', 'destroyed:chart', 'map']);
});

test('this.pushEvent resolves with the ack reply and rejects with {code, message}', async () => {
  const t = boot(PAGE, {
    onInvoke: (cmd, args) => {
      if (!cmd.endsWith('|event')) return { v: 0 };
      return args.event === 'bad' ? { __reject: { code: 'handler_error', message: 'no' } } : { ref: args.ref, v: 0 };
    },
  });
  await settle();
  let hook;
  t.lv.hook('Chart', { mounted() { hook = this; } });
  const reply = await hook.pushEvent('zoom', { level: 2 });
  assert.deepEqual(reply, { ref: 1, v: 0 });
  assert.deepEqual(t.events()[0], ['zoom', { level: 2 }]);
  await assert.rejects(hook.pushEvent('bad'), { code: 'handler_error', message: 'no' });
});

test('this.handleEvent receives the view pushes while the hook is mounted', async () => {
  const got = [];
  const t = boot(PAGE);
  await settle();
  t.lv.hook('Chart', {
    mounted() { this.handleEvent('points', (p) => got.push([this.el.id, p])); },
  });
  t.channelOf('lv1')({ type: 'push', event: 'points', payload: { n: [1, 2] } }, 0);
  t.channelOf('lv1')({ type: 'push', event: 'other', payload: {} }, 1);
  assert.deepEqual(got, [['chart', { n: [1, 2] }]]);
  t.channelOf('lv1')({ type: 'patch', v: 1, patch: { v: 1, f: '<p>gone</p>' } }, 2);
  t.channelOf('lv1')({ type: 'push', event: 'points', payload: { n: [3] } }, 3);
  assert.equal(got.length, 1, 'no handler after destroyed');
});

test('errors thrown by a hook are logged with the element and the client goes on', async () => {
  const t = boot(PAGE);
  await settle();
  t.lv.hook('Chart', {
    mounted() { throw new Error('boom'); },
    updated() { throw new Error('bang'); },
    destroyed() { throw new Error('bust'); },
    handlers() {},
  });
  t.lv.hook('Bad', null);
  patch(t, 1, { h: { chart: '<i>2</i>' } });
  patch(t, 2, { f: '<p data-slot="other">z</p>' });
  assert.equal(t.document.querySelector('[data-slot=other]').textContent, 'z', 'patches still apply');
  for (const cb of ['mounted', 'updated', 'destroyed']) {
    assert.ok(t.errors.some((e) => e.includes(`hook Chart.${cb} failed`) && e.includes('<div id="chart"')), t.errors.join('\n'));
  }
  assert.ok(t.errors.some((e) => e.includes('needs a name and an object')));
});

test('a crashed view destroys its hooks', async () => {
  const log = [];
  const t = boot(PAGE);
  t.lv.nav.reload = () => {};
  await settle();
  t.lv.hook('Chart', recorder(log));
  t.channelOf('lv1')({ type: 'error', code: 'view_crashed', message: 'x' }, 0);
  assert.deepEqual(log, ['mounted:chart', 'destroyed:chart']);
});

test('with binding checks off, a hook registered after patches still sees the next patch as an update', async () => {
  const log = [];
  const t = boot(PAGE, { before: (w) => { w.__GOLIVEKIT_BINDING_CHECKS__ = false; } });
  await settle();
  patch(t, 1, { h: { chart: '<span>1b</span>' } });
  t.lv.hook('Chart', recorder(log));
  assert.deepEqual(log, ['mounted:chart']);
  patch(t, 2, { h: { chart: '<span>2</span>' } });
  assert.deepEqual(log, ['mounted:chart', 'updated:chart']);
});
