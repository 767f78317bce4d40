// The `lv-*` vocabulary the `html!` macro checks at compile time (`macros/bindings.json`) is the
// bridge's own (`EVENT_BINDINGS`, `KNOWN_BINDINGS` in bindings.js): a binding added on one side
// only would be refused by the compiler or ignored by the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repo } from './load.mjs';

function bridgeLists() {
  const src = (name) => readFileSync(join(repo, 'ui-bridge', 'js', name), 'utf8');
  // protocol.js and bindings.js only declare at top level; evaluate them to read the lists.
  const lists = new Function(`${src('protocol.js')}\n${src('bindings.js')}\nreturn { events: [...EVENT_BINDINGS, ...NATIVE_BINDINGS], known: [...KNOWN_BINDINGS], prefix: ATTR.valuePrefix };`);
  return lists();
}

test('the macro knows exactly the bindings the bridge knows', () => {
  const macro = JSON.parse(readFileSync(join(repo, 'macros', 'bindings.json'), 'utf8'));
  const bridge = bridgeLists();
  assert.deepEqual([...macro.events].sort(), [...bridge.events].sort(), 'event bindings');
  assert.deepEqual([...macro.events, ...macro.modifiers].sort(), [...bridge.known].sort(), 'every binding');
  assert.equal(macro.valuePrefix, bridge.prefix);
});
