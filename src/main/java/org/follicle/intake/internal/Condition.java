package org.follicle.intake.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;

import org.follicle.patients.Sex;
import org.follicle.system.FoldedText;

import tools.jackson.databind.JsonNode;

/** When a screening rule fires: a test on the intake answers, the patient's age, medicines, or the formula. */
sealed interface Condition {

    Match evaluate(ScreeningFacts facts, ScreeningSettings settings);

    /** Whether the condition holds, until when (for wash-outs), and whether a date it needed was missing. */
    record Match(boolean fired, LocalDate until, boolean dateUnknown) {

        static final Match NO = new Match(false, null, false);

        static final Match YES = new Match(true, null, false);

        static Match later(Match a, Match b) {
            LocalDate until = a.until() == null ? b.until()
                    : b.until() == null ? a.until() : a.until().isAfter(b.until()) ? a.until() : b.until();
            return new Match(a.fired() || b.fired(), until, a.dateUnknown() || b.dateUnknown());
        }
    }

    /** An answer is one of the values. "UNKNOWN" is never listed: it sends the patient to the physician instead. */
    record AnswerIs(String path, Set<String> values) implements Condition {

        @Override
        public Match evaluate(ScreeningFacts facts, ScreeningSettings settings) {
            JsonNode answer = facts.answer(path);
            return answer != null && answer.isString() && values.contains(answer.asString()) ? Match.YES : Match.NO;
        }
    }

    /** A question left without an answer: a measure not recorded (a platelet count before PRP). */
    record AnswerMissing(String path) implements Condition {

        @Override
        public Match evaluate(ScreeningFacts facts, ScreeningSettings settings) {
            JsonNode answer = facts.answer(path);
            return answer == null || answer.isNull() || (answer.isString() && answer.asString().isBlank()) ? Match.YES
                    : Match.NO;
        }
    }

    /**
     * Younger than {@code years} on the session date. A 29 February birthday is reached on 1 March in common years
     * (as {@link Period} counts), so nobody is treated a day early.
     */
    record AgeUnder(int years) implements Condition {

        @Override
        public Match evaluate(ScreeningFacts facts, ScreeningSettings settings) {
            return Period.between(facts.birthDate(), facts.sessionDate()).getYears() < years ? Match.YES : Match.NO;
        }
    }

    /** A measured value is below a limit; no value, no finding. */
    record NumberBelow(String path, BigDecimal limit) implements Condition {

        @Override
        public Match evaluate(ScreeningFacts facts, ScreeningSettings settings) {
            JsonNode value = facts.answer(path);
            if (value == null || value.isNull()) {
                return Match.NO;
            }
            try {
                BigDecimal number = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asString().trim());
                return number.compareTo(limit) < 0 ? Match.YES : Match.NO;
            }
            catch (NumberFormatException e) {
                return Match.NO;
            }
        }
    }

    /** A medicine of these kinds is taken (prescribed or not, when {@code prescribed} says). */
    record MedicationTaken(Set<String> kinds, Boolean prescribed) implements Condition {

        @Override
        public Match evaluate(ScreeningFacts facts, ScreeningSettings settings) {
            return facts.medications().stream().anyMatch(m -> matches(m, kinds, prescribed)) ? Match.YES : Match.NO;
        }
    }

    /**
     * A medicine of these kinds was last taken less than {@code days} before the session: the treatment waits
     * until the last day taken plus {@code days}. Taken exactly {@code days} before, it may go ahead. The days may
     * be an organisation setting ({@code setting:nsaidWindowDays}).
     */
    record MedicationWithin(Set<String> kinds, Boolean prescribed, Integer days, String daysSetting)
            implements Condition {

        @Override
        public Match evaluate(ScreeningFacts facts, ScreeningSettings settings) {
            int window = days != null ? days : settings.days(daysSetting);
            Match result = Match.NO;
            for (ScreeningFacts.Medication m : facts.medications()) {
                if (!matches(m, kinds, prescribed)) {
                    continue;
                }
                if (m.lastTaken() == null) {
                    result = Match.later(result, new Match(false, null, true));
                    continue;
                }
                LocalDate over = m.lastTaken().plusDays(window);
                if (facts.sessionDate().isBefore(over)) {
                    result = Match.later(result, new Match(true, over, false));
                }
            }
            return result;
        }
    }

    /** The chosen formula contains an ingredient (ingredient rules come with the formulary). */
    record FormulaContains(String ingredient) implements Condition {

        @Override
        public Match evaluate(ScreeningFacts facts, ScreeningSettings settings) {
            return facts.formulaIngredients().contains(ingredient) ? Match.YES : Match.NO;
        }
    }

    /** Always: information an ingredient brings whenever it is in the formula (an ALERT, such as biotin's). */
    record Always() implements Condition {

        @Override
        public Match evaluate(ScreeningFacts facts, ScreeningSettings settings) {
            return Match.YES;
        }
    }

    /** The patient's administrative sex is one of these (ingredient rules such as dutasteride for women). */
    record SexIs(Set<Sex> values) implements Condition {

        @Override
        public Match evaluate(ScreeningFacts facts, ScreeningSettings settings) {
            return values.contains(facts.sex()) ? Match.YES : Match.NO;
        }
    }

    /**
     * A free-text answer names one of the terms, compared without case or accents and as whole words, so that
     * "allergic to Minoxidil" matches "minoxidil" but "zincite" does not match "zinc".
     */
    record AnswerMentions(String path, List<String> terms) implements Condition {

        /** The terms are kept folded and padded, ready to be found in a folded answer. */
        public AnswerMentions {
            terms = terms.stream().map(FoldedText::padded).toList();
        }

        @Override
        public Match evaluate(ScreeningFacts facts, ScreeningSettings settings) {
            JsonNode answer = facts.answer(path);
            if (answer == null || !answer.isString() || answer.asString().isBlank()) {
                return Match.NO;
            }
            String text = FoldedText.padded(answer.asString());
            return terms.stream().anyMatch(t -> FoldedText.mentions(text, t)) ? Match.YES : Match.NO;
        }
    }

    record AnyOf(List<Condition> conditions) implements Condition {

        @Override
        public Match evaluate(ScreeningFacts facts, ScreeningSettings settings) {
            Match result = Match.NO;
            for (Condition c : conditions) {
                result = Match.later(result, c.evaluate(facts, settings));
            }
            return result;
        }
    }

    record AllOf(List<Condition> conditions) implements Condition {

        @Override
        public Match evaluate(ScreeningFacts facts, ScreeningSettings settings) {
            LocalDate until = null;
            boolean unknown = false;
            for (Condition c : conditions) {
                Match m = c.evaluate(facts, settings);
                if (!m.fired()) {
                    return new Match(false, null, unknown || m.dateUnknown());
                }
                until = Match.later(new Match(true, until, false), m).until();
                unknown |= m.dateUnknown();
            }
            return new Match(true, until, unknown);
        }
    }

    private static boolean matches(ScreeningFacts.Medication m, Set<String> kinds, Boolean prescribed) {
        return kinds.contains(m.kind()) && (prescribed == null || prescribed.equals(m.prescribed()));
    }
}
