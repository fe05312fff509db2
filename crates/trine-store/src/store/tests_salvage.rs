//! Salvage: what a damaged journal still gives back.

use super::salvage::*;
use crate::model::NewEntry;
use crate::store::Journal;

#[test]
fn a_sound_journal_gives_everything_and_nothing_is_left_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = Journal::open_in(dir.path()).unwrap();
    for i in 0..5 {
        journal
            .create(NewEntry::note(format!("n{i}"), "words"))
            .unwrap();
    }
    let path = journal.path().unwrap().to_path_buf();
    // A working copy a killed salvage left an hour and more ago, and
    // one of a salvage running now.
    let stale = dir.path().join(".journal.db.salvaging-stale");
    let running = dir.path().join(".journal.db.salvaging-running");
    for file in [&stale, &running] {
        std::fs::write(file, b"words of the journal").unwrap();
    }
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();

    let salvaged = salvage(&path, None, dir.path()).unwrap();

    assert_eq!(salvaged.entries.len(), 5);
    assert_eq!(salvaged.entries_unreadable, 0);
    assert!(salvaged.lists_unreadable.is_empty());
    assert!(!stale.exists(), "a stale working copy is tidied away");
    assert!(running.exists(), "a recent one may be another salvage's");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("salvaging") && !n.ends_with("running"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// Bit rot in one value (a byte that is not UTF-8 in a body, tags
/// that are no longer a list of words) costs that byte, not the entry.
#[test]
fn an_entry_with_a_damaged_value_keeps_every_other_word() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = Journal::open_in(dir.path()).unwrap();
    for i in 0..3 {
        journal
            .create(NewEntry {
                tags: vec!["alpha".into(), "beta".into()],
                ..NewEntry::note(format!("n{i}"), "first words, last words")
            })
            .unwrap();
    }
    let path = journal.path().unwrap().to_path_buf();
    drop(journal);
    {
        let raw = rusqlite::Connection::open(&path).unwrap();
        raw.execute_batch(
            "UPDATE entries SET body = CAST(CAST('first words, ' AS BLOB) || X'FFFE' \
                 || CAST('last words' AS BLOB) AS TEXT) WHERE title = 'n0';
             UPDATE entries SET tags = '{\"a\": \"alpha\", \"b\": [\"beta\", 3]}' \
                 WHERE title = 'n1';",
        )
        .unwrap();
    }

    let salvaged = salvage(&path, None, dir.path()).unwrap();

    assert_eq!(
        salvaged.entries.len(),
        3,
        "{:?}",
        salvaged.entries_unreadable
    );
    assert_eq!(salvaged.entries_unreadable, 0);
    let n0 = salvaged.entries.iter().find(|e| e.title == "n0").unwrap();
    assert!(
        n0.body.starts_with("first words, ") && n0.body.ends_with("last words"),
        "{:?}",
        n0.body
    );
    let n1 = salvaged.entries.iter().find(|e| e.title == "n1").unwrap();
    assert_eq!(n1.tags, ["alpha", "beta"]);
}

/// The app's way out of a damaged value is a backup asked for: it
/// reads the entry again first, so the journal lists again and the
/// backup holds a readable entry.
#[test]
fn a_backup_asked_for_reads_a_damaged_value_again_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = Journal::open_in(dir.path()).unwrap();
    journal.create(NewEntry::note("n", "before after")).unwrap();
    journal
        .conn
        .execute_batch(
            "UPDATE entries SET body = CAST(CAST('before ' AS BLOB) || X'FF' \
                 || CAST(' after' AS BLOB) AS TEXT)",
        )
        .unwrap();
    assert!(journal.list(&Default::default()).is_err());
    assert_eq!(journal.health().unwrap().entries_with_damaged_values, 1);

    journal.backup_now().unwrap();

    let listed = journal.list(&Default::default()).unwrap();
    assert_eq!(listed[0].body, "before \u{fffd} after");
    assert!(journal.health().unwrap().is_ok());
}

