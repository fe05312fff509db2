//! Where backups go: the `backups` folder beside the journal, a folder the
//! person chose (another disk, so that one failing disk cannot take the
//! journal and its backups together), or both. The choice is kept beside
//! the journal (see [`crate::before_unlock`]), so that a damaged or locked
//! journal still knows where its backups are.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{backups_dir, list_backups, BackupInfo};
use crate::before_unlock;
use crate::error::{Error, Result, ValidationError};

/// One place backups go, as the Backups screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupPlace {
    /// The folder.
    pub folder: PathBuf,
    /// Whether it is the `backups` folder beside the journal.
    pub beside_journal: bool,
    /// Whether the folder can be reached now (a disk may be unplugged).
    pub reachable: bool,
    /// When its newest backup was taken, if it holds one.
    pub newest: Option<chrono::NaiveDateTime>,
}

/// The folder of the journal file at `journal_path`.
fn data_dir(journal_path: &Path) -> &Path {
    journal_path.parent().unwrap_or(Path::new("."))
}

/// The folders backups of the journal at `journal_path` go to, the one
/// beside the journal first (when it is used).
pub fn backup_folders(journal_path: &Path) -> Vec<PathBuf> {
    let chosen = before_unlock::read(data_dir(journal_path));
    let mut folders = Vec::with_capacity(2);
    if chosen.backups_beside_journal || chosen.backup_folder.is_none() {
        folders.push(backups_dir(journal_path));
    }
    if let Some(folder) = chosen.backup_folder {
        folders.push(folder);
    }
    folders
}

/// The backups folder beside the journal at `journal_path`, the folder
/// chosen for backups, if any, and the folders chosen before: every folder
/// that may hold its backups, whether or not backups still go there. A
/// folder another journal has taken for its backups since is left out:
/// its copies are not this journal's to rewrite, prune or list.
pub(crate) fn every_backup_folder(journal_path: &Path) -> Vec<PathBuf> {
    let mut folders = vec![backups_dir(journal_path)];
    let kept = before_unlock::read(data_dir(journal_path));
    for folder in kept
        .backup_folder
        .into_iter()
        .chain(kept.former_backup_folders)
    {
        if !folders.contains(&folder) && another_journals(&folder, journal_path).is_none() {
            folders.push(folder);
        }
    }
    folders
}

/// The file in a chosen backups folder naming the journal whose backups
/// it holds: two journals sharing a folder would prune, rewrite and list
/// each other's backups.
const OWNER_FILE: &str = ".trine-backups-of";

/// The journal at `journal_path` as an owner file names it: its whole path.
fn owner_name(journal_path: &Path) -> PathBuf {
    std::path::absolute(journal_path).unwrap_or_else(|_| journal_path.to_path_buf())
}

/// The other journal whose backups `folder` holds, when its owner file
/// names a journal other than the one at `journal_path` that is still
/// there (a journal moved away leaves its folder free).
pub(crate) fn another_journals(folder: &Path, journal_path: &Path) -> Option<PathBuf> {
    let named = std::fs::read_to_string(folder.join(OWNER_FILE)).ok()?;
    let owner = PathBuf::from(named.trim_end_matches('\n'));
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    (!same(&owner, &owner_name(journal_path)) && owner.is_file()).then_some(owner)
}

/// Marks `folder` as holding the backups of the journal at `journal_path`.
pub(crate) fn claim(folder: &Path, journal_path: &Path) -> Result<()> {
    let file = folder.join(OWNER_FILE);
    let name = format!("{}\n", owner_name(journal_path).display());
    if std::fs::read_to_string(&file).is_ok_and(|now| now == name) {
        return Ok(());
    }
    crate::atomic::write_file(&file, |out| out.write_all(name.as_bytes()))
}

/// Takes the mark of the journal at `journal_path` off `folder` (when
/// the journal is erased); another journal's mark is left.
pub(crate) fn release(folder: &Path, journal_path: &Path) {
    let file = folder.join(OWNER_FILE);
    let name = format!("{}\n", owner_name(journal_path).display());
    if std::fs::read_to_string(&file).is_ok_and(|now| now == name) {
        let _ = std::fs::remove_file(file);
    }
}

/// The refusal of a folder that holds another journal's backups.
pub(crate) fn taken_by_another(folder: &Path, other: &Path) -> Error {
    ValidationError::BackupFolder {
        folder: folder.to_path_buf(),
        why: format!(
            "it holds the backups of another Trine journal ({}), whose backups would be pruned \
             and rewritten with this one's; choose a folder of its own",
            other.display()
        ),
    }
    .into()
}

/// The folders chosen for backups of the journal at `journal_path` before,
/// whose copies are still there (see [`forget_backup_folder`]).
pub fn former_backup_folders(journal_path: &Path) -> Vec<PathBuf> {
    before_unlock::read(data_dir(journal_path)).former_backup_folders
}

