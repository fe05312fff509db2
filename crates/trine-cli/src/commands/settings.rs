//! `trine settings`.

use trine_app::clock::today;
use trine_app::{Journal, Result, Situation};

use crate::output::Printer;

/// `trine settings [--first-day DAY] [--situation KEY]`: shows the
/// settings, changing those asked first (a situation from today on).
pub fn settings(
    journal: &mut Journal,
    first_day: Option<String>,
    situation: Option<String>,
    out: &Printer,
) -> Result<()> {
    // Both are read before either is written: a mistyped one changes nothing.
    let first_day = first_day.map(|day| day.parse()).transpose()?;
    let situation = situation.map(|key| key.parse::<Situation>()).transpose()?;
    if let Some(day) = first_day {
        journal.set_first_day(day)?;
    }
    if let Some(situation) = situation {
        journal.set_situation(situation, today())?;
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
    }
    Ok(())
}
