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
    /// `"situations"`).
    pub lists_unreadable: Vec<&'static str>,
}

/// Reads every entry and check-in that can still be read from the
/// journal file at `path` (encrypted with `passphrase`, if it is), without
/// writing to it.
pub fn salvage(path: &Path, passphrase: Option<&str>) -> Result<Salvaged> {
    let copy = WorkCopy::beside(path)?;
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
    // The schema must be readable, or nothing is.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(
        |e| match super::open_failure(path, e, passphrase.is_some()) {
            // Damaged where the schema is: nothing can be found in it.
            Error::Storage(_) => Error::Open(OpenError::Damaged {
                path: path.to_path_buf(),
            }),
            other => other,
        },
    )?;
    let mut salvaged = Salvaged::default();
    read_entries(&conn, &mut salvaged);
    read_checkins(&conn, &mut salvaged);
    match read_settings(&conn) {
        Ok(settings) => salvaged.settings = settings,
        Err(_) => salvaged.lists_unreadable.push("settings"),
    }
    match read_situations(&conn) {
        Ok(situations) => salvaged.situations = situations,
        Err(_) => salvaged.lists_unreadable.push("situations"),
    }
    drop(conn);
    drop(copy);
    Ok(salvaged)
}

impl super::Journal {
    /// Reads what can still be read from `file`, a damaged copy of this
    /// journal (the one a restore kept), with this journal's passphrase.
    pub fn salvage_copy(&self, file: &Path) -> Result<Salvaged> {
        salvage(file, self.passphrase())
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
        match stmt.query_row([seq], entry_from_row).optional() {
            Ok(None) if known.contains(&seq) => salvaged.entries_unreadable += 1,
            Ok(None) => {}
            Ok(Some(Ok(entry))) => salvaged.entries.push(entry),
            Ok(Some(Err(_))) | Err(_) => salvaged.entries_unreadable += 1,
        }
    }
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
            Err(_) => salvaged.checkins_unreadable += 1,
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

impl WorkCopy {
    fn beside(path: &Path) -> Result<WorkCopy> {
        let meta = std::fs::metadata(path).map_err(|e| Error::file(path, e))?;
        if !meta.is_file() {
            return Err(OpenError::NotADatabase {
                path: path.to_path_buf(),
            }
            .into());
        }
        let stem = format!(
            "{}.salvaging-",
            path.file_name().unwrap_or_default().to_string_lossy()
        );
        tidy_stale_copies(path, &stem);
        let name = format!("{stem}{}", Uuid::new_v4().simple());
        let db = path.with_file_name(name);
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

/// Removes working copies beside `path` (named `stem…`) that a salvage
/// stopped part-way left: they hold the journal's words.
fn tidy_stale_copies(path: &Path, stem: &str) {
    let folder = super::replacement::folder_of(path);
    let Ok(entries) = std::fs::read_dir(&folder) else {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NewEntry;
    use crate::store::Journal;

    #[test]
    fn a_sound_journal_gives_everything_and_nothing_is_left_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::open_in(dir.path()).unwrap();
        for i in 0..5 {
            journal
                .create(NewEntry::note(format!("n{i}"), "words"))
                .unwrap();
        }
        let path = journal.path().unwrap().to_path_buf();
        // A working copy a killed salvage left an hour and more ago, and
        // one of a salvage running now.
        let stale = dir.path().join("journal.db.salvaging-stale");
        let running = dir.path().join("journal.db.salvaging-running");
        for file in [&stale, &running] {
            std::fs::write(file, b"words of the journal").unwrap();
        }
        let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
        std::fs::File::options()
            .write(true)
            .open(&stale)
            .unwrap()
            .set_modified(two_hours_ago)
            .unwrap();

        let salvaged = salvage(&path, None).unwrap();

        assert_eq!(salvaged.entries.len(), 5);
        assert_eq!(salvaged.entries_unreadable, 0);
        assert!(salvaged.lists_unreadable.is_empty());
        assert!(!stale.exists(), "a stale working copy is tidied away");
        assert!(running.exists(), "a recent one may be another salvage's");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("salvaging") && !n.ends_with("running"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn a_file_that_is_not_a_journal_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.db");
        std::fs::write(&path, b"plain words, not a database at all".repeat(300)).unwrap();
        let err = salvage(&path, None).unwrap_err();
        assert!(err.to_string().contains("notes.db"), "{err}");
        let folder = salvage(dir.path(), None).unwrap_err();
        assert_eq!(folder.code(), "not_a_database", "{folder}");
    }
}
