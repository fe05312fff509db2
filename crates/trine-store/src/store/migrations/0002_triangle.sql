-- Schema version 2: the triangle as data (sides and components, seeded from
-- the built-in library and renamable), prompt angles and library versions,
-- the prompts chosen for each week, and a log of every prompt offered.
-- Never edit this file once released: add a new migration instead.

CREATE TABLE sides (
    key         TEXT PRIMARY KEY CHECK (key IN ('developmental', 'emotional', 'integration')),
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    position    INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE components (
    key         TEXT PRIMARY KEY,
    side        TEXT NOT NULL REFERENCES sides (key),
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    position    INTEGER NOT NULL,
    -- 1 once the person renamed it or edited its description: library
    -- upgrades then leave its words alone.
    edited      INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1))
) WITHOUT ROWID;

ALTER TABLE prompts ADD COLUMN angle TEXT;
ALTER TABLE prompts ADD COLUMN library_version INTEGER;
ALTER TABLE prompts ADD COLUMN created_utc TEXT;

-- The prompt shown for each side of each week, chosen when the week is
-- first shown; "another question" replaces it.
CREATE TABLE week_prompts (
    week_start TEXT NOT NULL,
    side       TEXT NOT NULL CHECK (side IN ('developmental', 'emotional', 'integration')),
    prompt_id  TEXT NOT NULL REFERENCES prompts (id),
    PRIMARY KEY (week_start, side)
) WITHOUT ROWID;

-- Every prompt ever offered, in order: what rotation learns from.
CREATE TABLE prompt_offers (
    seq        INTEGER PRIMARY KEY,
    week_start TEXT NOT NULL,
    side       TEXT NOT NULL,
    prompt_id  TEXT NOT NULL REFERENCES prompts (id),
    component  TEXT NOT NULL,
    offered_utc TEXT NOT NULL
);
CREATE INDEX prompt_offers_by_component ON prompt_offers (component, seq);
CREATE INDEX prompt_offers_by_prompt ON prompt_offers (prompt_id);
