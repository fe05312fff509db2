//! The errors the core can return.
//!
//! Each module has its own enum so that a caller can match on what matters
//! to it; [`Error`] gathers them for callers that only need one message and a
//! stable code (the CLI and the Tauri shell). Every message names the thing
//! at fault and, where there is one, the way out.

use std::path::PathBuf;

use uuid::Uuid;

pub use crate::interchange::ImportError;

/// Problems opening a journal file.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The folder for the journal could not be created or read.
    #[error(
        "could not use {path} as the journal's folder ({source}); make sure it is a folder you can \
         write to, or choose another with --data-dir or TRINE_DATA_DIR"
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
        "{path} is not a Trine journal (it is not a readable SQLite database); \
         it was left untouched. Move it away or point Trine at another folder"
    )]
    NotADatabase {
        /// The file at fault.
        path: PathBuf,
    },
    /// The journal is encrypted and no passphrase was given.
    #[error("{path} is encrypted: give its passphrase (the app asks; the CLI asks too, or reads TRINE_PASSPHRASE)")]
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
    /// The platform has no application-data folder and none was given.
    #[error("no folder for the journal: set TRINE_DATA_DIR or pass --data-dir")]
    NoDataDir,
}

/// Values that break a rule of the journal model.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    /// A rating was not a whole number from 1 to 10.
    #[error("{field} must be a whole number from 1 to 10, not {value}")]
    RatingOutOfRange {
        /// The rating at fault: `seen`, `known` or `valued`.
        field: &'static str,
        /// The value given.
        value: i64,
    },
    /// A check-in score was not a whole number from 1 to 5.
    #[error("the score for {component} must be a whole number from 1 to 5, not {value}")]
    ScoreOutOfRange {
        /// The component scored.
        component: String,
        /// The value given.
        value: i64,
    },
    /// A tag had no letters or digits left after tidying.
    #[error("tag {0:?} is empty once spaces and '#' are removed")]
    EmptyTag(String),
    /// A date or week could not be read.
    #[error("{field}: {value:?} is not a valid {expected}")]
    BadDate {
        /// The field or option at fault.
        field: &'static str,
        /// The text given.
        value: String,
        /// What was expected, e.g. "date (YYYY-MM-DD)".
        expected: &'static str,
    },
    /// Two sections were given for the same side of the triangle.
    #[error("the {0} side has two sections; give each side at most one")]
    DuplicateSection(&'static str),
    /// A side of the triangle was named that does not exist.
    #[error("{0:?} is not a side of the triangle (developmental, emotional or integration)")]
    UnknownSide(String),
    /// An entry kind was named that does not exist.
    #[error("{0:?} is not a kind of entry (reflection or note)")]
    UnknownKind(String),
    /// No component has this key.
    #[error("{0:?} is not a component of the triangle; `trine checkin --help` lists them")]
    UnknownComponent(String),
    /// No prompt has this id.
    #[error("no prompt has the id {0:?}; `trine prompts list` shows them")]
    UnknownPrompt(String),
    /// Built-in prompts cannot be edited, only archived.
    #[error("{0} is a built-in prompt and cannot be edited; archive it and add your own instead")]
    BuiltinPrompt(String),
    /// A text that must say something was empty.
    #[error("the {0} cannot be empty")]
    EmptyText(&'static str),
    /// The new passphrase was typed differently twice.
    #[error("the two passphrases typed did not match; nothing was changed")]
    PassphraseMismatch,
    /// No new passphrase was given.
    #[error("no new passphrase given: type it at the terminal, or set TRINE_NEW_PASSPHRASE")]
    NoNewPassphrase,
    /// A week already has its reflection.
    #[error("the week of {0} already has a reflection; open it to edit it")]
    ReflectionExists(chrono::NaiveDate),
    /// The full JSON backup was asked for with a selection.
    #[error(
        "the full JSON backup always holds the whole journal and takes no selection; \
         choose JSON Lines to export a selection"
    )]
    BackupTakesNoSelection,
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
    /// No entry has this id (or it was deleted for good).
    #[error("no entry with id {0}")]
    EntryNotFound(Uuid),
    /// No entry's id starts with the text given.
    #[error("no entry has an id starting with {0:?}; `trine list` shows the ids")]
    NoSuchId(String),
    /// More than one entry's id starts with the text given.
    #[error("more than one entry has an id starting with {0:?}; give more of the id")]
    AmbiguousId(String),
    /// A file could not be written or read.
    #[error("{path}: {source}")]
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
    Database(#[from] rusqlite::Error),
    /// The stored data could not be read back (a bug or a damaged file).
    #[error("the journal holds data Trine cannot read ({0}); run `trine check`")]
    Corrupt(String),
}

impl Error {
    /// A short, stable code for the kind of error, for programs (the UI
    /// branches on it; the CLI prints it with `--json`).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Open(OpenError::NotADatabase { .. }) => "not_a_database",
            Error::Open(OpenError::NewerSchema { .. }) => "newer_schema",
            Error::Open(OpenError::Encrypted { .. }) => "locked",
            Error::Open(OpenError::WrongPassphrase { .. }) => "wrong_passphrase",
            Error::Open(_) => "open_failed",
            Error::Invalid(_) => "invalid",
            Error::Import(_) => "import_failed",
            Error::EntryNotFound(_) | Error::NoSuchId(_) => "not_found",
            Error::AmbiguousId(_) => "ambiguous_id",
            Error::File { .. } => "file",
            Error::Database(_) => "database",
            Error::Chart(_) => "chart",
            Error::Corrupt(_) => "corrupt",
        }
    }

    /// Wraps an I/O error with the path it concerns.
    pub fn file(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::File {
            path: path.into(),
            source,
        }
    }
}

/// The result type of the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;
