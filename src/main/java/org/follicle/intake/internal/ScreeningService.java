package org.follicle.intake.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.follicle.intake.FormulaRules;
import org.follicle.intake.Modality;
import org.follicle.intake.ReviewedScreening;
import org.follicle.intake.Screening;
import org.follicle.intake.ScreeningResult;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/** The screening as other modules call it (see {@link org.follicle.intake.Screening}). */
@Component
class ScreeningService implements Screening {

    private final IntakeRecords records;

    ScreeningService(IntakeRecords records) {
        this.records = records;
    }

    @Override
    public ScreeningResult screen(long patientId, Modality modality, LocalDate sessionDate, FormulaRules formula) {
        return records.screening(patientId, modality, sessionDate, parse(formula, records.questionnaire())).result();
    }

    @Override
    public org.follicle.intake.ReviewedScreening screenWithReview(long patientId, Modality modality,
            LocalDate sessionDate) {
        ScreeningView view = records.screening(patientId, modality, sessionDate, FormulaFacts.NONE);
        IntakeStore.Review review = view.review();
        return review == null ? new org.follicle.intake.ReviewedScreening(view.result(), null, null, null, null)
                : new org.follicle.intake.ReviewedScreening(view.result(), review.kind().name(), review.reason(),
                        review.reviewerName(), review.reviewedAt());
    }

    @Override
    public Optional<String> problemIn(JsonNode rules) {
        try {
            KnowledgeLoader.rules(rules, records.questionnaire(), "rules", "");
            return Optional.empty();
        }
        catch (IllegalStateException | IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Ingredient rules get their ingredient's code as id prefix, so that a finding says which agent spoke. */
    static FormulaFacts parse(FormulaRules formula, Questionnaire questionnaire) {
        List<Rule> rules = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : formula.rulesByIngredient().entrySet()) {
            rules.addAll(KnowledgeLoader.rules(e.getValue(), questionnaire, "ingredient " + e.getKey(),
                    e.getKey() + "."));
        }
        return new FormulaFacts(formula.rulesByIngredient().keySet(), List.copyOf(rules), formula.version());
    }
}
