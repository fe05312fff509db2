//! Honest change: has a rating really moved, and since when?
//!
//! A person rates each week 1 to 10, and single weeks are noisy: a line
//! through them (a least-squares slope) reports "up by 0.1 a month" for
//! pure noise. Instead, Trine asks whether the weeks fall into a *before*
//! and an *after* whose levels differ by more than week-to-week noise
//! could explain, and says so only then.
//!
//! # Method
//!
//! Binary segmentation with a permutation test at each step, an approach
//! of the family surveyed by Truong, Oudre and Vayatis, "Selective review
//! of offline change point detection methods" (Signal Processing 167,
//! 2020), with the permutation test of a single change point as in
//! Antoch and Hušková, "Permutation tests in change point analysis"
//! (Statistics & Probability Letters 53, 2001):
//!
//! 1. Over the rated weeks in order, every split that leaves at least
//!    [`MIN_SEGMENT`] weeks on each side is scored by the standardised
//!    difference of means, `|mean(before) - mean(after)| * sqrt(k (n - k) / n)`.
//! 2. The largest score is compared with the largest score of the same
//!    weeks shuffled, [`PERMUTATIONS`] times. If the weeks had no change,
//!    any order would be as likely as the real one, so the share of
//!    shuffles that score at least as high is a p-value; a split counts
//!    when it is below [`ALPHA`]. This holds the false-alarm rate of a
//!    steady series at [`ALPHA`] whatever the shape of the noise.
//! 3. A split that counts divides the weeks, and each part is searched
//!    again, so a rating that rose and later fell shows both.
//! 4. The latest split is the latest real shift: the verdict is `up` or
//!    `down` by the levels before and after it, unless they differ by less
//!    than [`MIN_SHIFT`] points (too small to matter on a 1 to 10 scale,
//!    though a long steady journal could make it "significant"); without a
//!    split the rating is `steady`. Fewer than [`MIN_WEEKS`] rated weeks
//!    give `not enough data`.
//!
//! The shuffles are drawn from a generator seeded by the values, so the
//! same weeks always give the same verdict. STATISTICS.md records the
//! error rates measured on synthetic journals whose truth is known.

use chrono::NaiveDate;
use rand::seq::SliceRandom;
use serde::Serialize;

use crate::seeded::{bytes_of, fnv1a, generator, FNV_OFFSET};

/// Rated weeks needed before Trine says anything about change.
pub const MIN_WEEKS: usize = 8;
/// The fewest weeks on either side of a shift.
pub const MIN_SEGMENT: usize = 4;
/// How many shuffles test a split.
pub const PERMUTATIONS: usize = 999;
/// The false-alarm rate allowed for a steady series.
pub const ALPHA: f64 = 0.05;
/// The smallest shift in level, in points, worth calling up or down.
pub const MIN_SHIFT: f64 = 0.5;

/// Which way a rating has moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Verdict {
    /// Its level rose, and has held since.
    #[serde(rename = "up")]
    Up,
    /// Its level fell, and has held since.
    #[serde(rename = "down")]
    Down,
    /// No shift stands out from the week-to-week noise.
    #[serde(rename = "steady")]
    Steady,
    /// Too few rated weeks to tell.
    #[serde(rename = "not enough data")]
    NotEnoughData,
}

impl Verdict {
    /// The verdict as the JSON and the screens spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Up => "up",
            Verdict::Down => "down",
            Verdict::Steady => "steady",
            Verdict::NotEnoughData => "not enough data",
        }
    }
}

/// The honest-change verdict for one rating.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Change {
    /// Up, down, steady or not enough data.
    pub verdict: Verdict,
    /// The first day of the week the latest shift began (up or down only).
    pub since: Option<NaiveDate>,
    /// The level before the latest shift (up or down only).
    pub before: Option<f64>,
    /// The level since the latest shift; for a steady rating, its level
    /// over the whole range.
    pub after: Option<f64>,
    /// Rated weeks at the level before.
    pub weeks_before: usize,
    /// Rated weeks at the level after (all of them, when steady).
    pub weeks_after: usize,
    /// The first rated week at the level before (for drawing it).
    #[serde(skip)]
    pub before_from: Option<NaiveDate>,
    /// The last rated week (for drawing the level after).
    #[serde(skip)]
    pub after_to: Option<NaiveDate>,
}

