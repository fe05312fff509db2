//! Writing, reading and listing entries.

use super::WriteTx;
use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, OptionalExtension, Row};
use uuid::Uuid;

use super::{settings, Journal};
use crate::error::{Error, Result, ValidationError};
use crate::model::{
    normalize_sections, normalize_tags, Entry, EntryEdit, EntryKind, FollowUp, NewEntry, Rating,
    Ratings, Section, Side,
};
use crate::time;

/// The columns read for an entry, in the order [`entry_from_row`] expects.
pub(crate) const ENTRY_COLUMNS: &str = "id, kind, week_start, title, body, \
    developmental_prompt, developmental, emotional_prompt, emotional, integration_prompt, integration, \
    tags, private, seen, known, valued, created_utc, created_offset, updated_utc, updated_offset, \
    deleted_utc, deleted_offset, source_id, confident, follow_up_planned, follow_up";

/// How many columns [`ENTRY_COLUMNS`] names: a query that selects more
/// after them reads those from this index on.
pub(crate) const ENTRY_COLUMN_COUNT: usize = 26;

/// Which entries to list, newest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListQuery {
    /// At most this many; all when unset.
    pub limit: Option<usize>,
    /// Skip this many first (for paging).
    pub offset: usize,
    /// Only entries listed after this one (keyset paging: pass the last
    /// entry of the previous page; fast at any depth).
    pub after: Option<Uuid>,
    /// Only entries with a section for this side.
    pub side: Option<Side>,
    /// Only entries with this tag (tidied like any tag).
    pub tag: Option<String>,
    /// Only entries written on or after this date.
    pub from: Option<NaiveDate>,
    /// Only entries written on or before this date.
    pub to: Option<NaiveDate>,
    /// Only entries of this kind.
    pub kind: Option<EntryKind>,
    /// Leave out entries marked private.
    pub exclude_private: bool,
    /// List the bin (deleted entries) instead of the live ones.
    pub deleted: bool,
}

impl Journal {
    /// Writes a new entry and returns it as stored.
    pub fn create(&mut self, new: NewEntry) -> Result<Entry> {
        let tx = self.begin_write()?;
        let entry = insert(&tx, new)?;
        tx.commit()?;
        Ok(entry)
    }

    /// Changes an entry; each `Some` in `edit` replaces that part.
    pub fn update(&mut self, id: Uuid, edit: EntryEdit) -> Result<Entry> {
        let tx = self.begin_write()?;
        let mut entry = fetch(&tx, id)?.ok_or(Error::EntryNotFound(id))?;
        if let Some(title) = edit.title {
            entry.title = title;
        }
        if let Some(body) = edit.body {
            entry.body = body;
        }
        if let Some(sections) = edit.sections {
            entry.sections = normalize_sections(sections)?;
        }
        if let Some(tags) = edit.tags {
            entry.tags = normalize_tags(tags)?;
        }
        if let Some(private) = edit.private {
            entry.private = private;
        }
        if let Some(follow_up) = edit.follow_up {
            entry.follow_up = tidy_follow_up(follow_up);
        }
        if let Some(ratings) = edit.ratings {
            entry.ratings = ratings;
        }
        let redated = match edit.date {
            Some(date) if date != entry.date() => {
                redate(&tx, &mut entry, date)?;
                true
            }
            _ => false,
        };
        entry.updated = time::now();
        write_existing(&tx, &entry)?;
        if redated {
            tx.prepare_cached(
                "UPDATE entries SET created_utc = ?2, created_offset = ?3, entry_date = ?4, \
                 week_start = ?5 WHERE id = ?1",
            )?
            .execute(params![
                entry.id.to_string(),
                time::utc_text(&entry.created),
                entry.created.offset().local_minus_utc(),
                entry.date().to_string(),
                entry.week_start.to_string(),
            ])?;
        }
        tx.commit()?;
        Ok(entry)
    }

    /// Moves an entry to the bin; [`Journal::undelete`] brings it back.
    pub fn delete(&mut self, id: Uuid) -> Result<Entry> {
        self.set_deleted(id, Some(time::now()))
    }

    /// Brings an entry back from the bin.
    pub fn undelete(&mut self, id: Uuid) -> Result<Entry> {
        self.set_deleted(id, None)
    }

