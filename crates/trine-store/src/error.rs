//! The errors the core can return.
//!
//! Each module has its own enum so that a caller can match on what matters
//! to it; [`Error`] gathers them for callers that only need one message and a
//! stable code (the CLI and the Tauri shell). Every message names the thing
//! at fault and, where there is one, the way out.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;
use uuid::Uuid;

mod import;
mod io_words;
mod validation;

pub use import::{ImportError, Location};
pub use validation::ValidationError;

/// Problems opening a journal file.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The folder for the journal could not be created or read.
    #[error(
        "could not use {} as the journal's folder ({}); nothing was written there",
        path.display(),
        io_words::io_words(source)
    )]
    Folder {
        /// The folder Trine tried to use.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file exists but is not a journal (not SQLite, or encrypted with a
    /// passphrase that was not given). It is left untouched.
    #[error(
        "{path} is not a Trine journal (not a database Trine wrote, or not one SQLite can read); \
         it was left untouched. Move it away or point Trine at another folder"
    )]
    NotADatabase {
        /// The file at fault.
        path: PathBuf,
    },
    /// The journal is encrypted and no passphrase was given.
    #[error("{path} is encrypted: its passphrase opens it")]
    Encrypted {
        /// The file.
        path: PathBuf,
    },
    /// The passphrase given does not open the journal.
    #[error("the passphrase does not open {path}; nothing was changed. Check it and try again")]
    WrongPassphrase {
        /// The file.
        path: PathBuf,
    },
    /// A passphrase was given for a journal that is not encrypted (a
    /// script that still sets one after the journal was decrypted, say).
    /// Opening it anyway would let a person believe it is encrypted.
    #[error("{path} is not encrypted, yet a passphrase was given for it; nothing was changed")]
    NotEncrypted {
        /// The file.
        path: PathBuf,
    },
    /// The journal was written by a newer Trine. It is left untouched.
    #[error(
        "{path} was written by a newer Trine (schema version {found}; this one knows up to {supported}); \
         it was left untouched. Update Trine to open it"
    )]
    NewerSchema {
        /// The file at fault.
        path: PathBuf,
        /// The schema version found in the file.
        found: i64,
        /// The newest schema version this build understands.
        supported: i64,
    },
    /// The journal file is damaged: SQLite cannot read it as a database,
    /// yet it is not encrypted. It is left untouched; a backup brings it
    /// back.
    #[error("{path} is damaged and cannot be read; it was left untouched")]
    Damaged {
        /// The file at fault.
        path: PathBuf,
    },
    /// The journal file is empty or missing, yet backups of a journal are
    /// kept for it: a journal lost (a failed disk, a bad copy, a slip), not
    /// one to start. Nothing is created in its place, so the backups are
    /// never pushed out by backups of an empty journal; restoring one
    /// brings it back.
    #[error(
        "{} is {}, yet {backups} backup{} of a journal {} kept for it: the journal has been \
         lost, and no new one was started in its place (to start a new journal instead, move \
         the backups away)",
        path.display(),
        if *missing { "missing" } else { "empty" },
        if *backups == 1 { "" } else { "s" },
        if *backups == 1 { "is" } else { "are" }
    )]
    Lost {
        /// The journal file.
        path: PathBuf,
        /// How many backups were found for it.
        backups: usize,
        /// Whether the file is missing (rather than empty).
        missing: bool,
    },
    /// The journal file is empty or missing, and the folder chosen for its
    /// backups cannot be reached (a disk unplugged): the journal may have
    /// been lost, and its backups are on that disk. Nothing is created in
    /// its place.
    #[error(
        "{} is {}, and the folder chosen for its backups, {}, cannot be reached (is its disk \
         connected?): the journal may have been lost, and no new one was started in its place \
         (to start a new journal instead, choose no folder for backups)",
        path.display(),
        if *missing { "missing" } else { "empty" },
        folder.display()
    )]
    LostBackupsAway {
        /// The journal file.
        path: PathBuf,
        /// The folder chosen for backups.
        folder: PathBuf,
        /// Whether the file is missing (rather than empty).
        missing: bool,
    },
    /// Another Trine replaced the journal's file (turned encryption on or
    /// off, or changed the passphrase) while this one had it open, and the
    /// passphrase this one has no longer opens it. Nothing was saved.
    #[error(
        "another Trine replaced {path} (changed its encryption, or restored a backup) while this \
         one had it open; nothing was saved here. Open the journal again (with its passphrase, \
         if it has one) and repeat the change"
    )]
    Replaced {
        /// The journal file.
        path: PathBuf,
    },
    /// The platform has no application-data folder and none was given.
    #[error(
        "this computer has no folder for application data, and none was given for the journal"
    )]
    NoDataDir,
}

