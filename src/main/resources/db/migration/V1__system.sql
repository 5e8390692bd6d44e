-- HTTP sessions live in PostgreSQL so that any instance can serve any request (Spring Session JDBC schema).
CREATE TABLE system_http_session (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT system_http_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX system_http_session_ix1 ON system_http_session (session_id);
CREATE INDEX system_http_session_ix2 ON system_http_session (expiry_time);
CREATE INDEX system_http_session_ix3 ON system_http_session (principal_name);

CREATE TABLE system_http_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT system_http_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT system_http_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES system_http_session (primary_id) ON DELETE CASCADE
);

-- Facts about this installation, such as whether the demo data was loaded.
CREATE TABLE system_setting (
    name       VARCHAR(100) PRIMARY KEY,
    value      VARCHAR(2000) NOT NULL,
    changed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
