//! Optional encryption at rest with a passphrase (SQLCipher).
//!
//! Turning encryption on or off rewrites the whole file with
//! `sqlcipher_export` into a new file beside it and then swaps the two, so
//! a failure midway leaves the old journal as it was. Changing the
//! passphrase of an encrypted journal is SQLCipher's `rekey`. The copies in
//! the backups folder follow the journal (see `crate::backup`'s `rekey`). The search
//! index lives inside the database, so it is encrypted too and keeps
//! working.

use std::path::Path;

use rusqlite::{params, Connection};

use super::Journal;
use crate::backup::{prepare_rekey, CopiesRekeyed};
use crate::error::{Error, Result};

impl Journal {
    /// Encrypts the journal with `passphrase`, changes its passphrase, or
    /// (with `None`) decrypts it, and rewrites every copy in its backups
    /// folder the same way. A lost passphrase cannot be recovered.
    pub fn set_passphrase(&mut self, passphrase: Option<&str>) -> Result<CopiesRekeyed> {
        let new = passphrase.filter(|p| !p.is_empty());
        let path = self
            .path
            .clone()
            .ok_or_else(|| Error::Corrupt("an in-memory journal cannot be encrypted".into()))?;
        if self.passphrase.is_none() && new.is_none() {
            return Ok(CopiesRekeyed::default());
        }
        let copies = prepare_rekey(&path, self.passphrase.as_deref(), new)?;
        match self.convert(&path, new) {
            Ok(()) => copies.finish(),
            Err(e) => {
                copies.abandon();
                Err(e)
            }
        }
    }

    /// Rewrites the journal file at `path` encrypted with `new`, or in plain
    /// form with `None`.
    fn convert(&mut self, path: &Path, new: Option<&str>) -> Result<()> {
        if let (Some(_), Some(key)) = (&self.passphrase, new) {
            self.conn.pragma_update(None, "rekey", key)?;
            self.passphrase = Some(key.to_string());
            return Ok(());
        }
        let converting = path.with_extension("db.converting");
        let _ = std::fs::remove_file(&converting);
        let version = self.schema_version()?;
        self.conn.execute(
            "ATTACH DATABASE ?1 AS converted KEY ?2",
            params![converting.to_string_lossy(), new.unwrap_or("")],
        )?;
        let exported = self
            .conn
            .query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))
            .and_then(|()| {
                self.conn
                    .execute_batch(&format!("PRAGMA converted.user_version = {version}"))
            });
        self.conn.execute("DETACH DATABASE converted", [])?;
        if let Err(e) = exported {
            let _ = std::fs::remove_file(&converting);
            return Err(e.into());
        }
        // Close the old file (this folds its write-ahead log in), then put
        // the converted one in its place.
        let old = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        old.close().map_err(|(_, e)| Error::from(e))?;
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        std::fs::rename(&converting, path).map_err(|e| Error::file(path, e))?;
        *self = Journal::open_with(path, new)?;
        self.passphrase = new.map(str::to_string);
        Ok(())
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
            if current != Some(expected) {
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
}
