//! Trine's desktop shell.
//!
//! The shell only wires things together: it opens the journal once at
//! start-up, keeps it in Tauri's managed state and registers the commands the
//! webview may call. All journal logic lives in `trine_core`; each command is
//! a few lines that call the core and turn its error into the one IPC error
//! shape, [`CommandError`].
//!
//! If the journal cannot be opened (a newer schema, a damaged file, an
//! unusable folder), the window still opens: the state keeps the error, every
//! command returns it, and the UI shows its message.

#![warn(missing_docs)]

mod commands;
mod error;
mod state;

pub use error::CommandError;
pub use state::JournalState;

/// Opens the journal and runs the app until its last window closes.
///
/// The journal lives in `TRINE_DATA_DIR` if that is set, else in the
/// platform's application-data folder.
pub fn run() {
    let journal = JournalState::open(None);

    tauri::Builder::default()
        .manage(journal)
        // Keep in step with `COMMANDS` in `src-tauri/build.rs`.
        .invoke_handler(tauri::generate_handler![
            commands::entry_count,
            commands::week_view,
            commands::save_reflection,
            commands::another_prompt,
            commands::preview_markdown,
            commands::entry_page,
            commands::search,
            commands::entry_view,
            commands::create_note,
            commands::update_entry,
            commands::delete_entry,
            commands::undelete_entry,
            commands::tags,
            commands::trends,
            commands::checkin_view,
            commands::record_checkin,
            commands::app_settings,
            commands::save_app_settings,
        ])
        .run(tauri::generate_context!())
        .expect("Trine's window could not be started");
}