impl Change {
    /// The levels to draw: `(from, to, level)` before the latest shift and
    /// after it, or the one steady level; none without enough data.
    pub fn levels(&self) -> Vec<(NaiveDate, NaiveDate, f64)> {
        let mut levels = Vec::new();
        if let (Some(from), Some(since), Some(before)) = (self.before_from, self.since, self.before)
        {
            levels.push((from, since - chrono::Days::new(7), before));
        }
        if let (Some(from), Some(to), Some(after)) =
            (self.since.or(self.before_from), self.after_to, self.after)
        {
            levels.push((from, to, after));
        }
        levels
    }
}

/// Finds the latest real shift in `series` (rated weeks, oldest first).
pub fn detect_change(series: &[(NaiveDate, f64)]) -> Change {
    let values: Vec<f64> = series.iter().map(|(_, v)| *v).collect();
    let n = values.len();
    if n < MIN_WEEKS {
        return Change {
            verdict: Verdict::NotEnoughData,
            since: None,
            before: None,
            after: None,
            weeks_before: 0,
            weeks_after: n,
            before_from: None,
            after_to: None,
        };
    }
    let mut rng = generator(fnv1a(FNV_OFFSET, bytes_of(&values)));
    let mut splits = Vec::new();
    find_splits(&values, 0, &mut splits, &mut rng);
    splits.sort_unstable();
    let steady = Change {
        verdict: Verdict::Steady,
        since: None,
        before: None,
        after: Some(mean(&values)),
        weeks_before: 0,
        weeks_after: n,
        // A steady level runs over every rated week.
        before_from: Some(series[0].0),
        after_to: Some(series[n - 1].0),
    };
    let Some(&last) = splits.last() else {
        return steady;
    };
    let start = splits.iter().rev().nth(1).copied().unwrap_or(0);
    let before = mean(&values[start..last]);
    let after = mean(&values[last..]);
    if (after - before).abs() < MIN_SHIFT {
        return steady;
    }
    Change {
        verdict: if after > before {
            Verdict::Up
        } else {
            Verdict::Down
        },
        since: Some(series[last].0),
        before: Some(before),
        after: Some(after),
        weeks_before: last - start,
        weeks_after: n - last,
        before_from: Some(series[start].0),
        after_to: Some(series[n - 1].0),
    }
}

/// Searches `values` (starting at `offset` in the whole series) for a
/// split that counts, and each side of it again; adds each to `splits`.
fn find_splits(
    values: &[f64],
    offset: usize,
    splits: &mut Vec<usize>,
    rng: &mut rand::rngs::StdRng,
) {
    let Some((at, score)) = best_split(values) else {
        return;
    };
    if !significant(values, score, rng) {
        return;
    }
    splits.push(offset + at);
    find_splits(&values[..at], offset, splits, rng);
    find_splits(&values[at..], offset + at, splits, rng);
}

/// The split of `values` with the largest standardised difference of
/// means, and that score; none when the weeks are too few to split.
fn best_split(values: &[f64]) -> Option<(usize, f64)> {
    let n = values.len();
    if n < 2 * MIN_SEGMENT {
        return None;
    }
    let total: f64 = values.iter().sum();
    let mut left = 0.0;
    let mut best: Option<(usize, f64)> = None;
    for (k, value) in values.iter().enumerate().take(n - MIN_SEGMENT) {
        left += value;
        let k = k + 1;
        if k < MIN_SEGMENT {
            continue;
        }
        let score = split_score(left, total, k, n);
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((k, score));
        }
    }
    best
}

