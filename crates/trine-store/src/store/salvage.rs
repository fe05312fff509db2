//! Getting the words out of a damaged journal.
//!
//! A failing disk usually damages a few pages, not the whole file, yet
//! SQLite stops a whole list or export at the first damaged page. Restoring
//! the newest backup brings back everything up to that backup; what was
//! written after it is still in the damaged file (kept as `damaged-*.db`
//! by the restore). [`salvage`] reads that file one entry and one check-in
//! at a time, by their row numbers, and keeps every one that can still be
//! read whole, so that damage costs only what was on the damaged pages.
//! Importing what it gives into the restored journal adds only what the
//! backup lacked (an import skips entries already there).
//!
//! Nothing is written to the damaged file: the work is done on a copy
//! beside it (with its write-ahead log), which is removed at the end.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use uuid::Uuid;

use super::entries::{entry_from_row, ENTRY_COLUMNS};
use super::{keying, CheckIn, SituationSince};
use crate::error::{Error, OpenError, Result};
use crate::model::Entry;
use crate::time;

/// Row numbers past the highest one found that are still tried: the
/// highest may itself sit on a damaged page.
const ROWS_PAST_THE_LAST_FOUND: i64 = 2_000;

/// What could be read from a damaged journal.
#[derive(Debug, Clone, Default)]
pub struct Salvaged {
    /// Every entry read whole (live, and in the bin), in row order.
    pub entries: Vec<Entry>,
    /// Every check-in read whole, in row order.
    pub checkins: Vec<CheckIn>,
    /// The settings, when their table could be read.
    pub settings: BTreeMap<String, String>,
    /// The situation history, when it could be read.
    pub situations: Vec<SituationSince>,
    /// Places in the file where an entry's row could not be read: at most
    /// this many entries are lost (a damaged page may also cover numbers
    /// no entry had).
    pub entries_unreadable: usize,
    /// The same for check-ins.
    pub checkins_unreadable: usize,
    /// Which lists could not be read at all (`"settings"`,
    /// `"situation history"`).
    pub lists_unreadable: Vec<&'static str>,
    /// Of the entries, how many were found only by reading the file's
    /// pages directly (past damage SQLite could not walk).
    pub read_from_pages: usize,
}

/// Reads every entry and check-in that can still be read from the
/// journal file at `path` (encrypted with `passphrase`, if it is), without
/// writing to it. The work is done on a copy in `work_folder` (where what
/// is read will be written: the copy exposes nothing more, and the damaged
/// file's own disk may be full or read-only), removed at the end.
pub fn salvage(path: &Path, passphrase: Option<&str>, work_folder: &Path) -> Result<Salvaged> {
    let copy = WorkCopy::in_folder(path, work_folder)?;
    let through_sql = read_through_sql(path, &copy, passphrase);
    // A plain file is read page by page too when SQLite could not reach
    // every entry: damage it cannot walk past may hide entries that are
    // whole on their pages.
    let short = match &through_sql {
        Ok(salvaged) => salvaged.entries_unreadable > 0,
        Err(Error::Open(OpenError::Damaged { .. } | OpenError::NotADatabase { .. })) => true,
        Err(_) => false,
    };
    if passphrase.is_none() && short {
        let from_pages = read_from_pages(&copy)?;
        if !from_pages.is_empty() {
            let mut salvaged = through_sql.unwrap_or_else(|_| Salvaged {
                // Only entries are looked for on the pages.
                lists_unreadable: vec!["check-ins", "settings", "situation history"],
                ..Salvaged::default()
            });
            let known: std::collections::HashSet<Uuid> =
                salvaged.entries.iter().map(|e| e.id).collect();
            let added: Vec<Entry> = from_pages
                .into_iter()
                .filter(|e| !known.contains(&e.id))
                .collect();
            salvaged.read_from_pages = added.len();
            salvaged.entries_unreadable = salvaged.entries_unreadable.saturating_sub(added.len());
            salvaged.entries.extend(added);
            drop(copy);
            return Ok(salvaged);
        }
    }
    drop(copy);
    through_sql
}