/// Tells Trine to forget a folder chosen for backups before: its copies
/// stay as they are, and no longer change with the journal (a copy made
/// before it was encrypted stays unencrypted there), nor are listed for
/// restore. Refused for a folder Trine does not remember.
pub fn forget_backup_folder(journal_path: &Path, folder: &Path) -> Result<()> {
    let remembered = former_backup_folders(journal_path);
    let same = |a: &Path| a == folder || std::path::absolute(folder).is_ok_and(|f| a == f);
    let current = before_unlock::read(data_dir(journal_path)).backup_folder;
    if current.as_deref().is_some_and(same) {
        return Err(ValidationError::BackupFolder {
            folder: folder.to_path_buf(),
            why: "backups go there now; to stop, choose no folder for backups first (its \
                  backups are then remembered, and can be forgotten)"
                .into(),
        }
        .into());
    }
    if !remembered.iter().any(|f| same(f)) {
        let why = if remembered.is_empty() {
            "Trine remembers no folder chosen for backups before".to_string()
        } else {
            format!(
                "it is not a folder chosen for backups before; those are: {}",
                remembered
                    .iter()
                    .map(|f| f.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        return Err(ValidationError::BackupFolder {
            folder: folder.to_path_buf(),
            why,
        }
        .into());
    }
    before_unlock::update(data_dir(journal_path), |s| {
        s.former_backup_folders.retain(|f| !same(f));
    })?;
    Ok(())
}

/// The places backups go, with whether each can be reached and its newest
/// backup.
pub fn backup_places(journal_path: &Path) -> Vec<BackupPlace> {
    let beside = backups_dir(journal_path);
    backup_folders(journal_path)
        .into_iter()
        .map(|folder| {
            // The folder beside the journal is made at the first backup.
            let reachable = folder.is_dir() || folder == beside;
            let newest = list_backups(&folder)
                .ok()
                .and_then(|b| b.first().map(|b| b.taken));
            BackupPlace {
                beside_journal: folder == beside,
                reachable,
                newest,
                folder,
            }
        })
        .collect()
}

/// Every backup of the journal at `journal_path` in every place that can
/// be reached, and in the folder beside the journal even when backups no
/// longer go there, newest first.
pub fn all_backups(journal_path: &Path) -> Result<Vec<BackupInfo>> {
    let mut found = Vec::new();
    for folder in every_backup_folder(journal_path) {
        if folder.is_dir() {
            found.extend(list_backups(&folder)?);
        }
    }
    found.sort_by_key(|b| std::cmp::Reverse(b.taken));
    Ok(found)
}

/// Chooses where backups of the journal at `journal_path` go: `folder` (an
/// existing folder that can be written, not the journal's own), beside the
/// journal, or both. At least one place is needed.
pub fn choose_backup_places(
    journal_path: &Path,
    folder: Option<&Path>,
    beside_journal: bool,
) -> Result<()> {
    let unusable = |folder: &Path, why: &str| -> Error {
        ValidationError::BackupFolder {
            folder: folder.to_path_buf(),
            why: why.to_string(),
        }
        .into()
    };
    if let Some(folder) = folder {
        if !folder.is_absolute() {
            return Err(unusable(folder, "give the whole path, from / on"));
        }
        if folder.parent().is_none() {
            return Err(unusable(
                folder,
                "it is the top of the file system; choose a folder of its own",
            ));
        }
        let own = data_dir(journal_path);
        let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => a == b,
        };
        if same(folder, own) || same(folder, &backups_dir(journal_path)) {
            return Err(unusable(
                folder,
                "it is the journal's own folder; choose a folder elsewhere, on another disk if you can",
            ));
        }
        if !folder.is_dir() {
            return Err(unusable(
                folder,
                "there is no folder there (is its disk connected?)",
            ));
        }
        // Another journal's folder, or its backups folder: pruning there
        // would remove that journal's backups along with this one's.
        let another = [Some(folder), folder.parent()]
            .into_iter()
            .flatten()
            .any(|place| place.join(crate::store::JOURNAL_FILE).exists());
        if another {
            return Err(unusable(
                folder,
                "it belongs to another Trine journal (its folder or its backups folder), whose \
                 backups would be pruned with this one's; choose a folder of its own",
            ));
        }
        if let Some(other) = another_journals(folder, journal_path) {
            return Err(taken_by_another(folder, &other));
        }
        // Writable: a probe file made and removed.
        let probe = folder.join(format!(".trine-probe-{}", uuid::Uuid::new_v4().simple()));
        crate::private_files::create_empty_file(&probe)
            .map_err(|_| unusable(folder, "Trine cannot write there"))?;
        let _ = std::fs::remove_file(&probe);
    } else if !beside_journal {
        return Err(ValidationError::NoBackupPlace.into());
    }
    if let Some(folder) = folder {
        claim(folder, journal_path)?;
    }
    before_unlock::update(data_dir(journal_path), |s| {
        let new = folder.map(Path::to_path_buf);
        if let Some(old) = s
            .backup_folder
            .take()
            .filter(|old| Some(old) != new.as_ref())
        {
            // Its copies stay where they are, and are still the journal's.
            if !s.former_backup_folders.contains(&old) {
                s.former_backup_folders.push(old);
            }
        }
        s.former_backup_folders.retain(|f| Some(f) != new.as_ref());
        s.backup_folder = new;
        s.backups_beside_journal = beside_journal || folder.is_none();
    })?;
    Ok(())
}