    fn set_deleted(&mut self, id: Uuid, when: Option<DateTime<FixedOffset>>) -> Result<Entry> {
        let tx = self.begin_write()?;
        let mut entry = fetch(&tx, id)?.ok_or(Error::EntryNotFound(id))?;
        if entry.deleted.is_some() == when.is_some() {
            // Already where it was asked to be.
            return Ok(entry);
        }
        if when.is_none()
            && entry.kind == EntryKind::Reflection
            && live_reflection(&tx, entry.week_start)?.is_some()
        {
            return Err(ValidationError::ReflectionExists(entry.week_start).into());
        }
        entry.deleted = when;
        tx.execute(
            "UPDATE entries SET deleted_utc = ?2, deleted_offset = ?3 WHERE id = ?1",
            params![
                id.to_string(),
                when.as_ref().map(time::utc_text),
                when.map(|t| t.offset().local_minus_utc())
            ],
        )?;
        tx.commit()?;
        Ok(entry)
    }

    /// The entry with this id, including one in the bin.
    pub fn get(&self, id: Uuid) -> Result<Entry> {
        fetch(&self.conn, id)?.ok_or(Error::EntryNotFound(id))
    }

    /// Finds the entry whose id is `text` or starts with it (at least four
    /// characters), as people copy ids from `trine list`.
    pub fn resolve_id(&self, text: &str) -> Result<Uuid> {
        let wanted = text.trim().to_ascii_lowercase();
        if let Ok(id) = Uuid::parse_str(&wanted) {
            return Ok(id);
        }
        if wanted.len() < 4 || !wanted.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
            return Err(Error::NoSuchId(text.to_string()));
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM entries WHERE id >= ?1 AND id < ?1 || 'g' LIMIT 2")?;
        let ids = stmt
            .query_map([&wanted], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        match ids.as_slice() {
            [one] => {
                Uuid::parse_str(one).map_err(|e| Error::Corrupt(format!("entry id {one:?}: {e}")))
            }
            [] => Err(Error::NoSuchId(text.to_string())),
            _ => Err(Error::AmbiguousId(text.to_string())),
        }
    }

    /// The weekly reflection of the week starting `week_start`, if written.
    pub fn reflection_for_week(&self, week_start: NaiveDate) -> Result<Option<Entry>> {
        live_reflection(&self.conn, week_start)
    }

    /// Entries matching `query`, newest first.
    pub fn list(&self, query: &ListQuery) -> Result<Vec<Entry>> {
        let mut args: Vec<Value> = Vec::new();
        let mut sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM entries WHERE {}",
            filter_sql(query, &mut args)?
        );
        sql.push_str(" ORDER BY created_utc DESC, seq DESC LIMIT ? OFFSET ?");
        args.push(Value::Integer(query.limit.map_or(-1, |l| l as i64)));
        args.push(Value::Integer(query.offset as i64));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), entry_from_row)?;
        rows.map(|r| r?.map_err(Error::Corrupt)).collect()
    }

    /// How many entries the journal holds (not counting the bin).
    pub fn entry_count(&self) -> Result<u64> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM entries WHERE deleted_utc IS NULL",
            [],
            |r| r.get(0),
        )?;
        Ok(n as u64)
    }

    /// Every tag in use with how many live entries carry it, by name.
    pub fn tags(&self) -> Result<Vec<(String, u64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT tag, count(*) FROM entry_tags WHERE live = 1 GROUP BY tag ORDER BY tag",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records the week's three ratings (and an optional note) on the week's
    /// reflection, creating the reflection if the week has none yet.
    pub fn rate_week(
        &mut self,
        week_start: NaiveDate,
        ratings: Ratings,
        note: Option<String>,
    ) -> Result<Entry> {
        let tx = self.begin_write()?;
        let entry = match live_reflection(&tx, week_start)? {
            Some(mut entry) => {
                entry.ratings = ratings;
                if let Some(note) = note {
                    entry.body = note;
                }
                entry.updated = time::now();
                write_existing(&tx, &entry)?;
                entry
            }
            None => insert(
                &tx,
                NewEntry {
                    ratings,
                    body: note.unwrap_or_default(),
                    ..NewEntry::reflection(week_start)
                },
            )?,
        };
        tx.commit()?;
        Ok(entry)
    }
}

