//! `trine import` and `trine export` as the command line reads them.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{ExportFormat, ImportFormat, KindArg, SideArg};

/// `trine import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file's format.
    #[arg(long, value_enum)]
    pub format: ImportFormat,
    /// The file to import.
    pub path: PathBuf,
    /// For --format jrnl: the format of the bracketed times (jrnl's
    /// `timeformat` setting, strftime style).
    #[arg(long, value_name = "FORMAT", default_value = trine_app::interchange::JRNL_DEFAULT_TIME_FORMAT)]
    pub time_format: String,
    /// For --format json (a full backup): also take the file's settings
    /// (week start, reminder, theme, idle lock, backups to keep). Without
    /// it, only entries and check-ins are imported.
    #[arg(long)]
    pub with_settings: bool,
}

/// `trine export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format: json is the full backup (everything, private included).
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// The file (json, jsonl, csv, html) or new folder (markdown) to write.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// Only entries written on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only entries written on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only entries with this tag (repeat for any of several).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Only entries with a section on this side (repeat for several).
    #[arg(long = "side", value_enum, value_name = "SIDE")]
    pub sides: Vec<SideArg>,
    /// Only reflections or only notes (repeat for both).
    #[arg(long = "kind", value_enum, value_name = "KIND")]
    pub kinds: Vec<KindArg>,
    /// Include entries marked private (the json backup always has them).
    #[arg(long)]
    pub include_private: bool,
    /// Leave the ratings out.
    #[arg(long)]
    pub without_ratings: bool,
    /// Leave the charts out of the report (html).
    #[arg(long)]
    pub without_charts: bool,
    /// For markdown: one file to read instead of a folder to re-import.
    #[arg(long)]
    pub single_file: bool,
    /// Only this entry (repeat for several; an id or its first characters);
    /// it must match the other choices too.
    #[arg(long = "entry", value_name = "ID")]
    pub entries: Vec<String>,
    /// Leave this entry out (repeat for several; an id or its first
    /// characters).
    #[arg(long = "without-entry", value_name = "ID")]
    pub without_entries: Vec<String>,
    /// Leave one side of one reflection out, as ID:SIDE (repeat for more),
    /// e.g. 1a2b3c4d:emotional.
    #[arg(long = "without-section", value_name = "ID:SIDE")]
    pub without_sections: Vec<String>,
    /// A note for the coach on the report's cover (html, pdf): what you
    /// would like to talk about.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// A name for the report's cover (html, pdf).
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,
    /// Oldest entries first (the default) or newest first.
    #[arg(long, value_enum, value_name = "ORDER", default_value = "oldest")]
    pub order: OrderArg,
    /// Say what would be exported, and write nothing.
    #[arg(long)]
    pub preview: bool,
    /// Replace the file, or the folder and everything in it, if --out
    /// exists already (without it, an existing file or non-empty folder is
    /// refused and left as it is).
    #[arg(long)]
    pub force: bool,
}

/// The order of the entries in an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OrderArg {
    /// Oldest first.
    Oldest,
    /// Newest first.
    Newest,
}
