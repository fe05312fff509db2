//! The app's clock and its weeks, the same for both front ends: now and
//! today on the clock (`TRINE_NOW` sets it, for tests and demonstrations),
//! the week a date falls in by the journal's first day, and the week a
//! person names.

use chrono::{DateTime, FixedOffset, NaiveDate};
use trine_store::week::parse_week;
use trine_store::{Journal, Result};

/// Now, with this machine's offset (or the clock `TRINE_NOW` set).
pub fn now() -> DateTime<FixedOffset> {
    trine_store::time::now()
}

/// Today's date on the clock.
pub fn today() -> NaiveDate {
    now().date_naive()
}

/// The first day of the week `date` falls in, by the journal's setting.
pub fn week_of(journal: &Journal, date: NaiveDate) -> Result<NaiveDate> {
    Ok(journal.settings()?.first_day.week_start(date))
}

/// The week of today.
pub fn this_week(journal: &Journal) -> Result<NaiveDate> {
    week_of(journal, today())
}

/// The week a person named in `field` (a date in it, `2026-W48`, or words
/// such as "last week"), or this week when nothing was named.
pub fn week_named(journal: &Journal, field: &'static str, text: Option<&str>) -> Result<NaiveDate> {
    match text {
        Some(text) => Ok(parse_week(field, text, journal.settings()?.first_day)?),
        None => this_week(journal),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_week_starts_on_the_journals_first_day() {
        let mut journal = Journal::open_in_memory().unwrap();
        let wed = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        assert_eq!(
            week_of(&journal, wed).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
        );
        journal.set_setting("week.first_day", "sunday").unwrap();
        assert_eq!(
            week_named(&journal, "--week", Some("2026-11-25")).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
        );
        assert_eq!(
            week_named(&journal, "--week", None).unwrap(),
            this_week(&journal).unwrap()
        );
        let err = week_named(&journal, "--week", Some("someday")).unwrap_err();
        assert!(err.to_string().contains("--week"), "{err}");
    }
}
