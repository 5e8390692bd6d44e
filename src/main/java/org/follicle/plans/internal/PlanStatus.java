package org.follicle.plans.internal;

/** Where a treatment plan stands; a stopped plan keeps the reason. */
enum PlanStatus {
    /** Planned, not yet booked (the patient is thinking it over, with the quote). */
    PROPOSED,
    /** Booked and under way, through its maintenance. */
    ACTIVE,
    /** Interrupted for a while (a deferral); its upcoming sessions are cancelled until it resumes. */
    PAUSED,
    COMPLETED,
    STOPPED
}