/// The conditions on `entries` that `query` asks for (all but paging
/// limits), with their arguments appended to `args`.
pub(crate) fn filter_sql(query: &ListQuery, args: &mut Vec<Value>) -> Result<String> {
    let mut sql = String::from(if query.deleted {
        "deleted_utc IS NOT NULL"
    } else {
        "deleted_utc IS NULL"
    });
    if let Some(tag) = &query.tag {
        sql.push_str(" AND seq IN (SELECT entry_seq FROM entry_tags WHERE tag = ?)");
        args.push(Value::Text(crate::model::normalize_tag(tag)?));
    }
    if let Some(from) = query.from {
        sql.push_str(" AND entry_date >= ?");
        args.push(Value::Text(from.to_string()));
    }
    if let Some(to) = query.to {
        sql.push_str(" AND entry_date <= ?");
        args.push(Value::Text(to.to_string()));
    }
    // The kind as a constant (one of two fixed words, never the caller's
    // text), so that SQLite can use the partial index of reflections.
    match query.kind {
        Some(EntryKind::Reflection) => sql.push_str(" AND kind = 'reflection'"),
        Some(EntryKind::Note) => sql.push_str(" AND kind = 'note'"),
        None => {}
    }
    if let Some(after) = query.after {
        sql.push_str(
            " AND (created_utc, seq) < (SELECT created_utc, seq FROM entries WHERE id = ?)",
        );
        args.push(Value::Text(after.to_string()));
    }
    if let Some(side) = query.side {
        sql.push_str(match side {
            Side::Developmental => " AND developmental IS NOT NULL",
            Side::Emotional => " AND emotional IS NOT NULL",
            Side::Integration => " AND integration IS NOT NULL",
        });
    }
    if query.exclude_private {
        sql.push_str(" AND private = 0");
    }
    Ok(sql)
}

/// Validates `new` and inserts it inside the caller's transaction.
pub(crate) fn insert(tx: &WriteTx<'_>, new: NewEntry) -> Result<Entry> {
    let created = time::normalize(new.created.unwrap_or_else(time::now));
    let kind = new.kind.unwrap_or(EntryKind::Note);
    let week_start = match new.week_start {
        Some(start) => start,
        None => settings::first_day(tx)?.week_start(created.date_naive()),
    };
    let entry = Entry {
        id: new.id.unwrap_or_else(Uuid::new_v4),
        kind,
        week_start,
        title: new.title,
        body: new.body,
        sections: normalize_sections(new.sections)?,
        tags: normalize_tags(new.tags)?,
        private: new.private,
        ratings: new.ratings,
        follow_up: tidy_follow_up(new.follow_up),
        created,
        updated: time::normalize(new.updated.unwrap_or(created)),
        deleted: new.deleted.map(time::normalize),
        source_id: new.source_id,
    };
    if kind == EntryKind::Reflection
        && entry.deleted.is_none()
        && live_reflection(tx, week_start)?.is_some()
    {
        return Err(ValidationError::ReflectionExists(week_start).into());
    }
    let mut values = editable_values(&entry);
    values.extend([
        (":id", Value::Text(entry.id.to_string())),
        (":kind", Value::Text(entry.kind.as_str().into())),
        (":week_start", Value::Text(entry.week_start.to_string())),
        (":entry_date", Value::Text(entry.date().to_string())),
        (":created_utc", Value::Text(time::utc_text(&entry.created))),
        (
            ":created_offset",
            entry.created.offset().local_minus_utc().into(),
        ),
        (
            ":deleted_utc",
            entry.deleted.as_ref().map(time::utc_text).into(),
        ),
        (
            ":deleted_offset",
            entry.deleted.map(|t| t.offset().local_minus_utc()).into(),
        ),
        (":source_id", entry.source_id.clone().into()),
    ]);
    tx.prepare_cached(
        "INSERT INTO entries (id, kind, week_start, entry_date, title, body, \
         developmental_prompt, developmental, emotional_prompt, emotional, integration_prompt, integration, \
         tags, private, seen, known, valued, created_utc, created_offset, updated_utc, updated_offset, \
         deleted_utc, deleted_offset, source_id, confident, follow_up_planned, follow_up) \
         VALUES (:id, :kind, :week_start, :entry_date, :title, :body, \
         :developmental_prompt, :developmental, :emotional_prompt, :emotional, :integration_prompt, :integration, \
         :tags, :private, :seen, :known, :valued, :created_utc, :created_offset, :updated_utc, :updated_offset, \
         :deleted_utc, :deleted_offset, :source_id, :confident, :follow_up_planned, :follow_up)",
    )?
    .execute(as_params(&values).as_slice())?;
    Ok(entry)
}

