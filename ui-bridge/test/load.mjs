// Test harness: joins the client exactly as `ui-bridge/build.rs` does, and runs it in a jsdom
// window whose `__TAURI_INTERNALS__` is a scripted fake: every `invoke` is recorded and answered
// by a handler the test provides; channels are real callbacks the test can push into.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = join(here, '..', '..');
const jsDir = join(here, '..', 'js');

/**
 * The bundle, joined like build.rs joins it (without its comment stripping); or, when
 * `GOLIVEKIT_BRIDGE_SCRIPT` names a file, that file — the script the app ships
 * (`cargo run -p golivekit-bridge --example script`), so the same tests run on it.
 */
export function bundle() {
  const shipped = process.env.GOLIVEKIT_BRIDGE_SCRIPT;
  if (shipped) return readFileSync(shipped, 'utf8');
  const names = JSON.parse(readFileSync(join(jsDir, 'bundle.json'), 'utf8'));
  let out = "/* GoliveKit Desktop bridge — generated from ui-bridge/js, do not edit. */\n(function () {\n'use strict';\n";
  for (const name of names) out += `// ---- ${name}\n${readFileSync(join(jsDir, name), 'utf8')}\n`;
  return out + '})();\n';
}

/** Every protocol fixture: `{name, kind, valid, json, dom?}`. */
export function protocolFixtures() {
  const dir = join(repo, 'tests', 'fixtures', 'protocol');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const fx = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    return { name: f.replace(/\.json$/, ''), valid: fx.valid !== false, ...fx };
  });
}

/** Every JS-command fixture in tests/fixtures/js/: `{name, kind, valid, json, dom?, pushes?, ...}`. */
export function jsFixtures() {
  const dir = join(repo, 'tests', 'fixtures', 'js');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const fx = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    return { name: f.replace(/\.json$/, ''), ...fx };
  });
}

/**
 * A fake clock for the client's `clock` (rate limits, loading delay): time moves only on `tick`.
 */
export function fakeClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map();
  return {
    set(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, Number(ms) || 0), fn });
      return id;
    },
    clear(id) {
      timers.delete(id);
    },
    /** Moves time forward by `ms`, running due timers in time order (and timers they set). */
    tick(ms) {
      const end = now + ms;
      for (;;) {
        let due = null;
        for (const [id, t] of timers) if (t.at <= end && (!due || t.at < due[1].at)) due = [id, t];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
    get pending() {
      return timers.size;
    },
  };
}

/**
 * Boots the client on `html`. With `fakeTimers`, the client's clock is a `fakeClock()`, returned
 * as `clock` (advance it with `clock.tick(ms)`).
 * @param {string} html  body HTML
 * @param {{onInvoke?: (cmd: string, args: any) => any, fakeTimers?: boolean, before?: (window: any) => void}} [opts]
 */
export function boot(html, opts = {}) {
  const dom = new JSDOM(`<!doctype html><html><body>${html}</body></html>`, {
    runScripts: 'outside-only',
    url: 'golive://localhost/',
  });
  const { window } = dom;
  const calls = [];
  const callbacks = new Map();
  let nextId = 1;
  const errors = [];
  window.console.error = (...a) => errors.push(a.map(String).join(' '));
  window.console.warn = (...a) => errors.push(a.map(String).join(' '));
  const assigned = [];
  window.__TAURI_INTERNALS__ = {
    transformCallback(fn) {
      const id = nextId++;
      callbacks.set(id, fn);
      return id;
    },
    unregisterCallback(id) {
      callbacks.delete(id);
    },
    invoke(cmd, args) {
      // What crosses IPC is JSON: serialize like Tauri does (channels become "__CHANNEL__:id").
      const wire = JSON.parse(JSON.stringify(args));
      calls.push({ cmd, args: wire });
      const answer = opts.onInvoke ? opts.onInvoke(cmd, wire) : defaultAnswer(cmd);
      return Promise.resolve(answer).then((a) => (a && a.__reject ? Promise.reject(a.__reject) : a));
    },
  };
  if (opts.before) opts.before(window);
  window.eval(bundle());
  const lv = window.__golivekit;
  const clock = opts.fakeTimers ? fakeClock() : null;
  if (clock) {
    lv.clock.set = clock.set;
    lv.clock.clear = clock.clear;
  }
  /** Sends channel message `msg` to the view's channel with Tauri's `{message, index}` envelope. */
  const channelOf = (viewId) => {
    const connect = calls.find((c) => c.cmd === 'plugin:golivekit|connect' && c.args.viewId === viewId);
    if (!connect) throw new Error(`view ${viewId} never connected`);
    const id = Number(String(connect.args.channel).split(':')[1]);
    return (message, index) => callbacks.get(id)({ message, index });
  };
  /** The events sent so far, as `[event, payload]`. */
  const events = () => calls.filter((c) => c.cmd === 'plugin:golivekit|event').map((c) => [c.args.event, c.args.payload]);
  return { dom, window, document: window.document, calls, callbacks, errors, lv, channelOf, assigned, clock, events };
}

/** The fake Rust side's answers when a test gives none: an app without native dialogs. */
export function defaultAnswer(cmd) {
  if (cmd === 'plugin:golivekit|connect') return { v: 0, page: 1 };
  if (cmd === 'plugin:golivekit|event') return { ref: 0, v: 0 };
  if (cmd === 'plugin:golivekit|confirm') return { __reject: { code: 'no_native_dialog', message: 'this app has no native dialogs' } };
  return null;
}

/** Lets pending promises and microtasks run. */
export const settle = () => new Promise((r) => setTimeout(r, 0));

/** Normalizes HTML through a DOM parse so attribute quoting/entities compare equal. */
export function normalize(window, html) {
  const t = window.document.createElement('template');
  t.innerHTML = html;
  return t.innerHTML;
}
