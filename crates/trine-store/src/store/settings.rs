//! Settings kept inside the journal, so the app and the CLI agree.

use rusqlite::{params, Connection, OptionalExtension};

use super::Journal;
use crate::error::{Error, Result};
use crate::week::FirstDay;

const FIRST_DAY: &str = "week.first_day";
/// The setting for how long the app stays open without use.
pub(crate) const LOCK_AFTER: &str = "privacy.lock_after_seconds";

/// Ten minutes: how long an encrypted journal stays open without use,
/// unless the person chooses otherwise (0 would mean never locking).
pub const DEFAULT_LOCK_AFTER_SECONDS: u32 = 600;
const CONFIDENT_RATING: &str = "ratings.confident";

/// The settings that shape how the journal behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Settings {
    /// The day weeks start on.
    pub first_day: FirstDay,
    /// Whether the week asks a fourth rating, how confident I felt in my
    /// direction (off unless the person turns it on).
    pub confident_rating: bool,
    /// Whether the person has chosen, on or off (the app offers the rating
    /// until they have).
    pub confident_rating_chosen: bool,
}

impl Journal {
    /// The journal's settings, with defaults for those never set.
    pub fn settings(&self) -> Result<Settings> {
        Ok(Settings {
            first_day: first_day(&self.conn)?,
            confident_rating: get(&self.conn, CONFIDENT_RATING)?.as_deref() == Some("on"),
            confident_rating_chosen: get(&self.conn, CONFIDENT_RATING)?.is_some(),
        })
    }

    /// Turns the fourth weekly rating (how confident I felt in my
    /// direction) on or off. Ratings already given are kept either way.
    pub fn set_confident_rating(&mut self, on: bool) -> Result<()> {
        self.set_setting(CONFIDENT_RATING, if on { "on" } else { "off" })
    }

    /// Sets the day weeks start on. Saved reflections keep their weeks.
    pub fn set_first_day(&mut self, first: FirstDay) -> Result<()> {
        self.set_setting(FIRST_DAY, first.as_str())
    }

    /// Every setting stored, by key.
    pub fn all_settings(&self) -> Result<std::collections::BTreeMap<String, String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT key, value FROM settings ORDER BY key")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Reads a raw setting by key.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        get(&self.conn, key)
    }

    /// Writes a raw setting by key.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        let tx = self.begin_write()?;
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        tx.commit()?;
        Ok(())
    }
}

pub(crate) fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

/// The configured first day of the week (Monday when unset).
pub(crate) fn first_day(conn: &Connection) -> Result<FirstDay> {
    match get(conn, FIRST_DAY)? {
        None => Ok(FirstDay::default()),
        Some(text) => text
            .parse()
            .map_err(|e| Error::Corrupt(format!("setting {FIRST_DAY}: {e}"))),
    }
}
