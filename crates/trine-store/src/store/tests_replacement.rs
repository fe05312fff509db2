//! Two handles on one journal file while one of them changes its
//! encryption (which puts a new file in the old one's place): the other
//! follows the new file, or stops and saves nothing; it never writes into
//! the replaced file and never writes a plain backup beside an encrypted
//! journal. (That a replaced handle going away leaves the new file's
//! write-ahead log alone needs two processes: `crates/trine-cli/tests/cli/conversion.rs`.)

use std::path::Path;

use tempfile::TempDir;

use super::*;
use crate::model::NewEntry;

const MARKER: &str = "quillwort";

fn titles(journal: &Journal) -> Vec<String> {
    let mut titles: Vec<String> = journal
        .list(&ListQuery::default())
        .unwrap()
        .into_iter()
        .map(|e| e.title)
        .collect();
    titles.sort();
    titles
}

/// Every file under `dir`, with its bytes.
fn files(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files(&path));
        } else {
            found.push((path.clone(), std::fs::read(&path).unwrap()));
        }
    }
    found
}

fn assert_nothing_plain(dir: &Path) {
    for (path, bytes) in files(dir) {
        assert!(
            !bytes.starts_with(b"SQLite format 3"),
            "{} is a plain database",
            path.display()
        );
        assert!(
            !bytes.windows(MARKER.len()).any(|w| w == MARKER.as_bytes()),
            "{} holds an entry's words",
            path.display()
        );
    }
}

#[test]
fn a_handle_follows_the_new_file_when_its_passphrase_still_opens_it() {
    let dir = TempDir::new().unwrap();
    let mut other = Journal::open_in(dir.path()).unwrap();
    let mut converter = Journal::open_in(dir.path()).unwrap();
    converter.create(NewEntry::note("first", MARKER)).unwrap();
    // Encrypted and back: the file is new, and plain again.
    converter.set_passphrase(Some("a passphrase")).unwrap();
    converter.set_passphrase(None).unwrap();

    other.create(NewEntry::note("from the other", "")).unwrap();

    converter.create(NewEntry::note("after", "")).unwrap();
    assert_eq!(titles(&converter), ["after", "first", "from the other"]);
    drop((other, converter));
    let reopened = Journal::open_in(dir.path()).unwrap();
    assert_eq!(titles(&reopened), ["after", "first", "from the other"]);
    assert!(reopened.health().unwrap().is_ok());
}

#[test]
fn a_handle_whose_passphrase_no_longer_opens_the_journal_saves_nothing_and_says_so() {
    let dir = TempDir::new().unwrap();
    let mut plain = Journal::open_in(dir.path()).unwrap();
    plain.create(NewEntry::note("before", MARKER)).unwrap();
    let mut converter = Journal::open_in(dir.path()).unwrap();
    converter.set_passphrase(Some("first")).unwrap();
    let mut keyed = Journal::open_in_with(dir.path(), Some("first")).unwrap();
    converter.set_passphrase(Some("second")).unwrap();

    let err = plain.create(NewEntry::note("lost?", MARKER)).unwrap_err();
    assert_eq!(err.code(), "replaced", "{err}");
    assert!(err.to_string().contains("nothing was saved"), "{err}");
    let err = keyed.create(NewEntry::note("lost too?", "")).unwrap_err();
    assert_eq!(err.code(), "replaced", "{err}");
    let err = plain.backup_now().unwrap_err();
    assert_eq!(err.code(), "replaced", "no backup from the old file: {err}");

    drop((plain, keyed, converter));
    let journal = Journal::open_in_with(dir.path(), Some("second")).unwrap();
    assert_eq!(titles(&journal), ["before"]);
    drop(journal);
    assert_nothing_plain(dir.path());
}

#[test]
fn a_backup_from_a_handle_that_follows_is_written_in_the_new_form() {
    let dir = TempDir::new().unwrap();
    let mut other = Journal::open_in_with(dir.path(), None).unwrap();
    other.create(NewEntry::note("n", MARKER)).unwrap();
    let mut converter = Journal::open_in(dir.path()).unwrap();
    converter.set_passphrase(Some("same")).unwrap();
    // The other handle had no passphrase: it cannot follow, and writes no
    // plain backup.
    assert_eq!(other.backup_now().unwrap_err().code(), "replaced");
    assert_nothing_plain(dir.path());

    let mut keyed = Journal::open_in_with(dir.path(), Some("same")).unwrap();
    converter.set_passphrase(Some("same")).unwrap();
    let backup = keyed.backup_now().unwrap();
    let bytes = std::fs::read(&backup.path).unwrap();
    assert!(!bytes.starts_with(b"SQLite format 3"));
    drop((other, keyed, converter));
    assert_nothing_plain(dir.path());
}

#[test]
fn a_handle_with_a_passphrase_follows_a_journal_decrypted_elsewhere() {
    let dir = TempDir::new().unwrap();
    let mut keyed = Journal::open_in_with(dir.path(), Some("p")).unwrap();
    keyed.create(NewEntry::note("secret", MARKER)).unwrap();
    let mut other = Journal::open_in_with(dir.path(), Some("p")).unwrap();
    other.set_passphrase(None).unwrap();

    keyed.create(NewEntry::note("after", "")).unwrap();

    assert!(!keyed.is_encrypted());
    drop((keyed, other));
    assert_eq!(
        titles(&Journal::open_in(dir.path()).unwrap()),
        ["after", "secret"]
    );
}

/// A write that waits for the lock while another handle replaces the file
/// gets the lock on the old file when the replacement lets go: it must
/// see that under the lock, follow, and save into the new file, neither
/// refusing nor writing into the old one. (A restore racing `trine add`
/// was refused this way once in a while.)
#[test]
fn a_write_waiting_for_the_lock_through_a_replacement_saves_into_the_new_file() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("journal.db");
    let mut writer = Journal::open_in(dir.path()).unwrap();
    writer.create(NewEntry::note("first", "")).unwrap();
    // The file that will take the journal's place, with one entry more.
    let next = dir.path().join("next.db");
    writer
        .conn
        .execute("VACUUM INTO ?1", [next.to_str().unwrap()])
        .unwrap();
    let mut staged = Journal::open_with(&next, None).unwrap();
    staged
        .create(NewEntry::note("in the new file", ""))
        .unwrap();
    drop(staged);

    let mut replacer = Journal::open_in(dir.path()).unwrap();
    replacer.hold_write_lock().unwrap();
    std::thread::scope(|scope| {
        let waiting = scope.spawn(|| writer.create(NewEntry::note("waited", "")));
        std::thread::sleep(std::time::Duration::from_millis(300));
        // The swap as a replacement makes it, under the folder lock.
        let swap = FolderLock::exclusive(&path).unwrap();
        for log in ["journal.db-wal", "journal.db-shm"] {
            let _ = std::fs::remove_file(dir.path().join(log));
        }
        std::fs::rename(&next, &path).unwrap();
        drop(swap);
        replacer.conn.execute_batch("ROLLBACK").unwrap();
        waiting
            .join()
            .unwrap()
            .expect("the waiting write follows and saves");
    });
    assert!(writer.is_current());
    drop((writer, replacer));
    let reopened = Journal::open_in(dir.path()).unwrap();
    assert_eq!(titles(&reopened), ["first", "in the new file", "waited"]);
    assert!(reopened.health().unwrap().is_ok());
}
