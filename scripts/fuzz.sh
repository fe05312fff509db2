#!/usr/bin/env bash
# Fuzzes every importer and the search box: each target runs for SECONDS
# (default 60) with cargo-fuzz, seeded with the importer fixtures in tests/fixtures
# where they exist. A crash stops the run with the input saved under
# fuzz/artifacts/<target>/; replay it with
#   cd fuzz && cargo fuzz run -s none <target> artifacts/<target>/<file>
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --locked
seconds="${1:-60}"
fixtures=../tests/fixtures

seed() { # target, files...
    local target="$1"; shift
    mkdir -p "corpus/$target"
    for f in "$@"; do
        [ -f "$f" ] || { echo "fuzz: seed $f is missing" >&2; exit 1; }
        cp "$f" "corpus/$target/"
    done
}
seed import_jrnl "$fixtures/jrnl/journal.txt"
seed import_jrnl_json "$fixtures/jrnl/export.json"
seed import_dayone "$fixtures/dayone/Career Journal.json"
seed import_markdown "$fixtures"/markdown/Career/*.md
mkdir -p corpus/import_jsonl corpus/import_json corpus/search_query
printf '%s\n' '{"id": "a1", "date": "2026-01-05", "title": "t", "body": "b", "tags": ["x"], "ratings": {"seen": 7, "known": 5, "valued": 6}}' > corpus/import_jsonl/seed.jsonl
printf '%s\n' '{"format": "trine-journal", "version": 1, "entries": [{"id": "00000000-0000-4000-8000-000000000001", "kind": "reflection", "datetime": "2026-11-24T18:00:00+01:00", "sections": [{"side": "emotional", "text": "x"}]}]}' > corpus/import_json/seed.json
printf '%s' '"unbalanced AND * OR promo* "phrase here"' > corpus/search_query/seed.txt
# A small SQLite file shaped like a journal, for salvage to start from.
mkdir -p corpus/salvage_file
python3 - corpus/salvage_file/seed.db <<'PY'
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("PRAGMA page_size = 512")
conn.execute("CREATE TABLE IF NOT EXISTS entries (seq INTEGER PRIMARY KEY, id TEXT, kind TEXT, week_start TEXT, "
             + ", ".join(f"c{i}" for i in range(22)) + ")")
conn.execute("INSERT OR REPLACE INTO entries (seq, id, kind, week_start) VALUES "
             "(1, '00000000-0000-4000-8000-000000000001', 'note', '2026-11-23')")
conn.commit()
PY

# Build every target first: a build failure stops here, loudly.
cargo fuzz build -s none
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for target in $(cargo fuzz list); do
    echo "== $target for ${seconds}s"
    status=0
    cargo fuzz run -s none "$target" "corpus/$target" -- -max_total_time="$seconds" -print_final_stats=1 \
        >"$log" 2>&1 || status=$?
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==|SUMMARY|Done)|panicked|ERROR" "$log" || true
    if [ "$status" -ne 0 ] || [ -n "$(ls -A "artifacts/$target" 2>/dev/null)" ]; then
        tail -n 30 "$log" >&2
        echo "fuzz: $target failed (exit $status): see fuzz/artifacts/$target/" >&2
        exit 1
    fi
done
echo "fuzz: no crash in any target"
