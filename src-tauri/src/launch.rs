//! How Trine is started: at login (an option in Settings), minimised when
//! started that way, and a second launch, which brings the running
//! window forward instead of opening the journal twice.

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_autostart::ManagerExt;

use crate::CommandError;

/// The argument the login entry starts Trine with.
pub const MINIMIZED: &str = "--minimized";

/// Brings the main window forward: shown, not minimised, focused.
pub fn focus_main<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// Minimises the main window when Trine was started at login.
pub fn minimize_if_started_at_login<R: Runtime>(app: &AppHandle<R>) {
    if std::env::args().any(|arg| arg == MINIMIZED) {
        if let Some(window) = app.get_webview_window("main") {
            let _ = window.minimize();
        }
    }
}

fn autostart_error(e: impl std::fmt::Display) -> CommandError {
    CommandError::new(
        "autostart",
        format!("the login entry could not be changed: {e}"),
    )
}

/// Whether Trine starts when the person logs in.
#[tauri::command(async)]
pub fn autostart_enabled<R: Runtime>(app: AppHandle<R>) -> Result<bool, CommandError> {
    app.autolaunch().is_enabled().map_err(autostart_error)
}

/// Turns starting at login on or off; returns whether it is on now.
#[tauri::command(async)]
pub fn set_autostart<R: Runtime>(app: AppHandle<R>, enabled: bool) -> Result<bool, CommandError> {
    let autostart = app.autolaunch();
    if enabled {
        autostart.enable().map_err(autostart_error)?;
    } else if autostart.is_enabled().map_err(autostart_error)? {
        autostart.disable().map_err(autostart_error)?;
    }
    autostart.is_enabled().map_err(autostart_error)
}
