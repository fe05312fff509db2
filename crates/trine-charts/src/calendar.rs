//! The reflection calendar: one cell per week, one row per year, showing
//! which weeks are done, partly done or missed.

use chrono::{Datelike, Days, NaiveDate};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{finish_svg, Chart, Table, SIDE_RGB};
use trine_store::error::{Error, Result};
use trine_store::store::{Journal, WeekStatus};

const CELL: i32 = 13;
const GAP: i32 = 3;
const LEFT: i32 = 56;
const TOP: i32 = 64;

/// Draws the calendar for `weeks` (week start and status, oldest first).
pub fn calendar_chart(weeks: &[(NaiveDate, WeekStatus)]) -> Result<Chart> {
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
    let svg = draw(&title, weeks).map_err(|e| Error::Chart(e.to_string()))?;
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
) -> std::result::Result<String, Box<dyn std::error::Error>> {
    // One row per year that has weeks here: years left out (without an
    // entry) take no row, so the height follows the weeks, not the span.
    let mut rows: Vec<i32> = weeks.iter().map(|(w, _)| w.year()).collect();
    rows.dedup();
    let first_year = rows.first().copied().unwrap_or(2026);
    let years = rows.len().max(1) as i32;
    let width = (LEFT + 53 * (CELL + GAP) + 24) as u32;
    let height = (TOP + years * (CELL + GAP) + 70) as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let font = |size: i32| ("sans-serif", size).into_font().color(&BLACK);
        root.draw(&Text::new(
            title.to_string(),
            (LEFT, 14),
            font(18).pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
        let (r, g, b) = SIDE_RGB[1];
        let done = RGBColor(r, g, b);
        for month in 1..=12u32 {
            let d = NaiveDate::from_ymd_opt(first_year, month, 1).expect("a month");
            let col = (d.ordinal0() / 7) as i32;
            root.draw(&Text::new(
                d.format("%b").to_string(),
                (LEFT + col * (CELL + GAP), TOP - 8),
                font(11).pos(Pos::new(HPos::Left, VPos::Bottom)),
            ))?;
        }
        for (row, year) in rows.iter().enumerate() {
            let y = TOP + row as i32 * (CELL + GAP);
            root.draw(&Text::new(
                year.to_string(),
                (LEFT - 8, y + CELL / 2),
                font(12).pos(Pos::new(HPos::Right, VPos::Center)),
            ))?;
        }
        let cell_at = |week: NaiveDate| {
            let row = rows.binary_search(&week.year()).unwrap_or(0) as i32;
            let col = (week.ordinal0() / 7) as i32;
            (LEFT + col * (CELL + GAP), TOP + row * (CELL + GAP))
        };
        for &(week, status) in weeks {
            draw_cell(&root, cell_at(week), status, done)?;
        }
        let key_y = TOP + years * (CELL + GAP) + 24;
        let mut x = LEFT;
        for (status, label) in [
            (WeekStatus::Done, "done"),
            (WeekStatus::PartlyDone, "partly done"),
            (WeekStatus::Missed, "missed"),
            (WeekStatus::Due, "this week, due"),
        ] {
            draw_cell(&root, (x, key_y), status, done)?;
            root.draw(&Text::new(
                label,
                (x + CELL + 6, key_y + CELL / 2),
                font(12).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
            x += 40 + 7 * label.len() as i32;
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
) -> std::result::Result<(), Box<dyn std::error::Error>> {
    let whole = [(x, y), (x + CELL, y + CELL)];
    match status {
        WeekStatus::Done => root.draw(&Rectangle::new(whole, done.filled()))?,
        WeekStatus::PartlyDone => {
            root.draw(&Rectangle::new(
                [(x, y + CELL / 2), (x + CELL, y + CELL)],
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
    ) -> Result<Chart>;
}

impl CalendarCharts for Journal {
    fn calendar_chart(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        today: NaiveDate,
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
        calendar_chart(&self.week_statuses(from, to, today)?)
    }
}
