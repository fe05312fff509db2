//! Seen, known and valued as three lines over the weeks, and confident as
//! a fourth where the person rates it.

use chrono::{Days, NaiveDate};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

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

/// Room on the right for the key.
const LEGEND_WIDTH: i32 = 200;

/// One rating's look: name, colour, marker and dash pattern.
struct Line {
    name: &'static str,
    rgb: (u8, u8, u8),
    dash: &'static str,
    pick: fn(&WeekRatings) -> Option<f64>,
}

const LINES: [Line; 3] = [
    Line {
        name: "seen",
        rgb: SEEN_RGB,
        dash: "",
        pick: |w| w.seen.map(|m| m.mean),
    },
    Line {
        name: "known",
        rgb: KNOWN_RGB,
        dash: "8 4",
        pick: |w| w.known.map(|m| m.mean),
    },
    Line {
        name: "valued",
        rgb: VALUED_RGB,
        dash: "2 4",
        pick: |w| w.valued.map(|m| m.mean),
    },
];

/// The optional fourth rating, drawn only when some week has it.
const CONFIDENT: Line = Line {
    name: "confident",
    rgb: CONFIDENT_RGB,
    dash: "12 4 2 4",
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

fn color(rgb: (u8, u8, u8)) -> RGBColor {
    RGBColor(rgb.0, rgb.1, rgb.2)
}

/// Splits one rating's values into runs of consecutive weeks: a week
/// without the rating ends a run, so it shows as a gap, never a zero.
fn runs(points: &[(NaiveDate, f64)]) -> Vec<Vec<(NaiveDate, f64)>> {
    let mut runs: Vec<Vec<(NaiveDate, f64)>> = Vec::new();
    for &(week, value) in points {
        match runs.last_mut() {
            Some(run) if (week - run.last().expect("runs are never empty").0).num_days() <= 7 => {
                run.push((week, value))
            }
            _ => runs.push(vec![(week, value)]),
        }
    }
    runs
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
    let first = weeks
        .first()
        .copied()
        .or(series.first().map(|w| w.week_start));
    let last = weeks
        .last()
        .copied()
        .or(series.last().map(|w| w.week_start));
    let description = match (first, last) {
        (Some(first), Some(last)) => {
            let mut text = format!(
                "Weekly ratings from 1 to 10, from the week of {} to the week of {}: {} of {} weeks rated. \
                 Seen is a solid line with circles, known a dashed line with triangles, valued a dotted line with squares{}; \
                 weeks without ratings are gaps.",
                long_date(first),
                long_date(last),
                series.len(),
                weeks.len().max(series.len()),
                if lines.len() > 3 {
                    ", confident a dash-dot line with diamonds"
                } else {
                    ""
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

    let svg = draw(
        &title,
        &lines,
        first,
        last,
        &points,
        averages.as_deref(),
        tag_weeks,
        options,
    )
    .map_err(|e| Error::Chart(e.to_string()))?;
    let dashes: Vec<((u8, u8, u8), &str)> = lines
        .iter()
        .filter(|l| !l.dash.is_empty())
        .map(|l| (l.rgb, l.dash))
        .collect();
    Ok(Chart {
        svg: finish_svg(svg, &title, &description, &dashes),
        title,
        description,
        table: Table { columns, rows },
    })
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[allow(clippy::too_many_arguments)]
fn draw(
    title: &str,
    lines: &[&Line],
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    points: &[Vec<(NaiveDate, f64)>],
    averages: Option<&[Vec<(NaiveDate, f64)>]>,
    tag_weeks: &[NaiveDate],
    options: &RatingsChartOptions,
) -> std::result::Result<String, Box<dyn std::error::Error>> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, options.size).into_drawing_area();
        let origin = first.unwrap_or_else(|| NaiveDate::from_ymd_opt(2026, 1, 5).expect("date"));
        let span = last.map_or(7, |l| (l - origin).num_days().max(7));
        let x = |d: NaiveDate| (d - origin).num_days();
        let short = span < 7 * 20;
        let mut chart = ChartBuilder::on(&root)
            .margin(14)
            .margin_right(LEGEND_WIDTH)
            .caption(title, ("sans-serif", 18).into_font().color(&BLACK))
            .x_label_area_size(34)
            .y_label_area_size(44)
            .build_cartesian_2d(-3i64..span + 3, 0.4f64..10.6f64)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .y_labels(10)
            .x_labels(if short { 6 } else { 8 })
            .x_label_formatter(&|days| {
                let d = origin + Days::new((*days).max(0) as u64);
                if short {
                    d.format("%-d %b").to_string()
                } else {
                    d.format("%b %Y").to_string()
                }
            })
            .y_label_formatter(&|v| format!("{v:.0}"))
            .bold_line_style(BLACK.mix(0.08))
            .light_line_style(TRANSPARENT)
            .axis_style(BLACK.mix(0.5))
            .label_style(("sans-serif", 13).into_font().color(&BLACK))
            .axis_desc_style(("sans-serif", 13).into_font().color(&BLACK))
            .y_desc("rating, 1 to 10")
            .draw()?;

        // The levels before and after each rating's latest shift, wide and
        // pale beneath the weekly line.
        for (name, stretches) in &options.levels {
            let Some(line) = lines.iter().find(|l| l.name == name) else {
                continue;
            };
            for (from, to, level) in stretches {
                chart.draw_series(LineSeries::new(
                    [(x(*from), *level), (x(*to).max(x(*from) + 2), *level)],
                    color(line.rgb).mix(0.3).stroke_width(8),
                ))?;
            }
        }
        if let Some(averages) = averages {
            for (line, avg) in lines.iter().zip(averages) {
                for run in runs(avg).into_iter().filter(|r| r.len() > 1) {
                    chart.draw_series(LineSeries::new(
                        run.iter().map(|(d, v)| (x(*d), *v)),
                        color(line.rgb).mix(0.35).stroke_width(6),
                    ))?;
                }
            }
        }
        // The key sits in the right margin, outside the data.
        let legend_x = options.size.0 as i32 - LEGEND_WIDTH + 16;
        let mut legend_y = 70;
        let label_font = ("sans-serif", 13).into_font().color(&BLACK);
        let middle_left = Pos::new(HPos::Left, VPos::Center);
        for (line, values) in lines.iter().zip(points) {
            let c = color(line.rgb);
            // A lone week has no neighbour to join: its marker alone shows it.
            for run in runs(values).into_iter().filter(|r| r.len() > 1) {
                chart.draw_series(LineSeries::new(
                    run.iter().map(|(d, v)| (x(*d), *v)),
                    c.stroke_width(2),
                ))?;
            }
            let at = |(d, v): &(NaiveDate, f64)| (x(*d), *v);
            let key_at = (legend_x, legend_y);
            legend_y += 24;
            root.draw(
                &(EmptyElement::at(key_at)
                    + PathElement::new(vec![(0, 0), (22, 0)], c.stroke_width(2))
                    + Text::new(line.name, (30, 0), label_font.clone().pos(middle_left))),
            )?;
            match line.name {
                "seen" => {
                    chart.draw_series(values.iter().map(|p| Circle::new(at(p), 4, c.filled())))?;
                    root.draw(&(EmptyElement::at(key_at) + Circle::new((11, 0), 4, c.filled())))?;
                }
                "known" => {
                    chart.draw_series(
                        values
                            .iter()
                            .map(|p| TriangleMarker::new(at(p), 5, c.filled())),
                    )?;
                    root.draw(
                        &(EmptyElement::at(key_at) + TriangleMarker::new((11, 0), 5, c.filled())),
                    )?;
                }
                "confident" => {
                    let diamond = || vec![(0, -5), (5, 0), (0, 5), (-5, 0)];
                    chart.draw_series(
                        values
                            .iter()
                            .map(|p| EmptyElement::at(at(p)) + Polygon::new(diamond(), c.filled())),
                    )?;
                    root.draw(
                        &(EmptyElement::at(key_at)
                            + Polygon::new(vec![(11, -5), (16, 0), (11, 5), (6, 0)], c.filled())),
                    )?;
                }
                _ => {
                    chart.draw_series(values.iter().map(|p| {
                        EmptyElement::at(at(p)) + Rectangle::new([(-4, -4), (4, 4)], c.filled())
                    }))?;
                    root.draw(
                        &(EmptyElement::at(key_at)
                            + Rectangle::new([(7, -4), (15, 4)], c.filled())),
                    )?;
                }
            }
        }
        if let Some(n) = options.rolling_weeks {
            let key_at = (legend_x, legend_y);
            legend_y += 24;
            root.draw(
                &(EmptyElement::at(key_at)
                    + PathElement::new(vec![(0, 0), (22, 0)], BLACK.mix(0.3).stroke_width(6))
                    + Text::new(
                        format!("{n}-week average"),
                        (30, 0),
                        label_font.clone().pos(middle_left),
                    )),
            )?;
        }
        if let Some(tag) = &options.tag {
            chart.draw_series(
                tag_weeks
                    .iter()
                    .filter(|w| Some(**w) >= first && Some(**w) <= last)
                    .map(|w| TriangleMarker::new((x(*w), 0.75), 6, BLACK.mix(0.7).filled())),
            )?;
            root.draw(
                &(EmptyElement::at((legend_x, legend_y))
                    + TriangleMarker::new((11, 0), 6, BLACK.mix(0.7).filled())
                    + Text::new(
                        format!("weeks tagged {tag}"),
                        (30, 0),
                        label_font.clone().pos(middle_left),
                    )),
            )?;
        }
        root.present()?;
    }
    Ok(svg)
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
