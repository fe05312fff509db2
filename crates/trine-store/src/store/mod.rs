//! The journal store: one SQLite (SQLCipher) file per journal.
//!
//! [`Journal::open`] is the one way in, used by the app, the CLI and the
//! tests alike. It sets the pragmas a journal needs (WAL with
//! `synchronous=FULL` so a committed entry survives a power cut, foreign keys,
//! a busy timeout, `secure_delete`), refuses files that are not journals or
//! that a newer Trine wrote, and runs the migrations.
//!
//! Reading methods take `&self`; methods that write take `&mut self` and own
//! their transaction, so each change is all-or-nothing. Write transactions
//! begin `IMMEDIATE`: they take the write lock before they read, so a
//! second process (the app beside the CLI) waits its turn for up to
//! [`BUSY_TIMEOUT`] instead of failing at once when both write.

mod bulk_index;
mod checkins;
mod encryption;
mod entries;
mod health;
pub mod import;
pub(crate) mod keying;
pub(crate) mod migrations;
mod prompt_draw;
mod ratings;
pub(crate) mod recovery;
mod reflections;
pub(crate) mod replacement;
pub mod salvage;
mod salvage_pages;
mod search;
mod settings;
mod situations;
mod triangle;
mod week_terms;
mod weeks;
mod write_lock;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use replacement::{FileId, FolderLock};

pub use checkins::{CheckIn, NewCheckIn};
pub(crate) use encryption::fold_log;
pub use entries::{note_time_on, ListQuery};
pub use health::Health;
pub use migrations::CURRENT_VERSION;
pub use prompt_draw::WeekPrompt;
pub use ratings::{RatingMean, WeekRatings};
pub(crate) use recovery::is_plain_sqlite;
pub use reflections::{Answer, ReflectionUpdate};
pub use search::{SearchHit, SearchOrder, SearchQuery, SearchResults};
pub use settings::{Settings, DEFAULT_LOCK_AFTER_SECONDS};
pub use situations::SituationSince;
pub use triangle::{Component, Prompt, PromptOrigin, SideInfo};
pub use week_terms::{CountedWeek, WeekTerms};
pub use weeks::{is_complete, weeks_in_years, WeekStatus};

pub(crate) use bulk_index::DeferredIndex;
pub(crate) use checkins::insert_checkin;
pub(crate) use entries::{fetch as fetch_entry, insert as insert_entry};
pub(crate) use settings::first_day;
pub(crate) use write_lock::WriteTx;

use crate::error::{Error, OpenError, Result};

/// The file name of the journal inside its data folder.
pub const JOURNAL_FILE: &str = "journal.db";

/// How long a process waits for another one that holds the journal's
/// write lock before it gives up with [`crate::StorageError::Busy`].
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// How far beyond this build's schema version a journal's version may be
/// and still be taken for a newer Trine's rather than damage: releases add
/// a version or two each.
const MAX_VERSIONS_AHEAD: i64 = 1_000;

/// An open journal.
pub struct Journal {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
    /// The passphrase the file is encrypted with, if it is.
    passphrase: Option<String>,
    /// The file `conn` has open, to notice when another process has put a
    /// new file in its place (see `replacement`).
    file: Option<FileId>,
}

impl Drop for Journal {
    /// Closes the connection, unless the file was replaced on disk: then
    /// it is left open until the process ends, because closing it would
    /// delete the new journal's write-ahead log (see `replacement`).
    fn drop(&mut self) {
        let Some(path) = self.path.clone() else {
            return;
        };
        let Ok(spare) = crate::connection::open_in_memory() else {
            return;
        };
        let lock = FolderLock::shared(&path);
        let conn = std::mem::replace(&mut self.conn, spare);
        if matches!(lock, Ok(Some(_))) && self.file.is_some() && FileId::of(&path) == self.file {
            drop(conn);
        } else {
            std::mem::forget(conn);
        }
        drop(lock);
    }
}

impl std::fmt::Debug for Journal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Journal").field("path", &self.path).finish()
    }
}

impl Journal {
    /// Opens (or creates) the journal file `journal.db` in the folder `dir`,
    /// creating the folder if needed.
    pub fn open_in(dir: &Path) -> Result<Journal> {
        Journal::open_in_with(dir, None)
    }

    /// Opens (or creates) `journal.db` in `dir`, with the passphrase of an
    /// encrypted journal.
    pub fn open_in_with(dir: &Path, passphrase: Option<&str>) -> Result<Journal> {
        crate::private_files::create_dir(dir).map_err(|source| OpenError::Folder {
            path: dir.to_path_buf(),
            source,
        })?;
        Journal::open_with(&dir.join(JOURNAL_FILE), passphrase)
    }

