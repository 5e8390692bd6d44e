package org.follicle.diagnosis.internal;

import java.util.Map;

/** Measures that cannot be right (more vellus hairs than hairs, zero area...): each field with its message key. */
class InvalidMeasuresException extends RuntimeException {

    private final transient Map<String, String> problems;

    InvalidMeasuresException(Map<String, String> problems) {
        super("invalid measures: " + problems.keySet());
        this.problems = Map.copyOf(problems);
    }

    Map<String, String> problems() {
        return problems;
    }
}
