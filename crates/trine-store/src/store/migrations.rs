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
    include_str!("migrations/0003_search_index.sql"),
    include_str!("migrations/0004_situations.sql"),
    include_str!("migrations/0005_retired_prompts.sql"),
    include_str!("migrations/0006_confidence_and_follow_up.sql"),
    include_str!("migrations/0007_week_terms.sql"),
    include_str!("migrations/0008_reflections_by_kind.sql"),
    include_str!("migrations/0009_reflections_only_index.sql"),
];

/// The newest schema version this build knows.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

/// Reads the schema version of an open database.
pub(crate) fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// What a file holds, read in one statement (one snapshot, so that another
/// process creating the journal at the same moment is seen before or after
/// its first migration, never half-way).
#[derive(Debug, Clone, Copy)]
pub(crate) struct FileState {
    /// `PRAGMA user_version`.
    pub(crate) version: i64,
    /// Whether it holds any table (a journal's, or another program's).
    pub(crate) tables: bool,
    /// Whether it holds a table of entries, as every journal does.
    pub(crate) entries: bool,
}

/// Reads the [`FileState`] of the database open on `conn`.
pub(crate) fn file_state(conn: &Connection) -> rusqlite::Result<FileState> {
    conn.query_row(
        "SELECT (SELECT user_version FROM pragma_user_version), \
                EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table'), \
                EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entries')",
        [],
        |r| {
            Ok(FileState {
                version: r.get(0)?,
                tables: r.get(1)?,
                entries: r.get(2)?,
            })
        },
    )
}

/// Brings the database from `from` up to [`CURRENT_VERSION`], one
/// transaction per step. The caller has checked that `from` is not newer.
///
/// Each step takes the write lock first and reads the version again under
/// it: another process may have run the same step since `from` was read
/// (two `trine` commands starting on a new journal at once), and then the
/// step is skipped rather than run twice.
pub(crate) fn migrate(conn: &mut Connection, from: i64) -> rusqlite::Result<()> {
    if from >= CURRENT_VERSION {
        return Ok(());
    }
    loop {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let version = schema_version(&tx)?;
        let Some(sql) = usize::try_from(version)
            .ok()
            .and_then(|v| MIGRATIONS.get(v))
        else {
            return Ok(());
        };
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
}

/// One object of a database's schema as `sqlite_master` lists it: its
/// type, name, table and SQL text.
pub(crate) type SchemaObject = (String, String, String, Option<String>);

/// The schema objects of the database open on `conn`, sorted.
pub(crate) fn schema_of(conn: &Connection) -> rusqlite::Result<Vec<SchemaObject>> {
    schema_of_in(conn, "main")
}

/// The schema objects of the database attached to `conn` as `schema` (a
/// name Trine chose, not a person's input), sorted.
pub(crate) fn schema_of_in(conn: &Connection, schema: &str) -> rusqlite::Result<Vec<SchemaObject>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT type, name, tbl_name, sql FROM \"{schema}\".sqlite_master \
         ORDER BY type, name, tbl_name"
    ))?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    rows.collect()
}

/// Gives the empty database on `conn` the schema of this build's journals.
pub(crate) fn migrate_in_memory(conn: &Connection) -> rusqlite::Result<()> {
    for sql in MIGRATIONS {
        conn.execute_batch(sql)?;
    }
    Ok(())
}

/// The schema a journal at `version` has, exactly: the migrations up to
/// `version` run on an empty database in memory.
pub(crate) fn expected_schema(version: i64) -> rusqlite::Result<Vec<SchemaObject>> {
    let conn = crate::connection::open_in_memory()?;
    for sql in MIGRATIONS
        .iter()
        .take(usize::try_from(version).unwrap_or(0))
    {
        conn.execute_batch(sql)?;
    }
    schema_of(&conn)
}
