//! Where Trine may write what a person asks it to write (an export, a
//! chart): anywhere but the journal's own folder, its backups folders, a
//! place inside them, or a folder that holds one of them. An export given
//! `--force` replaces what is at its path, folders included, so an export
//! aimed at the journal's folder (or its parent) would otherwise remove the
//! journal and every backup beside it.

use std::path::{Component, Path, PathBuf};

use crate::backup::every_backup_folder;
use crate::error::{Result, ValidationError};

/// Refuses `out` when writing there could replace or remove the journal at
/// `journal_path`, its folder or a folder of its backups.
pub fn check(journal_path: &Path, out: &Path) -> Result<()> {
    let target = as_written(out);
    let folder = journal_path.parent().unwrap_or(Path::new("."));
    let mut places = vec![
        ("the journal's folder", folder.to_path_buf()),
        ("the journal", journal_path.to_path_buf()),
    ];
    places.extend(
        every_backup_folder(journal_path)
            .into_iter()
            .map(|backups| ("a backups folder", backups)),
    );
    for (what, place) in places {
        let forms = [
            as_written(&place),
            std::fs::canonicalize(&place).unwrap_or_default(),
        ];
        let touched = forms.iter().any(|form| {
            !form.as_os_str().is_empty() && (form.starts_with(&target) || target.starts_with(form))
        });
        if touched {
            return Err(ValidationError::OwnPlace {
                out: out.to_path_buf(),
                what,
                place,
            }
            .into());
        }
    }
    if let Some(found) = journal_file_at_or_beside(&target) {
        return Err(ValidationError::OwnPlace {
            out: out.to_path_buf(),
            what: "a Trine journal or a backup of one",
            place: found,
        }
        .into());
    }
    if let Some(found) = journal_files_within(&target) {
        return Err(ValidationError::OwnPlace {
            out: out.to_path_buf(),
            what: "a Trine journal or a backup of one",
            place: found,
        }
        .into());
    }
    Ok(())
}

/// A Trine journal, backup or kept copy (or its log) at `target`, or a
/// journal beside it in the same folder: an export never replaces one,
/// whichever journal it belongs to, nor lands in another journal's folder.
/// Any SQLite database at `target` counts too: an export never needs to
/// write over a database.
fn journal_file_at_or_beside(target: &Path) -> Option<PathBuf> {
    let name = target.file_name()?.to_string_lossy().to_string();
    let base = name
        .strip_suffix("-wal")
        .or_else(|| name.strip_suffix("-shm"))
        .or_else(|| name.strip_suffix("-journal"))
        .unwrap_or(&name);
    let named = base == crate::store::JOURNAL_FILE || crate::backup::is_journal_copy(base);
    let database = std::fs::symlink_metadata(target).is_ok_and(|m| m.is_file())
        && crate::store::is_plain_sqlite(target) == Some(true);
    if (named && target.exists()) || database {
        return Some(target.to_path_buf());
    }
    let beside = target.parent()?.join(crate::store::JOURNAL_FILE);
    beside.exists().then_some(beside)
}

/// How many files and folders [`journal_files_within`] looks at before it
/// takes a folder for too large to replace safely.
const MOST_LOOKED_AT: usize = 20_000;

/// A Trine journal, or a backup or kept copy of one, inside the folder
/// `dir` (which `--force` would replace whole), if there is one; the folder
/// itself when it is too large to look through (more than
/// [`MOST_LOOKED_AT`] files), so that it is not replaced unseen. `None`
/// when `dir` is not a folder.
fn journal_files_within(dir: &Path) -> Option<PathBuf> {
    let meta = std::fs::symlink_metadata(dir).ok()?;
    if !meta.is_dir() {
        return None;
    }
    let mut folders = vec![dir.to_path_buf()];
    let mut looked_at = 0;
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            looked_at += 1;
            if looked_at > MOST_LOOKED_AT {
                return Some(dir.to_path_buf());
            }
            let name = entry.file_name().to_string_lossy().to_string();
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if is_dir {
                folders.push(entry.path());
            } else if name == crate::store::JOURNAL_FILE || crate::backup::is_journal_copy(&name) {
                return Some(entry.path());
            }
        }
    }
    None
}

/// The absolute path a write to `path` lands on: its folder with every link
/// and `..` resolved (as far as it exists), and its last part as given,
/// since a link there is replaced, not written through.
fn as_written(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (absolute.parent(), absolute.components().next_back()) {
        (Some(parent), Some(Component::Normal(name))) => resolved(parent).join(name),
        _ => resolved(&absolute),
    }
}

