//! Export and import: the commands behind the Export and Import screens.
//!
//! The native save and open dialogs are opened here, in Rust, so the page
//! never names a path: it says what to export or which format to import,
//! and the person picks the place. Long work reports its progress over a
//! Tauri channel, so the page can show a progress bar while the window
//! stays responsive (the work runs on a worker thread).
//!
//! An import reads and checks the whole file before it takes the journal,
//! so other screens keep working while a large file is read; only the
//! writing, one transaction, holds the journal.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use trine_app::prelude::*;

use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};
use trine_app::interchange::{
    read_import, ExportFormat, ExportPreview, ExportSelection, ImportFormat, ImportSummary,
    ReportPages,
};

use crate::{CommandError, JournalState};

type Reply<T> = Result<T, CommandError>;

/// How far a long export or import has got, sent to the page as it goes.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "stage", rename_all = "kebab-case")]
pub enum Progress {
    /// Reading and checking the file to import.
    Reading,
    /// Writing: `done` of `total` entries so far (`total` is 0 when the
    /// count is not known in advance).
    Writing {
        /// Entries written.
        done: usize,
        /// Entries to write.
        total: usize,
    },
}

/// What an export wrote, for the page to say.
#[derive(Debug, Clone, Serialize)]
pub struct Exported {
    /// Entries written (weeks, for the CSV).
    pub count: usize,
    /// Whether `count` counts weeks.
    pub weeks: bool,
    /// Private entries that matched but were left out.
    pub private_left_out: usize,
    /// Where it was written.
    pub path: PathBuf,
}

/// What an import did, and from where.
#[derive(Debug, Clone, Serialize)]
pub struct Imported {
    /// The file or folder read.
    pub path: PathBuf,
    /// What was written, skipped and kept beside.
    #[serde(flatten)]
    pub summary: ImportSummary,
}

/// What an export with `selection` will hold: entries, weeks and charts,
/// and how many private entries are left out.
#[tauri::command(async)]
pub fn export_preview(
    journal: State<'_, JournalState>,
    selection: ExportSelection,
) -> Reply<ExportPreview> {
    journal.with(|j| j.preview_export(&selection))
}

/// The first pages of the report for `selection` (at most `pages`, and at
/// most eight), drawn as SVG as the PDF lays them out, with the report's
/// page count: the preview before saving.
#[tauri::command(async)]
pub fn report_preview(
    journal: State<'_, JournalState>,
    selection: ExportSelection,
    pages: usize,
) -> Reply<ReportPages> {
    journal.with(|j| j.preview_report_pages(&selection, pages.min(8)))
}

/// Asks where to save, then exports the selection in `format` there.
/// `None` when the person cancels the dialog. Including private entries
/// needs `private_confirmed`, the page's separate confirmation.
#[tauri::command(async)]
pub fn export_entries<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, JournalState>,
    format: ExportFormat,
    selection: ExportSelection,
    private_confirmed: bool,
    progress: Channel<Progress>,
) -> Reply<Option<Exported>> {
    if selection.include_private && !private_confirmed {
        return Err(CommandError::new(
            "private_not_confirmed",
            "private entries are included only after you confirm it; nothing was exported",
        ));
    }
    let Some(path) = save_dialog(&app, format) else {
        return Ok(None);
    };
    let _ = progress.send(Progress::Writing { done: 0, total: 0 });
    let outcome = journal.with(|j| j.export_to(format, &selection, &path))?;
    Ok(Some(Exported {
        count: outcome.count,
        weeks: format.counts_weeks(),
        private_left_out: outcome.private_left_out,
        path,
    }))
}

/// Set by the Import screen's Stop button; the import in progress checks it
/// every 100 entries and, when set, writes nothing.
#[derive(Debug, Default)]
pub struct ImportStop(pub AtomicBool);

/// Stops the import in progress, if any: nothing of it is written.
#[tauri::command]
pub fn stop_import(stop: State<'_, ImportStop>) {
    stop.0.store(true, Ordering::SeqCst);
}

