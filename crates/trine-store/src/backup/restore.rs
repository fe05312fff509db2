//! Restore: a checked backup replaces the journal's content, and what it
//! replaces is kept; a journal too damaged to copy keeps its bytes as they
//! are and the backup's file takes its place.

use std::path::{Path, PathBuf};

use super::check::check_backup;
use super::{backups_dir, stamp, sync_folder, write_copy, DAMAGED_PREFIX, REPLACED_PREFIX};
use crate::error::{Error, Result};
use crate::store::replacement::FolderLock;
use crate::store::Journal;
use crate::time;

impl Journal {
    /// Replaces the journal with the backup at `backup`, after checking the
    /// backup, and keeps a copy of what it replaces in the backups folder.
    /// Returns the path of that copy. When the journal itself is damaged
    /// (SQLite cannot copy it), its bytes are kept as they are instead, and
    /// the backup still comes back.
    ///
    /// The copy kept and the swap are made under the journal's write lock,
    /// as a change of passphrase is (see `replacement`): every change any
    /// process saved before is in the copy kept, and every change after
    /// finds the file replaced and goes into the restored journal. (Pages
    /// copied into the open file, as restore once did, lost what another
    /// process saved between the copy and the pages.)
    pub fn restore(&mut self, backup: &Path) -> Result<PathBuf> {
        let path = self
            .path()
            .ok_or_else(|| Error::Corrupt("an in-memory journal cannot be restored into".into()))?
            .to_path_buf();
        let dir = backups_dir(&path);
        crate::private_files::create_dir(&dir).map_err(|e| Error::file(&dir, e))?;
        let passphrase = self.passphrase().map(str::to_string);
        // Held shared from the checked copy to the swap: another Trine
        // opening meanwhile takes an unheld folder's copies in progress for
        // leftovers of a cut-short change, and tidies them away.
        let _backups = FolderLock::take(&dir, false, crate::store::BUSY_TIMEOUT)
            .map_err(|e| e.in_journal(Some(&path)))?;
        let mut source = check_backup(backup, &dir, passphrase.as_deref())?;
        // Closed, the checked copy is one whole file, ready to move in.
        drop(source.conn.take());
        let kept = dir.join(format!("{REPLACED_PREFIX}{}.db", stamp(time::now())));
        // The write lock on the journal's current file, held until the
        // backup is in its place.
        self.hold_write_lock()?;
        let swapped = if self.passphrase() == passphrase.as_deref() {
            swap_in_backup(&path, passphrase.as_deref(), &source.file.0, &kept)
        } else {
            // Encrypted or decrypted by another Trine while this waited:
            // the checked copy is in the journal's old form.
            Err(Swap::Failed(
                crate::error::OpenError::Replaced { path: path.clone() }.into(),
            ))
        };
        let _ = self.conn.execute_batch("ROLLBACK");
        match swapped {
            Ok(()) => {}
            Err(Swap::Damaged) => {
                // Too damaged to copy: restore over the file itself, on a
                // closed journal.
                let from = source.file.0.clone();
                let placeholder = Journal::open_in_memory()?;
                drop(std::mem::replace(self, placeholder));
                let replaced = replace_damaged(&path, &from);
                drop(source);
                // Whatever happened, this handle is the file on disk again.
                *self = Journal::open_with(&path, passphrase.as_deref())?;
                return replaced;
            }
            Err(Swap::Failed(e)) => return Err(e),
        }
        drop(source);
        // The old file is gone from the path; dropping this handle leaves
        // its connection open (see `replacement`). The restored file may be
        // from an older schema: opening brings it up to date.
        *self = Journal::open_with(&path, passphrase.as_deref())?;
        Ok(kept)
    }
}

/// Why [`swap_in_backup`] stopped: the journal too damaged to copy, or
/// anything else.
enum Swap {
    Damaged,
    Failed(Error),
}

impl From<Error> for Swap {
    fn from(e: Error) -> Swap {
        Swap::Failed(e)
    }
}

impl From<rusqlite::Error> for Swap {
    fn from(e: rusqlite::Error) -> Swap {
        let damaged = matches!(
            e.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
        );
        if damaged {
            Swap::Damaged
        } else {
            Swap::Failed(e.into())
        }
    }
}

