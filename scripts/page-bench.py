#!/usr/bin/python3
"""The page's share of a filter keystroke, in WebKitGTK, with no IPC in the way.

Replays one cycle of the filter view's replies (from `bench/webview/examples/filter_cycle.rs`)
in a WebKitGTK page that runs the shipped bridge, and the floor's replies (one `innerHTML` of the
rows) in a page like the floor app's, alternating between the two pages. Each step is what the
page does with a reply once it is in: `JSON.parse` of the reply's text, then the DOM write
(`applyPatch` of the patch, or `innerHTML`), then a forced layout (`offsetHeight`), so that the
DOM work WebKit defers is counted too (`--no-layout` leaves it to the next frame, uncounted). Prints the mean per keystroke for each page and launch,
and the ratio of the means.

Needs Debian's `python3-gi` (`scripts/setup.sh` installs it) and `gir1.2-webkit2-4.1` (which
`libwebkit2gtk-4.1-dev`, a build dependency, pulls in), and a display (`xvfb-run`).

    cargo run -q -p golivekit-bridge --example script > target/golivekit-bridge.js
    cargo run -q --release -p golivekit-webview-bench --example filter_cycle > target/filter-cycle.json
    xvfb-run -a /usr/bin/python3 scripts/page-bench.py target/golivekit-bridge.js target/filter-cycle.json
"""

import argparse
import json
import os
import statistics
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import GLib, Gtk, WebKit2  # noqa: E402

# A stand-in for Tauri's IPC: the bridge connects its view and is answered at once; nothing else
# is ever sent, because the test drives `applyPatch` itself.
FAKE_TAURI = """
window.__GOLIVEKIT_BINDING_CHECKS__ = false; // as in a release build (`Builder::binding_checks`)
window.__TAURI_INTERNALS__ = {
  transformCallback() { return 1; },
  unregisterCallback() {},
  invoke(cmd) { return Promise.resolve(cmd === 'plugin:golivekit|connect' ? { v: 0, page: 1 } : { ref: 0, v: 0 }); },
};
"""

# Runs `rounds` cycles of the steps, timing each step, and reports through the title.
RUNNER = """
(() => {
  const steps = __CYCLE__;
  const apply = __APPLY__;
  const rounds = __ROUNDS__;
  const run = () => {
    let total = 0;
    const perStep = steps.map(() => 0);
    for (let r = 0; r < rounds; r++) {
      steps.forEach((text, i) => {
        const t0 = performance.now();
        apply(JSON.parse(text));
        if (__LAYOUT__) void document.body.offsetHeight;
        const dt = performance.now() - t0;
        perStep[i] += dt;
        total += dt;
      });
    }
    document.title = 'done:' + JSON.stringify({ mean: total / (rounds * steps.length), perStep: perStep.map((t) => t / rounds) });
  };
  // Let the bridge boot and connect its view first, and warm up with one cycle.
  setTimeout(() => { steps.forEach((text) => apply(JSON.parse(text))); setTimeout(run, 50); }, 200);
})();
"""

GOLIVE_APPLY = """(reply) => { if (reply.patch) window.__golivekit.applyPatch(document.querySelector('[data-live-view]'), reply.patch); }"""
FLOOR_APPLY = """(html) => { document.getElementById('rows').innerHTML = html; }"""


FLOOR_PAGE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench", "webview", "assets", "filter.html")


def floor_document(rows_html):
    """The floor app's filter page showing `rows_html`, without its script (the runner writes)."""
    with open(FLOOR_PAGE, encoding="utf-8") as f:
        page = f.read()
    for part in ('<ul id="rows"></ul>', '<script src="floor.js"></script>'):
        if part not in page:
            sys.exit(f"page-bench: {FLOOR_PAGE} no longer has {part}")
    return page.replace('<ul id="rows"></ul>', f'<ul id="rows">{rows_html}</ul>').replace('<script src="floor.js"></script>', "")


