//! The commands the webview may call.
//!
//! Each command is a few lines: take the journal from managed state, call
//! the core, return its value or a [`CommandError`]. Every command here is
//! listed in `COMMANDS` in `src-tauri/build.rs` and granted in
//! `src-tauri/capabilities/default.json`; nothing else is callable.
//!
//! Commands run with `async` so that SQLite work happens on Tauri's worker
//! threads, never on the thread that draws the window.

use tauri::State;

use crate::{CommandError, JournalState};

/// How many entries the journal holds, not counting deleted ones.
#[tauri::command(async)]
pub fn entry_count(journal: State<'_, JournalState>) -> Result<u64, CommandError> {
    journal.with(|journal| journal.entry_count())
}
