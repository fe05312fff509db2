//! Staying with the journal when another process replaces its file.
//!
//! Turning encryption on or off, or changing the passphrase, writes the
//! journal anew beside the old file and renames it into place (see
//! `encryption.rs`). Other processes (the app, another `trine`) may hold
//! the old file open at that moment. SQLite knows nothing of the rename:
//! a connection keeps reading and writing the old, now nameless, file, so
//! whatever it saved afterwards would be lost, and a plain copy of the
//! journal could still be written from it after the journal was encrypted.
//!
//! Three rules keep every process on the journal that is really on disk:
//!
//! 1. **Check under the write lock.** Every write transaction begins
//!    `IMMEDIATE` and then checks that the file at the journal's path is
//!    still the file this connection has open (same device and inode). A
//!    replacement takes the same write lock on the old file while it
//!    copies and renames, so a write either lands in the old file before
//!    the copy is made, or finds the file replaced and goes to the new one.
//!    A process that finds its file replaced reopens the journal with the
//!    passphrase it has; if that passphrase no longer opens it, it stops
//!    with [`OpenError::Replaced`](crate::error::OpenError::Replaced) and
//!    saves nothing.
//! 2. **No opening during the swap.** The short moment of the swap (the
//!    old write-ahead log and shared-memory files removed, the new file
//!    renamed in) runs under an exclusive lock on the journal's folder;
//!    opening a journal takes the same lock shared. So no process opens the
//!    old file's log files for the new file, or the reverse. Idle
//!    connections hold nothing, so they never hold up a replacement.
//! 3. **Never close a replaced file's connection.** When SQLite closes
//!    the last connection to a file, it folds the write-ahead log into the
//!    file and deletes the log *by name*: for a replaced file, that name
//!    now belongs to the new journal's log. A connection to a replaced
//!    file is therefore left open until the process ends (a few file
//!    handles and pages per replacement, which is rare), never closed.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::{Error, Result, StorageError};

/// Which file a path names: its device and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FileId {
    dev: u64,
    ino: u64,
}

impl FileId {
    /// The file at `path` now, or `None` if there is none (or it cannot be
    /// looked at).
    pub(crate) fn of(path: &Path) -> Option<FileId> {
        let meta = std::fs::metadata(path).ok()?;
        Some(FileId::from_metadata(&meta))
    }

    #[cfg(unix)]
    fn from_metadata(meta: &std::fs::Metadata) -> FileId {
        use std::os::unix::fs::MetadataExt;
        FileId {
            dev: meta.dev(),
            ino: meta.ino(),
        }
    }

    #[cfg(not(unix))]
    fn from_metadata(meta: &std::fs::Metadata) -> FileId {
        // Without inodes, the creation time tells a renamed-in file from
        // the one it replaced.
        let made = meta
            .created()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as u64);
        FileId { dev: 0, ino: made }
    }
}

/// An advisory lock (`flock`) on a folder, released when dropped. On the
/// journal's folder: shared while a journal is being opened or a
/// connection closed, exclusive while a replacement swaps the files. On
/// the backups folder: shared while a backup is written, exclusive while
/// the copies are rewritten for a new passphrase or tidied after an
/// interrupted one.
#[derive(Debug)]
pub(crate) struct FolderLock {
    _file: File,
}

/// How long opening waits for a swap to end, and a swap for openings.
/// The swap itself is a few renames; this is far more than it needs.
const FOLDER_LOCK_WAIT: Duration = crate::store::BUSY_TIMEOUT;

impl FolderLock {
    /// Takes the lock on the folder holding `journal` shared, waiting for
    /// a swap in progress. `None` when the folder does not exist (opening
    /// then fails with SQLite's own words).
    pub(crate) fn shared(journal: &Path) -> Result<Option<FolderLock>> {
        match FolderLock::take(&folder_of(journal), false, FOLDER_LOCK_WAIT) {
            Err(Error::File { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                Ok(None)
            }
            other => other.map(Some),
        }
        .map_err(|e| e.in_journal(Some(journal)))
    }

    /// Takes the lock on the folder holding `journal` for a swap, waiting
    /// for openings in progress.
    pub(crate) fn exclusive(journal: &Path) -> Result<FolderLock> {
        FolderLock::take(&folder_of(journal), true, FOLDER_LOCK_WAIT)
            .map_err(|e| e.in_journal(Some(journal)))
    }

    /// Takes the lock on `folder`, exclusive or shared, waiting up to
    /// `wait` for others to let go; after that, [`StorageError::Busy`].
    pub(crate) fn take(folder: &Path, exclusive: bool, wait: Duration) -> Result<FolderLock> {
        let file = File::open(folder).map_err(|e| Error::file(folder, e))?;
        let start = Instant::now();
        loop {
            let tried = if exclusive {
                file.try_lock()
            } else {
                file.try_lock_shared()
            };
            match tried {
                Ok(()) => return Ok(FolderLock { _file: file }),
                Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(StorageError::Busy { path: None }.into())
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(Error::file(folder, e)),
            }
        }
    }
}

/// The folder a journal file is in.
pub(crate) fn folder_of(journal: &Path) -> PathBuf {
    match journal.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}
