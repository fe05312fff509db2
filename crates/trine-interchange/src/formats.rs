//! The export and import formats by name, and one entry point for each
//! direction, so the CLI and the app offer the same formats the same way.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{DrawFigures, ExportSelection, ImportSet, Selections, JRNL_DEFAULT_TIME_FORMAT};
use trine_store::error::{Result, ValidationError};
use trine_store::store::Journal;
use trine_store::time::OffsetAt;

/// A format the journal can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExportFormat {
    /// The full, lossless backup of the whole journal (takes no selection).
    Json,
    /// One JSON entry per line, for a selection.
    Jsonl,
    /// A folder with one Markdown file per entry, re-importable.
    Markdown,
    /// All selected entries in one Markdown file.
    MarkdownFile,
    /// The weekly ratings, one row per week.
    Csv,
    /// A self-contained HTML report with charts.
    Html,
    /// The report as PDF.
    Pdf,
}

impl ExportFormat {
    /// Whether the export writes a folder rather than one file.
    pub fn is_folder(self) -> bool {
        self == ExportFormat::Markdown
    }

    /// The usual file extension (none for a folder).
    pub fn extension(self) -> Option<&'static str> {
        match self {
            ExportFormat::Json => Some("json"),
            ExportFormat::Jsonl => Some("jsonl"),
            ExportFormat::Markdown => None,
            ExportFormat::MarkdownFile => Some("md"),
            ExportFormat::Csv => Some("csv"),
            ExportFormat::Html => Some("html"),
            ExportFormat::Pdf => Some("pdf"),
        }
    }

    /// The format's name for people, e.g. in a save dialog's filter.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Json => "Full backup (JSON)",
            ExportFormat::Jsonl => "JSON Lines",
            ExportFormat::Markdown => "Markdown folder",
            ExportFormat::MarkdownFile => "Markdown file",
            ExportFormat::Csv => "Weekly ratings (CSV)",
            ExportFormat::Html => "Report (HTML)",
            ExportFormat::Pdf => "Report (PDF)",
        }
    }

    /// Whether the export counts weeks (the CSV) rather than entries.
    pub fn counts_weeks(self) -> bool {
        self == ExportFormat::Csv
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ExportOutcome {
    /// Entries written (weeks, for the CSV).
    pub count: usize,
    /// Private entries that matched the selection but were left out.
    pub private_left_out: usize,
}

/// Exporting a journal's entries in a chosen format.
pub trait Exports {
    /// Exports the `selection` in `format` to `path` (a folder for the
    /// Markdown folder), all or nothing. The full JSON backup refuses a
    /// selection rather than quietly ignoring it. `draw` makes the figures
    /// of the HTML and PDF reports.
    fn export_as(
        &self,
        format: ExportFormat,
        selection: &ExportSelection,
        path: &Path,
        draw: DrawFigures<'_>,
    ) -> Result<ExportOutcome>;
}

impl Exports for Journal {
    fn export_as(
        &self,
        format: ExportFormat,
        selection: &ExportSelection,
        path: &Path,
        draw: DrawFigures<'_>,
    ) -> Result<ExportOutcome> {
        self.check_write_target(path)?;
        if format == ExportFormat::Json {
            if *selection != ExportSelection::default() {
                return Err(ValidationError::BackupTakesNoSelection.into());
            }
            let count = super::export_json(self, path)?;
            return Ok(ExportOutcome {
                count,
                private_left_out: 0,
            });
        }
        let (entries, private_left_out) = self.select(selection)?;
        let count = match format {
            ExportFormat::Json => unreachable!("handled above"),
            ExportFormat::Jsonl => super::export_jsonl(&entries, path)?,
            ExportFormat::Markdown => super::export_markdown(&entries, path)?,
            ExportFormat::MarkdownFile => super::export_markdown_single(&entries, path)?,
            ExportFormat::Csv => super::export_csv(&entries, path)?,
            ExportFormat::Html => super::export_html(self, selection, path, draw)?,
            ExportFormat::Pdf => super::export_pdf(self, selection, path, draw)?,
        };
        Ok(ExportOutcome {
            count,
            private_left_out,
        })
    }
}

/// A format entries can be imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ImportFormat {
    /// Trine's JSON Lines, one entry per line.
    Jsonl,
    /// A Trine JSON export (or a JSON array of entries).
    Json,
    /// jrnl's plain-text journal file.
    Jrnl,
    /// jrnl's JSON export.
    JrnlJson,
    /// Day One's JSON export: the .zip, its folder, or its .json file.
    Dayone,
    /// A folder of Markdown files with YAML front matter.
    Markdown,
}

impl ImportFormat {
    /// Whether the format is read from a folder rather than a file. (Day One
    /// takes either; its zip is the usual.)
    pub fn is_folder(self) -> bool {
        self == ImportFormat::Markdown
    }
}

