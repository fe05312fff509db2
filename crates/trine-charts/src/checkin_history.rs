//! Each component's check-in score over time: nine small rows, one per
//! component, grouped by side, on a shared time axis. Up is better: 1
//! (fine as it is) sits at the top of a row, 5 (needs most work) at the
//! bottom. This is where a person in transition sees their confidence
//! (and the other eight) move.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{finish_svg, Chart, Table, SIDE_RGB};
use trine_store::error::{Error, Result};
use trine_store::store::{CheckIn, Component, Journal};

const WIDTH: u32 = 960;
/// Room on the left for the component names.
const LABEL_WIDTH: i32 = 230;
const ROW_HEIGHT: i32 = 52;
const TOP: i32 = 60;

/// What a score means, in a few words.
pub fn score_words(score: u8) -> &'static str {
    match score {
        1 => "fine as it is",
        2 => "mostly fine",
        3 => "some work",
        4 => "more work",
        _ => "needs most work",
    }
}

fn day(c: &CheckIn) -> chrono::NaiveDate {
    c.taken.date_naive()
}

fn long(d: chrono::NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// Draws the history of `checkins` (any order) for `components` (in
/// order, three per side).
pub fn checkin_history_chart(components: &[Component], checkins: &[CheckIn]) -> Result<Chart> {
    let mut ordered: Vec<&CheckIn> = checkins.iter().collect();
    ordered.sort_by_key(|c| c.taken);
    let title = "How each component has moved, check-in by check-in".to_string();
    let description = describe(components, &ordered);
    let mut columns = vec!["Check-in".to_string()];
    columns.extend(components.iter().map(|c| c.name.clone()));
    let rows = ordered
        .iter()
        .rev()
        .map(|c| {
            let mut row = vec![day(c).to_string()];
            row.extend(components.iter().map(|k| {
                c.scores
                    .get(&k.key)
                    .map_or("–".to_string(), |s| s.to_string())
            }));
            row
        })
        .collect();
    let svg = draw(&title, components, &ordered).map_err(|e| Error::Chart(e.to_string()))?;
    Ok(Chart {
        svg: finish_svg(svg, &title, &description, &[]),
        title,
        description,
        table: Table { columns, rows },
    })
}

/// In words: how many check-ins, and each component whose score changed
/// from the first to the latest.
fn describe(components: &[Component], ordered: &[&CheckIn]) -> String {
    let (Some(first), Some(latest)) = (ordered.first(), ordered.last()) else {
        return "No check-ins yet: take one and each component's score starts here.".into();
    };
    if ordered.len() == 1 {
        return format!(
            "One check-in so far, on {}. Take another to see how the components move.",
            long(day(first))
        );
    }
    let mut text = format!(
        "{} check-ins from {} to {}. Scores run from 1 (fine as it is) to 5 (needs most work); \
         in each row, higher is better.",
        ordered.len(),
        long(day(first)),
        long(day(latest))
    );
    let mut changes = Vec::new();
    for component in components {
        let scores: Vec<u8> = ordered
            .iter()
            .filter_map(|c| c.scores.get(&component.key).copied())
            .collect();
        if let (Some(&from), Some(&to)) = (scores.first(), scores.last()) {
            if scores.len() >= 2 && from != to {
                changes.push(format!(
                    "{} went from {from} ({}) to {to} ({})",
                    component.name,
                    score_words(from),
                    score_words(to)
                ));
            }
        }
    }
    if changes.is_empty() {
        text.push_str(" No component's score has changed between the first and the latest.");
    } else {
        text.push_str(&format!(" {}.", changes.join("; ")));
    }
    text
}

fn draw(
    title: &str,
    components: &[Component],
    ordered: &[&CheckIn],
) -> std::result::Result<String, Box<dyn std::error::Error>> {
    let height = (TOP + ROW_HEIGHT * components.len() as i32 + 70) as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        let font = |size: i32| ("sans-serif", size).into_font().color(&BLACK);
        root.draw(&Text::new(
            title.to_string(),
            (WIDTH as i32 / 2, 14),
            font(20).pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
        let left = LABEL_WIDTH;
        let right = WIDTH as i32 - 40;
        let (first, last) = match (ordered.first(), ordered.last()) {
            (Some(f), Some(l)) => (day(f), day(l)),
            _ => {
                let today = chrono::Utc::now().date_naive();
                (today, today)
            }
        };
        let span = (last - first).num_days().max(1) as f64;
        let x = |d: chrono::NaiveDate| -> i32 {
            if ordered.len() < 2 {
                (left + right) / 2
            } else {
                left + ((d - first).num_days() as f64 / span * f64::from(right - left)).round()
                    as i32
            }
        };
        for (i, component) in components.iter().enumerate() {
            let top = TOP + ROW_HEIGHT * i as i32;
            let y = |score: u8| top + 6 + (i32::from(score) - 1) * (ROW_HEIGHT - 16) / 4;
            let (r, g, b) = SIDE_RGB[component.side as usize];
            let colour = RGBColor(r, g, b);
            root.draw(&Rectangle::new(
                [(left - 12, top + 4), (left - 6, top + ROW_HEIGHT - 6)],
                colour.filled(),
            ))?;
            root.draw(&Text::new(
                component.name.clone(),
                (left - 20, top + ROW_HEIGHT / 2),
                font(17).pos(Pos::new(HPos::Right, VPos::Center)),
            ))?;
            // Faint guides at 1 (top) and 5 (bottom).
            for score in [1, 5] {
                root.draw(&PathElement::new(
                    vec![(left, y(score)), (right, y(score))],
                    BLACK.mix(0.08),
                ))?;
            }
            let points: Vec<(i32, i32, u8)> = ordered
                .iter()
                .filter_map(|c| c.scores.get(&component.key).map(|&s| (x(day(c)), y(s), s)))
                .collect();
            if points.len() > 1 {
                root.draw(&PathElement::new(
                    points
                        .iter()
                        .map(|(px, py, _)| (*px, *py))
                        .collect::<Vec<_>>(),
                    colour.stroke_width(2),
                ))?;
            }
            for (px, py, _) in &points {
                root.draw(&Circle::new((*px, *py), 5, colour.filled()))?;
                root.draw(&Circle::new((*px, *py), 5, BLACK.mix(0.6).stroke_width(1)))?;
            }
            if let Some((px, py, s)) = points.last() {
                root.draw(&Text::new(
                    s.to_string(),
                    (*px + 8, *py),
                    font(17).pos(Pos::new(HPos::Left, VPos::Center)),
                ))?;
            }
        }
        let axis_y = TOP + ROW_HEIGHT * components.len() as i32 + 8;
        root.draw(&PathElement::new(
            vec![(left, axis_y), (right, axis_y)],
            BLACK.mix(0.5),
        ))?;
        if ordered.len() >= 2 {
            for d in [first, last] {
                root.draw(&Text::new(
                    d.format("%-d %b %Y").to_string(),
                    (x(d), axis_y + 8),
                    font(17).pos(Pos::new(HPos::Center, VPos::Top)),
                ))?;
            }
        } else if let Some(only) = ordered.first() {
            root.draw(&Text::new(
                day(only).format("%-d %b %Y").to_string(),
                (x(day(only)), axis_y + 8),
                font(17).pos(Pos::new(HPos::Center, VPos::Top)),
            ))?;
        }
        root.draw(&Text::new(
            "In each row: top = 1, fine as it is; bottom = 5, needs most work.",
            (left, axis_y + 38),
            font(17).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        root.present()?;
    }
    Ok(svg)
}

/// The check-in history chart drawn from a journal.
pub trait CheckinHistoryCharts {
    /// Each component's score across every check-in.
    fn checkin_history_chart(&self) -> Result<Chart>;
}

impl CheckinHistoryCharts for Journal {
    fn checkin_history_chart(&self) -> Result<Chart> {
        checkin_history_chart(&self.components()?, &self.checkins()?)
    }
}
