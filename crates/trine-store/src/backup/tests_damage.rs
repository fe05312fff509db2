//! Restore when it is needed most: a damaged journal comes back from a
//! backup (its bytes kept aside as they were), and a backup is checked
//! against the exact schema of its version before it replaces anything.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::*;
use crate::error::OpenError;
use crate::model::NewEntry;

fn titles(journal: &Journal) -> Vec<String> {
    let mut titles: Vec<String> = journal
        .list(&Default::default())
        .unwrap()
        .into_iter()
        .map(|e| e.title)
        .collect();
    titles.sort();
    titles
}

/// A journal in `dir` with `n` entries of some length, a backup of it, and
/// one more entry after the backup; closed, its log folded in.
fn journal_with_backup(dir: &Path, n: usize) -> PathBuf {
    let mut journal = Journal::open_in(dir).unwrap();
    for i in 0..n {
        journal
            .create(NewEntry::note(
                format!("entry {i:03}"),
                "words ".repeat(200),
            ))
            .unwrap();
    }
    let backup = journal.backup_now().unwrap().path;
    journal
        .create(NewEntry::note("after the backup", ""))
        .unwrap();
    drop(journal);
    backup
}

fn overwrite(path: &Path, offset: u64, bytes: &[u8]) {
    use std::io::{Seek, SeekFrom, Write};
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    file.seek(SeekFrom::Start(offset)).unwrap();
    file.write_all(bytes).unwrap();
}

#[test]
fn a_journal_with_a_damaged_header_is_called_damaged_not_locked() {
    let dir = tempfile::tempdir().unwrap();
    journal_with_backup(dir.path(), 3);
    let path = dir.path().join(crate::store::JOURNAL_FILE);
    overwrite(&path, 0, &[0u8; 100]);
    let err = Journal::open(&path).unwrap_err();
    assert_eq!(err.code(), "damaged", "{err}");
    assert!(err.to_string().contains("left untouched"), "{err}");
}

#[test]
fn a_journal_with_a_damaged_header_comes_back_from_a_backup_and_its_bytes_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let backup = journal_with_backup(dir.path(), 3);
    let path = dir.path().join(crate::store::JOURNAL_FILE);
    overwrite(
        &path,
        0,
        b"this is no longer a header at all, the disk failed here.....",
    );
    let damaged = std::fs::read(&path).unwrap();

    let (journal, kept) = restore_damaged(&path, &backup, None).unwrap();

    assert_eq!(titles(&journal), ["entry 000", "entry 001", "entry 002"]);
    assert!(journal.health().unwrap().is_ok());
    assert_eq!(std::fs::read(&kept).unwrap(), damaged, "kept byte for byte");
    assert!(kept.starts_with(dir.path().join("backups")));
    assert!(
        list_backups(&dir.path().join("backups"))
            .unwrap()
            .iter()
            .all(|b| b.path != kept),
        "the damaged copy is not offered as a backup"
    );
}

#[test]
fn a_journal_damaged_inside_is_restored_over_from_an_open_handle() {
    let dir = tempfile::tempdir().unwrap();
    let backup = journal_with_backup(dir.path(), 40);
    let path = dir.path().join(crate::store::JOURNAL_FILE);
    // Garbage over a page of entries, past the schema on page 1.
    overwrite(&path, 4096 * 6, &[0x5a; 4096]);
    let damaged = std::fs::read(&path).unwrap();
    let mut journal = Journal::open(&path).expect("the schema page still reads");
    assert!(!journal.health().unwrap().is_ok(), "the damage is real");

    let kept = journal.restore(&backup).unwrap();

    assert_eq!(journal.entry_count().unwrap(), 40);
    assert!(journal.health().unwrap().is_ok());
    assert_eq!(std::fs::read(&kept).unwrap(), damaged, "kept byte for byte");
}

/// A backup of a small journal in `dir`, and the journal.
fn journal_and_backup(dir: &Path) -> (Journal, PathBuf) {
    let mut journal = Journal::open_in(dir).unwrap();
    journal.create(NewEntry::note("mine", "")).unwrap();
    let backup = journal.backup_now().unwrap().path;
    journal.create(NewEntry::note("later", "")).unwrap();
    (journal, backup)
}

