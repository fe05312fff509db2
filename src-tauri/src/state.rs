//! Managed state: the journal the app opened at start-up.
//!
//! A `trine_app::Journal` holds one SQLite connection, which may move
//! between threads but not be shared, so it sits behind a `Mutex`; commands
//! take turns with it. Opening can fail, and the app must still start to say
//! why, so the state keeps either the journal or the error, and every command
//! gets that error back. An encrypted journal fails with the code `locked`
//! until [`JournalState::unlock`] opens it with its passphrase.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use trine_app::Journal;

use crate::CommandError;

/// Why a backup is passed over when bringing back a damaged journal.
const REFUSED_BACKUP: &[&str] = &["backup_refused", "not_a_database", "newer_schema", "locked"];

/// What bringing back a damaged journal did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DamagedRestored {
    /// The backup that came back.
    pub restored_from: PathBuf,
    /// When that backup was taken (local time).
    pub restored_taken: chrono::NaiveDateTime,
    /// Where the damaged file's bytes are kept.
    pub damaged_kept_at: PathBuf,
    /// How many entries the journal holds now.
    pub entries: u64,
    /// Newer backups passed over because they failed their checks.
    pub refused: usize,
}

/// The opened journal, or why it could not be opened.
pub struct JournalState {
    /// The journal's folder, or why there is none.
    dir: Result<PathBuf, CommandError>,
    journal: Mutex<Result<Journal, CommandError>>,
    /// A second handle for searches, opened on first use: a search then
    /// never waits for a save (or an import) on the first, nor holds it up.
    /// Dropped when the journal is locked or erased.
    reader: Mutex<Option<Journal>>,
}

impl JournalState {
    /// Opens the journal in `explicit`, else in `TRINE_DATA_DIR`, else in the
    /// platform's application-data folder. Never fails: a failure is kept and
    /// returned by [`JournalState::with`].
    pub fn open(explicit: Option<PathBuf>) -> Self {
        let dir = trine_app::paths::resolve_data_dir(explicit).map_err(CommandError::from);
        let journal = match &dir {
            Ok(dir) => Journal::open_in(dir).map_err(CommandError::from),
            Err(error) => Err(error.clone()),
        };
        if let Err(error) = &journal {
            eprintln!("trine: the journal could not be opened: {error}");
        }
        Self {
            dir,
            journal: Mutex::new(journal),
            reader: Mutex::new(None),
        }
    }

    /// Runs `f` on the reading handle (see [`JournalState`]), opening it
    /// from the journal first if there is none yet or its file was
    /// replaced. Fails as [`JournalState::with`] does while the journal is
    /// closed.
    pub fn read_with<T>(
        &self,
        f: impl FnOnce(&Journal) -> Result<T, trine_app::Error>,
    ) -> Result<T, CommandError> {
        let mut reader = self.reader.lock().unwrap_or_else(PoisonError::into_inner);
        if !reader.as_ref().is_some_and(Journal::is_current) {
            let opened = {
                let journal = self.journal.lock().unwrap_or_else(PoisonError::into_inner);
                match &*journal {
                    Ok(journal) => journal.open_reader().map_err(CommandError::from)?,
                    Err(error) => return Err(error.clone()),
                }
            };
            *reader = Some(opened);
        }
        f(reader.as_ref().expect("just opened")).map_err(CommandError::from)
    }

