package org.follicle.security;

/** How an audited action ended. */
public enum AuditOutcome {
    SUCCESS, FAILURE, DENIED
}
