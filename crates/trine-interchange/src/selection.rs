//! Choosing what to share: a date range, sides, tags and kinds, with
//! private entries left out unless asked for, and a preview of the result.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use trine_store::error::{Result, ValidationError};
use trine_store::model::{normalize_tags, Entry, EntryKind, Side};
use trine_store::store::{Journal, ListQuery, RatingMean, WeekRatings};

/// What a shared export holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportSelection {
    /// Entries written on or after this date.
    pub from: Option<NaiveDate>,
    /// Entries written on or before this date.
    pub to: Option<NaiveDate>,
    /// Only entries with a section on one of these sides (all when empty).
    pub sides: Vec<Side>,
    /// Only entries with one of these tags (all when empty).
    pub tags: Vec<String>,
    /// Only these kinds (all when empty).
    pub kinds: Vec<EntryKind>,
    /// Include entries marked private (left out by default).
    pub include_private: bool,
    /// Leave the ratings out of the entries and the report.
    pub without_ratings: bool,
    /// Leave the charts out of the report.
    pub without_charts: bool,
    /// Only these entries (by id), when any are named; they must match the
    /// other choices too.
    pub entries: Vec<uuid::Uuid>,
    /// Entries to leave out (by id), unticked one by one from all those
    /// the other choices match.
    pub without_entries: Vec<uuid::Uuid>,
    /// Sides of single reflections to leave out: (entry id, side).
    pub without_sections: Vec<(uuid::Uuid, Side)>,
    /// Newest entry first (oldest first by default).
    pub newest_first: bool,
    /// A note for the coach on the report's cover ("What I'd like to talk
    /// about"), plain text.
    pub note: Option<String>,
    /// A name for the report's cover.
    pub name: Option<String>,
}

/// The first and last dates written among `entries`, in either order.
pub(crate) fn date_span(entries: &[Entry]) -> Option<(NaiveDate, NaiveDate)> {
    let first = entries.iter().map(Entry::date).min()?;
    let last = entries.iter().map(Entry::date).max()?;
    Some((first, last))
}

/// The cover's count: "A report of 1 entry", "A report of 12 entries".
pub(crate) fn report_count_line(count: usize) -> String {
    match count {
        1 => "A report of 1 entry".to_string(),
        n => format!("A report of {n} entries"),
    }
}

/// The cover's line on the sides a person skipped in their week (left out
/// of a report, as they hold no words), when there are any.
pub(crate) fn skipped_sides_line(entries: &[Entry]) -> Option<String> {
    let skipped = entries
        .iter()
        .filter(|e| e.kind == EntryKind::Reflection)
        .flat_map(|e| &e.sections)
        .filter(|s| s.text.trim().is_empty())
        .count();
    match skipped {
        0 => None,
        1 => Some("1 side skipped in its week is left out.".into()),
        n => Some(format!("{n} sides skipped in their weeks are left out.")),
    }
}

/// What an export with a selection will hold, before writing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportPreview {
    /// Entries that will be exported.
    pub entries: usize,
    /// Private entries that match but are left out.
    pub private_left_out: usize,
    /// The weeks the entries belong to, oldest first.
    pub weeks: Vec<NaiveDate>,
    /// The first and last dates written.
    pub first_date: Option<NaiveDate>,
    /// The last date written.
    pub last_date: Option<NaiveDate>,
    /// The charts a report will include.
    pub charts: Vec<String>,
    /// The entries the choices other than the one-by-one ones match, in
    /// the export's order: what can be ticked and unticked (the first
    /// [`MAX_ITEMS`] of them).
    pub items: Vec<ExportItem>,
    /// How many entries those choices match, listed or not.
    pub items_total: usize,
}

/// The most entries a preview lists for ticking one by one; narrower
/// dates bring the others.
pub const MAX_ITEMS: usize = 1000;

/// An entry that can be chosen for an export, as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportItem {
    /// The entry's id.
    pub id: uuid::Uuid,
    /// The day it was written.
    pub date: NaiveDate,
    /// Its title (or the words a list shows for an untitled one).
    pub title: String,
    /// A weekly reflection or a note.
    pub kind: EntryKind,
    /// Marked private (listed only when private entries are included).
    pub private: bool,
    /// The sides of a reflection that have words, which can be left out
    /// one by one.
    pub sides: Vec<Side>,
}

impl ExportSelection {
    fn matches(&self, entry: &Entry, tags: &[String]) -> bool {
        (self.sides.is_empty() || self.sides.iter().any(|s| entry.section(*s).is_some()))
            && (tags.is_empty() || tags.iter().any(|t| entry.tags.contains(t)))
            && (self.kinds.is_empty() || self.kinds.contains(&entry.kind))
    }

