//! Printing results: readable text by default, JSON with `--json`.
//!
//! With `--json`, `list` and `search` print a JSON array of entry objects
//! (the shape of `EntryRecord`, documented in README.md); search results add
//! `snippet` (plain text) and `score`. Other commands print one JSON object.

use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{json, Value};
use trine_app::interchange::{EntryRecord, ImportSummary};
use trine_app::store::{Health, SearchHit};
use trine_app::{Entry, Ratings};

pub(crate) fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Prints in the chosen style.
pub struct Printer {
    /// Machine output.
    pub json: bool,
}

fn print_json(value: &impl Serialize) {
    crate::terminal::write_json(&serde_json::to_string_pretty(value).expect("output serialises"));
}

/// "the week of 23 November 2026".
pub fn week_phrase(week: NaiveDate) -> String {
    week.format("%-d %B %Y").to_string()
}

/// "seen 7 · known 6 · valued 8", leaving out what is not set.
pub fn ratings_text(r: &Ratings) -> String {
    r.named()
        .iter()
        .filter_map(|(name, v)| v.map(|v| format!("{name} {}", v.get())))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn title_of(entry: &Entry) -> String {
    if !entry.title.is_empty() {
        return entry.title.clone();
    }
    match entry.kind {
        // The same words as the app's.
        trine_app::EntryKind::Reflection => trine_app::model::display_title(entry),
        trine_app::EntryKind::Note => {
            let first = entry
                .full_text()
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("")
                .to_string();
            let short: String = first.chars().take(60).collect();
            if short.is_empty() {
                "(untitled)".into()
            } else {
                short
            }
        }
    }
}

fn one_line(entry: &Entry) -> String {
    let mut line = format!(
        "{}  {}  {}",
        entry.date(),
        &entry.id.to_string()[..8],
        title_of(entry)
    );
    if !entry.tags.is_empty() {
        line.push_str(&format!("  #{}", entry.tags.join(" #")));
    }
    let ratings = ratings_text(&entry.ratings);
    if !ratings.is_empty() {
        line.push_str(&format!("  ({ratings})"));
    }
    if entry.private {
        line.push_str("  [private]");
    }
    line
}

impl Printer {
    /// A list of entries.
    pub fn entries(&self, entries: &[Entry]) {
        if self.json {
            print_json(&entries.iter().map(EntryRecord::from).collect::<Vec<_>>());
        } else if entries.is_empty() {
            say!("No entries match.");
        } else {
            for entry in entries {
                say!("{}", one_line(entry));
            }
        }
    }

    /// One entry in full.
    pub fn entry(&self, entry: &Entry) {
        if self.json {
            print_json(&EntryRecord::from(entry));
            return;
        }
        say!("{}", title_of(entry));
        say!(
            "{} · {} · written {} · id {}",
            entry.kind,
            format_args!("week of {}", week_phrase(entry.week_start)),
            entry.created.format("%Y-%m-%d %H:%M %:z"),
            entry.id
        );
        if !entry.tags.is_empty() {
            say!("tags: {}", entry.tags.join(", "));
        }
        let ratings = ratings_text(&entry.ratings);
        if !ratings.is_empty() {
            say!("ratings: {ratings}");
        }
        if entry.private {
            say!("private: left out of shared exports");
        }
        if let Some(deleted) = entry.deleted {
            say!(
                "in the bin since {} (trine undelete {})",
                deleted.format("%Y-%m-%d %H:%M"),
                entry.id
            );
        }
        if !entry.body.is_empty() {
            say!("\n{}", entry.body.trim_end());
        }
        for section in &entry.sections {
            say!("\n## {}\n", section.side.label());
            say!("{}", section.text.trim_end());
        }
    }

    /// Search results.
    pub fn hits(&self, query: &str, hits: &[SearchHit], total: usize) {
        if self.json {
            let rows: Vec<Value> = hits
                .iter()
                .map(|hit| {
                    let mut value =
                        serde_json::to_value(EntryRecord::from(&hit.entry)).expect("serialises");
                    value["snippet"] = json!(hit.snippet_text);
                    value["score"] = json!(hit.score);
                    value
                })
                .collect();
            print_json(&rows);
        } else if hits.is_empty() {
            say!("Nothing matches {query:?}.");
        } else {
            for hit in hits {
                say!("{}", one_line(&hit.entry));
                say!("    {}", hit.snippet_text.replace('\n', " "));
            }
            if total > hits.len() {
                say!(
                    "{} of {total} matching entries shown; --limit {total} shows them all.",
                    hits.len()
                );
            }
        }
    }

    /// A change made to one entry.
    pub fn done(&self, entry: &Entry, what: &str, hint: Option<&str>) {
        if self.json {
            print_json(&EntryRecord::from(entry));
        } else {
            say!("{what}: {}", one_line(entry));
            if let Some(hint) = hint {
                say!("{hint}");
            }
        }
    }

    /// Tags with counts.
    pub fn tags(&self, tags: &[(String, u64)]) {
        if self.json {
            print_json(
                &tags
                    .iter()
                    .map(|(tag, count)| json!({"tag": tag, "entries": count}))
                    .collect::<Vec<_>>(),
            );
        } else if tags.is_empty() {
            say!("No tags yet.");
        } else {
            for (tag, count) in tags {
                say!("{count:>6}  #{tag}");
            }
        }
    }

    /// The result of `check`.
    pub fn health(&self, health: &Health, dir: &Path) {
        if self.json {
            let mut value = serde_json::to_value(health).expect("serialises");
            value["ok"] = json!(health.is_ok());
            value["data_dir"] = json!(dir);
            print_json(&value);
            return;
        }
        say!(
            "Journal: {}",
            dir.join(trine_app::store::JOURNAL_FILE).display()
        );
        if health.is_ok() {
            say!("Integrity: ok (database, search index and tag index)");
        } else {
            say!("Integrity: PROBLEMS FOUND");
            // SQLite's "ok" is no problem, when the search index is one.
            for line in health.integrity.iter().filter(|line| *line != "ok") {
                say!("  {line}");
            }
            if !health.search_index_ok {
                say!("  the search index does not match the entries");
            }
            if !health.tag_index_ok {
                say!("  the tag index does not match the entries' tags");
            }
            if health.entries_with_damaged_values > 0 {
                say!(
                    "  {} hold{} a damaged value (a byte that is not text, or tags that are no longer a list); --repair keeps every other word",
                    plural(health.entries_with_damaged_values, "entry", "entries"),
                    if health.entries_with_damaged_values == 1 { "s" } else { "" }
                );
            }
        }
        say!(
            "Entries: {} ({}, {} private), {} in the bin",
            health.entries,
            plural(health.reflections, "reflection", "reflections"),
            health.private,
            health.deleted
        );
        say!(
            "Tags: {}   Check-ins: {}   Schema version: {}",
            health.tags,
            health.checkins,
            health.schema_version
        );
    }

    /// A plain sentence (a JSON object `{"message": …}` with --json).
    pub fn message(&self, text: &str) {
        if self.json {
            print_json(&json!({ "message": text }));
        } else {
            say!("{text}");
        }
    }

    /// What became of the backups when the passphrase changed.
    pub fn copies_rekeyed(&self, copies: &trine_app::backup::CopiesRekeyed) {
        if self.json {
            print_json(
                &json!({ "backups_rekeyed": copies.rekeyed, "unreadable": copies.unreadable }),
            );
            return;
        }
        if copies.rekeyed > 0 {
            say!(
                "Its {} backup{} now match{} it.",
                copies.rekeyed,
                if copies.rekeyed == 1 { "" } else { "s" },
                if copies.rekeyed == 1 { "es" } else { "" }
            );
        }
        let damaged = |p: &&std::path::PathBuf| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("damaged-"))
        };
        let (kept, other): (Vec<_>, Vec<_>) = copies.unreadable.iter().partition(damaged);
        if !other.is_empty() {
            say!(
                "These backups could not be read with the old passphrase, so they were left as they were; delete them if you do not need them:"
            );
            for path in other {
                say!("  {}", path.display());
            }
        }
        if !kept.is_empty() {
            say!(
                "These damaged copies, kept by a restore, are too damaged to rewrite and were left as they were (in their old form: not encrypted, if the journal was not). Save what they hold with `trine salvage FILE --out FILE.json`, then delete them:"
            );
            for path in kept {
                say!("  {}", path.display());
            }
        }
    }

    /// A backup just taken.
    pub fn backup(&self, backup: &trine_app::backup::BackupInfo) {
        if self.json {
            print_json(backup);
        } else {
            say!(
                "Backed up to {} ({} kB).",
                backup.path.display(),
                backup.bytes.div_ceil(1024)
            );
        }
    }

    /// The list of backups.
    pub fn backups(&self, backups: &[trine_app::backup::BackupInfo], dir: &Path) {
        if self.json {
            print_json(&backups);
        } else if backups.is_empty() {
            say!(
                "No backups yet in {}. Take one with `trine backup`.",
                dir.display()
            );
        } else {
            for b in backups {
                say!(
                    "{}  {:>8} kB  {}",
                    b.taken.format("%Y-%m-%d %H:%M"),
                    b.bytes.div_ceil(1024),
                    b.path.display()
                );
            }
        }
    }

    /// Where backups go now.
    pub fn backup_places(&self, places: &[trine_app::backup::BackupPlace]) {
        if self.json {
            // The backup taken next is the command's JSON answer.
            return;
        }
        for place in places {
            say!(
                "Backups go to {}{}.",
                place.folder.display(),
                if place.beside_journal {
                    " (beside the journal)"
                } else {
                    ""
                }
            );
        }
    }

    /// What `salvage` could read from a damaged journal, and where it
    /// went.
    pub fn salvaged(&self, salvaged: &trine_app::store::salvage::Salvaged, from: &Path, to: &Path) {
        if self.json {
            print_json(&json!({
                "from": from,
                "path": to,
                "entries": salvaged.entries.len(),
                "checkins": salvaged.checkins.len(),
                "entries_unreadable": salvaged.entries_unreadable,
                "checkins_unreadable": salvaged.checkins_unreadable,
                "lists_unreadable": salvaged.lists_unreadable,
                "read_from_pages": salvaged.read_from_pages,
            }));
            return;
        }
        say!(
            "Read {} and {} from {}, written to {}.",
            plural(salvaged.entries.len() as u64, "entry", "entries"),
            plural(salvaged.checkins.len() as u64, "check-in", "check-ins"),
            from.display(),
            to.display()
        );
        if salvaged.read_from_pages > 0 {
            say!(
                "{} found by reading the file's pages one by one, past damage SQLite could not read through.",
                plural(salvaged.read_from_pages as u64, "entry was", "entries were")
            );
        }
        let lost: Vec<String> = [
            (salvaged.entries_unreadable, "entry", "entries"),
            (salvaged.checkins_unreadable, "check-in", "check-ins"),
        ]
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| plural(n as u64, one, many))
        .collect();
        if !lost.is_empty() {
            say!(
                "Damaged pages could not be read: up to {} lost with them (a backup may hold them).",
                lost.join(" and ")
            );
        } else if salvaged.lists_unreadable.is_empty() {
            say!("Every entry and check-in could be read.");
        }
        for list in &salvaged.lists_unreadable {
            say!("The {list} could not be read.");
        }
        say!(
            "To add them to your journal (after restoring a backup): trine import --format json {} (entries already there are skipped).",
            to.display()
        );
    }

    /// A folder chosen for backups before, forgotten.
    pub fn backup_folder_forgotten(&self, folder: &Path) {
        if self.json {
            print_json(&json!({"forgotten": folder}));
            return;
        }
        say!(
            "Trine has forgotten {}; the backups in it stay as they are.",
            folder.display()
        );
    }

    /// A restore done.
    pub fn restored(&self, from: &Path, kept: &Path, entries: u64) {
        // A journal that was missing left nothing to keep.
        let kept = kept.exists().then_some(kept);
        if self.json {
            print_json(
                &json!({"restored_from": from, "replaced_journal_kept_at": kept, "entries": entries}),
            );
        } else {
            say!(
                "Restored {} ({}).",
                from.display(),
                plural(entries, "entry", "entries")
            );
            match kept {
                Some(kept) => {
                    say!("The journal it replaced is kept at {}.", kept.display());
                    say!(
                        "Anything written after that backup is still in it: `trine salvage {} --out salvaged.json` saves what can be read, to import.",
                        kept.display()
                    );
                }
                None => say!("There was no journal file to keep."),
            }
        }
    }

    /// What an import did.
    pub fn import_summary(&self, summary: &ImportSummary, path: &Path, with_settings: bool) {
        if self.json {
            print_json(summary);
            return;
        }
        say!(
            "Imported {} of {} from {}.",
            summary.imported,
            plural(summary.read as u64, "entry", "entries"),
            path.display()
        );
        if summary.duplicates > 0 {
            say!(
                "{} were already in the journal and were skipped.",
                summary.duplicates
            );
        }
        if summary.kept_beside > 0 {
            say!(
                "{} differ from an entry already there with the same id; both versions are kept.",
                summary.kept_beside
            );
        }
        if summary.checkins > 0 {
            say!("{} check-ins imported.", summary.checkins);
        }
        if !summary.settings_taken.is_empty() {
            say!(
                "Settings taken from the file: {}.",
                summary.settings_taken.join(", ")
            );
        }
        for note in &summary.notes {
            say!("note: {note}");
        }
        if !summary.settings_left_out.is_empty() && !with_settings {
            say!("To take the file's settings too, import it again with --with-settings.");
        }
    }

    /// What an export wrote: `count` entries (or weeks, for CSV), and how
    /// many private entries were left out.
    pub fn exported(&self, count: usize, path: &Path, weeks: bool, private_left_out: usize) {
        if self.json {
            let what = if weeks { "weeks" } else { "entries" };
            print_json(&json!({what: count, "path": path, "private_left_out": private_left_out}));
            return;
        }
        let what = if weeks {
            plural(count as u64, "week", "weeks")
        } else {
            plural(count as u64, "entry", "entries")
        };
        say!("Exported {what} to {}.", path.display());
        if private_left_out > 0 {
            say!(
                "{} marked private left out (add --include-private to share them).",
                plural(private_left_out as u64, "entry", "entries")
            );
        }
    }

    /// What an export would hold.
    pub fn preview(&self, preview: &trine_app::interchange::ExportPreview) {
        if self.json {
            print_json(preview);
            return;
        }
        say!(
            "Would export {}.",
            plural(preview.entries as u64, "entry", "entries")
        );
        if let (Some(first), Some(last)) = (preview.first_date, preview.last_date) {
            say!(
                "Written from {first} to {last}, in {}.",
                plural(preview.weeks.len() as u64, "week", "weeks")
            );
        }
        if preview.private_left_out > 0 {
            say!(
                "{} marked private would be left out.",
                plural(preview.private_left_out as u64, "entry", "entries")
            );
        }
        if !preview.charts.is_empty() {
            say!("Charts in a report: {}.", preview.charts.join("; "));
        }
    }
}
