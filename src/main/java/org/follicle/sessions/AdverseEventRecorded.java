package org.follicle.sessions;

/** Published in the transaction that records an adverse event after a session, or amends one (its history kept). */
public record AdverseEventRecorded(long adverseEventId, long patientId, boolean amended) {
}