/// Reads the working copy through SQLite, one row at a time.
fn read_through_sql(path: &Path, copy: &WorkCopy, passphrase: Option<&str>) -> Result<Salvaged> {
    let conn = crate::connection::open_with_flags(
        &copy.db,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| super::open_failure(path, e, passphrase.is_some()))?;
    super::quiet_cipher_log(&conn);
    if let Some(p) = passphrase {
        keying::key(&conn, &keying::normalize(p))
            .map_err(|e| super::open_failure(path, e, true))?;
    }
    // A schema SQLite finds fault with (a truncated file, say) is read as
    // far as it goes; this is a copy, and nothing is written to it.
    let _ = conn.pragma_update(None, "writable_schema", "ON");
    // The schema must be readable, and hold the entries, or nothing can be
    // found.
    let tables = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'entries'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .map_err(
            |e| match super::open_failure(path, e, passphrase.is_some()) {
                // Damaged where the schema is: nothing can be found in it.
                Error::Storage(_) => Error::Open(OpenError::Damaged {
                    path: path.to_path_buf(),
                }),
                other => other,
            },
        )?;
    if tables == 0 {
        return Err(OpenError::NotADatabase {
            path: path.to_path_buf(),
        }
        .into());
    }
    let mut salvaged = Salvaged::default();
    read_entries(&conn, &mut salvaged);
    read_checkins(&conn, &mut salvaged);
    match read_settings(&conn) {
        Ok(settings) => salvaged.settings = settings,
        Err(_) => salvaged.lists_unreadable.push("settings"),
    }
    match read_situations(&conn) {
        Ok(situations) => salvaged.situations = situations,
        Err(_) => salvaged.lists_unreadable.push("situation history"),
    }
    Ok(salvaged)
}

/// The entries found on the pages of the plain working copy (see
/// `salvage_pages`), each read as an entry row is.
fn read_from_pages(copy: &WorkCopy) -> Result<Vec<Entry>> {
    let file = std::fs::read(&copy.db).map_err(|e| Error::file(&copy.db, e))?;
    let log = std::fs::read(format!("{}-wal", copy.db.display())).ok();
    let Some(pages) = super::salvage_pages::Pages::new(&file, log.as_deref()) else {
        return Ok(Vec::new());
    };
    // A journal of this build's shape, in memory, to read the rows with.
    let mem = crate::connection::open_in_memory()?;
    super::migrations::migrate_in_memory(&mem)?;
    mem.execute_batch("PRAGMA ignore_check_constraints = ON;")?;
    let triggers: Vec<String> = mem
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for trigger in triggers {
        mem.execute_batch(&format!("DROP TRIGGER \"{trigger}\""))?;
    }
    let columns: Vec<String> = mem
        .prepare("SELECT name FROM pragma_table_info('entries') ORDER BY cid")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    // The first shape of the table had this many columns; later ones add
    // columns at the end, and older rows hold fewer values.
    const FIRST_SHAPE: usize = 25;
    for (rowid, values) in pages.table_rows() {
        let looks_like_entry = (FIRST_SHAPE..=columns.len()).contains(&values.len())
            && matches!(&values[1], Value::Text(id) if Uuid::parse_str(id).is_ok())
            && matches!(&values[2], Value::Text(kind) if kind == "note" || kind == "reflection");
        if !looks_like_entry {
            continue;
        }
        let names = columns[..values.len()].join(", ");
        let marks = (1..=values.len())
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut values = values;
        values[0] = Value::Integer(rowid);
        let _ = mem.execute(
            &format!("INSERT OR IGNORE INTO entries ({names}) VALUES ({marks})"),
            rusqlite::params_from_iter(values),
        );
    }
    let seqs: Vec<i64> = mem
        .prepare("SELECT seq FROM entries ORDER BY seq")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let sql = format!("SELECT {ENTRY_COLUMNS} FROM entries WHERE seq = ?1");
    let mut found = Vec::new();
    for seq in seqs {
        match mem.query_row(&sql, [seq], entry_from_row) {
            Ok(Ok(entry)) => found.push(entry),
            _ => found.extend(read_leniently(&mem, seq)),
        }
    }
    Ok(found)
}

