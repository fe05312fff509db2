//! The journal file and storage: settings kept in the file, the pragmas a
//! file journal runs with, files that are refused and left untouched, the
//! health check, two handles on one journal file, and storage failures,
//! against real files: a writer waits for another's lock instead of failing
//! at once, two processes creating one journal migrate it once, and
//! SQLite's refusals become storage errors that name the journal.

use std::time::{Duration, Instant};

use tempfile::TempDir;

use super::tests::{day, note_at, ratings};
use super::*;
use crate::model::NewEntry;
use crate::StorageError;

#[test]
fn settings_are_kept_in_the_journal() {
    let dir = TempDir::new().unwrap();
    {
        let mut journal = Journal::open_in(dir.path()).unwrap();
        journal.set_setting("theme", "dark").unwrap();
        journal.set_setting("theme", "light").unwrap();
    }
    let journal = Journal::open_in(dir.path()).unwrap();
    assert_eq!(journal.setting("theme").unwrap().as_deref(), Some("light"));
    assert_eq!(journal.setting("missing").unwrap(), None);
}

#[test]
fn a_file_journal_uses_wal_full_sync_foreign_keys_and_secure_delete() {
    let dir = TempDir::new().unwrap();
    let journal = Journal::open_in(dir.path()).unwrap();
    let pragma = |name: &str| -> String {
        journal
            .conn
            .query_row(&format!("PRAGMA {name}"), [], |r| {
                r.get::<_, rusqlite::types::Value>(0)
            })
            .map(|v| match v {
                rusqlite::types::Value::Integer(i) => i.to_string(),
                rusqlite::types::Value::Text(t) => t,
                other => format!("{other:?}"),
            })
            .unwrap()
    };
    assert_eq!(pragma("journal_mode"), "wal");
    assert_eq!(pragma("synchronous"), "2", "FULL");
    assert_eq!(pragma("foreign_keys"), "1");
    assert_eq!(pragma("secure_delete"), "1");
    assert_eq!(journal.schema_version().unwrap(), CURRENT_VERSION);
    let cipher: String = journal
        .conn
        .query_row("PRAGMA cipher_version", [], |r| r.get(0))
        .unwrap();
    assert!(!cipher.is_empty(), "the SQLCipher build is linked");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_untouched() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join(JOURNAL_FILE);
    let junk = b"These are my notes, not a database. ".repeat(200);
    std::fs::write(&path, &junk).unwrap();
    let err = Journal::open(&path).unwrap_err();
    assert_eq!(err.code(), "not_a_database", "{err}");
    assert!(
        err.to_string().contains("journal.db"),
        "names the file: {err}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        junk,
        "the file is left as it was"
    );
}

#[test]
fn a_journal_from_a_newer_trine_is_refused_and_untouched() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join(JOURNAL_FILE);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Journal::open(&path).unwrap_err();
    assert_eq!(err.code(), "newer_schema");
    assert!(err.to_string().contains("newer Trine"), "{err}");
    assert!(err.to_string().contains("99"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "not touched");
}

/// A journal whose recorded schema version was damaged to an older one
/// (its tables are newer than the number says) would run migrations over
/// tables already there: it is named damaged, in Trine's words, and left
/// as it was.
#[test]
fn a_journal_whose_version_was_set_back_is_named_damaged_and_untouched() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join(JOURNAL_FILE);
    {
        let mut journal = Journal::open(&path).unwrap();
        journal
            .create(NewEntry::note("kept", "every word"))
            .unwrap();
    }
    for older in [1, 3, CURRENT_VERSION - 1] {
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", older).unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Journal::open(&path).unwrap_err();
        assert_eq!(err.code(), "damaged", "version {older}: {err}");
        let said = err.to_string();
        assert!(said.contains("journal.db"), "{said}");
        assert!(!said.contains("already exists"), "no SQL words: {said}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "not touched");
    }
}

#[test]
fn health_reports_counts_and_a_sound_index() {
    let mut journal = Journal::open_in_memory().unwrap();
    journal
        .create(note_at(
            "a",
            "one",
            "2026-01-05T09:00:00+00:00",
            &["t1", "t2"],
        ))
        .unwrap();
    let b = journal
        .create(NewEntry {
            private: true,
            ..NewEntry::note("b", "two")
        })
        .unwrap();
    journal
        .rate_week(day("2026-11-23"), ratings(1, 2, 3), None)
        .unwrap();
    journal.delete(b.id).unwrap();
    let health = journal.health().unwrap();
    assert!(health.is_ok(), "{health:?}");
    assert_eq!(health.entries, 2);
    assert_eq!(health.deleted, 1);
    assert_eq!(health.reflections, 1);
    assert_eq!(health.private, 0);
    assert_eq!(health.tags, 2);
}

