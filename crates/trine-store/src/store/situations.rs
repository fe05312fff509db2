//! Where the person is in their working life, and since when: a history
//! with one row per change.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::Journal;
use crate::error::{Error, Result};
use crate::model::Situation;
use crate::time;

/// A situation and the day it began.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SituationSince {
    /// The situation.
    pub situation: Situation,
    /// The day it began.
    pub since: NaiveDate,
}

impl Journal {
    /// The person's situation now (the latest change), if they have said.
    pub fn situation(&self) -> Result<Option<SituationSince>> {
        let row: Option<(String, String)> = self
            .conn
            .prepare_cached("SELECT since, situation FROM situations ORDER BY since DESC LIMIT 1")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        row.map(|(since, situation)| read(&since, &situation))
            .transpose()
    }

    /// The situation in force on `day`: the latest change on or before it.
    pub fn situation_on(&self, day: NaiveDate) -> Result<Option<SituationSince>> {
        let row: Option<(String, String)> = self
            .conn
            .prepare_cached(
                "SELECT since, situation FROM situations WHERE since <= ?1 ORDER BY since DESC LIMIT 1",
            )?
            .query_row([day.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        row.map(|(since, situation)| read(&since, &situation))
            .transpose()
    }

    /// Every change of situation, oldest first.
    pub fn situation_history(&self) -> Result<Vec<SituationSince>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT since, situation FROM situations ORDER BY since")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut history = Vec::new();
        for row in rows {
            let (since, situation) = row?;
            history.push(read(&since, &situation)?);
        }
        Ok(history)
    }

    /// Records that the person's situation is `situation` from `since` on.
    /// The same situation as the one in force then adds nothing; a second
    /// change on the same day replaces the first.
    pub fn set_situation(&mut self, situation: Situation, since: NaiveDate) -> Result<()> {
        let tx = self.begin_write()?;
        let before: Option<String> = tx
            .query_row(
                "SELECT situation FROM situations WHERE since < ?1 ORDER BY since DESC LIMIT 1",
                [since.to_string()],
                |r| r.get(0),
            )
            .optional()?;
        if before.as_deref() == Some(situation.as_str()) {
            tx.execute(
                "DELETE FROM situations WHERE since = ?1",
                [since.to_string()],
            )?;
        } else {
            tx.execute(
                "INSERT INTO situations (since, situation, recorded_utc) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (since) DO UPDATE SET situation = excluded.situation, \
                 recorded_utc = excluded.recorded_utc",
                params![
                    since.to_string(),
                    situation.as_str(),
                    time::utc_text(&time::now())
                ],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}

pub(super) fn read(since: &str, situation: &str) -> Result<SituationSince> {
    Ok(SituationSince {
        since: since
            .parse()
            .map_err(|e| Error::Corrupt(format!("a situation's date {since:?}: {e}")))?,
        situation: situation
            .parse()
            .map_err(|e| Error::Corrupt(format!("a situation {situation:?}: {e}")))?,
    })
}
