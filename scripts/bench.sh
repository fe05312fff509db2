#!/usr/bin/env bash
# Runs Trine's benchmarks: in-process (criterion) and through the release
# `trine` binary. Builds the synthetic 1k/10k/100k journals under
# target/bench-data on first use. Pass criterion filters as arguments,
# e.g. `scripts/bench.sh read/search`.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p trine-cli
cargo bench -p trine-bench -- "$@"
