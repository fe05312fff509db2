//! Restoring a backup over a damaged journal without losing what was
//! written after the backup.
//!
//! A backup brings the journal back as it was when the backup was taken.
//! When the journal it replaces was damaged (a failing disk), the entries
//! written since are still in the damaged file, which the restore keeps.
//! So after such a restore, every entry and check-in that can still be
//! read from it is imported: those the backup already holds are skipped,
//! an entry edited since is kept beside its older version, and only what
//! was on the damaged pages is lost. A restore chosen over a sound journal
//! (going back on purpose) brings nothing back.

use std::path::{Path, PathBuf};

use serde::Serialize;
use trine_store::{Journal, Result};

/// What a restore did, for the page to say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Restored {
    /// Where the journal it replaced is kept.
    pub kept_at: PathBuf,
    /// Whether the journal it replaced was damaged.
    pub replaced_was_damaged: bool,
    /// Entries written after the backup, brought back from the damaged
    /// journal.
    pub entries_brought_back: usize,
    /// Entries brought back that had been changed since the backup, kept
    /// beside the backup's version.
    pub entries_kept_beside: usize,
    /// Check-ins brought back.
    pub checkins_brought_back: usize,
    /// At most how many entries the damaged pages held, which could not be
    /// read.
    pub entries_unreadable: usize,
    /// Why nothing could be brought back, when the damaged journal could
    /// not be read at all.
    pub not_brought_back: Option<String>,
}

/// Restores `backup` over `journal`; when the journal it replaces is
/// damaged, brings back what can still be read from it and the backup
/// lacks (see the module's text).
pub fn restore_keeping_later_writing(journal: &mut Journal, backup: &Path) -> Result<Restored> {
    let damaged = match journal.health() {
        Ok(health) => !health.is_ok() && !health.only_search_index_damaged(),
        Err(_) => true,
    };
    let kept_at = journal.restore(backup)?;
    let mut restored = Restored {
        kept_at,
        replaced_was_damaged: damaged,
        ..Restored::default()
    };
    if !damaged {
        return Ok(restored);
    }
    // The restore is done whatever happens next: a failure here is said,
    // not returned, and the damaged file stays kept.
    let brought = journal
        .salvage_copy(&restored.kept_at)
        .and_then(|salvaged| {
            let set = trine_interchange::salvaged_import_set(&salvaged, &restored.kept_at)?;
            Ok((salvaged.entries_unreadable, journal.import(set)?))
        });
    match brought {
        Ok((unreadable, summary)) => {
            restored.entries_brought_back = summary.imported - summary.kept_beside;
            restored.entries_kept_beside = summary.kept_beside;
            restored.checkins_brought_back = summary.checkins;
            restored.entries_unreadable = unreadable;
        }
        Err(e) => restored.not_brought_back = Some(e.to_string()),
    }
    Ok(restored)
}

#[cfg(test)]
mod tests {
    use super::*;
    use trine_store::NewEntry;

    fn titles(journal: &Journal) -> Vec<String> {
        let mut titles: Vec<String> = journal
            .list(&Default::default())
            .unwrap()
            .into_iter()
            .map(|e| e.title)
            .collect();
        titles.sort();
        titles
    }

    /// Damages the page of the journal file at `path` that holds `marker`.
    fn damage_page_holding(path: &Path, marker: &str) {
        let mut bytes = std::fs::read(path).unwrap();
        let at = bytes
            .windows(marker.len())
            .position(|w| w == marker.as_bytes())
            .expect("the marker is in the file");
        let page = at / 4096;
        assert!(page > 0);
        for byte in &mut bytes[page * 4096 + 8..page * 4096 + 120] {
            *byte = 0xA5;
        }
        std::fs::write(path, bytes).unwrap();
    }

    #[test]
    fn over_a_damaged_journal_what_was_written_after_the_backup_comes_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::open_in_with(dir.path(), None).unwrap();
        let filler = "words ".repeat(200);
        for i in 0..12 {
            journal
                .create(NewEntry::note(format!("old {i:02}"), &filler))
                .unwrap();
        }
        let backup = journal.backup_now().unwrap().path;
        let edited = journal.list(&Default::default()).unwrap()[0].clone();
        journal
            .update(
                edited.id,
                trine_store::EntryEdit {
                    body: Some("changed after the backup".into()),
                    ..trine_store::EntryEdit::default()
                },
            )
            .unwrap();
        for i in 0..3 {
            journal
                .create(NewEntry::note(format!("new {i}"), "after the backup"))
                .unwrap();
        }
        let path = journal.path().unwrap().to_path_buf();
        // Closed, the journal's log is folded into its file.
        drop(journal);
        damage_page_holding(&path, "old 03");
        let mut journal = Journal::open_in_with(dir.path(), None).unwrap();

        let restored = restore_keeping_later_writing(&mut journal, &backup).unwrap();

        assert!(restored.replaced_was_damaged, "{restored:?}");
        assert_eq!(restored.entries_brought_back, 3, "{restored:?}");
        assert_eq!(restored.entries_kept_beside, 1, "{restored:?}");
        assert!(restored.entries_unreadable > 0, "{restored:?}");
        let titles = titles(&journal);
        assert_eq!(titles.len(), 12 + 3 + 1, "{titles:?}");
        assert!(titles.iter().any(|t| t == "old 03"), "from the backup");
        assert!(journal.health().unwrap().is_ok());
    }

    #[test]
    fn over_a_sound_journal_a_restore_goes_back_and_brings_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::open_in_with(dir.path(), None).unwrap();
        journal.create(NewEntry::note("kept", "")).unwrap();
        let backup = journal.backup_now().unwrap().path;
        journal.create(NewEntry::note("undone", "")).unwrap();

        let restored = restore_keeping_later_writing(&mut journal, &backup).unwrap();

        assert!(!restored.replaced_was_damaged);
        assert_eq!(restored.entries_brought_back, 0);
        assert_eq!(titles(&journal), ["kept"]);
    }
}
