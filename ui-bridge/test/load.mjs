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

/** The bundle, joined like build.rs joins it. */
export function bundle() {
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

/**
 * Boots the client on `html`.
 * @param {string} html  body HTML
 * @param {{onInvoke?: (cmd: string, args: any) => any}} [opts]
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
  window.eval(bundle());
  const lv = window.__golivekit;
  /** Sends channel message `msg` to the view's channel with Tauri's `{message, index}` envelope. */
  const channelOf = (viewId) => {
    const connect = calls.find((c) => c.cmd === 'plugin:golivekit|connect' && c.args.viewId === viewId);
    if (!connect) throw new Error(`view ${viewId} never connected`);
    const id = Number(String(connect.args.channel).split(':')[1]);
    return (message, index) => callbacks.get(id)({ message, index });
  };
  return { dom, window, document: window.document, calls, callbacks, errors, lv, channelOf, assigned };
}

function defaultAnswer(cmd) {
  if (cmd === 'plugin:golivekit|connect') return { v: 0 };
  if (cmd === 'plugin:golivekit|event') return { ref: 0, v: 0 };
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