    /// The choices as they applied to `entries` (what [`Selections::select`]
    /// gave for them), for a report's cover: of the entries named one by
    /// one, those exported; of those left out one by one, those the other
    /// choices match; of the sides left out, those of entries exported.
    pub fn as_applied(&self, journal: &Journal, entries: &[Entry]) -> Result<ExportSelection> {
        let exported: HashSet<uuid::Uuid> = entries.iter().map(|e| e.id).collect();
        let mut applied = self.clone();
        applied.entries.retain(|id| exported.contains(id));
        applied
            .without_sections
            .retain(|(id, _)| exported.contains(id));
        if !self.without_entries.is_empty() {
            let (otherwise, _) = journal.select(&ExportSelection {
                without_entries: Vec::new(),
                ..self.clone()
            })?;
            let matched: HashSet<uuid::Uuid> = otherwise.iter().map(|e| e.id).collect();
            applied.without_entries.retain(|id| matched.contains(id));
        }
        for ids in [&mut applied.entries, &mut applied.without_entries] {
            ids.sort_unstable();
            ids.dedup();
        }
        applied.without_sections.sort_unstable();
        applied.without_sections.dedup();
        Ok(applied)
    }

    /// The selection in plain words, for a report's cover.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        match (self.from, self.to) {
            (Some(f), Some(t)) => parts.push(format!(
                "from {} to {}",
                f.format("%-d %B %Y"),
                t.format("%-d %B %Y")
            )),
            (Some(f), None) => parts.push(format!("from {}", f.format("%-d %B %Y"))),
            (None, Some(t)) => parts.push(format!("up to {}", t.format("%-d %B %Y"))),
            (None, None) => parts.push("all dates".into()),
        }
        if !self.sides.is_empty() {
            let sides: Vec<&str> = self.sides.iter().map(|s| s.label()).collect();
            parts.push(format!("sides: {}", sides.join(", ")));
        }
        if !self.tags.is_empty() {
            parts.push(format!("tags: {}", self.tags.join(", ")));
        }
        if !self.kinds.is_empty() {
            let kinds: Vec<&str> = self.kinds.iter().map(|k| k.as_str()).collect();
            parts.push(format!("kinds: {}", kinds.join(", ")));
        }
        if !self.entries.is_empty() {
            parts.push(match self.entries.len() {
                1 => "1 entry chosen one by one".to_string(),
                n => format!("{n} entries chosen one by one"),
            });
        }
        if !self.without_entries.is_empty() {
            parts.push(match self.without_entries.len() {
                1 => "1 entry left out one by one".to_string(),
                n => format!("{n} entries left out one by one"),
            });
        }
        if !self.without_sections.is_empty() {
            parts.push(match self.without_sections.len() {
                1 => "1 side of a reflection left out".to_string(),
                n => format!("{n} sides of reflections left out"),
            });
        }
        parts.push(if self.include_private {
            "private entries included".into()
        } else {
            "private entries left out".into()
        });
        parts.join("; ")
    }
}

/// Choosing the entries an export takes.
pub trait Selections {
    /// The entries a shared export selects, oldest first, and how many
    /// private ones matched but were left out.
    fn select(&self, selection: &ExportSelection) -> Result<(Vec<Entry>, usize)>;

    /// What an export with `selection` would hold.
    fn export_preview(&self, selection: &ExportSelection) -> Result<ExportPreview>;
}

impl Selections for Journal {
    fn select(&self, selection: &ExportSelection) -> Result<(Vec<Entry>, usize)> {
        let tags = normalize_tags(&selection.tags)?;
        let mut entries = self.list(&ListQuery {
            from: selection.from,
            to: selection.to,
            ..ListQuery::default()
        })?;
        entries.retain(|e| selection.matches(e, &tags));
        if !selection.entries.is_empty() {
            // Entries named one by one must match the other choices too; a
            // private one among them needs the private entries asked for:
            // saying so beats leaving it out.
            let named: HashSet<uuid::Uuid> = selection.entries.iter().copied().collect();
            entries.retain(|e| named.contains(&e.id));
            if !selection.include_private {
                if let Some(private) = entries.iter().find(|e| e.private) {
                    return Err(ValidationError::PrivateEntryChosen(private.id.to_string()).into());
                }
            }
        }
        if !selection.without_entries.is_empty() {
            let left_out: HashSet<uuid::Uuid> = selection.without_entries.iter().copied().collect();
            entries.retain(|e| !left_out.contains(&e.id));
        }
        if !selection.newest_first {
            entries.reverse();
        }
        let before = entries.len();
        if !selection.include_private {
            entries.retain(|e| !e.private);
        }
        let left_out = before - entries.len();
        if !selection.without_sections.is_empty() {
            let mut without: HashMap<uuid::Uuid, Vec<Side>> = HashMap::new();
            for (id, side) in &selection.without_sections {
                without.entry(*id).or_default().push(*side);
            }
            for entry in &mut entries {
                if let Some(sides) = without.get(&entry.id) {
                    entry.sections.retain(|s| !sides.contains(&s.side));
                }
            }
        }
        if selection.without_ratings {
            for entry in &mut entries {
                entry.ratings = Default::default();
            }
        }
        Ok((entries, left_out))
    }

