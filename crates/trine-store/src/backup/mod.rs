//! Backups: consistent copies of the journal taken while it is in use,
//! kept in the `backups` folder beside it, the newest N kept (10 by
//! default), and restore, which checks a backup before it replaces
//! anything, keeps a copy of the journal it replaces, and renames a copy
//! of the checked backup into the journal's place, as a change of
//! passphrase does.
//!
//! Copies are written with `VACUUM INTO`: SQLite reads one snapshot of the
//! journal (others keep writing meanwhile) into a new, compact,
//! self-contained file. For an encrypted journal SQLCipher writes the copy
//! with the journal's own derived key, so the copy is encrypted with the
//! same passphrase and costs no key derivation. The online backup API
//! would need a second connection keyed with the passphrase, which pays
//! the whole derivation again (PBKDF2, about 70 ms on the machine in
//! BENCHMARKS.md, on top of the copy itself).

mod check;
mod places;
mod rekey;
mod restore;

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDateTime};
use rusqlite::Connection;
use serde::Serialize;

use crate::error::{Error, Result, StorageError, ValidationError};
use crate::store::replacement::FolderLock;
use crate::store::Journal;
use crate::time;

pub use check::BackupError;
pub(crate) use places::every_backup_folder;
pub use places::{
    all_backups, backup_folders, backup_places, choose_backup_places, forget_backup_folder,
    former_backup_folders, BackupPlace,
};
pub(crate) use rekey::prepare as prepare_rekey;
pub use rekey::CopiesRekeyed;
pub use restore::restore_damaged;

/// The name of the copy a restore keeps of a damaged journal starts with
/// this.
const DAMAGED_PREFIX: &str = "damaged-";
pub(crate) use rekey::Rekeying;
pub(crate) use rekey::REWRITTEN_SUFFIX;

/// The name a backup has while it is written, before it is renamed into
/// place; each backup adds its own random part, so two processes backing up
/// at once never write the same file.
const IN_PROGRESS: &str = ".backup-in-progress";

/// Whether a file in the backups folder, by its name, is a backup that was
/// being written when its process stopped.
pub(crate) fn is_leftover(name: &str) -> bool {
    name.starts_with(IN_PROGRESS)
}

/// Flushes a folder's entries (renames, new files) to the disk; where the
/// platform cannot, the folder is left as it is.
pub(crate) fn sync_folder(dir: &Path) {
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
}

/// The setting holding how many backups to keep.
const KEEP_KEY: &str = "backup.keep";
/// Backups kept when the setting is unset.
pub const DEFAULT_KEEP: usize = 10;
/// The most backups that can be kept.
pub const MAX_KEEP: usize = 100;
const PREFIX: &str = "journal-";
/// The name of the copies kept by restore starts with this.
const REPLACED_PREFIX: &str = "replaced-";

/// A backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupInfo {
    /// Where it is.
    pub path: PathBuf,
    /// When it was taken (local time, from its name).
    pub taken: NaiveDateTime,
    /// Its size in bytes.
    pub bytes: u64,
}

/// The backups folder of a journal file: `backups/` beside it.
pub fn backups_dir(journal_path: &Path) -> PathBuf {
    journal_path
        .parent()
        .unwrap_or(Path::new("."))
        .join("backups")
}

/// Writes a consistent copy of the journal open on `conn` to the new file
/// `target`, encrypted with the journal's key if it is encrypted, in
/// rollback-journal mode (one file, no write-ahead log beside it).
fn write_copy(conn: &Connection, target: &Path) -> rusqlite::Result<()> {
    conn.execute("VACUUM INTO ?1", [target.to_string_lossy()])?;
    Ok(())
}

fn stamp(now: DateTime<FixedOffset>) -> String {
    now.format("%Y%m%d-%H%M%S%.3f")
        .to_string()
        .replace('.', "-")
}

/// Whether a file named `name` is a backup of a journal or a copy a
/// restore kept, by its name.
pub(crate) fn is_journal_copy(name: &str) -> bool {
    name.ends_with(".db")
        && [PREFIX, REPLACED_PREFIX, DAMAGED_PREFIX]
            .iter()
            .any(|prefix| name.starts_with(prefix))
}