/// The journal's file could not be read or written: the disk, the file
/// system or another process stood in the way. Each message says whether
/// the change in hand was saved. `path` is the journal file when it is
/// known ([`Error::in_journal`] fills it in).
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// A write was refused part-way: the disk is full, a file-size limit
    /// (`RLIMIT_FSIZE`) was reached, or the disk failed the write. SQLite
    /// rolled the transaction back, so nothing of it was saved.
    #[error(
        "could not write to the journal{}: the disk is full, a file-size limit was reached, \
         or the disk refused the write ({detail}); the change was not saved and the journal \
         is as it was. Free some space, then try again",
        shown(path.as_deref())
    )]
    WriteRefused {
        /// The journal file.
        path: Option<PathBuf>,
        /// SQLite's words for it, e.g. "database or disk is full".
        detail: String,
    },
    /// The journal's folder or file cannot be written: a read-only disk or
    /// mount, an immutable folder or file, or missing permission.
    #[error(
        "the journal's folder{} cannot be written to (a read-only disk or folder, a locked \
         file, or no permission: {detail}); nothing was changed",
        shown(path.as_deref().map(|p| p.parent().unwrap_or(p)))
    )]
    NotWritable {
        /// The journal file (the message names its folder).
        path: Option<PathBuf>,
        /// SQLite's words for it, e.g. "attempt to write a readonly database".
        detail: String,
    },
    /// Another process (the app, or another `trine`) kept the journal
    /// locked for longer than Trine waits for it.
    #[error(
        "the journal{} is busy: another Trine (the app, or the command line) kept it locked \
         for more than {} seconds; nothing was changed",
        shown(path.as_deref()),
        crate::store::BUSY_TIMEOUT.as_secs()
    )]
    Busy {
        /// The journal file.
        path: Option<PathBuf>,
    },
    /// SQLite found damage inside the journal (a page it cannot make sense
    /// of), for example after a disk failure.
    #[error(
        "the journal{} is damaged ({detail}); nothing was changed",
        shown(path.as_deref())
    )]
    Damaged {
        /// The journal file.
        path: Option<PathBuf>,
        /// SQLite's words for it, e.g. "database disk image is malformed".
        detail: String,
    },
    /// Only the search index or the tag index is damaged: the entries are
    /// sound, and the indexes are made from them, so making them again
    /// loses nothing (a backup does it too). Restoring an older backup
    /// would be the wrong way out.
    #[error(
        "an index made from the entries of the journal{} (for search or for tags) is damaged; \
         the entries are sound, so no word is lost",
        shown(path.as_deref())
    )]
    SearchIndexDamaged {
        /// The journal file.
        path: Option<PathBuf>,
    },
    /// Some entries hold a value Trine cannot read (a byte that is not
    /// text, tags no longer a list): every list and export reaching one
    /// stops. Reading them again byte for byte keeps every other word.
    #[error(
        "{} of the journal{} {} a damaged value (a byte that is not text, or tags that are no \
         longer a list); every other word in {} can be kept",
        match count {
            Some(1) => "1 entry".to_string(),
            Some(n) => format!("{n} entries"),
            None => "some entries".to_string(),
        },
        shown(path.as_deref()),
        if *count == Some(1) { "holds" } else { "hold" },
        if *count == Some(1) { "it" } else { "them" }
    )]
    DamagedValues {
        /// The journal file.
        path: Option<PathBuf>,
        /// How many entries, when counted.
        count: Option<u64>,
    },
    /// The disk reported an error that does not say whether a change
    /// reached it (for example when flushing a commit to the disk failed).
    #[error(
        "the disk reported an error on the journal{} ({detail}); the last change may not have \
         been saved. Check the disk",
        shown(path.as_deref())
    )]
    Io {
        /// The journal file.
        path: Option<PathBuf>,
        /// SQLite's words for it, e.g. "disk I/O error".
        detail: String,
    },
}

