//! Writing export files so that a failure leaves nothing half-written.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Writes a file through a temporary file in the same folder, synced and
/// renamed into place only when complete.
pub fn write_file(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let dir = parent_of(path);
    std::fs::create_dir_all(&dir).map_err(|e| Error::file(&dir, e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".trine-export-")
        .tempfile_in(&dir)
        .map_err(|e| Error::file(&dir, e))?;
    {
        let mut out = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut out).map_err(|e| Error::file(path, e))?;
        out.flush().map_err(|e| Error::file(path, e))?;
    }
    tmp.as_file().sync_all().map_err(|e| Error::file(path, e))?;
    tmp.persist(path).map_err(|e| Error::file(path, e.error))?;
    Ok(())
}

/// Builds a folder in a temporary place beside `path` and moves it there
/// when complete. `path` must not exist, or be an empty folder.
pub fn write_folder(path: &Path, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    if path.exists() {
        let empty = std::fs::read_dir(path)
            .map_err(|e| Error::file(path, e))?
            .next()
            .is_none();
        if !empty {
            return Err(Error::file(
                path,
                std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "the folder already exists and is not empty; choose a new folder",
                ),
            ));
        }
    }
    let parent = parent_of(path);
    std::fs::create_dir_all(&parent).map_err(|e| Error::file(&parent, e))?;
    let tmp = tempfile::Builder::new()
        .prefix(".trine-export-")
        .tempdir_in(&parent)
        .map_err(|e| Error::file(&parent, e))?;
    crate::private_files::restrict_dir(tmp.path()).map_err(|e| Error::file(tmp.path(), e))?;
    fill(tmp.path())?;
    if path.exists() {
        std::fs::remove_dir(path).map_err(|e| Error::file(path, e))?;
    }
    let built = tmp.keep();
    std::fs::rename(&built, path).map_err(|e| {
        let _ = std::fs::remove_dir_all(&built);
        Error::file(path, e)
    })?;
    Ok(())
}

fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}
