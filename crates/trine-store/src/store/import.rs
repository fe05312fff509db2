//! Writing checked records into the journal in one transaction.

use super::WriteTx;
use std::collections::BTreeMap;

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::error::{ImportError, Location};
use crate::model::{EntryKind, NewEntry};
use crate::store::{CheckIn, Journal, NewCheckIn};
use crate::time;

/// The most text one entry may hold (title, body and answers): 1 MiB,
/// some 150,000 words. An import refuses a longer one, naming its place.
pub const MAX_ENTRY_BYTES: usize = 1024 * 1024;

/// A size for a message: "128 MiB".
pub fn shown_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MiB", bytes / (1024 * 1024))
    } else {
        format!("{} KiB", bytes.div_ceil(1024))
    }
}

/// One checked entry to import, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportItem {
    /// Where the record was read.
    pub location: Location,
    /// The entry to write.
    pub entry: NewEntry,
}

/// Everything read from an import file, checked and ready to write.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportSet {
    /// The entries, in file order.
    pub entries: Vec<ImportItem>,
    /// Check-ins (full backups only).
    pub checkins: Vec<CheckIn>,
    /// Settings (full backups only). Applied only when
    /// [`ImportSet::apply_settings`] is set.
    pub settings: BTreeMap<String, String>,
    /// The situation history (full backups only), taken with the settings.
    pub situations: Vec<crate::store::SituationSince>,
    /// Whether to take the file's settings too (the person asked for it:
    /// `trine import --with-settings`, or a separate confirmation in the
    /// app). Off by default: an import adds entries and check-ins only,
    /// so a file cannot quietly shorten the backups kept or turn the idle
    /// lock off.
    pub apply_settings: bool,
    /// What the reader could not carry across, one sentence each.
    pub notes: Vec<String>,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// Entries read from the file.
    pub read: usize,
    /// Entries written.
    pub imported: usize,
    /// Entries already in the journal, exactly; not written again.
    pub duplicates: usize,
    /// Entries that share an id (or date, title and body) with a different
    /// entry already there; imported beside it with a new id.
    pub kept_beside: usize,
    /// Check-ins written.
    pub checkins: usize,
    /// The file's settings that were taken (with
    /// [`ImportSet::apply_settings`]).
    pub settings_taken: Vec<String>,
    /// The file's settings that were not taken: all of them unless asked
    /// for, and those that are never taken from a file (the library's
    /// version, the last reminder, the introduction's state, unknown keys,
    /// values out of range).
    pub settings_left_out: Vec<String>,
    /// Things worth telling the person, one sentence each.
    pub notes: Vec<String>,
}

enum Placement {
    New,
    Duplicate,
    Beside,
}

/// The entries of the journal by their date, title and body, for telling
/// an incoming entry without an id from one already there. Built once per
/// import, with one pass over the entries, and kept up to date as entries
/// are written: looking an entry up is then a hash lookup, where a query
/// per entry scanned the whole table (no index can answer date, title and
/// body), which made imports without ids quadratic.
#[derive(Default)]
struct ContentIndex {
    keys: Option<std::collections::HashSet<ContentKey>>,
}

/// The date, and the title and body hashed to 128 bits (two independent
/// 64-bit SipHashes): an accidental collision is out of reach.
type ContentKey = (String, u64, u64);

fn content_key(date: &str, title: &str, body: &str) -> ContentKey {
    use std::hash::{Hash, Hasher};
    let hash = |salt: u8| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        salt.hash(&mut h);
        title.hash(&mut h);
        body.hash(&mut h);
        h.finish()
    };
    (date.to_string(), hash(1), hash(2))
}

impl ContentIndex {
    /// The keys, read from the journal on first use.
    fn keys(&mut self, tx: &WriteTx<'_>) -> Result<&mut std::collections::HashSet<ContentKey>> {
        if self.keys.is_none() {
            let mut keys = std::collections::HashSet::new();
            let mut stmt = tx.prepare("SELECT entry_date, title, body FROM entries")?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                let (date, title, body): (String, String, String) =
                    (row.get(0)?, row.get(1)?, row.get(2)?);
                keys.insert(content_key(&date, &title, &body));
            }
            self.keys = Some(keys);
        }
        Ok(self.keys.as_mut().expect("just filled"))
    }
}

