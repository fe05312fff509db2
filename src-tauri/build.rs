//! Build script of the desktop shell.
//!
//! Runs `tauri-build` from the repository root (this package's folder): it
//! reads the top-level `tauri.conf.json`, checks the icons, and turns the
//! capability files in `src-tauri/capabilities/` into the access-control list
//! that is compiled into the app.
//!
//! Trine's own commands are declared here so that they, too, are governed by
//! capabilities: a command that is not granted in a capability file cannot be
//! called from the webview, even though it is registered with the handler.

/// Every `#[tauri::command]` of the shell. Keep in step with the handler list
/// in `src/lib.rs`; each one needs an `allow-…` grant in a capability file.
const COMMANDS: &[&str] = &[
    "entry_count",
    "week_due",
    "week_view",
    "today_date",
    "situation_choices",
    "set_confident_rating",
    "library_view",
    "add_own_prompt",
    "edit_own_prompt",
    "set_prompt_archived",
    "describe_component",
    "save_reflection",
    "another_prompt",
    "preview_markdown",
    "entry_page",
    "search",
    "entry_view",
    "create_note",
    "update_entry",
    "delete_entry",
    "undelete_entry",
    "tags",
    "trends",
    "checkin_view",
    "record_checkin",
    "app_settings",
    "save_app_settings",
    "close_after_saving",
    "unlock_journal",
    "open_data_folder",
    "export_preview",
    "report_preview",
    "export_entries",
    "import_entries",
    "stop_import",
    "backups_view",
    "backup_now",
    "automatic_backup_trouble",
    "pick_backup_folder",
    "set_backup_places",
    "forget_backup_folder",
    "theme_before_unlock",
    "restore_backup",
    "damaged_backups",
    "restore_newest_backup",
    "change_passphrase",
    "lock_journal",
    "erase_everything",
    "autostart_enabled",
    "set_autostart",
];

fn main() {
    // tauri-build does not watch this folder when it is not `./capabilities`.
    println!("cargo:rerun-if-changed=src-tauri/capabilities");

    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));

    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}
