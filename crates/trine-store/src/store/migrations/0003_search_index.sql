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

-- Reading the journal without reading every entry. `trine tags`, the tag
-- list and the statistics read every entry's row (each a page or more of
-- text) only to learn whether it was in the bin, its week or its ratings:
-- 200 ms for the tags of 100,000 entries. Tags now carry whether their
-- entry is live and its week, and a small index holds the ratings.
ALTER TABLE entry_tags ADD COLUMN live INTEGER NOT NULL DEFAULT 1;
ALTER TABLE entry_tags ADD COLUMN week_start TEXT NOT NULL DEFAULT '';
UPDATE entry_tags SET
    live = (SELECT deleted_utc IS NULL FROM entries WHERE seq = entry_seq),
    week_start = (SELECT week_start FROM entries WHERE seq = entry_seq);
CREATE INDEX entry_tags_live ON entry_tags (tag) WHERE live = 1;
CREATE INDEX entry_tags_live_by_week ON entry_tags (week_start, tag) WHERE live = 1;
DROP TRIGGER entries_tags_insert;
CREATE TRIGGER entries_tags_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entry_tags (entry_seq, tag, live, week_start)
    SELECT new.seq, value, new.deleted_utc IS NULL, new.week_start FROM json_each(new.tags);
END;
DROP TRIGGER entries_tags_update;
CREATE TRIGGER entries_tags_update AFTER UPDATE OF tags ON entries BEGIN
    DELETE FROM entry_tags WHERE entry_seq = old.seq;
    INSERT INTO entry_tags (entry_seq, tag, live, week_start)
    SELECT new.seq, value, new.deleted_utc IS NULL, new.week_start FROM json_each(new.tags);
END;
CREATE TRIGGER entries_tags_live AFTER UPDATE OF deleted_utc, week_start ON entries BEGIN
    UPDATE entry_tags SET live = (new.deleted_utc IS NULL), week_start = new.week_start
    WHERE entry_seq = new.seq;
END;
CREATE INDEX entries_rated ON entries (week_start, seen, known, valued)
    WHERE deleted_utc IS NULL AND (seen IS NOT NULL OR known IS NOT NULL OR valued IS NOT NULL);
