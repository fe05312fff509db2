//! Check-ins: the nine-component self-assessment, "how much do I still need
//! to work on this?", 1 (fine as it is) to 5 (needs most work). Taken any
//! time, kept as history; the latest one weights the prompt rotation.

use super::WriteTx;
use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Journal;
use crate::error::{Error, Result, ValidationError};
use crate::time;

/// A check-in as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    /// Stable identity.
    pub id: Uuid,
    /// When it was taken.
    pub taken: DateTime<FixedOffset>,
    /// Score per component key: 1 (fine) to 5 (needs most work).
    pub scores: BTreeMap<String, u8>,
    /// An optional note.
    #[serde(default)]
    pub note: String,
}

/// A check-in to record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewCheckIn {
    /// Keep this id (imports); a new one when unset.
    pub id: Option<Uuid>,
    /// When it was taken; now when unset.
    pub taken: Option<DateTime<FixedOffset>>,
    /// Score per component key, each 1 to 5.
    pub scores: BTreeMap<String, i64>,
    /// An optional note.
    pub note: String,
}

impl Journal {
    /// Records a check-in.
    pub fn record_checkin(&mut self, new: NewCheckIn) -> Result<CheckIn> {
        let tx = self.begin_write()?;
        let checkin = insert_checkin(&tx, new)?;
        // This week's questions follow the new check-in while nothing is
        // written in the week yet (the first week follows the first one).
        let this_week = super::settings::first_day(&tx)?.week_start(time::now().date_naive());
        super::prompt_draw::forget_unwritten_draw(&tx, this_week)?;
        tx.commit()?;
        Ok(checkin)
    }

    /// All check-ins, newest first.
    pub fn checkins(&self) -> Result<Vec<CheckIn>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT seq, id, taken_utc, taken_offset, note FROM checkins ORDER BY taken_utc DESC, seq DESC")?;
        let heads = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i32>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut scores_stmt = self
            .conn
            .prepare_cached("SELECT component, score FROM checkin_scores WHERE checkin_seq = ?1")?;
        heads
            .into_iter()
            .map(|(seq, id, utc, offset, note)| {
                let scores = scores_stmt
                    .query_map([seq], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u8>(1)?)))?
                    .collect::<rusqlite::Result<BTreeMap<_, _>>>()?;
                Ok(CheckIn {
                    id: Uuid::parse_str(&id)
                        .map_err(|e| Error::Corrupt(format!("check-in id {id:?}: {e}")))?,
                    taken: time::from_stored(&utc, offset).map_err(Error::Corrupt)?,
                    scores,
                    note,
                })
            })
            .collect()
    }
}

/// Validates and inserts a check-in inside the caller's transaction.
pub(crate) fn insert_checkin(tx: &WriteTx<'_>, new: NewCheckIn) -> Result<CheckIn> {
    let mut scores = BTreeMap::new();
    for (component, value) in new.scores {
        super::triangle::find_component(tx, &component)?;
        if !(1..=5).contains(&value) {
            return Err(ValidationError::ScoreOutOfRange { component, value }.into());
        }
        scores.insert(component, value as u8);
    }
    let checkin = CheckIn {
        id: new.id.unwrap_or_else(Uuid::new_v4),
        taken: time::normalize(new.taken.unwrap_or_else(time::now)),
        scores,
        note: new.note,
    };
    tx.execute(
        "INSERT INTO checkins (id, taken_utc, taken_offset, note) VALUES (?1, ?2, ?3, ?4)",
        params![
            checkin.id.to_string(),
            time::utc_text(&checkin.taken),
            checkin.taken.offset().local_minus_utc(),
            checkin.note
        ],
    )?;
    let seq = tx.last_insert_rowid();
    for (component, score) in &checkin.scores {
        tx.execute(
            "INSERT INTO checkin_scores (checkin_seq, component, score) VALUES (?1, ?2, ?3)",
            params![seq, component, score],
        )?;
    }
    Ok(checkin)
}
