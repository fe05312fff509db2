//! Seen, known and valued over the weeks, and confident where the person
//! rates it: small multiples, one panel per rating on one shared time axis
//! ([`crate::panels`]), the weekly values light and the level strong, with
//! a hover column per week that the page reads (its date, values and
//! entries) and opens.

use chrono::{Days, NaiveDate};

use super::{finish_svg, Chart, Table, CONFIDENT_RGB, KNOWN_RGB, SEEN_RGB, VALUED_RGB};
use trine_store::error::{Error, Result};
use trine_store::store::{Journal, WeekRatings};

/// What to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingsChartOptions {
    /// First week to show (a date in it); the first rated week when unset.
    pub from: Option<NaiveDate>,
    /// Last week to show (a date in it); the last rated week when unset.
    pub to: Option<NaiveDate>,
    /// Also draw a rolling average over this many weeks (4 is usual).
    pub rolling_weeks: Option<usize>,
    /// Mark the weeks with an entry carrying this tag on the time axis.
    pub tag: Option<String>,
    /// Size in pixels.
    pub size: (u32, u32),
    /// Levels to draw as wide bands, by rating name (`seen`, `known`,
    /// `valued`, `confident`): each `(from, to, level)` is a stretch of
    /// weeks at one level, as the honest-change analysis found them.
    pub levels: Vec<(String, Vec<Level>)>,
}

/// A stretch of weeks at one level: first week, last week, level.
pub type Level = (NaiveDate, NaiveDate, f64);

impl Default for RatingsChartOptions {
    fn default() -> Self {
        RatingsChartOptions {
            from: None,
            to: None,
            rolling_weeks: None,
            tag: None,
            size: (960, 440),
            levels: Vec::new(),
        }
    }
}

/// One rating's look: name and colour, and how to read it from a week.
struct Line {
    name: &'static str,
    rgb: (u8, u8, u8),
    pick: fn(&WeekRatings) -> Option<f64>,
}

const LINES: [Line; 3] = [
    Line {
        name: "seen",
        rgb: SEEN_RGB,
        pick: |w| w.seen.map(|m| m.mean),
    },
    Line {
        name: "known",
        rgb: KNOWN_RGB,
        pick: |w| w.known.map(|m| m.mean),
    },
    Line {
        name: "valued",
        rgb: VALUED_RGB,
        pick: |w| w.valued.map(|m| m.mean),
    },
];

/// The optional fourth rating, drawn only when some week has it.
const CONFIDENT: Line = Line {
    name: "confident",
    rgb: CONFIDENT_RGB,
    pick: |w| w.confident.map(|m| m.mean),
};

/// The lines to draw for `series`: seen, known and valued, and confident
/// when any week rated it.
fn lines_for(series: &[WeekRatings]) -> Vec<&'static Line> {
    let mut lines: Vec<&'static Line> = LINES.iter().collect();
    if series.iter().any(|w| w.confident.is_some()) {
        lines.push(&CONFIDENT);
    }
    lines
}

/// The mean of the values within the last `n` weeks, where at least half
/// of those weeks have one.
fn rolling(points: &[(NaiveDate, f64)], n: usize) -> Vec<(NaiveDate, f64)> {
    points
        .iter()
        .filter_map(|&(week, _)| {
            let window: Vec<f64> = points
                .iter()
                .filter(|(w, _)| *w <= week && (week - *w).num_days() < 7 * n as i64)
                .map(|(_, v)| *v)
                .collect();
            (window.len() * 2 >= n)
                .then(|| (week, window.iter().sum::<f64>() / window.len() as f64))
        })
        .collect()
}

fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

fn cell(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format!("{v:.1}"))
}

