-- Schema 9: the index of schema 8 holds only the weekly reflections. The
-- calendar, the streak and the week statuses list only reflections, which
-- are one a week; an index of every entry by kind cost a journal of notes
-- 9% more space for nothing (0.86 MB of 24 MB at 10,000 notes). Queries
-- name the kind as a constant, so SQLite can use this partial index.
DROP INDEX entries_live_by_kind;
CREATE INDEX entries_live_reflections ON entries (created_utc DESC, seq DESC)
    WHERE deleted_utc IS NULL AND kind = 'reflection';
