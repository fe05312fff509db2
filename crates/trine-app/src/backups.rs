//! The Backups screen's model, and `trine backup --list`: where backups go,
//! how many are kept, and every backup in every place, newest first. The
//! same for both front ends, also for a journal kept in memory (it has no
//! backups: an empty list, not an error).

use std::path::PathBuf;

use serde::Serialize;
use trine_store::backup::{
    all_backups, backup_places, backups_dir, former_backup_folders, list_backups, BackupInfo,
    BackupPlace,
};
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
    /// Folders chosen for backups before, whose copies still change with
    /// the journal until the person has Trine forget them.
    pub former_folders: Vec<FormerFolder>,
}

/// A folder chosen for backups before, as the Backups screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormerFolder {
    /// The folder.
    pub folder: PathBuf,
    /// Whether it can be reached now (its disk may be unplugged).
    pub reachable: bool,
    /// How many of the journal's backups it holds (when reachable).
    pub backups: usize,
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
            former_folders: Vec::new(),
        });
    };
    let places = backup_places(file);
    let former_folders = former_backup_folders(file)
        .into_iter()
        .map(|folder| FormerFolder {
            reachable: folder.is_dir(),
            backups: list_backups(&folder).map_or(0, |b| b.len()),
            folder,
        })
        .collect();
    Ok(BackupsView {
        folder: places
            .first()
            .map(|p| p.folder.clone())
            .unwrap_or_else(|| backups_dir(file)),
        places,
        backups: all_backups(file)?,
        keep,
        former_folders,
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
        assert!(view.former_folders.is_empty());
    }

    #[test]
    fn a_folder_chosen_before_is_shown_with_its_backups_until_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let old_disk = tempfile::tempdir().unwrap();
        let mut journal = Journal::open_in_with(dir.path(), None).unwrap();
        journal.create(NewEntry::note("kept", "")).unwrap();
        let file = journal.path().unwrap().to_path_buf();
        trine_store::backup::choose_backup_places(&file, Some(old_disk.path()), true).unwrap();
        journal.backup_now().unwrap();
        trine_store::backup::choose_backup_places(&file, None, true).unwrap();

        let view = backups_view(&journal).unwrap();
        assert_eq!(
            view.former_folders,
            [FormerFolder {
                folder: old_disk.path().to_path_buf(),
                reachable: true,
                backups: 1
            }]
        );
        trine_store::backup::forget_backup_folder(&file, old_disk.path()).unwrap();
        assert!(backups_view(&journal).unwrap().former_folders.is_empty());
    }
}
