//! `trine settings`.

use trine_app::{Journal, Result};

use crate::output::Printer;

/// `trine settings [--first-day DAY]`: shows the settings, changing the
/// first day of the week first when asked.
pub fn settings(journal: &mut Journal, first_day: Option<String>, out: &Printer) -> Result<()> {
    if let Some(day) = first_day {
        journal.set_first_day(day.parse()?)?;
    }
    let settings = journal.settings()?;
    if out.json {
        say!(
            "{}",
            serde_json::json!({ "first_day": settings.first_day.as_str() })
        );
    } else {
        say!("Weeks start on: {}", settings.first_day);
    }
    Ok(())
}
