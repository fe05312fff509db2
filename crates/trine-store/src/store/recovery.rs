//! Putting right what a change of passphrase left when it was cut short
//! (a kill, a power cut), the next time the journal is opened.
//!
//! A change of passphrase (encrypting, decrypting, or a new passphrase)
//! happens in three steps (see `encryption.rs`):
//!
//! 1. every copy in the backups folder is rewritten in the new form as
//!    `NAME.rekeyed` beside it, and the journal as `journal.db.converting`;
//! 2. `journal.db.converting` is renamed over `journal.db`: the one
//!    moment the change takes effect;
//! 3. each `NAME.rekeyed` is renamed over `NAME`.
//!
//! So whatever the moment of the cut, the journal file is whole, in the
//! old form or the new, and a leftover is either in the journal's form
//! (step 3 was cut short: it is put in place) or not (step 2 never
//! happened: it is removed). Half-written backups are removed too. A
//! conversion or a backup in progress in another process holds the
//! backups folder's lock, and then nothing is touched.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::OpenFlags;

use super::replacement::FolderLock;
use super::Journal;
use crate::backup::{backups_dir, every_backup_folder, is_leftover, REWRITTEN_SUFFIX};
use crate::error::{Error, Result};

/// The suffix of the rollback journal SQLite keeps beside a file while a
/// transaction writes it; beside a copy, it means the copy was cut short.
const UNFINISHED: &str = "-journal";

/// The file a conversion writes the journal into before it takes the
/// journal's place.
pub(crate) fn converting_path(journal: &Path) -> PathBuf {
    PathBuf::from(format!("{}.converting", journal.display()))
}

/// Whether the file at `path` is a plain SQLite database (`Some(true)`),
/// something else, encrypted for instance (`Some(false)`), or missing.
pub(crate) fn is_plain_sqlite(path: &Path) -> Option<bool> {
    let mut head = [0u8; 16];
    let mut file = std::fs::File::open(path).ok()?;
    let n = file.read(&mut head).ok()?;
    Some(n == 16 && &head == b"SQLite format 3\0")
}

/// What is left of an interrupted change of passphrase.
struct Leftovers {
    /// Hold the backup folders while the leftovers are put right.
    _locks: Vec<FolderLock>,
    rewritten: Vec<PathBuf>,
}

/// The leftovers of the journal at `journal`, in the backups folder beside
/// it and in a folder chosen for backups, each folder locked; `None` when
/// there are none, or when another process holds the folder beside the
/// journal (its conversion or backup is still running). A chosen folder
/// another process holds is left alone.
fn leftovers(journal: &Path) -> Result<Option<Leftovers>> {
    let converting = converting_path(journal);
    let converting_log = PathBuf::from(format!("{}{UNFINISHED}", converting.display()));
    let interesting = |p: &PathBuf| {
        let name = p.file_name().unwrap_or_default().to_string_lossy();
        name.ends_with(REWRITTEN_SUFFIX) || name.ends_with(UNFINISHED) || is_leftover(&name)
    };
    let beside = backups_dir(journal);
    let mut folders: Vec<(PathBuf, Vec<PathBuf>)> = Vec::new();
    for dir in every_backup_folder(journal) {
        let names: Vec<PathBuf> = match std::fs::read_dir(&dir) {
            Ok(entries) => entries.flatten().map(|e| e.path()).collect(),
            Err(_) => Vec::new(),
        };
        folders.push((dir, names));
    }
    let any = folders
        .iter()
        .any(|(_, names)| names.iter().any(interesting));
    if !converting.exists() && !converting_log.exists() && !any {
        return Ok(None);
    }
    // A conversion in progress holds the backups folder beside the journal
    // (it makes the folder first); without the folder, nothing can be in
    // progress.
    let mut locks = Vec::new();
    if beside.is_dir() {
        match FolderLock::take(&beside, true, Duration::ZERO) {
            Ok(lock) => locks.push(lock),
            Err(_) => return Ok(None),
        }
    }
    remove(&converting)?;
    remove(&converting_log)?;
    let mut rewritten = Vec::new();
    for (dir, names) in folders {
        if !names.iter().any(interesting) {
            continue;
        }
        if dir != beside {
            // A backup being written there by another process holds it.
            match FolderLock::take(&dir, true, Duration::ZERO) {
                Ok(lock) => locks.push(lock),
                Err(_) => continue,
            }
        }
        for path in names {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            if is_leftover(&name) {
                remove(&path)?;
            } else if name.ends_with(REWRITTEN_SUFFIX) {
                // A copy whose writing was cut short still has its rollback
                // journal beside it: it is not whole, and goes with it.
                let log = PathBuf::from(format!("{}{UNFINISHED}", path.display()));
                if log.exists() {
                    remove(&path)?;
                    remove(&log)?;
                } else {
                    rewritten.push(path);
                }
            } else if name.ends_with(UNFINISHED) && name.contains(REWRITTEN_SUFFIX) {
                remove(&path)?;
            }
        }
    }
    Ok(Some(Leftovers {
        _locks: locks,
        rewritten,
    }))
}

fn remove(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::file(path, e)),
    }
}

/// The original a rewritten copy stands in for.
fn original_of(rewritten: &Path) -> PathBuf {
    let shown = rewritten.to_string_lossy();
    PathBuf::from(shown.strip_suffix(REWRITTEN_SUFFIX).unwrap_or(&shown))
}

/// Puts right what needs no passphrase: the journal's half-made
/// replacement and half-written backups go, and a rewritten copy whose form
/// (plain or encrypted) is not the journal's goes; one in the journal's
/// plain form takes its original's place. Copies encrypted like an
/// encrypted journal wait for [`after_open`], which has the passphrase.
pub(crate) fn before_open(journal: &Path) -> Result<()> {
    let Some(found) = leftovers(journal)? else {
        return Ok(());
    };
    let Some(journal_plain) = is_plain_sqlite(journal) else {
        return Ok(());
    };
    for copy in &found.rewritten {
        match (journal_plain, is_plain_sqlite(copy).unwrap_or(false)) {
            (true, true) => put_in_place(copy)?,
            (true, false) | (false, true) => remove(copy)?,
            (false, false) => {}
        }
    }
    Ok(())
}

/// Puts right the rewritten copies of an encrypted journal, now that its
/// passphrase is known to open it: a copy that this passphrase opens is in
/// the journal's new form and takes its original's place; any other is
/// from a change that never took effect, and goes.
pub(crate) fn after_open(journal: &mut Journal) -> Result<()> {
    let (Some(path), Some(passphrase)) = (journal.path(), journal.passphrase()) else {
        return Ok(());
    };
    let path = path.to_path_buf();
    let passphrase = passphrase.to_string();
    let Some(found) = leftovers(&path)? else {
        return Ok(());
    };
    for copy in &found.rewritten {
        if opens_with(copy, &passphrase) {
            put_in_place(copy)?;
        } else {
            remove(copy)?;
        }
    }
    Ok(())
}

fn put_in_place(copy: &Path) -> Result<()> {
    let original = original_of(copy);
    std::fs::rename(copy, &original).map_err(|e| Error::file(&original, e))
}

/// Whether `passphrase` opens the database at `path` and finds a schema
/// version in it.
fn opens_with(path: &Path, passphrase: &str) -> bool {
    let Ok(conn) = crate::connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
    else {
        return false;
    };
    super::quiet_cipher_log(&conn);
    if super::keying::key(&conn, passphrase).is_err() {
        return false;
    }
    conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
        .is_ok_and(|v| v > 0)
}
