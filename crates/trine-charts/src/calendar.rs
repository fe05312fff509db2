//! The reflection calendar: one cell per week, one row per year, showing
//! which weeks are done, partly done or missed. A week belongs to the year
//! that holds most of its days (its fourth day), so the week of 30 December
//! 2024 opens 2025's row rather than dangling after 2024's; a range within
//! one year shows only its own months.

use chrono::{Datelike, Days, NaiveDate};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{finish_svg, Chart, Table, SIDE_RGB};
use trine_store::error::{Error, Result};
use trine_store::store::{Journal, WeekStatus};

const CELL: i32 = 13;
const GAP: i32 = 3;
const LEFT: i32 = 64;
const TOP: i32 = 72;
/// Text size as plotters takes it (about 13.7 px written).
const TEXT: i32 = 17;

/// The year a week belongs to: the year of its fourth day.
fn year_of(week: NaiveDate) -> i32 {
    (week + Days::new(3)).year()
}

/// The first week of `year` as the calendar lays it out: the week (of
/// the journal's weeks, which start on `week`'s weekday) holding its
/// fourth day, as an offset in weeks from `week`.
fn column(week: NaiveDate) -> i32 {
    let year = year_of(week);
    let anchor = NaiveDate::from_ymd_opt(year, 1, 4).expect("4 January");
    // The week start on or before 4 January, on the same weekday as `week`.
    let back = (anchor - week).num_days().rem_euclid(7);
    let first = anchor - Days::new(back as u64);
    ((week - first).num_days() / 7) as i32
}

/// Draws the calendar for `weeks` (week start and status, oldest first),
/// about 960 pixels wide.
pub fn calendar_chart(weeks: &[(NaiveDate, WeekStatus)]) -> Result<Chart> {
    calendar_chart_at(weeks, 960)
}

/// Draws the calendar to fit `width` pixels: the cells shrink on a narrow
/// screen, the text does not.
pub fn calendar_chart_at(weeks: &[(NaiveDate, WeekStatus)], width: u32) -> Result<Chart> {
    let title = "My weekly reflections, week by week".to_string();
    let count = |s: WeekStatus| weeks.iter().filter(|(_, w)| *w == s).count();
    let description = match (weeks.first(), weeks.last()) {
        (Some((first, _)), Some((last, _))) => format!(
            "One square per week from the week of {} to the week of {}, one row per year with entries: {} done (filled), \
             {} partly done (half filled), {} missed (empty outline).",
            first.format("%-d %B %Y"),
            last.format("%-d %B %Y"),
            count(WeekStatus::Done),
            count(WeekStatus::PartlyDone),
            count(WeekStatus::Missed)
        ),
        _ => "No weeks to show yet.".to_string(),
    };
    let rows = weeks
        .iter()
        .map(|(w, s)| vec![w.to_string(), s.label().to_string()])
        .collect();
    let table = Table {
        columns: vec!["Week".into(), "Status".into()],
        rows,
    };
    let svg = draw(&title, weeks, width).map_err(|e| Error::Chart(e.to_string()))?;
    Ok(Chart {
        svg: finish_svg(svg, &title, &description, &[]),
        title,
        description,
        table,
    })
}

