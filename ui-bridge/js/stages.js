// @ts-check
// stages.js — where an event's time goes in the page (issue 16): for every event a view sends,
// the round trip (the `invoke` call until its reply is in: the IPC both ways and everything the
// runtime does), and for every patch the view applies, the ops (`applyPatch`: morphs, list ops,
// attributes) and the after-patch work (client-side state put back, bindings checked, hooks'
// `updated`). Totals and counts only — a few `performance.now()` calls per event, nothing kept
// per event — read by the webview bench (`bench/probe.js`) through `__golivekit.stages()`.

/** @typedef {{events: number, roundTrip: number, patches: number, apply: number, after: number}} Stages */

/** @type {Stages} */
const stageTotals = { events: 0, roundTrip: 0, patches: 0, apply: 0, after: 0 };

const stageNow = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Counts one event's round trip, from `sent` (a `stageNow()` before the `invoke`).
 * @param {number} sent
 */
function stageRoundTrip(sent) {
  stageTotals.events += 1;
  stageTotals.roundTrip += stageNow() - sent;
}

/**
 * Counts one drain of patches: ops from `start` to `applied`, after-patch work from `applied` to
 * now (all `stageNow()` readings).
 * @param {number} start
 * @param {number} applied
 */
function stagePatch(start, applied) {
  stageTotals.patches += 1;
  stageTotals.apply += applied - start;
  stageTotals.after += stageNow() - applied;
}

/**
 * The totals so far (ms, and counts); `reset` sets them back to zero after reading.
 * @param {boolean} [reset]
 * @returns {Stages}
 */
function stagesApi(reset) {
  const out = { ...stageTotals };
  if (reset) for (const k of /** @type {(keyof Stages)[]} */ (Object.keys(stageTotals))) stageTotals[k] = 0;
  return out;
}
