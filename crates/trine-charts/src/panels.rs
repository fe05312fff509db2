//! Drawing the ratings as small multiples: one panel per rating, stacked
//! on one shared time axis, the weekly values light and the level strong.
//! Laid out by hand (plotters draws the shapes), so the same layout gives
//! the x of every week to the hover columns the page uses.

use chrono::{Datelike, Months, NaiveDate};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::ratings::Level;

/// Room on the left for a panel's name and its scale.
const LEFT: i32 = 112;
/// Room on the right.
const RIGHT: i32 = 28;
/// Room above the first panel, for the title.
const TOP: i32 = 52;
/// Space between panels.
const GAP: i32 = 16;
/// Space inside a panel above 10 and below 1.
const PAD: i32 = 8;
/// Room below the last panel for the time axis.
const AXIS: i32 = 44;
/// Text sizes as plotters takes them (it writes about 0.8 of this as the
/// font size): never below 13 px at the chart's own size, which the
/// app draws at the width it shows it.
const TEXT: i32 = 19;
const SMALL: i32 = 17;

/// One panel: the rating's name, colour, weekly values and, if asked,
/// its rolling average and its levels.
pub(crate) struct Panel<'a> {
    /// "Seen".
    pub name: String,
    /// Its colour.
    pub rgb: (u8, u8, u8),
    /// Its weekly values, oldest first.
    pub values: &'a [(NaiveDate, f64)],
    /// Its rolling average, when one is drawn (it then takes the line).
    pub average: Option<&'a [(NaiveDate, f64)]>,
    /// Its levels before and after its latest shift.
    pub levels: &'a [Level],
}

/// The geometry of a drawing: where weeks and values fall.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Layout {
    /// Width and height in pixels.
    pub size: (u32, u32),
    /// The first and last week shown.
    pub first: NaiveDate,
    span_days: f64,
    panel_height: i32,
    panels: usize,
}

impl Layout {
    /// The layout for `panels` panels at `width` pixels, from `first` to
    /// `last`.
    pub fn new(width: u32, panels: usize, first: NaiveDate, last: NaiveDate) -> Layout {
        let width = width.max(360);
        // Lower panels on a narrow screen, so the whole chart still fits.
        let panel_height = if width < 640 { 96 } else { 118 };
        let panels = panels.max(1);
        let height = TOP + panels as i32 * (panel_height + GAP) + AXIS + 26;
        Layout {
            size: (width, height as u32),
            first,
            span_days: (last - first).num_days().max(7) as f64,
            panel_height,
            panels,
        }
    }

    /// The x of a week.
    pub fn x(&self, day: NaiveDate) -> i32 {
        let plot = f64::from(self.size.0 as i32 - LEFT - RIGHT);
        LEFT + ((day - self.first).num_days() as f64 / self.span_days * plot).round() as i32
    }

    /// The top of panel `i`.
    fn top(&self, i: usize) -> i32 {
        TOP + i as i32 * (self.panel_height + GAP)
    }

    /// The y of `value` (1 to 10) in panel `i`.
    fn y(&self, i: usize, value: f64) -> i32 {
        let inner = f64::from(self.panel_height - 2 * PAD);
        self.top(i) + PAD + ((10.0 - value) / 9.0 * inner).round() as i32
    }

    /// The bottom of the last panel.
    pub fn plot_bottom(&self) -> i32 {
        self.top(self.panels - 1) + self.panel_height
    }

    /// The top of the first panel.
    pub fn plot_top(&self) -> i32 {
        TOP
    }
}

/// Splits values into runs of consecutive weeks; a missing week ends one.
fn runs(points: &[(NaiveDate, f64)]) -> Vec<Vec<(NaiveDate, f64)>> {
    let mut runs: Vec<Vec<(NaiveDate, f64)>> = Vec::new();
    for &(week, value) in points {
        match runs.last_mut() {
            Some(run) if (week - run.last().expect("never empty").0).num_days() <= 7 => {
                run.push((week, value))
            }
            _ => runs.push(vec![(week, value)]),
        }
    }
    runs
}

/// The dates to label on the time axis: months on a short span, quarters
/// on a middling one, years on a long one.
fn ticks(first: NaiveDate, last: NaiveDate, width: u32) -> Vec<(NaiveDate, String)> {
    let days = (last - first).num_days();
    let room = (width / 110).max(3) as i64;
    let step_months: u32 = [1, 2, 3, 6, 12, 24, 60]
        .into_iter()
        .find(|m| days / (30 * i64::from(*m)) <= room)
        .unwrap_or(120);
    let mut at = NaiveDate::from_ymd_opt(first.year(), first.month(), 1).expect("a month");
    if at < first {
        at = at + Months::new(1);
    }
    // Start on a month that is a multiple of the step (a year on January).
    while !at.month0().is_multiple_of(step_months.min(12)) {
        at = at + Months::new(1);
    }
    let mut out = Vec::new();
    while at <= last {
        let label = if step_months >= 12 {
            at.format("%Y").to_string()
        } else {
            at.format("%b %Y").to_string()
        };
        out.push((at, label));
        at = at + Months::new(step_months);
    }
    out
}

