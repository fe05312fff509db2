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

#![warn(missing_docs)]

mod csv_export;
mod dayone;
mod formats;
mod jrnl;
mod json;
mod jsonl;
pub mod limits;
mod markdown;
mod markdown_import;
pub mod moments;
mod pdf;
mod record;
pub mod render;
mod report;
mod selection;
mod text;

pub use csv_export::export_csv;
pub use dayone::read_dayone;
pub use formats::{read_import, ExportFormat, ExportOutcome, Exports, ImportFormat};
pub use jrnl::{fixed_offset, read_jrnl_json, read_jrnl_text, JRNL_DEFAULT_TIME_FORMAT};
pub use json::{
    export_json, export_salvaged, read_json, salvaged_import_set, JournalDocument,
    JournalDocuments, JSON_FORMAT, JSON_FORMAT_VERSION,
};
pub use jsonl::{export_jsonl, read_jsonl};
pub use markdown::{export_markdown, export_markdown_single, markdown_file_name, render_markdown};
pub use markdown_import::read_markdown_folder;
pub use pdf::{export_pdf, render_pdf, report_pages, ReportPages};
pub use record::{checked_item, EntryRecord, FieldProblem, RatingsRecord};
pub use report::{export_html, render_report, selection_weeks, DrawFigures, ReportAnalysis};
pub use selection::{
    weekly_ratings_of, ExportItem, ExportPreview, ExportSelection, Selections, MAX_ITEMS,
};
pub use trine_store::atomic;
pub use trine_store::store::import::{ImportItem, ImportSet, ImportSummary};

pub use trine_store::{ImportError, Location};

#[cfg(test)]
mod tests;

/// Draws no figures: for the tests of formats that do not look at charts.
#[cfg(test)]
pub(crate) fn no_figures(
    _: &trine_store::Journal,
    _: &ExportSelection,
    _: &[trine_store::Entry],
) -> trine_store::Result<ReportAnalysis> {
    Ok(ReportAnalysis::default())
}
