-- Platforms (LMS registrations), their deployments, the tool's own keys, login/nonce bookkeeping,
-- and the people, courses and enrollments that launches create.

CREATE TABLE platform (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(200)  NOT NULL,
    issuer          VARCHAR(500)  NOT NULL,
    client_id       VARCHAR(255)  NOT NULL,
    auth_login_url  VARCHAR(1000) NOT NULL,
    auth_token_url  VARCHAR(1000) NOT NULL,
    jwks_url        VARCHAR(1000) NOT NULL,
    created_at      DATETIME(3)    NOT NULL,
    updated_at      DATETIME(3)    NOT NULL,
    CONSTRAINT uq_platform_issuer_client UNIQUE (issuer, client_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE platform_deployment (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    platform_id     BIGINT        NOT NULL,
    deployment_id   VARCHAR(255)  NOT NULL,
    created_at      DATETIME(3)    NOT NULL,
    CONSTRAINT uq_deployment UNIQUE (platform_id, deployment_id),
    CONSTRAINT fk_deployment_platform FOREIGN KEY (platform_id) REFERENCES platform (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE tool_key (
    kid             VARCHAR(64)   NOT NULL PRIMARY KEY,
    public_jwk      TEXT          NOT NULL,
    private_pkcs8   TEXT          NOT NULL,
    created_at      DATETIME(3)    NOT NULL,
    retired_at      DATETIME(3)    NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per OIDC login: the state and nonce Cairn issued, so any node can finish the launch.
CREATE TABLE lti_login (
    state             VARCHAR(64)   NOT NULL PRIMARY KEY,
    nonce             VARCHAR(64)   NOT NULL,
    -- Proof that the launch comes back to the browser that started the login: sent to that
    -- browser as a cookie, or kept in the platform's postMessage storage when cookies are blocked.
    browser_secret    VARCHAR(64)   NOT NULL,
    platform_id       BIGINT        NOT NULL,
    target_link_uri   VARCHAR(1000) NOT NULL,
    login_hint        VARCHAR(1000) NOT NULL,
    lti_message_hint  VARCHAR(2000) NULL,
    storage_target    VARCHAR(100)  NULL,
    created_at        DATETIME(3)    NOT NULL,
    expires_at        DATETIME(3)    NOT NULL,
    used_at           DATETIME(3)    NULL,
    CONSTRAINT uq_lti_login_nonce UNIQUE (nonce),
    CONSTRAINT fk_lti_login_platform FOREIGN KEY (platform_id) REFERENCES platform (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_lti_login_expires ON lti_login (expires_at);

CREATE TABLE person (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    platform_id     BIGINT        NOT NULL,
    subject         VARCHAR(255)  NOT NULL,
    display_name    VARCHAR(300)  NULL,
    email           VARCHAR(320)  NULL,
    locale          VARCHAR(35)   NULL,
    created_at      DATETIME(3)    NOT NULL,
    last_launch_at  DATETIME(3)    NOT NULL,
    CONSTRAINT uq_person UNIQUE (platform_id, subject),
    CONSTRAINT fk_person_platform FOREIGN KEY (platform_id) REFERENCES platform (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE course (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    platform_id     BIGINT        NOT NULL,
    deployment_id   BIGINT        NOT NULL,
    context_id      VARCHAR(255)  NOT NULL,
    title           VARCHAR(500)  NULL,
    label           VARCHAR(255)  NULL,
    created_at      DATETIME(3)    NOT NULL,
    updated_at      DATETIME(3)    NOT NULL,
    CONSTRAINT uq_course UNIQUE (platform_id, deployment_id, context_id),
    CONSTRAINT fk_course_platform FOREIGN KEY (platform_id) REFERENCES platform (id),
    CONSTRAINT fk_course_deployment FOREIGN KEY (deployment_id) REFERENCES platform_deployment (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE enrollment (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id       BIGINT        NOT NULL,
    person_id       BIGINT        NOT NULL,
    role            VARCHAR(20)   NOT NULL,
    lms_roles       VARCHAR(2000) NOT NULL,
    created_at      DATETIME(3)    NOT NULL,
    updated_at      DATETIME(3)    NOT NULL,
    CONSTRAINT uq_enrollment UNIQUE (course_id, person_id),
    CONSTRAINT fk_enrollment_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_enrollment_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
