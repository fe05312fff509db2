//! Timestamps as the journal stores them.
//!
//! Times are kept as UTC text that sorts correctly, plus the writer's UTC
//! offset in seconds, so an entry written at 23:30 in Lisbon still shows as
//! written at 23:30 on that day wherever it is read. Sub-second precision is
//! kept to the microsecond.

use chrono::{DateTime, FixedOffset, Local, NaiveDateTime, SubsecRound, Utc};

/// The current local time, to the microsecond.
pub fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset().trunc_subsecs(6)
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