    /// Opens (or creates) the journal at `path`.
    pub fn open(path: &Path) -> Result<Journal> {
        Journal::open_with(path, None)
    }

    /// Opens (or creates) the journal at `path`; `passphrase` unlocks an
    /// encrypted one (and is ignored by nothing: a plain journal opened
    /// with a passphrase fails with [`OpenError::NotEncrypted`]).
    pub fn open_with(path: &Path, passphrase: Option<&str>) -> Result<Journal> {
        let normal = passphrase.map(keying::normalize);
        match Journal::open_file(path, normal.as_deref()) {
            // A journal encrypted before passphrases were normalised opens
            // with the passphrase exactly as typed.
            Err(Error::Open(OpenError::WrongPassphrase { .. }))
                if normal.as_deref() != passphrase =>
            {
                Journal::open_file(path, passphrase)
            }
            other => other,
        }
        .map_err(|e| e.in_journal(Some(path)))
    }

    fn open_file(path: &Path, passphrase: Option<&str>) -> Result<Journal> {
        let passphrase = passphrase.filter(|k| !k.is_empty());
        // Copies left by a change of passphrase that was cut short: those
        // that can be told apart without the passphrase are put right
        // before anything else, so a plain copy never outlives a failed
        // unlock.
        recovery::before_open(path)?;
        refuse_lost_journal(path)?;
        // A new journal is created for its owner only; its log and shared
        // memory take the same mode. (A missing folder is SQLite's to name.)
        if path.parent().is_none_or(Path::is_dir) {
            let _ = crate::private_files::create_empty_file(path);
            // A link to a file not made yet: SQLite would make that file
            // with the system's default mode, readable by others.
            if let Ok(target) = std::fs::read_link(path) {
                let target = replacement::folder_of(path).join(target);
                if !target.exists() {
                    let _ = crate::private_files::create_empty_file(&target);
                }
            }
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        // Until this connection has the file, its log and its shared
        // memory open, no replacement may swap them (see `replacement`).
        let lock = FolderLock::shared(path)?;
        let conn = crate::connection::open_with_flags(path, flags)
            .map_err(|e| open_failure(path, e, false))?;
        quiet_cipher_log(&conn);
        if let Some(key) = passphrase {
            keying::key(&conn, key)?;
        }
        let conn = Journal::attach_file(conn, path, passphrase.is_some())?;
        let file = FileId::of(path);
        drop(lock);
        let mut journal = Journal::prepare(
            conn,
            Some(path.to_path_buf()),
            passphrase.map(str::to_string),
            file,
        )?;
        recovery::after_open(&mut journal)?;
        Ok(journal)
    }

    /// The first read of a newly opened file and the switch to WAL mode,
    /// which open its write-ahead log and shared memory: a file that is not
    /// SQLite (or is encrypted) fails here, before anything is written.
    fn attach_file(conn: Connection, path: &Path, keyed: bool) -> Result<Connection> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let state = migrations::file_state(&conn).map_err(|e| open_failure(path, e, keyed))?;
        // Refused before anything (even the switch to WAL) is written.
        check_version(state, path)?;
        // A file SQLite reads as empty (a byte or two, or a database with
        // no table) is a journal to start, unless one was kept here before.
        if state.version == 0 && !state.tables {
            refuse_to_start_over(path, false)?;
        }
        let mode = use_wal(&conn).map_err(|e| open_failure(path, e, keyed))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Corrupt(format!(
                "the journal could not use WAL mode (got {mode})"
            )));
        }
        Ok(conn)
    }

    /// Whether the journal file is encrypted with a passphrase.
    pub fn is_encrypted(&self) -> bool {
        self.passphrase.is_some()
    }

    /// Opens a fresh journal that lives only in memory (for tests and tools).
    pub fn open_in_memory() -> Result<Journal> {
        Journal::prepare(crate::connection::open_in_memory()?, None, None, None)
    }

    /// Refuses `out` as a place to write an export, a chart or any file a
    /// person names, when writing there could replace or remove this
    /// journal, its folder or its backups (see [`crate::write_target`]).
    /// A journal in memory refuses nothing.
    pub fn check_write_target(&self, out: &Path) -> Result<()> {
        match self.path() {
            Some(journal) => crate::write_target::check(journal, out),
            None => Ok(()),
        }
    }

    /// The file this journal lives in, if it is not in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn prepare(
        mut conn: Connection,
        path: Option<PathBuf>,
        passphrase: Option<String>,
        file: Option<FileId>,
    ) -> Result<Journal> {
        let shown = path.clone().unwrap_or_else(|| PathBuf::from(":memory:"));
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.set_transaction_behavior(TransactionBehavior::Immediate);
        let state = migrations::file_state(&conn)
            .map_err(|e| open_failure(&shown, e, passphrase.is_some()))?;
        check_version(state, &shown)?;
        let version = state.version;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "secure_delete", "ON")?;
        migrations::migrate(&mut conn, version)
            .map_err(|e| migration_failure(&conn, version, &shown, e))?;
        // The built-in library is parsed only when the journal needs it.
        if !triangle::library_seeded(&conn, crate::library::builtin_version())? {
            triangle::seed_library(&mut conn, crate::library::builtin())?;
        }
        Ok(Journal {
            conn,
            path,
            passphrase,
            file,
        })
    }

    /// A second handle on the same journal file, for reading while this one
    /// writes (a search beside an autosave: with write-ahead logging,
    /// neither waits for the other). An encrypted journal pays one more key
    /// derivation for it.
    pub fn open_reader(&self) -> Result<Journal> {
        let path = self
            .path
            .as_deref()
            .ok_or_else(|| Error::Corrupt("an in-memory journal has no second handle".into()))?;
        Journal::open_with(path, self.passphrase.as_deref())
    }

    /// The schema version of the open journal.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(migrations::schema_version(&self.conn)?)
    }
}