/// Keeps a copy of the journal at `path` (readable with `passphrase`) in
/// `kept`, makes sure the old file holds everything on its own (its log
/// folded in), and moves the checked backup at `checked` into its place.
/// The caller holds the journal's write lock, so nothing is saved
/// meanwhile; the copy and the folding are made on a second connection,
/// which that lock does not stop from reading.
fn swap_in_backup(
    path: &Path,
    passphrase: Option<&str>,
    checked: &Path,
    kept: &Path,
) -> std::result::Result<(), Swap> {
    let conn = crate::connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    crate::store::quiet_cipher_log(&conn);
    if let Some(key) = passphrase {
        crate::store::keying::key(&conn, key)?;
    }
    crate::private_files::create_empty_file(kept).map_err(|e| Error::file(kept, e))?;
    if let Err(e) = write_copy(&conn, kept) {
        let _ = std::fs::remove_file(kept);
        return Err(e.into());
    }
    std::fs::File::open(kept)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::file(kept, e))?;
    crate::store::fold_log(&conn, path)?;
    drop(conn);
    let incoming = PathBuf::from(format!("{}.restoring", path.display()));
    std::fs::copy(checked, &incoming).map_err(|e| Error::file(&incoming, e))?;
    crate::private_files::restrict(&incoming).map_err(|e| Error::file(&incoming, e))?;
    std::fs::File::open(&incoming)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::file(&incoming, e))?;
    // The swap, as a change of passphrase makes it: no process opens the
    // journal while the old log and shared memory go and the backup comes
    // in. The old file holds everything, and a copy of it is kept, so a cut
    // at any point leaves a whole journal, old or restored.
    let _swap = FolderLock::exclusive(path)?;
    for suffix in ["-wal", "-shm"] {
        let file = PathBuf::from(format!("{}{suffix}", path.display()));
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::file(&file, e).into()),
        }
    }
    std::fs::rename(&incoming, path).map_err(|e| Error::file(path, e))?;
    if let Some(folder) = path.parent() {
        sync_folder(folder);
    }
    if let Some(folder) = kept.parent() {
        sync_folder(folder);
    }
    Ok(())
}

/// Restores the backup at `backup` over a journal at `journal_path` that
/// cannot be opened because it is damaged (see
/// [`OpenError::Damaged`](crate::OpenError::Damaged)): the backup is
/// checked first (with `passphrase` if the journal is encrypted), the
/// damaged file's bytes are kept as they are in the backups folder, and
/// the backup's copy takes the journal's place. Returns the journal, open,
/// and the path of the damaged file's copy.
pub fn restore_damaged(
    journal_path: &Path,
    backup: &Path,
    passphrase: Option<&str>,
) -> Result<(Journal, PathBuf)> {
    let dir = backups_dir(journal_path);
    crate::private_files::create_dir(&dir).map_err(|e| Error::file(&dir, e))?;
    // As in [`Journal::restore`]: the checked copy is not tidied away.
    let backups = FolderLock::take(&dir, false, crate::store::BUSY_TIMEOUT)
        .map_err(|e| e.in_journal(Some(journal_path)))?;
    let mut source = check_backup(backup, &dir, passphrase)?;
    drop(source.conn.take());
    let kept = replace_damaged(journal_path, &source.file.0)?;
    drop(source);
    drop(backups);
    let journal = Journal::open_with(journal_path, passphrase)?;
    Ok((journal, kept))
}

/// Keeps the damaged journal's bytes (and its write-ahead log, if any) in
/// the backups folder as they are, then puts a copy of `checked` in the
/// journal's place, renamed in whole. Returns the kept copy.
fn replace_damaged(journal_path: &Path, checked: &Path) -> Result<PathBuf> {
    let dir = backups_dir(journal_path);
    let kept = dir.join(format!("{DAMAGED_PREFIX}{}.db", stamp(time::now())));
    let _swap = FolderLock::exclusive(journal_path)?;
    if journal_path.exists() {
        std::fs::copy(journal_path, &kept).map_err(|e| Error::file(&kept, e))?;
        crate::private_files::restrict(&kept).map_err(|e| Error::file(&kept, e))?;
    }
    let wal = PathBuf::from(format!("{}-wal", journal_path.display()));
    if wal.exists() {
        let kept_wal = PathBuf::from(format!("{}-wal", kept.display()));
        std::fs::copy(&wal, &kept_wal).map_err(|e| Error::file(&kept_wal, e))?;
        crate::private_files::restrict(&kept_wal).map_err(|e| Error::file(&kept_wal, e))?;
    }
    let incoming = PathBuf::from(format!("{}.restoring", journal_path.display()));
    std::fs::copy(checked, &incoming).map_err(|e| Error::file(&incoming, e))?;
    crate::private_files::restrict(&incoming).map_err(|e| Error::file(&incoming, e))?;
    std::fs::File::open(&incoming)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::file(&incoming, e))?;
    for suffix in ["-wal", "-shm"] {
        let file = PathBuf::from(format!("{}{suffix}", journal_path.display()));
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::file(&file, e)),
        }
    }
    std::fs::rename(&incoming, journal_path).map_err(|e| Error::file(journal_path, e))?;
    if let Some(folder) = journal_path.parent() {
        sync_folder(folder);
    }
    sync_folder(&dir);
    Ok(kept)
}
