// probe.js — the in-page probe of the webview bench (scripts/bench.sh).
//
// Every bench app (GoliveKit, the bare-Tauri floor, the Dioxus peer) injects this same script at
// document start, after `window.__BENCH__ = {view, mode, n, warmup, report}`. It measures in the
// page, with `performance.now()`, so WebDriver's own latency never enters a figure, and POSTs one
// JSON report to `report` (the driver's loopback server). The driver reads the app's memory when
// the report arrives, then ends the app.
//
// The apps share a DOM contract:
// - view `counter`: `#count` shows a number starting at 0; a click on `#inc` adds one;
// - view `filter`: `#q` is a text input; `#rows` holds `rows` rows (1,000 unless the config says:
//   `row 0` … `row 999`) at first, and after each `input` event exactly the rows whose text
//   contains the input's value, in order.
//
// Modes:
// - `start`: the first paint only (then 3 s idle, so memory is read at rest);
// - `click`: `n` clicks on `#inc`, one after another; for each, the time from `click()` to the
//   DOM showing the new count (`patch`) and to the next animation frame (`frame`);
// - `filter`: `n` keystrokes into `#q` (typing "1", "12", "123", then erasing, over and over);
//   for each, the time from the `input` event to `#rows` holding the expected rows (`patch`) and
//   to the next frame (`frame`).
// In GoliveKit and the floor, `stages` also reports per-stage totals over the measured inputs
// (`__golivekit.stages()`, `__benchStages()`: events and their round trips, patches, ops,
// after-patch work).
// Pace (`cfg.pace`): `frame` (the default) waits for the next animation frame after each result,
// so every input starts at the top of a frame and its reply waits behind that frame's work;
// `back-to-back` makes the next input as soon as the DOM shows the previous result (no frame
// wait, no `frame` samples), so the framework's own cost per input is not hidden in a frame.
// Every mode reports `firstPaint`: the wall-clock time (ms since the epoch) of the first animation
// frame in which the view's content is in the DOM; the driver subtracts its spawn time. For the
// breakdown of a start it also reports `timeOrigin` (when the page's navigation began, ms since
// the epoch) and `responseEnd` (when the document had arrived, ms after `timeOrigin`).
(() => {
  'use strict';
  const cfg = window.__BENCH__;
  if (!cfg || window.top !== window || window.__BENCH_RUNNING__) return;
  window.__BENCH_RUNNING__ = true;

  const TIMEOUT_MS = 10000;
  const ROWS = cfg.rows ?? 1000;
  const QUERIES = ['1', '12', '123', '12', '1', ''];
  const now = () => performance.now();
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(now())));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const $ = (id) => document.getElementById(id);

  /** Resolves with the time at which `check()` first holds, watching every DOM mutation. */
  function until(check, what) {
    return new Promise((resolve, reject) => {
      if (check()) return resolve(now());
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`timed out after ${TIMEOUT_MS} ms waiting for ${what}`));
      }, TIMEOUT_MS);
      const observer = new MutationObserver(() => {
        if (!check()) return;
        const t = now();
        observer.disconnect();
        clearTimeout(timer);
        resolve(t);
      });
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  }

  function expectedRows(q) {
    let count = 0;
    let first = null;
    for (let i = 0; i < ROWS; i++) {
      const label = `row ${i}`;
      if (label.includes(q)) {
        if (first === null) first = label;
        count++;
      }
    }
    return { count, first };
  }

  function rowsShow({ count, first }) {
    const rows = $('rows');
    if (!rows || rows.children.length !== count) return false;
    return count === 0 || rows.children[0].textContent.trim() === first;
  }

  async function firstPaint() {
    const ready = cfg.view === 'filter' ? () => rowsShow(expectedRows('')) : () => $('count') && $('inc');
    await until(ready, `the ${cfg.view} view`);
    await frame();
    return performance.timeOrigin + now();
  }

  /**
   * Makes `total` inputs one after another and times each. `step(i)` returns what the DOM must
   * show once input `i` has been handled, a description, and the input itself.
   */
  /** GoliveKit's runtime: events and the microseconds they took in it (the `stats` test hook). */
  async function runtimeStats() {
    const root = document.querySelector('[data-lv-id]');
    if (!root || !window.__TAURI_INTERNALS__) return null;
    try {
      return await window.__TAURI_INTERNALS__.invoke('plugin:golivekit|stats', { viewId: root.getAttribute('data-lv-id') });
    } catch (_) {
      return null;
    }
  }

  async function measure(total, step) {
    const patch = [];
    const frames = [];
    const backToBack = cfg.pace === 'back-to-back';
    let runtimeBefore = null;
    // GoliveKit's bridge keeps per-stage totals (ui-bridge/js/stages.js), and the floor's page the
    // same ones (`__benchStages`): counted from the first measured input, reported with the
    // samples. Dioxus has none.
    const stages = () => (window.__golivekit && window.__golivekit.stages ? window.__golivekit.stages
      : window.__benchStages || null);
    for (let i = 0; i < total; i++) {
      if (i === (cfg.warmup ?? 0) && stages()) {
        stages()(true);
        if (window.__golivekit) runtimeBefore = await runtimeStats();
      }
      const [check, what, input] = step(i);
      const shown = until(check, what);
      const t0 = now();
      input();
      const t1 = await shown;
      const t2 = backToBack ? null : await frame();
      if (i >= (cfg.warmup ?? 0)) {
        patch.push(t1 - t0);
        if (t2 !== null) frames.push(t2 - t0);
      }
    }
    const out = { patch, frame: frames, stages: stages() ? stages()() : null };
    const runtimeAfter = runtimeBefore ? await runtimeStats() : null;
    if (out.stages && runtimeBefore && runtimeAfter) {
      out.stages.runtimeEvents = runtimeAfter.events - runtimeBefore.events;
      out.stages.runtime = (runtimeAfter.eventMicros - runtimeBefore.eventMicros) / 1000;
    }
    return out;
  }

  const clicks = (total) => measure(total, () => {
    const want = String(Number($('count').textContent.trim()) + 1);
    return [() => $('count') && $('count').textContent.trim() === want, `count ${want}`, () => $('inc').click()];
  });

  const keystrokes = (total) => measure(total, (i) => {
    const q = QUERIES[i % QUERIES.length];
    const want = expectedRows(q);
    const type = () => {
      const input = $('q');
      input.value = q;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, data: q.slice(-1) || null }));
    };
    return [() => rowsShow(want), `${want.count} rows for "${q}"`, type];
  });

  async function run() {
    const report = { view: cfg.view, mode: cfg.mode, rows: ROWS, firstPaint: null, patch: [], frame: [], error: null };
    try {
      report.firstPaint = await firstPaint();
      report.timeOrigin = performance.timeOrigin;
      const nav = performance.getEntriesByType('navigation')[0];
      if (nav) report.responseEnd = nav.responseEnd;
      // Let the app finish starting (GoliveKit connects its view; Dioxus hydrates) before input.
      await sleep(cfg.mode === 'start' ? 3000 : 300);
      const total = (cfg.n ?? 0) + (cfg.warmup ?? 0);
      if (cfg.mode === 'click') Object.assign(report, await clicks(total));
      if (cfg.mode === 'filter') Object.assign(report, await keystrokes(total));
    } catch (e) {
      report.error = String(e && e.message ? e.message : e);
    }
    await fetch(cfg.report, { method: 'POST', mode: 'no-cors', body: JSON.stringify(report) });
  }

  run();
})();
