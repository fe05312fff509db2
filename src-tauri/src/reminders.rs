//! The weekly reminder while the app runs: a thread looks every few
//! seconds whether the core says a reminder is owed, shows it as a desktop
//! notification, and records it so that it is shown once a week.
//!
//! A locked journal is not read, so no reminder is shown while it is
//! locked; the This week screen shows the week as due once it is unlocked.

use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

use crate::JournalState;

/// How often the reminder thread looks.
const CHECK_EVERY: Duration = Duration::from_secs(5);

/// Starts the reminder thread.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    let spawned = std::thread::Builder::new()
        .name("reminders".into())
        .spawn(move || loop {
            remind_if_owed(&app);
            std::thread::sleep(CHECK_EVERY);
        });
    if let Err(e) = spawned {
        eprintln!("trine: the weekly reminder could not start: {e}");
    }
}

fn remind_if_owed<R: Runtime>(app: &AppHandle<R>) {
    let journal = app.state::<JournalState>();
    let now = trine_core::time::now().naive_local();
    let owed = match journal.with(|j| j.reminder_due(now)) {
        Ok(owed) => owed,
        Err(e) if e.code == "locked" => return,
        Err(e) => {
            eprintln!("trine: could not check the weekly reminder: {e}");
            return;
        }
    };
    let Some(reminder) = owed else { return };
    let shown = app
        .notification()
        .builder()
        .title(reminder.title)
        .body(reminder.body)
        .show();
    match shown {
        Ok(()) => {
            if let Err(e) = journal.with(|j| j.mark_reminded(reminder.week_start)) {
                eprintln!("trine: could not record the reminder: {e}");
            }
        }
        // No notification service (no desktop session): try again later.
        Err(e) => eprintln!("trine: the weekly reminder could not be shown: {e}"),
    }
}