fn draw(
    title: &str,
    weeks: &[(NaiveDate, WeekStatus)],
    fit: u32,
) -> std::result::Result<String, Box<dyn std::error::Error>> {
    // One row per year that has weeks here: years left out (without an
    // entry) take no row, so the height follows the weeks, not the span.
    let mut rows: Vec<i32> = weeks.iter().map(|(w, _)| year_of(*w)).collect();
    rows.dedup();
    let years = rows.len().max(1) as i32;
    // Within one year, only the columns of the range; over several, the
    // whole year, so the rows line up.
    let columns: Vec<i32> = weeks.iter().map(|(w, _)| column(*w)).collect();
    let (first_col, last_col) = if rows.len() == 1 {
        (
            columns.iter().copied().min().unwrap_or(0),
            columns.iter().copied().max().unwrap_or(52),
        )
    } else {
        (0, columns.iter().copied().max().unwrap_or(51).max(51))
    };
    let span = last_col - first_col + 1;
    // The cell that fits the width, between 6 and 13 pixels.
    let cell = ((fit as i32 - LEFT - 24) / span.max(16) - GAP).clamp(6, CELL);
    let width = (LEFT + span.max(16) * (cell + GAP) + 24).max(480) as u32;
    let height = (TOP + years * (cell + GAP) + 70) as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let font = |size: i32| ("sans-serif", size).into_font().color(&BLACK);
        root.draw(&Text::new(
            title.to_string(),
            (LEFT, 14),
            font(22).pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
        let (r, g, b) = SIDE_RGB[1];
        let done = RGBColor(r, g, b);
        // Month names over the first week that starts in each month (from
        // the first row's year), wide enough apart to read: a range that
        // begins on the 3rd of August starts under "Aug", and a last week
        // that merely reaches into the next month does not name it.
        let label_year = rows.first().copied().unwrap_or(2026);
        let mut last_label: Option<i32> = None;
        for month in 1..=12u32 {
            let d = NaiveDate::from_ymd_opt(label_year, month, 1).expect("a month");
            let week_start = weeks.first().map_or(d, |(w, _)| {
                let ahead = (*w - d).num_days().rem_euclid(7);
                d + Days::new(ahead as u64)
            });
            let col = if year_of(week_start) == label_year {
                column(week_start)
            } else {
                0
            };
            if col < first_col || col > last_col || last_label.is_some_and(|l| col - l < 3) {
                continue;
            }
            last_label = Some(col);
            root.draw(&Text::new(
                d.format("%b").to_string(),
                (LEFT + (col - first_col) * (cell + GAP), TOP - 8),
                font(TEXT).pos(Pos::new(HPos::Left, VPos::Bottom)),
            ))?;
        }
        for (row, year) in rows.iter().enumerate() {
            let y = TOP + row as i32 * (cell + GAP);
            root.draw(&Text::new(
                year.to_string(),
                (LEFT - 8, y + cell / 2),
                font(TEXT).pos(Pos::new(HPos::Right, VPos::Center)),
            ))?;
        }
        let cell_at = |week: NaiveDate| {
            let row = rows.binary_search(&year_of(week)).unwrap_or(0) as i32;
            (
                LEFT + (column(week) - first_col) * (cell + GAP),
                TOP + row * (cell + GAP),
            )
        };
        for &(week, status) in weeks {
            draw_cell(&root, cell_at(week), status, done, cell)?;
        }
        let key_y = TOP + years * (cell + GAP) + 24;
        let mut x = LEFT;
        for (status, label) in [
            (WeekStatus::Done, "done"),
            (WeekStatus::PartlyDone, "partly done"),
            (WeekStatus::Missed, "missed"),
            (WeekStatus::Due, "this week, due"),
        ] {
            draw_cell(&root, (x, key_y), status, done, cell)?;
            root.draw(&Text::new(
                label,
                (x + cell + 6, key_y + cell / 2),
                font(TEXT).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
            x += 40 + 8 * label.len() as i32;
        }
        root.present()?;
    }
    Ok(svg)
}

/// A week's square: filled when done, half filled when partly done, an
/// outline when missed, a thick outline when due.
fn draw_cell(
    root: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    (x, y): (i32, i32),
    status: WeekStatus,
    done: RGBColor,
    cell: i32,
) -> std::result::Result<(), Box<dyn std::error::Error>> {
    let whole = [(x, y), (x + cell, y + cell)];
    match status {
        WeekStatus::Done => root.draw(&Rectangle::new(whole, done.filled()))?,
        WeekStatus::PartlyDone => {
            root.draw(&Rectangle::new(
                [(x, y + cell / 2), (x + cell, y + cell)],
                done.filled(),
            ))?;
            root.draw(&Rectangle::new(whole, done.stroke_width(1)))?;
        }
        WeekStatus::Missed => root.draw(&Rectangle::new(whole, BLACK.mix(0.35).stroke_width(1)))?,
        WeekStatus::Due => root.draw(&Rectangle::new(whole, BLACK.mix(0.8).stroke_width(2)))?,
        WeekStatus::Upcoming => {}
    }
    Ok(())
}

/// The reflection calendar drawn from a journal.
pub trait CalendarCharts {
    /// The calendar from the week of `from` (or the first reflection, or a
    /// year ago) to the week of `to` (or today).
    fn calendar_chart(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<Chart> {
        self.calendar_chart_at(from, to, today, 960)
    }

    /// The same, drawn to fit `width` pixels.
    fn calendar_chart_at(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        today: NaiveDate,
        width: u32,
    ) -> Result<Chart>;
}

impl CalendarCharts for Journal {
    fn calendar_chart_at(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        today: NaiveDate,
        width: u32,
    ) -> Result<Chart> {
        let first_reflection = self
            .list(&trine_store::store::ListQuery {
                kind: Some(trine_store::model::EntryKind::Reflection),
                ..Default::default()
            })?
            .last()
            .map(|e| e.week_start);
        let from = from.or(first_reflection).unwrap_or(today - Days::new(364));
        let to = to.unwrap_or(today);
        calendar_chart_at(&self.week_statuses(from, to, today)?, width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words drawn in a chart's SVG, in order.
    fn words(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|t| t.split_once('>'))
            .map(|(_, rest)| rest.split('<').next().unwrap_or("").trim().to_string())
            .collect()
    }

    #[test]
    fn a_few_months_are_named_by_the_weeks_that_start_in_them() {
        let first = NaiveDate::from_ymd_opt(2026, 8, 3).unwrap();
        let weeks: Vec<(NaiveDate, WeekStatus)> = (0..13)
            .map(|i| (first + Days::new(7 * i), WeekStatus::Done))
            .collect();
        let chart = calendar_chart(&weeks).unwrap();
        let drawn = words(&chart.svg);
        let months: Vec<&str> = drawn
            .iter()
            .map(String::as_str)
            .filter(|w| ["Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan"].contains(w))
            .collect();
        assert_eq!(months, ["Aug", "Sep", "Oct"], "{drawn:?}");
        assert_eq!(chart.table.rows.len(), 13, "just the weeks chosen");
        assert_eq!(chart.table.rows[0][0], "2026-08-03");
        assert_eq!(chart.table.rows[12][0], "2026-10-26");
    }
}