/// A copy of `backup` changed by `sql`.
fn altered(backup: &Path, name: &str, sql: &str) -> PathBuf {
    let copy = backup.with_file_name(name);
    std::fs::copy(backup, &copy).unwrap();
    Connection::open(&copy).unwrap().execute_batch(sql).unwrap();
    copy
}

#[test]
fn a_backup_that_is_not_exactly_a_trine_journal_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut journal, backup) = journal_and_backup(dir.path());
    let foreign = dir.path().join("foreign.db");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE notes (body TEXT); PRAGMA user_version = 2;")
        .unwrap();
    let cases = [
        (foreign, "notes"),
        (
            altered(&backup, "no-search.db", "DROP TABLE entry_text;"),
            "entry_text",
        ),
        (
            altered(
                &backup,
                "trigger.db",
                "CREATE TRIGGER sneaky AFTER INSERT ON entries BEGIN DELETE FROM entries; END;",
            ),
            "sneaky",
        ),
        (
            altered(
                &backup,
                "view.db",
                "CREATE VIEW everything AS SELECT * FROM entries;",
            ),
            "everything",
        ),
        (
            altered(
                &backup,
                "index-gone.db",
                "DROP INDEX IF EXISTS entries_live_by_date;",
            ),
            "entries_live_by_date",
        ),
        (
            altered(
                &backup,
                "search-out-of-step.db",
                "INSERT INTO entry_text (rowid, title, body, developmental, emotional, \
                 integration, tags) VALUES (424242, 'ghost', 'ghost', '', '', '', '');",
            ),
            "search index",
        ),
    ];
    for (file, named) in cases {
        let err = journal.restore(&file).unwrap_err();
        assert_eq!(err.code(), "backup_refused", "{}: {err}", file.display());
        let message = err.to_string();
        assert!(message.contains(&*file.to_string_lossy()), "{message}");
        assert!(message.contains(named), "{message} should name {named}");
        assert!(message.contains("Nothing was changed"), "{message}");
        assert_eq!(titles(&journal), ["later", "mine"], "nothing changed");
    }
    let left: Vec<String> = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') || n.starts_with(REPLACED_PREFIX))
        .collect();
    assert!(left.is_empty(), "no copies left behind: {left:?}");
    journal.restore(&backup).unwrap();
    assert_eq!(titles(&journal), ["mine"], "the real backup still restores");
}

/// A journal file emptied (a sync tool, a failed copy) or deleted while its
/// backups stay is a journal lost: it is not started afresh, so backups of
/// an empty journal never push the real ones out, and restoring one brings
/// it back. Without backups, an empty or missing file is a new journal.
#[test]
fn an_emptied_or_missing_journal_with_backups_is_lost_not_new() {
    let dir = tempfile::tempdir().unwrap();
    let backup = journal_with_backup(dir.path(), 3);
    let path = dir.path().join(crate::store::JOURNAL_FILE);
    let backups = || list_backups(&dir.path().join("backups")).unwrap().len();
    assert_eq!(backups(), 1);

    std::fs::write(&path, b"").unwrap();
    let err = Journal::open(&path).unwrap_err();
    assert_eq!(err.code(), "damaged", "restored as a damaged one is: {err}");
    assert!(
        matches!(
            err,
            Error::Open(OpenError::Lost {
                backups: 1,
                missing: false,
                ..
            })
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("is empty, yet 1 backup"), "{err}");
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 0, "left as it was");
    assert_eq!(backups(), 1, "no backup of an empty journal");

    std::fs::remove_file(&path).unwrap();
    let err = Journal::open_in(dir.path()).unwrap_err();
    assert!(
        matches!(err, Error::Open(OpenError::Lost { missing: true, .. })),
        "{err:?}"
    );
    assert!(!path.exists(), "nothing made in its place");

    let (journal, _) = restore_damaged(&path, &backup, None).unwrap();
    assert_eq!(titles(&journal), ["entry 000", "entry 001", "entry 002"]);

    let fresh = tempfile::tempdir().unwrap();
    std::fs::write(fresh.path().join(crate::store::JOURNAL_FILE), b"").unwrap();
    let journal = Journal::open_in(fresh.path()).unwrap();
    assert_eq!(
        journal.entry_count().unwrap(),
        0,
        "an empty file, no backups: new"
    );
}