impl Journal {
    /// Writes a checked import set in one transaction: all of it or, on any
    /// failure, none of it.
    pub fn import(&mut self, set: ImportSet) -> Result<ImportSummary> {
        self.import_with_progress(set, &mut |_, _| {})
    }

    /// [`Journal::import`], calling `progress(done, total)` as entries are
    /// written (every 100 entries and at the end), for progress bars.
    pub fn import_with_progress(
        &mut self,
        set: ImportSet,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportSummary> {
        self.import_stoppable(set, progress, &std::sync::atomic::AtomicBool::new(false))
    }

    /// [`Journal::import_with_progress`] that stops when `stop` is set
    /// (checked every 100 entries): nothing is written, and the error is
    /// [`ImportError::Stopped`]. For a Stop button.
    pub fn import_stoppable(
        &mut self,
        set: ImportSet,
        progress: &mut dyn FnMut(usize, usize),
        stop: &std::sync::atomic::AtomicBool,
    ) -> Result<ImportSummary> {
        let total = set.entries.len();
        check_dates(&set.entries)?;
        let tx = self.begin_write()?;
        let mut summary = ImportSummary {
            read: set.entries.len(),
            notes: set.notes,
            ..ImportSummary::default()
        };
        let mut contents = ContentIndex::default();
        // The search index is brought up to date once, at the end.
        let deferred = crate::store::DeferredIndex::hold(&tx)?;
        for (done, item) in set.entries.into_iter().enumerate() {
            import_entry(&tx, item, &mut summary, &mut contents)?;
            if (done + 1) % 100 == 0 {
                if stop.load(std::sync::atomic::Ordering::Relaxed) {
                    // Dropping the transaction rolls every entry back.
                    return Err(ImportError::Stopped.into());
                }
                progress(done + 1, total);
            }
        }
        for checkin in set.checkins {
            let exists: Option<i64> = tx
                .query_row(
                    "SELECT seq FROM checkins WHERE id = ?1",
                    [checkin.id.to_string()],
                    |r| r.get(0),
                )
                .optional()?;
            if exists.is_none() {
                crate::store::insert_checkin(
                    &tx,
                    NewCheckIn {
                        id: Some(checkin.id),
                        taken: Some(checkin.taken),
                        scores: checkin
                            .scores
                            .into_iter()
                            .map(|(k, v)| (k, i64::from(v)))
                            .collect(),
                        note: checkin.note,
                    },
                )?;
                summary.checkins += 1;
            }
        }
        for (key, value) in set.settings {
            if !set.apply_settings || !importable_setting(&key, &value) {
                summary.settings_left_out.push(key);
                continue;
            }
            if let Some(why) = weakens_safeguard(&tx, &key, &value)? {
                summary.notes.push(why);
                summary.settings_left_out.push(key);
                continue;
            }
            // Numbers kept as Trine writes them ("0300" as "300"), so that
            // every reader agrees on them.
            let value = match key.as_str() {
                "backup.keep" | "privacy.lock_after_seconds" => {
                    value.parse::<u64>().map_or(value, |n| n.to_string())
                }
                _ => value,
            };
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )?;
            summary.settings_taken.push(key);
        }
        if !set.situations.is_empty() {
            if set.apply_settings {
                for s in &set.situations {
                    tx.execute(
                        "INSERT INTO situations (since, situation, recorded_utc) VALUES (?1, ?2, ?3) \
                         ON CONFLICT (since) DO UPDATE SET situation = excluded.situation",
                        params![s.since.to_string(), s.situation.as_str(), time::utc_text(&time::now())],
                    )?;
                }
                summary.settings_taken.push("situation history".into());
            } else {
                summary.settings_left_out.push("situation history".into());
            }
        }
        if !summary.settings_left_out.is_empty() {
            summary.notes.push(format!(
                "{} of the file's settings were left out: {}",
                summary.settings_left_out.len(),
                summary.settings_left_out.join(", ")
            ));
        }
        deferred.catch_up(&tx)?;
        tx.commit()?;
        progress(total, total);
        Ok(summary)
    }
}

