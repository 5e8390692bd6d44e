package org.follicle.intake.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.follicle.intake.Decision;
import org.follicle.intake.Finding;
import org.follicle.intake.Modality;
import org.follicle.intake.RuleClass;
import org.follicle.intake.ScreeningResult;
import org.follicle.patients.Sex;

import tools.jackson.databind.JsonNode;

/**
 * Decides from the rules whether a patient may be treated. It never reports ELIGIBLE when a rule says otherwise,
 * and never reads an unknown or missing safety answer as "no". Plain Java: the rules are data, the engine only
 * applies them.
 */
final class ScreeningEngine {

    private final RuleSet rules;

    private final Questionnaire questionnaire;

    /** The safety questions asked of each sex, worked out once: every screening reads them. */
    private final java.util.Map<Sex, List<Questionnaire.Question>> safetyQuestions = new java.util.EnumMap<>(Sex.class);

    ScreeningEngine(RuleSet rules, Questionnaire questionnaire) {
        this.rules = rules;
        this.questionnaire = questionnaire;
        for (Sex sex : Sex.values()) {
            safetyQuestions.put(sex, questionnaire.safetyQuestions(sex));
        }
    }

    ScreeningResult screen(ScreeningFacts facts, ScreeningSettings settings, Modality modality) {
        return screen(facts, settings, modality, List.of(), null);
    }

    /**
     * Screens with the installation's rules and the rules of the formula's ingredients (see
     * {@link KnowledgeLoader#rules(JsonNode, Questionnaire, String, String)}), whose version is added to the result.
     */
    ScreeningResult screen(ScreeningFacts facts, ScreeningSettings settings, Modality modality,
            List<Rule> ingredientRules, String ingredientRulesVersion) {
        List<Finding> findings = new ArrayList<>();
        List<Rule> all = ingredientRules.isEmpty() ? rules.rules() : new ArrayList<>(rules.rules());
        if (!ingredientRules.isEmpty()) {
            all.addAll(ingredientRules);
        }
        for (Rule rule : all) {
            if (!rule.modalities().contains(modality)) {
                continue;
            }
            Condition.Match match = rule.when().evaluate(facts, settings);
            RuleClass ruleClass = rule.ruleClass(settings);
            if (match.fired()) {
                findings.add(new Finding(rule.id(), ruleClass, rule.messages(), rule.source(),
                        ruleClass == RuleClass.DEFER ? match.until() : null, false));
            }
            else if (match.dateUnknown()) {
                // The wash-out cannot be computed without the date: the physician decides, never the default.
                findings.add(new Finding(rule.id(), RuleClass.CAUTION, rule.messages(), rule.source(), null, true));
            }
        }
        List<String> unanswered = unanswered(facts.intake(), facts.sex() == null ? Sex.UNKNOWN : facts.sex());
        return new ScreeningResult(modality, decide(findings, unanswered), deferredUntil(findings), List.copyOf(findings),
                unanswered, ingredientRulesVersion == null ? rules.version() : rules.version() + "+" + ingredientRulesVersion,
                questionnaire.version(), facts.sessionDate());
    }

    private List<String> unanswered(JsonNode intake, Sex sex) {
        List<String> unanswered = new ArrayList<>();
        for (Questionnaire.Question q : safetyQuestions.get(sex)) {
            JsonNode answer = ScreeningFacts.answer(intake, q.path());
            if (answer == null || !answer.isString() || "UNKNOWN".equals(answer.asString())
                    || !q.allowed().contains(answer.asString())) {
                unanswered.add(q.path());
            }
        }
        return unanswered;
    }

    private static Decision decide(List<Finding> findings, List<String> unanswered) {
        if (has(findings, RuleClass.EXCLUDE)) {
            return Decision.NOT_ELIGIBLE;
        }
        if (has(findings, RuleClass.DEFER)) {
            return Decision.DEFERRED;
        }
        if (has(findings, RuleClass.CAUTION) || !unanswered.isEmpty()) {
            return Decision.NEEDS_PHYSICIAN_REVIEW;
        }
        return Decision.ELIGIBLE;
    }

    /** The day every wash-out is over, or {@code null} when any deferral lasts until something resolves. */
    private static LocalDate deferredUntil(List<Finding> findings) {
        LocalDate until = null;
        for (Finding f : findings) {
            if (f.ruleClass() != RuleClass.DEFER) {
                continue;
            }
            if (f.until() == null) {
                return null;
            }
            until = until == null || f.until().isAfter(until) ? f.until() : until;
        }
        return until;
    }

    private static boolean has(List<Finding> findings, RuleClass ruleClass) {
        return findings.stream().anyMatch(f -> f.ruleClass() == ruleClass);
    }

    Questionnaire questionnaire() {
        return questionnaire;
    }
}
