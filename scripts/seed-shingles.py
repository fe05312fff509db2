#!/usr/bin/env python3
"""Writes crates/trine-store/tests/fixtures/seed-shingles.txt: FNV-1a 64 hashes
of every 8-word run in the seed articles, so the prompt library's test can
check that no prompt copies them without keeping their text in this
repository. Words: lower-cased, split on anything not a-z/0-9 (the Rust test
splits the same way).

Usage: python3 scripts/seed-shingles.py SEEDS_FOLDER  (a folder of .txt
articles; nothing in the build or the tests runs this)."""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if len(sys.argv) != 2 or not os.path.isdir(sys.argv[1]):
    sys.exit("usage: seed-shingles.py SEEDS_FOLDER (a folder of the seed articles as .txt)")
SEEDS = os.path.join(sys.argv[1], "*.txt")
OUT = os.path.join(ROOT, "crates", "trine-store", "tests", "fixtures", "seed-shingles.txt")


def fnv1a64(text):
    h = 0xCBF29CE484222325
    for b in text.encode():
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


hashes = set()
for path in sorted(glob.glob(SEEDS)):
    with open(path, encoding="utf-8") as f:
        words = [w for w in re.split(r"[^0-9a-z]+", f.read().lower()) if w]
    for i in range(len(words) - 7):
        hashes.add(fnv1a64(" ".join(words[i : i + 8])))

with open(OUT, "w") as out:
    out.write("# FNV-1a 64 hashes of every 8-word run in the seed articles (lower-cased,\n")
    out.write("# split on anything not a-z or 0-9). Made by scripts/seed-shingles.py; the seed\n")
    out.write("# text itself is not kept here. Used to check that no prompt copies the seeds.\n")
    for h in sorted(hashes):
        out.write(f"{h:016x}\n")
print(f"{len(hashes)} shingles -> {OUT}")
