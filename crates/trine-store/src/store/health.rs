//! Checking a journal: SQLite's integrity check, and whether what Trine
//! makes from the entries (the search index, the tag index) still matches
//! them; and making those again from the entries, which loses no word.

use super::Journal;
use crate::error::Result;

/// Counts of what a journal holds, and whether SQLite finds it sound.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Health {
    /// `ok`, or the problems `PRAGMA integrity_check` found.
    pub integrity: Vec<String>,
    /// Whether the full-text index matches the entries.
    pub search_index_ok: bool,
    /// Whether the tag index (each entry's tags, one row each, which the
    /// tag list, filters and exports by tag read) matches the entries.
    pub tag_index_ok: bool,
    /// Entries holding a value Trine cannot read (a byte that is not
    /// UTF-8, tags that are no longer a list of words): every list, search
    /// and export that reaches one stops at it.
    pub entries_with_damaged_values: u64,
    /// Entries not deleted.
    pub entries: u64,
    /// Entries in the bin.
    pub deleted: u64,
    /// Weekly reflections (not deleted).
    pub reflections: u64,
    /// Entries marked private (not deleted).
    pub private: u64,
    /// Distinct tags in use.
    pub tags: u64,
    /// Check-ins taken.
    pub checkins: u64,
    /// The schema version of the file.
    pub schema_version: i64,
}

impl Health {
    /// True when SQLite, the search index and the tag index all report no
    /// problem.
    pub fn is_ok(&self) -> bool {
        self.integrity == ["ok"]
            && self.search_index_ok
            && self.tag_index_ok
            && self.entries_with_damaged_values == 0
    }

    /// True when the only problems are in the search index or the tag
    /// index, which are made from the entries and can be made again from
    /// them, or damaged values in entries, which are read again byte for
    /// byte: [`Journal::rebuild_search_index`] puts them right without
    /// losing a word (only the damaged bytes).
    pub fn only_search_index_damaged(&self) -> bool {
        !self.is_ok()
            && self.integrity.iter().all(|line| {
                line == "ok" || line.to_lowercase().contains("fts5") || line.contains("entry_text")
            })
    }
}

impl Journal {
    /// Reads entries holding a damaged value again byte for byte (every
    /// word kept but the damaged bytes) and makes the indexes again, when
    /// there are any; returns how many there were.
    pub fn repair_damaged_values(&mut self) -> Result<usize> {
        let damaged = self.entries_with_damaged_values()?.len();
        if damaged > 0 {
            self.rebuild_search_index()?;
        }
        Ok(damaged)
    }

    /// The rows of the entries that hold a value Trine cannot read.
    fn entries_with_damaged_values(&self) -> Result<Vec<i64>> {
        use super::entries::{entry_from_row, ENTRY_COLUMNS, ENTRY_COLUMN_COUNT};
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {ENTRY_COLUMNS}, seq FROM entries"))?;
        let mut rows = stmt.query([])?;
        let mut damaged = Vec::new();
        while let Some(row) = rows.next()? {
            if !matches!(entry_from_row(row), Ok(Ok(_))) {
                damaged.push(row.get(ENTRY_COLUMN_COUNT)?);
            }
        }
        Ok(damaged)
    }
}

/// Whether `entry_tags` and the tags of the entries differ, either way.
const TAG_INDEX_DIFFERS: &str = "SELECT EXISTS (
        SELECT e.seq, j.value, e.deleted_utc IS NULL, e.week_start
        FROM entries e, json_each(e.tags) j
        EXCEPT SELECT entry_seq, tag, live, week_start FROM entry_tags
    ) OR EXISTS (
        SELECT entry_seq, tag, live, week_start FROM entry_tags
        EXCEPT SELECT e.seq, j.value, e.deleted_utc IS NULL, e.week_start
        FROM entries e, json_each(e.tags) j
    )";

impl Journal {
    /// Checks the database and the search index and counts what it holds.
    pub fn health(&self) -> Result<Health> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let integrity = stmt
            .query_map([], |row| row.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let search_index_ok = self
            .conn
            .execute(
                "INSERT INTO entry_text (entry_text, rank) VALUES ('integrity-check', 1)",
                [],
            )
            .is_ok();
        // Both ways round: a tag the entries do not hold, or one missing.
        let tag_index_ok = !self
            .conn
            .query_row(TAG_INDEX_DIFFERS, [], |r| r.get::<_, bool>(0))
            .unwrap_or(true);
        let entries_with_damaged_values = self.entries_with_damaged_values()?.len() as u64;
        let count = |sql: &str| -> Result<u64> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        Ok(Health {
            integrity,
            search_index_ok,
            tag_index_ok,
            entries_with_damaged_values,
            entries: count("SELECT count(*) FROM entries WHERE deleted_utc IS NULL")?,
            deleted: count("SELECT count(*) FROM entries WHERE deleted_utc IS NOT NULL")?,
            reflections: count(
                "SELECT count(*) FROM entries WHERE deleted_utc IS NULL AND kind = 'reflection'",
            )?,
            private: count(
                "SELECT count(*) FROM entries WHERE deleted_utc IS NULL AND private = 1",
            )?,
            tags: count("SELECT count(DISTINCT tag) FROM entry_tags WHERE live = 1")?,
            checkins: count("SELECT count(*) FROM checkins")?,
            schema_version: self.schema_version()?,
        })
    }

    /// Makes the search index and the tag index again from the entries,
    /// and has every week's terms counted again, in one transaction. They
    /// hold nothing of their own (every word in them is in an entry), so
    /// damage to them is put right without losing a word.
    pub fn rebuild_search_index(&mut self) -> Result<()> {
        let damaged = self.entries_with_damaged_values()?;
        let tx = self.begin_write()?;
        // Entries with a damaged value first, so that the indexes are made
        // from what can be read.
        for seq in damaged {
            super::salvage::repair_entry_text(&tx, seq)?;
        }
        tx.execute_batch(
            "DELETE FROM entry_tags;
             INSERT INTO entry_tags (entry_seq, tag, live, week_start)
             SELECT e.seq, j.value, e.deleted_utc IS NULL, e.week_start
             FROM entries e, json_each(e.tags) j;
             INSERT OR IGNORE INTO week_terms_stale (week_start)
             SELECT DISTINCT week_start FROM entries;
             INSERT OR IGNORE INTO week_terms_stale (week_start)
             SELECT week_start FROM week_terms;",
        )?;
        // An import's hold on the indexing trigger (see `bulk_index`) never
        // outlives its transaction; one left by hand would keep new entries
        // out of the index made here.
        tx.execute("DELETE FROM deferred_index", [])?;
        let rebuild = "INSERT INTO entry_text (entry_text) VALUES ('rebuild')";
        if tx.execute(rebuild, []).is_err() {
            // The index's own record of its format damaged too: it is put
            // back as FTS5 writes it for this table (format 4, no option
            // set; the rebuild writes everything else anew), once.
            tx.execute("DELETE FROM entry_text_config", [])?;
            tx.execute(
                "INSERT INTO entry_text_config (k, v) VALUES ('version', 4)",
                [],
            )?;
            tx.execute(rebuild, [])?;
        }
        tx.commit()?;
        Ok(())
    }
}
