//! Deterministic synthetic journals for Trine's benchmarks.
//!
//! [`synthetic_jsonl`] writes `n` entries as JSON Lines: about 150 words
//! each, in three sections (the body here, as JSONL has no sections), 2 or 3
//! tags, one rated reflection-like entry per week. The same `n` always gives
//! the same file, so figures from different days compare. Two marker words
//! make search cases: [`RARE_WORD`] appears in about one entry in 10,000,
//! [`COMMON_WORD`] in about half of them.

#![warn(missing_docs)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use trine_app::interchange::read_jsonl;
use trine_app::Journal;

/// A word found in roughly one entry in ten thousand (at least one).
pub const RARE_WORD: &str = "quillwort";
/// A word found in roughly half the entries.
pub const COMMON_WORD: &str = "meeting";

const VOCABULARY: &[&str] = &[
    "project",
    "manager",
    "feedback",
    "colleague",
    "review",
    "promotion",
    "patience",
    "confidence",
    "voice",
    "values",
    "team",
    "customer",
    "deadline",
    "presentation",
    "mentor",
    "coach",
    "learned",
    "noticed",
    "asked",
    "listened",
    "proud",
    "tired",
    "curious",
    "worried",
    "calm",
    "progress",
    "small",
    "win",
    "week",
    "today",
    "tomorrow",
    "career",
    "role",
    "skills",
    "growth",
    "boundaries",
    "energy",
    "focus",
    "credit",
    "recognised",
    "seen",
    "known",
    "valued",
    "honest",
    "conversation",
    "plan",
    "next",
    "step",
    "waiting",
    "decision",
    "interview",
    "network",
    "community",
    "friend",
    "support",
    "challenge",
    "mistake",
    "repair",
    "launch",
    "design",
    "writing",
    "data",
    "report",
    "sprint",
    "retro",
    "standup",
    "lunch",
    "walk",
    "home",
    "morning",
    "evening",
    "slowly",
    "quickly",
    "clearly",
    "again",
    "together",
    "alone",
    "because",
    "although",
];

const TAGS: &[&str] = &[
    "work",
    "mentor",
    "promotion",
    "transition",
    "voice",
    "team",
    "health",
    "learning",
    "wins",
];

/// A small deterministic pseudo-random generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// `n` entries as JSON Lines, oldest first, going back from 2026-11-23:
/// three a week, or as many as it takes to fit in ten years (a lifetime's
/// journal; Trine imports nothing dated before 1900).
pub fn synthetic_jsonl(n: usize) -> String {
    let per_week = n.div_ceil(520).max(3);
    let mut rng = Rng(42);
    let mut out = String::with_capacity(n * 1100);
    let rare_every = 10_000.min(n.max(1));
    for i in 0..n {
        // Spread over each week's days; every third entry rated.
        let weeks_back = (n - 1 - i) / per_week;
        let day = chrono_day(weeks_back, i % per_week % 7);
        let mut words = Vec::with_capacity(160);
        for _ in 0..150 {
            words.push(VOCABULARY[rng.below(VOCABULARY.len())]);
        }
        if rng.below(2) == 0 {
            words[rng.below(150)] = COMMON_WORD;
        }
        if i % rare_every == rare_every / 2 {
            words[7] = RARE_WORD;
        }
        let sections: Vec<String> = words.chunks(50).map(|c| c.join(" ")).collect();
        let body = format!("{}.\n\n{}.\n\n{}.", sections[0], sections[1], sections[2]);
        let tag_count = 2 + rng.below(2);
        let mut tags = Vec::new();
        while tags.len() < tag_count {
            let t = TAGS[rng.below(TAGS.len())];
            if !tags.contains(&t) {
                tags.push(t);
            }
        }
        let mut line = format!(
            "{{\"id\":\"bench-{i}\",\"datetime\":\"{day}T{:02}:{:02}:00+01:00\",\"title\":\"Entry {i}: {} {}\",\"body\":{},\"tags\":{}",
            8 + rng.below(12),
            rng.below(60),
            VOCABULARY[rng.below(VOCABULARY.len())],
            VOCABULARY[rng.below(VOCABULARY.len())],
            serde_json::to_string(&body).expect("string"),
            serde_json::to_string(&tags).expect("tags"),
        );
        if i % 3 == 2 {
            let _ = write!(
                line,
                ",\"ratings\":{{\"seen\":{},\"known\":{},\"valued\":{}}}",
                1 + rng.below(10),
                1 + rng.below(10),
                1 + rng.below(10)
            );
        }
        line.push_str("}\n");
        out.push_str(&line);
    }
    out
}