/// Puts the file in WAL mode and returns the mode it is in. Going from
/// SQLite's default mode to WAL needs the file to itself, and SQLite
/// answers "busy" at once, without waiting, while another process is
/// reading it (two `trine` commands starting on a new journal at the same
/// moment): so this waits and tries again, up to [`BUSY_TIMEOUT`], as
/// every other lock does. On a journal already in WAL mode it is a no-op.
fn use_wal(conn: &Connection) -> rusqlite::Result<String> {
    let start = std::time::Instant::now();
    loop {
        match conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0)) {
            Err(e)
                if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy)
                    && start.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            other => return other,
        }
    }
}

/// Refuses to start a new journal where one was lost: an empty or missing
/// journal file with backups (or copies a restore kept) beside it, or with
/// the folder chosen for its backups out of reach (see [`OpenError::Lost`]).
fn refuse_lost_journal(path: &Path) -> Result<()> {
    if path.is_dir() {
        // A folder where the journal file should be: nothing to open, and
        // nothing to make there.
        return Err(OpenError::NotADatabase {
            path: path.to_path_buf(),
        }
        .into());
    }
    let missing = match std::fs::metadata(path) {
        Ok(meta) if meta.len() > 0 => return Ok(()),
        Ok(_) => false,
        Err(_) => true,
    };
    refuse_to_start_over(path, missing)
}

/// Refuses to start a journal at `path` (missing, empty, or a file that
/// holds no journal yet) where one was kept before: see
/// [`refuse_lost_journal`].
fn refuse_to_start_over(path: &Path, missing: bool) -> Result<()> {
    let backups = crate::backup::all_backups(path).map_or(0, |found| found.len())
        + crate::backup::kept_copies(path);
    if backups > 0 {
        return Err(OpenError::Lost {
            path: path.to_path_buf(),
            backups,
            missing,
        }
        .into());
    }
    let folder = replacement::folder_of(path);
    if let Some(chosen) = crate::before_unlock::read(&folder).backup_folder {
        if !chosen.is_dir() {
            return Err(OpenError::LostBackupsAway {
                path: path.to_path_buf(),
                folder: chosen,
                missing,
            }
            .into());
        }
    }
    Ok(())
}

