//! The report for a coach: one self-contained HTML file.
//!
//! Everything is inline: the styles, and the charts as SVG. Nothing is
//! fetched from anywhere and there is no script, so the file opens the same
//! anywhere, offline, and prints well (A4 or Letter, page breaks between
//! entries where possible). The charts are drawn from the selected entries
//! only, so nothing left out of the selection shows through them.

use std::fmt::Write as _;
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::atomic;
use super::selection::{ExportSelection, Selections};
use crate::render::escape_html;
use trine_store::error::Result;
use trine_store::figure::Chart;
use trine_store::model::display_title;
use trine_store::model::{Entry, EntryKind};
use trine_store::store::{is_complete, Journal, WeekStatus};

const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1d1f24; --muted: #5b6070; --rule: #d9dbe1; --paper: #ffffff;
  --developmental: #56B4E9; --emotional: #009E73; --integration: #E69F00; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 46rem; padding: 2.5rem 1.5rem 4rem; color: var(--ink); background: var(--paper);
  font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 0 0 .25rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .2rem; }
.cover { border-bottom: 2px solid var(--rule); padding-bottom: 1.5rem; margin-bottom: 2rem; }
.cover p, .meta { color: var(--muted); margin: .2rem 0; }
.cover .name { color: var(--ink); font-size: 1.2rem; }
.cover .note { margin-top: 1.25rem; padding: .75rem 1rem; border-left: 4px solid var(--rule); }
.cover .note h2 { font-size: 1.05rem; margin: 0 0 .4rem; }
.cover .note p { color: var(--ink); }
.chart { margin: 1.5rem 0 2rem; break-inside: avoid; }
.chart svg { width: 100%; height: auto; }
table { border-collapse: collapse; font-size: .8rem; margin-top: .5rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .15rem .6rem .15rem 0; text-align: left; }
article { border-top: 1px solid var(--rule); padding: 1.2rem 0; break-inside: avoid-page; }
.tags span { display: inline-block; border: 1px solid var(--rule); border-radius: 1rem; padding: 0 .5rem; margin-right: .3rem; font-size: .85rem; }
section.side { border-left: 4px solid var(--rule); padding-left: .9rem; margin: .8rem 0; }
section.side-developmental { border-color: var(--developmental); }
section.side-emotional { border-color: var(--emotional); }
section.side-integration { border-color: var(--integration); }
.prompt { color: var(--muted); font-style: italic; margin: 0 0 .3rem; }
blockquote { border-left: 3px solid var(--rule); margin: .5rem 0; padding-left: .8rem; color: var(--muted); }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@page { margin: 18mm 16mm; }
@media print { body { padding: 0; max-width: none; } .chart { page-break-inside: avoid; } }
"#;

/// Which weeks of the selection have a (selected) reflection, done or not.
pub fn selection_weeks(
    entries: &[Entry],
    first_day: trine_store::week::FirstDay,
) -> Vec<(NaiveDate, WeekStatus)> {
    let (Some(first), Some(last)) = (entries.first(), entries.last()) else {
        return Vec::new();
    };
    let start = first_day.week_start(first.date());
    let end = first_day.week_start(last.date());
    // Only the years the selection has entries in: a date centuries away
    // adds a row, not every week between.
    let years = entries.iter().map(|e| e.week_start.year()).collect();
    let reflections: std::collections::HashMap<NaiveDate, &Entry> = entries
        .iter()
        .filter(|e| e.kind == EntryKind::Reflection)
        .map(|e| (e.week_start, e))
        .collect();
    let mut out = Vec::new();
    for week in trine_store::store::weeks_in_years(start, end, &years) {
        let reflection = reflections.get(&week).copied();
        out.push((
            week,
            match reflection {
                Some(r) if is_complete(r) => WeekStatus::Done,
                Some(_) => WeekStatus::PartlyDone,
                None => WeekStatus::Missed,
            },
        ));
    }
    out
}

/// Links in a shared report become their text: the report refers to
/// nothing outside itself.
fn without_links(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<a ") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        rest = after.find('>').map_or("", |end| &after[end + 1..]);
    }
    out.push_str(rest);
    out.replace("</a>", "")
}

