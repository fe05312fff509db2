#!/usr/bin/env python3
"""The search-index designs weighed for schema 3, measured on one set of
entries with Python's own SQLite (FTS5): indexing time, file size, a prefix
search and a phrase search. Usage:

    scripts/fts-alternatives.py ENTRIES.jsonl

ENTRIES.jsonl is the benchmarks' synthetic journal, e.g. the one
`cargo run --release -p trine-bench --example bench_journal -- 10000` names.
"""
import json
import os
import sqlite3
import sys
import tempfile
import time

rows = [json.loads(line) for line in open(sys.argv[1])]
work = tempfile.mkdtemp(prefix="trine-fts-")
TOKENS = "tokenize='unicode61 remove_diacritics 2'"
SIX = "title, body, developmental, emotional, integration, tags"


def measure(name, columns, options, combined=False, after=False, config=()):
    path = os.path.join(work, name.replace(" ", "-") + ".db")
    c = sqlite3.connect(path, isolation_level=None)
    c.execute("PRAGMA journal_mode=WAL")
    c.execute("CREATE TABLE e (seq INTEGER PRIMARY KEY, title, body, developmental, emotional, integration, tags)")
    c.execute(f"CREATE VIRTUAL TABLE f USING fts5({columns}, content='e', content_rowid='seq', {TOKENS}{options})")
    for key, value in config:
        c.execute(f"INSERT INTO f (f, rank) VALUES ('{key}', {value})")
    start = time.perf_counter()
    c.execute("BEGIN")
    for k, r in enumerate(rows, 1):
        values = (k, r["title"], r["body"], None, None, None, json.dumps(r.get("tags", [])))
        c.execute("INSERT INTO e VALUES (?, ?, ?, ?, ?, ?, ?)", values)
        if after:
            continue
        if combined:
            c.execute("INSERT INTO f (rowid, text) VALUES (?, ?)", (k, "\n".join(filter(None, values[1:]))))
        else:
            c.execute(f"INSERT INTO f (rowid, {SIX}) VALUES (?, ?, ?, ?, ?, ?, ?)", values)
    if after:
        c.execute("INSERT INTO f (f) VALUES ('rebuild')")
    c.execute("COMMIT")
    took = time.perf_counter() - start
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = os.path.getsize(path)
    index = c.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'f_%'").fetchone()[0]

    def timed(query, n):
        start = time.perf_counter()
        for _ in range(n):
            c.execute("SELECT count(*) FROM f WHERE f MATCH ?", (query,)).fetchone()
        return (time.perf_counter() - start) / n * 1000

    prefix = timed('"prog"*', 100)
    try:
        phrase = "%.2f ms" % timed('"career conversation"', 50)
    except sqlite3.OperationalError:
        phrase = "not supported"
    print(f"| {name} | {took:.2f} s | {size / 1e6:.1f} MB | {index / 1e6:.1f} MB | {prefix:.2f} ms | {phrase} |")
    c.close()


print(f"SQLite {sqlite3.sqlite_version}, {len(rows)} entries")
print("| index | indexing | file | of which index | prefix `prog*` | phrase |")
print("|---|---|---|---|---|---|")
measure("six columns, prefix '2 3' (schema 2)", SIX, ", prefix='2 3'")
measure("six columns, no prefix index (schema 3)", SIX, "")
measure("six columns, prefix '3'", SIX, ", prefix='3'")
measure("one combined column, no prefix index", "text", "", combined=True)
measure("six columns, detail=column", SIX, ", detail=column")
measure("six columns, filled after the rows ('rebuild')", SIX, "", after=True)
measure("six columns, automerge 0", SIX, "", config=[("automerge", 0)])
measure("six columns, hashsize 16 MB", SIX, "", config=[("hashsize", 16 * 1024 * 1024)])