/// Reads and checks everything in `path` as `format`, writing nothing.
/// `time_format` is jrnl's timestamp format (its default when `None`);
/// other formats ignore it. Local times without an offset are placed with
/// `offset_at`.
pub fn read_import(
    format: ImportFormat,
    path: &Path,
    time_format: Option<&str>,
    offset_at: OffsetAt<'_>,
) -> Result<ImportSet> {
    match format {
        ImportFormat::Jsonl => super::read_jsonl(path, offset_at),
        ImportFormat::Json => super::read_json(path, offset_at),
        ImportFormat::Jrnl => super::read_jrnl_text(
            path,
            time_format.unwrap_or(JRNL_DEFAULT_TIME_FORMAT),
            offset_at,
        ),
        ImportFormat::JrnlJson => super::read_jrnl_json(path, offset_at),
        ImportFormat::Dayone => super::read_dayone(path),
        ImportFormat::Markdown => super::read_markdown_folder(path, offset_at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use trine_store::model::NewEntry;
    use trine_store::Error;

    const ALL: [ExportFormat; 7] = [
        ExportFormat::Json,
        ExportFormat::Jsonl,
        ExportFormat::Markdown,
        ExportFormat::MarkdownFile,
        ExportFormat::Csv,
        ExportFormat::Html,
        ExportFormat::Pdf,
    ];

    fn journal() -> Journal {
        let mut journal = Journal::open_in_memory().unwrap();
        let rated = trine_store::Ratings::checked(Some(6), Some(5), Some(4)).unwrap();
        journal
            .create(NewEntry {
                ratings: rated,
                ..NewEntry::note("Shared", "The demo went well.")
            })
            .unwrap();
        journal
            .create(NewEntry {
                private: true,
                ..NewEntry::note("Secret", "Quillwort is for me alone.")
            })
            .unwrap();
        journal
    }

    fn written_text(path: &Path) -> String {
        if path.is_dir() {
            let mut all = String::new();
            for file in std::fs::read_dir(path).unwrap() {
                all += &std::fs::read_to_string(file.unwrap().path()).unwrap();
            }
            all
        } else {
            String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned()
        }
    }

    #[test]
    fn every_format_writes_the_selection_and_leaves_private_entries_out() {
        let journal = journal();
        let dir = tempfile::tempdir().unwrap();
        for format in ALL {
            let name = format!("out.{}", format.extension().unwrap_or("d"));
            let path = dir.path().join(name);
            let outcome = journal
                .export_as(
                    format,
                    &ExportSelection::default(),
                    &path,
                    &crate::no_figures,
                )
                .unwrap();
            assert!(path.exists(), "{format:?} wrote nothing");
            assert_eq!(format.is_folder(), path.is_dir(), "{format:?}");
            let (count, left_out) = match format {
                ExportFormat::Json => (2, 0), // the full backup keeps all
                ExportFormat::Csv => (1, 1),  // one rated week
                _ => (1, 1),
            };
            assert_eq!(outcome.count, count, "{format:?}");
            assert_eq!(outcome.private_left_out, left_out, "{format:?}");
            if format != ExportFormat::Pdf {
                let text = written_text(&path);
                assert_eq!(
                    text.contains("Quillwort"),
                    format == ExportFormat::Json,
                    "{format:?}: only the full backup holds the private entry"
                );
            }
        }
    }

    #[test]
    fn the_full_backup_refuses_a_selection_and_writes_nothing() {
        let journal = journal();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("backup.json");
        let selection = ExportSelection {
            include_private: true,
            ..ExportSelection::default()
        };

        let err = journal
            .export_as(ExportFormat::Json, &selection, &path, &crate::no_figures)
            .unwrap_err();

        assert!(matches!(
            err,
            Error::Invalid(ValidationError::BackupTakesNoSelection)
        ));
        assert!(!path.exists());
    }

    #[test]
    fn what_is_exported_reads_back_through_the_same_format_names() {
        let journal = journal();
        let dir = tempfile::tempdir().unwrap();
        for (export, import) in [
            (ExportFormat::Json, ImportFormat::Json),
            (ExportFormat::Jsonl, ImportFormat::Jsonl),
            (ExportFormat::Markdown, ImportFormat::Markdown),
        ] {
            let path = dir.path().join(format!("{export:?}"));
            let outcome = journal
                .export_as(
                    export,
                    &ExportSelection::default(),
                    &path,
                    &crate::no_figures,
                )
                .unwrap();
            let utc = |_| chrono::FixedOffset::east_opt(0).unwrap();
            let set = read_import(import, &path, None, &utc).unwrap();
            assert_eq!(set.entries.len(), outcome.count, "{export:?}");
        }
    }
}
