//! Each week's terms and how often they occur, kept in the journal for the
//! themes ([`crate::terms`]). A change to an entry marks its week stale (by
//! triggers, in the change's own transaction); reading counts the stale
//! weeks again first, so the counts always match the entries.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::entries::{entry_from_row, ENTRY_COLUMNS};
use super::Journal;
use crate::error::{Error, Result};
use crate::terms;

/// One week's terms: each term and how often the week's live entries use it.
pub type WeekTerms = (NaiveDate, BTreeMap<String, u32>);

/// A week's stored terms and how many live entries they were counted from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountedWeek {
    /// How many live entries the week holds.
    pub entries: usize,
    /// Each term and how often those entries use it.
    pub terms: BTreeMap<String, u32>,
}

impl Journal {
    /// The terms of each week starting in `from..=to` (either end open)
    /// that has live entries, oldest first. Weeks changed since they were
    /// last counted are counted again first (in one write transaction);
    /// when the journal cannot be written (a full disk, another Trine
    /// holding it), they are counted without keeping the counts.
    pub fn week_terms(
        &mut self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<WeekTerms>> {
        if let Err(error) = self.count_changed_weeks() {
            if !error.is_write_held_back() {
                return Err(error);
            }
            return self.week_terms_unkept(from, to);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT week_start, terms FROM week_terms \
             WHERE (?1 IS NULL OR week_start >= ?1) AND (?2 IS NULL OR week_start <= ?2) \
             ORDER BY week_start",
        )?;
        let rows = stmt.query_map(
            params![from.map(|d| d.to_string()), to.map(|d| d.to_string())],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
        )?;
        rows.map(|row| {
            let (week, text) = row?;
            let week = NaiveDate::parse_from_str(&week, "%Y-%m-%d")
                .map_err(|e| Error::Corrupt(format!("week_terms {week:?}: {e}")))?;
            Ok((week, terms::decode(&text)))
        })
        .collect()
    }

    /// Counts the terms of every week changed since it was last counted
    /// (in one write transaction; nothing is written when none changed).
    /// The counts are kept only to save time later, so this does not wait
    /// for another Trine writing the journal: it fails at once instead
    /// ([`Error::is_write_held_back`]), and the caller counts without
    /// keeping.
    pub fn count_changed_weeks(&mut self) -> Result<()> {
        let stale: bool =
            self.conn
                .query_row("SELECT EXISTS (SELECT 1 FROM week_terms_stale)", [], |r| {
                    r.get(0)
                })?;
        if stale {
            self.conn.busy_timeout(std::time::Duration::ZERO)?;
            let counted = self.count_stale_weeks();
            self.conn.busy_timeout(super::BUSY_TIMEOUT)?;
            counted?;
        }
        Ok(())
    }

    /// The stored terms of each week starting in `from..=to` (either end
    /// open) that was counted and has not changed since, with how many
    /// live entries it holds. A part of the journal that holds all of a
    /// week's entries, unchanged, can take these instead of counting its
    /// words again; other weeks (and changed ones) are left for it to count.
    pub fn counted_week_terms(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<BTreeMap<NaiveDate, CountedWeek>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.week_start, t.terms, \
               (SELECT count(*) FROM entries e WHERE e.week_start = t.week_start AND e.deleted_utc IS NULL) \
             FROM week_terms t \
             WHERE t.week_start NOT IN (SELECT week_start FROM week_terms_stale) \
               AND (?1 IS NULL OR t.week_start >= ?1) AND (?2 IS NULL OR t.week_start <= ?2)",
        )?;
        let rows = stmt.query_map(
            params![from.map(|d| d.to_string()), to.map(|d| d.to_string())],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            },
        )?;
        rows.map(|row| {
            let (week, text, entries) = row?;
            let week = NaiveDate::parse_from_str(&week, "%Y-%m-%d")
                .map_err(|e| Error::Corrupt(format!("week_terms {week:?}: {e}")))?;
            let counted = CountedWeek {
                entries: usize::try_from(entries).unwrap_or(0),
                terms: terms::decode(&text),
            };
            Ok((week, counted))
        })
        .collect()
    }

    /// [`Journal::week_terms`] without writing: the kept counts of the
    /// weeks unchanged since, and the changed weeks counted now.
    fn week_terms_unkept(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<WeekTerms>> {
        let mut weeks: BTreeMap<NaiveDate, BTreeMap<String, u32>> = self
            .counted_week_terms(from, to)?
            .into_iter()
            .map(|(week, counted)| (week, counted.terms))
            .collect();
        let changed: Vec<String> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT week_start FROM week_terms_stale \
                 WHERE (?1 IS NULL OR week_start >= ?1) AND (?2 IS NULL OR week_start <= ?2)",
            )?;
            let rows = stmt.query_map(
                params![from.map(|d| d.to_string()), to.map(|d| d.to_string())],
                |r| r.get(0),
            )?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for week in changed {
            let counts = count_week(&self.conn, &week)?;
            let start = NaiveDate::parse_from_str(&week, "%Y-%m-%d")
                .map_err(|e| Error::Corrupt(format!("week_terms_stale {week:?}: {e}")))?;
            if counts.is_empty() {
                weeks.remove(&start);
            } else {
                weeks.insert(start, counts);
            }
        }
        Ok(weeks.into_iter().collect())
    }

    /// Counts every stale week again from its live entries.
    fn count_stale_weeks(&mut self) -> Result<()> {
        let tx = self.begin_write()?;
        let weeks: Vec<String> = {
            let mut stmt = tx.prepare("SELECT week_start FROM week_terms_stale")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        {
            let mut write = tx.prepare_cached(
                "INSERT INTO week_terms (week_start, terms) VALUES (?1, ?2) \
                 ON CONFLICT (week_start) DO UPDATE SET terms = excluded.terms",
            )?;
            let mut clear = tx.prepare_cached("DELETE FROM week_terms WHERE week_start = ?1")?;
            for week in &weeks {
                let counts = count_week(&tx, week)?;
                if counts.is_empty() {
                    clear.execute([week])?;
                } else {
                    write.execute(params![week, terms::encode(&counts)])?;
                }
            }
        }
        tx.execute("DELETE FROM week_terms_stale", [])?;
        tx.commit()?;
        Ok(())
    }
}

