//! Exporting chosen entries: the formats are `trine-interchange`'s; the
//! figures of the HTML and PDF reports are drawn here with `trine-charts`,
//! so that the formats crate does not depend on the charts crate.

use std::path::Path;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use trine_charts::{
    calendar_chart, checkin_history_chart, ratings_chart, triangle_chart, RatingsChartOptions,
};
use trine_interchange::{
    report_pages, selection_weeks, weekly_ratings_of, ExportFormat, ExportOutcome, ExportPreview,
    ExportSelection, Exports, ReportAnalysis, ReportPages, Selections,
};
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

    /// What an export of `selection` will hold, with the titles of the
    /// figures its report will really carry.
    fn preview_export(&self, selection: &ExportSelection) -> Result<ExportPreview>;

    /// The first `count` pages of the report for `selection`, as SVG, laid
    /// out as the PDF will be: the preview before saving. Mutable: the
    /// weeks' term counts are brought up to date first, so that the report
    /// and the export after it need not count a lifetime's words.
    fn preview_report_pages(
        &mut self,
        selection: &ExportSelection,
        count: usize,
    ) -> Result<ReportPages>;
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

    fn preview_export(&self, selection: &ExportSelection) -> Result<ExportPreview> {
        let mut preview = self.export_preview(selection)?;
        preview.charts.clear();
        if !selection.without_charts && preview.entries > 0 {
            let (entries, _) = self.select(selection)?;
            let analysis = report_figures(self, selection, &entries)?;
            if !analysis.summary.is_empty() {
                preview
                    .charts
                    .push("a summary of what changed, in words".to_string());
            }
            preview
                .charts
                .extend(analysis.charts.into_iter().map(|chart| chart.title));
        }
        Ok(preview)
    }

    fn preview_report_pages(
        &mut self,
        selection: &ExportSelection,
        count: usize,
    ) -> Result<ReportPages> {
        // Counting writes to the journal; when it cannot be written (a
        // full disk, another Trine holding it), the report counts the
        // chosen words itself, and the preview still comes.
        if let Err(error) = self.count_changed_weeks() {
            if !error.is_write_held_back() {
                return Err(error);
            }
        }
        report_pages(self, selection, &report_figures, count)
    }
}

/// What the scales mean, for the summary's end.
pub const SCALE_LEGEND: [&str; 3] = [
    "Ratings run from 1 to 10: how seen, known and valued (and, where rated, how confident in their direction) the person felt that week; 1 is not at all, 10 completely.",
    "Check-in scores run from 1 to 5 for each of the nine components: 1 is fine as it is, 5 needs the most work; a score going down is a component getting easier.",
    "The triangle's three sides: developmental needs (identity, patience, confidence), emotional needs (feeling seen, known and valued) and integration needs (values, voice and community, Trine's own reading of that side).",
];

/// The terms of the chosen entries, week by week. A week whose every live
/// entry is chosen, whole, takes the counts the journal keeps; the others
/// are counted from the chosen entries' words (a lifetime's words take
/// seconds to count).
pub(crate) fn chosen_week_terms(
    journal: &Journal,
    selection: &ExportSelection,
    entries: &[Entry],
) -> Result<BTreeMap<NaiveDate, BTreeMap<String, u32>>> {
    let shortened: BTreeSet<uuid::Uuid> = selection
        .without_sections
        .iter()
        .map(|(id, _)| *id)
        .collect();
    let mut by_week: BTreeMap<NaiveDate, (Vec<&Entry>, bool)> = BTreeMap::new();
    for entry in entries {
        let week = by_week.entry(entry.week_start).or_default();
        week.0.push(entry);
        week.1 |= shortened.contains(&entry.id);
    }
    let (Some(first), Some(last)) = (by_week.keys().next(), by_week.keys().next_back()) else {
        return Ok(BTreeMap::new());
    };
    let mut counted = journal.counted_week_terms(Some(*first), Some(*last))?;
    let mut terms = BTreeMap::new();
    for (week, (chosen, shortened)) in by_week {
        let kept = counted
            .remove(&week)
            .filter(|c| !shortened && c.entries == chosen.len());
        let counts = match kept {
            Some(c) => c.terms,
            None => {
                let mut counts = BTreeMap::new();
                for entry in chosen {
                    trine_store::terms::add_terms(entry, &mut counts);
                }
                counts
            }
        };
        terms.insert(week, counts);
    }
    Ok(terms)
}

/// The analysis of a report on `entries`, for a coach to read first: the
/// insights of the chosen weeks in sentences (unless the selection leaves
/// ratings out), what the scales mean, the ratings chart of the chosen
/// weeks with each rating's levels, the check-in triangle at the end of
/// the range against its start, each component's check-ins over the range,
/// and the calendar of the chosen weeks.
pub fn report_figures(
    journal: &Journal,
    selection: &ExportSelection,
    entries: &[Entry],
) -> Result<ReportAnalysis> {
    let mut analysis = ReportAnalysis::default();
    let weeks = selection_weeks(entries, journal.settings()?.first_day);
    let starts: Vec<NaiveDate> = weeks.iter().map(|(week, _)| *week).collect();
    let series = weekly_ratings_of(entries);
    if !selection.without_ratings && !series.is_empty() {
        // The chosen entries' own tags and words, not the journal's.
        let mut tags: BTreeMap<NaiveDate, BTreeSet<String>> = BTreeMap::new();
        for entry in entries {
            tags.entry(entry.week_start)
                .or_default()
                .extend(entry.tags.iter().cloned());
        }
        let terms: Vec<_> = chosen_week_terms(journal, selection, entries)?
            .into_iter()
            .collect();
        let confident = series.iter().any(|w| w.confident.is_some());
        let insights = crate::insights::compute(&series, &tags, &terms, confident);
        analysis.summary = insights.summary.clone();
        let changes = &insights.changes;
        let mut levels = vec![
            ("seen".to_string(), changes.seen.levels()),
            ("known".to_string(), changes.known.levels()),
            ("valued".to_string(), changes.valued.levels()),
        ];
        if let Some(c) = &changes.confident {
            levels.push(("confident".to_string(), c.levels()));
        }
        analysis.charts.push(ratings_chart(
            &series,
            &starts,
            &[],
            &RatingsChartOptions {
                levels,
                ..RatingsChartOptions::default()
            },
        )?);
    }
    analysis
        .summary
        .extend(SCALE_LEGEND.iter().map(|s| s.to_string()));
    // The check-ins of the range: the latest by its end against the one in
    // force at its start.
    if let (Some(first), Some(last)) = (starts.first(), starts.last()) {
        let end = *last + chrono::Days::new(6);
        let checkins = journal.checkins()?;
        let by_end: Vec<_> = checkins
            .iter()
            .filter(|c| c.taken.date_naive() <= end)
            .cloned()
            .collect();
        let at_start = by_end
            .iter()
            .find(|c| c.taken.date_naive() <= *first)
            .or_else(|| by_end.last());
        if let Some(latest) = by_end.first() {
            let earlier = at_start.filter(|c| c.id != latest.id);
            analysis.charts.push(triangle_chart(
                &journal.components()?,
                Some(latest),
                earlier,
            )?);
            let in_range: Vec<_> = by_end
                .iter()
                .filter(|c| c.taken.date_naive() >= *first || Some(c.id) == earlier.map(|e| e.id))
                .cloned()
                .collect();
            if in_range.len() >= 2 {
                analysis
                    .charts
                    .push(checkin_history_chart(&journal.components()?, &in_range)?);
            }
        }
    }
    analysis.charts.push(calendar_chart(&weeks)?);
    Ok(analysis)
}
