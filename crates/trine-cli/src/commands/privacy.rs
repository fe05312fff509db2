//! The commands that keep the journal safe: `encrypt`, `decrypt`,
//! `backup`, `restore` and `check`.

use std::path::Path;

use trine_app::{Error, Journal, Result};

use crate::output::Printer;

/// `trine restore FILE` for a journal that cannot be opened because it is
/// damaged: its bytes are kept aside and the checked backup takes its place.
pub fn restore_damaged(dir: &std::path::Path, file: &std::path::Path, out: &Printer) -> Result<()> {
    let path = dir.join(trine_app::store::JOURNAL_FILE);
    let passphrase = std::env::var(crate::passphrase::PASSPHRASE_ENV)
        .ok()
        .filter(|p| !p.is_empty());
    let (journal, kept) = trine_app::backup::restore_damaged(&path, file, passphrase.as_deref())?;
    out.restored(file, &kept, journal.entry_count()?);
    Ok(())
}

/// `trine salvage FILE --out OUT`: what can still be read from a damaged
/// journal, as a JSON export; `TRINE_PASSPHRASE` (or the terminal) for an
/// encrypted one.
pub fn salvage(
    dir: &std::path::Path,
    file: &std::path::Path,
    to: &std::path::Path,
    out: &Printer,
) -> Result<()> {
    // Not into this journal's places, nor into those of the journal the
    // damaged file belongs to (its own folder, or the one its backups
    // folder is in).
    let journal = dir.join(trine_app::store::JOURNAL_FILE);
    trine_app::write_target::check(&journal, to)?;
    let source = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    let folder = source.parent().unwrap_or(std::path::Path::new("/"));
    trine_app::write_target::check(&folder.join(trine_app::store::JOURNAL_FILE), to)?;
    if folder.file_name().is_some_and(|n| n == "backups") {
        if let Some(home) = folder.parent() {
            trine_app::write_target::check(&home.join(trine_app::store::JOURNAL_FILE), to)?;
        }
    }
    if std::fs::symlink_metadata(to).is_ok() {
        return Err(Error::file(
            to,
            std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "it exists already and was left as it is; choose another name",
            ),
        ));
    }
    // The working copy goes where what is read goes.
    let target = std::path::absolute(to).unwrap_or_else(|_| to.to_path_buf());
    let work = target.parent().unwrap_or(std::path::Path::new("."));
    if !work.is_dir() {
        return Err(Error::file(
            work,
            std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "there is no such folder to write into; make it first, or choose another",
            ),
        ));
    }
    let salvaged = crate::passphrase::with_passphrase_for(file, |passphrase| {
        trine_app::store::salvage::salvage(file, passphrase, work)
    })?;
    trine_app::interchange::export_salvaged(&salvaged, to)?;
    out.salvaged(&salvaged, file, to);
    Ok(())
}

/// `trine encrypt`: a passphrase for the journal, or a new one.
pub fn encrypt(journal: &mut Journal, out: &Printer) -> Result<()> {
    let new = crate::passphrase::new_passphrase()?;
    let was = journal.is_encrypted();
    let copies = journal.set_passphrase(Some(&new))?;
    out.message(if was {
        "The passphrase is changed. Keep it safe: without it the journal cannot be opened."
    } else {
        "The journal is encrypted. Keep the passphrase safe: without it the journal cannot be opened, by anyone."
    });
    out.copies_rekeyed(&copies);
    Ok(())
}

/// `trine decrypt`.
pub fn decrypt(journal: &mut Journal, out: &Printer) -> Result<()> {
    let copies = journal.set_passphrase(None)?;
    out.message("The journal is no longer encrypted.");
    out.copies_rekeyed(&copies);
    Ok(())
}

/// What `trine backup` was asked, by its flags.
pub struct BackupPlaces {
    /// `--list`: list every backup and write none.
    pub list: bool,
    /// `--folder`: a folder of the person's choosing.
    pub folder: Option<std::path::PathBuf>,
    /// `--no-folder`: none.
    pub no_folder: bool,
    /// `--forget-folder`: a folder chosen before, to forget.
    pub forget_folder: Option<std::path::PathBuf>,
    /// `--beside-journal yes|no`.
    pub beside_journal: Option<String>,
}

/// `trine backup`.
pub fn backup(journal: &mut Journal, places: BackupPlaces, out: &Printer) -> Result<()> {
    let BackupPlaces {
        list,
        folder,
        no_folder,
        forget_folder,
        beside_journal,
    } = places;
    let file = journal.path().map(Path::to_path_buf).unwrap_or_default();
    if let Some(folder) = forget_folder {
        trine_app::backup::forget_backup_folder(&file, &folder)?;
        out.backup_folder_forgotten(&folder);
        return Ok(());
    }
    if list {
        let beside = trine_app::backup::backups_dir(&file);
        out.backups(&trine_app::backup::all_backups(&file)?, &beside);
        return Ok(());
    }
    if folder.is_some() || no_folder || beside_journal.is_some() {
        let now = trine_app::before_unlock::read(file.parent().unwrap_or(Path::new(".")));
        let folder = match (folder, no_folder) {
            (Some(folder), _) => Some(std::path::absolute(&folder).unwrap_or(folder)),
            (None, true) => None,
            (None, false) => now.backup_folder,
        };
        let beside = beside_journal.map_or(now.backups_beside_journal, |b| b == "yes");
        trine_app::backup::choose_backup_places(&file, folder.as_deref(), beside)?;
        out.backup_places(&trine_app::backup::backup_places(&file));
    }
    out.backup(&journal.backup_now()?);
    Ok(())
}

/// `trine restore FILE` on a journal that opens.
pub fn restore(journal: &mut Journal, file: &Path, out: &Printer) -> Result<()> {
    let kept = journal.restore(file)?;
    out.restored(file, &kept, journal.entry_count()?);
    Ok(())
}

/// `trine check`: the integrity check, failing when it finds problems;
/// with `repair`, a search index that is the only problem is made again.
pub fn check(journal: &mut Journal, repair: bool, dir: &Path, out: &Printer) -> Result<()> {
    let mut health = journal.health()?;
    let index_only = health.only_search_index_damaged();
    if repair && index_only {
        let values = health.entries_with_damaged_values;
        journal.rebuild_search_index()?;
        health = journal.health()?;
        if !out.json {
            if values > 0 {
                out.message(&format!(
                    "{} read again byte for byte: every word is kept but the damaged bytes, shown as \u{fffd}.",
                    crate::output::plural(values, "entry was", "entries were")
                ));
            }
            out.message(
                "The search and tag indexes were made again from the entries; no word was lost.",
            );
        }
    }
    out.health(&health, dir);
    let path = Some(dir.join(trine_app::store::JOURNAL_FILE));
    if index_only && !repair && health.entries_with_damaged_values > 0 {
        return Err(Error::Storage(trine_app::StorageError::DamagedValues {
            path,
            count: Some(health.entries_with_damaged_values),
        }));
    }
    if index_only && !repair {
        return Err(Error::Storage(
            trine_app::StorageError::SearchIndexDamaged { path },
        ));
    }
    if health.is_ok() {
        Ok(())
    } else {
        // Damage, with damage's way out (a backup), not the advice to run
        // the check that was just run.
        Err(Error::Storage(trine_app::StorageError::Damaged {
            path: Some(dir.join(trine_app::store::JOURNAL_FILE)),
            detail: "the check found the problems listed above".into(),
        }))
    }
}
