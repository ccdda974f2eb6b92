-- Privacy and records: how long a course keeps its students' work, and an audit trail of who changed
-- a score, a proficiency or a gate, when, and from what to what. V9 to V11 belong to other features.

-- retention_days NULL keeps student work until a teacher deletes it; otherwise a student's work is
-- deleted that many days after they left the course or after the course's last launch.
CREATE TABLE course_privacy (
    course_id        BIGINT        PRIMARY KEY,
    retention_days   INT           NULL,
    revision         INT           NOT NULL,
    updated_by       BIGINT        NULL,
    updated_at       DATETIME(3)   NOT NULL,
    last_purge_at    DATETIME(3)   NULL,
    CONSTRAINT fk_course_privacy_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- actor NULL: Cairn itself (a scheduled job). No foreign keys to person: an erased student's events
-- are deleted with them, and a teacher's events outlive the teacher's account.
CREATE TABLE audit_event (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id          BIGINT        NOT NULL,
    actor_person_id    BIGINT        NULL,
    subject_person_id  BIGINT        NULL,
    kind               VARCHAR(40)   NOT NULL,
    subject            VARCHAR(300)  NOT NULL,
    from_value         VARCHAR(300)  NULL,
    to_value           VARCHAR(300)  NULL,
    at                 DATETIME(3)   NOT NULL,
    CONSTRAINT fk_audit_event_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_audit_event_course ON audit_event (course_id, at);
CREATE INDEX ix_audit_event_subject ON audit_event (course_id, subject_person_id, at);

-- The last launch of each person in each course (person.last_launch_at spans all courses): a course
-- nobody has launched for longer than its retention period has ended.
ALTER TABLE enrollment ADD COLUMN last_launch_at DATETIME(3) NULL;
