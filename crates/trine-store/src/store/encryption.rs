//! Optional encryption at rest with a passphrase (SQLCipher).
//!
//! Every change (turning encryption on or off, a new passphrase) writes the
//! whole journal anew with `sqlcipher_export` into `journal.db.converting`
//! and renames it over `journal.db`, after rewriting every copy in the
//! backups folder the same way beside its original (see
//! `crate::backup`'s `rekey`). The rename is the one moment the change
//! takes effect; `recovery` puts right whatever a cut (a kill, a power
//! cut) leaves on either side of it, so the journal opens with the old
//! passphrase or the new one, whole, and no copy in the old form outlives
//! the change. Other processes with the journal open follow the new file
//! (see `replacement`). The search index lives inside the database, so it
//! is encrypted too and keeps working.

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::{params, Connection, OpenFlags};

use super::recovery::converting_path;
use super::replacement::FolderLock;
use super::Journal;
use crate::backup::{backups_dir, prepare_rekey, sync_folder, CopiesRekeyed};
use crate::error::{Error, OpenError, Result, StorageError};

impl Journal {
    /// Encrypts the journal with `passphrase`, changes its passphrase, or
    /// (with `None`) decrypts it, and rewrites every copy in its backups
    /// folder the same way. A lost passphrase cannot be recovered.
    pub fn set_passphrase(&mut self, passphrase: Option<&str>) -> Result<CopiesRekeyed> {
        if passphrase.is_some_and(|p| !p.is_empty() && p.trim().is_empty()) {
            return Err(crate::error::ValidationError::EmptyText("passphrase").into());
        }
        let normal = passphrase
            .filter(|p| !p.is_empty())
            .map(super::keying::normalize);
        let new = normal.as_deref();
        let path = self
            .path
            .clone()
            .ok_or_else(|| Error::Corrupt("an in-memory journal cannot be encrypted".into()))?;
        if self.passphrase.is_none() && new.is_none() {
            return Ok(CopiesRekeyed::default());
        }
        self.ensure_current()?;
        let old = self.passphrase.clone();
        // The backups folder, held for the whole change: no backup is
        // written meanwhile, and an interrupted change is not tidied away
        // under a running one.
        let dir = backups_dir(&path);
        crate::private_files::create_dir(&dir).map_err(|e| Error::file(&dir, e))?;
        let _backups = FolderLock::take(&dir, true, super::BUSY_TIMEOUT)
            .map_err(|e| e.in_journal(Some(&path)))?;
        // A folder chosen for backups must be there: its copies change
        // form with the journal, or a copy in the old form (plain, after
        // encrypting) would stay on that disk.
        let mut _chosen = Vec::new();
        let former = crate::backup::former_backup_folders(&path);
        for other in crate::backup::every_backup_folder(&path) {
            if other == dir {
                continue;
            }
            if !other.is_dir() {
                let why = if former.contains(&other) {
                    format!(
                        "it was chosen for backups before and cannot be reached now, and its \
                         backups must change with the journal; connect its disk and try again, \
                         or, to leave its copies as they are (a copy made before encrypting \
                         stays unencrypted there), have Trine forget it: Forget on the Backups \
                         screen, or `trine backup --forget-folder {}`",
                        other.display()
                    )
                } else {
                    "it cannot be reached, and its backups must change with the journal; \
                     connect its disk, or choose another place for backups, then try again"
                        .to_string()
                };
                return Err(
                    crate::error::ValidationError::BackupFolder { folder: other, why }.into(),
                );
            }
            _chosen.push(
                FolderLock::take(&other, true, super::BUSY_TIMEOUT)
                    .map_err(|e| e.in_journal(Some(&path)))?,
            );
        }
        // The journal's write lock, held until the new file is in place:
        // every write by any process lands in the old file before it is
        // copied, or finds the file replaced and follows it.
        self.hold_write_lock()?;
        let swapped = if self.passphrase == old {
            self.swap_in_converted(&path, old.as_deref(), new)
        } else {
            // Encrypted or decrypted by another Trine while this waited.
            Err(OpenError::Replaced { path: path.clone() }.into())
        };
        let _ = self.conn.execute_batch("ROLLBACK");
        let copies = swapped?;
        // The old file is gone from the path; dropping the old journal
        // leaves its connection open (see `replacement`).
        *self = Journal::open_with(&path, new)?;
        copies.finish()
    }

