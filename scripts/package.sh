#!/usr/bin/env bash
# Builds Trine's Linux packages, a .deb and an .rpm, with the tauri CLI
# pinned in package.json (installed by scripts/setup.sh), into
# target/release/bundle/{deb,rpm}/. A release build is part of it: about
# five minutes on two cores the first time.
#
#   bash scripts/package.sh          build the packages
#   bash scripts/package.sh --try    build, then install the .deb and start
#                                    it as a new user would (scripts/try-deb.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/tauri ]; then
    echo "package: the tauri CLI is missing; installing it (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
fi

node_modules/.bin/tauri build --bundles deb,rpm --ci

deb=$(ls -t target/release/bundle/deb/*.deb | head -n 1)
rpm=$(ls -t target/release/bundle/rpm/*.rpm | head -n 1)
echo "package: $deb ($(du -h "$deb" | cut -f1))"
echo "package: $rpm ($(du -h "$rpm" | cut -f1))"

if [ "${1:-}" = "--try" ]; then
    bash scripts/try-deb.sh "$deb"
fi
