//! Managed state: the journal the app opened at start-up.
//!
//! A `trine_core::Journal` holds one SQLite connection, which may move
//! between threads but not be shared, so it sits behind a `Mutex`; commands
//! take turns with it. Opening can fail, and the app must still start to say
//! why, so the state keeps either the journal or the error, and every command
//! gets that error back.

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use trine_core::Journal;

use crate::CommandError;

/// The opened journal, or why it could not be opened.
pub struct JournalState {
    journal: Result<Mutex<Journal>, CommandError>,
}

impl JournalState {
    /// Opens the journal in `explicit`, else in `TRINE_DATA_DIR`, else in the
    /// platform's application-data folder. Never fails: a failure is kept and
    /// returned by [`JournalState::with`].
    pub fn open(explicit: Option<PathBuf>) -> Self {
        let journal = trine_core::paths::resolve_data_dir(explicit)
            .and_then(|dir| Journal::open_in(&dir))
            .map(Mutex::new)
            .map_err(CommandError::from);
        if let Err(error) = &journal {
            eprintln!("trine: the journal could not be opened: {error}");
        }
        Self { journal }
    }

    /// Runs `f` with the journal, or returns the error that kept it closed.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Journal) -> Result<T, trine_core::Error>,
    ) -> Result<T, CommandError> {
        let journal = self.journal.as_ref().map_err(Clone::clone)?;
        // A command that panicked while holding the lock cannot have left a
        // write half-done: the core's transactions roll back when dropped.
        // So a poisoned lock is safe to take over.
        let mut journal = journal.lock().unwrap_or_else(PoisonError::into_inner);
        f(&mut journal).map_err(CommandError::from)
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
}
