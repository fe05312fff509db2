//! What Trine keeps outside the journal, because it is needed while the
//! journal cannot be read: the theme of the lock screen (the journal may be
//! encrypted) and where backups go (the journal may be damaged, and then
//! its backups elsewhere are what bring it back).
//!
//! It is a small JSON file beside the journal, readable by its owner only,
//! holding no words of the journal: the theme's name and folder paths. The
//! journal's settings stay the source of the theme; this file mirrors it.
//! The backup places live only here.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::Result;

/// The colour theme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// The file's name, in the journal's folder.
pub const FILE: &str = "before-unlock.json";

/// What Trine needs to know before the journal is open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BeforeUnlock {
    /// The colour theme, for the lock and recovery screens.
    #[serde(default)]
    pub theme: Theme,
    /// A folder the person chose for backups (another disk, say).
    #[serde(default)]
    pub backup_folder: Option<PathBuf>,
    /// Whether backups also go to the `backups` folder beside the journal.
    #[serde(default = "yes")]
    pub backups_beside_journal: bool,
    /// Folders chosen for backups before, whose copies stay there: they
    /// change form with the journal (encrypting must not leave a plain
    /// copy behind), can be restored from, and are erased with it, until
    /// the person tells Trine to forget them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_backup_folders: Vec<PathBuf>,
}

fn yes() -> bool {
    true
}

impl Default for BeforeUnlock {
    fn default() -> Self {
        BeforeUnlock {
            theme: Theme::default(),
            backup_folder: None,
            backups_beside_journal: true,
            former_backup_folders: Vec::new(),
        }
    }
}

/// The file for the journal whose folder is `data_dir`.
pub fn path_in(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE)
}

/// Reads what is kept beside the journal in `data_dir`. A missing file, or
/// one that cannot be read (damaged with the disk, say), gives the
/// defaults: the system theme and backups beside the journal only.
pub fn read(data_dir: &Path) -> BeforeUnlock {
    std::fs::read(path_in(data_dir))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Writes `settings` beside the journal in `data_dir`, whole or not at all.
pub fn write(data_dir: &Path, settings: &BeforeUnlock) -> Result<()> {
    let json = serde_json::to_vec_pretty(settings).expect("plain settings serialise");
    crate::atomic::write_file(&path_in(data_dir), |out| out.write_all(&json))
}

/// Changes one part of what is kept beside the journal in `data_dir`.
pub fn update(data_dir: &Path, change: impl FnOnce(&mut BeforeUnlock)) -> Result<BeforeUnlock> {
    let mut settings = read(data_dir);
    change(&mut settings);
    write(data_dir, &settings)?;
    Ok(settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_or_damaged_file_gives_the_defaults_and_a_change_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(dir.path()), BeforeUnlock::default());
        assert!(read(dir.path()).backups_beside_journal);
        update(dir.path(), |s| s.theme = Theme::Dark).unwrap();
        assert_eq!(read(dir.path()).theme, Theme::Dark);
        std::fs::write(path_in(dir.path()), b"{not json").unwrap();
        assert_eq!(
            read(dir.path()),
            BeforeUnlock::default(),
            "damaged: defaults"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            update(dir.path(), |s| s.theme = Theme::Light).unwrap();
            let mode = std::fs::metadata(path_in(dir.path()))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "for its owner only");
        }
    }
}
