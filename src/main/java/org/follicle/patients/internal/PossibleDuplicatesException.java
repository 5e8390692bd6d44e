package org.follicle.patients.internal;

import java.util.List;

import org.follicle.patients.PatientView;

/** A new patient looks like one already registered; staff confirm before a second record is made. */
class PossibleDuplicatesException extends RuntimeException {

    private final transient List<PatientView> candidates;

    PossibleDuplicatesException(List<PatientView> candidates) {
        super("possible duplicates: " + candidates.size());
        this.candidates = candidates;
    }

    List<PatientView> candidates() {
        return candidates;
    }
}
