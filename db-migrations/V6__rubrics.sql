-- Rubrics: criteria (each aligned to a performance indicator) x the levels of a proficiency scale,
-- a descriptor in each cell, and exemplars of quality work. A rubric has numbered versions; once a
-- version is used for scores it is never changed again: the next edit makes a new version.

-- course_id NULL means the rubric is shared with every course of the platform (read-only there).
CREATE TABLE rubric (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    platform_id            BIGINT        NOT NULL,
    course_id              BIGINT        NULL,
    title                  VARCHAR(300)  NOT NULL,
    shared_from_rubric_id  BIGINT        NULL,
    archived_at            DATETIME(3)    NULL,
    -- Optimistic lock: every save bumps it, and a save based on an older revision is refused.
    revision               INT           NOT NULL,
    created_at             DATETIME(3)    NOT NULL,
    updated_at             DATETIME(3)    NOT NULL,
    CONSTRAINT fk_rubric_platform FOREIGN KEY (platform_id) REFERENCES platform (id),
    CONSTRAINT fk_rubric_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_rubric_shared_from FOREIGN KEY (shared_from_rubric_id) REFERENCES rubric (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_rubric_scope ON rubric (platform_id, course_id);

-- used_at is set by the first score given with the version; from then on the version is frozen.
CREATE TABLE rubric_version (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    rubric_id       BIGINT        NOT NULL,
    version_number  INT           NOT NULL,
    created_at      DATETIME(3)    NOT NULL,
    created_by      BIGINT        NOT NULL,
    used_at         DATETIME(3)    NULL,
    CONSTRAINT uq_rubric_version UNIQUE (rubric_id, version_number),
    CONSTRAINT fk_rubric_version_rubric FOREIGN KEY (rubric_id) REFERENCES rubric (id),
    CONSTRAINT fk_rubric_version_person FOREIGN KEY (created_by) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A snapshot of the scale's levels: saving a scale replaces its level rows, so versions keep their own.
CREATE TABLE rubric_version_level (
    version_id      BIGINT        NOT NULL,
    position        INT           NOT NULL,
    points          DECIMAL(6,2)  NOT NULL,
    label           VARCHAR(100)  NOT NULL,
    colour          CHAR(7)       NOT NULL,
    mastery         BOOLEAN       NOT NULL,
    PRIMARY KEY (version_id, position),
    CONSTRAINT fk_rubric_version_level_version FOREIGN KEY (version_id) REFERENCES rubric_version (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE rubric_criterion (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    version_id         BIGINT        NOT NULL,
    position           INT           NOT NULL,
    title              VARCHAR(300)  NOT NULL,
    indicator_item_id  BIGINT        NOT NULL,
    description        TEXT          NULL,
    CONSTRAINT uq_rubric_criterion_position UNIQUE (version_id, position),
    CONSTRAINT fk_rubric_criterion_version FOREIGN KEY (version_id) REFERENCES rubric_version (id),
    CONSTRAINT fk_rubric_criterion_indicator FOREIGN KEY (indicator_item_id) REFERENCES standard_item (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- level_position is the position in rubric_version_level of the criterion's version.
CREATE TABLE rubric_cell (
    criterion_id    BIGINT        NOT NULL,
    level_position  INT           NOT NULL,
    descriptor      TEXT          NOT NULL,
    PRIMARY KEY (criterion_id, level_position),
    CONSTRAINT fk_rubric_cell_criterion FOREIGN KEY (criterion_id) REFERENCES rubric_criterion (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- An exemplar of quality work: a text (kind TEXT, body) or a link (kind LINK, url, body as caption).
-- criterion_id NULL means it is about the whole rubric version.
CREATE TABLE rubric_exemplar (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    version_id      BIGINT        NOT NULL,
    criterion_id    BIGINT        NULL,
    position        INT           NOT NULL,
    kind            VARCHAR(10)   NOT NULL,
    body            TEXT          NULL,
    url             VARCHAR(2000) NULL,
    CONSTRAINT fk_rubric_exemplar_version FOREIGN KEY (version_id) REFERENCES rubric_version (id),
    CONSTRAINT fk_rubric_exemplar_criterion FOREIGN KEY (criterion_id) REFERENCES rubric_criterion (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_rubric_exemplar_version ON rubric_exemplar (version_id, criterion_id, position);
