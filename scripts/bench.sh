#!/usr/bin/env bash
# Installs whatever is missing, builds in release and runs every benchmark (issue 6), ending with the
# table that compares GoliveKit with the floor (a bare Tauri app) and the peer (Dioxus desktop) in
# the real WebKitGTK webview. The table is also written to target/bench/webview.md, followed by the
# window-churn table (issue 11: GoliveKit and the floor each open and close 300 windows, twice;
# app-process RSS growth per window, GoliveKit ÷ floor against ≤ 1.1×).
#   scripts/bench.sh           the full run: runtime benches, then the webview bench (~20 min cold)
#   scripts/bench.sh --quick   each bench once with a tiny size, debug builds (what CI runs)
# Without a display, the webview bench runs under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

quick=false
[ "${1:-}" = "--quick" ] && quick=true
log() { printf '\033[1;34m[bench]\033[0m %s\n' "$*"; }
display() {
  if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1280x800x24" "$@"; fi
}
peer_dir=target/peer-dioxus
mkdir -p target/bench

if $quick; then
  log "runtime benches, each once (cargo bench -- --test)"
  cargo bench -p golivekit --benches --quiet -- --test
  log "the filter view's server share, once (debug build: cargo test --benches runs criterion once)"
  cargo test -p golivekit-webview-bench --benches --quiet
  log "webview bench apps and the Dioxus peer (debug builds)"
  cargo build -p golivekit-webview-bench
  cargo build --manifest-path bench/peer-dioxus/Cargo.toml --target-dir "$peer_dir"
  log "webview bench, tiny (--quick; window churn: 6 windows per app)"
  display target/debug/webview-bench --quick --peer "$peer_dir/debug/peer-dioxus" --out target/bench/webview-quick.md
  exit 0
fi

log "runtime: events through one view's mailbox"
cargo bench -p golivekit --bench mailbox
log "runtime: heap per idle view"
cargo bench -p golivekit --bench memory
log "runtime: a parent with 10 / 100 / 1,000 children: one child's event, a parent event"
cargo bench -p golivekit --bench children
log "runtime: render + diff (small, 1,000 rows, 100 KB; 10 → 10,000 rows)"
cargo bench -p golivekit --bench diff
log "html! against write_html! (runtime/benches/template.rs)"
cargo bench -p golivekit --bench template
log "first documents: a window opening on a 1,000-row table, and a reload (runtime/benches/document.rs)"
cargo bench -p golivekit --bench document
log "the filter view's server share: handle_event + render + diff + JSON per keystroke"
cargo bench -p golivekit-webview-bench --bench filter
log "building the webview bench apps and the Dioxus peer (release)"
cargo build --release -p golivekit-webview-bench
cargo build --release --manifest-path bench/peer-dioxus/Cargo.toml --target-dir "$peer_dir"
log "webview bench: GoliveKit, the floor and Dioxus, in one run; then window churn (GoliveKit and the floor, 2 × 300 windows each)"
display target/release/webview-bench --peer "$peer_dir/release/peer-dioxus" --out target/bench/webview.md
log "table written to target/bench/webview.md"
