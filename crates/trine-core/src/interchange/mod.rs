//! Moving entries in and out of the journal: the lossless JSON backup, JSON
//! Lines, a folder of Markdown files, and other journals (jrnl).
//!
//! Imports are all or nothing. Every record is read and checked first; a
//! fault names the file, the line or entry, and the field, and nothing is
//! written. Then all records are written in one transaction. Importing the
//! same file twice adds nothing the second time, and a record that clashes
//! with a different entry already there is imported beside it, never merged
//! or dropped silently (the summary says so).
//!
//! Exports are written to a temporary file or folder beside the target and
//! moved into place at the end, so a failed export leaves nothing behind.

pub(crate) mod atomic;
mod csv_export;
mod dayone;
mod formats;
mod import;
mod jrnl;
mod json;
mod jsonl;
pub mod limits;
mod markdown;
mod markdown_import;
pub mod moments;
mod pdf;
mod record;
mod report;
mod selection;
mod text;

use std::fmt;
use std::path::PathBuf;

pub use csv_export::export_csv;
pub use dayone::read_dayone;
pub use formats::{read_import, ExportFormat, ExportOutcome, ImportFormat};
pub use import::{ImportItem, ImportSet, ImportSummary};
pub use jrnl::{fixed_offset, read_jrnl_json, read_jrnl_text, JRNL_DEFAULT_TIME_FORMAT};
pub use json::{export_json, read_json, JournalDocument, JSON_FORMAT, JSON_FORMAT_VERSION};
pub use jsonl::{export_jsonl, read_jsonl};
pub use markdown::{export_markdown, export_markdown_single, markdown_file_name, render_markdown};
pub use markdown_import::read_markdown_folder;
pub use pdf::{export_pdf, render_pdf};
pub use record::{EntryRecord, FieldProblem, RatingsRecord};
pub use report::{export_html, render_report};
pub use selection::{weekly_ratings_of, ExportPreview, ExportSelection};

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
    #[error("{}: could not read it: {source}; nothing was imported", file.display())]
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
    /// The import would read more than [`limits::MAX_IMPORT_BYTES`].
    #[error("{}: more text than Trine imports at once (at most {limit}, all files together); nothing was imported. Split the export into smaller ones", file.display())]
    TooLarge {
        /// The file (or archive member) where the limit was reached.
        file: PathBuf,
        /// The limit, for the message.
        limit: String,
    },
    /// A folder import went deeper than [`limits::MAX_FOLDER_DEPTH`].
    #[error("{}: folders within folders more than {limit} deep; nothing was imported. Import a folder nearer the notes", folder.display())]
    TooDeep {
        /// The folder past the limit.
        folder: PathBuf,
        /// The limit.
        limit: usize,
    },
    /// A folder import found more than [`limits::MAX_FILES`] notes.
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

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_export;
