//! The settings the Settings screen edits (week start, reminder, theme,
//! first run, idle lock, backups to keep), all kept in the journal itself.

use serde::{Deserialize, Serialize};

use trine_store::error::{Result, ValidationError};
use trine_store::model::Situation;
use trine_store::store::Journal;

pub use trine_store::before_unlock::Theme;

/// The settings the Settings screen edits, all kept in the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppSettings {
    /// monday … sunday.
    pub first_day: String,
    /// The reminder's day, monday … sunday.
    pub reminder_day: String,
    /// The reminder's time, HH:MM.
    pub reminder_time: String,
    /// Whether the weekly reminder is shown as a desktop notification.
    #[serde(default = "default_true")]
    pub reminder_enabled: bool,
    /// Light, dark or system.
    pub theme: Theme,
    /// Whether the first-run introduction was completed.
    pub onboarded: bool,
    /// Lock the app after this many seconds without use (0: never). Only
    /// an encrypted journal can be locked.
    #[serde(default = "default_lock_after")]
    pub lock_after_seconds: u32,
    /// How many automatic and manual backups to keep.
    #[serde(default = "default_keep")]
    pub backups_to_keep: usize,
    /// Whether the journal is encrypted (shown, not saved: encryption is
    /// turned on and off with its passphrase).
    #[serde(default)]
    pub encrypted: bool,
    /// Where the person is in their working life, if they have said. A
    /// change is kept from today on, with the history before it.
    #[serde(default)]
    pub situation: Option<Situation>,
    /// Since when the situation has held (shown, not saved).
    #[serde(default)]
    pub situation_since: Option<chrono::NaiveDate>,
    /// Whether each week asks a fourth rating, how confident I felt in my
    /// direction. Saved only when changed, so the offer to a person in
    /// transition stays until they choose.
    #[serde(default)]
    pub confident_rating: bool,
}

fn default_true() -> bool {
    true
}

fn default_lock_after() -> u32 {
    DEFAULT_LOCK_AFTER_SECONDS
}

fn default_keep() -> usize {
    trine_store::backup::DEFAULT_KEEP
}

pub use trine_store::store::DEFAULT_LOCK_AFTER_SECONDS;

const REMINDER_DAY: &str = "reminder.day";
const REMINDER_TIME: &str = "reminder.time";
const REMINDER_ENABLED: &str = "reminder.enabled";
const THEME: &str = "ui.theme";
const ONBOARDED: &str = "ui.onboarded";
const LOCK_AFTER: &str = "privacy.lock_after_seconds";

/// Reading and writing the settings the Settings screen edits.
pub trait SettingsStore {
    /// The app's settings, with defaults: a reminder on Friday at 16:00,
    /// the system theme.
    fn app_settings(&self) -> Result<AppSettings>;

    /// Checks and saves the app's settings.
    fn save_app_settings(&mut self, settings: &AppSettings) -> Result<AppSettings>;
}

impl SettingsStore for Journal {
    fn app_settings(&self) -> Result<AppSettings> {
        let situation = self.situation()?;
        Ok(AppSettings {
            first_day: self.settings()?.first_day.to_string(),
            reminder_day: self
                .setting(REMINDER_DAY)?
                .unwrap_or_else(|| "friday".into()),
            reminder_time: self
                .setting(REMINDER_TIME)?
                .unwrap_or_else(|| "16:00".into()),
            reminder_enabled: self.setting(REMINDER_ENABLED)?.as_deref() != Some("no"),
            theme: match self.setting(THEME)?.as_deref() {
                Some("light") => Theme::Light,
                Some("dark") => Theme::Dark,
                _ => Theme::System,
            },
            onboarded: self.setting(ONBOARDED)?.as_deref() == Some("yes"),
            lock_after_seconds: self
                .setting(LOCK_AFTER)?
                .and_then(|v| v.parse().ok())
                .unwrap_or(DEFAULT_LOCK_AFTER_SECONDS),
            backups_to_keep: self.backups_to_keep()?,
            encrypted: self.is_encrypted(),
            situation: situation.map(|s| s.situation),
            situation_since: situation.map(|s| s.since),
            confident_rating: self.settings()?.confident_rating,
        })
    }

