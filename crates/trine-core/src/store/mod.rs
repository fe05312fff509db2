//! The journal store: one SQLite (SQLCipher) file per journal.
//!
//! [`Journal::open`] is the one way in, used by the app, the CLI and the
//! tests alike. It sets the pragmas a journal needs (WAL with
//! `synchronous=FULL` so a committed entry survives a power cut, foreign keys,
//! a busy timeout, `secure_delete`), refuses files that are not journals or
//! that a newer Trine wrote, and runs the migrations.
//!
//! Reading methods take `&self`; methods that write take `&mut self` and own
//! their transaction, so each change is all-or-nothing.

mod checkins;
mod entries;
pub(crate) mod migrations;
mod ratings;
mod search;
mod settings;
mod triangle;
mod weeks;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

pub use checkins::{CheckIn, NewCheckIn};
pub use entries::ListQuery;
pub use migrations::CURRENT_VERSION;
pub use ratings::{RatingMean, WeekRatings};
pub use search::{SearchHit, SearchQuery};
pub use settings::Settings;
pub use triangle::{Component, Prompt, PromptOrigin, SideInfo};
pub use weeks::{is_complete, Answer, ReflectionUpdate, WeekPrompt, WeekStatus};

pub(crate) use checkins::insert_checkin;
pub(crate) use entries::{fetch as fetch_entry, insert as insert_entry};
pub(crate) use settings::first_day;

use crate::error::{Error, OpenError, Result};

/// The file name of the journal inside its data folder.
pub const JOURNAL_FILE: &str = "journal.db";

/// An open journal.
pub struct Journal {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
}

impl std::fmt::Debug for Journal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Journal").field("path", &self.path).finish()
    }
}

/// Counts of what a journal holds, and whether SQLite finds it sound.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Health {
    /// `ok`, or the problems `PRAGMA integrity_check` found.
    pub integrity: Vec<String>,
    /// Whether the full-text index matches the entries.
    pub search_index_ok: bool,
    /// Entries not deleted.
    pub entries: u64,
    /// Entries in the bin.
    pub deleted: u64,
    /// Weekly reflections (not deleted).
    pub reflections: u64,
    /// Entries marked private (not deleted).
    pub private: u64,
    /// Distinct tags in use.
    pub tags: u64,
    /// Check-ins taken.
    pub checkins: u64,
    /// The schema version of the file.
    pub schema_version: i64,
}

impl Health {
    /// True when SQLite and the search index both report no problem.
    pub fn is_ok(&self) -> bool {
        self.integrity == ["ok"] && self.search_index_ok
    }
}

impl Journal {
    /// Opens (or creates) the journal file `journal.db` in the folder `dir`,
    /// creating the folder if needed.
    pub fn open_in(dir: &Path) -> Result<Journal> {
        std::fs::create_dir_all(dir).map_err(|source| OpenError::Folder {
            path: dir.to_path_buf(),
            source,
        })?;
        Journal::open(&dir.join(JOURNAL_FILE))
    }

    /// Opens (or creates) the journal at `path`.
    pub fn open(path: &Path) -> Result<Journal> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| open_failure(path, e))?;
        Journal::prepare(conn, Some(path.to_path_buf()))
    }

    /// Opens a fresh journal that lives only in memory (for tests and tools).
    pub fn open_in_memory() -> Result<Journal> {
        Journal::prepare(Connection::open_in_memory()?, None)
    }

    /// The file this journal lives in, if it is not in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn prepare(mut conn: Connection, path: Option<PathBuf>) -> Result<Journal> {
        let shown = path.clone().unwrap_or_else(|| PathBuf::from(":memory:"));
        conn.busy_timeout(Duration::from_secs(5))?;
        // The first read of the file: a file that is not SQLite (or is
        // encrypted) fails here, before anything is written to it.
        let version = migrations::schema_version(&conn).map_err(|e| open_failure(&shown, e))?;
        if version > CURRENT_VERSION {
            return Err(OpenError::NewerSchema {
                path: shown,
                found: version,
                supported: CURRENT_VERSION,
            }
            .into());
        }
        // In-memory databases answer "memory"; files must be in WAL mode.
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
            .map_err(|e| open_failure(&shown, e))?;
        if path.is_some() && !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Corrupt(format!(
                "the journal could not use WAL mode (got {mode})"
            )));
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "secure_delete", "ON")?;
        migrations::migrate(&mut conn, version)?;
        triangle::seed_library(&mut conn, crate::library::builtin())?;
        Ok(Journal { conn, path })
    }

    /// The schema version of the open journal.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(migrations::schema_version(&self.conn)?)
    }

    /// Checks the database and the search index and counts what it holds.
    pub fn health(&self) -> Result<Health> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let integrity = stmt
            .query_map([], |row| row.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let search_index_ok = self
            .conn
            .execute(
                "INSERT INTO entry_text (entry_text, rank) VALUES ('integrity-check', 1)",
                [],
            )
            .is_ok();
        let count = |sql: &str| -> Result<u64> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        Ok(Health {
            integrity,
            search_index_ok,
            entries: count("SELECT count(*) FROM entries WHERE deleted_utc IS NULL")?,
            deleted: count("SELECT count(*) FROM entries WHERE deleted_utc IS NOT NULL")?,
            reflections: count("SELECT count(*) FROM entries WHERE deleted_utc IS NULL AND kind = 'reflection'")?,
            private: count("SELECT count(*) FROM entries WHERE deleted_utc IS NULL AND private = 1")?,
            tags: count(
                "SELECT count(DISTINCT tag) FROM entry_tags JOIN entries ON seq = entry_seq WHERE deleted_utc IS NULL",
            )?,
            checkins: count("SELECT count(*) FROM checkins")?,
            schema_version: self.schema_version()?,
        })
    }
}

/// Turns a failure to open or first read a file into the right error.
fn open_failure(path: &Path, err: rusqlite::Error) -> Error {
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => OpenError::NotADatabase {
            path: path.to_path_buf(),
        }
        .into(),
        _ => Error::Database(err),
    }
}

#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod tests_weeks;
