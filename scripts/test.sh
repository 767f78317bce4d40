#!/usr/bin/env bash
# Installs whatever is missing and runs every test: Rust unit, behaviour and doc tests, the IPC
# tests on Tauri's mock runtime, the shared protocol fixtures, the JS client's tests, and the e2e
# tests that drive the real app in WebKitGTK (under Xvfb when there is no display).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

# Each step's line says how long the run has taken so far (CI's budget is 30 minutes).
log() { echo "[test] ($((SECONDS / 60)) min $((SECONDS % 60)) s) $*"; }

log "formatting and lints (rustfmt, clippy -D warnings)"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
# The plugin with its optional native features left out (what the bench apps use) still builds clean.
cargo clippy -p golivekit-tauri --no-default-features --quiet -- -D warnings

log "building the workspace (the e2e tests drive target/debug/golivekit-desktop)"
cargo build --workspace --all-targets

log "JS client tests (node --test)"
npm test
log "JS client tests again, on the script the app ships (build.rs strips its comments)"
cargo run -q -p golivekit-bridge --example script > target/golivekit-bridge.js
GOLIVEKIT_BRIDGE_SCRIPT=target/golivekit-bridge.js npm test

# The demo app remembers window sizes in the user's config dir: tests start from none.
XDG_CONFIG_HOME="$(mktemp -d)"
export XDG_CONFIG_HOME
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT

log "Rust tests, e2e included"
# The single-instance e2e test needs a D-Bus session bus (a desktop session has one; CI does not).
BUS=()
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  log "no D-Bus session bus: running under dbus-run-session"
  BUS=(dbus-run-session --)
fi
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  "${BUS[@]}" cargo test --workspace
else
  log "no display: running under xvfb-run"
  "${BUS[@]}" xvfb-run -a -s "-screen 0 1280x800x24" cargo test --workspace
fi

log "the vendored tokenizer's own unit tests (vendor/html5gum: its rewritten entity table)"
cargo test -q --manifest-path vendor/html5gum/Cargo.toml --lib --target-dir target

log "benchmarks: each builds and runs once with a tiny size (scripts/bench.sh --quick)"
scripts/bench.sh --quick
log "all tests passed"
