//! Where a fresh process spends the first open of a journal, phase by
//! phase, against a bare SQLite connection on the same file:
//! `cargo run --release -p trine-bench --example open_phases -- DATA_DIR`
//! (run it a few times; the first run also reads the file from disk). The
//! bare connection goes first, so it pays the cold start of SQLite's code
//! and the journal's pages; it reads no schema (`PRAGMA user_version`).
//! BENCHMARKS.md ("Where a `trine` process spends its start") has figures.

use std::time::Instant;

use trine_app::store::{Journal, ListQuery};

fn main() {
    let dir = std::path::PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: open_phases DATA_DIR"),
    );
    let micros = |from: Instant| from.elapsed().as_micros();

    // SQLite and SQLCipher start once per process, at the first connection.
    let start = Instant::now();
    let memory = rusqlite::Connection::open_in_memory().expect("an in-memory database");
    let library_start = micros(start);
    drop(memory);

    let start = Instant::now();
    let bare =
        rusqlite::Connection::open(dir.join(trine_app::store::JOURNAL_FILE)).expect("the file");
    let _: i64 = bare
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .expect("its version");
    let bare_open = micros(start);
    let start = Instant::now();
    drop(bare);
    let bare_close = micros(start);

    let start = Instant::now();
    let journal = Journal::open_in_with(&dir, None).expect("an unencrypted journal in DATA_DIR");
    let open = micros(start);
    let start = Instant::now();
    let query = ListQuery {
        limit: Some(20),
        ..Default::default()
    };
    let listed = journal.list(&query).expect("a list").len();
    let list = micros(start);
    let start = Instant::now();
    drop(journal);
    let close = micros(start);

    println!(
        "SQLite/SQLCipher start {library_start} us; Trine: open {open} us, list {listed} entries {list} us, close {close} us; bare SQLite: open and read its version {bare_open} us, close {bare_close} us"
    );
}