/// Why a new backup's copy was refused, and whether only its search index
/// was wrong (which the journal's own entries can put right).
struct CopyRefused {
    error: Error,
    index_only: bool,
}

/// How many copies a restore kept (of a journal it replaced, or of a
/// damaged one) are in the backups folders of the journal at
/// `journal_path` that can be reached.
pub(crate) fn kept_copies(journal_path: &Path) -> usize {
    every_backup_folder(journal_path)
        .iter()
        .filter_map(|dir| std::fs::read_dir(dir).ok())
        .flat_map(|entries| entries.flatten())
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().to_string();
            (name.starts_with(REPLACED_PREFIX) || name.starts_with(DAMAGED_PREFIX))
                && name.ends_with(".db")
        })
        .count()
}

/// The backups in `dir`, newest first (the copies kept by restore are not
/// listed).
pub fn list_backups(dir: &Path) -> Result<Vec<BackupInfo>> {
    let mut found = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(found),
        Err(e) => return Err(Error::file(dir, e)),
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let Some(stamp) = name
            .strip_prefix(PREFIX)
            .and_then(|n| n.strip_suffix(".db"))
        else {
            continue;
        };
        let Ok(taken) = NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S-%3f") else {
            continue;
        };
        let bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
        found.push(BackupInfo {
            path: entry.path(),
            taken,
            bytes,
        });
    }
    found.sort_by_key(|b| std::cmp::Reverse(b.taken));
    Ok(found)
}

/// Erases the journal at `journal_path` for good: the file, its
/// write-ahead log, its backups (beside it and in a folder chosen for
/// them) and the copies restore kept, and what is kept beside it for
/// before it is unlocked. The journal must be closed first. Nothing else
/// in either folder is touched.
pub fn erase_journal(journal_path: &Path) -> Result<()> {
    let beside = backups_dir(journal_path);
    for folder in every_backup_folder(journal_path) {
        if folder == beside || !folder.is_dir() {
            continue;
        }
        for backup in list_backups(&folder)? {
            std::fs::remove_file(&backup.path).map_err(|e| Error::file(&backup.path, e))?;
        }
        places::release(&folder, journal_path);
        if let Ok(entries) = std::fs::read_dir(&folder) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().to_string();
                if is_leftover(&name)
                    || (name.starts_with(PREFIX) && name.contains(REWRITTEN_SUFFIX))
                {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
    }
    let mut files = vec![journal_path.to_path_buf()];
    files.push(crate::before_unlock::path_in(
        journal_path.parent().unwrap_or(Path::new(".")),
    ));
    for suffix in ["-wal", "-shm", "-journal", ".converting"] {
        files.push(PathBuf::from(format!("{}{suffix}", journal_path.display())));
    }
    for file in files {
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::file(&file, e)),
        }
    }
    let backups = backups_dir(journal_path);
    match std::fs::remove_dir_all(&backups) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::file(&backups, e)),
    }
}

impl Journal {
    /// How many backups to keep.
    pub fn backups_to_keep(&self) -> Result<usize> {
        Ok(self
            .setting(KEEP_KEY)?
            .and_then(|v| v.parse().ok())
            .filter(|n| *n > 0)
            .unwrap_or(DEFAULT_KEEP))
    }

    /// Sets how many backups to keep (1 to 100); the oldest beyond that go
    /// at the next backup.
    pub fn set_backups_to_keep(&mut self, keep: usize) -> Result<()> {
        if !(1..=MAX_KEEP).contains(&keep) {
            return Err(ValidationError::OutOfRange {
                field: "backups to keep",
                value: keep as i64,
                min: 1,
                max: MAX_KEEP as i64,
            }
            .into());
        }
        self.set_setting(KEEP_KEY, &keep.to_string())
    }