/// The date `weeks_back` weeks before the week of 2026-11-23, on day
/// `slot` (0 to 6) of that week.
fn chrono_day(weeks_back: usize, slot: usize) -> String {
    let start = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    (start - chrono::Days::new(7 * weeks_back as u64) + chrono::Days::new(slot as u64)).to_string()
}

/// A folder with a journal of `n` synthetic entries, built once and reused
/// (under `target/bench-data/`), plus the JSONL file it was imported from.
pub struct Fixture {
    /// The data folder holding `journal.db`.
    pub data_dir: PathBuf,
    /// The JSON Lines file of the same entries.
    pub jsonl: PathBuf,
}

/// Builds (or reuses) the fixture journal of `n` entries.
pub fn fixture(n: usize) -> Fixture {
    // v2: spread over at most ten years (v1 went back centuries).
    let root = bench_data_root().join(format!("journal-v2-{n}"));
    let jsonl = root.join("entries.jsonl");
    let data_dir = root.join("data");
    let done = root.join("complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).expect("bench folder");
        let text = synthetic_jsonl(n);
        std::fs::write(&jsonl, &text).expect("write jsonl");
        let mut journal = Journal::open_in(&data_dir).expect("open");
        // In parts: one import takes at most 104 MiB (the 100k file is more).
        let lines: Vec<&str> = text.lines().collect();
        let part = root.join("part.jsonl");
        for chunk in lines.chunks(40_000) {
            std::fs::write(&part, chunk.join("\n")).expect("write a part");
            let set = read_jsonl(&part, &trine_app::time::local_offset_at).expect("read");
            journal.import(set).expect("import");
        }
        let _ = std::fs::remove_file(&part);
        std::fs::write(&done, "").expect("mark");
    }
    Fixture { data_dir, jsonl }
}

/// Copies a fixture's journal to a fresh temporary folder, for benchmarks
/// that write.
pub fn scratch_copy(fixture: &Fixture) -> tempfile::TempDir {
    let dir = tempfile::tempdir_in(bench_data_root()).expect("temp");
    copy_journal(&fixture.data_dir, dir.path());
    dir
}

fn copy_journal(from: &Path, to: &Path) {
    let journal = Journal::open_in(from).expect("open");
    drop(journal); // checkpoint on close keeps the copy to one file
    for name in ["journal.db", "journal.db-wal"] {
        let file = from.join(name);
        if file.exists() {
            std::fs::copy(&file, to.join(name)).expect("copy");
        }
    }
}

/// The passphrase of the encrypted fixture journals.
pub const PASSPHRASE: &str = "correct horse battery staple";

/// Builds (or reuses) the fixture journal of `n` entries encrypted with
/// [`PASSPHRASE`]: the same entries as [`fixture`], so figures compare.
pub fn encrypted_fixture(n: usize) -> Fixture {
    let plain = fixture(n);
    let root = bench_data_root().join(format!("journal-v2-{n}-encrypted"));
    let data_dir = root.join("data");
    let done = root.join("complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&data_dir).expect("bench folder");
        copy_journal(&plain.data_dir, &data_dir);
        let mut journal = Journal::open_in(&data_dir).expect("open");
        journal.set_passphrase(Some(PASSPHRASE)).expect("encrypt");
        std::fs::write(&done, "").expect("mark");
    }
    Fixture {
        data_dir,
        jsonl: plain.jsonl,
    }
}

/// `target/bench-data`, next to the build's other outputs.
pub fn bench_data_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-data");
    std::fs::create_dir_all(&root).expect("bench data folder");
    root
}
