//! Where the journal lives on disk.

use std::path::PathBuf;

use crate::error::{OpenError, Result};

/// The environment variable that chooses the data folder.
pub const DATA_DIR_ENV: &str = "TRINE_DATA_DIR";

/// The data folder to use: `explicit` if given, else `TRINE_DATA_DIR`, else
/// the platform's application-data folder (for example
/// `~/.local/share/trine` on Linux, `~/Library/Application Support/trine` on
/// macOS, `%APPDATA%\trine` on Windows).
pub fn resolve_data_dir(explicit: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(dir) = explicit {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir()
        .map(|d| d.join("trine"))
        .ok_or_else(|| OpenError::NoDataDir.into())
}
