-- Schema version 1: entries with their full-text index, tags, check-ins,
-- prompts and settings. Never edit this file once released: add a new
-- migration instead (see migrations.rs).

CREATE TABLE entries (
    -- A stable rowid for the full-text index (VACUUM may renumber implicit ones).
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,                      -- UUID, lower-case hyphenated
    kind            TEXT NOT NULL CHECK (kind IN ('reflection', 'note')),
    week_start      TEXT NOT NULL,                             -- YYYY-MM-DD, first day of its week
    entry_date      TEXT NOT NULL,                             -- YYYY-MM-DD, local date it was written
    title           TEXT NOT NULL DEFAULT '',
    body            TEXT NOT NULL DEFAULT '',
    -- One section per side of the triangle: the prompt answered and the answer.
    developmental_prompt TEXT,
    developmental   TEXT,
    emotional_prompt TEXT,
    emotional       TEXT,
    integration_prompt TEXT,
    integration     TEXT,
    -- The tags as a JSON array of tidy strings; entry_tags mirrors it.
    tags            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
    private         INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    seen            INTEGER CHECK (seen BETWEEN 1 AND 10),
    known           INTEGER CHECK (known BETWEEN 1 AND 10),
    valued          INTEGER CHECK (valued BETWEEN 1 AND 10),
    created_utc     TEXT NOT NULL,                             -- RFC 3339 in UTC, sortable
    created_offset  INTEGER NOT NULL,                          -- seconds east of UTC when written
    updated_utc     TEXT NOT NULL,
    updated_offset  INTEGER NOT NULL,
    deleted_utc     TEXT,                                      -- set while in the bin
    deleted_offset  INTEGER,
    source_id       TEXT                                       -- id in the journal it was imported from
);

CREATE INDEX entries_live_by_time ON entries (created_utc DESC, seq DESC) WHERE deleted_utc IS NULL;
CREATE INDEX entries_live_by_date ON entries (entry_date) WHERE deleted_utc IS NULL;
CREATE INDEX entries_by_week ON entries (week_start);
CREATE INDEX entries_by_source ON entries (source_id) WHERE source_id IS NOT NULL;
CREATE UNIQUE INDEX one_reflection_per_week ON entries (week_start)
    WHERE kind = 'reflection' AND deleted_utc IS NULL;

-- Tags, one row each, kept equal to entries.tags by the triggers below.
CREATE TABLE entry_tags (
    entry_seq INTEGER NOT NULL REFERENCES entries (seq) ON DELETE CASCADE,
    tag       TEXT NOT NULL,
    PRIMARY KEY (tag, entry_seq)
) WITHOUT ROWID;
CREATE INDEX entry_tags_by_entry ON entry_tags (entry_seq);

CREATE TRIGGER entries_tags_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entry_tags (entry_seq, tag) SELECT new.seq, value FROM json_each(new.tags);
END;
CREATE TRIGGER entries_tags_update AFTER UPDATE OF tags ON entries BEGIN
    DELETE FROM entry_tags WHERE entry_seq = old.seq;
    INSERT INTO entry_tags (entry_seq, tag) SELECT new.seq, value FROM json_each(new.tags);
END;

-- Full-text index over live (not deleted) entries. External content: the
-- text lives once, in entries, and the index reads it through this view, so
-- `integrity-check` can compare the two exactly. The triggers below keep
-- the index in step.
CREATE VIEW live_entry_text AS
    SELECT seq, title, body, developmental, emotional, integration, tags
    FROM entries WHERE deleted_utc IS NULL;
CREATE VIRTUAL TABLE entry_text USING fts5 (
    title, body, developmental, emotional, integration, tags,
    content = 'live_entry_text', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TRIGGER entries_text_insert AFTER INSERT ON entries WHEN new.deleted_utc IS NULL BEGIN
    INSERT INTO entry_text (rowid, title, body, developmental, emotional, integration, tags)
    VALUES (new.seq, new.title, new.body, new.developmental, new.emotional, new.integration, new.tags);
END;
-- One trigger for updates, so the old text is always taken out before the
-- new text goes in (SQLite gives no order between separate triggers).
CREATE TRIGGER entries_text_update AFTER UPDATE ON entries BEGIN
    INSERT INTO entry_text (entry_text, rowid, title, body, developmental, emotional, integration, tags)
    SELECT 'delete', old.seq, old.title, old.body, old.developmental, old.emotional, old.integration, old.tags
    WHERE old.deleted_utc IS NULL;
    INSERT INTO entry_text (rowid, title, body, developmental, emotional, integration, tags)
    SELECT new.seq, new.title, new.body, new.developmental, new.emotional, new.integration, new.tags
    WHERE new.deleted_utc IS NULL;
END;
CREATE TRIGGER entries_text_delete AFTER DELETE ON entries WHEN old.deleted_utc IS NULL BEGIN
    INSERT INTO entry_text (entry_text, rowid, title, body, developmental, emotional, integration, tags)
    VALUES ('delete', old.seq, old.title, old.body, old.developmental, old.emotional, old.integration, old.tags);
END;

-- The nine-component self-assessment: 1 (fine) to 5 (needs most work).
CREATE TABLE checkins (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    taken_utc    TEXT NOT NULL,
    taken_offset INTEGER NOT NULL,
    note         TEXT NOT NULL DEFAULT ''
);
CREATE TABLE checkin_scores (
    checkin_seq INTEGER NOT NULL REFERENCES checkins (seq) ON DELETE CASCADE,
    component   TEXT NOT NULL,
    score       INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    PRIMARY KEY (checkin_seq, component)
) WITHOUT ROWID;

-- Prompts: the built-in library and the user's own.
CREATE TABLE prompts (
    id        TEXT PRIMARY KEY,
    component TEXT NOT NULL,
    text      TEXT NOT NULL,
    hint      TEXT,
    origin    TEXT NOT NULL CHECK (origin IN ('builtin', 'user')),
    archived  INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);

-- Settings shared by the app and the CLI.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