    /// Rewrites the backups and the journal in the new form and swaps the
    /// journal in; the caller holds the write lock on the old file.
    fn swap_in_converted(
        &self,
        path: &Path,
        old: Option<&str>,
        new: Option<&str>,
    ) -> Result<crate::backup::Rekeying> {
        let copies = prepare_rekey(path, old, new)?;
        match convert_file(path, old, new) {
            Ok(()) => Ok(copies),
            Err(e) => {
                copies.abandon();
                Err(e)
            }
        }
    }
    /// [`Journal::set_passphrase`] for a person at the app: changing or
    /// removing the passphrase of an encrypted journal needs its current
    /// passphrase, and a wrong one changes nothing.
    pub fn change_passphrase(
        &mut self,
        current: Option<&str>,
        new: Option<&str>,
    ) -> Result<CopiesRekeyed> {
        if let Some(expected) = self.passphrase.as_deref() {
            let given = current.map(super::keying::normalize);
            if given.as_deref() != Some(&super::keying::normalize(expected)) {
                return Err(crate::error::OpenError::WrongPassphrase {
                    path: self.path.clone().unwrap_or_default(),
                }
                .into());
            }
        }
        self.set_passphrase(new)
    }

    /// The passphrase the journal was opened with, for copies (backups)
    /// that must be encrypted the same way.
    pub(crate) fn passphrase(&self) -> Option<&str> {
        self.passphrase.as_deref()
    }
}

/// Writes the journal at `path` (readable with `old`) into
/// `journal.db.converting` in the new form, makes sure the old file holds
/// everything on its own (its write-ahead log folded in), and renames the
/// new file over it. The caller holds the journal's write lock, so nothing
/// is written meanwhile.
fn convert_file(path: &Path, old: Option<&str>, new: Option<&str>) -> Result<()> {
    let converting = converting_path(path);
    match std::fs::remove_file(&converting) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(Error::file(&converting, e)),
    }
    crate::private_files::create_empty_file(&converting)
        .map_err(|e| Error::file(&converting, e))?;
    let result = export_and_fold(path, &converting, old, new);
    if let Err(e) = result {
        let _ = std::fs::remove_file(&converting);
        return Err(e);
    }
    std::fs::File::open(&converting)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::file(&converting, e))?;
    // The swap: no process opens the journal while the old file's log and
    // shared memory go and the new file comes in (see `replacement`). The
    // old file holds everything by now, so a cut at any point leaves a
    // whole journal, old or new.
    let _swap = FolderLock::exclusive(path)?;
    for suffix in ["-wal", "-shm"] {
        let file = format!("{}{suffix}", path.display());
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::file(file, e)),
        }
    }
    std::fs::rename(&converting, path).map_err(|e| Error::file(path, e))?;
    if let Some(folder) = path.parent() {
        sync_folder(folder);
    }
    Ok(())
}

/// Copies the journal into `converting` in the new form, then folds the
/// old file's write-ahead log into it and flushes it, on a second
/// connection (the first holds the write lock, which does not stop
/// reading).
fn export_and_fold(
    path: &Path,
    converting: &Path,
    old: Option<&str>,
    new: Option<&str>,
) -> Result<()> {
    let conn = crate::connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    super::quiet_cipher_log(&conn);
    if let Some(key) = old {
        super::keying::key(&conn, key)?;
    }
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    conn.execute(
        "ATTACH DATABASE ?1 AS converted KEY ?2",
        params![converting.to_string_lossy(), new.unwrap_or("")],
    )?;
    let exported = conn
        .query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))
        .and_then(|()| conn.execute_batch(&format!("PRAGMA converted.user_version = {version}")));
    conn.execute("DETACH DATABASE converted", [])?;
    exported?;
    // Everything in the old file's log is copied into the old file itself
    // before the log is removed: a cut just after leaves the old journal
    // whole.
    fold_log(&conn, path)?;
    drop(conn);
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::file(path, e))
}

