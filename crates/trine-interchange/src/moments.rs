//! Dates and times as other journals and people's own scripts write them.
//!
//! A date and time may be RFC 3339 or close to it: with or without seconds
//! and their fractions, with `T` or a space between date and time, with an
//! offset (`+01:00`, `+0100`, `+01`), `Z`, or no offset at all. Without an
//! offset it is local time on this machine at that moment (as jrnl reads
//! its own file). A date alone is placed at noon, local time. Anything else
//! is refused with the accepted forms shown.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use trine_store::time::OffsetAt;

/// The forms of a date and time Trine reads, for messages.
pub const DATETIME_FORMS: &str =
    "a date and time like 2025-03-05T18:30 or 2025-03-05T18:30:00+01:00";
/// The form of a date Trine reads, for messages.
pub const DATE_FORMS: &str = "a date like 2025-03-05";

/// A moment as written in a file: with its offset, or in local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// With an offset from UTC (or `Z`).
    Fixed(DateTime<FixedOffset>),
    /// Without one: local time on this machine at that moment.
    Local(NaiveDateTime),
}

impl Moment {
    /// The moment with its offset: a local time takes this machine's
    /// offset at that time (`offset_at`).
    pub fn resolve(self, offset_at: OffsetAt<'_>) -> DateTime<FixedOffset> {
        match self {
            Moment::Fixed(moment) => moment,
            Moment::Local(local) => local
                .and_local_timezone(offset_at(local))
                .single()
                .expect("a fixed offset maps every local time once"),
        }
    }

    /// The date it falls on, where it was written.
    pub fn date(self) -> NaiveDate {
        match self {
            Moment::Fixed(moment) => moment.date_naive(),
            Moment::Local(local) => local.date(),
        }
    }
}

impl From<DateTime<FixedOffset>> for Moment {
    fn from(moment: DateTime<FixedOffset>) -> Self {
        Moment::Fixed(moment)
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Moment::Fixed(moment) => write!(f, "{}", moment.to_rfc3339()),
            Moment::Local(local) => write!(f, "{}", local.format("%Y-%m-%dT%H:%M:%S%.f")),
        }
    }
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            // As chrono writes it, so that exports do not change.
            Moment::Fixed(moment) => moment.serialize(serializer),
            Moment::Local(_) => serializer.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer).map_err(|_| {
            serde::de::Error::custom(format!("expected {DATETIME_FORMS}, in quotes"))
        })?;
        read_moment(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("{text:?}: expected {DATETIME_FORMS}")))
    }
}

/// A date (`YYYY-MM-DD`) read from a file, refused in Trine's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(pub NaiveDate);

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)
            .map_err(|_| serde::de::Error::custom(format!("expected {DATE_FORMS}, in quotes")))?;
        read_date(&text)
            .map(Day)
            .ok_or_else(|| serde::de::Error::custom(format!("{text:?}: expected {DATE_FORMS}")))
    }
}

/// Reads a date, `YYYY-MM-DD` (surrounding spaces allowed).
pub fn read_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Reads a date and time in any of the forms in the module's notes.
pub fn read_moment(text: &str) -> Option<Moment> {
    let t = text.trim();
    let split = t.find(['T', 't', ' '])?;
    let date = read_date(&t[..split])?;
    let rest = t[split + 1..].trim_start();
    let (clock, zone) = split_zone(rest)?;
    let time = NaiveTime::parse_from_str(clock, "%H:%M:%S%.f")
        .or_else(|_| NaiveTime::parse_from_str(clock, "%H:%M"))
        .ok()?;
    let local = date.and_time(time);
    match zone {
        None => Some(Moment::Local(local)),
        Some(offset) => local.and_local_timezone(offset).single().map(Moment::Fixed),
    }
}

/// A moment, or a date alone placed at noon local time.
pub fn read_moment_or_date(text: &str) -> Option<Moment> {
    read_moment(text).or_else(|| read_date(text).map(|d| Moment::Local(d.and_time(noon()))))
}

/// Noon, where a date alone is placed.
pub fn noon() -> NaiveTime {
    NaiveTime::from_hms_opt(12, 0, 0).expect("noon exists")
}