/// Refuses a journal whose schema `version` this build cannot open: a
/// newer Trine's, another program's database (no version, other tables),
/// or one no Trine wrote (below zero, far beyond any release, or none at
/// all on a file that holds a journal's entries), which is a header the
/// disk changed: migrating from it would run on a journal's tables, or
/// take damage for a newer Trine.
fn check_version(state: migrations::FileState, path: &Path) -> Result<()> {
    let version = state.version;
    if version == 0 && state.tables && !state.entries {
        // Another program's database: not a journal at all.
        return Err(OpenError::NotADatabase {
            path: path.to_path_buf(),
        }
        .into());
    }
    let unwritten = !(0..=CURRENT_VERSION + MAX_VERSIONS_AHEAD).contains(&version)
        || (version == 0 && state.tables);
    if unwritten {
        return Err(OpenError::Damaged {
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
    Ok(())
}

/// Turns a failed migration into the right error: a journal whose tables
/// are not those its recorded version has (the number damaged, or set
/// back by hand) is damaged, not an SQL statement's failure to report.
fn migration_failure(conn: &Connection, version: i64, path: &Path, err: rusqlite::Error) -> Error {
    // A statement refused (SQLite's generic error, or one that names the
    // SQL), as opposed to a busy journal or a failing disk.
    let generic = matches!(err.sqlite_error_code(), None | Some(ErrorCode::Unknown));
    let mismatched = || match (
        migrations::schema_of(conn),
        migrations::expected_schema(version),
    ) {
        (Ok(found), Ok(expected)) => found != expected,
        _ => true,
    };
    if generic && mismatched() {
        OpenError::Damaged {
            path: path.to_path_buf(),
        }
        .into()
    } else {
        err.into()
    }
}

/// Turns a failure to open or first read a file into the right error: a
/// wrong passphrase, an encrypted journal opened without one, a damaged
/// journal, or a file that is not a journal at all.
fn open_failure(path: &Path, err: rusqlite::Error, had_passphrase: bool) -> Error {
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase)
            if had_passphrase && recovery::is_plain_sqlite(path) == Some(true) =>
        {
            OpenError::NotEncrypted {
                path: path.to_path_buf(),
            }
            .into()
        }
        Some(ErrorCode::NotADatabase) if had_passphrase => OpenError::WrongPassphrase {
            path: path.to_path_buf(),
        }
        .into(),
        Some(ErrorCode::NotADatabase) if looks_encrypted(path) => OpenError::Encrypted {
            path: path.to_path_buf(),
        }
        .into(),
        Some(ErrorCode::NotADatabase) if looks_like_a_damaged_journal(path) => OpenError::Damaged {
            path: path.to_path_buf(),
        }
        .into(),
        Some(ErrorCode::DatabaseCorrupt) => OpenError::Damaged {
            path: path.to_path_buf(),
        }
        .into(),
        Some(ErrorCode::NotADatabase) => OpenError::NotADatabase {
            path: path.to_path_buf(),
        }
        .into(),
        _ => Error::from(err),
    }
}

/// SQLCipher logs a failed decryption to standard error; Trine reports it
/// in its own words instead.
pub(crate) fn quiet_cipher_log(conn: &Connection) {
    let _ = conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(()));
}

/// The first bytes of a file, up to `limit`.
fn head_of(path: &Path, limit: u64) -> Vec<u8> {
    use std::io::Read;
    let mut head = Vec::new();
    if let Ok(file) = std::fs::File::open(path) {
        let _ = file.take(limit).read_to_end(&mut head);
    }
    head
}

/// An encrypted journal looks like noise from its first byte: almost no
/// zero bytes (about 1 in 256) and mostly bytes that are not text. A plain
/// SQLite file, even with its header damaged, is full of zeros; a text
/// file has no zeros but is all text.
pub(crate) fn looks_encrypted(path: &Path) -> bool {
    let head = head_of(path, 4096);
    let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if head.len() < 1024 || !len.is_multiple_of(512) || head.starts_with(b"SQLite format 3") {
        return false;
    }
    let zeros = head.iter().filter(|b| **b == 0).count();
    let binary = head
        .iter()
        .filter(|b| !(b.is_ascii_graphic() || b.is_ascii_whitespace()))
        .count();
    zeros * 50 < head.len() && binary * 4 > head.len()
}

/// A plain journal SQLite cannot read: its header is there but wrong, or
/// it is gone and the journal's own table definitions are still in the
/// first pages.
fn looks_like_a_damaged_journal(path: &Path) -> bool {
    let head = head_of(path, 64 * 1024);
    head.starts_with(b"SQLite format 3")
        || head
            .windows(b"CREATE TABLE entries".len())
            .any(|w| w == b"CREATE TABLE entries")
}

#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod tests_follow_up;
#[cfg(test)]
mod tests_reflections;
#[cfg(test)]
mod tests_replacement;
#[cfg(test)]
mod tests_retired;
#[cfg(test)]
mod tests_rotation;
#[cfg(test)]
mod tests_salvage;
#[cfg(test)]
mod tests_search;
#[cfg(test)]
mod tests_situations;
#[cfg(test)]
mod tests_storage;
#[cfg(test)]
mod tests_weeks;