/// Draws the ratings chart for `series` (the weekly means, oldest first).
/// `weeks` lists every week of the range (rated or not) for the table;
/// `tag_weeks` the weeks to mark for `options.tag`.
pub fn ratings_chart(
    series: &[WeekRatings],
    weeks: &[NaiveDate],
    tag_weeks: &[NaiveDate],
    options: &RatingsChartOptions,
) -> Result<Chart> {
    let lines = lines_for(series);
    let title = match &options.tag {
        Some(tag) => {
            format!("How seen, known and valued I felt, week by week (weeks tagged {tag} marked)")
        }
        None => "How seen, known and valued I felt, week by week".to_string(),
    };
    // The span covers every week listed and every rated week.
    let first = weeks
        .first()
        .copied()
        .into_iter()
        .chain(series.first().map(|w| w.week_start))
        .min();
    let last = weeks
        .last()
        .copied()
        .into_iter()
        .chain(series.last().map(|w| w.week_start))
        .max();
    let description = match (first, last) {
        (Some(first), Some(last)) => {
            let mut text = format!(
                "Weekly ratings from 1 to 10, from the week of {} to the week of {}: {} of {} weeks rated. \
                 One panel per rating ({}), on one time axis: each week is a light dot, {}; \
                 weeks without ratings are gaps.",
                long_date(first),
                long_date(last),
                series.len(),
                weeks.len().max(series.len()),
                lines.iter().map(|l| l.name).collect::<Vec<_>>().join(", "),
                if options.rolling_weeks.is_some() {
                    "the line its rolling average, and the thick bar its level (before and after any real shift)"
                } else {
                    "and the thick bar its level (before and after any real shift)"
                }
            );
            if let Some(latest) = series.last() {
                let parts: Vec<String> = lines
                    .iter()
                    .filter_map(|l| (l.pick)(latest).map(|v| format!("{} {v:.1}", l.name)))
                    .collect();
                text.push_str(&format!(
                    " Latest rated week ({}): {}.",
                    long_date(latest.week_start),
                    parts.join(", ")
                ));
            }
            text
        }
        _ => "No weeks are rated yet, so there is nothing to draw.".to_string(),
    };

    let mut columns = vec!["Week".to_string()];
    columns.extend(lines.iter().map(|l| capitalise(l.name)));
    columns.push("Rated entries".into());
    if let Some(n) = options.rolling_weeks {
        columns.extend(
            lines
                .iter()
                .map(|l| format!("{} ({n}-week average)", capitalise(l.name))),
        );
    }
    let points: Vec<Vec<(NaiveDate, f64)>> = lines
        .iter()
        .map(|l| {
            series
                .iter()
                .filter_map(|w| (l.pick)(w).map(|v| (w.week_start, v)))
                .collect()
        })
        .collect();
    let averages: Option<Vec<Vec<(NaiveDate, f64)>>> = options
        .rolling_weeks
        .map(|n| points.iter().map(|p| rolling(p, n)).collect());
    let mut table_weeks: Vec<NaiveDate> = weeks
        .iter()
        .copied()
        .chain(series.iter().map(|w| w.week_start))
        .collect();
    table_weeks.sort();
    table_weeks.dedup();
    let rows = table_weeks
        .iter()
        .map(|week| {
            let found = series.iter().find(|w| w.week_start == *week);
            let mut row = vec![week.to_string()];
            row.extend(lines.iter().map(|l| cell(found.and_then(|w| (l.pick)(w)))));
            row.push(found.map_or("0".into(), |w| w.rated_entries.to_string()));
            if let Some(averages) = &averages {
                row.extend(
                    averages
                        .iter()
                        .map(|a| cell(a.iter().find(|(w, _)| w == week).map(|(_, v)| *v))),
                );
            }
            row
        })
        .collect();

    let layout = crate::panels::Layout::new(
        options.size.0,
        lines.len(),
        first.unwrap_or_else(|| NaiveDate::from_ymd_opt(2026, 1, 5).expect("a date")),
        last.unwrap_or_else(|| NaiveDate::from_ymd_opt(2026, 1, 5).expect("a date")),
    );
    let no_levels = Vec::new();
    let panels: Vec<crate::panels::Panel<'_>> = lines
        .iter()
        .zip(&points)
        .enumerate()
        .map(|(i, (line, values))| crate::panels::Panel {
            name: capitalise(line.name),
            rgb: line.rgb,
            values,
            average: averages.as_ref().map(|a| a[i].as_slice()),
            levels: options
                .levels
                .iter()
                .find(|(name, _)| name == line.name)
                .map_or(&no_levels, |(_, l)| l),
        })
        .collect();
    let svg = crate::panels::draw(
        &title,
        &layout,
        last.unwrap_or(layout.first),
        &panels,
        options.tag.as_deref().map(|t| (t, tag_weeks)),
    )
    .map_err(|e| Error::Chart(e.to_string()))?;
    let svg = finish_svg(svg, &title, &description, &[]);
    let svg = with_week_columns(svg, &layout, &table_weeks, series, &lines);
    Ok(Chart {
        svg,
        title,
        description,
        table: Table { columns, rows },
    })
}