class Page:
    """One WebView in a window; `measure` loads a document and returns what its runner reports."""

    def __init__(self):
        self.window = Gtk.Window()
        self.window.set_default_size(800, 600)
        self.view = WebKit2.WebView()
        self.window.add(self.view)
        self.window.show_all()
        self.result = None
        self.view.connect("notify::title", self._on_title)

    def _on_title(self, view, _param):
        title = view.get_title() or ""
        if title.startswith("done:"):
            self.result = json.loads(title[5:])
            self.loop.quit()

    def _give_up(self):
        self.loop.quit()
        return False

    def measure(self, html, scripts, timeout_s=120):
        manager = self.view.get_user_content_manager()
        manager.remove_all_scripts()
        for source, frame_end in scripts:
            at = WebKit2.UserScriptInjectionTime.END if frame_end else WebKit2.UserScriptInjectionTime.START
            manager.add_script(WebKit2.UserScript(source, WebKit2.UserContentInjectedFrames.TOP_FRAME, at, None, None))
        self.result = None
        self.loop = GLib.MainLoop()
        # This load's own deadline, removed once it is over (a later load must not be cut short).
        deadline = GLib.timeout_add_seconds(timeout_s, self._give_up)
        self.view.load_html(html, "golive://localhost/")
        self.loop.run()
        if self.result is not None:
            GLib.source_remove(deadline)
        if self.result is None:
            sys.exit(f"page-bench: no result within {timeout_s} s")
        return self.result


def runner(steps, apply, rounds, layout):
    return (RUNNER.replace("__CYCLE__", json.dumps(steps)).replace("__APPLY__", apply)
            .replace("__ROUNDS__", str(rounds)).replace("__LAYOUT__", "true" if layout else "false"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bridge", help="the shipped bridge script")
    ap.add_argument("cycle", help="filter_cycle's JSON")
    ap.add_argument("--launches", type=int, default=5, help="loads of each page, alternating")
    ap.add_argument("--rounds", type=int, default=30, help="query cycles per load")
    ap.add_argument("--peer", help="another bridge script, run as a third page (an A/B of a bridge change)")
    ap.add_argument("--no-layout", action="store_true", help="time the script only: no forced layout after each step")
    args = ap.parse_args()
    with open(args.bridge, encoding="utf-8") as f:
        bridge = f.read()
    with open(args.cycle, encoding="utf-8") as f:
        cycle = json.load(f)
    golive_steps = [s["reply"] for s in cycle["steps"]]
    floor_steps = [s["floor"] for s in cycle["steps"]]
    all_rows = json.loads(floor_steps[-1])  # the last query is "": every row
    page = Page()
    pages = [("golivekit", bridge), ("floor", None)]
    if args.peer:
        with open(args.peer, encoding="utf-8") as f:
            pages.append(("peer", f.read()))
    means = {name: [] for name, _ in pages}
    per_step = {name: [] for name, _ in pages}
    layout = not args.no_layout
    for _ in range(args.launches):
        for name, script in pages:
            if script is None:
                got = page.measure(floor_document(all_rows), [(runner(floor_steps, FLOOR_APPLY, args.rounds, layout), True)])
            else:
                scripts = [(FAKE_TAURI, False), (script, False), (runner(golive_steps, GOLIVE_APPLY, args.rounds, layout), True)]
                got = page.measure(cycle["document"], scripts)
            means[name].append(got["mean"])
            per_step[name].append(got["perStep"])
    queries = [s["q"] for s in cycle["steps"]]
    print(f"page-bench: {args.launches} launches each, alternating, {args.rounds} cycles of {len(queries)} keystrokes per launch"
          + ("" if layout else ", no forced layout"))
    floor = statistics.mean(means["floor"])
    for name, _ in pages:
        ms = means[name]
        steps = [statistics.mean(col) for col in zip(*per_step[name])]
        launches = ", ".join(f"{m:.3f}" for m in ms)
        by_step = ", ".join(f'"{q}" {t:.2f}' for q, t in zip(queries, steps))
        print(f"{name:9}: mean {statistics.mean(ms):.3f} ms a keystroke, {statistics.mean(ms) / floor:.2f}x the floor"
              f" (launches {launches}); by query: {by_step}")


if __name__ == "__main__":
    main()