/// Asks for a file (or folder) in `format`, then imports it, all or
/// nothing. `None` when the person cancels the dialog. `time_format` is
/// jrnl's timestamp format, for the jrnl text file. `with_settings` takes
/// a full backup's settings too; the page sets it only after its own
/// confirmation.
#[tauri::command(async)]
pub fn import_entries<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, JournalState>,
    stop: State<'_, ImportStop>,
    format: ImportFormat,
    time_format: Option<String>,
    with_settings: Option<bool>,
    progress: Channel<Progress>,
) -> Reply<Option<Imported>> {
    let Some(path) = open_dialog(&app, format) else {
        return Ok(None);
    };
    let _ = progress.send(Progress::Reading);
    let time_format = time_format.filter(|f| !f.trim().is_empty());
    let set = read_import(
        format,
        &path,
        time_format.as_deref(),
        &trine_app::time::local_offset_at,
    )
    .map_err(CommandError::from)?;
    let mut set = set;
    set.apply_settings = with_settings == Some(true);
    let total = set.entries.len();
    let _ = progress.send(Progress::Writing { done: 0, total });
    stop.0.store(false, Ordering::SeqCst);
    let summary = journal.with(|j| {
        j.import_stoppable(
            set,
            &mut |done, total| {
                let _ = progress.send(Progress::Writing { done, total });
            },
            &stop.0,
        )
    })?;
    Ok(Some(Imported { path, summary }))
}

/// A dialog attached to the main window, so it stays in front of it.
fn dialog<R: Runtime>(app: &AppHandle<R>, title: &str) -> FileDialogBuilder<R> {
    let builder = app.dialog().file().set_title(title);
    match app.get_webview_window("main") {
        Some(window) => builder.set_parent(&window),
        None => builder,
    }
}

/// The save dialog for `format`, with a dated name to start from.
fn save_dialog<R: Runtime>(app: &AppHandle<R>, format: ExportFormat) -> Option<PathBuf> {
    let today = trine_app::clock::today();
    let stem = match format {
        ExportFormat::Json => "trine-backup",
        ExportFormat::Csv => "trine-ratings",
        ExportFormat::Html | ExportFormat::Pdf => "trine-report",
        _ => "trine-entries",
    };
    let name = match format.extension() {
        Some(extension) => format!("{stem}-{today}.{extension}"),
        None => format!("{stem}-{today}"),
    };
    let mut builder = dialog(app, &format!("Export: {}", format.label())).set_file_name(name);
    if let Some(extension) = format.extension() {
        builder = builder.add_filter(format.label(), &[extension]);
    }
    builder.blocking_save_file()?.into_path().ok()
}

/// The open dialog for `format`: a folder for Markdown, else a file.
fn open_dialog<R: Runtime>(app: &AppHandle<R>, format: ImportFormat) -> Option<PathBuf> {
    let (title, extensions): (&str, &[&str]) = match format {
        ImportFormat::Markdown => ("Import a folder of Markdown files", &[]),
        ImportFormat::Jsonl => ("Import Trine JSON Lines", &["jsonl", "ndjson", "json"]),
        ImportFormat::Json => ("Import a Trine JSON export", &["json"]),
        ImportFormat::Jrnl => ("Import a jrnl journal file", &["txt", "jrnl"]),
        ImportFormat::JrnlJson => ("Import a jrnl JSON export", &["json"]),
        ImportFormat::Dayone => ("Import a Day One export", &["zip", "json"]),
    };
    let builder = dialog(app, title);
    let picked = if format.is_folder() {
        builder.blocking_pick_folder()
    } else {
        // jrnl's journal file often has no extension at all: offer every
        // file too.
        builder
            .add_filter("Expected files", extensions)
            .add_filter("All files", &["*"])
            .blocking_pick_file()
    };
    picked?.into_path().ok()
}
