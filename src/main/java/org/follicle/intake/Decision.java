package org.follicle.intake;

/**
 * The screening's answer for one modality, strictest first: any EXCLUDE makes NOT_ELIGIBLE; else any DEFER makes
 * DEFERRED; else any CAUTION, or a safety question unanswered or answered "unknown", makes NEEDS_PHYSICIAN_REVIEW;
 * else ELIGIBLE.
 */
public enum Decision {
    NOT_ELIGIBLE, DEFERRED, NEEDS_PHYSICIAN_REVIEW, ELIGIBLE
}
