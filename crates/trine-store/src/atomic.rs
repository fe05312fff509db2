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
    let tmp = filled_temporary(path, fill)?;
    tmp.persist(path).map_err(|e| Error::file(path, e.error))?;
    Ok(())
}

/// A temporary file beside `path`, filled by `fill` and synced to disk.
fn filled_temporary(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<tempfile::NamedTempFile> {
    let dir = parent_of(path);
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
    Ok(tmp)
}

/// Like [`write_file`], for a file that must be new: when complete, it is
/// put in place only if nothing has taken the name meanwhile (another
/// process writing the same file), else refused and nothing is replaced.
pub fn write_new_file(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let tmp = filled_temporary(path, fill)?;
    tmp.persist_noclobber(path).map_err(|e| {
        let taken = e.error.kind() == std::io::ErrorKind::AlreadyExists;
        Error::file(
            path,
            if taken {
                std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "it was made by something else while Trine wrote; it was left as it is, and \
                     nothing was written; choose another name",
                )
            } else {
                e.error
            },
        )
    })?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_never_replaces_one_made_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        write_new_file(&path, |out| out.write_all(b"first")).unwrap();
        let err = write_new_file(&path, |out| {
            // Another process's file, made while this one wrote.
            std::fs::write(dir.path().join("out.json"), b"theirs")?;
            out.write_all(b"second")
        })
        .unwrap_err();
        assert!(err.to_string().contains("made by something else"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), b"theirs");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left.len(), 1, "no temporary file left: {left:?}");
    }
}
