-- The standards library: frameworks of graduate profile attributes, graduation standards,
-- performance indicators and learning objectives, typed in by teachers or imported (CASE, Canvas).

-- course_id NULL means the framework is shared with every course of the platform (read-only there).
CREATE TABLE standards_framework (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    platform_id      BIGINT        NOT NULL,
    course_id        BIGINT        NULL,
    title            VARCHAR(500)  NOT NULL,
    source           VARCHAR(20)   NOT NULL,
    case_identifier  VARCHAR(255)  NULL,
    created_at       DATETIME(3)    NOT NULL,
    updated_at       DATETIME(3)    NOT NULL,
    CONSTRAINT fk_standards_framework_platform FOREIGN KEY (platform_id) REFERENCES platform (id),
    CONSTRAINT fk_standards_framework_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_standards_framework_scope ON standards_framework (platform_id, course_id);
CREATE INDEX ix_standards_framework_case ON standards_framework (platform_id, case_identifier);

-- Items are archived (archived_at), never deleted: later features score evidence against them.
CREATE TABLE standard_item (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    framework_id       BIGINT        NOT NULL,
    parent_id          BIGINT        NULL,
    level              VARCHAR(20)   NOT NULL,
    kind               VARCHAR(20)   NULL,
    subject            VARCHAR(200)  NULL,
    code               VARCHAR(200)  NULL,
    statement          TEXT          NOT NULL,
    description        TEXT          NULL,
    position           INT           NOT NULL,
    source_identifier  VARCHAR(255)  NULL,
    archived_at        DATETIME(3)    NULL,
    revision           INT           NOT NULL,
    created_at         DATETIME(3)    NOT NULL,
    updated_at         DATETIME(3)    NOT NULL,
    CONSTRAINT uq_standard_item_source UNIQUE (framework_id, source_identifier),
    CONSTRAINT fk_standard_item_framework FOREIGN KEY (framework_id) REFERENCES standards_framework (id),
    CONSTRAINT fk_standard_item_parent FOREIGN KEY (parent_id) REFERENCES standard_item (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_standard_item_tree ON standard_item (framework_id, parent_id, position);
CREATE INDEX ix_standard_item_code ON standard_item (framework_id, code);

-- Which graduate profile attributes a graduation standard serves.
CREATE TABLE standard_attribute_link (
    standard_id   BIGINT  NOT NULL,
    attribute_id  BIGINT  NOT NULL,
    PRIMARY KEY (standard_id, attribute_id),
    CONSTRAINT fk_attribute_link_standard FOREIGN KEY (standard_id) REFERENCES standard_item (id),
    CONSTRAINT fk_attribute_link_attribute FOREIGN KEY (attribute_id) REFERENCES standard_item (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
