//! Trine's desktop shell.
//!
//! The shell only wires things together: it opens the journal once at
//! start-up, keeps it in Tauri's managed state and registers the commands the
//! webview may call. All journal logic lives in `trine_app`; each command is
//! a few lines that call the core and turn its error into the one IPC error
//! shape, [`CommandError`].
//!
//! If the journal cannot be opened (a newer schema, a damaged file, an
//! unusable folder), the window still opens: the state keeps the error, every
//! command returns it, and the UI shows its message.
//!
//! Closing the window never loses what was typed: the close is held back,
//! the window hidden, and the page asked to save; it then calls
//! `close_after_saving`, or the window closes anyway after [`CLOSE_GRACE`].

#![warn(missing_docs)]

mod commands;
mod error;
mod launch;
mod lean_webview;
mod privacy;
mod reminders;
mod state;
mod transfer;

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tauri::Manager;

pub use error::CommandError;
pub use state::JournalState;

/// How long a closing window waits for the page to save before it goes.
pub const CLOSE_GRACE: Duration = Duration::from_secs(3);

/// Holds a close request back until the page has saved (see the module docs).
fn save_then_close(window: &tauri::Window, api: &tauri::CloseRequestApi) {
    static CLOSING: AtomicBool = AtomicBool::new(false);
    api.prevent_close();
    if CLOSING.swap(true, Ordering::SeqCst) {
        return; // already on its way out
    }
    let Some(webview) = window.get_webview_window(window.label()) else {
        let _ = window.destroy();
        return;
    };
    let _ = window.hide();
    if webview
        .eval("window.__trineBeforeClose ? window.__trineBeforeClose() : window.__TAURI__.core.invoke('close_after_saving')")
        .is_err()
    {
        let _ = window.destroy();
        return;
    }
    let window = window.clone();
    std::thread::spawn(move || {
        std::thread::sleep(CLOSE_GRACE);
        let _ = window.destroy();
    });
}

/// Keeps the window on Trine's own pages: a link in an entry never loads
/// anything from elsewhere into the app (the page also stops such clicks
/// and says so; this is the shell's own guard).
fn stay_on_own_pages<R: tauri::Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri::plugin::Builder::new("stay-on-own-pages")
        .on_navigation(|_, url| is_own_page(url))
        .build()
}

/// Trine's own pages: `tauri://localhost` (Linux, macOS) or
/// `http(s)://tauri.localhost` (Windows), and a blank page.
fn is_own_page(url: &tauri::Url) -> bool {
    match url.scheme() {
        "tauri" => true,
        "about" => url.path() == "blank",
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    }
}

/// Opens the journal and runs the app until its last window closes.
///
/// The journal lives in `TRINE_DATA_DIR` if that is set, else in the
/// platform's application-data folder.
pub fn run() {
    let journal = JournalState::open(None);

    tauri::Builder::default()
        // First, so that a second launch hands over before anything else
        // starts (on Linux through the session bus; without one, each
        // launch runs on its own).
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            launch::focus_main(app);
        }))
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(
                    tauri_plugin_window_state::StateFlags::all()
                        - tauri_plugin_window_state::StateFlags::VISIBLE,
                )
                .build(),
        )
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            Some(vec![launch::MINIMIZED]),
        ))
        .plugin(stay_on_own_pages())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .manage(journal)
        .manage(transfer::ImportStop::default())
        .manage(privacy::AutomaticBackup::default())
        .setup(|app| {
            lean_webview::trim(app.handle());
            launch::minimize_if_started_at_login(app.handle());
            privacy::backup_soon(app.handle().clone());
            reminders::start(app.handle().clone());
            Ok(())
        })
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                save_then_close(window, api);
            }
        })
        // Keep in step with `COMMANDS` in `src-tauri/build.rs`.
        .invoke_handler(tauri::generate_handler![
            commands::entry_count,
            commands::week_due,
            commands::week_view,
            commands::today_date,
            commands::situation_choices,
            commands::set_confident_rating,
            commands::library_view,
            commands::add_own_prompt,
            commands::edit_own_prompt,
            commands::set_prompt_archived,
            commands::describe_component,
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
            commands::close_after_saving,
            commands::unlock_journal,
            commands::open_data_folder,
            transfer::export_preview,
            transfer::report_preview,
            transfer::export_entries,
            transfer::import_entries,
            transfer::stop_import,
            privacy::backups_view,
            privacy::backup_now,
            privacy::automatic_backup_trouble,
            privacy::pick_backup_folder,
            privacy::set_backup_places,
            privacy::forget_backup_folder,
            privacy::theme_before_unlock,
            privacy::restore_backup,
            privacy::damaged_backups,
            privacy::restore_newest_backup,
            privacy::change_passphrase,
            privacy::lock_journal,
            privacy::erase_everything,
            launch::autostart_enabled,
            launch::set_autostart,
        ])
        .run(tauri::generate_context!())
        .expect("Trine's window could not be started");
}

#[cfg(test)]
mod tests {
    use super::is_own_page;

    /// The CSP in `tauri.conf.json` allows nothing from elsewhere: every
    /// source is the app itself, inline data images or Tauri's IPC.
    #[test]
    fn the_content_security_policy_allows_no_remote_source() {
        let config: serde_json::Value =
            serde_json::from_str(include_str!("../../tauri.conf.json")).unwrap();
        let csp = config["app"]["security"]["csp"]
            .as_str()
            .expect("a CSP is set");
        let allowed = ["'self'", "'none'", "data:", "ipc:", "http://ipc.localhost"];
        for directive in csp.split(';').map(str::trim).filter(|d| !d.is_empty()) {
            let mut words = directive.split_whitespace();
            let name = words.next().unwrap();
            for source in words {
                assert!(
                    allowed.contains(&source),
                    "{name} allows {source}, which is not the app itself"
                );
            }
        }
        assert!(csp.contains("default-src 'self'"), "{csp}");
        assert!(
            !csp.contains("unsafe-"),
            "no unsafe-inline or unsafe-eval: {csp}"
        );
    }

    fn own(url: &str) -> bool {
        is_own_page(&url.parse().unwrap())
    }

    #[test]
    fn the_window_stays_on_its_own_pages() {
        assert!(own("tauri://localhost/index.html#/journal"));
        assert!(own("http://tauri.localhost/"));
        assert!(own("about:blank"));
        for elsewhere in [
            "https://example.com/",
            "http://localhost:8080/",
            "file:///etc/passwd",
            "https://tauri.localhost.example.com/",
            "javascript:alert(1)",
        ] {
            assert!(!own(elsewhere), "{elsewhere} is not one of Trine's pages");
        }
    }
}
