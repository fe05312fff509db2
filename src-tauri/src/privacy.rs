//! Backups, encryption, locking and erasing: the commands behind the
//! Backups screen and the Privacy part of Settings, and the automatic
//! backup soon after start-up.

use std::path::PathBuf;
use std::time::Duration;

use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};
use trine_core::backup::{backups_dir, list_backups, BackupInfo, CopiesRekeyed};

use crate::{CommandError, JournalState};

type Reply<T> = Result<T, CommandError>;

/// How long after start-up (or unlocking) the automatic backup waits, so
/// that it never delays the first screen.
pub const BACKUP_DELAY: Duration = Duration::from_secs(3);

/// What the person types to confirm erasing everything.
pub const ERASE_CONFIRMATION: &str = "erase";

/// Takes the day's automatic backup (at most one a day) on a thread of its
/// own, [`BACKUP_DELAY`] from now. A locked journal is skipped; unlocking
/// calls this again.
pub fn backup_soon<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        std::thread::sleep(BACKUP_DELAY);
        let journal = app.state::<JournalState>();
        match journal.with(|j| j.backup_if_due()) {
            Ok(Some(backup)) => eprintln!("trine: backed up to {}", backup.path.display()),
            Ok(None) => {}
            Err(e) if e.code == "locked" => {}
            Err(e) => eprintln!("trine: the automatic backup failed: {e}"),
        }
    });
}

/// The Backups screen: where backups go, how many are kept, and the list.
#[derive(Debug, Clone, Serialize)]
pub struct BackupsView {
    /// The backups folder.
    pub folder: PathBuf,
    /// How many backups are kept.
    pub keep: usize,
    /// The backups, newest first.
    pub backups: Vec<BackupInfo>,
}

fn folder(journal: &trine_core::Journal) -> Result<PathBuf, trine_core::Error> {
    journal.path().map(backups_dir).ok_or_else(|| {
        trine_core::Error::Corrupt("an in-memory journal has no backups folder".into())
    })
}

/// The backups folder and its backups.
#[tauri::command(async)]
pub fn backups_view(journal: State<'_, JournalState>) -> Reply<BackupsView> {
    journal.with(|j| {
        let folder = folder(j)?;
        Ok(BackupsView {
            backups: list_backups(&folder)?,
            keep: j.backups_to_keep()?,
            folder,
        })
    })
}

/// Takes a backup now.
#[tauri::command(async)]
pub fn backup_now(journal: State<'_, JournalState>) -> Reply<BackupInfo> {
    journal.with(|j| j.backup_now())
}

/// Restores one of the listed backups (the page can name no other file),
/// after checking it; returns where the replaced journal was kept.
#[tauri::command(async)]
pub fn restore_backup(journal: State<'_, JournalState>, path: PathBuf) -> Reply<PathBuf> {
    journal.with(|j| {
        let listed = list_backups(&folder(j)?)?
            .into_iter()
            .any(|b| b.path == path);
        if !listed {
            return Err(trine_core::Error::file(
                &path,
                std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "not one of this journal's backups; nothing was restored",
                ),
            ));
        }
        j.restore(&path)
    })
}

/// The backups of a journal too damaged to open, newest first, for the
/// screen that offers to bring it back (empty when it is not damaged).
#[tauri::command(async)]
pub fn damaged_backups(journal: State<'_, JournalState>) -> Reply<Vec<BackupInfo>> {
    journal.damaged_backups()
}

/// Brings a damaged journal back from the newest good backup, keeping the
/// damaged file aside.
#[tauri::command(async)]
pub fn restore_newest_backup<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, JournalState>,
) -> Reply<crate::state::DamagedRestored> {
    let restored = journal.restore_newest_backup()?;
    backup_soon(app);
    Ok(restored)
}

/// What changing the passphrase did, for the page to say.
#[derive(Debug, Clone, Serialize)]
pub struct PassphraseChanged {
    /// Whether the journal is encrypted now.
    pub encrypted: bool,
    /// What became of the copies in the backups folder.
    pub backups: CopiesRekeyed,
}

/// Encrypts the journal, changes its passphrase, or (with no `new`)
/// decrypts it, and its backups with it. An encrypted journal needs its
/// `current` passphrase; a wrong one changes nothing.
#[tauri::command(async)]
pub fn change_passphrase(
    journal: State<'_, JournalState>,
    current: Option<String>,
    new: Option<String>,
) -> Reply<PassphraseChanged> {
    journal.with(|j| {
        let backups = j.change_passphrase(current.as_deref(), new.as_deref())?;
        Ok(PassphraseChanged {
            encrypted: j.is_encrypted(),
            backups,
        })
    })
}

/// Locks an encrypted journal (after the chosen idle time); returns
/// whether it is locked now.
#[tauri::command(async)]
pub fn lock_journal(journal: State<'_, JournalState>) -> bool {
    journal.lock()
}

/// Erases the journal and all its backups, after the person typed
/// [`ERASE_CONFIRMATION`], and starts a new, empty journal.
#[tauri::command(async)]
pub fn erase_everything(journal: State<'_, JournalState>, confirmation: String) -> Reply<()> {
    if confirmation.trim() != ERASE_CONFIRMATION {
        return Err(CommandError::new(
            "not_confirmed",
            format!("type {ERASE_CONFIRMATION:?} to confirm; nothing was erased"),
        ));
    }
    journal.erase()
}
