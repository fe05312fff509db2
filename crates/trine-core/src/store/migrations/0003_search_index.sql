-- Schema 3: a smaller, faster search index.
--
-- The prefix indexes (`prefix = '2 3'`) stored every word's first two and
-- first three letters again: 60% of the index, and twice the indexing
-- time, for prefix searches (`promo*`) that FTS5 answers as quickly by a
-- range of the terms themselves (BENCHMARKS.md, "Moving in"). Everything
-- else is as before, so phrase and prefix search, ranking and snippets
-- keep working. The index is made again from the entries.
DROP TABLE entry_text;
CREATE VIRTUAL TABLE entry_text USING fts5 (
    title, body, developmental, emotional, integration, tags,
    content = 'live_entry_text', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO entry_text (entry_text) VALUES ('rebuild');

-- An import writes thousands of entries in one transaction. Indexed one by
-- one through the trigger, each entry made FTS5 write its pending terms to
-- disk (every statement that touches it opens a savepoint) and merge the
-- small segments that piled up: most of an import's time. While this table
-- holds its one row (only ever inside the import's own transaction), the
-- trigger leaves new entries to the import, which indexes them all in one
-- statement before it commits.
CREATE TABLE deferred_index (
    only INTEGER PRIMARY KEY CHECK (only = 1)
);
DROP TRIGGER entries_text_insert;
CREATE TRIGGER entries_text_insert AFTER INSERT ON entries
WHEN new.deleted_utc IS NULL AND NOT EXISTS (SELECT 1 FROM deferred_index) BEGIN
    INSERT INTO entry_text (rowid, title, body, developmental, emotional, integration, tags)
    VALUES (new.seq, new.title, new.body, new.developmental, new.emotional, new.integration, new.tags);
END;
