// floor.js — the floor of the webview bench: no framework, only what any Tauri app does.
// A click or a keystroke makes an async `invoke` to a Rust command, and the reply is written into
// the DOM (`textContent` for the count, `innerHTML` for the filtered rows).
'use strict';
const { invoke } = window.__TAURI_INTERNALS__;
const count = document.getElementById('count');
const rows = document.getElementById('rows');

if (count) {
  document.getElementById('inc').addEventListener('click', async () => {
    count.textContent = String(await invoke('increment'));
  });
}

if (rows) {
  let latest = 0;
  const show = async (q) => {
    const ticket = ++latest;
    const html = await invoke('filter', { q });
    if (ticket === latest) rows.innerHTML = html; // a slower, older reply never overwrites a newer one
  };
  document.getElementById('q').addEventListener('input', (e) => show(e.target.value));
  show('');
}
