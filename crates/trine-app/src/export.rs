//! Exporting chosen entries: the formats are `trine-interchange`'s; the
//! figures of the HTML and PDF reports are drawn here with `trine-charts`,
//! so that the formats crate does not depend on the charts crate.

use std::path::Path;

use chrono::NaiveDate;
use trine_charts::{calendar_chart, ratings_chart, RatingsChartOptions};
use trine_interchange::{
    selection_weeks, weekly_ratings_of, ExportFormat, ExportOutcome, ExportSelection, Exports,
};
use trine_store::figure::Chart;
use trine_store::{Entry, Journal, Result};

/// Exports with the report's figures drawn by the app.
pub trait ExportReports {
    /// Exports the `selection` in `format` to `path` (a folder for the
    /// Markdown folder), all or nothing; the HTML and PDF reports carry the
    /// ratings chart (unless ratings are left out) and the calendar of the
    /// weeks chosen.
    fn export_to(
        &self,
        format: ExportFormat,
        selection: &ExportSelection,
        path: &Path,
    ) -> Result<ExportOutcome>;
}

impl ExportReports for Journal {
    fn export_to(
        &self,
        format: ExportFormat,
        selection: &ExportSelection,
        path: &Path,
    ) -> Result<ExportOutcome> {
        self.export_as(format, selection, path, &report_figures)
    }
}

/// The figures of a report on `entries`: the weekly ratings (unless the
/// selection leaves ratings out, or none is rated) and the calendar of
/// their weeks.
pub fn report_figures(
    journal: &Journal,
    selection: &ExportSelection,
    entries: &[Entry],
) -> Result<Vec<Chart>> {
    let mut figures = Vec::new();
    let weeks = selection_weeks(entries, journal.settings()?.first_day);
    let series = weekly_ratings_of(entries);
    if !selection.without_ratings && !series.is_empty() {
        let starts: Vec<NaiveDate> = weeks.iter().map(|(week, _)| *week).collect();
        figures.push(ratings_chart(
            &series,
            &starts,
            &[],
            &RatingsChartOptions::default(),
        )?);
    }
    figures.push(calendar_chart(&weeks)?);
    Ok(figures)
}
