-- Schema 7: what each week's entries talk about, for the themes (the words
-- and tags that go with a person's higher and lower weeks), kept so that a
-- lifetime's journal is not read in full each time; and the rated-weeks
-- index covering the confidence rating too.
--
-- One row per week: its entries' terms and how often each occurs, as
-- lines of `term<TAB>count`, written by Trine from the entries. A week
-- whose entries changed is listed in week_terms_stale (by the triggers
-- below, in the same transaction as the change) and counted again before
-- the next read, so the counts can never disagree with the entries.
CREATE TABLE week_terms (
    week_start TEXT PRIMARY KEY,
    terms      TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE week_terms_stale (
    week_start TEXT PRIMARY KEY
) WITHOUT ROWID;

-- Every week with an entry is counted on first use.
INSERT OR IGNORE INTO week_terms_stale (week_start) SELECT DISTINCT week_start FROM entries;

CREATE TRIGGER entries_terms_insert AFTER INSERT ON entries BEGIN
    INSERT OR IGNORE INTO week_terms_stale (week_start) VALUES (new.week_start);
END;
CREATE TRIGGER entries_terms_update AFTER UPDATE OF title, body, developmental, emotional,
    integration, tags, deleted_utc, week_start, follow_up ON entries BEGIN
    INSERT OR IGNORE INTO week_terms_stale (week_start) VALUES (old.week_start);
    INSERT OR IGNORE INTO week_terms_stale (week_start) VALUES (new.week_start);
END;
CREATE TRIGGER entries_terms_delete AFTER DELETE ON entries BEGIN
    INSERT OR IGNORE INTO week_terms_stale (week_start) VALUES (old.week_start);
END;

DROP INDEX entries_rated;
CREATE INDEX entries_rated ON entries (week_start, seen, known, valued, confident)
    WHERE deleted_utc IS NULL
      AND (seen IS NOT NULL OR known IS NOT NULL OR valued IS NOT NULL OR confident IS NOT NULL);
