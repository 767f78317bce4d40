// The JS mirror of the wire protocol against the shared fixtures in tests/fixtures/protocol/
// (the Rust side loads the same files in tests/protocol_fixtures.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boot, protocolFixtures, normalize } from './load.mjs';

const fixtures = protocolFixtures();

test('there is a fixture for every message kind', () => {
  const kinds = new Set(fixtures.map((f) => f.kind));
  for (const k of ['event_request', 'event_reply', 'connect_reply', 'error', 'server_message', 'patch',
    'resync_request', 'resync_reply', 'confirm_request', 'confirm_reply', 'flushed_request']) {
    assert.ok(kinds.has(k), `no fixture of kind ${k}`);
  }
});

for (const fx of fixtures) {
  test(`fixture ${fx.name} is ${fx.valid ? 'accepted' : 'refused'} by the JS protocol`, () => {
    const { lv } = boot('');
    const validate = lv.validators[fx.kind];
    assert.ok(validate, `no validator for kind ${fx.kind}`);
    const problems = Array.from(validate(fx.json));
    if (fx.valid) assert.deepEqual(problems, []);
    else assert.ok(problems.length > 0, 'expected the message to be refused');
  });

  if (fx.dom) {
    test(`fixture ${fx.name} turns its before-DOM into its after-DOM`, () => {
      const { document, window, lv } = boot(fx.dom.before);
      const root = document.querySelector('[data-live-view]');
      lv.applyPatch(root, fx.json);
      assert.equal(root.outerHTML, normalize(window, fx.dom.after));
    });
  }
}
