-- The scores an indicator's stored proficiency was calculated from, in the order the work was done
-- ("epochDay/epochSecond/points", space-separated). It is rewritten from the evidence tables whenever
-- those scores change, so a course-wide recalculation (a policy or scale change) reads one row per
-- student and indicator instead of joining every score of the course. NULL: not recorded yet (rows
-- written before this column); the recalculation then reads the evidence tables instead.
ALTER TABLE indicator_proficiency ADD COLUMN score_series TEXT NULL;