/// The terms of the live entries of the week starting on `week` (as
/// stored, `YYYY-MM-DD`).
fn count_week(conn: &rusqlite::Connection, week: &str) -> Result<BTreeMap<String, u32>> {
    let mut entries = conn.prepare_cached(&format!(
        "SELECT {ENTRY_COLUMNS} FROM entries WHERE week_start = ?1 AND deleted_utc IS NULL"
    ))?;
    let mut counts = BTreeMap::new();
    let rows = entries.query_map([week], entry_from_row)?;
    for row in rows {
        let entry = row?.map_err(Error::Corrupt)?;
        terms::add_terms(&entry, &mut counts);
    }
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntryEdit, NewEntry};
    use crate::store::tests::{at, day};

    fn terms_of(journal: &mut Journal, week: &str) -> BTreeMap<String, u32> {
        journal
            .week_terms(None, None)
            .unwrap()
            .into_iter()
            .find(|(w, _)| *w == day(week))
            .map(|(_, t)| t)
            .unwrap_or_default()
    }

    #[test]
    fn a_weeks_terms_follow_every_change_to_its_entries() {
        let mut journal = Journal::open_in_memory().unwrap();
        let first = journal
            .create(NewEntry {
                tags: vec!["mentor".into()],
                created: Some(at("2026-03-03T10:00:00+00:00")),
                ..NewEntry::note("Coffee", "Coffee with my mentor about the lead role.")
            })
            .unwrap();
        journal
            .create(NewEntry {
                created: Some(at("2026-03-05T10:00:00+00:00")),
                ..NewEntry::note("", "The mentor said wait.")
            })
            .unwrap();
        let week = terms_of(&mut journal, "2026-03-02");
        assert_eq!(week.get("mentor"), Some(&2));
        assert_eq!(week.get("coffee"), Some(&2), "title and body");
        assert_eq!(week.get("#mentor"), Some(&1));
        assert_eq!(week.get("the"), None, "stop words are left out");

        journal
            .update(
                first.id,
                EntryEdit {
                    body: Some("Lunch with Sam.".into()),
                    ..EntryEdit::default()
                },
            )
            .unwrap();
        let week = terms_of(&mut journal, "2026-03-02");
        assert_eq!(week.get("mentor"), Some(&1));
        assert_eq!(week.get("lunch"), Some(&1));

        journal.delete(first.id).unwrap();
        let week = terms_of(&mut journal, "2026-03-02");
        assert_eq!(week.get("lunch"), None, "a deleted entry's words go");
        assert_eq!(week.get("#mentor"), None);
        journal.undelete(first.id).unwrap();
        assert_eq!(terms_of(&mut journal, "2026-03-02").get("lunch"), Some(&1));

        // Nothing stale is left after a read, and a range is kept to.
        assert!(journal
            .week_terms(Some(day("2026-03-09")), None)
            .unwrap()
            .is_empty());
        let stale: i64 = journal
            .conn
            .query_row("SELECT count(*) FROM week_terms_stale", [], |r| r.get(0))
            .unwrap();
        assert_eq!(stale, 0);
    }

    #[test]
    fn a_journal_that_cannot_be_written_still_gives_its_weeks_terms() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::open_in(dir.path()).unwrap();
        let first = journal
            .create(NewEntry {
                created: Some(at("2026-03-03T10:00:00+00:00")),
                ..NewEntry::note("Coffee", "Coffee with my mentor.")
            })
            .unwrap();
        journal
            .create(NewEntry {
                created: Some(at("2026-03-10T10:00:00+00:00")),
                ..NewEntry::note("", "The mentor said wait.")
            })
            .unwrap();
        journal.week_terms(None, None).unwrap();
        journal
            .update(
                first.id,
                EntryEdit {
                    body: Some("Lunch with Sam.".into()),
                    ..EntryEdit::default()
                },
            )
            .unwrap();
        // Another Trine holds the journal for writing (a long import): the
        // changed week is counted without being kept.
        let other = rusqlite::Connection::open(journal.path().unwrap()).unwrap();
        other.execute_batch("BEGIN EXCLUSIVE").unwrap();
        let held = journal.week_terms(None, None).unwrap();
        other.execute_batch("ROLLBACK").unwrap();
        let stale = |journal: &Journal| -> i64 {
            journal
                .conn
                .query_row("SELECT count(*) FROM week_terms_stale", [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(stale(&journal), 1, "nothing was written");
        assert_eq!(held.len(), 2);
        assert_eq!(held[0].1.get("lunch"), Some(&1), "the change is counted");
        assert_eq!(held[0].1.get("mentor"), None);
        assert_eq!(held[1].1.get("mentor"), Some(&1), "the kept week");
        // Once the journal can be written, the same counts are kept.
        assert_eq!(journal.week_terms(None, None).unwrap(), held);
        assert_eq!(stale(&journal), 0);
    }
}
