-- Schema 8: the weekly reflections without reading every note. The
-- calendar, the streak and the week statuses list only reflections; in a
-- journal of many notes, a scan of every entry took most of the Trends
-- screen's time.
CREATE INDEX entries_live_by_kind ON entries (kind, created_utc DESC, seq DESC)
    WHERE deleted_utc IS NULL;
