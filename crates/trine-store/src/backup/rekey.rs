//! Keeping the backups folder in step with the journal's encryption.
//!
//! When encryption is turned on, the passphrase changes, or encryption is
//! turned off, every copy in the backups folder (the backups and the copies
//! restore kept) is rewritten in the journal's new form. Otherwise a
//! journal encrypted today would leave yesterday's backups readable by
//! anyone, and backups taken under an old passphrase could no longer be
//! restored.
//!
//! The copies are rewritten beside the originals first, before the journal
//! itself changes; only once the journal is converted do the rewritten
//! copies take the originals' places (a rename each). If anything fails
//! before that, the rewritten copies are removed and everything is as it
//! was. A copy that cannot be read with the old passphrase (damaged, or
//! made under an even older one) is left as it was and reported.

use std::path::{Path, PathBuf};

use rusqlite::{params, OpenFlags};
use serde::Serialize;

use super::{backups_dir, PREFIX, REPLACED_PREFIX};
use crate::error::{Error, Result};

/// The suffix of a copy rewritten in the new form, waiting to replace its
/// original.
pub(crate) const REWRITTEN_SUFFIX: &str = ".rekeyed";

/// What became of the copies in the backups folder when the journal's
/// passphrase changed.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct CopiesRekeyed {
    /// Copies rewritten in the journal's new form.
    pub rekeyed: usize,
    /// Copies that could not be read with the old passphrase (damaged, or
    /// from an earlier passphrase), left as they were.
    pub unreadable: Vec<PathBuf>,
}

/// Copies rewritten beside their originals, not yet in their places.
#[derive(Debug)]
pub(crate) struct Rekeying {
    rewritten: Vec<(PathBuf, PathBuf)>,
    unreadable: Vec<PathBuf>,
}

/// The copies in the backups folder: backups and the copies kept by
/// restore.
fn copies(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::file(dir, e)),
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            (name.starts_with(PREFIX)
                || name.starts_with(REPLACED_PREFIX)
                || name.starts_with(super::DAMAGED_PREFIX))
                && name.ends_with(".db")
        })
        .collect();
    found.sort();
    Ok(found)
}

/// Removes what interrupted work left behind: a backup half written, or
/// copies rewritten but never put in place. They may hold the journal in
/// an old form, so they must not outlive a change of passphrase.
fn remove_leftovers(dir: &Path) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for path in entries.flatten().map(|entry| entry.path()) {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        // A salvage's working copy, left by one stopped part-way, is the
        // journal in its old form too.
        if super::is_leftover(&name)
            || name.ends_with(REWRITTEN_SUFFIX)
            || name.contains(crate::store::salvage::WORK_COPY_MARK)
        {
            std::fs::remove_file(&path).map_err(|e| Error::file(&path, e))?;
        }
    }
    Ok(())
}

