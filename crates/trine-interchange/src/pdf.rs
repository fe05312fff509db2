//! The report as PDF: real text (searchable, copyable), charts as vectors,
//! page numbers, and the selection and date range on the cover.
//!
//! krilla writes the PDF (text is embedded with the font, so it can be
//! searched and copied); krilla-svg draws the chart SVGs as vector paths,
//! with their labels as text. The font, DejaVu Sans, is compiled in, so the
//! report looks the same on every system. The layout (paragraphs with
//! bold kept, Markdown, charts, pages) is in `layout`.

use std::path::Path;

use chrono::NaiveDate;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Size};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use krilla::Document;
use krilla_svg::{SurfaceExt, SvgSettings};

mod layout;

use layout::{Item, Layout};

use super::atomic;
use super::report::DrawFigures;
use super::selection::{ExportSelection, Selections};
use trine_store::error::{Error, Result};
use trine_store::model::display_title;
use trine_store::model::Entry;
use trine_store::store::Journal;

const REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

const PAGE: (f32, f32) = (595.0, 842.0); // A4 in points
const MARGIN: f32 = 56.0;
const BOTTOM: f32 = PAGE.1 - MARGIN - 24.0;
const WIDTH: f32 = PAGE.0 - 2.0 * MARGIN;

const INK: (u8, u8, u8) = (0x1d, 0x1f, 0x24);
const MUTED: (u8, u8, u8) = (0x5b, 0x60, 0x70);
const SIDES: [(u8, u8, u8); 3] = [(0x56, 0xB4, 0xE9), (0x00, 0x9E, 0x73), (0xE6, 0x9F, 0x00)];

fn color(c: (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(c.0, c.1, c.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

/// The report as PDF bytes.
pub fn render_pdf(
    journal: &Journal,
    selection: &ExportSelection,
    entries: &[Entry],
    analysis: &super::report::ReportAnalysis,
    made_on: NaiveDate,
) -> Result<Vec<u8>> {
    let mut layout = Layout::new();
    // The cover.
    layout.gap(120.0);
    layout.paragraph("Career belonging journal", 26.0, true, INK, 0.0);
    if let Some(name) = selection
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        layout.gap(4.0);
        layout.paragraph(name, 15.0, false, INK, 0.0);
    }
    layout.gap(8.0);
    layout.paragraph(
        &format!("A report of {} entries.", entries.len()),
        13.0,
        false,
        INK,
        0.0,
    );
    layout.gap(6.0);
    layout.paragraph(
        &format!("Chosen: {}.", selection.describe()),
        11.0,
        false,
        MUTED,
        0.0,
    );
    if let Some((first, last)) = super::selection::date_span(entries) {
        layout.paragraph(
            &format!(
                "Written between {} and {}.",
                first.format("%-d %B %Y"),
                last.format("%-d %B %Y")
            ),
            11.0,
            false,
            MUTED,
            0.0,
        );
    }
    layout.paragraph(
        &format!("Made with Trine on {}.", made_on.format("%-d %B %Y")),
        11.0,
        false,
        MUTED,
        0.0,
    );
    if let Some(note) = selection
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        layout.gap(24.0);
        layout.paragraph("What I\u{2019}d like to talk about", 14.0, true, INK, 0.0);
        layout.gap(4.0);
        for paragraph in note.split("\n\n").filter(|p| !p.trim().is_empty()) {
            layout.paragraph(paragraph.trim(), 11.5, false, INK, 0.0);
            layout.gap(4.0);
        }
    }

    if !analysis.summary.is_empty() {
        layout.new_page();
        layout.paragraph("In brief", 17.0, true, INK, 0.0);
        layout.gap(6.0);
        for line in &analysis.summary {
            layout.paragraph(&format!("\u{2022} {line}"), 10.5, false, INK, 10.0);
            layout.gap(3.0);
        }
    }
    let figures = &analysis.charts;
    if !figures.is_empty() {
        layout.new_page();
        for (i, figure) in figures.iter().enumerate() {
            if i > 0 {
                layout.gap(16.0);
            }
            layout.svg(&figure.svg)?;
            layout.paragraph(&figure.description, 9.0, false, MUTED, 0.0);
        }
    }

    for entry in entries {
        layout.new_page_if_low(120.0);
        layout.gap(14.0);
        layout.paragraph(&display_title(entry), 15.0, true, INK, 0.0);
        let meta = super::selection::entry_meta_line(entry);
        layout.paragraph(&meta, 9.5, false, MUTED, 0.0);
        if !entry.tags.is_empty() {
            let tags: Vec<String> = entry.tags.iter().map(|t| format!("#{t}")).collect();
            layout.paragraph(&tags.join("  "), 9.5, false, MUTED, 0.0);
        }
        layout.gap(6.0);
        if !entry.body.trim().is_empty() {
            layout.markdown(&entry.body, 0.0);
        }
        // A side skipped that week adds nothing a reader needs.
        for section in entry.sections.iter().filter(|s| !s.text.is_empty()) {
            let top = layout.y;
            let page = layout.pages.len();
            layout.paragraph(section.side.label(), 11.0, true, INK, 12.0);
            if let Some(prompt) = section
                .prompt_id
                .as_deref()
                .and_then(|p| journal.prompt(p).ok())
            {
                layout.paragraph(&prompt.text, 9.5, false, MUTED, 12.0);
            }
            layout.markdown(&section.text, 12.0);
            // The side's colour runs beside the whole section, across
            // page breaks too: to the foot of each page it fills, and
            // from the top of each page it continues on.
            let side_color = SIDES[section.side as usize];
            for (index, from, to) in bar_pieces(page, top + 4.0, layout.pages.len(), layout.y) {
                layout.pages[index].push(Item::Bar {
                    x: MARGIN + 2.0,
                    top: from,
                    bottom: to,
                    color: side_color,
                });
            }
            layout.gap(6.0);
        }
        if let Some(follow_up) = &entry.follow_up {
            layout.paragraph("Last week's step", 11.0, true, INK, 12.0);
            layout.paragraph(
                &format!("Planned: {}", follow_up.planned),
                9.5,
                false,
                MUTED,
                12.0,
            );
            if !follow_up.answer.is_empty() {
                layout.markdown(&follow_up.answer, 12.0);
            }
            layout.gap(6.0);
        }
    }
    draw(layout)
}

fn draw(layout: Layout) -> Result<Vec<u8>> {
    let regular = Font::new(REGULAR.into(), 0).expect("the bundled font is valid");
    let bold = Font::new(BOLD.into(), 0).expect("the bundled font is valid");
    let mut document = Document::new();
    let total = layout.pages.len();
    for (index, items) in layout.pages.into_iter().enumerate() {
        let mut page = document.start_page_with(PageSettings::from_wh(PAGE.0, PAGE.1).expect("A4"));
        let mut surface = page.surface();
        for item in items {
            match item {
                Item::Text {
                    x,
                    y,
                    size,
                    bold: is_bold,
                    color: c,
                    text,
                } => {
                    surface.set_fill(Some(color(c)));
                    let font = if is_bold {
                        bold.clone()
                    } else {
                        regular.clone()
                    };
                    surface.draw_text(
                        Point::from_xy(x, y),
                        font,
                        size,
                        &text,
                        false,
                        TextDirection::Auto,
                    );
                }
                Item::Bar {
                    x,
                    top,
                    bottom,
                    color: c,
                } => {
                    let mut path = PathBuilder::new();
                    path.move_to(x, top);
                    path.line_to(x, bottom);
                    if let Some(path) = path.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke {
                            paint: rgb::Color::new(c.0, c.1, c.2).into(),
                            width: 3.0,
                            ..Stroke::default()
                        }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                    }
                }
                Item::Svg { x, y, w, h, tree } => {
                    surface.push_transform(&krilla::geom::Transform::from_translate(x, y));
                    let size = Size::from_wh(w, h).expect("a chart has a size");
                    surface.draw_svg(
                        &tree,
                        size,
                        SvgSettings {
                            embed_text: true,
                            ..SvgSettings::default()
                        },
                    );
                    surface.pop();
                }
            }
        }
        surface.set_fill(Some(color(MUTED)));
        let footer = format!("Career belonging journal · page {} of {total}", index + 1);
        surface.draw_text(
            Point::from_xy(MARGIN, PAGE.1 - MARGIN + 16.0),
            regular.clone(),
            8.5,
            &footer,
            false,
            TextDirection::Auto,
        );
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| Error::Chart(format!("could not write the PDF: {e:?}")))
}

