package org.follicle.messaging;

/** The emails Follicle sends a patient. Texts are {@code message.<KIND>.subject} and {@code .body} in the bundles. */
public enum MessageKind {
    /** At booking, with the .ics file. */
    CONFIRMATION,
    /** At booking a course: every date, one .ics file with them all. */
    COURSE_CONFIRMATION,
    /** When an appointment moves, with the updated .ics file. */
    RESCHEDULED,
    /** When an appointment is cancelled, with an .ics file that removes it. */
    CANCELLED,
    /** 48 hours before. */
    REMINDER,
    /** The configured days before a treatment: aspirin and anti-inflammatories, hair products, a clean scalp. */
    PRE_CARE,
    /** When a treatment ends. */
    AFTERCARE,
    /** A recall: maintenance is due. */
    INVITATION,
    /** A lot the patient received is recalled: the patient is asked to contact the clinic. */
    LOT_RECALL,
    /** The clinic opens the patient portal to the patient. */
    PORTAL_INVITATION,
    /** A one-time link to sign in to the portal, asked for by the patient. */
    SIGN_IN_LINK,
    /** The clinic answered on the portal: the text stays there, the email only says so. */
    PORTAL_MESSAGE;

    /**
     * May go by text message to a patient who prefers it: not a sign-in link or an invitation (they belong to the
     * address the account was opened for), nor a course's list of dates or a recalled lot's notice (too long, or a
     * safety notice kept in writing).
     */
    public boolean textable() {
        return switch (this) {
            case CONFIRMATION, RESCHEDULED, CANCELLED, REMINDER, PRE_CARE, AFTERCARE, INVITATION, PORTAL_MESSAGE -> true;
            default -> false;
        };
    }

    /** Sent at a set time before or after the appointment, and withdrawn when it moves or is cancelled. */
    public boolean timed() {
        return this == REMINDER || this == PRE_CARE || this == AFTERCARE;
    }
}