/// Draws the panels; returns the SVG (before its title and description).
#[allow(clippy::too_many_arguments)]
pub(crate) fn draw(
    title: &str,
    layout: &Layout,
    last: NaiveDate,
    panels: &[Panel<'_>],
    tag: Option<(&str, &[NaiveDate])>,
) -> std::result::Result<String, Box<dyn std::error::Error>> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, layout.size).into_drawing_area();
        let font = |size: i32| ("sans-serif", size).into_font().color(&BLACK);
        let right = layout.size.0 as i32 - RIGHT;
        root.draw(&Text::new(
            title.to_string(),
            (8, 16),
            font(22).pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
        for (i, panel) in panels.iter().enumerate() {
            let colour = RGBColor(panel.rgb.0, panel.rgb.1, panel.rgb.2);
            let top = layout.top(i);
            root.draw(&Text::new(
                panel.name.clone(),
                (8, top + 2),
                font(TEXT + 1).pos(Pos::new(HPos::Left, VPos::Top)),
            ))?;
            for value in [1.0, 5.0, 10.0] {
                let y = layout.y(i, value);
                root.draw(&PathElement::new(
                    vec![(LEFT, y), (right, y)],
                    BLACK.mix(if value == 5.0 { 0.06 } else { 0.12 }),
                ))?;
                root.draw(&Text::new(
                    format!("{value:.0}"),
                    (LEFT - 8, y),
                    font(SMALL).pos(Pos::new(HPos::Right, VPos::Center)),
                ))?;
            }
            // The weekly line: light, or gone when an average takes its place.
            if panel.average.is_none() {
                for run in runs(panel.values).into_iter().filter(|r| r.len() > 1) {
                    root.draw(&PathElement::new(
                        run.iter()
                            .map(|(d, v)| (layout.x(*d), layout.y(i, *v)))
                            .collect::<Vec<_>>(),
                        colour.mix(0.35).stroke_width(1),
                    ))?;
                }
            }
            for (d, v) in panel.values {
                root.draw(&Circle::new(
                    (layout.x(*d), layout.y(i, *v)),
                    3,
                    colour.mix(0.45).filled(),
                ))?;
            }
            if let Some(average) = panel.average {
                for run in runs(average).into_iter().filter(|r| r.len() > 1) {
                    root.draw(&PathElement::new(
                        run.iter()
                            .map(|(d, v)| (layout.x(*d), layout.y(i, *v)))
                            .collect::<Vec<_>>(),
                        colour.stroke_width(3),
                    ))?;
                }
            }
            // The level: strong.
            for (from, to, level) in panel.levels {
                let (x0, x1) = (layout.x(*from), layout.x(*to).max(layout.x(*from) + 3));
                let y = layout.y(i, *level);
                root.draw(&PathElement::new(
                    vec![(x0, y), (x1, y)],
                    colour.stroke_width(5),
                ))?;
            }
        }
        // The shared time axis.
        let bottom = layout.plot_bottom();
        root.draw(&PathElement::new(
            vec![(LEFT, bottom + 4), (right, bottom + 4)],
            BLACK.mix(0.5),
        ))?;
        for (day, label) in ticks(layout.first, last, layout.size.0) {
            let x = layout.x(day);
            root.draw(&PathElement::new(
                vec![(x, bottom + 4), (x, bottom + 10)],
                BLACK.mix(0.5),
            ))?;
            root.draw(&Text::new(
                label,
                (x, bottom + 14),
                font(SMALL + 1).pos(Pos::new(HPos::Center, VPos::Top)),
            ))?;
        }
        if let Some((name, weeks)) = tag {
            for week in weeks.iter().filter(|w| **w >= layout.first && **w <= last) {
                root.draw(&TriangleMarker::new(
                    (layout.x(*week), bottom - 2),
                    6,
                    BLACK.mix(0.7).filled(),
                ))?;
            }
            let y = bottom + AXIS + 10;
            root.draw(&TriangleMarker::new(
                (LEFT + 6, y),
                6,
                BLACK.mix(0.7).filled(),
            ))?;
            root.draw(&Text::new(
                format!("weeks tagged {name}"),
                (LEFT + 18, y),
                font(SMALL + 1).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
        root.present()?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_time_axis_is_labelled_by_months_quarters_or_years() {
        let short = ticks(day("2026-01-05"), day("2026-03-30"), 960);
        assert_eq!(
            short.iter().map(|(_, l)| l.as_str()).collect::<Vec<_>>(),
            ["Feb 2026", "Mar 2026"]
        );
        let two_years = ticks(day("2024-11-25"), day("2026-11-23"), 960);
        assert!(
            two_years.len() >= 4 && two_years.len() <= 9,
            "{two_years:?}"
        );
        let ten_years = ticks(day("2016-11-28"), day("2026-11-23"), 960);
        assert!(ten_years.iter().all(|(_, l)| l.len() == 4), "{ten_years:?}");
        let narrow = ticks(day("2016-11-28"), day("2026-11-23"), 500);
        assert!(narrow.len() <= 6, "{narrow:?}");
    }
}
