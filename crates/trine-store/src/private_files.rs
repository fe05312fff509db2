//! Files and folders only their owner can read: the journal, its log and
//! shared memory, its backups and what exports write are created `0600`,
//! the folders Trine creates for them `0700`, whatever the umask. On
//! platforms without Unix modes these do what `std::fs` does.

use std::fs::OpenOptions;
use std::path::Path;

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> std::io::Result<()> {
    Ok(())
}

/// Creates the folder `path` (and any missing parents) if it is missing;
/// the folder itself is made readable by its owner only. An existing
/// folder is left as it is: the person may have chosen it.
pub fn create_dir(path: &Path) -> std::io::Result<()> {
    if path.is_dir() {
        return Ok(());
    }
    std::fs::create_dir_all(path)?;
    set_mode(path, 0o700)
}

/// Options that create a file readable and writable by its owner only.
pub fn options() -> OpenOptions {
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Creates `path` as an empty file for its owner only, unless something is
/// there already; SQLite then writes a database into it (an empty file is
/// a new database), and its log and shared memory take the same mode.
pub fn create_empty_file(path: &Path) -> std::io::Result<()> {
    match options().write(true).create_new(true).open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Makes an existing file readable and writable by its owner only (for a
/// copy, which takes its source's mode).
pub fn restrict(path: &Path) -> std::io::Result<()> {
    set_mode(path, 0o600)
}

/// Makes an existing folder readable by its owner only (a temporary
/// folder that becomes an export).
pub fn restrict_dir(path: &Path) -> std::io::Result<()> {
    set_mode(path, 0o700)
}