/// The pieces of a side's bar for a section that starts at `top` on page
/// `first` (counted from 1) and ends at `end` on page `last`: (page index
/// from 0, top, bottom), one per page it spans.
fn bar_pieces(first: usize, top: f32, last: usize, end: f32) -> Vec<(usize, f32, f32)> {
    (first..=last)
        .map(|page| {
            let from = if page == first { top } else { MARGIN };
            let to = if page == last { end } else { BOTTOM };
            (page - 1, from, to)
        })
        .filter(|(_, from, to)| to > from)
        .collect()
}

/// Writes the PDF report for `selection` to `path`. Returns the number of entries.
pub fn export_pdf(
    journal: &Journal,
    selection: &ExportSelection,
    path: &Path,
    draw: DrawFigures<'_>,
) -> Result<usize> {
    let (entries, _) = journal.select(selection)?;
    let analysis = super::report::report_figures(journal, selection, &entries, draw)?;
    let bytes = render_pdf(
        journal,
        selection,
        &entries,
        &analysis,
        trine_store::time::now().date_naive(),
    )?;
    atomic::write_file(path, |out| out.write_all(&bytes))?;
    Ok(entries.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sides_colour_runs_on_across_page_breaks() {
        // Within one page: one piece, top to end.
        assert_eq!(bar_pieces(2, 300.0, 2, 420.0), vec![(1, 300.0, 420.0)]);
        // Over three pages: to the foot of the first, the whole second,
        // and from the top of the third to the end.
        assert_eq!(
            bar_pieces(1, 600.0, 3, 200.0),
            vec![(0, 600.0, BOTTOM), (1, MARGIN, BOTTOM), (2, MARGIN, 200.0)]
        );
        // A section that began at the very foot of a page draws nothing
        // there.
        assert_eq!(bar_pieces(1, BOTTOM, 2, 150.0), vec![(1, MARGIN, 150.0)]);
    }
}
