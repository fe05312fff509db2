//! Charts as SVG, drawn with plotters: the ratings over time, the triangle
//! picture of the check-ins, each component's check-in history, and the
//! reflection calendar.
//!
//! Every chart comes with a title and a plain-language description (written
//! into the SVG as `<title>` and `<desc>`, for screen readers) and the
//! numbers behind it as a [`Table`]. Colours come from the Okabe-Ito palette,
//! which stays distinguishable with colour-blindness, and are never the only
//! signal: each rating also has its own marker and dash pattern. Axes and
//! text use `currentColor`, so a chart follows the light or dark page it
//! sits on. Text from the journal (tag and component names) is escaped by
//! the SVG writer, so it can never become markup.

#![warn(missing_docs)]

mod calendar;
mod checkin_history;
mod panels;
mod ratings;
mod triangle;

pub use calendar::{calendar_chart, calendar_chart_at, CalendarCharts};
pub use checkin_history::{checkin_history_chart, score_words, CheckinHistoryCharts};
pub use ratings::{ratings_chart, Level, RatingsChartOptions, RatingsCharts};
pub use triangle::{triangle_chart, TriangleCharts};

pub use trine_store::figure::{Chart, Table};

/// Colours of the three ratings (Okabe-Ito blue, vermillion, reddish purple).
pub(crate) const SEEN_RGB: (u8, u8, u8) = (0x00, 0x72, 0xB2);
pub(crate) const KNOWN_RGB: (u8, u8, u8) = (0xD5, 0x5E, 0x00);
pub(crate) const VALUED_RGB: (u8, u8, u8) = (0xCC, 0x79, 0xA7);
/// Colour of the optional confidence rating (Okabe-Ito bluish green, a
/// shade darker so it reads on white).
pub(crate) const CONFIDENT_RGB: (u8, u8, u8) = (0x00, 0x7A, 0x5A);
/// Colours of the three sides (Okabe-Ito sky blue, bluish green, orange), as
/// in the app's emblem.
pub(crate) const SIDE_RGB: [(u8, u8, u8); 3] =
    [(0x56, 0xB4, 0xE9), (0x00, 0x9E, 0x73), (0xE6, 0x9F, 0x00)];

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// Finishes plotters' SVG: adds `<title>` and `<desc>` (escaped) and an
/// accessible role, turns pure black into `currentColor`, and gives each
/// colour in `dashes` its dash pattern.
pub(crate) fn finish_svg(
    svg: String,
    title: &str,
    description: &str,
    dashes: &[((u8, u8, u8), &str)],
) -> String {
    let mut svg = svg.replace("#000000", "currentColor");
    for (rgb, pattern) in dashes {
        // Only the rating lines themselves (2 px), not their averages.
        let stroke = format!("stroke=\"{}\" stroke-width=\"2\"", hex(*rgb));
        svg = svg
            .split("<polyline ")
            .enumerate()
            .map(|(i, part)| {
                if i > 0
                    && part
                        .split('>')
                        .next()
                        .is_some_and(|attrs| attrs.contains(&stroke))
                {
                    format!("<polyline stroke-dasharray=\"{pattern}\" {part}")
                } else if i > 0 {
                    format!("<polyline {part}")
                } else {
                    part.to_string()
                }
            })
            .collect();
    }
    let head_end = svg.find('>').map_or(0, |i| i + 1);
    let accessible = format!(
        "\n<title id=\"chart-title\">{}</title>\n<desc id=\"chart-desc\">{}</desc>",
        trine_store::html::escape_html(title),
        trine_store::html::escape_html(description)
    );
    let (head, rest) = svg.split_at(head_end);
    let head = head.replacen(
        "<svg ",
        "<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\" ",
        1,
    );
    format!("{head}{accessible}{rest}")
}

#[cfg(test)]
mod tests;
