//! Checking a backup before it replaces anything: on a copy, its schema
//! against the exact schema of its version, SQLite's integrity check and the
//! search index's own check.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::IN_PROGRESS;
use crate::error::{Error, OpenError, Result};
use crate::store::{migrations, CURRENT_VERSION};

/// Checks the backup at `path` on a copy of it in `dir` (the copy is
/// returned open, to restore from; it is removed when the returned guard
/// goes): a Trine journal, not from a newer Trine, with exactly the tables,
/// indexes and triggers of its schema version and nothing else (no view, no
/// trigger of another program), sound by SQLite's integrity check and by
/// the search index's own check. Anything else is refused, naming the file
/// and what is wrong, and nothing is changed.
pub(super) fn check_backup(path: &Path, dir: &Path, passphrase: Option<&str>) -> Result<OpenCopy> {
    let copy = CheckedCopy(dir.join(format!(
        "{IN_PROGRESS}-check-{}.db",
        uuid::Uuid::new_v4().simple()
    )));
    std::fs::copy(path, &copy.0).map_err(|e| Error::file(path, e))?;
    crate::private_files::restrict(&copy.0).map_err(|e| Error::file(&copy.0, e))?;
    let conn = crate::connection::open_with_flags(&copy.0, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .map_err(|e| not_a_backup(path, e))?;
    crate::store::quiet_cipher_log(&conn);
    if let Some(key) = passphrase {
        crate::store::keying::key(&conn, key)?;
    }
    check_journal(&conn, "main", path).map_err(|e| in_another_form(e, path, passphrase))?;
    Ok(OpenCopy {
        conn: Some(conn),
        file: copy,
    })
}

/// The checks of [`check_backup`] on the database `schema` (`main`, or a
/// name Trine chose for an attached copy) of `conn`, open and keyed, read
/// from the file at `path` (named in the errors).
pub(super) fn check_journal(conn: &Connection, schema: &str, path: &Path) -> Result<()> {
    let version: i64 = conn
        .query_row(&format!("PRAGMA \"{schema}\".user_version"), [], |r| {
            r.get(0)
        })
        .map_err(|e| not_a_backup(path, e))?;
    if version == 0 {
        return Err(OpenError::NotADatabase {
            path: path.to_path_buf(),
        }
        .into());
    }
    if version > CURRENT_VERSION {
        return Err(OpenError::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            supported: CURRENT_VERSION,
        }
        .into());
    }
    let refuse = |why: String| -> Error {
        BackupError::Refused {
            path: path.to_path_buf(),
            why,
        }
        .into()
    };
    let found = migrations::schema_of_in(conn, schema).map_err(|e| refuse(e.to_string()))?;
    let expected = migrations::expected_schema(version)?;
    if found != expected {
        let missing: Vec<&str> = expected
            .iter()
            .filter(|o| !found.contains(o))
            .map(|o| o.1.as_str())
            .collect();
        let extra: Vec<&str> = found
            .iter()
            .filter(|o| !expected.contains(o))
            .map(|o| o.1.as_str())
            .collect();
        return Err(refuse(format!(
            "its tables, indexes and triggers are not those of a Trine journal at schema version \
             {version} (missing or different: {}; not Trine's: {})",
            list_or_none(&missing),
            list_or_none(&extra)
        )));
    }
    let problems: Vec<String> = conn
        .prepare(&format!("PRAGMA \"{schema}\".integrity_check"))?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()
        .map_err(|e| refuse(e.to_string()))?;
    if problems != ["ok"] {
        return Err(refuse(damage_in_words(&problems)));
    }
    conn.execute(
        &format!(
            "INSERT INTO \"{schema}\".entry_text (entry_text, rank) VALUES ('integrity-check', 1)"
        ),
        [],
    )
    .map_err(|_| refuse(INDEX_OUT_OF_STEP.into()))?;
    Ok(())
}

/// Why a copy is refused when only its search index is wrong.
pub(super) const INDEX_DAMAGED: &str = "its search index is damaged";
/// Why a copy is refused when its search index does not match its entries.
pub(super) const INDEX_OUT_OF_STEP: &str = "its search index does not match its entries";

/// What SQLite's integrity check found, in Trine's words where it can
/// say: damage only in the search index is named so, and otherwise the
/// first problem is quoted with how many there are.
fn damage_in_words(problems: &[String]) -> String {
    if problems
        .iter()
        .all(|p| p.to_lowercase().contains("fts5") || p.contains("entry_text"))
    {
        return INDEX_DAMAGED.into();
    }
    let first = problems.first().map_or("", String::as_str);
    match problems.len() {
        0 | 1 => format!("it is damaged (SQLite's check found: {first})"),
        n => format!("it is damaged (SQLite's check found {n} problems, the first: {first})"),
    }
}

fn list_or_none(names: &[&str]) -> String {
    if names.is_empty() {
        "none".into()
    } else {
        names.join(", ")
    }
}

/// A checked copy of a backup, open; the file goes when this does.
pub(super) struct CheckedCopy(pub(super) PathBuf);

/// A checked copy and its connection (closed before the file goes: fields
/// are dropped in order).
pub(super) struct OpenCopy {
    pub(super) conn: Option<Connection>,
    pub(super) file: CheckedCopy,
}

impl Drop for CheckedCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
        let _ = std::fs::remove_file(format!("{}-journal", self.0.display()));
    }
}

/// Problems with a backup chosen for restoring.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The file is a database, but not a sound Trine journal.
    #[error("{path} cannot be restored: {why}. Nothing was changed; choose another backup")]
    Refused {
        /// The backup at fault.
        path: PathBuf,
        /// What is wrong with it.
        why: String,
    },
    /// A backup was written, but one of the places backups go could not
    /// take it.
    #[error(
        "a backup was written to {}, but not to {}: {why}",
        written.display(),
        folder.display()
    )]
    PlaceFailed {
        /// The place that failed.
        folder: PathBuf,
        /// The backup written elsewhere.
        written: PathBuf,
        /// Why it failed.
        why: String,
    },
}

/// A backup that cannot be read as a journal because it is in another
/// form than the journal (plain where the journal is encrypted, or the
/// reverse, or under another passphrase) is a sound backup all the same:
/// it is named so, not called "not a Trine journal", which could lead a
/// person to delete a good backup.
fn in_another_form(e: Error, path: &Path, passphrase: Option<&str>) -> Error {
    if !matches!(e, Error::Open(OpenError::NotADatabase { .. })) {
        return e;
    }
    let plain = crate::store::is_plain_sqlite(path) == Some(true);
    let encrypted = !plain && crate::store::looks_encrypted(path);
    let why = match (plain, encrypted, passphrase) {
        (true, _, Some(_)) => {
            "it is not encrypted, and the journal is (a backup from before the journal was \
             encrypted); it was left as it is, and restoring it would need the journal's \
             encryption removed first"
        }
        (false, true, Some(_)) => {
            "its passphrase is not the journal's (a backup from before a change of passphrase, \
             or of another journal); it was left as it is"
        }
        (false, true, None) => {
            "it is encrypted, and the journal is not (a backup from before the journal's \
             encryption was removed, or of another journal); it was left as it is"
        }
        _ => return e,
    };
    BackupError::Refused {
        path: path.to_path_buf(),
        why: why.into(),
    }
    .into()
}

fn not_a_backup(path: &Path, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => OpenError::NotADatabase {
            path: path.to_path_buf(),
        }
        .into(),
        _ => Error::from(e),
    }
}
