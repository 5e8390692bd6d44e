package org.follicle.intake.internal;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.follicle.intake.Decision;
import org.follicle.intake.Finding;
import org.follicle.intake.Modality;
import org.follicle.intake.RuleClass;
import org.follicle.intake.ScreeningResult;
import org.follicle.patients.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of every ingredient in knowledge/ingredients.json (the formulary's library) parses in the screening
 * engine, fires when it should with the decision its class implies, and stays silent otherwise.
 */
class IngredientRulesTests {

    static final LocalDate SESSION = ScreeningEngineTests.SESSION;

    static final LocalDate ADULT = ScreeningEngineTests.ADULT;

    static final Map<String, List<Rule>> RULES = load();

    /** For each rule: the patient's sex and birth date and an intake change that make it fire. */
    static final Map<String, Case> CASES = Map.ofEntries(
            fires("MINOXIDIL.ALLERGY", Sex.MALE, i -> i.answer("allergies.minoxidil", "YES")),
            fires("MINOXIDIL.PHAEOCHROMOCYTOMA", Sex.MALE, i -> i.answer("medicalHistory.phaeochromocytoma", "YES")),
            fires("MINOXIDIL.HEART_DISEASE", Sex.MALE, i -> i.answer("medicalHistory.heartDisease", "YES")),
            fires("FINASTERIDE.ALLERGY", Sex.MALE, i -> i.answer("allergies.fiveAlphaReductaseInhibitors", "YES")),
            fires("FINASTERIDE.PREGNANCY", Sex.FEMALE, i -> i.answer("medicalHistory.pregnancy", "POSSIBLE")),
            fires("FINASTERIDE.WOMAN", Sex.FEMALE, i -> i),
            fires("FINASTERIDE.CHILDBEARING_POTENTIAL", Sex.FEMALE,
                    i -> i.answer("medicalHistory.childbearingPotential", "YES").answer("medicalHistory.contraception", "YES")),
            fires("DUTASTERIDE.ALLERGY", Sex.MALE, i -> i.answer("allergies.fiveAlphaReductaseInhibitors", "YES")),
            fires("DUTASTERIDE.WOMAN", Sex.FEMALE, i -> i),
            fires("DUTASTERIDE.SEX_NOT_RECORDED", Sex.UNKNOWN, i -> i),
            fires("DUTASTERIDE.CHILDBEARING_POTENTIAL", Sex.UNKNOWN,
                    i -> i.answer("medicalHistory.childbearingPotential", "YES")),
            fires("DUTASTERIDE.LIVER_DISEASE", Sex.MALE, i -> i.answer("medicalHistory.liverFailure", "YES")),
            fires("DUTASTERIDE.MALE_FERTILITY", Sex.MALE, i -> i),
            fires("PENTOXIFYLLINE.METHYLXANTHINE_ALLERGY", Sex.MALE, i -> i.answer("allergies.methylxanthines", "YES")),
            fires("PENTOXIFYLLINE.ANTITHROMBOTIC", Sex.MALE, i -> i.medication("ANTIPLATELET", true, SESSION)),
            fires("PENTOXIFYLLINE.BLEEDING_DISORDER", Sex.MALE, i -> i.answer("medicalHistory.bleedingDisorder", "YES")),
            fires("PENTOXIFYLLINE.KIDNEY_OR_LIVER", Sex.MALE, i -> i.answer("medicalHistory.kidneyFailure", "YES")),
            fires("HYALURONIC_ACID.ALLERGY", Sex.FEMALE, i -> i.answer("allergies.hyaluronicAcid", "YES")),
            fires("GROWTH_FACTORS.CANCER", Sex.FEMALE, i -> i.answer("medicalHistory.cancer", "YES")),
            fires("LIDOCAINE.ALLERGY", Sex.FEMALE, i -> i.answer("allergies.localAnaesthetics", "YES")),
            fires("PROCAINE.ALLERGY", Sex.FEMALE, i -> i.answer("allergies.localAnaesthetics", "YES")));

    /** Rules that speak whenever the ingredient is in the formula (information, or a suspended authorisation). */
    static final Set<String> ALWAYS = Set.of("MINOXIDIL.FRONTAL_OEDEMA", "FINASTERIDE.OFF_LABEL",
            "DUTASTERIDE.BLOOD_DONATION", "PENTOXIFYLLINE.HAEMORRHAGE_AND_HYPOTENSION", "BUFLOMEDIL.SUSPENDED",
            "BIOTIN.IMMUNOASSAY", "LIDOCAINE.APPLICATION");

    record Case(Sex sex, UnaryOperator<IntakeFixture> change) {
    }

    static Map.Entry<String, Case> fires(String rule, Sex sex, UnaryOperator<IntakeFixture> change) {
        return Map.entry(rule, new Case(sex, change));
    }

    @Test
    void everyIngredientRuleHasATestCase() {
        Set<String> untested = RULES.values().stream().flatMap(List::stream).map(Rule::id)
                .filter(id -> !CASES.containsKey(id) && !ALWAYS.contains(id) && !id.equals("DUTASTERIDE.CHILD"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(untested).as("ingredient rules without a test case").isEmpty();
    }

    static Stream<Arguments> cases() {
        return CASES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} fires")
    @MethodSource("cases")
    void ruleFires(String rule, Case c) {
        ScreeningResult result = screen(rule, c.change().apply(healthy()), c.sex(), ADULT);
        assertThat(ids(result)).contains(rule);
        RuleClass ruleClass = rule(rule).ruleClass(ScreeningSettings.DEFAULTS);
        Decision atLeast = switch (ruleClass) {
            case EXCLUDE -> Decision.NOT_ELIGIBLE;
            case DEFER -> Decision.DEFERRED;
            case CAUTION -> Decision.NEEDS_PHYSICIAN_REVIEW;
            case ALERT -> Decision.ELIGIBLE;
        };
        assertThat(result.decision().ordinal()).as(result.decision().name())
                .isLessThanOrEqualTo(atLeast.ordinal());
    }

    @ParameterizedTest(name = "{0} stays silent otherwise")
    @MethodSource("cases")
    void ruleStaysSilentOtherwise(String rule, Case c) {
        Sex other = c.sex() == Sex.MALE ? Sex.FEMALE : Sex.MALE;
        Sex silentSex = rule.endsWith("WOMAN") || rule.endsWith("SEX_NOT_RECORDED") || rule.endsWith("MALE_FERTILITY")
                ? other : c.sex();
        assertThat(ids(screen(rule, healthy(), silentSex, ADULT))).doesNotContain(rule);
    }

    @Test
    void dutasterideIsExcludedForChildren() {
        ScreeningResult child = screen("DUTASTERIDE.CHILD", healthy(), Sex.MALE, SESSION.minusYears(17));
        assertThat(ids(child)).contains("DUTASTERIDE.CHILD");
        assertThat(child.decision()).isEqualTo(Decision.NOT_ELIGIBLE);
        assertThat(ids(screen("DUTASTERIDE.CHILD", healthy(), Sex.MALE, ADULT))).doesNotContain("DUTASTERIDE.CHILD");
    }

    @Test
    void informationRulesSpeakWheneverTheIngredientIsInTheFormula() {
        for (String rule : ALWAYS) {
            ScreeningResult result = screen(rule, healthy(), Sex.MALE, ADULT);
            assertThat(ids(result)).contains(rule);
        }
        assertThat(screen("BUFLOMEDIL.SUSPENDED", healthy(), Sex.MALE, ADULT).decision())
                .isEqualTo(Decision.NOT_ELIGIBLE);
        assertThat(screen("BIOTIN.IMMUNOASSAY", healthy(), Sex.MALE, ADULT).decision()).isEqualTo(Decision.ELIGIBLE);
    }

    private static ScreeningResult screen(String rule, IntakeFixture intake, Sex sex, LocalDate birthDate) {
        String ingredient = rule.substring(0, rule.indexOf('.'));
        return ScreeningEngineTests.ENGINE.screen(
                new ScreeningFacts(intake.document(), birthDate, sex, SESSION, Set.of(ingredient)),
                ScreeningSettings.DEFAULTS, Modality.MESOTHERAPY, RULES.get(ingredient), "test");
    }

    private static Rule rule(String id) {
        return RULES.values().stream().flatMap(List::stream).filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static IntakeFixture healthy() {
        return ScreeningEngineTests.healthy();
    }

    private static Set<String> ids(ScreeningResult result) {
        return result.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
    }

    private static Map<String, List<Rule>> load() {
        try (InputStream in = IngredientRulesTests.class.getClassLoader()
                .getResourceAsStream("knowledge/ingredients.json")) {
            JsonNode library = IntakeFixture.JSON.readTree(in);
            Map<String, List<Rule>> rules = new java.util.LinkedHashMap<>();
            for (JsonNode ingredient : library.path("ingredients")) {
                String code = ingredient.path("code").asString();
                rules.put(code, new ArrayList<>(KnowledgeLoader.rules(ingredient.path("rules"),
                        ScreeningEngineTests.QUESTIONNAIRE, "ingredient " + code, code + ".")));
            }
            return rules;
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