impl super::Journal {
    /// Reads what can still be read from `file`, a damaged copy of this
    /// journal (the one a restore kept), with this journal's passphrase.
    pub fn salvage_copy(&self, file: &Path) -> Result<Salvaged> {
        salvage(
            file,
            self.passphrase(),
            &super::replacement::folder_of(file),
        )
    }
}

/// The highest row number any of `queries` finds (each may fail on a
/// damaged page; those that do are passed over).
fn highest_row(conn: &Connection, queries: &[&str]) -> i64 {
    queries
        .iter()
        .filter_map(|sql| {
            conn.query_row(sql, [], |r| r.get::<_, Option<i64>>(0))
                .ok()
                .flatten()
        })
        .max()
        .unwrap_or(0)
}

/// The row numbers `sql` lists, as far as it can be read: a damaged page
/// ends the list early, and what came before it is kept.
fn rows_listed(conn: &Connection, sql: &str) -> BTreeSet<i64> {
    let mut found = BTreeSet::new();
    let Ok(mut stmt) = conn.prepare(sql) else {
        return found;
    };
    let Ok(mut rows) = stmt.query([]) else {
        return found;
    };
    while let Ok(Some(row)) = rows.next() {
        if let Ok(seq) = row.get::<_, i64>(0) {
            found.insert(seq);
        }
    }
    found
}

fn read_entries(conn: &Connection, salvaged: &mut Salvaged) {
    // The entries the indexes know of. A damaged page of the table may
    // hide its rows rather than fail on them; the indexes, kept on other
    // pages, still list them, so that they are counted as lost.
    let mut known = BTreeSet::new();
    for sql in [
        "SELECT seq FROM entries INDEXED BY entries_live_by_time WHERE deleted_utc IS NULL",
        "SELECT id FROM entry_text_docsize",
        "SELECT entry_seq FROM entry_tags",
    ] {
        known.extend(rows_listed(conn, sql));
    }
    let last = highest_row(conn, &["SELECT max(seq) FROM entries"])
        .max(known.last().copied().unwrap_or(0));
    let sql = format!("SELECT {ENTRY_COLUMNS} FROM entries WHERE seq = ?1");
    let Ok(mut stmt) = conn.prepare(&sql) else {
        salvaged.entries_unreadable = known.len().max(1);
        return;
    };
    for seq in 1..=last + ROWS_PAST_THE_LAST_FOUND {
        // Past the last row anything knows of, a failure is no entry lost.
        let counted = seq <= last;
        match stmt.query_row([seq], entry_from_row).optional() {
            Ok(None) if known.contains(&seq) => salvaged.entries_unreadable += 1,
            Ok(None) => {}
            Ok(Some(Ok(entry))) => salvaged.entries.push(entry),
            Ok(Some(Err(_))) | Err(_) => match read_leniently(conn, seq) {
                Some(entry) => salvaged.entries.push(entry),
                None if counted => salvaged.entries_unreadable += 1,
                None => {}
            },
        }
    }
}

/// The columns of an entry that hold text, as [`ENTRY_COLUMNS`] names
/// them: the ones bit rot turns into text SQLite will not hand over.
const TEXT_COLUMNS: [&str; 12] = [
    "title",
    "body",
    "developmental_prompt",
    "developmental",
    "emotional_prompt",
    "emotional",
    "integration_prompt",
    "integration",
    "tags",
    "source_id",
    "follow_up_planned",
    "follow_up",
];