/// Whether `e` says the file is not a database this key can read.
fn is_unreadable(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

/// Rewrites the copy at `source` (readable with `old`) into the new file
/// `target`, encrypted with `new` or, with `None`, in plain form.
fn rewrite(
    source: &Path,
    target: &Path,
    old: Option<&str>,
    new: Option<&str>,
) -> rusqlite::Result<()> {
    // The attached target inherits these flags, so they allow creating it.
    let conn = crate::connection::open_with_flags(
        source,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    crate::store::quiet_cipher_log(&conn);
    if let Some(key) = old {
        crate::store::keying::key(&conn, key)?;
    }
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    conn.execute(
        "ATTACH DATABASE ?1 AS rekeyed KEY ?2",
        params![target.to_string_lossy(), new.unwrap_or("")],
    )?;
    let exported = conn
        .query_row("SELECT sqlcipher_export('rekeyed')", [], |_| Ok(()))
        .and_then(|()| conn.execute_batch(&format!("PRAGMA rekeyed.user_version = {version}")));
    conn.execute("DETACH DATABASE rekeyed", [])?;
    exported
}

/// Rewrites every copy in the backup folders of the journal at
/// `journal_path` (beside it, and a folder chosen for backups) from the
/// `old` passphrase to the `new` one, beside the originals. Nothing is
/// replaced until [`Rekeying::finish`].
pub(crate) fn prepare(
    journal_path: &Path,
    old: Option<&str>,
    new: Option<&str>,
) -> Result<Rekeying> {
    let mut all = Vec::new();
    for dir in super::every_backup_folder(journal_path) {
        if dir == backups_dir(journal_path) || dir.is_dir() {
            remove_leftovers(&dir)?;
            all.extend(copies(&dir)?);
        }
    }
    let mut work = Rekeying {
        rewritten: Vec::new(),
        unreadable: Vec::new(),
    };
    for copy in all {
        let target = PathBuf::from(format!("{}{REWRITTEN_SUFFIX}", copy.display()));
        // For its owner only; SQLite writes the copy into the empty file.
        if let Err(e) = crate::private_files::create_empty_file(&target) {
            work.abandon();
            return Err(Error::file(&target, e));
        }
        match rewrite(&copy, &target, old, new) {
            Ok(()) => {
                // On disk before the journal changes: the change's one
                // moment (the journal's rename) must find every copy whole.
                if let Err(e) = std::fs::File::open(&target).and_then(|f| f.sync_all()) {
                    work.rewritten.push((copy, target.clone()));
                    work.abandon();
                    return Err(Error::file(&target, e));
                }
                work.rewritten.push((copy, target))
            }
            Err(e) => {
                let _ = std::fs::remove_file(&target);
                // A damaged copy kept by a restore cannot be read whole:
                // it is named, and stops nothing.
                let damaged_copy = copy
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(super::DAMAGED_PREFIX));
                if is_unreadable(&e) || damaged_copy {
                    work.unreadable.push(copy);
                } else {
                    work.abandon();
                    return Err(Error::from(e).in_journal(Some(&copy)));
                }
            }
        }
    }
    Ok(work)
}

impl Rekeying {
    /// Puts every rewritten copy in its original's place.
    pub(crate) fn finish(self) -> Result<CopiesRekeyed> {
        let rekeyed = self.rewritten.len();
        let mut folders: Vec<&Path> = Vec::new();
        for (original, rewritten) in &self.rewritten {
            std::fs::rename(rewritten, original).map_err(|e| Error::file(original, e))?;
            if let Some(dir) = original.parent().filter(|d| !folders.contains(d)) {
                folders.push(dir);
            }
        }
        for dir in folders {
            super::sync_folder(dir);
        }
        Ok(CopiesRekeyed {
            rekeyed,
            unreadable: self.unreadable,
        })
    }

    /// Removes the rewritten copies, leaving the originals as they were.
    pub(crate) fn abandon(self) {
        for (_, rewritten) in self.rewritten {
            let _ = std::fs::remove_file(rewritten);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::CopiesRekeyed;
    use crate::model::NewEntry;
    use crate::store::Journal;

    const WORDS: &str = "zebrafish quorum marmalade";

    /// Every file in the backups folder of the journal in `dir`.
    fn files(dir: &Path) -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = std::fs::read_dir(dir.join("backups"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        found.sort();
        found
    }

    fn readable(path: &Path) -> Option<&'static str> {
        let bytes = std::fs::read(path).unwrap();
        ["zebrafish", "marmalade", "SQLite format"]
            .into_iter()
            .find(|w| bytes.windows(w.len()).any(|win| win == w.as_bytes()))
    }

    /// A plain journal in `dir` with one entry, two backups and the copy a
    /// restore kept, plus a half-written backup left by a crash.
    fn journal_with_backups(dir: &Path) -> Journal {
        let mut journal = Journal::open_in(dir).unwrap();
        journal.create(NewEntry::note("Secret", WORDS)).unwrap();
        let first = journal.backup_now().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
        journal.restore(&first.path).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
        journal.backup_now().unwrap();
        std::fs::copy(&first.path, dir.join("backups/.backup-in-progress.db")).unwrap();
        assert_eq!(files(dir).len(), 4);
        journal
    }

    /// Restores each backup in turn into the open journal and checks the
    /// entry came back.
    fn every_backup_restores(journal: &mut Journal, dir: &Path) {
        for backup in crate::backup::list_backups(&dir.join("backups")).unwrap() {
            journal.restore(&backup.path).unwrap();
            assert_eq!(journal.search("marmalade", 5).unwrap().len(), 1);
        }
    }

    #[test]
    fn encrypting_the_journal_encrypts_every_copy_in_its_backups_folder() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = journal_with_backups(dir.path());
        assert!(files(dir.path()).iter().all(|f| readable(f).is_some()));

        let report = journal.set_passphrase(Some("first passphrase")).unwrap();

        assert_eq!(
            report,
            CopiesRekeyed {
                rekeyed: 3,
                unreadable: vec![]
            }
        );
        let left = files(dir.path());
        assert_eq!(left.len(), 3, "the half-written backup is gone: {left:?}");
        for file in &left {
            assert_eq!(readable(file), None, "{} is readable", file.display());
        }
        every_backup_restores(&mut journal, dir.path());
    }

    #[test]
    fn backups_follow_a_new_passphrase_and_encryption_turned_off() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = journal_with_backups(dir.path());
        journal.set_passphrase(Some("first passphrase")).unwrap();
        journal.set_passphrase(Some("second passphrase")).unwrap();
        every_backup_restores(&mut journal, dir.path());
        drop(journal);
        let mut journal = Journal::open_in_with(dir.path(), Some("second passphrase")).unwrap();

        let report = journal.set_passphrase(None).unwrap();

        assert_eq!(report.rekeyed, 3 + 2, "and the copies restore kept");
        for file in files(dir.path()) {
            assert!(readable(&file).is_some(), "{} is plain", file.display());
        }
        every_backup_restores(&mut journal, dir.path());
    }

    #[test]
    fn a_copy_that_cannot_be_read_is_left_as_it_was_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = journal_with_backups(dir.path());
        let junk = dir.path().join("backups/journal-20200101-000000-000.db");
        std::fs::write(&junk, b"not a database, just words. ".repeat(200)).unwrap();

        let report = journal.set_passphrase(Some("first passphrase")).unwrap();

        assert_eq!(report.rekeyed, 3);
        assert_eq!(report.unreadable, vec![junk.clone()]);
        assert_eq!(
            std::fs::read(&junk).unwrap(),
            b"not a database, just words. ".repeat(200)
        );
    }

    #[test]
    fn when_the_journal_cannot_be_converted_no_backup_changes() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = journal_with_backups(dir.path());
        std::fs::remove_file(dir.path().join("backups/.backup-in-progress.db")).unwrap();
        let before: Vec<Vec<u8>> = files(dir.path())
            .iter()
            .map(|f| std::fs::read(f).unwrap())
            .collect();
        // A directory where the converted journal would be written makes
        // the conversion fail after the backups were rewritten.
        std::fs::create_dir(dir.path().join("journal.db.converting/")).unwrap();
        std::fs::write(dir.path().join("journal.db.converting/keep"), "x").unwrap();

        assert!(journal.set_passphrase(Some("first passphrase")).is_err());

        let after: Vec<Vec<u8>> = files(dir.path())
            .iter()
            .map(|f| std::fs::read(f).unwrap())
            .collect();
        assert_eq!(after, before, "every copy as it was, no leftovers");
        assert!(!journal.is_encrypted());
        assert_eq!(journal.search("marmalade", 5).unwrap().len(), 1);
    }
}