fn chart_html(out: &mut String, chart: &Chart) {
    // Inline SVG in HTML needs no namespace, and the report names no URL.
    let svg = chart
        .svg
        .replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1);
    let _ = write!(out, "<figure class=\"chart\">{svg}");
    let _ = write!(
        out,
        "<figcaption class=\"meta\">{}</figcaption>",
        escape_html(&chart.description)
    );
    out.push_str("<table><thead><tr>");
    for column in &chart.table.columns {
        let _ = write!(out, "<th>{}</th>", escape_html(column));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &chart.table.rows {
        out.push_str("<tr>");
        for cell in row {
            let _ = write!(out, "<td>{}</td>", escape_html(cell));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></figure>");
}

/// What a report shows before the entries: the analysis in sentences (a
/// coach can read in two minutes how the weeks moved) and the charts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportAnalysis {
    /// The summary: each rating's verdict, best and hardest weeks, tags
    /// that stand out, themes; then what the scales mean.
    pub summary: Vec<String>,
    /// The charts, each with its description and its numbers.
    pub charts: Vec<Chart>,
}

/// Makes the analysis a report shows for the entries chosen: the app
/// passes its own (this crate draws no chart and computes no statistics,
/// so it depends on neither; see ARCHITECTURE.md).
pub type DrawFigures<'a> =
    &'a dyn Fn(&Journal, &ExportSelection, &[Entry]) -> Result<ReportAnalysis>;

/// The analysis of a report: none when the selection leaves charts out or
/// chose no entries.
pub(crate) fn report_figures(
    journal: &Journal,
    selection: &ExportSelection,
    entries: &[Entry],
    draw: DrawFigures<'_>,
) -> Result<ReportAnalysis> {
    if selection.without_charts || entries.is_empty() {
        return Ok(ReportAnalysis::default());
    }
    draw(journal, selection, entries)
}

/// The report as one HTML document.
pub fn render_report(
    journal: &Journal,
    selection: &ExportSelection,
    entries: &[Entry],
    analysis: &ReportAnalysis,
    made_on: NaiveDate,
) -> Result<String> {
    let mut out = String::with_capacity(entries.len() * 2000 + 20_000);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    out.push_str("<title>Career belonging journal: a report</title>\n<style>");
    out.push_str(STYLE);
    out.push_str(
        "</style>\n</head>\n<body>\n<header class=\"cover\">\n<h1>Career belonging journal</h1>\n",
    );
    if let Some(name) = selection
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        let _ = writeln!(out, "<p class=\"name\">{}</p>", escape_html(name));
    }
    let _ = writeln!(
        out,
        "<p>{}: {}.</p>",
        super::selection::report_count_line(entries.len()),
        escape_html(&selection.describe())
    );
    if let Some((first, last)) = super::selection::date_span(entries) {
        let _ = writeln!(
            out,
            "<p>Written between {} and {}.</p>",
            first.format("%-d %B %Y"),
            last.format("%-d %B %Y")
        );
    }
    if let Some(line) = super::selection::skipped_sides_line(entries) {
        let _ = writeln!(out, "<p>{}</p>", escape_html(&line));
    }
    let _ = writeln!(
        out,
        "<p>Made with Trine on {}.</p>",
        made_on.format("%-d %B %Y")
    );
    if let Some(note) = selection
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        out.push_str("<section class=\"note\" aria-label=\"What I'd like to talk about\">\n<h2>What I\u{2019}d like to talk about</h2>\n");
        for paragraph in note.split("\n\n").filter(|p| !p.trim().is_empty()) {
            let _ = writeln!(
                out,
                "<p>{}</p>",
                escape_html(paragraph.trim()).replace('\n', "<br>")
            );
        }
        out.push_str("</section>\n");
    }
    out.push_str("</header>\n");

    if !analysis.summary.is_empty() {
        out.push_str("<section class=\"summary\" aria-labelledby=\"summary-title\">\n<h2 id=\"summary-title\">In brief</h2>\n<ul>\n");
        for line in &analysis.summary {
            let _ = writeln!(out, "<li>{}</li>", escape_html(line));
        }
        out.push_str("</ul>\n</section>\n");
    }
    if !analysis.charts.is_empty() {
        out.push_str("<section aria-label=\"Charts\">\n");
        for figure in &analysis.charts {
            chart_html(&mut out, figure);
        }
        out.push_str("</section>\n");
    }

    for entry in entries {
        out.push_str("<article>\n");
        let _ = writeln!(out, "<h2>{}</h2>", escape_html(&display_title(entry)));
        let _ = write!(
            out,
            "<p class=\"meta\">{}",
            escape_html(&super::selection::entry_meta_line(entry))
        );
        out.push_str("</p>\n");
        if !entry.tags.is_empty() {
            out.push_str("<p class=\"tags\">");
            for tag in &entry.tags {
                let _ = write!(out, "<span>#{}</span>", escape_html(tag));
            }
            out.push_str("</p>\n");
        }
        // A side skipped that week adds nothing a reader needs.
        let mut shown = entry.clone();
        shown.sections.retain(|s| !s.text.trim().is_empty());
        out.push_str(&without_links(&crate::render::entry_html(journal, &shown)));
        out.push_str("\n</article>\n");
    }
    out.push_str("<footer>This report holds only the entries chosen for it. Trine keeps the journal on its owner's computer.</footer>\n</body>\n</html>\n");
    Ok(out)
}

/// Writes the report for `selection` to `path`. Returns the number of entries.
pub fn export_html(
    journal: &Journal,
    selection: &ExportSelection,
    path: &Path,
    draw: DrawFigures<'_>,
) -> Result<usize> {
    let (entries, _) = journal.select(selection)?;
    let analysis = report_figures(journal, selection, &entries, draw)?;
    let html = render_report(
        journal,
        &selection.as_applied(journal, &entries)?,
        &entries,
        &analysis,
        trine_store::time::now().date_naive(),
    )?;
    atomic::write_file(path, |out| out.write_all(html.as_bytes()))?;
    Ok(entries.len())
}