/// An entry whose row is there but holds a damaged value: its text read
/// byte for byte (a damaged byte shown as U+FFFD, every other word kept)
/// and its tags as whatever words they still hold. `None` when even that
/// fails (its id, kind or times unreadable).
fn read_leniently(conn: &Connection, seq: i64) -> Option<Entry> {
    let texts = lenient_texts(conn, seq)?;
    // The same columns, the text ones given as read here.
    let columns = ENTRY_COLUMNS
        .split(',')
        .map(str::trim)
        .map(|c| match TEXT_COLUMNS.iter().position(|t| *t == c) {
            Some(i) => format!("?{}", i + 2),
            None => c.to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let mut params: Vec<&dyn rusqlite::ToSql> = vec![&seq];
    params.extend(texts.iter().map(|t| t as &dyn rusqlite::ToSql));
    conn.query_row(
        &format!("SELECT {columns} FROM entries WHERE seq = ?1"),
        params.as_slice(),
        entry_from_row,
    )
    .ok()?
    .ok()
}

/// Writes the text of the entry in row `seq` back as [`lenient_texts`]
/// reads it, so that the entry can be read again; every word but the
/// damaged bytes is kept. Returns whether the entry can be read now.
pub(crate) fn repair_entry_text(conn: &Connection, seq: i64) -> rusqlite::Result<bool> {
    let Some(texts) = lenient_texts(conn, seq) else {
        return Ok(false);
    };
    let set = TEXT_COLUMNS
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 2))
        .collect::<Vec<_>>()
        .join(", ");
    let mut params: Vec<&dyn rusqlite::ToSql> = vec![&seq];
    params.extend(texts.iter().map(|t| t as &dyn rusqlite::ToSql));
    conn.execute(
        &format!("UPDATE entries SET {set} WHERE seq = ?1"),
        params.as_slice(),
    )?;
    let sql = format!("SELECT {ENTRY_COLUMNS} FROM entries WHERE seq = ?1");
    Ok(matches!(
        conn.query_row(&sql, [seq], entry_from_row),
        Ok(Ok(_))
    ))
}

/// The text columns of row `seq` read byte for byte (a damaged byte as
/// U+FFFD) and its tags as the words they still hold; `None` when the row
/// cannot be read at all.
fn lenient_texts(conn: &Connection, seq: i64) -> Option<Vec<Option<String>>> {
    let raw = TEXT_COLUMNS
        .iter()
        .map(|c| format!("CAST({c} AS BLOB)"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut texts: Vec<Option<String>> = conn
        .query_row(
            &format!("SELECT {raw} FROM entries WHERE seq = ?1"),
            [seq],
            |r| {
                (0..TEXT_COLUMNS.len())
                    .map(|i| r.get::<_, Option<Vec<u8>>>(i))
                    .collect::<rusqlite::Result<Vec<_>>>()
            },
        )
        .ok()?
        .into_iter()
        .map(|bytes| bytes.map(|b| String::from_utf8_lossy(&b).into_owned()))
        .collect();
    texts[8] = Some(words_of_tags(texts[8].as_deref().unwrap_or("[]")));
    Some(texts)
}

/// Tags as Trine stores them (a JSON list of words) from whatever a
/// damaged value still holds: every word in it, else none.
fn words_of_tags(stored: &str) -> String {
    fn words(value: &serde_json::Value, found: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) if !s.trim().is_empty() => found.push(s.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| words(v, found)),
            serde_json::Value::Object(map) => map.values().for_each(|v| words(v, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(stored) {
        words(&value, &mut found);
    }
    found.dedup();
    serde_json::to_string(&found).expect("words serialise")
}

fn read_checkins(conn: &Connection, salvaged: &mut Salvaged) {
    let known = rows_listed(conn, "SELECT DISTINCT checkin_seq FROM checkin_scores");
    let last = highest_row(conn, &["SELECT max(seq) FROM checkins"])
        .max(known.last().copied().unwrap_or(0));
    for seq in 1..=last + ROWS_PAST_THE_LAST_FOUND {
        match read_checkin(conn, seq) {
            Ok(None) if known.contains(&seq) => salvaged.checkins_unreadable += 1,
            Ok(None) => {}
            Ok(Some(checkin)) => salvaged.checkins.push(checkin),
            Err(_) if seq <= last => salvaged.checkins_unreadable += 1,
            Err(_) => {}
        }
    }
}

fn read_checkin(conn: &Connection, seq: i64) -> Result<Option<CheckIn>> {
    let head = conn
        .prepare_cached("SELECT id, taken_utc, taken_offset, note FROM checkins WHERE seq = ?1")?
        .query_row([seq], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i32>(2)?,
                r.get::<_, String>(3)?,
            ))
        })
        .optional()?;
    let Some((id, utc, offset, note)) = head else {
        return Ok(None);
    };
    let scores = conn
        .prepare_cached("SELECT component, score FROM checkin_scores WHERE checkin_seq = ?1")?
        .query_map([seq], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u8>(1)?)))?
        .collect::<rusqlite::Result<BTreeMap<_, _>>>()?;
    Ok(Some(CheckIn {
        id: Uuid::parse_str(&id).map_err(|e| Error::Corrupt(format!("check-in id {id:?}: {e}")))?,
        taken: time::from_stored(&utc, offset).map_err(Error::Corrupt)?,
        scores,
        note,
    }))
}