/// A journal damaged where it can still be opened makes copies a restore
/// would refuse: no such copy is kept as a backup, and none of the good
/// backups is pushed out for it. (Damage only in an index of the entries
/// is not such damage: the copy is made from the rows, and is sound.)
#[test]
fn a_journal_whose_copy_would_not_restore_takes_no_backup_and_keeps_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let good = journal_with_backup(dir.path(), 30);
    let path = dir.path().join(crate::store::JOURNAL_FILE);
    {
        let mut journal = Journal::open(&path).unwrap();
        journal.set_backups_to_keep(1).unwrap();
    }
    // A row the disk changed into one the schema forbids (a rating of
    // 90): SQLite's check finds it, and a copy carries it over as it is.
    let raw = Connection::open(&path).unwrap();
    raw.execute_batch(
        "PRAGMA ignore_check_constraints = ON; \
         UPDATE entries SET seen = 90 WHERE title = 'entry 001';",
    )
    .unwrap();
    drop(raw);

    let mut journal = Journal::open(&path).unwrap();
    let err = journal.backup_now().unwrap_err();
    assert_eq!(err.code(), "damaged", "{err}");
    assert!(err.to_string().contains("no backup was taken"), "{err}");
    let kept: Vec<_> = list_backups(&dir.path().join("backups"))
        .unwrap()
        .into_iter()
        .map(|b| b.path)
        .collect();
    assert_eq!(
        kept,
        std::slice::from_ref(&good),
        "the good backup stays, alone"
    );
    let leftovers = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .count();
    assert_eq!(leftovers, 1, "no half-made copy left");
    drop(journal);
    let (journal, _) = restore_damaged(&path, &good, None).unwrap();
    assert_eq!(journal.entry_count().unwrap(), 30);
}

/// Damage to the search index alone loses no word: the index is made from
/// the entries, so a backup makes it again and goes ahead (before, the
/// backup was refused, and restoring an older one stranded the entries
/// written since).
#[test]
fn a_damaged_search_index_is_made_again_from_the_entries_by_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    journal_with_backup(dir.path(), 30);
    let path = dir.path().join(crate::store::JOURNAL_FILE);
    let raw = Connection::open(&path).unwrap();
    let zeroed = raw
        .execute(
            "UPDATE entry_text_data SET block = zeroblob(length(block)) \
             WHERE id = (SELECT max(id) FROM entry_text_data)",
            [],
        )
        .unwrap();
    assert_eq!(zeroed, 1);
    drop(raw);

    let mut journal = Journal::open(&path).unwrap();
    let health = journal.health().unwrap();
    assert!(health.only_search_index_damaged(), "{health:?}");
    let backup = journal.backup_now().unwrap();
    assert!(
        journal.health().unwrap().is_ok(),
        "the index is whole again"
    );
    assert_eq!(journal.search("after", 50).unwrap().len(), 1);
    let copy = Journal::open(&backup.path).unwrap();
    assert!(copy.health().unwrap().is_ok());
    assert_eq!(copy.entry_count().unwrap(), 31);
}

/// Text whose bytes the disk changed so they are no longer UTF-8 is named
/// in Trine's words (not a decoder's message about byte indexes), with
/// the way out that keeps every other word (not a restore, which would
/// lose what came after the backup).
#[test]
fn text_changed_on_the_disk_is_called_damage_in_trines_words() {
    let dir = tempfile::tempdir().unwrap();
    journal_with_backup(dir.path(), 3);
    let path = dir.path().join(crate::store::JOURNAL_FILE);
    let raw = Connection::open(&path).unwrap();
    raw.execute_batch(
        "UPDATE entries SET body = CAST(x'61ff62' AS TEXT) WHERE title = 'entry 001'",
    )
    .unwrap();
    drop(raw);
    let journal = Journal::open(&path).unwrap();
    let err = journal.list(&Default::default()).unwrap_err();
    assert_eq!(err.code(), "damaged_values", "{err}");
    assert_eq!(err.fix(), Some(crate::error::Fix::RepairDamagedValues));
    let said = err.in_journal(Some(&path)).to_string();
    assert!(
        said.contains("some entries of the journal") && said.contains("a damaged value"),
        "{said}"
    );
    assert!(!said.contains("utf-8"), "{said}");
}

