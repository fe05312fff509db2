//! The weekly reminder while the app runs: a thread looks every few
//! seconds whether a reminder is owed, shows it as a desktop notification,
//! and records it so that it is shown once a week.
//!
//! While the journal is open the thread reads a fresh [`ReminderPlan`]
//! from it each time; while an encrypted journal is locked it goes on with
//! the last plan it read, so the reminder still comes (it says nothing of
//! what the journal holds). A reminder shown while locked is recorded in
//! the journal at the next look after it is unlocked.

use std::time::Duration;
use trine_app::prelude::*;

use chrono::NaiveDate;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;
use trine_app::reminder::ReminderPlan;

use crate::JournalState;

/// How often the reminder thread looks.
const CHECK_EVERY: Duration = Duration::from_secs(5);

/// Starts the reminder thread.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    let spawned = std::thread::Builder::new()
        .name("reminders".into())
        .spawn(move || {
            let mut looker = Looker::default();
            loop {
                looker.look(&app);
                std::thread::sleep(CHECK_EVERY);
            }
        });
    if let Err(e) = spawned {
        eprintln!("trine: the weekly reminder could not start: {e}");
    }
}

/// What the reminder thread remembers between looks.
#[derive(Default)]
struct Looker {
    /// The plan last read from the open journal.
    plan: Option<ReminderPlan>,
    /// A week reminded while the journal was locked, not yet recorded in it.
    unrecorded: Option<NaiveDate>,
    /// Whether the week was due at the last look, to tell the page when
    /// that changes (the mark on "This week" in the bar).
    overdue: Option<bool>,
}

impl Looker {
    fn look<R: Runtime>(&mut self, app: &AppHandle<R>) {
        let journal = app.state::<JournalState>();
        let now = trine_app::clock::now().naive_local();
        let unrecorded = self.unrecorded;
        let read = journal.with(|j| {
            if let Some(week) = unrecorded {
                j.mark_reminded(week)?;
            }
            j.reminder_plan(now)
        });
        match read {
            Ok(plan) => {
                self.plan = Some(plan);
                self.unrecorded = None;
            }
            Err(e) if e.code == "locked" => {}
            Err(e) => eprintln!("trine: could not check the weekly reminder: {e}"),
        }
        let Some(plan) = self.plan.as_mut() else {
            return;
        };
        let overdue = plan.overdue(now);
        if self.overdue != Some(overdue) {
            self.overdue = Some(overdue);
            tell_page_due_changed(app);
        }
        let Some(reminder) = plan.due(now) else {
            return;
        };
        let shown = app
            .notification()
            .builder()
            .title(reminder.title)
            .body(reminder.body)
            .show();
        if let Err(e) = shown {
            // No notification service (no desktop session): try again later.
            eprintln!("trine: the weekly reminder could not be shown: {e}");
            return;
        }
        plan.reminded(reminder.week_start);
        match journal.with(|j| j.mark_reminded(reminder.week_start)) {
            Ok(()) => {}
            Err(e) if e.code == "locked" => self.unrecorded = Some(reminder.week_start),
            Err(e) => eprintln!("trine: could not record the reminder: {e}"),
        }
    }
}

/// Asks the page to show afresh whether the week is due: the reminder time
/// can pass while the app is open on any screen.
fn tell_page_due_changed<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        // Before the page has loaded there is nothing to tell; it asks
        // for itself as it starts.
        let _ = window.eval("window.__trineRefreshDue?.()");
    }
}
