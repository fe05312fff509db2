//! Timestamps as the journal stores them.
//!
//! Times are kept as UTC text that sorts correctly, plus the writer's UTC
//! offset in seconds, so an entry written at 23:30 in Lisbon still shows as
//! written at 23:30 on that day wherever it is read. Sub-second precision is
//! kept to the microsecond.

use chrono::{DateTime, FixedOffset, Local, NaiveDateTime, SubsecRound, Utc};

/// The environment variable that sets the clock: a local time such as
/// `2026-11-27T15:59:30`. The clock starts there when the program starts,
/// and runs on from it. For tests and demonstrations (a reminder that is
/// due in a minute); unset, the clock is the computer's.
pub const CLOCK_VARIABLE: &str = "TRINE_NOW";

/// How far the clock is set from the computer's, from [`CLOCK_VARIABLE`].
fn clock_shift() -> chrono::Duration {
    static SHIFT: std::sync::OnceLock<chrono::Duration> = std::sync::OnceLock::new();
    *SHIFT.get_or_init(|| {
        let Ok(text) = std::env::var(CLOCK_VARIABLE) else {
            return chrono::Duration::zero();
        };
        let start = ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
            .iter()
            .find_map(|format| NaiveDateTime::parse_from_str(&text, format).ok())
            .and_then(|naive| naive.and_local_timezone(Local).earliest());
        match start {
            Some(start) => start.signed_duration_since(Local::now()),
            None => {
                eprintln!(
                    "trine: {CLOCK_VARIABLE}={text:?} is not a local time like 2026-11-27T15:59:30; using the computer's clock"
                );
                chrono::Duration::zero()
            }
        }
    })
}

/// The current local time, to the microsecond (see [`CLOCK_VARIABLE`]).
pub fn now() -> DateTime<FixedOffset> {
    (Local::now() + clock_shift())
        .fixed_offset()
        .trunc_subsecs(6)
}

/// The UTC text stored for `time`: `2026-11-24T13:05:00.000000Z`.
pub(crate) fn utc_text(time: &DateTime<FixedOffset>) -> String {
    time.with_timezone(&Utc)
        .format("%Y-%m-%dT%H:%M:%S%.6fZ")
        .to_string()
}

/// Rebuilds a time from its stored UTC text and offset.
pub(crate) fn from_stored(utc: &str, offset_seconds: i32) -> Result<DateTime<FixedOffset>, String> {
    let naive = NaiveDateTime::parse_from_str(utc, "%Y-%m-%dT%H:%M:%S%.fZ")
        .map_err(|e| format!("bad stored time {utc:?}: {e}"))?;
    let offset = FixedOffset::east_opt(offset_seconds)
        .ok_or_else(|| format!("bad stored UTC offset {offset_seconds}"))?;
    Ok(naive.and_utc().with_timezone(&offset))
}

/// Gives the UTC offset to use for a local wall-clock time that a file
/// records without one (a bare date, a jrnl timestamp).
pub type OffsetAt<'a> = &'a dyn Fn(NaiveDateTime) -> FixedOffset;

/// The offset of this machine's time zone at `local`, taking daylight
/// saving into account. For a time skipped by a clock change, the offset
/// just before the change.
pub fn local_offset_at(local: NaiveDateTime) -> FixedOffset {
    use chrono::{Offset, TimeZone};
    match Local.offset_from_local_datetime(&local) {
        chrono::LocalResult::Single(o) | chrono::LocalResult::Ambiguous(o, _) => o.fix(),
        chrono::LocalResult::None => Local.offset_from_utc_datetime(&local).fix(),
    }
}

/// Trims a time to the precision the journal keeps.
pub(crate) fn normalize(time: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    time.trunc_subsecs(6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_times_keep_their_local_offset() {
        let t = DateTime::parse_from_rfc3339("2026-03-29T23:30:00.123456+01:00").unwrap();
        let text = utc_text(&t);
        assert_eq!(text, "2026-03-29T22:30:00.123456Z");
        let back = from_stored(&text, t.offset().local_minus_utc()).unwrap();
        assert_eq!(back, t);
        assert_eq!(back.to_rfc3339(), "2026-03-29T23:30:00.123456+01:00");
        assert!(from_stored("yesterday", 0).is_err());
    }
}
