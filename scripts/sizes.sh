#!/usr/bin/env bash
# What users ship (issue 16, item 6): the installed binary and the .deb of the demo app, of a
# GoliveKit app with two views (the bench's `golive-app`) and of the bare-Tauri floor
# (`floor-app`), all built with the shipping profile (`[profile.dist]` in Cargo.toml).
#
# The demo app's .deb is the one `cargo tauri build --bundles deb -- --profile dist` makes. The
# bench apps share one crate (Tauri's bundler would put every binary of it into each package),
# so each is packaged the same way by hand: the binary in /usr/bin, a .desktop file and the same
# icons, data compressed as Tauri's bundler does (gzip) — the demo app is packaged that way too,
# so the three hand-made packages differ only in their binary.
#
#   scripts/sizes.sh            # prints a Markdown table; packages land in target/sizes/
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/sizes
rm -rf "$out" && mkdir -p "$out"

echo "[sizes] the demo app's .deb (cargo tauri build, profile dist)" >&2
(cd src-tauri && cargo tauri build --ci --bundles deb -- --profile dist) >&2
tauri_deb=$(ls target/dist/bundle/deb/*.deb | head -1)

echo "[sizes] the bench apps (profile dist)" >&2
cargo build --profile dist -p golivekit-webview-bench --bin golive-app --bin floor-app >&2

# package NAME BINARY: a .deb holding BINARY as /usr/bin/NAME, a .desktop file and the icons.
package() {
  local name=$1 bin=$2 root="$out/$1"
  mkdir -p "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/applications"
  install -m 755 "$bin" "$root/usr/bin/$name"
  for size in 32x32 128x128; do
    mkdir -p "$root/usr/share/icons/hicolor/$size/apps"
    cp "icons/$size.png" "$root/usr/share/icons/hicolor/$size/apps/$name.png"
  done
  printf '[Desktop Entry]\nName=%s\nExec=%s\nIcon=%s\nType=Application\n' "$name" "$name" "$name" \
    > "$root/usr/share/applications/$name.desktop"
  printf 'Package: %s\nVersion: 0.1.0\nArchitecture: amd64\nMaintainer: GoliveKit\nDescription: %s\n' \
    "$name" "$name" > "$root/DEBIAN/control"
  dpkg-deb --root-owner-group -Zgzip --build "$root" "$out/$name.deb" > /dev/null
}
package golivekit-desktop target/dist/golivekit-desktop
package golive-app target/dist/golive-app
package floor-app target/dist/floor-app

mb() { awk -v b="$1" 'BEGIN { printf "%.2f MB", b / 1000000 }'; }
size() { stat -c %s "$1"; }
floor_bin=$(size target/dist/floor-app)
floor_deb=$(size "$out/floor-app.deb")
row() {
  local what=$1 bin=$2 deb=$3
  echo "| $what | $(mb "$(size "$bin")") | $(mb $(($(size "$bin") - floor_bin))) | $(mb "$(size "$deb")") | $(mb $(($(size "$deb") - floor_deb))) |"
}
echo "| app (profile dist) | binary | binary − floor | .deb | .deb − floor |"
echo "|---|---:|---:|---:|---:|"
row "floor (bare Tauri, \`floor-app\`)" target/dist/floor-app "$out/floor-app.deb"
row "a GoliveKit app with two views (\`golive-app\`, plugin features off)" target/dist/golive-app "$out/golive-app.deb"
row "the demo app, every example (\`golivekit-desktop\`), packaged as the others" target/dist/golivekit-desktop "$out/golivekit-desktop.deb"
row "the demo app, \`cargo tauri build\`'s own .deb" target/dist/golivekit-desktop "$tauri_deb"
