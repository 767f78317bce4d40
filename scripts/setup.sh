#!/usr/bin/env bash
# Installs whatever is missing to build, run and test GoliveKit Desktop on Debian 12 / Ubuntu:
# system packages (WebKitGTK, GTK, Xvfb, WebKitWebDriver), tauri-driver, and the JS test deps.
# Idempotent: every step checks first and skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

PKGS=(
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev
  libayatana-appindicator3-dev build-essential pkg-config libssl-dev file libxdo-dev
  xvfb xauth imagemagick webkit2gtk-driver xdotool dbus-x11 fonts-dejavu-core curl
  python3-gi gir1.2-gtk-3.0 dbus-daemon
)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "system packages: all present"
fi

if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  log "installing tauri-driver (cargo install, ~40 s)"
  cargo install tauri-driver --locked --quiet
else
  log "tauri-driver: present"
fi

if [ ! -d node_modules ] || [ package.json -nt node_modules ]; then
  log "installing npm dev dependencies (tauri CLI, DOM library for JS tests)"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
  touch node_modules
else
  log "npm dependencies: present"
fi

# `cargo tauri …`: the real tauri-cli takes ~14 min to compile; the npm package ships the same CLI
# prebuilt. When no cargo-tauri is installed, put a thin shim on cargo's PATH that runs it, with
# TAURI_APP_PATH=src-tauri when called from a repo root laid out like this one.
SHIM="$HOME/.cargo/bin/cargo-tauri"
if ! cargo tauri --version >/dev/null 2>&1; then
  log "installing the cargo-tauri shim (npm's prebuilt Tauri CLI) at $SHIM"
  mkdir -p "$(dirname "$SHIM")"
  cat > "$SHIM" <<SHIM_EOF
#!/usr/bin/env bash
# cargo-tauri shim written by GoliveKit Desktop's scripts/setup.sh: runs the npm-packaged Tauri CLI.
set -e
shift # cargo passes the subcommand name ("tauri") first
dir="\$PWD"; cli=""
while [ "\$dir" != "/" ]; do
  if [ -x "\$dir/node_modules/.bin/tauri" ]; then cli="\$dir/node_modules/.bin/tauri"; break; fi
  dir="\$(dirname "\$dir")"
done
[ -n "\$cli" ] || cli="$PWD/node_modules/.bin/tauri"
if [ -z "\${TAURI_APP_PATH:-}" ] && [ -f src-tauri/tauri.conf.json ] && [ -f tauri.conf.json ]; then
  export TAURI_APP_PATH=src-tauri
fi
exec "\$cli" "\$@"
SHIM_EOF
  chmod +x "$SHIM"
else
  log "cargo tauri: present ($(cargo tauri --version 2>/dev/null | head -1))"
fi
