//! Taking the journal's write lock on the file that is really the journal.
//!
//! Another process may replace the journal's file (a restore, a change of
//! encryption; see `replacement`) while this one waits for the write lock.
//! The replacement holds the lock on the old file until the new one is in
//! place, so the waiting process gets the lock on the old, nameless file.
//! [`Journal::hold_write_lock`] sees that under the lock, lets it go,
//! opens the journal again and takes the lock there, until the lock it
//! holds is on the file at the journal's path. Nothing is written in
//! between, so nothing is refused that could have been saved.

use std::ops::Deref;

use rusqlite::Connection;

use super::replacement::FileId;
use super::{recovery, Journal};
use crate::error::{Error, OpenError, Result};

/// How many replacements in a row one write follows before it gives up:
/// each needs another process to replace the journal while this one
/// waits, so more than one is already rare.
const MOST_REPLACEMENTS_FOLLOWED: usize = 8;

/// A write transaction on the journal's current file, begun `IMMEDIATE`
/// by [`Journal::begin_write`]: everything in it is saved by
/// [`WriteTx::commit`], and nothing if it is dropped first.
pub(crate) struct WriteTx<'a> {
    conn: &'a Connection,
}

impl WriteTx<'_> {
    /// Saves everything written in the transaction.
    pub(crate) fn commit(self) -> Result<()> {
        self.conn.execute_batch("COMMIT")?;
        Ok(())
    }
}

impl Deref for WriteTx<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        self.conn
    }
}

impl Drop for WriteTx<'_> {
    fn drop(&mut self) {
        // Committed, or ended by SQLite itself (a full disk rolls back):
        // nothing is left to undo.
        if !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

impl Journal {
    /// Whether the file at the journal's path is still the one this
    /// connection has open (always true in memory).
    pub fn is_current(&self) -> bool {
        match &self.path {
            Some(path) => self.file.is_some() && FileId::of(path) == self.file,
            None => true,
        }
    }

    /// Begins a write transaction on the file that is really the journal
    /// now (see [`Journal::hold_write_lock`]). If the journal was replaced
    /// by one this passphrase no longer opens, nothing is written and
    /// [`OpenError::Replaced`] says so.
    pub(crate) fn begin_write(&mut self) -> Result<WriteTx<'_>> {
        self.hold_write_lock()?;
        Ok(WriteTx { conn: &self.conn })
    }

    /// Takes the journal's write lock (`BEGIN IMMEDIATE`) on the file at
    /// its path, following every replacement made while it waited; the
    /// caller ends the transaction (`COMMIT` or `ROLLBACK`). A
    /// replacement takes the same lock on the old file while it copies
    /// and swaps, so once this holds the lock on the current file, no
    /// replacement can happen until it lets go.
    pub(crate) fn hold_write_lock(&mut self) -> Result<()> {
        for _ in 0..MOST_REPLACEMENTS_FOLLOWED {
            if !self.is_current() {
                self.follow_replacement()?;
            }
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
            if self.is_current() {
                return Ok(());
            }
            // Replaced while this waited for the lock: the lock is on the
            // old file, where nothing may be written.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        let path = self.path.clone().unwrap_or_default();
        Err(OpenError::Replaced { path }.into())
    }

    /// Makes sure the journal is the file on disk now, opening it again if
    /// another process replaced it; for work that reads the journal to
    /// write elsewhere (a backup), which must not read a replaced file.
    /// A replacement in progress holds the write lock, so this waits for
    /// it to end.
    pub(crate) fn ensure_current(&mut self) -> Result<()> {
        if self.path.is_none() {
            return Ok(());
        }
        self.hold_write_lock()?;
        let _ = self.conn.execute_batch("ROLLBACK");
        Ok(())
    }

    /// Opens the journal again after another process replaced its file.
    /// The connection to the old file is left open (see `replacement`).
    fn follow_replacement(&mut self) -> Result<()> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        // Decrypted elsewhere: the journal is plain now and needs no
        // passphrase (encrypting always asks for one below).
        let plain_now = recovery::is_plain_sqlite(&path) == Some(true);
        let passphrase = if plain_now {
            None
        } else {
            self.passphrase.clone()
        };
        match Journal::open_with(&path, passphrase.as_deref()) {
            Ok(reopened) => {
                *self = reopened;
                Ok(())
            }
            Err(Error::Open(
                OpenError::Encrypted { .. }
                | OpenError::WrongPassphrase { .. }
                | OpenError::NotEncrypted { .. },
            )) => Err(OpenError::Replaced { path }.into()),
            Err(e) => Err(e),
        }
    }
}
