//! The laid-out pages as SVG, for the app's preview: the same words at the
//! same places, the same charts and bars, as the PDF draws them.

use std::fmt::Write as _;

use super::layout::{Item, Layout};
use super::{footer, MARGIN, MUTED, PAGE};
use crate::render::escape_html;

fn rgb(c: (u8, u8, u8)) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// The pages of `layout` as SVG documents, each A4 in points, with the
/// footer the PDF gives it (of `total` pages, when known).
pub(super) fn pages(layout: &Layout, total: Option<usize>) -> Vec<String> {
    layout
        .pages
        .iter()
        .enumerate()
        .map(|(index, items)| page(items, index, total))
        .collect()
}

fn page(items: &[Item], index: usize, total: Option<usize>) -> String {
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="report-page" viewBox="0 0 {w} {h}" role="group" aria-label="Page {n}" font-family="DejaVu Sans, sans-serif" color="#1d1f24"><rect width="{w}" height="{h}" fill="#ffffff"/>"##,
        w = PAGE.0,
        h = PAGE.1,
        n = index + 1,
    );
    let footer_words = match total {
        Some(total) => footer(index, total),
        None => format!("Career belonging journal \u{b7} page {}", index + 1),
    };
    for item in items {
        match item {
            Item::Text {
                x,
                y,
                size,
                style,
                color,
                text,
            } => {
                let _ = write!(
                    svg,
                    r#"<text x="{x:.1}" y="{y:.1}" font-size="{size}" fill="{}"{}{} xml:space="preserve">{}</text>"#,
                    rgb(*color),
                    if style.bold {
                        r#" font-weight="bold""#
                    } else {
                        ""
                    },
                    if style.italic {
                        r#" font-style="italic""#
                    } else {
                        ""
                    },
                    escape_html(text)
                );
            }
            Item::Bar {
                x,
                top,
                bottom,
                color,
            } => {
                let _ = write!(
                    svg,
                    r#"<line x1="{x:.1}" y1="{top:.1}" x2="{x:.1}" y2="{bottom:.1}" stroke="{}" stroke-width="3"/>"#,
                    rgb(*color)
                );
            }
            Item::Svg {
                x,
                y,
                w,
                tree,
                source,
                ..
            } => {
                // The chart's own SVG at its own size, scaled into the
                // laid-out box.
                let scale = w / tree.size().width();
                let own = source.trim_start();
                let own = match own.find("<svg") {
                    Some(start) => &own[start..],
                    None => "",
                };
                let _ = write!(
                    svg,
                    r#"<g transform="translate({x:.1} {y:.1}) scale({scale:.4})">{own}</g>"#
                );
            }
            Item::Link { .. } => {}
        }
    }
    let _ = write!(
        svg,
        r#"<text x="{MARGIN}" y="{:.1}" font-size="8.5" fill="{}">{}</text></svg>"#,
        PAGE.1 - MARGIN + 16.0,
        rgb(MUTED),
        escape_html(&footer_words)
    );
    svg
}
