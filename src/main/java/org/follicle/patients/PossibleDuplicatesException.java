package org.follicle.patients;

import java.util.List;

/** A new patient looks like one already registered; staff confirm before a second record is made. */
public class PossibleDuplicatesException extends RuntimeException {

    private final transient List<PatientView> candidates;

    public PossibleDuplicatesException(List<PatientView> candidates) {
        super("possible duplicates: " + candidates.size());
        this.candidates = candidates;
    }

    public List<PatientView> candidates() {
        return candidates;
    }
}
