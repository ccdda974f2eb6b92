-- Evidence of learning and what becomes of it: students' evidence (text, links, files) for an
-- assessment of a unit, its history (submissions, scores, feedback, returns, re-assessment
-- requests), the course's proficiency policy (how scores become proficiency, how proficiency rolls
-- up, how a level becomes gradebook points), and the current proficiency per student of every
-- performance indicator, standard and unit, kept up to date at every score so grids read cheaply.

-- The course's proficiency policy. No row means the defaults (see ProficiencyPolicies).
-- method: a CalculationMethod; weight for DECAYING_AVERAGE and WEIGHTED_LATEST (0 < w < 1);
-- times for PROFICIENT_N_TIMES. rollup MEAN, MINIMUM or ALL_PROFICIENT. grade_mapping LINEAR,
-- TABLE or PASS_FAIL, onto 0..grade_maximum points.
CREATE TABLE proficiency_policy (
    course_id       BIGINT        NOT NULL PRIMARY KEY,
    method          VARCHAR(30)   NOT NULL,
    weight          DOUBLE        NOT NULL,
    times           INT           NOT NULL,
    rollup          VARCHAR(20)   NOT NULL,
    grade_mapping   VARCHAR(20)   NOT NULL,
    grade_maximum   DOUBLE        NOT NULL,
    -- Optimistic lock: every save bumps it, and a save based on an older revision is refused.
    revision        INT           NOT NULL,
    updated_by      BIGINT        NOT NULL,
    updated_at      DATETIME(3)   NOT NULL,
    CONSTRAINT fk_proficiency_policy_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_proficiency_policy_person FOREIGN KEY (updated_by) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The TABLE grade mapping: the gradebook points for a level, by the level's points (4 -> 100).
CREATE TABLE proficiency_grade_row (
    course_id      BIGINT        NOT NULL,
    level_points   DECIMAL(6,2)  NOT NULL,
    grade_points   DOUBLE        NOT NULL,
    PRIMARY KEY (course_id, level_points),
    CONSTRAINT fk_proficiency_grade_row_policy FOREIGN KEY (course_id) REFERENCES proficiency_policy (course_id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One piece of evidence of one student for one assessment of a unit, shown through a learning
-- option they chose or a proposal the teacher approved. The unit's structure may change later
-- (targets, assessments and options can be deleted by a save), so the evidence keeps its own copy
-- of what it needs (indicator, kind, titles) and its links to them become NULL rather than the
-- evidence disappearing: a body of evidence is never lost.
-- status DRAFT, SUBMITTED, RETURNED, SCORED, REVIEWED (formative feedback), REASSESSMENT_REQUESTED.
-- kind FORMATIVE or SUMMATIVE; rubric_id is the assessment's rubric when it was submitted.
-- performed_on is the calendar day the work was done (defaults to the day it was submitted; the
-- teacher may correct it): proficiency orders scores by it, not by when they were scored.
-- queued_at is when it last entered the teacher's queue (submitted or re-assessment requested).
CREATE TABLE evidence (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id            BIGINT         NOT NULL,
    student_person_id    BIGINT         NOT NULL,
    unit_id              BIGINT         NOT NULL,
    target_id            BIGINT         NULL,
    indicator_item_id    BIGINT         NOT NULL,
    assessment_id        BIGINT         NULL,
    option_id            BIGINT         NULL,
    proposal_id          BIGINT         NULL,
    kind                 VARCHAR(20)    NOT NULL,
    rubric_id            BIGINT         NULL,
    assessment_title     VARCHAR(300)   NOT NULL,
    via_title            VARCHAR(300)   NOT NULL,
    body                 MEDIUMTEXT     NULL,
    -- http(s) addresses, one per line
    links                TEXT           NULL,
    status               VARCHAR(30)    NOT NULL,
    performed_on         DATE           NULL,
    submitted_at         DATETIME(3)    NULL,
    queued_at            DATETIME(3)    NULL,
    reassessment_reason  TEXT           NULL,
    -- Optimistic lock: every change bumps it; a teacher's score based on an older revision is refused.
    revision             INT            NOT NULL,
    created_at           DATETIME(3)    NOT NULL,
    updated_at           DATETIME(3)    NOT NULL,
    CONSTRAINT fk_evidence_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_evidence_student FOREIGN KEY (student_person_id) REFERENCES person (id),
    CONSTRAINT fk_evidence_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT fk_evidence_target FOREIGN KEY (target_id) REFERENCES unit_target (id) ON DELETE SET NULL,
    CONSTRAINT fk_evidence_indicator FOREIGN KEY (indicator_item_id) REFERENCES standard_item (id),
    CONSTRAINT fk_evidence_assessment FOREIGN KEY (assessment_id) REFERENCES unit_assessment (id) ON DELETE SET NULL,
    CONSTRAINT fk_evidence_option FOREIGN KEY (option_id) REFERENCES learning_option (id) ON DELETE SET NULL,
    CONSTRAINT fk_evidence_proposal FOREIGN KEY (proposal_id) REFERENCES unit_proposal (id) ON DELETE SET NULL,
    CONSTRAINT fk_evidence_rubric FOREIGN KEY (rubric_id) REFERENCES rubric (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_evidence_queue ON evidence (course_id, status, queued_at);
CREATE INDEX ix_evidence_student ON evidence (course_id, student_person_id, unit_id);

-- Files of an evidence. The bytes live in the database, in chunks (evidence_file_chunk), so every
-- node of a cluster sees them, backups hold them, and neither a whole file nor a packet larger than
-- max_allowed_packet ever passes at once. file_type is Cairn's type key (pdf, png, docx, ...),
-- decided from the name's extension and checked against the content's signature.
CREATE TABLE evidence_file (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    evidence_id   BIGINT         NOT NULL,
    file_name     VARCHAR(255)   NOT NULL,
    file_type     VARCHAR(20)    NOT NULL,
    media_type    VARCHAR(100)   NOT NULL,
    size_bytes    BIGINT         NOT NULL,
    sha256        CHAR(64)       NOT NULL,
    created_at    DATETIME(3)    NOT NULL,
    CONSTRAINT fk_evidence_file_evidence FOREIGN KEY (evidence_id) REFERENCES evidence (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_evidence_file_evidence ON evidence_file (evidence_id);

CREATE TABLE evidence_file_chunk (
    file_id    BIGINT       NOT NULL,
    position   INT          NOT NULL,
    data       MEDIUMBLOB   NOT NULL,
    PRIMARY KEY (file_id, position),
    CONSTRAINT fk_evidence_file_chunk_file FOREIGN KEY (file_id) REFERENCES evidence_file (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- What happened to an evidence, in order: SUBMITTED (student), SCORED (teacher, with levels),
-- FEEDBACK (teacher, formative), RETURNED (teacher, for revision), REASSESSMENT_REQUESTED
-- (student, with the reason), PERFORMED_ON_CORRECTED (teacher). Nothing is ever deleted: a later
-- score of the same evidence sets superseded_at on the earlier one, which then no longer counts.
-- actor_name is the name the actor had at the time, so students see who wrote without a roster.
CREATE TABLE evidence_history (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    evidence_id         BIGINT         NOT NULL,
    kind                VARCHAR(30)    NOT NULL,
    actor_person_id     BIGINT         NOT NULL,
    actor_name          VARCHAR(300)   NULL,
    comment             TEXT           NULL,
    rubric_version_id   BIGINT         NULL,
    performed_on        DATE           NULL,
    happened_at         DATETIME(3)    NOT NULL,
    superseded_at       DATETIME(3)    NULL,
    CONSTRAINT fk_evidence_history_evidence FOREIGN KEY (evidence_id) REFERENCES evidence (id),
    CONSTRAINT fk_evidence_history_actor FOREIGN KEY (actor_person_id) REFERENCES person (id),
    CONSTRAINT fk_evidence_history_rubric_version FOREIGN KEY (rubric_version_id) REFERENCES rubric_version (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_evidence_history_evidence ON evidence_history (evidence_id, happened_at);

-- The level given per rubric criterion in a SCORED entry, with a copy of the criterion's indicator
-- and the level's points and label (the rubric version is frozen once used, but a copy keeps the
-- proficiency reads to one table).
CREATE TABLE evidence_score_level (
    history_id          BIGINT         NOT NULL,
    criterion_id        BIGINT         NOT NULL,
    indicator_item_id   BIGINT         NOT NULL,
    criterion_title     VARCHAR(300)   NOT NULL,
    level_position      INT            NOT NULL,
    points              DECIMAL(6,2)   NOT NULL,
    level_label         VARCHAR(100)   NOT NULL,
    PRIMARY KEY (history_id, criterion_id),
    CONSTRAINT fk_evidence_score_level_history FOREIGN KEY (history_id) REFERENCES evidence_history (id),
    CONSTRAINT fk_evidence_score_level_criterion FOREIGN KEY (criterion_id) REFERENCES rubric_criterion (id),
    CONSTRAINT fk_evidence_score_level_indicator FOREIGN KEY (indicator_item_id) REFERENCES standard_item (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_evidence_score_level_indicator ON evidence_score_level (indicator_item_id);

-- The current proficiency of a student on a performance indicator in a course, from the summative
-- scores by the course's method. proficiency NULL: not enough evidence yet (no scores, or fewer than n
-- for "proficient n times"). level_* is the course scale's level it reaches.
CREATE TABLE indicator_proficiency (
    course_id           BIGINT         NOT NULL,
    student_person_id   BIGINT         NOT NULL,
    indicator_item_id   BIGINT         NOT NULL,
    proficiency           DOUBLE         NULL,
    level_position      INT            NULL,
    level_label         VARCHAR(100)   NULL,
    mastery             BOOLEAN        NOT NULL,
    score_count         INT            NOT NULL,
    method              VARCHAR(30)    NOT NULL,
    updated_at          DATETIME(3)    NOT NULL,
    PRIMARY KEY (course_id, student_person_id, indicator_item_id),
    CONSTRAINT fk_indicator_proficiency_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_indicator_proficiency_student FOREIGN KEY (student_person_id) REFERENCES person (id),
    CONSTRAINT fk_indicator_proficiency_indicator FOREIGN KEY (indicator_item_id) REFERENCES standard_item (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_indicator_proficiency_student ON indicator_proficiency (student_person_id, indicator_item_id);

-- A standard's proficiency in a course: its assessed indicators rolled up by the course's rule.
-- Read across the courses of a platform for the graduation view.
CREATE TABLE standard_proficiency (
    course_id             BIGINT         NOT NULL,
    student_person_id     BIGINT         NOT NULL,
    standard_item_id      BIGINT         NOT NULL,
    proficiency           DOUBLE         NULL,
    level_position        INT            NULL,
    level_label           VARCHAR(100)   NULL,
    mastery               BOOLEAN        NOT NULL,
    indicators_assessed   INT            NOT NULL,
    rollup                VARCHAR(20)    NOT NULL,
    updated_at            DATETIME(3)    NOT NULL,
    PRIMARY KEY (course_id, student_person_id, standard_item_id),
    CONSTRAINT fk_standard_proficiency_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_standard_proficiency_student FOREIGN KEY (student_person_id) REFERENCES person (id),
    CONSTRAINT fk_standard_proficiency_standard FOREIGN KEY (standard_item_id) REFERENCES standard_item (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_standard_proficiency_student ON standard_proficiency (student_person_id, standard_item_id);

-- A unit's proficiency of a student: its targets' indicators rolled up to their standards and the
-- standards to the unit. grade_* is what was last queued for the LMS gradebook (score, maximum,
-- level label as comment), so a new score is queued only when it would change what the LMS shows.
CREATE TABLE unit_proficiency (
    unit_id               BIGINT         NOT NULL,
    student_person_id     BIGINT         NOT NULL,
    course_id             BIGINT         NOT NULL,
    proficiency           DOUBLE         NULL,
    level_position        INT            NULL,
    level_label           VARCHAR(100)   NULL,
    mastery               BOOLEAN        NOT NULL,
    indicators_assessed   INT            NOT NULL,
    indicators_total      INT            NOT NULL,
    rollup                VARCHAR(20)    NOT NULL,
    grade_score           DOUBLE         NULL,
    grade_maximum         DOUBLE         NULL,
    grade_label           VARCHAR(100)   NULL,
    updated_at            DATETIME(3)    NOT NULL,
    PRIMARY KEY (unit_id, student_person_id),
    CONSTRAINT fk_unit_proficiency_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT fk_unit_proficiency_student FOREIGN KEY (student_person_id) REFERENCES person (id),
    CONSTRAINT fk_unit_proficiency_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_unit_proficiency_course ON unit_proficiency (course_id, student_person_id);

-- One row per student of a course that has proficiency, locked (SELECT ... FOR UPDATE) by every
-- transaction that calculates that student's proficiency, so two teachers scoring the same student
-- at once calculate one after the other and the second sees the first's score.
CREATE TABLE proficiency_lock (
    course_id           BIGINT   NOT NULL,
    student_person_id   BIGINT   NOT NULL,
    PRIMARY KEY (course_id, student_person_id),
    CONSTRAINT fk_proficiency_lock_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_proficiency_lock_student FOREIGN KEY (student_person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
