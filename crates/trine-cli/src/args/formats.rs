//! The import and export formats as the command line names them.

use clap::ValueEnum;

/// Import formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ImportFormat {
    /// One JSON entry per line.
    Jsonl,
    /// A Trine JSON export (or a JSON array of entries).
    Json,
    /// jrnl's plain-text journal file (see --time-format).
    Jrnl,
    /// jrnl's JSON export (`jrnl --export json`).
    JrnlJson,
    /// Day One's JSON export: the .zip, its folder, or its .json file.
    Dayone,
    /// A folder of Markdown files with YAML front matter (Trine, Obsidian, Joplin).
    Markdown,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The full, lossless backup of the journal.
    Json,
    /// One JSON entry per line, for the selection.
    Jsonl,
    /// A folder with one Markdown file per entry.
    Markdown,
    /// The weekly ratings, one row per week.
    Csv,
    /// A self-contained HTML report with charts, for a coach.
    Html,
    /// The same report as PDF: searchable text, vector charts, page numbers.
    Pdf,
}

impl From<ImportFormat> for trine_app::interchange::ImportFormat {
    fn from(format: ImportFormat) -> Self {
        use trine_app::interchange::ImportFormat as Core;
        match format {
            ImportFormat::Jsonl => Core::Jsonl,
            ImportFormat::Json => Core::Json,
            ImportFormat::Jrnl => Core::Jrnl,
            ImportFormat::JrnlJson => Core::JrnlJson,
            ImportFormat::Dayone => Core::Dayone,
            ImportFormat::Markdown => Core::Markdown,
        }
    }
}

impl From<ExportFormat> for trine_app::interchange::ExportFormat {
    fn from(format: ExportFormat) -> Self {
        use trine_app::interchange::ExportFormat as Core;
        match format {
            ExportFormat::Json => Core::Json,
            ExportFormat::Jsonl => Core::Jsonl,
            ExportFormat::Markdown => Core::Markdown,
            ExportFormat::Csv => Core::Csv,
            ExportFormat::Html => Core::Html,
            ExportFormat::Pdf => Core::Pdf,
        }
    }
}
