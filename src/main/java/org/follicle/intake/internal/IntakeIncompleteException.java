package org.follicle.intake.internal;

import java.util.List;

/** Safety questions left without an answer: "unknown" is an answer, silence is not. */
class IntakeIncompleteException extends RuntimeException {

    private final List<String> paths;

    IntakeIncompleteException(List<String> paths) {
        super("unanswered safety questions: " + paths);
        this.paths = List.copyOf(paths);
    }

    List<String> paths() {
        return paths;
    }
}