/// " PATH" for a message, or nothing when the path is not known.
fn shown(path: Option<&Path>) -> String {
    path.map(|p| format!(" {}", p.display()))
        .unwrap_or_default()
}

impl StorageError {
    /// Sorts an SQLite failure into a storage problem, or gives it back
    /// when it is something else (a constraint, a bug, a damaged file).
    fn classify(err: rusqlite::Error) -> std::result::Result<StorageError, rusqlite::Error> {
        // Text whose bytes are no longer valid UTF-8: every text Trine
        // writes is, so the disk (or a program other than Trine) changed it.
        // Reading the entries again byte for byte keeps every other word,
        // where a restore would lose what came after the backup.
        if let rusqlite::Error::Utf8Error(..) = err {
            return Ok(StorageError::DamagedValues {
                path: None,
                count: None,
            });
        }
        let rusqlite::Error::SqliteFailure(failure, ref message) = err else {
            return Err(err);
        };
        // The header names a format SQLite does not know: bytes the disk
        // changed, for a journal Trine wrote.
        if message.as_deref() == Some("unsupported file format") {
            return Ok(StorageError::Damaged {
                path: None,
                detail: "its header no longer describes a file SQLite can read".into(),
            });
        }
        let detail = message
            .clone()
            .unwrap_or_else(|| failure.to_string())
            .trim_end_matches('.')
            .to_string();
        let extended = failure.extended_code;
        Ok(match failure.code {
            ErrorCode::DiskFull => StorageError::WriteRefused { path: None, detail },
            ErrorCode::SystemIoFailure
                if extended == rusqlite::ffi::SQLITE_IOERR_WRITE
                    || extended == rusqlite::ffi::SQLITE_IOERR_TRUNCATE =>
            {
                StorageError::WriteRefused { path: None, detail }
            }
            ErrorCode::SystemIoFailure => StorageError::Io { path: None, detail },
            ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied => {
                StorageError::NotWritable { path: None, detail }
            }
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
                StorageError::Busy { path: None }
            }
            ErrorCode::DatabaseCorrupt => StorageError::Damaged { path: None, detail },
            _ => return Err(err),
        })
    }

    fn path_mut(&mut self) -> &mut Option<PathBuf> {
        match self {
            StorageError::WriteRefused { path, .. }
            | StorageError::NotWritable { path, .. }
            | StorageError::Busy { path }
            | StorageError::Damaged { path, .. }
            | StorageError::SearchIndexDamaged { path }
            | StorageError::DamagedValues { path, .. }
            | StorageError::Io { path, .. } => path,
        }
    }
}