/// Header fields the disk changed: a schema version no Trine wrote (below
/// zero, zero on a file that holds a journal's tables, or far beyond any
/// release) and a file format SQLite does not know are damage, which a
/// backup brings back; before, a negative version opened as if sound and
/// a zeroed one ran the first migration on a journal's tables.
#[test]
fn a_header_the_disk_changed_is_damage_and_a_backup_brings_the_journal_back() {
    for (offset, bytes) in [
        (60, [0xff, 0xff, 0xff, 0xfe]),
        (60, [0, 0, 0, 0]),
        (60, [0x5a, 0x5a, 0x5a, 0x5a]),
        (44, [0, 0, 0, 9]),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let backup = journal_with_backup(dir.path(), 3);
        let path = dir.path().join(crate::store::JOURNAL_FILE);
        overwrite(&path, offset, &bytes);
        let err = Journal::open(&path)
            .err()
            .unwrap_or_else(|| panic!("bytes {bytes:?} at {offset} opened as a sound journal"));
        assert_eq!(err.code(), "damaged", "{offset} {bytes:?}: {err}");
        assert!(!err.to_string().contains("unsupported"), "{err}");
        let (journal, _) = restore_damaged(&path, &backup, None).unwrap();
        assert_eq!(titles(&journal).len(), 3);
    }
}

/// Another program's SQLite database where the journal should be is not a
/// journal: it is refused and left exactly as it was (before, Trine's
/// first migration ran inside it).
#[test]
fn another_programs_database_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(crate::store::JOURNAL_FILE);
    let foreign = Connection::open(&path).unwrap();
    foreign
        .execute_batch("CREATE TABLE notes (x); INSERT INTO notes VALUES ('mine');")
        .unwrap();
    drop(foreign);
    let before = std::fs::read(&path).unwrap();
    let err = Journal::open(&path).expect_err("refused");
    assert_eq!(err.code(), "not_a_database", "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "untouched");
}