/// Splits `18:30:00+01:00` into the clock and its offset (none when the
/// text has no zone).
fn split_zone(rest: &str) -> Option<(&str, Option<FixedOffset>)> {
    let rest = rest.trim_end();
    if let Some(clock) = rest.strip_suffix(['Z', 'z']) {
        return Some((clock.trim_end(), Some(FixedOffset::east_opt(0)?)));
    }
    match rest.rfind(['+', '-']) {
        None => Some((rest, None)),
        Some(at) => {
            let sign = if rest.as_bytes()[at] == b'-' { -1 } else { 1 };
            let zone = rest[at + 1..].trim();
            let digits: String = zone.chars().filter(|c| *c != ':').collect();
            if !digits.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let (hours, minutes) = match digits.len() {
                2 => (digits.parse::<i32>().ok()?, 0),
                4 => (
                    digits[..2].parse::<i32>().ok()?,
                    digits[2..].parse::<i32>().ok()?,
                ),
                _ => return None,
            };
            if hours > 23 || minutes > 59 {
                return None;
            }
            let offset = FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))?;
            Some((rest[..at].trim_end(), Some(offset)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn local(text: &str) -> Moment {
        Moment::Local(NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").unwrap())
    }

    #[test]
    fn the_forms_people_and_scripts_write_are_read() {
        let cases: &[(&str, Moment)] = &[
            ("2025-03-05T18:30", local("2025-03-05T18:30:00")),
            ("2025-03-05 18:30", local("2025-03-05T18:30:00")),
            ("2025-03-05T18:30:05", local("2025-03-05T18:30:05")),
            (" 2025-03-05 18:30:05 ", local("2025-03-05T18:30:05")),
            (
                "2025-03-05T18:30:00+01:00",
                fixed("2025-03-05T18:30:00+01:00").into(),
            ),
            (
                "2025-03-05T18:30+01:00",
                fixed("2025-03-05T18:30:00+01:00").into(),
            ),
            (
                "2025-03-05 18:30:00+0100",
                fixed("2025-03-05T18:30:00+01:00").into(),
            ),
            (
                "2025-03-05T18:30:00-05",
                fixed("2025-03-05T18:30:00-05:00").into(),
            ),
            ("2025-03-05T18:30Z", fixed("2025-03-05T18:30:00Z").into()),
            ("2025-03-05t18:30:00z", fixed("2025-03-05T18:30:00Z").into()),
            (
                "2025-03-05T18:30:00.123456+01:00",
                fixed("2025-03-05T18:30:00.123456+01:00").into(),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(read_moment(text), Some(*want), "{text}");
        }
        assert_eq!(
            read_moment_or_date("2025-03-05"),
            Some(local("2025-03-05T12:00:00")),
            "a date alone is noon"
        );
    }

    #[test]
    fn other_forms_are_refused() {
        for text in [
            "05/03/2025",
            "2025-03-05",
            "2025-3-5 7pm",
            "2025-03-05T25:00",
            "2025-02-30T10:00",
            "2025-03-05T18:30+25:00",
            "2025-03-05T18:30 CET",
            "yesterday",
            "",
        ] {
            assert_eq!(read_moment(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_local_time_takes_the_offset_of_its_moment() {
        let summer = |_: NaiveDateTime| FixedOffset::east_opt(7200).unwrap();
        let moment = read_moment("2025-07-01T09:00").unwrap();
        assert_eq!(moment.resolve(&summer), fixed("2025-07-01T09:00:00+02:00"));
    }

    #[test]
    fn refusals_say_what_was_expected_in_trines_words() {
        let err = serde_json::from_str::<Moment>("\"05/03/2025\"").unwrap_err();
        let text = err.to_string();
        assert!(
            text.starts_with(
                "\"05/03/2025\": expected a date and time like 2025-03-05T18:30 or 2025-03-05T18:30:00+01:00"
            ),
            "{text}"
        );
        let err = serde_json::from_str::<Moment>("20250305").unwrap_err();
        assert!(
            err.to_string().starts_with("expected a date and time like"),
            "{err}"
        );
    }
}
