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
n=99
while [ -e "/tmp/.X${n}-lock" ] || [ -e "/tmp/.X11-unix/X${n}" ]; do n=$((n + 1)); done
cat <<MSG
[run] There is no display here (DISPLAY and WAYLAND_DISPLAY are unset), so no window can appear on
[run] a screen. Running the app on a virtual X screen instead: Xvfb on display :$n.
[run] From another shell, look at it and click it:
[run]   DISPLAY=:$n import -window root shot.png          # screenshot (imagemagick)
[run]   DISPLAY=:$n xdotool mousemove 135 169 click 1     # click "+" on the counter
[run] (Or run it yourself under xvfb-run: xvfb-run -a $app $route.) Ctrl-C stops both.
[run] On a desktop session, scripts/run.sh opens the window normally.
MSG
Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${n}" ] && break; sleep 0.1; done
DISPLAY=":$n" "$app" "$route"