    /// Runs `f` with the journal, or returns the error that kept it closed.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Journal) -> Result<T, trine_app::Error>,
    ) -> Result<T, CommandError> {
        // A command that panicked while holding the lock cannot have left a
        // write half-done: the core's transactions roll back when dropped.
        // So a poisoned lock is safe to take over.
        let mut journal = self.journal.lock().unwrap_or_else(PoisonError::into_inner);
        let result = match &mut *journal {
            Ok(journal) => f(journal).map_err(CommandError::from),
            Err(error) => return Err(error.clone()),
        };
        // Another Trine encrypted the journal (or changed its passphrase)
        // while it was open here: nothing was saved, and from now on the
        // journal asks for its passphrase, like a locked one.
        if matches!(&result, Err(e) if e.code == "replaced") {
            let path = journal
                .as_ref()
                .ok()
                .and_then(|j| j.path().map(Path::to_path_buf))
                .unwrap_or_default();
            *journal = Err(trine_app::Error::from(trine_app::OpenError::Encrypted { path }).into());
        }
        result
    }

    /// The journal's folder, when it is known.
    pub fn data_dir(&self) -> Option<PathBuf> {
        self.dir.as_ref().ok().cloned()
    }

    /// The journal file, when its folder is known.
    fn journal_file(&self) -> Result<PathBuf, CommandError> {
        let dir = self.dir.as_ref().map_err(Clone::clone)?;
        Ok(dir.join(trine_app::store::JOURNAL_FILE))
    }

    /// The backups of a journal that could not be opened because it is
    /// damaged, newest first (empty when it is not damaged).
    pub fn damaged_backups(&self) -> Result<Vec<trine_app::backup::BackupInfo>, CommandError> {
        let journal = self.journal.lock().unwrap_or_else(PoisonError::into_inner);
        if !matches!(&*journal, Err(e) if e.code == "damaged") {
            return Ok(Vec::new());
        }
        let file = self.journal_file()?;
        Ok(trine_app::backup::all_backups(&file)?)
    }

    /// Brings a damaged journal back from the newest backup that passes
    /// its checks (older ones are tried in turn when a newer one is
    /// refused), keeping the damaged file's bytes in the backups folder.
    pub fn restore_newest_backup(&self) -> Result<DamagedRestored, CommandError> {
        let mut journal = self.journal.lock().unwrap_or_else(PoisonError::into_inner);
        if !matches!(&*journal, Err(e) if e.code == "damaged") {
            return Err(CommandError::new(
                "not_damaged",
                "the journal is not damaged; restore a backup from the Backups screen",
            ));
        }
        let file = self.journal_file()?;
        let backups = trine_app::backup::all_backups(&file)?;
        let mut refused = 0;
        for backup in &backups {
            match trine_app::backup::restore_damaged(&file, &backup.path, None) {
                Ok((opened, kept)) => {
                    let entries = opened.entry_count()?;
                    *journal = Ok(opened);
                    return Ok(DamagedRestored {
                        restored_from: backup.path.clone(),
                        restored_taken: backup.taken,
                        damaged_kept_at: kept,
                        entries,
                        refused,
                    });
                }
                Err(e) if REFUSED_BACKUP.contains(&e.code()) => refused += 1,
                Err(e) => return Err(e.into()),
            }
        }
        Err(CommandError::new(
            "no_good_backup",
            if backups.is_empty() {
                "there is no backup to restore; the damaged journal was left as it is".to_string()
            } else {
                format!(
                    "none of the {} backups could be restored (each failed its checks); the \
                     damaged journal was left as it is",
                    backups.len()
                )
            },
        ))
    }

    /// Locks an encrypted journal: closes it, so that nothing can be read
    /// until its passphrase is given again. A plain journal cannot be
    /// locked (there is no passphrase to ask for); returns whether it was.
    pub fn lock(&self) -> bool {
        // Always the reading handle's lock first, then the journal's (as
        // `read_with` takes them), so the two never wait for each other.
        let mut reader = self.reader.lock().unwrap_or_else(PoisonError::into_inner);
        let mut journal = self.journal.lock().unwrap_or_else(PoisonError::into_inner);
        let Ok(open) = &*journal else {
            return matches!(&*journal, Err(e) if e.code == "locked");
        };
        if !open.is_encrypted() {
            return false;
        }
        reader.take();
        let path = open.path().map(Path::to_path_buf).unwrap_or_default();
        *journal = Err(trine_app::Error::from(trine_app::OpenError::Encrypted { path }).into());
        true
    }

    /// Erases the journal and its backups for good, then starts a new,
    /// empty one in its place.
    pub fn erase(&self) -> Result<(), CommandError> {
        let mut reader = self.reader.lock().unwrap_or_else(PoisonError::into_inner);
        let mut journal = self.journal.lock().unwrap_or_else(PoisonError::into_inner);
        let dir = self.dir.as_ref().map_err(Clone::clone)?;
        // Close the file (both handles) before removing it.
        reader.take();
        *journal = Err(CommandError::new("erasing", "the journal is being erased"));
        trine_app::backup::erase_journal(&dir.join(trine_app::store::JOURNAL_FILE))?;
        *journal = Journal::open_in(dir).map_err(CommandError::from);
        journal.as_ref().map(|_| ()).map_err(Clone::clone)
    }

    /// Opens a journal that was kept closed (an encrypted one) with its
    /// passphrase. A wrong passphrase fails with `wrong_passphrase` and
    /// changes nothing; a journal already open stays as it is.
    pub fn unlock(&self, passphrase: &str) -> Result<(), CommandError> {
        let mut journal = self.journal.lock().unwrap_or_else(PoisonError::into_inner);
        if journal.is_ok() {
            return Ok(());
        }
        let dir = self.dir.as_ref().map_err(Clone::clone)?;
        *journal = Ok(Journal::open_in_with(dir, Some(passphrase)).map_err(CommandError::from)?);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_folder_gets_an_empty_journal() {
        let dir = tempfile::tempdir().unwrap();
        let state = JournalState::open(Some(dir.path().join("journal")));

        let count = state.with(|journal| journal.entry_count());

        assert_eq!(count, Ok(0), "a fresh journal holds no entries");
    }

    #[test]
    fn a_journal_that_cannot_be_opened_reports_why_to_every_command() {
        let dir = tempfile::tempdir().unwrap();
        let not_a_folder = dir.path().join("a-file");
        std::fs::write(&not_a_folder, "not a folder").unwrap();

        let state = JournalState::open(Some(not_a_folder));
        let first = state.with(|journal| journal.entry_count()).unwrap_err();
        let second = state.with(|journal| journal.entry_count()).unwrap_err();

        assert_eq!(first, second, "the open error is kept, not consumed");
        assert!(!first.code.is_empty(), "the error has a code for the UI");
        assert!(
            first.message.contains("a-file"),
            "the message names the path at fault: {}",
            first.message
        );
    }

    #[test]
    fn an_encrypted_journal_opens_with_its_passphrase_only() {
        let dir = tempfile::tempdir().unwrap();
        // A journal created with a passphrase is encrypted from the start.
        // (`set_passphrase` cannot encrypt a plain one in this binary:
        // WebKitGTK loads the system SQLite too, and `sqlcipher_export` is
        // missing from what the conversion then finds.)
        let mut journal = Journal::open_in_with(dir.path(), Some("correct horse")).unwrap();
        journal
            .create(trine_app::NewEntry::note("Secret", "kept"))
            .unwrap();
        drop(journal);

        let state = JournalState::open(Some(dir.path().to_path_buf()));
        let locked = state.with(|journal| journal.entry_count()).unwrap_err();
        let wrong = state.unlock("wrong").unwrap_err();
        let still_locked = state.with(|journal| journal.entry_count()).unwrap_err();
        state.unlock("correct horse").unwrap();

        assert_eq!(locked.code, "locked", "{locked}");
        assert_eq!(wrong.code, "wrong_passphrase", "{wrong}");
        assert_eq!(
            still_locked.code, "locked",
            "a wrong passphrase changes nothing"
        );
        assert_eq!(state.with(|journal| journal.entry_count()), Ok(1));
    }

    #[test]
    fn a_search_runs_while_a_save_holds_the_journal() {
        let dir = tempfile::tempdir().unwrap();
        let state = std::sync::Arc::new(JournalState::open(Some(dir.path().to_path_buf())));
        state
            .with(|j| j.create(trine_app::NewEntry::note("Quince", "quince jam")))
            .unwrap();
        assert_eq!(state.read_with(|j| j.search("quince", 5)).unwrap().len(), 1);

        // A long write holds the journal until told to let go.
        let (holding, held) = std::sync::mpsc::channel();
        let (release, released) = std::sync::mpsc::channel::<()>();
        let writer = {
            let state = state.clone();
            std::thread::spawn(move || {
                state.with(|_| {
                    holding.send(()).unwrap();
                    released.recv().unwrap();
                    Ok(())
                })
            })
        };
        held.recv().unwrap();
        let (found, searched) = std::sync::mpsc::channel();
        {
            let state = state.clone();
            std::thread::spawn(move || {
                found
                    .send(state.read_with(|j| j.search("quince", 5)).map(|h| h.len()))
                    .unwrap();
            });
        }
        let result = searched.recv_timeout(std::time::Duration::from_secs(20));
        release.send(()).unwrap();
        writer.join().unwrap().unwrap();
        assert_eq!(
            result.expect("the search finished while the write held the journal"),
            Ok(1)
        );
    }

    #[test]
    fn locking_closes_the_reading_handle_too() {
        let dir = tempfile::tempdir().unwrap();
        drop(Journal::open_in_with(dir.path(), Some("p")).unwrap());
        let state = JournalState::open(Some(dir.path().to_path_buf()));
        state.unlock("p").unwrap();
        assert_eq!(state.read_with(|j| j.search("x", 5)).unwrap().len(), 0);
        assert!(state.lock());
        let err = state.read_with(|j| j.search("x", 5)).unwrap_err();
        assert_eq!(err.code, "locked", "{err}");
    }
}