/// The earliest year an imported entry may be dated.
pub use crate::model::EARLIEST_YEAR;

/// Refuses, before anything is written, an entry of more than
/// [`MAX_ENTRY_BYTES`] of text, or dated
/// before [`EARLIEST_YEAR`] or more than a year after today: a mistyped
/// year (0206 for 2026) would otherwise stretch every chart, calendar and
/// report over centuries. The message names the entry's place.
fn check_dates(entries: &[ImportItem]) -> Result<()> {
    let latest = time::now().date_naive() + chrono::Duration::days(366);
    let earliest = chrono::NaiveDate::from_ymd_opt(EARLIEST_YEAR, 1, 1).expect("a real date");
    for item in entries {
        let size = item.entry.title.len()
            + item.entry.body.len()
            + item
                .entry
                .sections
                .iter()
                .map(|s| s.text.len())
                .sum::<usize>();
        if size > MAX_ENTRY_BYTES {
            return Err(ImportError::Record {
                location: item.location.clone(),
                field: None,
                message: format!(
                    "the entry holds {} of text; Trine imports entries of up to {}",
                    shown_size(size as u64),
                    shown_size(MAX_ENTRY_BYTES as u64)
                ),
            }
            .into());
        }
        let Some(created) = item.entry.created else {
            continue;
        };
        let date = created.date_naive();
        if date < earliest || date > latest {
            return Err(ImportError::Record {
                location: item.location.clone(),
                field: Some("date".into()),
                message: format!(
                    "{date} is {}; Trine imports entries dated from {EARLIEST_YEAR} to a year \
                     from today. Correct the year in the file (a typo such as 0206 for 2026) and \
                     import it again",
                    if date < earliest {
                        "too early"
                    } else {
                        "too far ahead"
                    }
                ),
            }
            .into());
        }
    }
    Ok(())
}

/// Whether a setting from a file may be taken, when the person asked for
/// the file's settings: one the Settings screen edits, with a value it
/// accepts. The library's version, the last reminder and the introduction's
/// state describe this journal, not a preference, and are never taken.
fn importable_setting(key: &str, value: &str) -> bool {
    let day = || value.parse::<crate::week::FirstDay>().is_ok();
    match key {
        "week.first_day" | "reminder.day" => day(),
        "reminder.time" => chrono::NaiveTime::parse_from_str(value, "%H:%M").is_ok(),
        "reminder.enabled" => matches!(value, "yes" | "no"),
        "ui.theme" => matches!(value, "system" | "light" | "dark"),
        "privacy.lock_after_seconds" => value.parse::<u32>().is_ok_and(|s| s <= 24 * 3600),
        "backup.keep" => value
            .parse::<usize>()
            .is_ok_and(|n| (1..=crate::backup::MAX_KEEP).contains(&n)),
        _ => false,
    }
}

/// Why a setting from a file is not taken even when asked: it would keep
/// fewer backups than this journal does, or lock the app later (or never).
/// An import never weakens a safeguard; the person changes it in Settings
/// if they mean to.
fn weakens_safeguard(tx: &WriteTx<'_>, key: &str, value: &str) -> Result<Option<String>> {
    let current = super::settings::get(tx, key)?;
    Ok(match key {
        "backup.keep" => {
            let now = current
                .and_then(|v| v.parse::<usize>().ok())
                .filter(|n| *n > 0)
                .unwrap_or(crate::backup::DEFAULT_KEEP);
            let theirs = value.parse::<usize>().unwrap_or(0);
            (theirs < now).then(|| {
                let backups = if theirs == 1 { "backup" } else { "backups" };
                format!(
                    "backup.keep was left as it is: the file keeps {theirs} {backups} and this \
                     journal {now}, and an import never lowers it (older backups would be \
                     removed); change it in Settings if you mean to"
                )
            })
        }
        super::settings::LOCK_AFTER => {
            let now = current
                .and_then(|v| v.parse::<u32>().ok())
                .unwrap_or(super::DEFAULT_LOCK_AFTER_SECONDS);
            let theirs = value.parse::<u32>().unwrap_or(0);
            let later = now != 0 && (theirs == 0 || theirs > now);
            later.then(|| {
                let theirs = if theirs == 0 {
                    "never locks".to_string()
                } else {
                    format!("locks after {theirs} seconds")
                };
                format!(
                    "{key} was left as it is: the file {theirs} without use and this journal \
                     after {now} seconds, and an import never weakens the lock; change it in \
                     Settings if you mean to"
                )
            })
        }
        _ => None,
    })
}

