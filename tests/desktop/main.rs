//! End-to-end tests of the desktop app, through WebDriver.
//!
//! These drive the real `trine-desktop` binary in its real WebKitGTK webview,
//! so they cover what only the window can show: that the page loads under
//! the CSP, reaches the shell over IPC and renders what the core returns,
//! that typing is saved (even when the app is killed), that the keyboard
//! reaches everything, and that user text stays inert. Everything below the
//! shell is tested without a window, in the core.
//!
//! How: `tauri-driver` (a WebDriver server that starts `WebKitWebDriver`)
//! launches the app; `fantoccini` talks to it. Each test gets its own HOME,
//! XDG folders and `TRINE_DATA_DIR` in a temporary folder, handed to
//! tauri-driver so that the app (and WebKit, which keeps files there)
//! inherits them, and nothing touches the real journal. Tests run one app at
//! a time, each on free ports, so two test runs on one machine do not clash.
//!
//! Needs a display and tauri-driver: run `scripts/setup.sh` once, then
//! `xvfb-run -a cargo test -p trine-desktop --test desktop`. Without them
//! each test says why it is skipped and passes, so a plain `cargo test`
//! never hangs; with `TRINE_REQUIRE_DESKTOP_E2E=1` it fails instead.
//!
//! Screenshots of every screen, light and dark, land in
//! `target/e2e-screenshots/<screen>-<theme>.png`.

mod driver;
mod file_dialog;
mod harness;
mod session_bus;
mod x_display;

mod accessibility;
mod basics;
mod coach_packet;
mod confidence;
mod everyday;
mod importing;
mod journal;
mod keyboard;
mod library;
mod privacy;
mod screens;
mod screenshots;
mod security;
mod settings_and_access;
mod this_week;
mod this_week_shown;
mod transfer;
mod trends_and_checkin;
