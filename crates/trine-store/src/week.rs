//! Weeks: which week a day belongs to, given the first day of the week.
//!
//! A week is named by the date of its first day. With Monday as the first
//! day (the default) weeks are ISO weeks and can also be written `2026-W48`.
//! Reflections store their week's start date, so changing the first day of
//! the week later never moves a saved reflection.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::error::ValidationError;

/// The day a week starts on. Monday by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FirstDay(pub Weekday);

impl Default for FirstDay {
    fn default() -> Self {
        FirstDay(Weekday::Mon)
    }
}

impl FirstDay {
    /// The first day of the week that contains `date`.
    pub fn week_start(self, date: NaiveDate) -> NaiveDate {
        let back = (7 + date.weekday().num_days_from_monday() - self.0.num_days_from_monday()) % 7;
        date - Days::new(u64::from(back))
    }

    /// The lower-case English name, as stored in settings.
    pub fn as_str(self) -> &'static str {
        match self.0 {
            Weekday::Mon => "monday",
            Weekday::Tue => "tuesday",
            Weekday::Wed => "wednesday",
            Weekday::Thu => "thursday",
            Weekday::Fri => "friday",
            Weekday::Sat => "saturday",
            Weekday::Sun => "sunday",
        }
    }
}

impl FromStr for FirstDay {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.trim()
            .parse::<Weekday>()
            .map(FirstDay)
            .map_err(|_| ValidationError::BadDate {
                field: "first day of the week",
                value: s.to_string(),
                expected: "day name (monday to sunday)",
            })
    }
}

impl fmt::Display for FirstDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Reads a date written `YYYY-MM-DD`; `field` names it in the error.
pub fn parse_date(field: &'static str, text: &str) -> Result<NaiveDate, ValidationError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| ValidationError::BadDate {
        field,
        value: text.to_string(),
        expected: "date (YYYY-MM-DD)",
    })
}

/// Reads a week as an ISO week (`2026-W48`) or as any date in it
/// (`2026-11-24`), and returns its first day under `first`.
pub fn parse_week(
    field: &'static str,
    text: &str,
    first: FirstDay,
) -> Result<NaiveDate, ValidationError> {
    let trimmed = text.trim();
    let bad = || ValidationError::BadDate {
        field,
        value: text.to_string(),
        expected: "week (2026-W48 or a date in the week, YYYY-MM-DD)",
    };
    if let Some((year, week)) = trimmed.split_once(['W', 'w']) {
        let year: i32 = year.trim_end_matches('-').parse().map_err(|_| bad())?;
        let week: u32 = week.parse().map_err(|_| bad())?;
        let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).ok_or_else(bad)?;
        return Ok(first.week_start(monday));
    }
    parse_date(field, trimmed)
        .map(|d| first.week_start(d))
        .map_err(|_| bad())
}

/// The ISO week label of a date, like `2026-W48`.
pub fn iso_week_label(date: NaiveDate) -> String {
    let week = date.iso_week();
    format!("{}-W{:02}", week.year(), week.week())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date("test", s).unwrap()
    }

    #[test]
    fn monday_weeks_are_iso_weeks() {
        let first = FirstDay::default();
        assert_eq!(first.week_start(d("2026-11-24")), d("2026-11-23"));
        assert_eq!(first.week_start(d("2026-11-23")), d("2026-11-23"));
        assert_eq!(first.week_start(d("2026-11-29")), d("2026-11-23"));
        // Across a year end: 1 January 2027 is a Friday in ISO week 2026-W53.
        assert_eq!(first.week_start(d("2027-01-01")), d("2026-12-28"));
        assert_eq!(iso_week_label(d("2027-01-01")), "2026-W53");
    }

    #[test]
    fn sunday_weeks_start_on_sunday() {
        let first: FirstDay = "sunday".parse().unwrap();
        assert_eq!(first.week_start(d("2026-11-24")), d("2026-11-22"));
        assert_eq!(first.week_start(d("2026-11-22")), d("2026-11-22"));
        assert_eq!(first.week_start(d("2026-11-21")), d("2026-11-15"));
    }

    #[test]
    fn weeks_parse_as_iso_labels_or_dates() {
        let first = FirstDay::default();
        assert_eq!(
            parse_week("week", "2026-W48", first).unwrap(),
            d("2026-11-23")
        );
        assert_eq!(
            parse_week("week", "2026-W53", first).unwrap(),
            d("2026-12-28")
        );
        assert_eq!(
            parse_week("week", "2026-11-26", first).unwrap(),
            d("2026-11-23")
        );
        let err = parse_week("--week", "2025-W53", first).unwrap_err();
        assert!(err.to_string().contains("--week"), "{err}");
        assert!(parse_week("week", "next week", first).is_err());
    }
}