#[test]
fn a_writer_waits_for_another_handles_write_lock_instead_of_failing() {
    let dir = tempfile::tempdir().unwrap();
    let mut holder = Journal::open_in(dir.path()).unwrap();
    let mut waiter = Journal::open_in(dir.path()).unwrap();
    holder.create(NewEntry::note("first", "")).unwrap();
    // The waiter has read the journal before (as the app does all day):
    // its write must still wait for the lock rather than fail at once.
    assert_eq!(waiter.entry_count().unwrap(), 1);
    holder.conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let start = Instant::now();
    let saved = std::thread::scope(|scope| {
        let writer = scope.spawn(|| waiter.create(NewEntry::note("second", "")));
        std::thread::sleep(Duration::from_millis(300));
        holder
            .conn
            .execute_batch("INSERT INTO settings (key, value) VALUES ('held', '1'); COMMIT")
            .unwrap();
        writer.join().unwrap()
    });
    saved.expect("the second writer waited and saved");
    assert!(start.elapsed() >= Duration::from_millis(300));
    assert_eq!(holder.entry_count().unwrap(), 2);
    assert_eq!(holder.setting("held").unwrap().as_deref(), Some("1"));
}

#[test]
fn two_handles_that_both_found_a_new_file_migrate_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(JOURNAL_FILE);
    let mut first = Connection::open(&path).unwrap();
    let mut second = Connection::open(&path).unwrap();
    // Both read version 0 before either migrates, as two processes
    // starting on a new journal at the same moment do.
    assert_eq!(migrations::schema_version(&first).unwrap(), 0);
    assert_eq!(migrations::schema_version(&second).unwrap(), 0);
    migrations::migrate(&mut first, 0).unwrap();
    migrations::migrate(&mut second, 0).expect("the second finds the work done");
    assert_eq!(
        migrations::schema_version(&second).unwrap(),
        CURRENT_VERSION
    );
    drop((first, second));
    let journal = Journal::open(&path).unwrap();
    assert!(journal.health().unwrap().is_ok());
}

#[test]
fn a_refused_write_is_a_storage_error_naming_the_journal_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = Journal::open_in(dir.path()).unwrap();
    journal.create(NewEntry::note("kept", "")).unwrap();
    // SQLite refuses every write on this connection, as it does on a
    // read-only file.
    journal.conn.execute_batch("PRAGMA query_only = 1").unwrap();
    let err = journal
        .create(NewEntry::note("refused", ""))
        .unwrap_err()
        .in_journal(journal.path());
    assert_eq!(err.code(), "not_writable", "{err}");
    assert!(
        matches!(&err, Error::Storage(StorageError::NotWritable { path: Some(p), .. }) if p == &dir.path().join(JOURNAL_FILE)),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(
        message.contains(&format!(
            "folder {} cannot be written",
            dir.path().display()
        )),
        "{message}"
    );
    assert!(message.contains("nothing was changed"), "{message}");
    journal.conn.execute_batch("PRAGMA query_only = 0").unwrap();
    assert_eq!(journal.entry_count().unwrap(), 1);
    assert!(journal.health().unwrap().is_ok());
}

#[test]
fn opening_a_new_journal_waits_while_another_process_is_writing_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(JOURNAL_FILE);
    // Another process holds the write lock of the new file while it is
    // still in SQLite's default mode, as a second `trine` does while it
    // switches the file to WAL when both start on a new journal at once.
    // Switching then answers "busy" at once, without SQLite's wait.
    let writer = Connection::open(&path).unwrap();
    writer
        .execute_batch("CREATE TABLE scratch (x); DROP TABLE scratch; BEGIN IMMEDIATE;")
        .unwrap();
    let start = Instant::now();
    let opened = std::thread::scope(|scope| {
        let opener = scope.spawn(|| Journal::open(&path));
        std::thread::sleep(Duration::from_millis(300));
        writer.execute_batch("COMMIT").unwrap();
        opener.join().unwrap()
    });
    let journal = opened.expect("it waited for the writer and opened the journal");
    assert!(start.elapsed() >= Duration::from_millis(300));
    assert_eq!(journal.schema_version().unwrap(), CURRENT_VERSION);
    assert!(journal.health().unwrap().is_ok());
}

/// A journal file that is a link to a file not made yet (a journal kept on
/// another disk) is made for its owner only, as any new journal is.
#[cfg(unix)]
#[test]
fn a_new_journal_made_through_a_link_is_its_owners_only() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let elsewhere = home.path().join("elsewhere");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::os::unix::fs::symlink(elsewhere.join("real.db"), data.join(JOURNAL_FILE)).unwrap();
    let mut journal = Journal::open_in(&data).unwrap();
    journal
        .create(crate::model::NewEntry::note("kept", "private"))
        .unwrap();
    drop(journal);
    let mode = std::fs::metadata(elsewhere.join("real.db"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
}
