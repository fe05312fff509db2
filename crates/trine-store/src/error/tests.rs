//! Tests of the errors: their codes, and messages in Trine's own words.

use std::path::Path;

use rusqlite::ffi;

use super::*;

/// An SQLite failure as rusqlite reports it.
fn sqlite(extended: i32, message: &str) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(ffi::Error::new(extended), Some(message.to_string()))
}

#[test]
fn disk_failures_become_storage_errors_with_their_own_words() {
    let journal = Path::new("/data/trine/journal.db");
    let cases = [
        (
            ffi::SQLITE_FULL,
            "database or disk is full",
            "write_refused",
        ),
        (ffi::SQLITE_IOERR_WRITE, "disk I/O error", "write_refused"),
        (
            ffi::SQLITE_IOERR_TRUNCATE,
            "disk I/O error",
            "write_refused",
        ),
        (ffi::SQLITE_IOERR_FSYNC, "disk I/O error", "disk_error"),
        (
            ffi::SQLITE_READONLY,
            "attempt to write a readonly database",
            "not_writable",
        ),
        (
            ffi::SQLITE_CANTOPEN,
            "unable to open database file",
            "not_writable",
        ),
        (ffi::SQLITE_BUSY, "database is locked", "busy"),
    ];
    for (extended, words, code) in cases {
        let err = Error::from(sqlite(extended, words)).in_journal(Some(journal));
        assert_eq!(err.code(), code, "{err}");
        let message = err.to_string();
        let named = if code == "not_writable" {
            "folder /data/trine cannot be written"
        } else {
            "/data/trine/journal.db"
        };
        assert!(message.contains(named), "names the journal: {message}");
        if code != "busy" {
            assert!(message.contains(words), "keeps SQLite's words: {message}");
        }
        assert!(!message.contains("reported an error: "), "{message}");
    }
}

#[test]
fn what_a_storage_error_says_about_the_change_fits_what_happened() {
    let refused = Error::from(sqlite(ffi::SQLITE_FULL, "database or disk is full"));
    assert!(refused.to_string().contains("file-size limit"), "{refused}");
    assert!(
        refused.to_string().contains("the change was not saved"),
        "{refused}"
    );
    // A failed flush may have reached the disk: it does not claim either way.
    let flush = Error::from(sqlite(ffi::SQLITE_IOERR_FSYNC, "disk I/O error"));
    assert!(
        flush.to_string().contains("may not have been saved"),
        "{flush}"
    );
    assert_eq!(flush.fix(), Some(Fix::RunIntegrityCheck), "{flush}");
    let busy = Error::from(sqlite(ffi::SQLITE_BUSY, "database is locked"));
    assert!(busy.to_string().contains("busy"), "{busy}");
    assert!(busy.to_string().contains("nothing was changed"), "{busy}");
}

#[test]
fn other_failures_stay_database_errors_and_a_known_path_is_kept() {
    let constraint = Error::from(sqlite(
        ffi::SQLITE_CONSTRAINT_UNIQUE,
        "UNIQUE constraint failed",
    ));
    assert_eq!(constraint.code(), "database");
    assert_eq!(
        Error::from(rusqlite::Error::QueryReturnedNoRows).code(),
        "database"
    );
    let first =
        Error::from(sqlite(ffi::SQLITE_FULL, "full")).in_journal(Some(Path::new("/a/journal.db")));
    let again = first.in_journal(Some(Path::new("/b/journal.db")));
    assert!(again.to_string().contains("/a/journal.db"), "{again}");
    let unknown = Error::from(sqlite(ffi::SQLITE_FULL, "full")).in_journal(None);
    assert!(
        unknown
            .to_string()
            .starts_with("could not write to the journal: "),
        "{unknown}"
    );
}