/// The other shapes of a journal lost: a file of a byte, or a database
/// with no table (both of which SQLite reads as empty), beside backups; a
/// missing file whose only trace is a copy a restore kept; and a missing
/// file whose backups are on a disk not connected. None starts afresh.
#[test]
fn a_journal_lost_in_other_shapes_is_not_started_afresh() {
    let dir = tempfile::tempdir().unwrap();
    journal_with_backup(dir.path(), 2);
    let path = dir.path().join(crate::store::JOURNAL_FILE);
    std::fs::write(&path, b"x").unwrap();
    let err = Journal::open(&path).expect_err("a byte");
    assert!(
        matches!(err, Error::Open(OpenError::Lost { .. })),
        "{err:?}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"x", "left as it was");

    std::fs::remove_file(&path).unwrap();
    let empty = Connection::open(&path).unwrap();
    empty
        .execute_batch("CREATE TABLE t (a); DROP TABLE t;")
        .unwrap();
    drop(empty);
    let err = Journal::open(&path).expect_err("an empty database");
    assert!(
        matches!(err, Error::Open(OpenError::Lost { .. })),
        "{err:?}"
    );

    // Only a copy kept by a restore.
    let other = tempfile::tempdir().unwrap();
    std::fs::create_dir(other.path().join("backups")).unwrap();
    std::fs::write(
        other.path().join("backups/replaced-20261205-101010-000.db"),
        b"SQLite format 3\0",
    )
    .unwrap();
    let err = Journal::open_in(other.path()).expect_err("a kept copy");
    assert!(
        matches!(err, Error::Open(OpenError::Lost { missing: true, .. })),
        "{err:?}"
    );

    // Backups on a disk not connected.
    let away = tempfile::tempdir().unwrap();
    let usb = away.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let data = away.path().join("data");
    let mut journal = Journal::open_in(&data).unwrap();
    journal
        .create(NewEntry::note("kept", "on the usb disk"))
        .unwrap();
    choose_backup_places(journal.path().unwrap(), Some(&usb), false).unwrap();
    journal.backup_now().unwrap();
    drop(journal);
    std::fs::remove_file(data.join(crate::store::JOURNAL_FILE)).unwrap();
    std::fs::rename(&usb, away.path().join("unplugged")).unwrap();
    let err = Journal::open_in(&data).expect_err("backups away");
    assert_eq!(err.code(), "damaged");
    assert!(
        matches!(err, Error::Open(OpenError::LostBackupsAway { .. })),
        "{err:?}"
    );
    assert!(err.to_string().contains("is its disk connected?"), "{err}");
    assert!(!data.join(crate::store::JOURNAL_FILE).exists());
}

/// A backup in another form than the journal (plain where the journal is
/// encrypted, or encrypted where it is not) is named for what it is, a
/// sound backup in another form, not "not a Trine journal", which could
/// lead a person to delete it.
#[test]
fn a_backup_in_another_form_is_named_so_not_called_foreign() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let plain_backup = journal_with_backup(dir.path(), 2);
    let plain_copy = elsewhere.path().join("plain.db");
    std::fs::copy(&plain_backup, &plain_copy).unwrap();
    let path = dir.path().join(crate::store::JOURNAL_FILE);
    let mut journal = Journal::open(&path).unwrap();
    journal.set_passphrase(Some("a long pass")).unwrap();
    let encrypted_backup = journal.backup_now().unwrap().path;
    let encrypted_copy = elsewhere.path().join("encrypted.db");
    std::fs::copy(&encrypted_backup, &encrypted_copy).unwrap();
    let kept_bytes = std::fs::read(&encrypted_copy).unwrap();

    let err = journal.restore(&plain_copy).unwrap_err().to_string();
    assert!(
        err.contains("it is not encrypted, and the journal is"),
        "{err}"
    );
    assert!(!err.contains("not a Trine journal"), "{err}");

    journal.set_passphrase(None).unwrap();
    let err = journal.restore(&encrypted_copy).unwrap_err().to_string();
    assert!(
        err.contains("it is encrypted, and the journal is not"),
        "{err}"
    );

    journal.set_passphrase(Some("another pass")).unwrap();
    let err = journal.restore(&encrypted_copy).unwrap_err().to_string();
    assert!(err.contains("its passphrase is not the journal's"), "{err}");
    assert_eq!(
        std::fs::read(&encrypted_copy).unwrap(),
        kept_bytes,
        "left as it is"
    );
}

/// A folder where the journal file should be is named as not a journal,
/// and left as it is.
#[test]
fn a_folder_in_the_journals_place_is_not_a_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(crate::store::JOURNAL_FILE);
    std::fs::create_dir(&path).unwrap();
    let err = Journal::open(&path).expect_err("a folder");
    assert_eq!(err.code(), "not_a_database", "{err}");
    assert!(path.is_dir());
}

/// The damaged copy a restore keeps holds the journal's words in plain
/// form: encrypting the journal rewrites it with the rest, or, when its
/// damage stops that, names it, never passing it over in silence.
#[test]
fn encrypting_after_a_restore_does_not_pass_over_the_damaged_copy() {
    let dir = tempfile::tempdir().unwrap();
    let backup = journal_with_backup(dir.path(), 30);
    let path = dir.path().join(crate::store::JOURNAL_FILE);
    let bytes = std::fs::read(&path).unwrap();
    let at = bytes
        .windows(9)
        .position(|w| w == b"entry 005")
        .expect("the entry is in the file");
    overwrite(&path, (at as u64 / 4096) * 4096, &[0; 4096]);
    let mut journal = Journal::open(&path).unwrap();
    let kept = journal.restore(&backup).unwrap();
    let kept_name = kept.file_name().unwrap().to_string_lossy().into_owned();
    assert!(kept_name.starts_with("damaged-"), "{kept_name}");

    let copies = journal.set_passphrase(Some("a long passphrase")).unwrap();

    let rewritten = crate::store::recovery::is_plain_sqlite(&kept) == Some(false);
    assert!(
        rewritten || copies.unreadable.contains(&kept),
        "the damaged copy is rewritten or named: {copies:?}"
    );
}
