//! The triangle picture: the nine components on the three sides of the
//! triangle, each drawn by its score in the latest check-in, with the check-in
//! before it as a faint ring for comparison.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{finish_svg, Chart, Table, SIDE_RGB};
use trine_store::error::{Error, Result};
use trine_store::model::Side;
use trine_store::store::{CheckIn, Component, Journal};

const SIZE: (u32, u32) = (760, 680);
/// The corners: top, bottom left, bottom right.
const TOP: (f64, f64) = (380.0, 96.0);
const LEFT: (f64, f64) = (130.0, 520.0);
const RIGHT: (f64, f64) = (630.0, 520.0);

/// Where a side runs, and which way is outward from it.
fn edge(side: Side) -> ((f64, f64), (f64, f64), (f64, f64)) {
    match side {
        Side::Developmental => (TOP, LEFT, (-0.86, -0.5)),
        Side::Emotional => (TOP, RIGHT, (0.86, -0.5)),
        Side::Integration => (LEFT, RIGHT, (0.0, 1.0)),
    }
}

fn radius(score: u8) -> i32 {
    6 + 5 * i32::from(score)
}

fn date(c: &CheckIn) -> String {
    c.taken.format("%-d %B %Y").to_string()
}

/// Draws the triangle picture for `components` (in order, three per side)
/// from the `latest` check-in and, faintly, the `earlier` one.
pub fn triangle_chart(
    components: &[Component],
    latest: Option<&CheckIn>,
    earlier: Option<&CheckIn>,
) -> Result<Chart> {
    let title = "Where I still want to grow: the nine components".to_string();
    let score = |c: Option<&CheckIn>, key: &str| c.and_then(|c| c.scores.get(key).copied());
    let description = match latest {
        None => "The three sides of the triangle and their nine components. No check-in yet, so no scores are drawn.".into(),
        Some(l) => {
            let mut text = format!(
                "The nine components on the three sides of the triangle, from the check-in of {}. \
                 Scores run from 1 (fine as it is) to 5 (needs most work); a bigger circle needs more work.",
                date(l)
            );
            if let Some(e) = earlier {
                text.push_str(&format!(" Faint rings show the check-in of {}.", date(e)));
            }
            let mut most: Vec<(&Component, u8)> =
                components.iter().filter_map(|c| score(latest, &c.key).map(|s| (c, s))).collect();
            most.sort_by_key(|(_, score)| std::cmp::Reverse(*score));
            let top: Vec<String> =
                most.iter().filter(|(_, s)| *s >= 4).map(|(c, s)| format!("{} ({s})", c.name)).collect();
            if !top.is_empty() {
                text.push_str(&format!(" Needing most work: {}.", top.join(", ")));
            }
            text
        }
    };
    let columns = vec![
        "Component".to_string(),
        "Side".into(),
        latest.map_or("Latest".into(), |l| {
            format!("Latest ({})", l.taken.format("%Y-%m-%d"))
        }),
        earlier.map_or("Earlier".into(), |e| {
            format!("Earlier ({})", e.taken.format("%Y-%m-%d"))
        }),
    ];
    let cell = |s: Option<u8>| s.map_or("–".to_string(), |s| s.to_string());
    let rows = components
        .iter()
        .map(|c| {
            vec![
                c.name.clone(),
                c.side.label().to_string(),
                cell(score(latest, &c.key)),
                cell(score(earlier, &c.key)),
            ]
        })
        .collect();
    let svg = draw(&title, components, latest, earlier).map_err(|e| Error::Chart(e.to_string()))?;
    Ok(Chart {
        svg: finish_svg(svg, &title, &description, &[]),
        title,
        description,
        table: Table { columns, rows },
    })
}

fn draw(
    title: &str,
    components: &[Component],
    latest: Option<&CheckIn>,
    earlier: Option<&CheckIn>,
) -> std::result::Result<String, Box<dyn std::error::Error>> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        let font = |size: i32| ("sans-serif", size).into_font().color(&BLACK);
        root.draw(&Text::new(
            title.to_string(),
            (SIZE.0 as i32 / 2, 24),
            font(18).pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
        let px = |(x, y): (f64, f64)| (x.round() as i32, y.round() as i32);
        for (i, side) in Side::ALL.into_iter().enumerate() {
            let (a, b, _) = edge(side);
            let (r, g, bl) = SIDE_RGB[i];
            root.draw(&PathElement::new(
                vec![px(a), px(b)],
                RGBColor(r, g, bl).stroke_width(8),
            ))?;
        }
        for side in Side::ALL {
            let (a, b, (nx, ny)) = edge(side);
            let (r, g, bl) = SIDE_RGB[side as usize];
            let colour = RGBColor(r, g, bl);
            let on_side: Vec<&Component> = components.iter().filter(|c| c.side == side).collect();
            for (j, component) in on_side.iter().enumerate() {
                let t = (j as f64 + 1.0) / (on_side.len() as f64 + 1.0);
                let at = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
                let centre = px(at);
                let latest_score = latest.and_then(|c| c.scores.get(&component.key).copied());
                let earlier_score = earlier.and_then(|c| c.scores.get(&component.key).copied());
                if let Some(s) = earlier_score {
                    root.draw(&Circle::new(
                        centre,
                        radius(s),
                        BLACK.mix(0.45).stroke_width(2),
                    ))?;
                }
                match latest_score {
                    Some(s) => {
                        root.draw(&Circle::new(centre, radius(s), colour.mix(0.85).filled()))?;
                        root.draw(&Circle::new(
                            centre,
                            radius(s),
                            BLACK.mix(0.6).stroke_width(1),
                        ))?;
                    }
                    None => root.draw(&Circle::new(centre, 5, BLACK.mix(0.6).filled()))?,
                }
                // The label sits outside the triangle, past the biggest circle.
                let gap = 42.0;
                let label_at = px((at.0 + nx * gap, at.1 + ny * gap));
                let h = if nx < -0.1 {
                    HPos::Right
                } else if nx > 0.1 {
                    HPos::Left
                } else {
                    HPos::Center
                };
                let text = match latest_score {
                    Some(s) => format!("{} · {s}", component.name),
                    None => component.name.clone(),
                };
                root.draw(&Text::new(
                    text,
                    label_at,
                    font(17).pos(Pos::new(h, VPos::Center)),
                ))?;
            }
        }
        // A key: side colours and the score scale.
        let mut y = 616;
        for (i, side) in Side::ALL.into_iter().enumerate() {
            let x = 40 + i as i32 * 190;
            let (r, g, bl) = SIDE_RGB[i];
            root.draw(&PathElement::new(
                vec![(x, y), (x + 24, y)],
                RGBColor(r, g, bl).stroke_width(8),
            ))?;
            root.draw(&Text::new(
                side.label(),
                (x + 32, y),
                font(17).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
        y += 30;
        let scale = if earlier.is_some() {
            "Circle size: 1 = fine as it is … 5 = needs most work. Faint rings: the check-in before."
        } else {
            "Circle size: 1 = fine as it is … 5 = needs most work."
        };
        root.draw(&Text::new(
            scale,
            (40, y),
            font(17).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        root.present()?;
    }
    Ok(svg)
}

/// The triangle chart drawn from a journal.
pub trait TriangleCharts {
    /// The triangle picture of the latest check-in and the one before it.
    fn triangle_chart(&self) -> Result<Chart>;
}

impl TriangleCharts for Journal {
    fn triangle_chart(&self) -> Result<Chart> {
        let checkins = self.checkins()?;
        triangle_chart(&self.components()?, checkins.first(), checkins.get(1))
    }
}
