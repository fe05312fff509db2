-- Schema 4: where the person is in their working life, with its history,
-- so prompts can fit it and charts can mark when it changed.
--
-- One row per change: the situation and the day it began. Setting the same
-- situation again adds nothing; two changes on one day keep the later.
CREATE TABLE situations (
    since TEXT NOT NULL PRIMARY KEY,
    situation TEXT NOT NULL CHECK (situation IN
        ('working', 'new-role', 'looking', 'between', 'freelance', 'changing-fields')),
    recorded_utc TEXT NOT NULL
) WITHOUT ROWID;

-- Which situations a prompt fits, as keys separated by commas; NULL fits
-- every situation (a person's own prompts, until they say otherwise).
ALTER TABLE prompts ADD COLUMN situations TEXT;
