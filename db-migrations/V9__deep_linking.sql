-- LTI Deep Linking 2.0 and links to units: a public key per unit (what LMS links carry), where a
-- unit was copied from (course copy), the LMS's resource links with the unit each opens, and the
-- deep linking requests waiting for a teacher's choice.

-- unit_key: an opaque random key (a UUID) that LMS links carry as custom cairn_unit_id. Not the row
-- id: it tells nothing about other units, cannot be guessed, and does not change when a unit is edited.
ALTER TABLE unit ADD COLUMN unit_key CHAR(36) NULL;
UPDATE unit SET unit_key = UUID() WHERE unit_key IS NULL;
ALTER TABLE unit MODIFY unit_key CHAR(36) NOT NULL;
CREATE UNIQUE INDEX uq_unit_key ON unit (unit_key);

-- Set on a course copy's unit: the unit of the earlier course it was copied from. At most one copy
-- of a unit per course, so two teachers copying at once cannot make two.
ALTER TABLE unit ADD COLUMN copied_from_unit_id BIGINT NULL;
ALTER TABLE unit ADD CONSTRAINT fk_unit_copied_from FOREIGN KEY (copied_from_unit_id) REFERENCES unit (id);
CREATE UNIQUE INDEX uq_unit_copy ON unit (course_id, copied_from_unit_id);

-- An LMS link (resource_link.id, unique within the course) and what it opens: a unit of the course
-- (unit_id), the course home (course_home), or nothing yet (both unset: the teacher picks at the
-- next launch, students are told it is not set up). requested_unit_key is the custom cairn_unit_id
-- the link last came with, kept so a course copy can find the unit it was made for.
CREATE TABLE lti_resource_link (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id           BIGINT        NOT NULL,
    resource_link_id    VARCHAR(255)  NOT NULL,
    title               VARCHAR(300)  NULL,
    unit_id             BIGINT        NULL,
    course_home         BOOLEAN       NOT NULL,
    requested_unit_key  VARCHAR(64)   NULL,
    tied_by             BIGINT        NULL,
    tied_at             DATETIME(3)   NULL,
    created_at          DATETIME(3)   NOT NULL,
    updated_at          DATETIME(3)   NOT NULL,
    CONSTRAINT uq_lti_resource_link UNIQUE (course_id, resource_link_id),
    CONSTRAINT fk_lti_resource_link_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_lti_resource_link_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT fk_lti_resource_link_tied_by FOREIGN KEY (tied_by) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A teacher's deep linking request, from the launch until the answer went back to the LMS.
-- public_id (random) is what the picker's URL carries; the row id is never shown. data is the
-- request's opaque data claim as JSON, echoed unchanged. response_items (JSON) is set when the
-- teacher confirms; the signed answer is made from it when the browser fetches the return page.
CREATE TABLE lti_deep_linking_request (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    public_id         CHAR(36)       NOT NULL,
    platform_id       BIGINT         NOT NULL,
    course_id         BIGINT         NOT NULL,
    person_id         BIGINT         NOT NULL,
    deployment_id     VARCHAR(255)   NOT NULL,
    return_url        VARCHAR(2000)  NOT NULL,
    launch_url        VARCHAR(2000)  NOT NULL,
    data_json         TEXT           NULL,
    accept_multiple   BOOLEAN        NOT NULL,
    accept_line_item  BOOLEAN        NOT NULL,
    response_items    TEXT           NULL,
    responded_at      DATETIME(3)    NULL,
    created_at        DATETIME(3)    NOT NULL,
    expires_at        DATETIME(3)    NOT NULL,
    CONSTRAINT uq_lti_deep_linking_request UNIQUE (public_id),
    CONSTRAINT fk_lti_dl_request_platform FOREIGN KEY (platform_id) REFERENCES platform (id),
    CONSTRAINT fk_lti_dl_request_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_lti_dl_request_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_lti_dl_request_expiry ON lti_deep_linking_request (expires_at);
