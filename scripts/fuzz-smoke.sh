#!/usr/bin/env bash
# CI smoke of the fuzz targets: every importer and the search box, each for
# SECONDS (default 10), with cargo-fuzz on the stable toolchain and no
# sanitizer (`-s none`; the code has no `unsafe`). Fails if any target
# crashes, panics, times out or runs out of memory; the input is then under
# fuzz/artifacts/<target>/. The long runs are `scripts/fuzz.sh`, which this
# calls with a short time after making sure the pinned cargo-fuzz is there.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# The cargo-fuzz release seen working here on the stable toolchain.
CARGO_FUZZ_VERSION=0.13.2
if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
    echo "fuzz-smoke: installing cargo-fuzz $CARGO_FUZZ_VERSION from crates.io"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --quiet
fi

# Stable, whatever the folder's default: no nightly is needed with -s none.
export RUSTUP_TOOLCHAIN=stable
exec bash scripts/fuzz.sh "${1:-10}"
