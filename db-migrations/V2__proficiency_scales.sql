-- Proficiency scales: the ordered levels (1 Beginning ... 4 Exceeding) that rubrics score against.
-- A scale with course_id NULL is its platform's default; a course may have one scale of its own.

CREATE TABLE proficiency_scale (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    platform_id     BIGINT        NOT NULL,
    course_id       BIGINT        NULL,
    name            VARCHAR(200)  NOT NULL,
    -- Optimistic lock: every save bumps it, and a save based on an older revision is refused.
    revision        INT           NOT NULL,
    created_at      DATETIME(3)    NOT NULL,
    updated_at      DATETIME(3)    NOT NULL,
    -- NULLs are distinct in a unique key, so this keeps one scale per course only; the single
    -- platform default is guarded by locking the platform row when it is created.
    CONSTRAINT uq_proficiency_scale_course UNIQUE (platform_id, course_id),
    CONSTRAINT fk_proficiency_scale_platform FOREIGN KEY (platform_id) REFERENCES platform (id),
    CONSTRAINT fk_proficiency_scale_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE proficiency_level (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    scale_id        BIGINT        NOT NULL,
    position        INT           NOT NULL,
    points          DECIMAL(6,2)  NOT NULL,
    label           VARCHAR(100)  NOT NULL,
    description     TEXT          NOT NULL,
    colour          CHAR(7)       NOT NULL,
    mastery         BOOLEAN       NOT NULL,
    CONSTRAINT uq_proficiency_level_position UNIQUE (scale_id, position),
    CONSTRAINT fk_proficiency_level_scale FOREIGN KEY (scale_id) REFERENCES proficiency_scale (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_proficiency_scale_course ON proficiency_scale (course_id);
