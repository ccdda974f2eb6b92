-- LTI Assignment and Grade Services 2.0: where a course's line items live (re-read at every
-- launch), the gradebook columns Cairn keeps in the LMS, and a durable outbox of scores to send.

ALTER TABLE course ADD COLUMN ags_lineitems_url VARCHAR(1000) NULL;
-- The AGS scopes the LMS granted in its last launch, space-separated.
ALTER TABLE course ADD COLUMN ags_scopes VARCHAR(1000) NULL;

-- One LMS gradebook column (line item) per gradebook item of a course, found by resource_id.
CREATE TABLE gradebook_item (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id       BIGINT        NOT NULL,
    resource_id     VARCHAR(255)  NOT NULL,
    label           VARCHAR(255)  NOT NULL,
    score_maximum   DOUBLE        NOT NULL,
    tag             VARCHAR(255)  NULL,
    lineitem_url    VARCHAR(1000) NULL,
    created_at      DATETIME(3)   NOT NULL,
    updated_at      DATETIME(3)   NOT NULL,
    CONSTRAINT uq_gradebook_item UNIQUE (course_id, resource_id),
    CONSTRAINT fk_gradebook_item_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Scores waiting for, or done with, the trip to the LMS. Per (item, person) the latest row wins;
-- score_timestamp grows by at least one second per (item, person), as Moodle compares seconds.
-- A node claims a row by writing claimed_by/claimed_until (a lease); an expired lease frees it.
CREATE TABLE gradebook_score_outbox (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    item_id          BIGINT        NOT NULL,
    course_id        BIGINT        NOT NULL,
    person_id        BIGINT        NOT NULL,
    score_given      DOUBLE        NOT NULL,
    score_maximum    DOUBLE        NOT NULL,
    comment          VARCHAR(1000) NULL,
    score_timestamp  DATETIME(3)   NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    attempts         INT           NOT NULL,
    next_attempt_at  DATETIME(3)   NOT NULL,
    claimed_by       VARCHAR(64)   NULL,
    claimed_until    DATETIME(3)   NULL,
    -- Set while a send is under way: a row found so after its lease expired may have reached the
    -- LMS, so it is sent again only with a newer timestamp.
    in_flight        BOOLEAN       NOT NULL,
    last_error       VARCHAR(1000) NULL,
    sent_at          DATETIME(3)   NULL,
    created_at       DATETIME(3)   NOT NULL,
    updated_at       DATETIME(3)   NOT NULL,
    CONSTRAINT fk_score_outbox_item FOREIGN KEY (item_id) REFERENCES gradebook_item (id),
    CONSTRAINT fk_score_outbox_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_score_outbox_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_score_outbox_due ON gradebook_score_outbox (status, next_attempt_at);
CREATE INDEX ix_score_outbox_pair ON gradebook_score_outbox (item_id, person_id, score_timestamp);
CREATE INDEX ix_score_outbox_course ON gradebook_score_outbox (course_id, status);
