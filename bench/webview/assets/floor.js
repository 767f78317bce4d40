// floor.js — the floor of the webview bench: no framework, only what any Tauri app does.
// A click or a keystroke makes an async `invoke` to a Rust command, and the reply is written into
// the DOM (`textContent` for the count, `innerHTML` for the filtered rows).
'use strict';
// It keeps the same per-stage totals as GoliveKit's bridge (`ui-bridge/js/stages.js`) for the
// bench's probe: each `invoke`'s round trip, and each DOM write as the "ops".
const { invoke } = window.__TAURI_INTERNALS__;
const count = document.getElementById('count');
const rows = document.getElementById('rows');
const totals = { events: 0, roundTrip: 0, patches: 0, apply: 0, after: 0 };
window.__benchStages = (reset) => {
  const out = { ...totals };
  if (reset) for (const k of Object.keys(totals)) totals[k] = 0;
  return out;
};
const timed = async (cmd, args) => {
  const sent = performance.now();
  const reply = await invoke(cmd, args);
  totals.events += 1;
  totals.roundTrip += performance.now() - sent;
  return reply;
};
const write = (f) => {
  const start = performance.now();
  f();
  totals.patches += 1;
  totals.apply += performance.now() - start;
};

// `command` in the bench's config: the same click as the probe plugin's command
// (`plugin:bench-probe|increment`), which Tauri checks against the capabilities as it checks
// GoliveKit's — the app's own `increment` needs no grant.
const INCREMENT = (window.__BENCH__ && window.__BENCH__.command) || 'increment';

if (count) {
  document.getElementById('inc').addEventListener('click', async () => {
    const n = String(await timed(INCREMENT));
    write(() => { count.textContent = n; });
  });
}

if (rows) {
  let latest = 0;
  const show = async (q) => {
    const ticket = ++latest;
    const html = await timed('filter', { q });
    if (ticket === latest) write(() => { rows.innerHTML = html; }); // a slower, older reply never overwrites a newer one
  };
  document.getElementById('q').addEventListener('input', (e) => show(e.target.value));
  show('');
}
