#!/usr/bin/env bash
# Installs whatever is missing, builds the demo app and runs it on a route (default: /counter).
#   scripts/run.sh            the counter
#   scripts/run.sh /          the start page with every example
# Without a display (SSH, containers, CI) it says so and runs the app on a virtual X screen.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build -p golivekit-desktop
app=target/debug/golivekit-desktop
route="${1:-/counter}"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$app" "$route"
fi
cat <<MSG
[run] There is no display here (DISPLAY and WAYLAND_DISPLAY are unset), so the window cannot be
[run] shown on a screen. Starting it on a virtual X screen with xvfb-run instead; to look at it:
[run]   xvfb-run -a -s "-screen 0 1280x800x24" $app $route &
[run]   then, from the same shell: DISPLAY=:99 import -window root shot.png  (see README)
[run] On a desktop session, run scripts/run.sh there and the window opens normally.
MSG
exec xvfb-run -a -s "-screen 0 1280x800x24" "$app" "$route"