fn read_settings(conn: &Connection) -> Result<BTreeMap<String, String>> {
    let mut stmt = conn.prepare("SELECT key, value FROM settings ORDER BY key")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn read_situations(conn: &Connection) -> Result<Vec<SituationSince>> {
    let mut stmt = conn.prepare("SELECT since, situation FROM situations ORDER BY since")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut history = Vec::new();
    for row in rows {
        let (since, situation) = row?;
        history.push(super::situations::read(&since, &situation)?);
    }
    Ok(history)
}

/// A copy of a journal file and its write-ahead log, beside it (in the
/// journal's own private folder, never a shared one), removed when
/// dropped.
struct WorkCopy {
    db: PathBuf,
}

/// What the name of a salvage's working copy holds, so that one a killed
/// salvage left can be recognised and removed.
pub(crate) const WORK_COPY_MARK: &str = ".salvaging-";

impl WorkCopy {
    fn in_folder(path: &Path, folder: &Path) -> Result<WorkCopy> {
        let meta = std::fs::metadata(path).map_err(|e| Error::file(path, e))?;
        if !meta.is_file() {
            return Err(OpenError::NotADatabase {
                path: path.to_path_buf(),
            }
            .into());
        }
        let stem = format!(
            ".{}{WORK_COPY_MARK}",
            path.file_name().unwrap_or_default().to_string_lossy()
        );
        tidy_stale_copies(folder, &stem);
        let db = folder.join(format!("{stem}{}", Uuid::new_v4().simple()));
        let copy = WorkCopy { db };
        copy_private(path, &copy.db)?;
        let log = PathBuf::from(format!("{}-wal", path.display()));
        if log.is_file() {
            copy_private(&log, &PathBuf::from(format!("{}-wal", copy.db.display())))?;
        }
        Ok(copy)
    }
}

/// How old a working copy must be to be taken for one a killed salvage
/// left behind (a salvage reads a lifetime's journal in seconds).
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes working copies in `folder` (named `stem…`) that a salvage
/// stopped part-way left: they hold the journal's words.
fn tidy_stale_copies(folder: &Path, stem: &str) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        if name.starts_with(stem) && stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Copies `from` to `to`, readable by its owner only from the start.
fn copy_private(from: &Path, to: &Path) -> Result<()> {
    crate::private_files::create_empty_file(to).map_err(|e| Error::file(to, e))?;
    let mut source = std::fs::File::open(from).map_err(|e| Error::file(from, e))?;
    let mut target = std::fs::OpenOptions::new()
        .write(true)
        .open(to)
        .map_err(|e| Error::file(to, e))?;
    std::io::copy(&mut source, &mut target).map_err(|e| Error::file(to, e))?;
    Ok(())
}

impl Drop for WorkCopy {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.db.display()));
        }
    }
}
