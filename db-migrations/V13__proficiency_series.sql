-- The scores an indicator's stored proficiency was calculated from, in the order the work was done
-- ("epochDay/epochSecond/points", space-separated). It is rewritten from the evidence tables whenever
-- those scores change, so a course-wide recalculation (a policy or scale change) reads one row per
-- student and indicator instead of joining every score of the course. NULL: not recorded yet (rows
-- written before this column); the recalculation then reads the evidence tables instead.
ALTER TABLE indicator_proficiency ADD COLUMN score_series TEXT NULL;

-- A student's scores of one indicator are read at every score (to calculate that indicator again):
-- with the course and student on the score's levels, an index finds those few rows directly,
-- rather than walking every piece of the student's evidence and its history.
ALTER TABLE evidence_score_level ADD COLUMN course_id BIGINT NULL;
ALTER TABLE evidence_score_level ADD COLUMN student_person_id BIGINT NULL;
UPDATE evidence_score_level SET
    course_id = (SELECT e.course_id FROM evidence_history h JOIN evidence e ON e.id = h.evidence_id
                 WHERE h.id = evidence_score_level.history_id),
    student_person_id = (SELECT e.student_person_id FROM evidence_history h JOIN evidence e ON e.id = h.evidence_id
                         WHERE h.id = evidence_score_level.history_id);
ALTER TABLE evidence_score_level MODIFY course_id BIGINT NOT NULL;
ALTER TABLE evidence_score_level MODIFY student_person_id BIGINT NOT NULL;
CREATE INDEX ix_evidence_score_level_student ON evidence_score_level (course_id, student_person_id, indicator_item_id);
