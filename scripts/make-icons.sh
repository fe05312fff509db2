#!/usr/bin/env bash
# Renders icons/icon.svg (Trine's own triangle) into every icon a desktop
# bundle of Tauri uses: the PNG sizes, icon.ico (Windows), icon.icns
# (macOS) and the Square*Logo files (Windows Store), with `tauri icon` from
# the pinned npm CLI; and the page emblem ui/emblem.svg. Mobile icons are
# not kept: Trine is a desktop app.
# Needs rsvg-convert (librsvg2-bin), ImageMagick and `npm ci`. Tauri rejects
# RGB PNGs, so the source is written as 8-bit RGBA (PNG32).
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rsvg-convert --width 1024 --height 1024 icons/icon.svg | convert - -strip PNG32:"$work/source.png"
node_modules/.bin/tauri icon "$work/source.png" --output "$work/out" >/dev/null 2>&1
rm -rf "$work/out/android" "$work/out/ios"
cp "$work"/out/* icons/

# The page's emblem: the same triangle without its tile, cropped to it.
sed -e '/<rect /d' \
    -e 's|viewBox="0 0 512 512"|viewBox="100 110 312 312"|' \
    -e 's| on a slate tile.|.|' \
    -e 's|Rendered to PNG by scripts/make-icons.sh.|Made from icons/icon.svg by scripts/make-icons.sh.|' \
    icons/icon.svg >ui/emblem.svg
echo "icons written to $(pwd)/icons and ui/emblem.svg"
