#!/usr/bin/env bash
# Runs Trine's benchmarks: in-process (criterion), through the release
# `trine` binary, and side by side with its peers in one run (jrnl 4.6 from
# PyPI, pinned, and the sqlite3 CLI on the same journal:
# scripts/bench-vs-peers.sh). Builds the synthetic 1k/10k/100k journals
# under target/bench-data on first use.
#   scripts/bench.sh                  everything
#   scripts/bench.sh read/search      only the criterion benchmarks matching a filter
#   scripts/bench.sh --peers [ROUNDS] only the side-by-side run with jrnl and sqlite3
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--peers" ]; then
    shift
    exec bash scripts/bench-vs-peers.sh "$@"
fi
cargo build --release -p trine-cli
cargo bench -p trine-bench -- "$@"
if [ $# -eq 0 ]; then
    bash scripts/bench-vs-peers.sh
fi
