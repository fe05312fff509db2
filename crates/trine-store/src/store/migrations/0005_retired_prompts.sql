-- Schema 5: built-in prompts the library has retired (a near-duplicate
-- rewritten, a question replaced). A retired prompt is never offered or
-- listed again, but its row stays so that the entries answering it still
-- show the question they answered. Its id is never reused.
ALTER TABLE prompts ADD COLUMN retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1));
