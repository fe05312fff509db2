//! Restore: a checked backup replaces the journal's content, and what it
//! replaces is kept; a journal too damaged to copy keeps its bytes as they
//! are and the backup's file takes its place.

use std::path::{Path, PathBuf};

use super::check::check_backup;
use super::{
    backups_dir, copy_pages, stamp, sync_folder, write_copy, DAMAGED_PREFIX, REPLACED_PREFIX,
};
use crate::error::{Error, Result};
use crate::store::replacement::FolderLock;
use crate::store::Journal;
use crate::time;

impl Journal {
    /// Replaces the journal's content with the backup at `backup`, after
    /// checking the backup, and keeps a copy of what it replaces in the
    /// backups folder. Returns the path of that copy. When the journal
    /// itself is damaged (SQLite cannot copy it), its bytes are kept as
    /// they are instead, and the backup still comes back.
    pub fn restore(&mut self, backup: &Path) -> Result<PathBuf> {
        let path = self
            .path()
            .ok_or_else(|| Error::Corrupt("an in-memory journal cannot be restored into".into()))?
            .to_path_buf();
        let dir = backups_dir(&path);
        crate::private_files::create_dir(&dir).map_err(|e| Error::file(&dir, e))?;
        let passphrase = self.passphrase().map(str::to_string);
        let mut source = check_backup(backup, &dir, passphrase.as_deref())?;
        self.ensure_current()?;
        let kept = dir.join(format!("{REPLACED_PREFIX}{}.db", stamp(time::now())));
        crate::private_files::create_empty_file(&kept).map_err(|e| Error::file(&kept, e))?;
        if let Err(e) = write_copy(&self.conn, &kept) {
            let _ = std::fs::remove_file(&kept);
            let damaged = matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
            );
            if !damaged {
                return Err(e.into());
            }
            // Too damaged to copy: restore over the file itself, on a
            // closed journal.
            let checked = source.conn.take();
            drop(checked);
            let from = source.file.0.clone();
            let placeholder = Journal::open_in_memory()?;
            drop(std::mem::replace(self, placeholder));
            let replaced = replace_damaged(&path, &from);
            drop(source);
            // Whatever happened, this handle is the file on disk again.
            *self = Journal::open_with(&path, passphrase.as_deref())?;
            return replaced;
        }
        let conn = source.conn.take().expect("the checked copy is open");
        copy_pages(&conn, &mut self.conn)?;
        drop(conn);
        drop(source);
        // The restored file may be from an older schema: bring it up to
        // date, on a fresh connection now that every page has changed
        // under this one (the one key derivation restore pays besides
        // checking the backup).
        let reopened = Journal::open_with(&path, passphrase.as_deref())?;
        *self = reopened;
        Ok(kept)
    }
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
    let mut source = check_backup(backup, &dir, passphrase)?;
    drop(source.conn.take());
    let kept = replace_damaged(journal_path, &source.file.0)?;
    drop(source);
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
