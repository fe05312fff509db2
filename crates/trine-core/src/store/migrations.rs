//! Schema versions and forward-only migrations.
//!
//! The schema version lives in `PRAGMA user_version`. Each migration is an
//! SQL file that is only ever added, never edited, and runs in the same
//! transaction as the version bump, so a journal is always at exactly one
//! known version. A journal from a newer Trine is refused untouched.

use rusqlite::Connection;

/// The migrations in order; index 0 takes a new file to version 1.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_triangle.sql"),
];

/// The newest schema version this build knows.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

/// Reads the schema version of an open database.
pub(crate) fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Brings the database from `from` up to [`CURRENT_VERSION`], one
/// transaction per step. The caller has checked that `from` is not newer.
pub(crate) fn migrate(conn: &mut Connection, from: i64) -> rusqlite::Result<()> {
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