    fn save_app_settings(&mut self, settings: &AppSettings) -> Result<AppSettings> {
        let first: trine_store::week::FirstDay = settings.first_day.parse()?;
        let reminder: trine_store::week::FirstDay = settings.reminder_day.parse()?;
        chrono::NaiveTime::parse_from_str(&settings.reminder_time, "%H:%M").map_err(|_| {
            ValidationError::BadDate {
                field: "reminder time",
                value: settings.reminder_time.clone(),
                expected: "time of day (HH:MM, 24-hour)",
            }
        })?;
        self.set_first_day(first)?;
        self.set_setting(REMINDER_DAY, reminder.as_str())?;
        self.set_setting(REMINDER_TIME, &settings.reminder_time)?;
        self.set_setting(
            REMINDER_ENABLED,
            if settings.reminder_enabled {
                "yes"
            } else {
                "no"
            },
        )?;
        let theme = match settings.theme {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        };
        self.set_setting(THEME, theme)?;
        self.set_setting(ONBOARDED, if settings.onboarded { "yes" } else { "no" })?;
        self.set_setting(LOCK_AFTER, &settings.lock_after_seconds.to_string())?;
        self.set_backups_to_keep(settings.backups_to_keep)?;
        if self.settings()?.confident_rating != settings.confident_rating {
            self.set_confident_rating(settings.confident_rating)?;
        }
        if let Some(situation) = settings.situation {
            if self.situation()?.map(|s| s.situation) != Some(situation) {
                self.set_situation(situation, crate::clock::today())?;
            }
        }
        // The lock screen follows the theme too, before the journal can be
        // read: a mirror beside it. Only the look is at stake, so a mirror
        // that cannot be written leaves the journal's settings saved.
        if let Some(dir) = self.path().and_then(std::path::Path::parent) {
            let theme = settings.theme;
            let _ = trine_store::before_unlock::update(dir, |s| s.theme = theme);
        }
        self.app_settings()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_settings_have_defaults_and_are_checked() {
        let mut journal = Journal::open_in_memory().unwrap();
        let mut settings = journal.app_settings().unwrap();
        assert_eq!(
            (
                settings.first_day.as_str(),
                settings.reminder_day.as_str(),
                settings.reminder_time.as_str()
            ),
            ("monday", "friday", "16:00")
        );
        assert_eq!(settings.theme, Theme::System);
        assert!(!settings.onboarded);
        assert_eq!(settings.lock_after_seconds, DEFAULT_LOCK_AFTER_SECONDS);
        assert_eq!(settings.backups_to_keep, trine_store::backup::DEFAULT_KEEP);
        assert!(!settings.encrypted);
        assert!(settings.reminder_enabled, "reminders are on by default");
        settings.reminder_enabled = false;
        settings.lock_after_seconds = 60;
        settings.backups_to_keep = 4;
        settings.theme = Theme::Dark;
        settings.onboarded = true;
        settings.reminder_time = "09:30".into();
        assert_eq!(journal.save_app_settings(&settings).unwrap(), settings);
        settings.reminder_time = "25:00".into();
        let err = journal.save_app_settings(&settings).unwrap_err();
        assert!(err.to_string().contains("reminder time"), "{err}");
        assert_eq!(
            journal.app_settings().unwrap().reminder_time,
            "09:30",
            "nothing saved"
        );
    }

    #[test]
    fn the_situation_is_saved_from_today_and_shown_with_its_day() {
        let mut journal = Journal::open_in_memory().unwrap();
        let mut settings = journal.app_settings().unwrap();
        assert_eq!((settings.situation, settings.situation_since), (None, None));
        settings.situation = Some(Situation::Looking);
        let saved = journal.save_app_settings(&settings).unwrap();
        assert_eq!(saved.situation, Some(Situation::Looking));
        assert_eq!(saved.situation_since, Some(crate::clock::today()));
        // Saving the other settings again records no new change.
        journal.save_app_settings(&saved).unwrap();
        assert_eq!(journal.situation_history().unwrap().len(), 1);
        let json = serde_json::to_value(&saved).unwrap();
        assert_eq!(json["situation"], "looking");
    }
}
