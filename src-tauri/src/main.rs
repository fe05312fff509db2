//! The `trine-desktop` binary: starts the Tauri shell in [`trine_desktop`].

// Without this, a release build on Windows opens a console window beside the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    trine_desktop::run();
}