    /// Takes a backup now in every place backups go (see
    /// [`backup_folders`]), removing in each the oldest beyond the number
    /// to keep. Returns the new backup in the first place. When a place
    /// cannot be written (a disk unplugged), the others are still written
    /// and the error names it.
    ///
    /// The copy is made from the file that is the journal now (if another
    /// process replaced it, the journal is opened again first), while the
    /// backups folder is held shared: a change of passphrase, which holds
    /// it exclusively, then rewrites every backup including this one, so no
    /// backup in an old form is left beside the journal.
    pub fn backup_now(&mut self) -> Result<BackupInfo> {
        let path = self
            .path()
            .ok_or_else(|| Error::Corrupt("an in-memory journal has no backups folder".into()))?
            .to_path_buf();
        // A backup asked for is the app's way out of damaged values: they
        // are read again first, so that the backup holds readable entries.
        self.repair_damaged_values()?;
        let mut written = None;
        let mut failed = None;
        for dir in backup_folders(&path) {
            match self.backup_into(&path, &dir) {
                Ok(backup) => {
                    written.get_or_insert(backup);
                }
                Err(e) => {
                    failed.get_or_insert((dir, e));
                }
            }
        }
        match (written, failed) {
            (Some(backup), None) => Ok(backup),
            (None, Some((_, e))) => Err(e),
            (Some(backup), Some((dir, e))) => Err(BackupError::PlaceFailed {
                folder: dir,
                written: backup.path,
                why: e.to_string(),
            }
            .into()),
            (None, None) => Err(ValidationError::NoBackupPlace.into()),
        }
    }

