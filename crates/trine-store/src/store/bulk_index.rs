//! Indexing many new entries at once, for imports (schema 3).
//!
//! Indexed one at a time through the insert trigger, every entry made FTS5
//! write its pending terms to disk and merge the small segments that piled
//! up. Inside an import's transaction, [`DeferredIndex::hold`] puts the one
//! row in `deferred_index` that turns the trigger off, and
//! [`DeferredIndex::catch_up`] indexes every entry written since in one
//! statement and takes the row out again, before the import commits. A
//! transaction that ends without catching up is rolled back whole, the row
//! with it, so no committed journal ever holds it.

use super::WriteTx;
use crate::error::Result;

/// How much FTS5 may hold in memory while it indexes an import's entries.
const BULK_HASH_BYTES: i64 = 64 * 1024 * 1024;

/// The search index held back within one transaction.
#[derive(Debug)]
pub(crate) struct DeferredIndex {
    /// The last entry that existed before: those after it are indexed.
    before: i64,
}

impl DeferredIndex {
    /// Holds the search index back for the rest of `tx`.
    pub(crate) fn hold(tx: &WriteTx<'_>) -> Result<DeferredIndex> {
        let before: i64 = tx.query_row("SELECT coalesce(max(seq), 0) FROM entries", [], |r| {
            r.get(0)
        })?;
        tx.execute("INSERT INTO deferred_index (only) VALUES (1)", [])?;
        Ok(DeferredIndex { before })
    }

    /// Indexes every live entry written since [`DeferredIndex::hold`], in
    /// one statement, and lets the trigger index again.
    pub(crate) fn catch_up(self, tx: &WriteTx<'_>) -> Result<()> {
        tx.execute("DELETE FROM deferred_index", [])?;
        // Room for all the new terms at once (FTS5 keeps 1 MB by default):
        // one segment written, instead of many written and merged.
        tx.execute(
            "INSERT INTO entry_text (entry_text, rank) VALUES ('hashsize', ?1)",
            [BULK_HASH_BYTES],
        )?;
        tx.execute(
            "INSERT INTO entry_text (rowid, title, body, developmental, emotional, integration, tags) \
             SELECT seq, title, body, developmental, emotional, integration, tags \
             FROM entries WHERE seq > ?1 AND deleted_utc IS NULL ORDER BY seq",
            [self.before],
        )?;
        tx.execute("DELETE FROM entry_text_config WHERE k = 'hashsize'", [])?;
        Ok(())
    }
}