/// Damage SQLite cannot walk past (the entries tree's root page, or
/// the first page with the table list) hides every entry from SQL; on
/// a plain file they are read from their own pages, every word.
#[test]
fn entries_behind_damage_sqlite_cannot_pass_are_read_from_their_pages() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = Journal::open_in(dir.path()).unwrap();
    let filler = "words ".repeat(60);
    for i in 0..200 {
        journal
            .create(NewEntry {
                tags: vec!["kept".into()],
                ..NewEntry::note(format!("n{i:03}"), format!("{filler} {i}"))
            })
            .unwrap();
    }
    journal
        .create(NewEntry::note("long", "long words ".repeat(2000)))
        .unwrap();
    let root: i64 = journal
        .conn
        .query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = 'entries'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let path = journal.path().unwrap().to_path_buf();
    drop(journal);
    let pristine = std::fs::read(&path).unwrap();
    assert!(root > 1);
    for (name, page) in [("root.db", root), ("first.db", 1)] {
        let mut bytes = pristine.clone();
        let at = ((page - 1) * 4096) as usize;
        bytes[at..at + 4096].fill(0);
        let damaged = dir.path().join(name);
        std::fs::write(&damaged, &bytes).unwrap();

        let salvaged = salvage(&damaged, None, dir.path()).unwrap();

        assert_eq!(salvaged.entries.len(), 201, "{name}");
        assert!(salvaged.read_from_pages > 0, "{name}");
        assert_eq!(salvaged.entries_unreadable, 0, "{name}");
        if name == "first.db" {
            assert!(
                salvaged.lists_unreadable.contains(&"check-ins"),
                "said, not hidden"
            );
        }
        let long = salvaged.entries.iter().find(|e| e.title == "long").unwrap();
        assert_eq!(
            long.body,
            "long words ".repeat(2000),
            "{name}: through overflow pages"
        );
        let n7 = salvaged.entries.iter().find(|e| e.title == "n007").unwrap();
        assert_eq!(n7.tags, ["kept"]);
        assert!(n7.body.ends_with(" 7"));
    }
}

/// A file cut short (a copy that did not finish): what is on the pages
/// still there is read.
#[test]
fn a_file_cut_short_gives_what_its_pages_still_hold() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = Journal::open_in(dir.path()).unwrap();
    let filler = "words ".repeat(300);
    for i in 0..60 {
        journal
            .create(NewEntry::note(format!("n{i:02}"), &filler))
            .unwrap();
    }
    let path = journal.path().unwrap().to_path_buf();
    drop(journal);
    let bytes = std::fs::read(&path).unwrap();
    let cut = dir.path().join("cut.db");
    std::fs::write(&cut, &bytes[..bytes.len() - 4096]).unwrap();

    let salvaged = salvage(&cut, None, dir.path()).unwrap();

    assert!(salvaged.entries.len() >= 40, "{}", salvaged.entries.len());
    assert!(salvaged.entries.len() + salvaged.entries_unreadable >= 60);
    assert!(
        salvaged.entries_unreadable <= 60,
        "no count past the entries there were"
    );
}

#[test]
fn a_file_that_is_not_a_journal_is_named() {
    let dir = tempfile::tempdir().unwrap();
    for (name, made) in [("empty.db", ""), ("other.db", "CREATE TABLE notes (x);")] {
        let path = dir.path().join(name);
        std::fs::write(&path, b"").unwrap();
        if !made.is_empty() {
            rusqlite::Connection::open(&path)
                .unwrap()
                .execute_batch(made)
                .unwrap();
        }
        let err = salvage(&path, None, dir.path()).unwrap_err();
        assert_eq!(err.code(), "not_a_database", "{name}: {err}");
        assert!(err.to_string().contains(name), "{err}");
    }
}

#[test]
fn a_file_of_noise_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, b"plain words, not a database at all".repeat(300)).unwrap();
    let err = salvage(&path, None, dir.path()).unwrap_err();
    assert!(err.to_string().contains("notes.db"), "{err}");
    let folder = salvage(dir.path(), None, dir.path()).unwrap_err();
    assert_eq!(folder.code(), "not_a_database", "{folder}");
}
