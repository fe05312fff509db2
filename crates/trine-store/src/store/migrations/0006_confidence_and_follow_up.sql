-- Schema 6: an optional fourth weekly rating, how confident I felt in my
-- direction (1 to 10), and follow-through: the next step a reflection
-- planned, brought back the week after with how it went.
ALTER TABLE entries ADD COLUMN confident INTEGER CHECK (confident BETWEEN 1 AND 10);
-- The planned step as it was written (copied, so that editing last week's
-- answer later does not change what this week answered) and the answer.
ALTER TABLE entries ADD COLUMN follow_up_planned TEXT;
ALTER TABLE entries ADD COLUMN follow_up TEXT;
