-- Flexible-pace units: ordered learning targets (performance indicators), assessments per target,
-- each with a menu of learning options; students' choices, proposals, goals and reflections, and
-- the mastery gate (proficient or overridden by a teacher, with who, when and why).

CREATE TABLE unit (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id        BIGINT        NOT NULL,
    title            VARCHAR(300)  NOT NULL,
    description      TEXT          NULL,
    -- SELF_PACED (mastery gate) or TEACHER_PACED (everyone sees every target)
    pacing           VARCHAR(20)   NOT NULL,
    -- PARTICIPANT, CO_DESIGNER, DESIGNER or ADVOCATE: how far students design their own learning
    continuum        VARCHAR(20)   NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    published_at     DATETIME(3)    NULL,
    -- Optimistic lock: every save bumps it, and a save based on an older revision is refused.
    revision         INT           NOT NULL,
    created_by       BIGINT        NOT NULL,
    created_at       DATETIME(3)    NOT NULL,
    updated_at       DATETIME(3)    NOT NULL,
    CONSTRAINT fk_unit_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_unit_created_by FOREIGN KEY (created_by) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_unit_course ON unit (course_id, status);

-- suggested_date is a calendar date (no time, no zone): the day the class is suggested to be done.
CREATE TABLE unit_target (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    unit_id            BIGINT        NOT NULL,
    position           INT           NOT NULL,
    indicator_item_id  BIGINT        NOT NULL,
    suggested_date     DATE          NULL,
    CONSTRAINT fk_unit_target_unit FOREIGN KEY (unit_id) REFERENCES unit (id) ON DELETE CASCADE,
    CONSTRAINT fk_unit_target_indicator FOREIGN KEY (indicator_item_id) REFERENCES standard_item (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_unit_target_unit ON unit_target (unit_id, position);

-- kind FORMATIVE (ungraded) or SUMMATIVE (needs a rubric); choice_rule CHOOSE_ONE or CHOOSE_ANY.
CREATE TABLE unit_assessment (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    target_id    BIGINT        NOT NULL,
    position     INT           NOT NULL,
    title        VARCHAR(300)  NOT NULL,
    kind         VARCHAR(20)   NOT NULL,
    rubric_id    BIGINT        NULL,
    choice_rule  VARCHAR(20)   NOT NULL,
    CONSTRAINT fk_unit_assessment_target FOREIGN KEY (target_id) REFERENCES unit_target (id) ON DELETE CASCADE,
    CONSTRAINT fk_unit_assessment_rubric FOREIGN KEY (rubric_id) REFERENCES rubric (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- links: one http(s) address per line. mentor_or_site only for WORK_BASED options.
CREATE TABLE learning_option (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    assessment_id      BIGINT        NOT NULL,
    position           INT           NOT NULL,
    title              VARCHAR(300)  NOT NULL,
    description        TEXT          NULL,
    modality           VARCHAR(20)   NOT NULL,
    links              TEXT          NULL,
    estimated_minutes  INT           NULL,
    mentor_or_site     VARCHAR(300)  NULL,
    CONSTRAINT fk_learning_option_assessment FOREIGN KEY (assessment_id) REFERENCES unit_assessment (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE option_choice (
    option_id          BIGINT        NOT NULL,
    student_person_id  BIGINT        NOT NULL,
    chosen_at          DATETIME(3)    NOT NULL,
    PRIMARY KEY (option_id, student_person_id),
    CONSTRAINT fk_option_choice_option FOREIGN KEY (option_id) REFERENCES learning_option (id) ON DELETE CASCADE,
    CONSTRAINT fk_option_choice_student FOREIGN KEY (student_person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- kind ALTERNATIVE_OPTION (co-designer), OWN_PLAN (designer) or PROJECT (advocate, several targets).
-- status PENDING, APPROVED or RETURNED (with the teacher's comment).
CREATE TABLE unit_proposal (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    unit_id            BIGINT        NOT NULL,
    student_person_id  BIGINT        NOT NULL,
    kind               VARCHAR(30)   NOT NULL,
    title              VARCHAR(300)  NOT NULL,
    plan               TEXT          NOT NULL,
    shows_indicator    TEXT          NOT NULL,
    status             VARCHAR(20)   NOT NULL,
    teacher_comment    TEXT          NULL,
    reviewed_by        BIGINT        NULL,
    reviewed_at        DATETIME(3)    NULL,
    created_at         DATETIME(3)    NOT NULL,
    CONSTRAINT fk_unit_proposal_unit FOREIGN KEY (unit_id) REFERENCES unit (id) ON DELETE CASCADE,
    CONSTRAINT fk_unit_proposal_student FOREIGN KEY (student_person_id) REFERENCES person (id),
    CONSTRAINT fk_unit_proposal_reviewer FOREIGN KEY (reviewed_by) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_unit_proposal_unit ON unit_proposal (unit_id, status);

CREATE TABLE unit_proposal_target (
    proposal_id  BIGINT  NOT NULL,
    target_id    BIGINT  NOT NULL,
    PRIMARY KEY (proposal_id, target_id),
    CONSTRAINT fk_unit_proposal_target_proposal FOREIGN KEY (proposal_id) REFERENCES unit_proposal (id) ON DELETE CASCADE,
    CONSTRAINT fk_unit_proposal_target_target FOREIGN KEY (target_id) REFERENCES unit_target (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A student's goal (before) and reflection (after feedback) for a target; only they and their teachers read it.
CREATE TABLE target_note (
    target_id          BIGINT       NOT NULL,
    student_person_id  BIGINT       NOT NULL,
    goal               TEXT         NULL,
    reflection         TEXT         NULL,
    updated_at         DATETIME(3)   NOT NULL,
    PRIMARY KEY (target_id, student_person_id),
    CONSTRAINT fk_target_note_target FOREIGN KEY (target_id) REFERENCES unit_target (id) ON DELETE CASCADE,
    CONSTRAINT fk_target_note_student FOREIGN KEY (student_person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The gate: a target is passed when proficient_at or overridden_at is set. An override keeps who and why.
CREATE TABLE target_progress (
    target_id          BIGINT       NOT NULL,
    student_person_id  BIGINT       NOT NULL,
    proficient_at      DATETIME(3)   NULL,
    proficient_by      BIGINT       NULL,
    overridden_at      DATETIME(3)   NULL,
    overridden_by      BIGINT       NULL,
    override_reason    TEXT         NULL,
    PRIMARY KEY (target_id, student_person_id),
    CONSTRAINT fk_target_progress_target FOREIGN KEY (target_id) REFERENCES unit_target (id) ON DELETE CASCADE,
    CONSTRAINT fk_target_progress_student FOREIGN KEY (student_person_id) REFERENCES person (id),
    CONSTRAINT fk_target_progress_proficient_by FOREIGN KEY (proficient_by) REFERENCES person (id),
    CONSTRAINT fk_target_progress_overridden_by FOREIGN KEY (overridden_by) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