/// Folds the write-ahead log of the journal at `path` into the file
/// itself, on `conn` (a second connection to it: the caller's first holds
/// the write lock, which does not stop a passive checkpoint), so that the
/// file holds everything on its own before its log is removed.
pub(crate) fn fold_log(conn: &Connection, path: &Path) -> Result<()> {
    // Readers in other processes can hold a few frames back for a moment;
    // wait for them, as long as a lock is waited for.
    let start = Instant::now();
    loop {
        let (busy, log, folded): (i64, i64, i64) =
            conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
        if busy == 0 && folded >= log {
            break;
        }
        if start.elapsed() > super::BUSY_TIMEOUT {
            return Err(StorageError::Busy {
                path: Some(path.to_path_buf()),
            }
            .into());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::model::NewEntry;
    use crate::store::{Journal, JOURNAL_FILE};

    const WORDS: &str = "zebrafish quorum marmalade";

    fn raw(dir: &std::path::Path) -> Vec<u8> {
        let mut bytes = std::fs::read(dir.join(JOURNAL_FILE)).unwrap();
        if let Ok(wal) = std::fs::read(dir.join(format!("{JOURNAL_FILE}-wal"))) {
            bytes.extend(wal);
        }
        bytes
    }

    fn contains(haystack: &[u8], needle: &str) -> bool {
        haystack
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
    }

    #[test]
    fn an_encrypted_journal_holds_no_plaintext_and_still_searches() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::open_in(dir.path()).unwrap();
        journal
            .create(NewEntry::note("Secret title", WORDS))
            .unwrap();
        assert!(contains(&raw(dir.path()), "marmalade"), "plain before");
        journal.set_passphrase(Some("correct horse")).unwrap();
        assert!(journal.is_encrypted());
        journal
            .create(NewEntry::note("After", "quorum again"))
            .unwrap();
        assert_eq!(
            journal.search("quorum", 10).unwrap().len(),
            2,
            "search works encrypted"
        );
        drop(journal);
        let bytes = raw(dir.path());
        for word in [
            "zebrafish",
            "quorum",
            "marmalade",
            "Secret title",
            "SQLite format",
        ] {
            assert!(!contains(&bytes, word), "{word} is readable in the file");
        }
        let err = Journal::open_in(dir.path()).unwrap_err();
        assert_eq!(err.code(), "locked", "{err}");
        let err = Journal::open_in_with(dir.path(), Some("wrong horse")).unwrap_err();
        assert_eq!(err.code(), "wrong_passphrase", "{err}");
        let journal = Journal::open_in_with(dir.path(), Some("correct horse")).unwrap();
        assert_eq!(journal.entry_count().unwrap(), 2);
        assert!(journal.health().unwrap().is_ok());
    }

    #[test]
    fn changing_the_passphrase_needs_the_current_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::open_in(dir.path()).unwrap();
        journal.create(NewEntry::note("n", WORDS)).unwrap();
        journal.change_passphrase(None, Some("first")).unwrap();

        for wrong in [None, Some("firsT")] {
            let err = journal.change_passphrase(wrong, None).unwrap_err();
            assert_eq!(err.code(), "wrong_passphrase", "{err}");
        }
        assert!(journal.is_encrypted(), "a wrong passphrase changes nothing");
        journal
            .change_passphrase(Some("first"), Some("second"))
            .unwrap();
        drop(journal);
        let mut journal = Journal::open_in_with(dir.path(), Some("second")).unwrap();
        journal.change_passphrase(Some("second"), None).unwrap();
        assert!(!journal.is_encrypted());
        assert_eq!(journal.entry_count().unwrap(), 1);
    }

    #[test]
    fn the_passphrase_can_be_changed_and_encryption_turned_off() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::open_in(dir.path()).unwrap();
        journal.create(NewEntry::note("n", WORDS)).unwrap();
        journal.set_passphrase(Some("first")).unwrap();
        journal.set_passphrase(Some("second")).unwrap();
        drop(journal);
        assert_eq!(
            Journal::open_in_with(dir.path(), Some("first"))
                .unwrap_err()
                .code(),
            "wrong_passphrase"
        );
        let mut journal = Journal::open_in_with(dir.path(), Some("second")).unwrap();
        journal.set_passphrase(None).unwrap();
        assert!(!journal.is_encrypted());
        drop(journal);
        assert!(contains(&raw(dir.path()), "marmalade"), "plain again");
        let journal = Journal::open_in(dir.path()).unwrap();
        assert_eq!(journal.search("zebrafish", 10).unwrap().len(), 1);
        assert_eq!(
            journal.schema_version().unwrap(),
            crate::store::CURRENT_VERSION
        );
    }

    #[test]
    fn backups_of_an_encrypted_journal_are_encrypted() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::open_in(dir.path()).unwrap();
        journal.create(NewEntry::note("n", WORDS)).unwrap();
        journal.set_passphrase(Some("pass")).unwrap();
        let backup = journal.backup_now().unwrap();
        let bytes = std::fs::read(&backup.path).unwrap();
        assert!(
            !contains(&bytes, "marmalade") && !contains(&bytes, "SQLite format"),
            "the backup is encrypted"
        );
        journal.create(NewEntry::note("later", "")).unwrap();
        journal.restore(&backup.path).unwrap();
        assert_eq!(
            journal.entry_count().unwrap(),
            1,
            "and it restores with the journal's passphrase"
        );
        assert!(journal.is_encrypted());
    }

    #[test]
    fn a_passphrase_is_one_passphrase_however_its_accents_were_typed() {
        let dir = tempfile::tempdir().unwrap();
        let composed = "caf\u{e9} au lait";
        let decomposed = "cafe\u{301} au lait";
        let mut journal = Journal::open_in(dir.path()).unwrap();
        journal.create(NewEntry::note("n", WORDS)).unwrap();
        journal.set_passphrase(Some(decomposed)).unwrap();
        drop(journal);
        let journal = Journal::open_in_with(dir.path(), Some(composed)).unwrap();
        assert_eq!(journal.entry_count().unwrap(), 1);
        drop(journal);
        let mut journal = Journal::open_in_with(dir.path(), Some(decomposed)).unwrap();
        journal
            .change_passphrase(Some(composed), Some("next one"))
            .unwrap();
    }

    #[test]
    fn a_journal_keyed_before_normalising_still_opens_as_typed() {
        let dir = tempfile::tempdir().unwrap();
        let decomposed = "cafe\u{301}";
        let path = dir.path().join(JOURNAL_FILE);
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.pragma_update(None, "key", decomposed).unwrap();
            // Written and keyed, with no table left: a journal to start.
            conn.execute_batch("CREATE TABLE x (y); DROP TABLE x;")
                .unwrap();
        }
        let journal = Journal::open_with(&path, Some(decomposed)).unwrap();
        assert!(journal.is_encrypted());
    }

    #[test]
    fn a_blank_passphrase_is_refused_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::open_in(dir.path()).unwrap();
        let err = journal.set_passphrase(Some("   ")).unwrap_err();
        assert!(
            err.to_string().contains("passphrase cannot be empty"),
            "{err}"
        );
        assert!(!journal.is_encrypted());
    }
}
