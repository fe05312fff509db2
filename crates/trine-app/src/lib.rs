//! # trine-app
//!
//! Trine's application layer: what the desktop app (`src-tauri`) and the
//! `trine` CLI share, so that the two front ends always agree. Screen and
//! report models ([`views`], [`looking_back`], [`insights`], the reminder
//! plan in [`reminder`]), the settings the Settings screen edits
//! ([`app_settings`]), and the use cases that join the crates below it:
//! an export whose report carries charts ([`export`]).
//!
//! Below it: `trine-interchange` (file formats) and `trine-charts` (SVG),
//! both over `trine-store` (the journal and every transaction). The front
//! ends depend on this crate only; it re-exports what they need of the
//! others. See ARCHITECTURE.md.

#![warn(missing_docs)]

pub mod app_settings;
pub mod backups;
pub mod change;
pub mod checkin_nudge;
pub mod checkin_trends;
pub mod clock;
pub mod export;
pub mod insights;
pub mod looking_back;
pub mod prompt_library;
pub mod reminder;
pub mod restoring;
mod seeded;
pub mod situations;
pub mod tag_difference;
pub mod themes;
pub mod views;

#[cfg(test)]
mod synthetic;
#[cfg(test)]
mod tests_export;
#[cfg(test)]
mod tests_report_preview;
#[cfg(test)]
mod tests_report_terms;

pub use trine_charts as charts;
pub use trine_interchange as interchange;
pub use trine_interchange::render;
pub use trine_store::{
    atomic, backup, before_unlock, error, figure, library, model, paths, rotation, store, time,
    week, write_target,
};
pub use trine_store::{
    Entry, EntryEdit, EntryKind, Error, Fix, FollowUp, ImportError, Journal, ListQuery, Location,
    NewEntry, OpenError, Rating, Ratings, Result, Section, Side, Situation, StorageError,
    ValidationError, ALL_FIXES,
};

/// The extension traits that give [`Journal`] its application methods
/// (screens, exports, insights, charts): `use trine_app::prelude::*;`.
pub mod prelude {
    pub use crate::app_settings::SettingsStore;
    pub use crate::checkin_trends::CheckinTrends;
    pub use crate::export::ExportReports;
    pub use crate::insights::JournalInsights;
    pub use crate::looking_back::LookingBack;
    pub use crate::prompt_library::PromptLibrary;
    pub use crate::reminder::Reminders;
    pub use crate::views::Screens;
    pub use trine_charts::{CalendarCharts, CheckinHistoryCharts, RatingsCharts, TriangleCharts};
    pub use trine_interchange::{JournalDocuments, Selections};
}