/// Moves a note to `date`, at the same time of day in that day's local
/// time, and into the week holding it. Reflections keep their week.
fn redate(tx: &WriteTx<'_>, entry: &mut Entry, date: NaiveDate) -> Result<()> {
    if entry.kind == EntryKind::Reflection {
        return Err(ValidationError::ReflectionDate.into());
    }
    entry.created = time::normalize(note_time_on(date, entry.created.time())?);
    entry.week_start = settings::first_day(tx)?.week_start(date);
    Ok(())
}

/// The moment `time_of_day` on `date`, in that day's local time, for a note
/// written or moved to `date`; refused outside the span Trine keeps (from
/// [`EARLIEST_YEAR`](crate::model::EARLIEST_YEAR) to a year from today).
pub fn note_time_on(
    date: NaiveDate,
    time_of_day: chrono::NaiveTime,
) -> Result<DateTime<FixedOffset>> {
    let earliest = NaiveDate::from_ymd_opt(crate::model::EARLIEST_YEAR, 1, 1).expect("a real date");
    let latest = time::now().date_naive() + chrono::Days::new(366);
    if date < earliest || date > latest {
        return Err(ValidationError::DateOutOfReach { date, earliest }.into());
    }
    let local = date.and_time(time_of_day);
    let offset = time::local_offset_at(local);
    Ok(local
        .and_local_timezone(offset)
        .single()
        .expect("a fixed offset maps every local time once"))
}

/// A follow-up with its words trimmed; none when nothing was planned.
fn tidy_follow_up(follow_up: Option<FollowUp>) -> Option<FollowUp> {
    follow_up
        .map(|f| FollowUp {
            planned: f.planned.trim().to_string(),
            answer: f.answer.trim().to_string(),
        })
        .filter(|f| !f.planned.is_empty())
}

/// Writes back the editable parts of an existing entry.
fn write_existing(tx: &WriteTx<'_>, entry: &Entry) -> Result<()> {
    let mut values = editable_values(entry);
    values.push((":id", Value::Text(entry.id.to_string())));
    tx.prepare_cached(
        "UPDATE entries SET title = :title, body = :body, \
         developmental_prompt = :developmental_prompt, developmental = :developmental, \
         emotional_prompt = :emotional_prompt, emotional = :emotional, \
         integration_prompt = :integration_prompt, integration = :integration, tags = :tags, private = :private, \
         seen = :seen, known = :known, valued = :valued, confident = :confident, \
         follow_up_planned = :follow_up_planned, follow_up = :follow_up, \
         updated_utc = :updated_utc, updated_offset = :updated_offset \
         WHERE id = :id",
    )?
    .execute(as_params(&values).as_slice())?;
    Ok(())
}

/// The columns an edit can change, as named SQL parameters.
fn editable_values(entry: &Entry) -> Vec<(&'static str, Value)> {
    let prompt = |side| entry.section(side).and_then(|s| s.prompt_id.clone()).into();
    let text = |side| entry.section(side).map(|s| s.text.clone()).into();
    let rating = |r: Option<Rating>| r.map(|r| i64::from(r.get())).into();
    vec![
        (":title", Value::Text(entry.title.clone())),
        (":body", Value::Text(entry.body.clone())),
        (":developmental_prompt", prompt(Side::Developmental)),
        (":developmental", text(Side::Developmental)),
        (":emotional_prompt", prompt(Side::Emotional)),
        (":emotional", text(Side::Emotional)),
        (":integration_prompt", prompt(Side::Integration)),
        (":integration", text(Side::Integration)),
        (
            ":tags",
            Value::Text(serde_json::to_string(&entry.tags).expect("a list of strings serialises")),
        ),
        (":private", entry.private.into()),
        (":seen", rating(entry.ratings.seen)),
        (":known", rating(entry.ratings.known)),
        (":valued", rating(entry.ratings.valued)),
        (":confident", rating(entry.ratings.confident)),
        (
            ":follow_up_planned",
            entry.follow_up.as_ref().map(|f| f.planned.clone()).into(),
        ),
        (
            ":follow_up",
            entry.follow_up.as_ref().map(|f| f.answer.clone()).into(),
        ),
        (":updated_utc", Value::Text(time::utc_text(&entry.updated))),
        (
            ":updated_offset",
            entry.updated.offset().local_minus_utc().into(),
        ),
    ]
}

