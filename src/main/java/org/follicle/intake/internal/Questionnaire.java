package org.follicle.intake.internal;

import java.util.List;
import java.util.Optional;

import org.follicle.patients.Sex;

/**
 * The intake questionnaire (knowledge/intake-questionnaire.json), versioned: each saved intake keeps the version
 * it was answered with.
 */
record Questionnaire(int version, List<Section> sections) {

    static final List<String> TRI = List.of("YES", "NO", "UNKNOWN");

    static final List<String> PREGNANCY = List.of("NO", "YES", "POSSIBLE", "UNKNOWN");

    record Section(String id, List<Question> questions) {
    }

    /**
     * One question, addressed by its path in the intake document.
     *
     * @param kind TRI (yes, no, unknown), PREGNANCY (no, yes, possible, unknown), NUMBER, TEXT, CHOICE (one of
     *        the options), MULTI (any of the options)
     * @param askedOf the patients' sexes it is asked of, or empty when asked of everyone: a question not asked of a
     *        patient (pregnancy of a man) is neither shown nor demanded, and never counts as unanswered
     */
    record Question(String path, String kind, boolean safety, List<String> options, java.util.Set<Sex> askedOf) {

        Question(String path, String kind, boolean safety, List<String> options) {
            this(path, kind, safety, options, java.util.Set.of());
        }

        boolean askedOf(Sex sex) {
            return askedOf.isEmpty() || askedOf.contains(sex);
        }

        /** The answers this question accepts, for the kinds that have a fixed list. */
        List<String> allowed() {
            return switch (kind) {
                case "TRI" -> TRI;
                case "PREGNANCY" -> PREGNANCY;
                case "CHOICE", "MULTI" -> options;
                default -> List.of();
            };
        }

        String messageKey() {
            return "intake.q." + path;
        }
    }

    List<Question> questions() {
        return sections.stream().flatMap(s -> s.questions().stream()).toList();
    }

    List<Question> safetyQuestions() {
        return questions().stream().filter(Question::safety).toList();
    }

    /** The safety questions asked of a patient of this sex. */
    List<Question> safetyQuestions(Sex sex) {
        return safetyQuestions().stream().filter(q -> q.askedOf(sex)).toList();
    }

    Optional<Question> question(String path) {
        return questions().stream().filter(q -> q.path().equals(path)).findFirst();
    }
}
