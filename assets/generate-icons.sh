#!/usr/bin/env bash
# Renders the app icon (assets/tern.svg) into the files the installers need:
#   assets/icons/tern-<N>.png  N = 16 24 32 48 64 128 256 512 1024  (Linux .deb/.rpm/app-image use tern-256.png)
#   assets/icons/tern.ico      16…256, for the Windows .msi and launchers
#   assets/icons/tern.icns     16…1024, for the macOS .dmg/.app
# The results are committed, so packaging works without these tools; run this again after editing the SVG.
# Needs (Debian/Ubuntu): apt-get install librsvg2-bin icoutils icnsutils
set -euo pipefail
HERE="$(dirname "$(readlink -f "$0")")"
SVG="$HERE/tern.svg"
OUT="$HERE/icons"

missing=()
command -v rsvg-convert >/dev/null 2>&1 || missing+=("rsvg-convert (package librsvg2-bin)")
command -v icotool >/dev/null 2>&1 || missing+=("icotool (package icoutils)")
command -v png2icns >/dev/null 2>&1 || missing+=("png2icns (package icnsutils)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "generate-icons: missing tools: ${missing[*]}" >&2
  echo "  Debian/Ubuntu: apt-get install librsvg2-bin icoutils icnsutils" >&2
  exit 1
fi

mkdir -p "$OUT"
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" --format png "$SVG" --output "$OUT/tern-$size.png"
done

# Windows: one .ico with the sizes Explorer and the taskbar pick from; 256 is stored as PNG inside the .ico
icotool --create --output "$OUT/tern.ico" \
  "$OUT/tern-16.png" "$OUT/tern-24.png" "$OUT/tern-32.png" "$OUT/tern-48.png" "$OUT/tern-64.png" \
  "$OUT/tern-128.png" --raw="$OUT/tern-256.png"

# macOS: png2icns picks the icon type from each PNG's size (16, 32, 48, 128, 256, 512, 1024)
png2icns "$OUT/tern.icns" \
  "$OUT/tern-16.png" "$OUT/tern-32.png" "$OUT/tern-48.png" "$OUT/tern-128.png" \
  "$OUT/tern-256.png" "$OUT/tern-512.png" "$OUT/tern-1024.png" >/dev/null

echo "generate-icons: wrote $(cd "$OUT" && ls | tr '\n' ' ')into ${OUT#"$PWD"/}"