/// `|mean(before) - mean(after)| * sqrt(k (n - k) / n)` from the sums.
fn split_score(left_sum: f64, total: f64, k: usize, n: usize) -> f64 {
    let (k, n) = (k as f64, n as f64);
    let difference = left_sum / k - (total - left_sum) / (n - k);
    difference.abs() * (k * (n - k) / n).sqrt()
}

/// Whether `observed` (the best split's score of `values`) stands out from
/// the best scores of the same values shuffled: a p-value below [`ALPHA`].
/// Stops as soon as enough shuffles match it that it cannot.
fn significant(values: &[f64], observed: f64, rng: &mut rand::rngs::StdRng) -> bool {
    let mut shuffled = values.to_vec();
    // p = (1 + at least as high) / (1 + shuffles) < ALPHA.
    let allowed = (ALPHA * (PERMUTATIONS + 1) as f64).ceil() as usize - 1;
    let mut as_high = 0;
    for _ in 0..PERMUTATIONS {
        shuffled.shuffle(rng);
        let best = best_split(&shuffled).map_or(0.0, |(_, s)| s);
        // A hair of tolerance: a shuffle equal to the real order counts.
        if best >= observed - 1e-9 {
            as_high += 1;
            if as_high >= allowed {
                return false;
            }
        }
    }
    true
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// The verdicts of each rating over a range of weeks.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Changes {
    /// How seen.
    pub seen: Change,
    /// How known.
    pub known: Change,
    /// How valued.
    pub valued: Change,
    /// How confident in my direction: only while that rating is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confident: Option<Change>,
}

/// The verdicts for the weekly series `weeks` (oldest first); the
/// confidence rating's only when `confident_on`.
pub fn changes_of(weeks: &[trine_store::store::WeekRatings], confident_on: bool) -> Changes {
    let of = |pick: fn(&trine_store::store::WeekRatings) -> Option<f64>| {
        let series: Vec<(NaiveDate, f64)> = weeks
            .iter()
            .filter_map(|w| pick(w).map(|v| (w.week_start, v)))
            .collect();
        detect_change(&series)
    };
    Changes {
        seen: of(|w| w.seen.map(|m| m.mean)),
        known: of(|w| w.known.map(|m| m.mean)),
        valued: of(|w| w.valued.map(|m| m.mean)),
        confident: confident_on.then(|| of(|w| w.confident.map(|m| m.mean))),
    }
}

/// "rose from about 5 to about 7 around the week of 9 March 2026; it has
/// held there since", or "has held steady", in words for one rating
/// (`how` is "How valued you felt").
pub fn change_words(how: &str, change: &Change) -> String {
    match change.verdict {
        Verdict::NotEnoughData => format!(
            "{how}: not enough weeks yet to tell whether it has changed ({} rated, {MIN_WEEKS} needed).",
            change.weeks_after
        ),
        Verdict::Steady => format!(
            "{how} has held steady at about {} over {} rated weeks; no shift stands out from the week-to-week ups and downs.",
            about(change.after.unwrap_or_default()),
            change.weeks_after
        ),
        Verdict::Up | Verdict::Down => format!(
            "{how} {} from about {} to about {} around the week of {}; it has held there since ({} rated weeks).",
            if change.verdict == Verdict::Up {
                "rose"
            } else {
                "fell"
            },
            about(change.before.unwrap_or_default()),
            about(change.after.unwrap_or_default()),
            change
                .since
                .map(|d| d.format("%-d %B %Y").to_string())
                .unwrap_or_default(),
            change.weeks_after
        ),
    }
}

/// A level as said aloud: whole, or with a half ("5", "6.5").
fn about(level: f64) -> String {
    let halves = (level * 2.0).round() / 2.0;
    if halves.fract() == 0.0 {
        format!("{halves:.0}")
    } else {
        format!("{halves:.1}")
    }
}

#[cfg(test)]
mod tests;