fn import_entry(
    tx: &WriteTx<'_>,
    item: ImportItem,
    summary: &mut ImportSummary,
    contents: &mut ContentIndex,
) -> Result<()> {
    let ImportItem {
        location,
        mut entry,
    } = item;
    match placement(tx, &entry, contents)? {
        Placement::Duplicate => {
            summary.duplicates += 1;
            return Ok(());
        }
        Placement::Beside => {
            entry.id = None;
            summary.kept_beside += 1;
            summary.notes.push(format!(
                "{location}: differs from an entry already in the journal with the same id; both are kept"
            ));
        }
        Placement::New => {}
    }
    if entry.kind == Some(EntryKind::Reflection) && entry.deleted.is_none() {
        let week = match entry.week_start {
            Some(week) => week,
            None => crate::store::first_day(tx)?
                .week_start(time::normalize(entry.created.unwrap_or_else(time::now)).date_naive()),
        };
        let taken: Option<i64> = tx
            .query_row(
                "SELECT seq FROM entries WHERE kind = 'reflection' AND week_start = ?1 AND deleted_utc IS NULL",
                [week.to_string()],
                |r| r.get(0),
            )
            .optional()?;
        if taken.is_some() {
            entry.kind = Some(EntryKind::Note);
            entry.week_start = Some(week);
            summary.notes.push(format!(
                "{location}: the week of {week} already has a reflection, so this one was imported as a note"
            ));
        }
    }
    let written = crate::store::insert_entry(tx, entry).map_err(|e| match e {
        Error::Invalid(problem) => Error::Import(ImportError::Record {
            location: location.clone(),
            field: None,
            message: problem.to_string(),
        }),
        other => other,
    })?;
    if let Some(keys) = contents.keys.as_mut() {
        keys.insert(content_key(
            &written.date().to_string(),
            &written.title,
            &written.body,
        ));
    }
    summary.imported += 1;
    Ok(())
}

/// Decides whether an incoming entry is new, already there, or clashes.
fn placement(tx: &WriteTx<'_>, entry: &NewEntry, contents: &mut ContentIndex) -> Result<Placement> {
    let existing = if let Some(id) = entry.id {
        crate::store::fetch_entry(tx, id)?
    } else if let Some(source) = &entry.source_id {
        let id: Option<String> = tx
            .query_row(
                "SELECT id FROM entries WHERE source_id = ?1 LIMIT 1",
                [source],
                |r| r.get(0),
            )
            .optional()?;
        match id {
            Some(id) => crate::store::fetch_entry(
                tx,
                id.parse()
                    .map_err(|_| Error::Corrupt(format!("entry id {id:?}")))?,
            )?,
            None => None,
        }
    } else {
        // No id at all: the same date, title and body is the same entry.
        let created = time::normalize(entry.created.unwrap_or_else(time::now));
        let key = content_key(&created.date_naive().to_string(), &entry.title, &entry.body);
        return Ok(if contents.keys(tx)?.contains(&key) {
            Placement::Duplicate
        } else {
            Placement::New
        });
    };
    let Some(existing) = existing else {
        return Ok(Placement::New);
    };
    let same = existing.kind == entry.kind.unwrap_or(EntryKind::Note)
        && existing.title == entry.title
        && existing.body == entry.body
        && existing.sections == entry.sections
        && existing.tags == entry.tags
        && existing.private == entry.private
        && existing.ratings == entry.ratings
        && Some(existing.created) == entry.created.map(time::normalize);
    Ok(if same {
        Placement::Duplicate
    } else {
        Placement::Beside
    })
}