/// `path` with every link and `.` resolved, part by part, as far as it
/// exists; a `..` past that takes off the part before it.
fn resolved(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => {
                out.push(other);
                if let Ok(real) = std::fs::canonicalize(&out) {
                    out = real;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A journal in `home/journal`, a folder chosen for backups in `home/safe`.
    fn layout() -> (tempfile::TempDir, PathBuf) {
        let home = tempfile::tempdir().unwrap();
        let data = home.path().join("journal");
        std::fs::create_dir_all(data.join("backups")).unwrap();
        std::fs::create_dir_all(home.path().join("safe")).unwrap();
        let journal = data.join("journal.db");
        std::fs::write(&journal, b"").unwrap();
        let mut chosen = crate::before_unlock::read(&data);
        chosen.backup_folder = Some(home.path().join("safe"));
        crate::before_unlock::write(&data, &chosen).unwrap();
        (home, journal)
    }

    fn refused(journal: &Path, out: &Path) -> bool {
        match check(journal, out) {
            Ok(()) => false,
            Err(crate::Error::Invalid(ValidationError::OwnPlace { out: said, .. })) => {
                assert_eq!(said, out, "the message names the place asked for");
                true
            }
            Err(other) => panic!("{other}"),
        }
    }

    #[test]
    fn the_journal_its_folders_and_what_holds_them_are_refused() {
        let (home, journal) = layout();
        let home = home.path();
        let data = home.join("journal");
        for out in [
            data.clone(),
            journal.clone(),
            data.join("journal.db-wal"),
            data.join("report.pdf"),
            data.join("backups"),
            data.join("backups/journal-2026.db"),
            home.join("safe"),
            home.join("safe/new-folder/report.csv"),
            home.to_path_buf(),
            home.join("journal/../journal"),
            home.join("safe/."),
            home.join("elsewhere/.."),
        ] {
            assert!(refused(&journal, &out), "{} refused", out.display());
        }
        for out in [
            home.join("report.pdf"),
            home.join("exports"),
            home.join("journal-copy"),
            home.join("safety"),
            home.join("elsewhere/deeper/report.html"),
        ] {
            assert!(!refused(&journal, &out), "{} allowed", out.display());
        }
    }

    #[test]
    fn a_link_on_the_way_is_followed_and_a_link_at_the_end_is_not() {
        let (home, journal) = layout();
        let home = home.path();
        let data = home.join("journal");
        std::os::unix::fs::symlink(&data, home.join("through")).unwrap();
        std::os::unix::fs::symlink(&journal, home.join("points-at-journal")).unwrap();
        assert!(refused(&journal, &home.join("through/journal.db")));
        assert!(refused(&journal, &home.join("through/x.csv")));
        // A link given as the place itself is replaced by the export, not
        // written through: the journal it points at is not touched.
        assert!(!refused(&journal, &home.join("points-at-journal")));
    }

    #[test]
    fn a_folder_holding_another_journal_or_its_backups_is_refused() {
        let (home, journal) = layout();
        let home = home.path();
        let other = home.join("other/deep/data");
        std::fs::create_dir_all(other.join("backups")).unwrap();
        std::fs::write(other.join("backups/journal-20261205-101010-000.db"), b"").unwrap();
        assert!(refused(&journal, &home.join("other")));
        assert!(refused(&journal, &other.join("backups")));
        std::fs::write(other.join(crate::store::JOURNAL_FILE), b"").unwrap();
        std::fs::remove_file(other.join("backups/journal-20261205-101010-000.db")).unwrap();
        assert!(refused(&journal, &home.join("other/deep")));
        let exports = home.join("exports");
        std::fs::create_dir_all(&exports).unwrap();
        std::fs::write(exports.join("2026-01-05-monday.md"), b"# Monday").unwrap();
        assert!(
            !refused(&journal, &exports),
            "an earlier export may be replaced"
        );
    }

    #[test]
    fn another_journals_files_and_folder_are_refused_and_any_database() {
        let (home, journal) = layout();
        let home = home.path();
        let other = home.join("other");
        std::fs::create_dir_all(other.join("backups")).unwrap();
        std::fs::write(other.join(crate::store::JOURNAL_FILE), b"SQLite format 3\0").unwrap();
        let backup = other.join("backups/journal-20261205-101010-000.db");
        std::fs::write(&backup, b"encrypted bytes").unwrap();
        for out in [
            other.join(crate::store::JOURNAL_FILE),
            other.join("journal.db-wal"),
            backup.clone(),
            other.join("next-to-it.json"),
        ] {
            assert!(refused(&journal, &out), "{} refused", out.display());
        }
        let notes = home.join("notes.sqlite");
        std::fs::write(&notes, b"SQLite format 3\0 and the rest").unwrap();
        assert!(
            refused(&journal, &notes),
            "a database is never written over"
        );
        let text = home.join("old-export.json");
        std::fs::write(&text, b"[]").unwrap();
        assert!(
            !refused(&journal, &text),
            "an earlier export may be replaced"
        );
    }

    #[test]
    fn a_relative_place_is_read_from_the_working_folder() {
        let (_home, journal) = layout();
        // The tests run in the crate's folder, far from the temporary one.
        assert!(!refused(&journal, Path::new("report.csv")));
        assert!(
            refused(&journal, Path::new("/")),
            "the root holds everything"
        );
    }
}