fn as_params<'a>(
    values: &'a [(&'static str, Value)],
) -> Vec<(&'static str, &'a dyn rusqlite::ToSql)> {
    values
        .iter()
        .map(|(name, value)| (*name, value as &dyn rusqlite::ToSql))
        .collect()
}

/// Reads one entry by id, live or deleted.
pub(crate) fn fetch(conn: &rusqlite::Connection, id: Uuid) -> Result<Option<Entry>> {
    let sql = format!("SELECT {ENTRY_COLUMNS} FROM entries WHERE id = ?1");
    let found = conn
        .prepare_cached(&sql)?
        .query_row([id.to_string()], entry_from_row)
        .optional()?;
    found.transpose().map_err(Error::Corrupt)
}

fn live_reflection(conn: &rusqlite::Connection, week_start: NaiveDate) -> Result<Option<Entry>> {
    let sql = format!(
        "SELECT {ENTRY_COLUMNS} FROM entries WHERE kind = 'reflection' AND week_start = ?1 AND deleted_utc IS NULL"
    );
    let found = conn
        .prepare_cached(&sql)?
        .query_row([week_start.to_string()], entry_from_row)
        .optional()?;
    found.transpose().map_err(Error::Corrupt)
}

/// Builds an entry from a row of [`ENTRY_COLUMNS`]. The outer result is
/// SQLite's; the inner one reports stored values that do not make sense.
pub(crate) fn entry_from_row(row: &Row<'_>) -> rusqlite::Result<Result<Entry, String>> {
    let id: String = row.get(0)?;
    let kind: String = row.get(1)?;
    let week_start: String = row.get(2)?;
    let tags: String = row.get(11)?;
    let rating =
        |i: usize, field: &'static str| -> rusqlite::Result<Result<Option<Rating>, String>> {
            let value: Option<i64> = row.get(i)?;
            Ok(value
                .map(|v| Rating::new(field, v))
                .transpose()
                .map_err(|e| e.to_string()))
        };
    let mut sections = Vec::new();
    for (side, col) in [
        (Side::Developmental, 5),
        (Side::Emotional, 7),
        (Side::Integration, 9),
    ] {
        let prompt_id: Option<String> = row.get(col)?;
        let text: Option<String> = row.get(col + 1)?;
        if prompt_id.is_some() || text.is_some() {
            sections.push(Section {
                side,
                prompt_id,
                text: text.unwrap_or_default(),
            });
        }
    }
    let (seen, known, valued) = (
        rating(13, "seen")?,
        rating(14, "known")?,
        rating(15, "valued")?,
    );
    let confident = rating(23, "confident")?;
    let planned: Option<String> = row.get(24)?;
    let answer: Option<String> = row.get(25)?;
    let follow_up = planned.map(|planned| FollowUp {
        planned,
        answer: answer.unwrap_or_default(),
    });
    let created_utc: String = row.get(16)?;
    let created_offset: i32 = row.get(17)?;
    let updated_utc: String = row.get(18)?;
    let updated_offset: i32 = row.get(19)?;
    let deleted_utc: Option<String> = row.get(20)?;
    let deleted_offset: Option<i32> = row.get(21)?;
    let title: String = row.get(3)?;
    let body: String = row.get(4)?;
    let private: bool = row.get(12)?;
    let source_id: Option<String> = row.get(22)?;
    Ok((|| {
        Ok(Entry {
            id: Uuid::parse_str(&id).map_err(|e| format!("bad entry id {id:?}: {e}"))?,
            kind: kind.parse().map_err(|e: ValidationError| e.to_string())?,
            week_start: NaiveDate::parse_from_str(&week_start, "%Y-%m-%d")
                .map_err(|e| format!("bad week {week_start:?}: {e}"))?,
            title,
            body,
            sections,
            tags: serde_json::from_str(&tags).map_err(|e| format!("bad tags {tags:?}: {e}"))?,
            private,
            ratings: Ratings {
                seen: seen?,
                known: known?,
                valued: valued?,
                confident: confident?,
            },
            follow_up,
            created: time::from_stored(&created_utc, created_offset)?,
            updated: time::from_stored(&updated_utc, updated_offset)?,
            deleted: match deleted_utc {
                Some(utc) => Some(time::from_stored(&utc, deleted_offset.unwrap_or(0))?),
                None => None,
            },
            source_id,
        })
    })())
}
