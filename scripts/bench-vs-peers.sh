#!/usr/bin/env bash
# Trine side by side with its peers, in one run on this machine:
#   * importing 10,000 entries of about 150 words: `trine import --format
#     jsonl` against jrnl 4.6's `jrnl --import` of the same entries (from
#     PyPI, pinned, in a venv under target/), and the journal's size after
#     the import against jrnl's plain-text file;
#   * `trine list --limit 20`, `trine search WORD --limit 20` and
#     `trine --version` against the sqlite3 CLI's equivalent on the same
#     journal file.
# Commands run in turn (A B A B ...), so a drift in the machine's speed
# touches both; the ratio is taken pair by pair and its median printed.
# Usage: scripts/bench-vs-peers.sh [ROUNDS]   (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-7}"
JRNL_VERSION=4.6

cargo build --release -q -p trine-cli
mapfile -t fixture < <(cargo run --release -q -p trine-bench --example bench_journal -- 10000)
jsonl="${fixture[0]}"
data="${fixture[1]}"

venv=target/bench-venv
if [ ! -x "$venv/bin/jrnl" ] || ! "$venv/bin/jrnl" --version | grep -q "v$JRNL_VERSION"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "jrnl==$JRNL_VERSION"
fi
command -v sqlite3 >/dev/null || { echo "bench-vs-peers: the sqlite3 CLI is needed (apt install sqlite3)" >&2; exit 1; }

python3 - "$rounds" "$jsonl" "$data" "$venv/bin/jrnl" <<'PY'
import json, os, shutil, sqlite3, statistics, subprocess, sys, tempfile, time

rounds, jsonl, data, jrnl = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
trine = os.path.abspath("target/release/trine")
work = tempfile.mkdtemp(prefix="trine-vs-peers-")

# The same entries in jrnl's own text format, for its import.
entries_txt = os.path.join(work, "entries.txt")
with open(jsonl) as src, open(entries_txt, "w") as out:
    for line in src:
        r = json.loads(line)
        when = r["datetime"][:16].replace("T", " ")
        title = r["title"].replace("\n", " ")
        if not title.endswith((".", "!", "?")):
            title += "."
        out.write(f"[{when}] {title}\n{r['body']}\n\n")

home = os.path.join(work, "home")
os.makedirs(os.path.join(home, ".config", "jrnl"))
journal_txt = os.path.join(work, "jrnl-journal.txt")
with open(os.path.join(home, ".config", "jrnl", "jrnl.yaml"), "w") as cfg:
    cfg.write(f"""colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal_txt}
linewrap: 79
tagsymbols: '@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: 'v4.6'
""")
jrnl_env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
                XDG_DATA_HOME=os.path.join(home, ".local", "share"))

def timed(cmd, env=None, before=None):
    if before:
        before()
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{cmd[0]} failed: {done.stderr.decode()[:500]}")
    return took

def fresh_jrnl():
    if os.path.exists(journal_txt):
        os.remove(journal_txt)

trine_dir = os.path.join(work, "trine")
def fresh_trine():
    shutil.rmtree(trine_dir, ignore_errors=True)

def pairs(a, b, n):
    ta, tb = [], []
    for _ in range(n):
        ta.append(a())
        tb.append(b())
    ratios = [x / y for x, y in zip(ta, tb)]
    return statistics.median(ta), statistics.median(tb), statistics.median(ratios)

print(f"machine: {os.cpu_count()} cores; {time.strftime('%Y-%m-%d')}; {rounds} rounds, in turn")
a, b, r = pairs(
    lambda: timed([trine, "--data-dir", trine_dir, "import", "--format", "jsonl", jsonl], before=fresh_trine),
    lambda: timed([jrnl, "--import", "--file", entries_txt], env=jrnl_env, before=fresh_jrnl),
    rounds)
print(f"import 10,000 entries: trine {a:.3f} s, jrnl {b:.3f} s, trine/jrnl {r:.2f}")
db = os.path.join(trine_dir, "journal.db")
conn = sqlite3.connect(db)
conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
conn.close()
size_trine, size_jrnl = os.path.getsize(db), os.path.getsize(journal_txt)
print(f"size: journal.db {size_trine/1e6:.1f} MB, jrnl's file {size_jrnl/1e6:.1f} MB, trine/jrnl {size_trine/size_jrnl:.2f}")

journal = os.path.join(data, "journal.db")
for name, cmd, peer in [
    ("trine list --limit 20", [trine, "--data-dir", data, "list", "--limit", "20"],
     ["sqlite3", journal, "SELECT id, title, entry_date FROM entries WHERE deleted_utc IS NULL ORDER BY created_utc DESC, seq DESC LIMIT 20"]),
    ("trine search promotion --limit 20", [trine, "--data-dir", data, "search", "promotion", "--limit", "20"],
     ["sqlite3", journal, "SELECT rowid, snippet(entry_text, -1, '[', ']', '...', 16) FROM entry_text WHERE entry_text MATCH 'promotion' ORDER BY bm25(entry_text, 4.0, 1.0, 1.0, 1.0, 1.0, 2.0) LIMIT 20"]),
    ("trine --version", [trine, "--version"], ["sqlite3", "--version"]),
]:
    # Each timed run is 20 invocations, so the figures are not at the
    # timer's grain.
    def loop(c):
        return lambda: timed(["sh", "-c", 'for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do "$@" >/dev/null; done', "sh", *c]) / 20
    a, b, r = pairs(loop(cmd), loop(peer), rounds)
    print(f"{name}: trine {a*1000:.2f} ms, sqlite3 {b*1000:.2f} ms, trine/sqlite3 {r:.2f}")
shutil.rmtree(work, ignore_errors=True)
PY
