//! Insights as numbers: how the ratings moved, quarter by quarter, which way
//! they trend, the best and worst weeks, and what went with tagged weeks.
//!
//! Every figure says how many weeks it rests on, and a figure built on too
//! few weeks is not given at all: it is [`Figure::NotEnoughData`].

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use trine_store::error::Result;
use trine_store::store::{Journal, WeekRatings};

/// Weeks a quarter's averages need.
pub const MIN_QUARTER_WEEKS: u32 = 3;
/// Weeks a trend needs.
pub const MIN_TREND_WEEKS: u32 = 6;
/// Rated weeks a tag needs, with it and without it, to be compared.
pub const MIN_TAG_WEEKS: u32 = 4;
/// Rated weeks needed before naming best and hardest weeks: with fewer,
/// the same few weeks would be both.
pub const MIN_BEST_WEEKS: usize = 8;

/// A number with the weeks it rests on, or a plain "not enough data".
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Figure {
    /// The value and how many weeks it rests on.
    Value {
        /// The number.
        value: f64,
        /// Weeks behind it.
        weeks: u32,
    },
    /// Too few weeks to say anything.
    NotEnoughData {
        /// Weeks there were.
        weeks: u32,
    },
}

impl Figure {
    fn from(values: &[f64], min_weeks: u32, f: impl Fn(&[f64]) -> f64) -> Figure {
        let weeks = values.len() as u32;
        if weeks < min_weeks {
            Figure::NotEnoughData { weeks }
        } else {
            Figure::Value {
                value: f(values),
                weeks,
            }
        }
    }

    /// The value, if there is one.
    pub fn value(&self) -> Option<f64> {
        match self {
            Figure::Value { value, .. } => Some(*value),
            Figure::NotEnoughData { .. } => None,
        }
    }

    /// "6.4 (12 weeks)" or "not enough data (2 weeks)".
    pub fn describe(&self, decimals: usize) -> String {
        match self {
            Figure::Value { value, weeks } => {
                format!("{value:.decimals$} ({})", weeks_text(*weeks))
            }
            Figure::NotEnoughData { weeks } => format!("not enough data ({})", weeks_text(*weeks)),
        }
    }
}

fn weeks_text(n: u32) -> String {
    if n == 1 {
        "1 week".into()
    } else {
        format!("{n} weeks")
    }
}

/// The three ratings side by side.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Three {
    /// How seen.
    pub seen: Figure,
    /// How known.
    pub known: Figure,
    /// How valued.
    pub valued: Figure,
}

/// One quarter's average ratings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quarter {
    /// Like `2026-Q3`.
    pub label: String,
    /// The averages of the quarter's weekly values.
    pub averages: Three,
}

/// One week's overall value: the mean of its three ratings' means.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WeekScore {
    /// The week's first day.
    pub week_start: NaiveDate,
    /// The mean of the week's rating means.
    pub score: f64,
}

/// How weeks with a tag compare with weeks without it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TagComparison {
    /// The tag.
    pub tag: String,
    /// Averages over rated weeks with an entry carrying the tag.
    pub with: Three,
    /// Averages over rated weeks without one.
    pub without: Three,
    /// For each rating, whether the tag's weeks stand apart from the
    /// others beyond the week-to-week noise, with the weeks counted.
    pub differences: TagDifferences,
}

/// A tag's weeks against the others, rating by rating.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TagDifferences {
    /// How seen.
    pub seen: crate::tag_difference::RatingDifference,
    /// How known.
    pub known: crate::tag_difference::RatingDifference,
    /// How valued.
    pub valued: crate::tag_difference::RatingDifference,
}

/// All the insights for a range of weeks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Insights {
    /// Rated weeks in the range.
    pub rated_weeks: u32,
    /// Average ratings per calendar quarter, oldest first.
    pub quarters: Vec<Quarter>,
    /// Change per month of each rating (least-squares slope), kept for
    /// scripts; the screens and reports say [`Insights::changes`] instead.
    pub trend_per_month: Three,
    /// For each rating, whether it really moved and since when.
    pub changes: crate::change::Changes,
    /// Up to three best weeks, best first (none with fewer than
    /// [`MIN_BEST_WEEKS`] rated weeks).
    pub best_weeks: Vec<WeekScore>,
    /// Up to three worst weeks, worst first, never one of the best.
    pub worst_weeks: Vec<WeekScore>,
    /// Tags carried in at least [`MIN_TAG_WEEKS`] rated weeks.
    pub tags: Vec<TagComparison>,
    /// The words and tags that go with the higher and the lower weeks.
    pub themes: crate::themes::Themes,
    /// What the numbers say, in sentences, for the screens, the CLI and
    /// the coach report: change and not slopes, differences only where
    /// they stand out.
    pub summary: Vec<String>,
}

