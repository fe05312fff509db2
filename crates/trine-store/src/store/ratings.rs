//! The weekly rating series: per week, the mean of each rating over that
//! week's rated entries, with how many entries it rests on.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rusqlite::params;
use serde::Serialize;

use super::Journal;
use crate::error::{Error, Result};

/// A mean and the number of values it is built from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RatingMean {
    /// The mean value, 1 to 10.
    pub mean: f64,
    /// How many ratings went into it.
    pub count: u32,
}

/// One week of the rating series. A rating no entry of the week carries is
/// `None`: a gap, never a zero.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekRatings {
    /// The first day of the week.
    pub week_start: NaiveDate,
    /// How seen I felt, on average.
    pub seen: Option<RatingMean>,
    /// How known I felt, on average.
    pub known: Option<RatingMean>,
    /// How valued I felt, on average.
    pub valued: Option<RatingMean>,
    /// How confident I felt in my direction, on average (the optional
    /// fourth rating).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confident: Option<RatingMean>,
    /// Entries of the week with at least one rating.
    pub rated_entries: u32,
}

impl Journal {
    /// The weekly rating series, oldest week first, for weeks starting in
    /// `from..=to` (either end open). Weeks without ratings are left out;
    /// callers draw them as gaps.
    pub fn weekly_ratings(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<WeekRatings>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT week_start, avg(seen), count(seen), avg(known), count(known), avg(valued), count(valued), count(*), \
             avg(confident), count(confident) \
             FROM entries \
             WHERE deleted_utc IS NULL \
               AND (seen IS NOT NULL OR known IS NOT NULL OR valued IS NOT NULL OR confident IS NOT NULL) \
               AND (?1 IS NULL OR week_start >= ?1) AND (?2 IS NULL OR week_start <= ?2) \
             GROUP BY week_start ORDER BY week_start",
        )?;
        let mean = |avg: Option<f64>, count: u32| avg.map(|mean| RatingMean { mean, count });
        let rows = stmt.query_map(
            params![from.map(|d| d.to_string()), to.map(|d| d.to_string())],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    mean(r.get(1)?, r.get(2)?),
                    mean(r.get(3)?, r.get(4)?),
                    mean(r.get(5)?, r.get(6)?),
                    r.get::<_, u32>(7)?,
                    mean(r.get(8)?, r.get(9)?),
                ))
            },
        )?;
        rows.map(|row| {
            let (week, seen, known, valued, rated_entries, confident) = row?;
            Ok(WeekRatings {
                week_start: NaiveDate::parse_from_str(&week, "%Y-%m-%d")
                    .map_err(|e| Error::Corrupt(format!("week {week:?}: {e}")))?,
                seen,
                known,
                valued,
                confident,
                rated_entries,
            })
        })
        .collect()
    }
}

impl Journal {
    /// The tags carried by live entries of each week starting in `from..=to`.
    pub fn tags_by_week(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<BTreeMap<NaiveDate, BTreeSet<String>>> {
        let mut stmt = self.conn.prepare_cached(
            // From the tags' own index of live entries' weeks, never the
            // entries' rows.
            "SELECT DISTINCT week_start, tag FROM entry_tags \
             WHERE live = 1 AND (?1 IS NULL OR week_start >= ?1) AND (?2 IS NULL OR week_start <= ?2)",
        )?;
        let mut rows = stmt.query(rusqlite::params![
            from.map(|d| d.to_string()),
            to.map(|d| d.to_string())
        ])?;
        // Rows come week by week (the index's order): a week's date is read
        // once, and a tag already in its set is not copied again.
        let mut map: BTreeMap<NaiveDate, BTreeSet<String>> = BTreeMap::new();
        let mut current: Option<(String, NaiveDate)> = None;
        while let Some(row) = rows.next()? {
            let text_at = |i: usize| -> Result<&str> {
                row.get_ref(i)?
                    .as_str()
                    .map_err(|e| Error::Corrupt(format!("a week or tag is not text: {e}")))
            };
            let week_text = text_at(0)?;
            let week = match &current {
                Some((text, date)) if text == week_text => *date,
                _ => {
                    let date = NaiveDate::parse_from_str(week_text, "%Y-%m-%d")
                        .map_err(|e| Error::Corrupt(format!("week {week_text:?}: {e}")))?;
                    current = Some((week_text.to_string(), date));
                    date
                }
            };
            let tag = text_at(1)?;
            let set = map.entry(week).or_default();
            if !set.contains(tag) {
                set.insert(tag.to_string());
            }
        }
        Ok(map)
    }
}
