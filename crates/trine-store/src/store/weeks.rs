//! The state of each week (done, partly done, missed...), the streak, and
//! the weeks and years a journal spans.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::Journal;
use crate::error::Result;
use crate::model::{Entry, Side};

/// Where a week's reflection stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WeekStatus {
    /// A week still to come.
    Upcoming,
    /// This week, not started.
    Due,
    /// Started but not finished: some sides or ratings are missing.
    PartlyDone,
    /// Every side answered or skipped, and all three ratings given.
    Done,
    /// A past week with no reflection; it can still be filled in.
    Missed,
}

impl WeekStatus {
    /// Plain words for the status.
    pub fn label(self) -> &'static str {
        match self {
            WeekStatus::Upcoming => "upcoming",
            WeekStatus::Due => "due",
            WeekStatus::PartlyDone => "partly done",
            WeekStatus::Done => "done",
            WeekStatus::Missed => "missed",
        }
    }
}

/// Whether a reflection is complete: every side answered or skipped (a
/// section with empty text is a skipped side) and all three ratings given.
pub fn is_complete(reflection: &Entry) -> bool {
    let r = reflection.ratings;
    Side::ALL
        .iter()
        .all(|side| reflection.section(*side).is_some())
        && r.seen.is_some()
        && r.known.is_some()
        && r.valued.is_some()
}

impl Journal {
    /// The status of the week starting `week`, seen from `today`.
    pub fn week_status(&self, week: NaiveDate, today: NaiveDate) -> Result<WeekStatus> {
        let reflection = self.reflection_for_week(week)?;
        Ok(status_of(reflection.as_ref(), week, today))
    }

    /// How many weeks in a row, up to this one, are done. This week counts
    /// once it is done; until then the streak runs to last week.
    pub fn streak(&self, today: NaiveDate) -> Result<u32> {
        let first = self.settings()?.first_day;
        self.streak_through(first.week_start(today))
    }

    /// The streak as it stood at the week starting `week`: done weeks in a
    /// row up to it (it counts if done; otherwise the run ends the week
    /// before). A past week shows its own streak, not today's.
    pub fn streak_through(&self, week: NaiveDate) -> Result<u32> {
        let mut week = week;
        let done = self.done_weeks()?;
        if !done.contains_key(&week) {
            week = week - Days::new(7);
        }
        let mut streak = 0;
        while done.contains_key(&week) {
            streak += 1;
            week = week - Days::new(7);
        }
        Ok(streak)
    }

    /// The status of every week from `from` to `to` (week starts), oldest
    /// first, seen from `today`, in the years that have an entry (and this
    /// year): a year without a word is left out, so that one mistyped date
    /// centuries away cannot stretch a calendar over every week between.
    pub fn week_statuses(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
    ) -> Result<Vec<(NaiveDate, WeekStatus)>> {
        let first = self.settings()?.first_day;
        let reflections = self.reflections_by_week()?;
        let mut years = self.years_with_entries()?;
        years.insert(today.year());
        let mut out = Vec::new();
        for week in weeks_in_years(first.week_start(from), to, &years) {
            out.push((week, status_of(reflections.get(&week), week, today)));
        }
        Ok(out)
    }

    /// The years in which a live entry is dated: one index seek per year
    /// (the earliest date from the start of the next year on), so a
    /// lifetime's journal is not read through.
    pub fn years_with_entries(&self) -> Result<std::collections::BTreeSet<i32>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT min(entry_date) FROM entries INDEXED BY entries_live_by_date \
             WHERE deleted_utc IS NULL AND entry_date >= ?1",
        )?;
        let mut years = std::collections::BTreeSet::new();
        let mut from = String::new();
        while let Some(date) = stmt.query_row([&from], |r| r.get::<_, Option<String>>(0))? {
            let Some(year) = date.get(..4).and_then(|y| y.parse::<i32>().ok()) else {
                break;
            };
            years.insert(year);
            // Dates are text: past year 9999 the next seek would sort
            // before it and find it again.
            if year >= 9999 {
                break;
            }
            from = format!("{:04}-01-01", year + 1);
        }
        Ok(years)
    }

    fn reflections_by_week(&self) -> Result<HashMap<NaiveDate, Entry>> {
        let reflections = self.list(&super::ListQuery {
            kind: Some(crate::model::EntryKind::Reflection),
            ..super::ListQuery::default()
        })?;
        Ok(reflections.into_iter().map(|e| (e.week_start, e)).collect())
    }

    fn done_weeks(&self) -> Result<HashMap<NaiveDate, Entry>> {
        let mut weeks = self.reflections_by_week()?;
        weeks.retain(|_, e| is_complete(e));
        Ok(weeks)
    }
}

fn status_of(reflection: Option<&Entry>, week: NaiveDate, today: NaiveDate) -> WeekStatus {
    let this_week = week <= today && today < week + Days::new(7);
    // A reflection emptied of everything counts as not started.
    let blank =
        |r: &Entry| r.sections.is_empty() && r.ratings.is_empty() && r.body.trim().is_empty();
    match reflection {
        Some(r) if is_complete(r) => WeekStatus::Done,
        Some(r) if !blank(r) => WeekStatus::PartlyDone,
        _ if week > today => WeekStatus::Upcoming,
        _ if this_week => WeekStatus::Due,
        _ => WeekStatus::Missed,
    }
}

/// The week starts from `first` to `last`, one every seven days, skipping
/// the years not in `years` (a week belongs to the year it starts in).
/// Bounded by the years given, whatever the span.
pub fn weeks_in_years(
    first: NaiveDate,
    last: NaiveDate,
    years: &std::collections::BTreeSet<i32>,
) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut week = first;
    for &year in years.range(first.year()..=last.year()) {
        let Some(start) = NaiveDate::from_ymd_opt(year, 1, 1) else {
            continue;
        };
        // Jump ahead to the first week starting in `year`.
        if week < start {
            let behind = (start - week).num_days();
            week = week + Days::new(((behind + 6) / 7 * 7) as u64);
        }
        while week.year() == year && week <= last {
            out.push(week);
            week = week + Days::new(7);
        }
    }
    out
}
