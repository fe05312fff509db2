//! The Backups screen's model, and `trine backup --list`: where backups go,
//! how many are kept, and every backup in every place, newest first. The
//! same for both front ends, also for a journal kept in memory (it has no
//! backups: an empty list, not an error).

use std::path::PathBuf;

use serde::Serialize;
use trine_store::backup::{all_backups, backup_places, backups_dir, BackupInfo, BackupPlace};
use trine_store::{Journal, Result};

/// Where backups go and what is there.
#[derive(Debug, Clone, Serialize)]
pub struct BackupsView {
    /// The first place backups go (kept for the page's first line).
    pub folder: PathBuf,
    /// Every place backups go, with whether it can be reached.
    pub places: Vec<BackupPlace>,
    /// How many backups are kept in each place.
    pub keep: usize,
    /// The backups in every place, newest first.
    pub backups: Vec<BackupInfo>,
}

/// The backups of `journal`.
pub fn backups_view(journal: &Journal) -> Result<BackupsView> {
    let keep = journal.backups_to_keep()?;
    let Some(file) = journal.path() else {
        return Ok(BackupsView {
            folder: PathBuf::new(),
            places: Vec::new(),
            keep,
            backups: Vec::new(),
        });
    };
    let places = backup_places(file);
    Ok(BackupsView {
        folder: places
            .first()
            .map(|p| p.folder.clone())
            .unwrap_or_else(|| backups_dir(file)),
        places,
        backups: all_backups(file)?,
        keep,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use trine_store::NewEntry;

    #[test]
    fn a_journal_lists_its_backups_and_one_in_memory_has_none() {
        let memory = Journal::open_in_memory().unwrap();
        let view = backups_view(&memory).unwrap();
        assert!(view.backups.is_empty() && view.places.is_empty());

        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::open_in_with(dir.path(), None).unwrap();
        assert!(
            backups_view(&journal).unwrap().backups.is_empty(),
            "no folder yet: an empty list"
        );
        journal.create(NewEntry::note("kept", "")).unwrap();
        journal.backup_now().unwrap();
        let view = backups_view(&journal).unwrap();
        assert_eq!(view.backups.len(), 1);
        assert_eq!(view.folder, dir.path().join("backups"));
        assert_eq!(view.keep, journal.backups_to_keep().unwrap());
    }
}
