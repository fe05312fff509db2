//! The report as PDF: real text (searchable, copyable), charts as vectors,
//! a contents list with page numbers, page numbers on every page, and the
//! selection and date range on the cover.
//!
//! krilla writes the PDF (text is embedded with the font, so it can be
//! searched and copied); krilla-svg draws the chart SVGs as vector paths,
//! with their labels as text. The fonts, DejaVu Sans in four styles, are
//! compiled in, so the report looks the same on every system. What the
//! report holds is in `document`, laying it out in pages in `layout` (and
//! entries' Markdown in `markdown`), drawing the PDF in `draw`, and the
//! app's preview of its first pages in `svg_pages`.

use std::path::Path;

use chrono::NaiveDate;

mod document;
mod draw;
mod layout;
mod markdown;
mod svg_pages;

use super::atomic;
use super::report::{DrawFigures, ReportAnalysis};
use super::selection::{ExportSelection, Selections};
use trine_store::error::Result;
use trine_store::model::Entry;
use trine_store::store::Journal;

/// The bundled fonts, one per style.
mod fonts {
    use super::layout::Style;

    const REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
    const BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");
    const ITALIC: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Oblique.ttf");
    const BOLD_ITALIC: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-BoldOblique.ttf");

    /// Regular, bold, italic, bold italic.
    pub(super) const ALL: [&[u8]; 4] = [REGULAR, BOLD, ITALIC, BOLD_ITALIC];

    /// The place in `ALL` of the font for `style`.
    pub(super) fn index(style: Style) -> usize {
        usize::from(style.bold) + 2 * usize::from(style.italic)
    }
}

const PAGE: (f32, f32) = (595.0, 842.0); // A4 in points
const MARGIN: f32 = 56.0;
const BOTTOM: f32 = PAGE.1 - MARGIN - 24.0;
const WIDTH: f32 = PAGE.0 - 2.0 * MARGIN;

const INK: (u8, u8, u8) = (0x1d, 0x1f, 0x24);
const MUTED: (u8, u8, u8) = (0x5b, 0x60, 0x70);
const SIDES: [(u8, u8, u8); 3] = [(0x56, 0xB4, 0xE9), (0x00, 0x9E, 0x73), (0xE6, 0x9F, 0x00)];

/// The line at the foot of page `index` (from 0) of `total`.
fn footer(index: usize, total: usize) -> String {
    format!("Career belonging journal · page {} of {total}", index + 1)
}

/// The report as PDF bytes.
pub fn render_pdf(
    journal: &Journal,
    selection: &ExportSelection,
    entries: &[Entry],
    analysis: &ReportAnalysis,
    made_on: NaiveDate,
) -> Result<Vec<u8>> {
    draw::draw(document::lay_out(
        journal, selection, entries, analysis, made_on,
    )?)
}

/// Reports of at most this many entries are laid out whole for a preview,
/// so that it can say how many pages they have.
const COUNTED_IN_FULL: usize = 300;

/// The first pages of a report, drawn as SVG, for a preview before saving.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ReportPages {
    /// The first pages as SVG documents (A4 in points), in order.
    pub pages: Vec<String>,
    /// How many pages the whole report has, when that was laid out to
    /// draw these (a long report's is left uncounted: counting would mean
    /// laying out every entry).
    pub page_count: Option<usize>,
}

/// The first `count` pages of the report for `selection`, laid out as the
/// PDF lays them out, as SVG.
pub fn report_pages(
    journal: &Journal,
    selection: &ExportSelection,
    draw: DrawFigures<'_>,
    count: usize,
) -> Result<ReportPages> {
    let (entries, _) = journal.select(selection)?;
    let analysis = super::report::report_figures(journal, selection, &entries, draw)?;
    let made_on = trine_store::time::now().date_naive();
    // A report of a few hundred entries is laid out whole (a few
    // milliseconds), so its pages are counted; a longer one only as far as
    // the pages asked for.
    let upto = if entries.len() <= COUNTED_IN_FULL {
        usize::MAX
    } else {
        count
    };
    let applied = selection.as_applied(journal, &entries)?;
    let (mut layout, total) =
        document::lay_out_first(journal, &applied, &entries, &analysis, made_on, upto)?;
    layout.pages.truncate(count);
    Ok(ReportPages {
        pages: svg_pages::pages(&layout, total),
        page_count: total,
    })
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
        &selection.as_applied(journal, &entries)?,
        &entries,
        &analysis,
        trine_store::time::now().date_naive(),
    )?;
    atomic::write_file(path, |out| out.write_all(&bytes))?;
    Ok(entries.len())
}
