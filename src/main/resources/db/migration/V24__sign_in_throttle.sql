-- Wrong passwords counted per account and source address, and per source address alone (username ''). A lock
-- holds one account from one address, so nobody locks a colleague out by typing their name; each lock of the
-- same pair lasts twice as long as the one before. The account-wide counter this replaces is dropped.
CREATE TABLE security_sign_in_throttle (
    username     VARCHAR(100) NOT NULL,
    source       VARCHAR(64)  NOT NULL,
    failures     INT          NOT NULL,
    locks        INT          NOT NULL DEFAULT 0,
    locked_until TIMESTAMPTZ,
    last_failure TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (username, source)
);
CREATE INDEX security_sign_in_throttle_locked_ix ON security_sign_in_throttle (username) WHERE locked_until IS NOT NULL;

ALTER TABLE security_staff DROP COLUMN failed_logins, DROP COLUMN locked_until;
