//! `trine settings`.

use trine_app::clock::today;
use trine_app::{Journal, Result, Situation};

use crate::output::Printer;

/// What `trine settings` was asked to change, as typed.
#[derive(Debug, Default)]
pub struct SettingsChange {
    /// `--first-day`.
    pub first_day: Option<String>,
    /// `--situation`.
    pub situation: Option<String>,
    /// `--confident-rating on|off`.
    pub confident_rating: Option<String>,
}

/// `trine settings [--first-day DAY] [--situation KEY] [--confident-rating
/// on|off]`: shows the settings, changing those asked first (a situation
/// from today on).
pub fn settings(journal: &mut Journal, change: SettingsChange, out: &Printer) -> Result<()> {
    // All are read before any is written: a mistyped one changes nothing.
    let first_day = change.first_day.map(|day| day.parse()).transpose()?;
    let situation = change
        .situation
        .map(|key| key.parse::<Situation>())
        .transpose()?;
    let confident = change
        .confident_rating
        .map(|value| match value.trim().to_lowercase().as_str() {
            "on" => Ok(true),
            "off" => Ok(false),
            _ => Err(trine_app::ValidationError::BadChoice {
                field: "--confident-rating",
                value,
                expected: "on or off",
            }),
        })
        .transpose()?;
    if let Some(day) = first_day {
        journal.set_first_day(day)?;
    }
    if let Some(situation) = situation {
        journal.set_situation(situation, today())?;
    }
    if let Some(on) = confident {
        journal.set_confident_rating(on)?;
    }
    let settings = journal.settings()?;
    let now = journal.situation()?;
    if out.json {
        say!(
            "{}",
            serde_json::json!({
                "first_day": settings.first_day.as_str(),
                "situation": now.map(|s| s.situation.as_str()),
                "situation_since": now.map(|s| s.since.to_string()),
                "confident_rating": settings.confident_rating,
            })
        );
    } else {
        say!("Weeks start on: {}", settings.first_day);
        match now {
            Some(now) => say!(
                "Situation: {} (since {})",
                now.situation.label(),
                now.since.format("%-d %B %Y")
            ),
            None => say!("Situation: not said (trine settings --situation KEY)"),
        }
        say!(
            "Confidence rating: {}",
            if settings.confident_rating {
                "on (trine rate --confident N)"
            } else {
                "off (trine settings --confident-rating on)"
            }
        );
    }
    Ok(())
}
