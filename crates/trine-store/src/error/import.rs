//! Why an import failed, and where in its file.

use std::fmt;
use std::path::PathBuf;

/// Where in an import a record came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file read.
    pub file: PathBuf,
    /// The line (1-based) where the record is, if known.
    pub line: Option<usize>,
    /// The record's position in the file (1-based), if lines do not say.
    pub record: Option<usize>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(record) = self.record {
            write!(f, " (entry {record})")?;
        }
        Ok(())
    }
}

/// Why an import failed. Nothing was imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error(
        "{}: could not read it: {}; nothing was imported",
        file.display(),
        super::io_words::io_words(source)
    )]
    Read {
        /// The file.
        file: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// One record is malformed or breaks a rule.
    #[error("{location}: {}{message}; nothing was imported", field.as_deref().map(|f| format!("field `{f}`: ")).unwrap_or_default())]
    Record {
        /// Where the record is.
        location: Location,
        /// The field at fault, if one is.
        field: Option<String>,
        /// What is wrong.
        message: String,
    },
    /// Not a regular file: a folder where a file was expected, a device, a
    /// named pipe or a socket. It is not opened.
    #[error("{}: not a regular file (a folder, device, pipe or socket); nothing was imported", file.display())]
    NotAFile {
        /// What was named.
        file: PathBuf,
    },
    /// The import would read more than the importers' limit (`trine_interchange::limits::MAX_IMPORT_BYTES`).
    #[error("{}: more text than Trine imports at once (at most {limit}, all files together); nothing was imported. Split the export into smaller ones", file.display())]
    TooLarge {
        /// The file (or archive member) where the limit was reached.
        file: PathBuf,
        /// The limit, for the message.
        limit: String,
    },
    /// A folder import went deeper than the importers' limit (`MAX_FOLDER_DEPTH`).
    #[error("{}: folders within folders more than {limit} deep; nothing was imported. Import a folder nearer the notes", folder.display())]
    TooDeep {
        /// The folder past the limit.
        folder: PathBuf,
        /// The limit.
        limit: usize,
    },
    /// A folder import found more than the importers' limit of notes (`MAX_FILES`).
    #[error("{}: more than {limit} Markdown files; nothing was imported. Import it a part at a time", folder.display())]
    TooMany {
        /// The folder imported.
        folder: PathBuf,
        /// The limit.
        limit: usize,
    },
    /// The person stopped the import; nothing was written.
    #[error("the import was stopped; nothing was imported")]
    Stopped,
    /// A jrnl text file whose entries do not start with a time in the
    /// format given (jrnl's time format is its own setting).
    #[error("{location}: expected an entry starting with a bracketed time in the format {format:?} (like [2026-01-05 08:40:00 PM]); nothing was imported")]
    TimeFormat {
        /// Where the line without a time is.
        location: Location,
        /// The time format the file was read with.
        format: String,
    },
    /// The file is a Trine export from a newer version.
    #[error("{}: made by a newer Trine (format version {found}; this one reads up to {supported}); update Trine to import it. Nothing was imported", file.display())]
    NewerFormat {
        /// The file.
        file: PathBuf,
        /// The version in the file.
        found: u32,
        /// The newest version understood.
        supported: u32,
    },
}
