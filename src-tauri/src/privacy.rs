//! Backups, encryption, locking and erasing: the commands behind the
//! Backups screen and the Privacy part of Settings, and the automatic
//! backup soon after start-up.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};
use trine_app::backup::{all_backups, BackupInfo, CopiesRekeyed};

use crate::{CommandError, JournalState};

type Reply<T> = Result<T, CommandError>;

/// How long after start-up (or unlocking) the automatic backup waits, so
/// that it never delays the first screen.
pub const BACKUP_DELAY: Duration = Duration::from_secs(3);

/// What the person types to confirm erasing everything.
pub const ERASE_CONFIRMATION: &str = "erase";

/// Why the last automatic backup failed, kept until a backup succeeds, so
/// that a failing disk or an unplugged backup folder is told to the person
/// on the page, not only to a terminal nobody reads.
#[derive(Debug, Default)]
pub struct AutomaticBackup {
    trouble: Mutex<Option<CommandError>>,
}

impl AutomaticBackup {
    fn set(&self, trouble: Option<CommandError>) {
        *self.trouble.lock().unwrap_or_else(|e| e.into_inner()) = trouble;
    }

    fn get(&self) -> Option<CommandError> {
        self.trouble
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

/// Takes the day's automatic backup (at most one a day) on a thread of its
/// own, [`BACKUP_DELAY`] from now. A locked journal is skipped; unlocking
/// calls this again. A failure is kept in [`AutomaticBackup`] and the page
/// is told to ask for it.
pub fn backup_soon<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        std::thread::sleep(BACKUP_DELAY);
        let journal = app.state::<JournalState>();
        let kept = app.state::<AutomaticBackup>();
        match journal.with(|j| j.backup_if_due()) {
            Ok(Some(backup)) => {
                kept.set(None);
                eprintln!("trine: backed up to {}", backup.path.display());
            }
            Ok(None) => {}
            Err(e) if e.code == "locked" => {}
            Err(e) => {
                eprintln!("trine: the automatic backup failed: {e}");
                kept.set(Some(e));
                if let Some(window) = app.get_webview_window("main") {
                    // The page asks for the words itself (none pass here);
                    // one that has not loaded yet asks as it starts.
                    let _ = window.eval("window.__trineBackupTrouble?.()");
                }
            }
        }
    });
}

/// Why the last automatic backup failed, or nothing once a backup has
/// succeeded since.
#[tauri::command]
pub fn automatic_backup_trouble(kept: State<'_, AutomaticBackup>) -> Option<CommandError> {
    kept.get()
}

pub use trine_app::backups::BackupsView;

fn journal_file(journal: &trine_app::Journal) -> Result<PathBuf, trine_app::Error> {
    journal.path().map(PathBuf::from).ok_or_else(|| {
        trine_app::Error::Corrupt("an in-memory journal has no backups folder".into())
    })
}

/// The backups folder and its backups.
#[tauri::command(async)]
pub fn backups_view(journal: State<'_, JournalState>) -> Reply<BackupsView> {
    journal.with(|j| trine_app::backups::backups_view(j))
}

/// Takes a backup now; one that succeeds in every place ends the notice
/// of a failed automatic backup.
#[tauri::command(async)]
pub fn backup_now(
    journal: State<'_, JournalState>,
    kept: State<'_, AutomaticBackup>,
) -> Reply<BackupInfo> {
    let backup = journal.with(|j| j.backup_now())?;
    kept.set(None);
    Ok(backup)
}

/// Opens the system's folder dialog to choose where backups also go;
/// returns the folder chosen, or nothing if the dialog was closed. Nothing
/// changes until `set_backup_places`.
#[tauri::command(async)]
pub fn pick_backup_folder<R: Runtime>(app: AppHandle<R>) -> Option<PathBuf> {
    use tauri_plugin_dialog::DialogExt;
    let mut builder = app
        .dialog()
        .file()
        .set_title("Choose a folder for backups (another disk, if you can)");
    if let Some(window) = app.get_webview_window("main") {
        builder = builder.set_parent(&window);
    }
    builder.blocking_pick_folder()?.into_path().ok()
}

/// Chooses where backups go: `folder` (none to stop using one) and
/// whether they also go beside the journal; a backup is taken at once in
/// a newly chosen folder. Returns the Backups screen as it now is.
#[tauri::command(async)]
pub fn set_backup_places(
    journal: State<'_, JournalState>,
    folder: Option<PathBuf>,
    beside_journal: bool,
) -> Reply<BackupsView> {
    journal.with(|j| {
        let file = journal_file(j)?;
        let before = file
            .parent()
            .map(|dir| trine_app::before_unlock::read(dir).backup_folder)
            .unwrap_or_default();
        trine_app::backup::choose_backup_places(&file, folder.as_deref(), beside_journal)?;
        if folder.is_some() && folder != before {
            j.backup_now()?;
        }
        trine_app::backups::backups_view(j)
    })
}

/// Forgets a folder chosen for backups before (its copies stay as they
/// are and no longer change with the journal). Returns the Backups screen
/// as it now is.
#[tauri::command(async)]
pub fn forget_backup_folder(
    journal: State<'_, JournalState>,
    folder: PathBuf,
) -> Reply<BackupsView> {
    journal.with(|j| {
        trine_app::backup::forget_backup_folder(&journal_file(j)?, &folder)?;
        trine_app::backups::backups_view(j)
    })
}

/// The theme kept beside the journal, for the screens shown before it can
/// be read (the lock screen, the damaged journal's).
#[tauri::command(async)]
pub fn theme_before_unlock(journal: State<'_, JournalState>) -> trine_app::app_settings::Theme {
    journal
        .data_dir()
        .map(|dir| trine_app::before_unlock::read(&dir).theme)
        .unwrap_or_default()
}

/// Restores one of the listed backups (the page can name no other file),
/// after checking it; over a damaged journal, what was written after the
/// backup and can still be read comes back too. Returns what was done.
#[tauri::command(async)]
pub fn restore_backup(
    journal: State<'_, JournalState>,
    path: PathBuf,
) -> Reply<trine_app::restoring::Restored> {
    journal.with(|j| {
        let listed = all_backups(&journal_file(j)?)?
            .into_iter()
            .any(|b| b.path == path);
        if !listed {
            return Err(trine_app::Error::file(
                &path,
                std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "not one of this journal's backups; nothing was restored",
                ),
            ));
        }
        trine_app::restoring::restore_keeping_later_writing(j, &path)
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