    fn export_preview(&self, selection: &ExportSelection) -> Result<ExportPreview> {
        let (entries, private_left_out) = self.select(selection)?;
        let weeks: BTreeSet<NaiveDate> = entries.iter().map(|e| e.week_start).collect();
        let mut charts = Vec::new();
        if !selection.without_charts {
            if !selection.without_ratings && entries.iter().any(|e| !e.ratings.is_empty()) {
                charts.push("How seen, known and valued I felt, week by week".to_string());
            }
            charts.push("My weekly reflections, week by week".to_string());
        }
        // What can be chosen from: the same choices without the one-by-one
        // ones.
        let one_by_one = !selection.entries.is_empty()
            || !selection.without_entries.is_empty()
            || !selection.without_sections.is_empty();
        let candidates = if !one_by_one {
            entries.clone()
        } else {
            self.select(&ExportSelection {
                entries: Vec::new(),
                without_entries: Vec::new(),
                without_sections: Vec::new(),
                ..selection.clone()
            })?
            .0
        };
        let items_total = candidates.len();
        let items = candidates
            .iter()
            .take(MAX_ITEMS)
            .map(|e| ExportItem {
                id: e.id,
                date: e.date(),
                title: trine_store::model::display_title(e),
                kind: e.kind,
                private: e.private,
                sides: e
                    .sections
                    .iter()
                    .filter(|s| !s.text.trim().is_empty())
                    .map(|s| s.side)
                    .collect(),
            })
            .collect();
        let span = date_span(&entries);
        Ok(ExportPreview {
            entries: entries.len(),
            private_left_out,
            first_date: span.map(|(first, _)| first),
            last_date: span.map(|(_, last)| last),
            weeks: weeks.into_iter().collect(),
            charts,
            items,
            items_total,
        })
    }
}

/// The line under an entry's title in a shared export: when it was
/// written, its week for a reflection, and how it felt ("felt seen 7/10…").
pub(crate) fn entry_meta_line(entry: &Entry) -> String {
    let mut meta = entry.created.format("%A %-d %B %Y, %H:%M").to_string();
    if entry.kind == EntryKind::Reflection {
        meta.push_str(&format!(
            " · weekly reflection, the week of {}",
            entry.week_start.format("%-d %B")
        ));
    }
    let r = entry.ratings;
    let ratings: Vec<String> = r
        .named()
        .iter()
        .filter_map(|(n, v)| v.map(|v| format!("{n} {}/10", v.get())))
        .collect();
    if !ratings.is_empty() {
        meta.push_str(&format!(" · felt {}", ratings.join(", ")));
    }
    meta
}

/// The weekly rating series of just these entries (a shared export's
/// charts and CSV must not include what was left out).
pub fn weekly_ratings_of(entries: &[Entry]) -> Vec<WeekRatings> {
    /// One week's ratings, gathered.
    #[derive(Default)]
    struct Gathered {
        seen: Vec<f64>,
        known: Vec<f64>,
        valued: Vec<f64>,
        confident: Vec<f64>,
        rated: u32,
    }
    let mut weeks: BTreeMap<NaiveDate, Gathered> = BTreeMap::new();
    for entry in entries.iter().filter(|e| !e.ratings.is_empty()) {
        let week = weeks.entry(entry.week_start).or_default();
        let r = entry.ratings;
        week.seen.extend(r.seen.map(|v| f64::from(v.get())));
        week.known.extend(r.known.map(|v| f64::from(v.get())));
        week.valued.extend(r.valued.map(|v| f64::from(v.get())));
        week.confident
            .extend(r.confident.map(|v| f64::from(v.get())));
        week.rated += 1;
    }
    let mean = |values: &[f64]| {
        (!values.is_empty()).then(|| RatingMean {
            mean: values.iter().sum::<f64>() / values.len() as f64,
            count: values.len() as u32,
        })
    };
    weeks
        .into_iter()
        .map(|(week_start, g)| WeekRatings {
            week_start,
            seen: mean(&g.seen),
            known: mean(&g.known),
            valued: mean(&g.valued),
            confident: mean(&g.confident),
            rated_entries: g.rated,
        })
        .collect()
}