/// Adds one transparent column per week over the panels, carrying the
/// week (`data-week`) and what it holds in words (`data-label`), for the
/// page's hover, focus and open. Made of dates and numbers only.
fn with_week_columns(
    svg: String,
    layout: &crate::panels::Layout,
    weeks: &[NaiveDate],
    series: &[WeekRatings],
    lines: &[&Line],
) -> String {
    if weeks.is_empty() {
        return svg;
    }
    let half = ((layout.x(layout.first + Days::new(7)) - layout.x(layout.first)) / 2).max(2);
    let (top, bottom) = (layout.plot_top(), layout.plot_bottom());
    let mut columns = String::from("<g class=\"week-columns\" fill=\"transparent\">");
    for week in weeks {
        let found = series.iter().find(|w| w.week_start == *week);
        let values: Vec<String> = lines
            .iter()
            .filter_map(|l| {
                found
                    .and_then(|w| (l.pick)(w))
                    .map(|v| format!("{} {v:.1}", l.name))
            })
            .collect();
        let label = match found {
            Some(w) if !values.is_empty() => format!(
                "Week of {}: {}; {} rated {}",
                long_date(*week),
                values.join(", "),
                w.rated_entries,
                if w.rated_entries == 1 {
                    "entry"
                } else {
                    "entries"
                }
            ),
            _ => format!("Week of {}: not rated", long_date(*week)),
        };
        let x = layout.x(*week);
        columns.push_str(&format!(
            "<rect class=\"week-column\" x=\"{}\" y=\"{top}\" width=\"{}\" height=\"{}\" data-week=\"{week}\" data-x=\"{x}\" data-label=\"{}\"/>",
            x - half,
            2 * half,
            bottom - top,
            trine_store::html::escape_html(&label)
        ));
    }
    columns.push_str("</g>");
    match svg.rfind("</svg>") {
        Some(end) => format!("{}{columns}{}", &svg[..end], &svg[end..]),
        None => svg,
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The ratings charts drawn from a journal.
pub trait RatingsCharts {
    /// The ratings chart for the options' range, with gaps for weeks
    /// without ratings and the tagged weeks marked.
    fn ratings_chart(&self, options: &RatingsChartOptions) -> Result<Chart>;
}

impl RatingsCharts for Journal {
    fn ratings_chart(&self, options: &RatingsChartOptions) -> Result<Chart> {
        let first_day = self.settings()?.first_day;
        let from = options.from.map(|d| first_day.week_start(d));
        let to = options.to.map(|d| first_day.week_start(d));
        let series = self.weekly_ratings(from, to)?;
        let start = from.or(series.first().map(|w| w.week_start));
        let end = to.or(series.last().map(|w| w.week_start));
        // Every week of the range, in the years that have entries: a date
        // centuries away adds its year, not every week between.
        let weeks = match (start, end) {
            (Some(start), Some(end)) => {
                trine_store::store::weeks_in_years(start, end, &self.years_with_entries()?)
            }
            _ => Vec::new(),
        };
        let tag_weeks: Vec<NaiveDate> = match &options.tag {
            Some(tag) => {
                let tag = trine_store::model::normalize_tag(tag)?;
                self.tags_by_week(start, end)?
                    .into_iter()
                    .filter(|(_, t)| t.contains(&tag))
                    .map(|(w, _)| w)
                    .collect()
            }
            None => Vec::new(),
        };
        ratings_chart(&series, &weeks, &tag_weeks, options)
    }
}
