//! Every screen of the app, for the tests that visit them all.

use crate::harness::Sandbox;

/// Every screen, by address, with what shows when it is ready; the
/// journal is onboarded and given a note, so that each screen has
/// something to show.
pub fn every_screen(sandbox: &Sandbox) -> Vec<(String, &'static str)> {
    sandbox.onboard();
    let id = sandbox
        .journal()
        .create(trine_core::NewEntry::note("A note", "Some *words*."))
        .unwrap()
        .id;
    vec![
        ("#/week?focus=none".to_string(), "#week-label"),
        ("#/journal".to_string(), "#entry-list .entry-item"),
        (format!("#/entry/{id}"), "#entry-body"),
        (format!("#/entry/{id}?edit=1"), "#note-body"),
        ("#/new".to_string(), "#note-title-input"),
        ("#/trends".to_string(), ".chart-ratings svg"),
        ("#/checkin".to_string(), "#checkin-save"),
        ("#/settings".to_string(), "#setting-path"),
        ("#/export".to_string(), "#export-preview .preview-main"),
        ("#/import".to_string(), "#import-choose"),
        ("#/backups".to_string(), "#backup-now"),
        ("#/help".to_string(), "#help-triangle"),
        ("#/welcome".to_string(), "#welcome-next"),
    ]
}
