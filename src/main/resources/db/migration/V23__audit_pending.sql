-- Audit entries committed with the act they record, waiting to be chained. An entry of a read-write transaction
-- is inserted here in that transaction, so that it exists if and only if the act does; the audit writer moves
-- it into the hash chain moments later, in the order of this table's ids.
CREATE TABLE security_audit_pending (
    id              BIGSERIAL    PRIMARY KEY,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    organisation_id BIGINT,
    actor           VARCHAR(100) NOT NULL,
    actor_id        BIGINT,
    actor_roles     VARCHAR(200),
    clinic_id       BIGINT,
    action          VARCHAR(30)  NOT NULL,
    record_type     VARCHAR(60),
    record_id       VARCHAR(100),
    client_address  VARCHAR(64),
    outcome         VARCHAR(10)  NOT NULL,
    detail          VARCHAR(500)
);