/// The insights in sentences.
fn summary(insights: &Insights) -> Vec<String> {
    if insights.rated_weeks == 0 {
        return Vec::new();
    }
    let mut lines = vec![if insights.rated_weeks == 1 {
        "1 rated week in this range.".to_string()
    } else {
        format!("{} rated weeks in this range.", insights.rated_weeks)
    }];
    let changes = &insights.changes;
    for (how, change) in [
        ("How seen you felt", Some(&changes.seen)),
        ("How known you felt", Some(&changes.known)),
        ("How valued you felt", Some(&changes.valued)),
        (
            "How confident you felt in your direction",
            changes.confident.as_ref(),
        ),
    ] {
        if let Some(change) = change {
            lines.push(crate::change::change_words(how, change));
        }
    }
    let weeks = |list: &[WeekScore]| {
        list.iter()
            .map(|w| format!("{} ({:.1})", w.week_start.format("%-d %B %Y"), w.score))
            .collect::<Vec<_>>()
            .join("; ")
    };
    if insights.best_weeks.is_empty() {
        lines.push(format!(
            "Best and hardest weeks: not enough rated weeks yet ({MIN_BEST_WEEKS} needed)."
        ));
    } else {
        lines.push(format!("Best weeks: {}.", weeks(&insights.best_weeks)));
        if !insights.worst_weeks.is_empty() {
            lines.push(format!("Hardest weeks: {}.", weeks(&insights.worst_weeks)));
        }
    }
    for tag in &insights.tags {
        let d = &tag.differences;
        lines.push(crate::tag_difference::difference_words(
            &tag.tag,
            &[("seen", d.seen), ("known", d.known), ("valued", d.valued)],
        ));
    }
    lines.push(crate::themes::themes_words(&insights.themes));
    lines
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// Values of one rating across weeks, with the weeks' dates.
fn series(weeks: &[&WeekRatings], pick: fn(&WeekRatings) -> Option<f64>) -> Vec<(NaiveDate, f64)> {
    weeks
        .iter()
        .filter_map(|w| pick(w).map(|v| (w.week_start, v)))
        .collect()
}

const PICKS: [fn(&WeekRatings) -> Option<f64>; 3] = [
    |w| w.seen.map(|m| m.mean),
    |w| w.known.map(|m| m.mean),
    |w| w.valued.map(|m| m.mean),
];

fn three(weeks: &[&WeekRatings], f: impl Fn(&[(NaiveDate, f64)]) -> Figure) -> Three {
    let [seen, known, valued] = PICKS.map(|pick| f(&series(weeks, pick)));
    Three {
        seen,
        known,
        valued,
    }
}

fn averages(weeks: &[&WeekRatings], min: u32) -> Three {
    three(weeks, |s| {
        let values: Vec<f64> = s.iter().map(|(_, v)| *v).collect();
        Figure::from(&values, min, mean)
    })
}

/// Least-squares slope of values over time, per month (365.25 / 12 days).
fn slope_per_month(points: &[(NaiveDate, f64)]) -> f64 {
    let origin = points[0].0;
    let xs: Vec<f64> = points
        .iter()
        .map(|(d, _)| (*d - origin).num_days() as f64)
        .collect();
    let ys: Vec<f64> = points.iter().map(|(_, v)| *v).collect();
    let (mx, my) = (mean(&xs), mean(&ys));
    let sxy: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let sxx: f64 = xs.iter().map(|x| (x - mx).powi(2)).sum();
    if sxx == 0.0 {
        0.0
    } else {
        sxy / sxx * 365.25 / 12.0
    }
}

/// The overall value of a week: the mean of whichever rating means it has.
pub fn week_score(week: &WeekRatings) -> Option<f64> {
    let values: Vec<f64> = PICKS.iter().filter_map(|pick| pick(week)).collect();
    (!values.is_empty()).then(|| mean(&values))
}

/// Computes the insights from a weekly rating series, each week's tags
/// and each week's terms; the confidence rating's verdict only when
/// `confident_on`.
pub fn compute(
    series_by_week: &[WeekRatings],
    tags_by_week: &BTreeMap<NaiveDate, BTreeSet<String>>,
    terms_by_week: &[trine_store::store::WeekTerms],
    confident_on: bool,
) -> Insights {
    let all: Vec<&WeekRatings> = series_by_week.iter().collect();
    let mut by_quarter: BTreeMap<(i32, u32), Vec<&WeekRatings>> = BTreeMap::new();
    for week in &all {
        let quarter = (
            week.week_start.year(),
            (week.week_start.month() - 1) / 3 + 1,
        );
        by_quarter.entry(quarter).or_default().push(week);
    }
    let quarters = by_quarter
        .into_iter()
        .map(|((year, q), weeks)| Quarter {
            label: format!("{year}-Q{q}"),
            averages: averages(&weeks, MIN_QUARTER_WEEKS),
        })
        .collect();
    let trend_per_month = three(&all, |s| {
        let weeks = s.len() as u32;
        if weeks < MIN_TREND_WEEKS {
            Figure::NotEnoughData { weeks }
        } else {
            Figure::Value {
                value: slope_per_month(s),
                weeks,
            }
        }
    });
    let mut scores: Vec<WeekScore> = all
        .iter()
        .filter_map(|w| {
            week_score(w).map(|score| WeekScore {
                week_start: w.week_start,
                score,
            })
        })
        .collect();
    scores.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.week_start.cmp(&b.week_start))
    });
    if scores.len() < MIN_BEST_WEEKS {
        scores.clear();
    }
    let best_weeks: Vec<WeekScore> = scores.iter().take(3).copied().collect();
    scores.sort_by(|a, b| {
        a.score
            .total_cmp(&b.score)
            .then(a.week_start.cmp(&b.week_start))
    });
    // A week is never both among the best and among the hardest.
    let worst_weeks = scores
        .iter()
        .filter(|w| !best_weeks.iter().any(|b| b.week_start == w.week_start))
        .take(3)
        .copied()
        .collect();

    let mut tag_names: BTreeSet<&String> = BTreeSet::new();
    for week in &all {
        if let Some(tags) = tags_by_week.get(&week.week_start) {
            tag_names.extend(tags);
        }
    }
    let has = |week: &WeekRatings, tag: &String| {
        tags_by_week
            .get(&week.week_start)
            .is_some_and(|t| t.contains(tag))
    };
    let tags = tag_names
        .into_iter()
        .filter_map(|tag| {
            let (with, without): (Vec<&WeekRatings>, Vec<&WeekRatings>) =
                all.iter().partition(|w| has(w, tag));
            (with.len() as u32 >= MIN_TAG_WEEKS).then(|| {
                let [seen, known, valued] = PICKS.map(|pick| {
                    let values = |weeks: &[&WeekRatings]| -> Vec<f64> {
                        weeks.iter().filter_map(|w| pick(w)).collect()
                    };
                    crate::tag_difference::compare(&values(&with), &values(&without), PICKS.len())
                });
                TagComparison {
                    tag: tag.clone(),
                    with: averages(&with, MIN_TAG_WEEKS),
                    without: averages(&without, MIN_TAG_WEEKS),
                    differences: TagDifferences {
                        seen,
                        known,
                        valued,
                    },
                }
            })
        })
        .collect();
    let mut insights = Insights {
        rated_weeks: all.len() as u32,
        quarters,
        trend_per_month,
        changes: crate::change::changes_of(series_by_week, confident_on),
        best_weeks,
        worst_weeks,
        tags,
        themes: crate::themes::themes(
            &series_by_week
                .iter()
                .filter_map(|w| week_score(w).map(|s| (w.week_start, s)))
                .collect::<Vec<_>>(),
            terms_by_week,
        ),
        summary: Vec::new(),
    };
    insights.summary = summary(&insights);
    insights
}

/// The insights of a journal's rated weeks.
pub trait JournalInsights {
    /// The insights for weeks starting in `from..=to` (either end open).
    /// Mutable: the weeks' term counts are brought up to date first.
    fn insights(&mut self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Insights>;
}

impl JournalInsights for Journal {
    fn insights(&mut self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Insights> {
        let series = self.weekly_ratings(from, to)?;
        let tags = self.tags_by_week(from, to)?;
        let terms = self.week_terms(from, to)?;
        Ok(compute(
            &series,
            &tags,
            &terms,
            self.settings()?.confident_rating,
        ))
    }
}

#[cfg(test)]
mod tests;
