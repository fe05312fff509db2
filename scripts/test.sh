#!/usr/bin/env bash
# Runs every test of Trine: formatting, lints, the core's unit tests, the CLI
# end-to-end tests and the desktop app's WebDriver tests in a virtual X
# display. Run scripts/setup.sh first (README.md's test command does).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# A one-off run gains nothing from incremental compilation, and its caches
# were the largest part of target/ after a few runs.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

# A full disk shows up as a linker crash (SIGBUS) deep in the build; say
# plainly how much room there is before starting, and after.
disk_report() {
    local target="${CARGO_TARGET_DIR:-target}"
    local size avail
    size=$(du -sh "$target" 2>/dev/null | cut -f1) || size=nothing
    avail=$(df -h --output=avail "$(dirname "$target")" 2>/dev/null | tail -1 | tr -d ' ') || avail=unknown
    echo "== disk: ${avail:-unknown} free for $target, which holds ${size:-nothing}"
}
disk_report
trap disk_report EXIT

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy (warnings are errors)"
cargo clippy --workspace --all-targets --quiet -- -D warnings

echo "== cargo doc (warnings are errors: broken links, missing docs)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet

echo "== offline: no HTTP client in what the app and the CLI are built from"
# Normal (not dev or build) dependencies of every package, for this platform.
clients=$(cargo tree --workspace -e normal --prefix none --format '{p}' | grep -E '^(reqwest|hyper|ureq|curl|isahc|surf|attohttpc|minreq) ' | sort -u || true)
if [ -n "$clients" ]; then
    echo "HTTP clients found in the dependency tree:"; echo "$clients"; exit 1
fi
echo "none"

echo "== cargo test --workspace (desktop tests under Xvfb)"
# The desktop WebDriver test must run here, not skip.
export TRINE_REQUIRE_DESKTOP_E2E=1
xvfb-run -a --server-args="-screen 0 1280x900x24" cargo test --workspace

echo "== fuzz smoke: every fuzz target for 10 s (stable, cargo-fuzz 0.13.2)"
bash scripts/fuzz-smoke.sh 10