    /// Takes a backup into `dir`, one of the journal's backup places.
    fn backup_into(&mut self, path: &Path, dir: &Path) -> Result<BackupInfo> {
        if dir != backups_dir(path) && !dir.is_dir() {
            // A chosen folder is not made: its disk may just be unplugged.
            return Err(Error::file(
                dir,
                std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "the folder chosen for backups cannot be found (is its disk connected?)",
                ),
            ));
        }
        if dir != backups_dir(path) {
            if let Some(other) = places::another_journals(dir, path) {
                return Err(places::taken_by_another(dir, &other));
            }
            places::claim(dir, path)?;
        }
        crate::private_files::create_dir(dir).map_err(|e| Error::file(dir, e))?;
        let _held = FolderLock::take(dir, false, crate::store::BUSY_TIMEOUT)
            .map_err(|e| e.in_journal(Some(path)))?;
        self.ensure_current()?;
        let target = dir.join(format!("{PREFIX}{}.db", stamp(time::now())));
        let tmp = dir.join(format!(
            "{IN_PROGRESS}-{}.db",
            uuid::Uuid::new_v4().simple()
        ));
        // A copy that a restore would refuse is no backup: it must not push
        // out an older one that would restore. When only the search index
        // is wrong, it is made again from the entries (nothing is lost) and
        // the copy taken again, once.
        let mut repaired = false;
        loop {
            crate::private_files::create_empty_file(&tmp).map_err(|e| Error::file(&tmp, e))?;
            if let Err(e) = write_copy(&self.conn, &tmp) {
                let _ = std::fs::remove_file(&tmp);
                return Err(e.into());
            }
            std::fs::File::open(&tmp)
                .and_then(|f| f.sync_all())
                .map_err(|e| Error::file(&tmp, e))?;
            match self.check_copy(&tmp) {
                Ok(()) => break,
                Err(refused) => {
                    let _ = std::fs::remove_file(&tmp);
                    if refused.index_only && !repaired && self.rebuild_search_index().is_ok() {
                        repaired = true;
                        continue;
                    }
                    return Err(refused.error.in_journal(Some(path)));
                }
            }
        }
        std::fs::rename(&tmp, &target).map_err(|e| Error::file(&target, e))?;
        sync_folder(dir);
        let keep = self.backups_to_keep()?;
        for old in list_backups(dir)?.into_iter().skip(keep) {
            std::fs::remove_file(&old.path).map_err(|e| Error::file(&old.path, e))?;
        }
        list_backups(dir)?
            .into_iter()
            .find(|b| b.path == target)
            .ok_or_else(|| Error::Corrupt("the new backup is missing".into()))
    }

    /// Checks the new copy at `tmp` as a restore would check it; when it
    /// fails, the journal it was taken from is damaged, and the error says
    /// so. The copy is attached to the journal's own connection, which
    /// reads it with the journal's derived key (an encrypted journal pays
    /// no second key derivation).
    fn check_copy(&self, tmp: &Path) -> std::result::Result<(), CopyRefused> {
        let refused = |why: String| -> Error {
            StorageError::Damaged {
                path: None,
                detail: format!(
                    "a copy of it would not pass the checks of a restore: {why}; no backup \
                     was taken, and every backup was kept"
                ),
            }
            .into()
        };
        let whole = |error: Error| CopyRefused {
            error,
            index_only: false,
        };
        self.conn
            .execute(
                "ATTACH DATABASE ?1 AS backup_check",
                [tmp.to_string_lossy()],
            )
            .map_err(|e| whole(refused(e.to_string())))?;
        let checked = check::check_journal(&self.conn, "backup_check", tmp);
        self.conn
            .execute("DETACH DATABASE backup_check", [])
            .map_err(|e| whole(e.into()))?;
        checked.map_err(|e| match e {
            Error::Backup(BackupError::Refused { why, .. }) => CopyRefused {
                index_only: why == check::INDEX_DAMAGED || why == check::INDEX_OUT_OF_STEP,
                error: refused(why),
            },
            other => whole(refused(other.to_string())),
        })
    }

    /// Takes a backup in each place that holds none from the last 24 hours
    /// (a folder on a disk plugged in only now and then gets one when it is
    /// there). Returns the first taken, or `None` when every place is
    /// recent enough, or when the journal holds no writing yet (no entry,
    /// not even in the bin, and no check-in): a new journal, or one just
    /// erased, has nothing to keep.
    pub fn backup_if_due(&mut self) -> Result<Option<BackupInfo>> {
        let Some(path) = self.path().map(Path::to_path_buf) else {
            return Ok(None);
        };
        let written: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM entries) OR EXISTS (SELECT 1 FROM checkins)",
            [],
            |r| r.get(0),
        )?;
        if !written {
            return Ok(None);
        }
        let now = time::now().naive_local();
        let mut first = None;
        let mut failed = None;
        for dir in backup_folders(&path) {
            let latest = list_backups(&dir)?.into_iter().next();
            if latest.is_some_and(|b| now - b.taken < chrono::Duration::hours(24)) {
                continue;
            }
            match self.backup_into(&path, &dir) {
                Ok(backup) => {
                    first.get_or_insert(backup);
                }
                Err(e) => {
                    failed.get_or_insert(e);
                }
            }
        }
        match failed {
            Some(e) => Err(e),
            None => Ok(first),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NewEntry;
    use crate::store::CURRENT_VERSION;

    fn titles(journal: &Journal) -> Vec<String> {
        journal
            .list(&Default::default())
            .unwrap()
            .into_iter()
            .map(|e| e.title)
            .collect()
    }

    #[test]
    fn a_backup_restores_the_journal_as_it_was_and_keeps_what_it_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::open_in(dir.path()).unwrap();
        journal
            .create(NewEntry::note("kept", "before the backup"))
            .unwrap();
        let backup = journal.backup_now().unwrap();
        assert!(backup.path.starts_with(dir.path().join("backups")));
        journal
            .create(NewEntry::note("later", "after the backup"))
            .unwrap();
        let replaced = journal.restore(&backup.path).unwrap();
        assert_eq!(titles(&journal), vec!["kept"]);
        assert_eq!(
            journal.search("after", 10).unwrap().len(),
            0,
            "the index came back too"
        );
        assert!(journal.health().unwrap().is_ok());
        let copy = Journal::open(&replaced).unwrap();
        assert_eq!(
            titles(&copy),
            vec!["later", "kept"],
            "the replaced journal is kept"
        );
        assert_eq!(
            list_backups(&dir.path().join("backups")).unwrap().len(),
            1,
            "the kept copy is not a backup"
        );
    }

    #[test]
    fn a_journal_with_nothing_written_is_not_backed_up_automatically() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::open_in(dir.path()).unwrap();
        assert_eq!(journal.backup_if_due().unwrap(), None, "nothing to keep");
        assert!(list_backups(&dir.path().join("backups"))
            .unwrap()
            .is_empty());
        let id = journal.create(NewEntry::note("n", "")).unwrap().id;
        journal.delete(id).unwrap();
        assert!(
            journal.backup_if_due().unwrap().is_some(),
            "an entry in the bin is still writing"
        );
    }

    #[test]
    fn erasing_removes_the_journal_and_its_backups_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(crate::store::JOURNAL_FILE);
        let mut journal = Journal::open_in(dir.path()).unwrap();
        journal.backup_now().unwrap();
        drop(journal);
        std::fs::write(dir.path().join("mine.txt"), "not Trine's").unwrap();

        erase_journal(&path).unwrap();

        let left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left, vec!["mine.txt"]);
        erase_journal(&path).expect("erasing twice is fine");
        let fresh = Journal::open_in(dir.path()).unwrap();
        assert_eq!(fresh.entry_count().unwrap(), 0);
    }

    #[test]
    fn the_number_of_backups_to_keep_is_a_checked_setting() {
        let mut journal = Journal::open_in_memory().unwrap();
        assert_eq!(journal.backups_to_keep().unwrap(), DEFAULT_KEEP);
        journal.set_backups_to_keep(3).unwrap();
        assert_eq!(journal.backups_to_keep().unwrap(), 3);
        for wrong in [0, MAX_KEEP + 1] {
            let err = journal.set_backups_to_keep(wrong).unwrap_err();
            assert!(err.to_string().contains("backups to keep"), "{err}");
        }
        assert_eq!(journal.backups_to_keep().unwrap(), 3, "unchanged");
    }

    #[test]
    fn only_the_newest_backups_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::open_in(dir.path()).unwrap();
        journal.set_setting(KEEP_KEY, "3").unwrap();
        let mut taken = Vec::new();
        for i in 0..5 {
            journal.create(NewEntry::note(format!("n{i}"), "")).unwrap();
            taken.push(journal.backup_now().unwrap().path);
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let left: Vec<PathBuf> = list_backups(&dir.path().join("backups"))
            .unwrap()
            .into_iter()
            .map(|b| b.path)
            .collect();
        assert_eq!(
            left,
            vec![taken[4].clone(), taken[3].clone(), taken[2].clone()],
            "newest first, three kept"
        );
        assert!(
            journal.backup_if_due().unwrap().is_none(),
            "one a day at most"
        );
    }

    #[test]
    fn a_damaged_or_foreign_backup_is_refused_and_nothing_changes() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::open_in(dir.path()).unwrap();
        journal.create(NewEntry::note("mine", "")).unwrap();
        let junk = dir.path().join("junk.db");
        std::fs::write(&junk, b"not a database at all, just words. ".repeat(100)).unwrap();
        let err = journal.restore(&junk).unwrap_err();
        assert_eq!(err.code(), "not_a_database", "{err}");
        let other = dir.path().join("other.db");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE x (y); PRAGMA user_version = 0;")
            .unwrap();
        assert_eq!(
            journal.restore(&other).unwrap_err().code(),
            "not_a_database",
            "not a Trine journal"
        );
        let newer = dir.path().join("newer.db");
        Connection::open(&newer)
            .unwrap()
            .execute_batch("CREATE TABLE x (y); PRAGMA user_version = 99;")
            .unwrap();
        assert_eq!(journal.restore(&newer).unwrap_err().code(), "newer_schema");
        assert_eq!(titles(&journal), vec!["mine"], "nothing changed");
    }

    #[test]
    fn an_older_schema_backup_is_restored_and_migrated() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::open_in(dir.path()).unwrap();
        let v1 = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.db");
        journal.restore(&v1).unwrap();
        assert_eq!(journal.schema_version().unwrap(), CURRENT_VERSION);
        assert_eq!(journal.entry_count().unwrap(), 2);
        assert_eq!(journal.components().unwrap().len(), 9);
    }
}

#[cfg(test)]
mod tests_damage;
#[cfg(test)]
mod tests_places;