/// Any error the core returns, for callers that show one message.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Opening the journal failed.
    #[error(transparent)]
    Open(#[from] OpenError),
    /// A value broke a rule of the model.
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// An import failed; nothing was imported.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// The disk, the file system or another process stood in the way.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// A backup chosen for restoring was refused.
    #[error(transparent)]
    Backup(#[from] crate::backup::BackupError),
    /// No entry has this id (or it was deleted for good).
    #[error("no entry with id {0}")]
    EntryNotFound(Uuid),
    /// No entry's id starts with the text given.
    #[error("no entry has an id starting with {0:?}")]
    NoSuchId(String),
    /// More than one entry's id starts with the text given.
    #[error("more than one entry has an id starting with {0:?}; give more of the id")]
    AmbiguousId(String),
    /// A file could not be written or read.
    #[error("{}: {}", path.display(), io_words::io_words(source))]
    File {
        /// The file or folder at fault.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A chart could not be drawn.
    #[error("could not draw the chart: {0}")]
    Chart(String),
    /// SQLite reported a failure that is not one of the cases above.
    #[error("the journal database reported an error: {0}")]
    Database(rusqlite::Error),
    /// The stored data could not be read back (a bug or a damaged file).
    #[error("the journal holds data Trine cannot read ({0})")]
    Corrupt(String),
}

/// What a person can do about an error, for each front end to say in its
/// own terms (the CLI with its flags and commands, the app with its screens
/// and buttons) and, where it can, to offer as an action. An error's
/// message says what happened and what became of the change; it names no
/// flag, variable or command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fix {
    /// Make the journal's folder writable, or use another folder.
    ChooseAnotherFolder,
    /// Free space on the disk (or raise the file-size limit), then try again.
    FreeDiskSpace,
    /// Give the journal's passphrase.
    GivePassphrase,
    /// Give a new passphrase.
    GiveNewPassphrase,
    /// Check the journal's integrity.
    RunIntegrityCheck,
    /// Restore the newest good backup.
    RestoreBackup,
    /// Wait for the other Trine to finish, then try again.
    TryAgainLater,
    /// Install a newer Trine.
    UpdateTrine,
    /// Name the time format the jrnl file is written in.
    GiveTimeFormat,
    /// See which components of the triangle there are.
    ListComponents,
    /// See the prompts' ids.
    ListPrompts,
    /// See the entries' ids.
    ListEntries,
    /// Open the journal without a passphrase.
    OmitPassphrase,
    /// Make the search index again from the entries.
    RepairSearchIndex,
    /// Read entries with a damaged value again, byte for byte.
    RepairDamagedValues,
}

/// Every [`Fix`], for the front ends' tests that each one is worded.
pub const ALL_FIXES: [Fix; 15] = [
    Fix::ChooseAnotherFolder,
    Fix::FreeDiskSpace,
    Fix::GivePassphrase,
    Fix::GiveNewPassphrase,
    Fix::RunIntegrityCheck,
    Fix::RestoreBackup,
    Fix::TryAgainLater,
    Fix::UpdateTrine,
    Fix::GiveTimeFormat,
    Fix::ListComponents,
    Fix::ListPrompts,
    Fix::ListEntries,
    Fix::OmitPassphrase,
    Fix::RepairSearchIndex,
    Fix::RepairDamagedValues,
];

impl Error {
    /// What the person can do about it, when there is something to do.
    pub fn fix(&self) -> Option<Fix> {
        Some(match self {
            Error::Open(OpenError::Folder { .. } | OpenError::NoDataDir) => {
                Fix::ChooseAnotherFolder
            }
            Error::Open(OpenError::Encrypted { .. } | OpenError::WrongPassphrase { .. }) => {
                Fix::GivePassphrase
            }
            Error::Open(OpenError::Replaced { .. }) => Fix::GivePassphrase,
            Error::Open(OpenError::NotEncrypted { .. }) => Fix::OmitPassphrase,
            Error::Open(OpenError::NewerSchema { .. }) => Fix::UpdateTrine,
            Error::Open(
                OpenError::Damaged { .. }
                | OpenError::Lost { .. }
                | OpenError::LostBackupsAway { .. },
            ) => Fix::RestoreBackup,
            Error::Storage(StorageError::Damaged { .. }) => Fix::RestoreBackup,
            Error::Storage(StorageError::SearchIndexDamaged { .. }) => Fix::RepairSearchIndex,
            Error::Storage(StorageError::DamagedValues { .. }) => Fix::RepairDamagedValues,
            Error::Storage(StorageError::WriteRefused { .. }) => Fix::FreeDiskSpace,
            Error::Storage(StorageError::NotWritable { .. }) => Fix::ChooseAnotherFolder,
            Error::Storage(StorageError::Busy { .. }) => Fix::TryAgainLater,
            Error::Storage(StorageError::Io { .. }) | Error::Corrupt(_) => Fix::RunIntegrityCheck,
            Error::Import(ImportError::NewerFormat { .. }) => Fix::UpdateTrine,
            Error::Import(ImportError::TimeFormat { .. }) => Fix::GiveTimeFormat,
            Error::Invalid(ValidationError::UnknownComponent(_)) => Fix::ListComponents,
            Error::Invalid(ValidationError::UnknownPrompt(_)) => Fix::ListPrompts,
            Error::Invalid(ValidationError::NoNewPassphrase) => Fix::GiveNewPassphrase,
            Error::NoSuchId(_) => Fix::ListEntries,
            _ => return None,
        })
    }

    /// Whether a write failed for want of a place to write (another Trine
    /// writing, a full or failing disk, a folder that cannot be written)
    /// rather than because the journal is damaged, locked or replaced:
    /// what a write that only saves time later can do without.
    pub fn is_write_held_back(&self) -> bool {
        matches!(
            self,
            Error::Storage(
                StorageError::Busy { .. }
                    | StorageError::WriteRefused { .. }
                    | StorageError::NotWritable { .. }
                    | StorageError::Io { .. }
            )
        )
    }

    /// A short, stable code for the kind of error, for programs: the
    /// desktop shell sends it to the page with the message, and the page
    /// branches on it (a locked journal, a replaced file). The CLI prints
    /// only the message.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Open(OpenError::NotADatabase { .. }) => "not_a_database",
            Error::Open(OpenError::NewerSchema { .. }) => "newer_schema",
            Error::Open(OpenError::Encrypted { .. }) => "locked",
            Error::Open(OpenError::WrongPassphrase { .. }) => "wrong_passphrase",
            Error::Open(OpenError::NotEncrypted { .. }) => "not_encrypted",
            // A lost journal is brought back the way a damaged one is.
            Error::Open(
                OpenError::Damaged { .. }
                | OpenError::Lost { .. }
                | OpenError::LostBackupsAway { .. },
            ) => "damaged",
            Error::Open(OpenError::Replaced { .. }) => "replaced",
            Error::Storage(StorageError::Damaged { .. }) => "damaged",
            Error::Storage(StorageError::SearchIndexDamaged { .. }) => "search_index_damaged",
            Error::Storage(StorageError::DamagedValues { .. }) => "damaged_values",
            Error::Open(_) => "open_failed",
            Error::Invalid(_) => "invalid",
            Error::Import(ImportError::Stopped) => "stopped",
            Error::Import(_) => "import_failed",
            Error::Backup(crate::backup::BackupError::PlaceFailed { .. }) => "backup_place_failed",
            Error::Backup(_) => "backup_refused",
            Error::Storage(StorageError::WriteRefused { .. }) => "write_refused",
            Error::Storage(StorageError::NotWritable { .. }) => "not_writable",
            Error::Storage(StorageError::Busy { .. }) => "busy",
            Error::Storage(StorageError::Io { .. }) => "disk_error",
            Error::EntryNotFound(_) | Error::NoSuchId(_) => "not_found",
            Error::AmbiguousId(_) => "ambiguous_id",
            Error::File { .. } => "file",
            Error::Database(_) => "database",
            Error::Chart(_) => "chart",
            Error::Corrupt(_) => "corrupt",
        }
    }

    /// Names the journal file in a storage error that does not name it
    /// yet (SQLite's errors do not carry the file). Other errors are
    /// returned as they are. The CLI and the app call this on every error
    /// from an open journal, with [`crate::Journal::path`].
    pub fn in_journal(mut self, journal: Option<&Path>) -> Self {
        if let (Error::Storage(storage), Some(journal)) = (&mut self, journal) {
            storage
                .path_mut()
                .get_or_insert_with(|| journal.to_path_buf());
        }
        self
    }

    /// Wraps an I/O error with the path it concerns.
    pub fn file(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::File {
            path: path.into(),
            source,
        }
    }
}

impl From<rusqlite::Error> for Error {
    /// Disk, permission and locking failures become [`StorageError`]s with a
    /// message of their own; anything else stays [`Error::Database`].
    fn from(err: rusqlite::Error) -> Self {
        match StorageError::classify(err) {
            Ok(storage) => Error::Storage(storage),
            Err(other) => Error::Database(other),
        }
    }
}

/// The result type of the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests;
