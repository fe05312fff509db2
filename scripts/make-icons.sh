#!/usr/bin/env bash
# Renders icons/icon.svg into the PNG icons tauri.conf.json lists, and the
# page emblem ui/emblem.svg.
# Needs rsvg-convert (librsvg2-bin) and ImageMagick. Tauri rejects RGB PNGs,
# so every file is written as 8-bit RGBA (PNG32).
set -euo pipefail
cd "$(dirname "$0")/../icons"

render() { # size file
    rsvg-convert --width "$1" --height "$1" icon.svg | convert - -strip PNG32:"$2"
}

render 512 icon.png
render 32 32x32.png
render 128 128x128.png
render 256 128x128@2x.png

# The page's emblem: the same triangle without its tile, cropped to it.
sed -e '/<rect /d' \
    -e 's|viewBox="0 0 512 512"|viewBox="100 110 312 312"|' \
    -e 's| on a slate tile.|.|' \
    -e 's|Rendered to PNG by scripts/make-icons.sh.|Made from icons/icon.svg by scripts/make-icons.sh.|' \
    icon.svg >../ui/emblem.svg
echo "icons written to $(pwd) and ui/emblem.svg"
