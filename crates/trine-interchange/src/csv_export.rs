//! The weekly ratings as CSV: one row per rated week.

use std::path::Path;

use super::atomic;
use super::selection::weekly_ratings_of;
use trine_store::error::Result;
use trine_store::model::{Entry, EntryKind};
use trine_store::week::iso_week_label;

/// Writes one row per week with ratings among `entries`: ISO week, the
/// week's first day, the mean seen, known and valued (blank when not
/// rated), how many entries the means rest on, the week's reflection
/// note, and last, when any chosen week rated it, the mean confidence (the
/// optional fourth rating; blank in a week not rated). Without it the
/// columns stay as they always were. Returns the number of rows.
pub fn export_csv(entries: &[Entry], path: &Path) -> Result<usize> {
    let weeks = weekly_ratings_of(entries);
    let note = |week| {
        entries
            .iter()
            .find(|e| e.kind == EntryKind::Reflection && e.week_start == week)
            .map(|e| e.body.clone())
            .unwrap_or_default()
    };
    let confident = weeks.iter().any(|w| w.confident.is_some());
    atomic::write_file(path, |out| {
        let mut writer = csv::Writer::from_writer(out);
        let mut header = vec![
            "iso_week",
            "week_start",
            "seen",
            "known",
            "valued",
            "rated_entries",
            "note",
        ];
        if confident {
            header.push("confident");
        }
        writer.write_record(header)?;
        let cell = |m: Option<trine_store::store::RatingMean>| {
            m.map_or(String::new(), |m| format_mean(m.mean))
        };
        for week in &weeks {
            let mut row = vec![
                iso_week_label(week.week_start),
                week.week_start.to_string(),
                cell(week.seen),
                cell(week.known),
                cell(week.valued),
                week.rated_entries.to_string(),
                note(week.week_start),
            ];
            if confident {
                row.push(cell(week.confident));
            }
            writer.write_record(row)?;
        }
        writer.flush()?;
        Ok(())
    })?;
    Ok(weeks.len())
}

/// A mean as written in exports: whole numbers plainly, others to two places.
fn format_mean(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.2}")
    }
}
