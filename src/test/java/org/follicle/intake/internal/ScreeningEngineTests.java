package org.follicle.intake.internal;

import java.time.LocalDate;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every screening rule in knowledge/screening-rules.json fires when it should and stays silent otherwise. */
class ScreeningEngineTests {

    static final Questionnaire QUESTIONNAIRE = KnowledgeLoader.questionnaire("knowledge/intake-questionnaire.json");

    static final RuleSet RULES = KnowledgeLoader.rules("knowledge/screening-rules.json", QUESTIONNAIRE);

    static final ScreeningEngine ENGINE = new ScreeningEngine(RULES, QUESTIONNAIRE);

    static final LocalDate SESSION = LocalDate.of(2026, 11, 21);

    static final LocalDate ADULT = LocalDate.of(1985, 6, 15);

    /** For each rule: the modality it is tested on, and a change to a healthy intake that makes it fire. */
    static final Map<String, Case> CASES = Map.ofEntries(
            fires("PREGNANCY", Modality.MESOTHERAPY, i -> i.answer("medicalHistory.pregnancy", "POSSIBLE")),
            fires("BREASTFEEDING", Modality.PRP, i -> i.answer("medicalHistory.breastfeeding", "YES")),
            fires("SCALP_LESION", Modality.MESOTHERAPY, i -> i.answer("scalpToday.sunburn", "YES")),
            fires("SCALP_DERMATOSIS", Modality.MESOTHERAPY, i -> i.answer("scalpToday.psoriasisOrDermatitis", "YES")),
            fires("SEPTICAEMIA", Modality.PRP, i -> i.answer("medicalHistory.septicaemia", "YES")),
            fires("RECENT_FEVER", Modality.PRP, i -> i.answer("medicalHistory.recentFever", "YES")),
            fires("PLATELET_DISORDER_PRP", Modality.PRP, i -> i.answer("medicalHistory.plateletDisorder", "YES")),
            fires("PLATELET_DISORDER_MESO", Modality.MESOTHERAPY, i -> i.answer("medicalHistory.plateletDisorder", "YES")),
            fires("BLEEDING_DISORDER", Modality.MESOTHERAPY, i -> i.answer("medicalHistory.bleedingDisorder", "YES")),
            fires("ANTITHROMBOTIC", Modality.MESOTHERAPY, i -> i.medication("ANTICOAGULANT", true, SESSION.minusDays(1))),
            fires("NSAID_WASHOUT", Modality.MESOTHERAPY, i -> i.medication("NSAID", false, SESSION.minusDays(2))),
            fires("ASPIRIN_WASHOUT", Modality.MESOTHERAPY, i -> i.medication("ASPIRIN", false, SESSION.minusDays(8))),
            fires("NSAID_PRESCRIBED", Modality.PRP, i -> i.medication("NSAID", true, SESSION.minusDays(1))),
            fires("UNKNOWN_MEDICINE", Modality.MESOTHERAPY, i -> i.medication("UNKNOWN", true, null)),
            fires("SYSTEMIC_STEROID_PRP", Modality.PRP, i -> i.medication("SYSTEMIC_STEROID", true, SESSION.minusDays(3))),
            fires("SCALP_STEROID_INJECTION_PRP", Modality.PRP,
                    i -> i.answer("medicalHistory.recentScalpSteroidInjection", "YES")),
            fires("LOW_HAEMOGLOBIN_PRP", Modality.PRP, i -> i.answer("medicalHistory.haemoglobin", "9.8")),
            fires("LOW_PLATELETS_PRP", Modality.PRP, i -> i.answer("medicalHistory.platelets", "99000")),
            fires("TOBACCO_PRP", Modality.PRP, i -> i.answer("medicalHistory.tobacco", "YES")),
            fires("BLOOD_COUNT_NOT_RECORDED_PRP", Modality.PRP, i -> i.answer("medicalHistory.platelets", null)),
            fires("CANCER_PRP", Modality.PRP, i -> i.answer("medicalHistory.cancer", "YES")),
            fires("CHEMOTHERAPY", Modality.MESOTHERAPY, i -> i.medication("CHEMOTHERAPY", true, SESSION.minusDays(9))),
            fires("IMMUNOSUPPRESSION", Modality.MESOTHERAPY, i -> i.answer("medicalHistory.immunosuppression", "YES")),
            fires("KELOID", Modality.MESOTHERAPY, i -> i.answer("medicalHistory.keloidTendency", "YES")),
            fires("DIABETES", Modality.MESOTHERAPY, i -> i.answer("medicalHistory.insulin", "YES")),
            fires("AUTOIMMUNE", Modality.MESOTHERAPY, i -> i.answer("medicalHistory.autoimmuneDisease", "YES")),
            fires("HEART_DISEASE", Modality.PRP, i -> i.answer("medicalHistory.heartDisease", "YES")),
            fires("KIDNEY_OR_LIVER_FAILURE", Modality.MESOTHERAPY, i -> i.answer("medicalHistory.liverFailure", "YES")),
            fires("PHAEOCHROMOCYTOMA", Modality.MESOTHERAPY, i -> i.answer("medicalHistory.phaeochromocytoma", "YES")),
            fires("HYPERSENSITIVITY", Modality.MESOTHERAPY, i -> i.answer("allergies.hyaluronicAcid", "YES")),
            fires("PATCHY_LOSS", Modality.MESOTHERAPY, i -> i.answer("hairHistory.pattern", "PATCHES")));

    /** Rules whose firing needs more than an intake change (age, formula): tested one by one below. */
    static final Set<String> TESTED_BELOW = Set.of("MINOR");

    record Case(Modality modality, UnaryOperator<IntakeFixture> change) {
    }

    static Map.Entry<String, Case> fires(String rule, Modality modality, UnaryOperator<IntakeFixture> change) {
        return Map.entry(rule, new Case(modality, change));
    }

    @Test
    void everyRuleHasATestCase() {
        Set<String> untested = RULES.rules().stream().map(Rule::id)
                .filter(id -> !CASES.containsKey(id) && !TESTED_BELOW.contains(id))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(untested).as("rules without a test case").isEmpty();
    }

    @Test
    void aHealthyAdultWhoAnsweredEverythingIsEligibleForBoth() {
        for (Modality modality : Modality.values()) {
            ScreeningResult result = screen(healthy(), ADULT, modality, Set.of());
            assertThat(result.decision()).isEqualTo(Decision.ELIGIBLE);
            assertThat(result.findings()).isEmpty();
            assertThat(result.ruleSetVersion()).isEqualTo(RULES.version());
        }
    }

    static Stream<Arguments> cases() {
        return CASES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} fires")
    @MethodSource("cases")
    void ruleFires(String rule, Case c) {
        ScreeningResult result = screen(c.change().apply(healthy()), ADULT, c.modality(), Set.of());
        assertThat(ids(result)).contains(rule);
        Decision expected = switch (RULES.rules().stream().filter(r -> r.id().equals(rule)).findFirst().orElseThrow()
                .ruleClass(ScreeningSettings.DEFAULTS)) {
            case EXCLUDE -> Decision.NOT_ELIGIBLE;
            case DEFER -> Decision.DEFERRED;
            case CAUTION -> Decision.NEEDS_PHYSICIAN_REVIEW;
            case ALERT -> Decision.ELIGIBLE;
        };
        assertThat(result.decision()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} stays silent for a healthy adult")
    @MethodSource("cases")
    void ruleDoesNotFireOtherwise(String rule, Case c) {
        assertThat(ids(screen(healthy(), ADULT, c.modality(), Set.of()))).doesNotContain(rule);
    }

    @Test
    void rulesForOneModalityDoNotSpeakForTheOther() {
        IntakeFixture septic = healthy().answer("medicalHistory.septicaemia", "YES");
        assertThat(screen(septic, ADULT, Modality.MESOTHERAPY, Set.of()).decision()).isEqualTo(Decision.ELIGIBLE);
        assertThat(screen(septic, ADULT, Modality.PRP, Set.of()).decision()).isEqualTo(Decision.NOT_ELIGIBLE);
    }

    // --- questions that fit the patient ---

    @Test
    void pregnancyQuestionsAreNotAskedOfMenAndNeverCountAsUnansweredForThem() {
        IntakeFixture withoutPregnancy = healthy().answer("medicalHistory.pregnancy", null)
                .answer("medicalHistory.breastfeeding", null).answer("medicalHistory.childbearingPotential", null);
        ScreeningResult man = ENGINE.screen(new ScreeningFacts(withoutPregnancy.document(), ADULT,
                org.follicle.patients.Sex.MALE, SESSION, Set.of()), ScreeningSettings.DEFAULTS, Modality.MESOTHERAPY);
        assertThat(man.decision()).isEqualTo(Decision.ELIGIBLE);
        for (org.follicle.patients.Sex sex : new org.follicle.patients.Sex[] { org.follicle.patients.Sex.FEMALE,
                org.follicle.patients.Sex.OTHER, org.follicle.patients.Sex.UNKNOWN }) {
            ScreeningResult asked = ENGINE.screen(new ScreeningFacts(withoutPregnancy.document(), ADULT, sex, SESSION,
                    Set.of()), ScreeningSettings.DEFAULTS, Modality.MESOTHERAPY);
            assertThat(asked.unanswered()).as(sex.name()).contains("medicalHistory.pregnancy",
                    "medicalHistory.breastfeeding", "medicalHistory.childbearingPotential");
        }
    }

    // --- age ---

    @Test
    void excludesAMinorAndAdmitsOnTheEighteenthBirthday() {
        assertThat(screen(healthy(), SESSION.minusYears(18).plusDays(1), Modality.MESOTHERAPY, Set.of()))
                .satisfies(r -> assertThat(ids(r)).contains("MINOR"))
                .satisfies(r -> assertThat(r.decision()).isEqualTo(Decision.NOT_ELIGIBLE));
        assertThat(ids(screen(healthy(), SESSION.minusYears(18), Modality.MESOTHERAPY, Set.of())))
                .doesNotContain("MINOR");
    }

    @Test
    void aLeapDayBirthdayIsReachedOnTheFirstOfMarchInCommonYears() {
        LocalDate leapDay = LocalDate.of(2008, 2, 29);
        assertThat(ids(screenOn(healthy(), leapDay, LocalDate.of(2026, 2, 28)))).contains("MINOR");
        assertThat(ids(screenOn(healthy(), leapDay, LocalDate.of(2026, 3, 1)))).doesNotContain("MINOR");
        LocalDate leapBorn = LocalDate.of(2004, 2, 29);
        assertThat(ids(screenOn(healthy(), leapBorn, LocalDate.of(2022, 2, 28)))).contains("MINOR");
        assertThat(ids(screenOn(healthy(), leapBorn, LocalDate.of(2022, 3, 1)))).doesNotContain("MINOR");
    }

    // --- aspirin and NSAID wash-out ---

    @Test
    void nsaidTakenExactlySevenDaysBeforeNoLongerDefers() {
        assertThat(ids(screen(healthy().medication("NSAID", false, SESSION.minusDays(7)), ADULT, Modality.MESOTHERAPY,
                Set.of()))).doesNotContain("NSAID_WASHOUT");
    }

    @Test
    void nsaidTakenSixDaysBeforeDefersUntilTheSeventhDay() {
        ScreeningResult result = screen(healthy().medication("NSAID", false, SESSION.minusDays(6)), ADULT,
                Modality.MESOTHERAPY, Set.of());
        assertThat(result.decision()).isEqualTo(Decision.DEFERRED);
        assertThat(result.deferredUntil()).isEqualTo(SESSION.plusDays(1));
    }

    @Test
    void nsaidTakenEightDaysBeforeIsFine() {
        assertThat(screen(healthy().medication("NSAID", false, SESSION.minusDays(8)), ADULT, Modality.MESOTHERAPY,
                Set.of()).decision()).isEqualTo(Decision.ELIGIBLE);
    }

    @Test
    void theWashOutFollowsTheOrganisationsSetting() {
        IntakeFixture intake = healthy().medication("NSAID", false, SESSION.minusDays(8));
        ScreeningResult result = ENGINE.screen(facts(intake, ADULT, SESSION, Set.of()),
                new ScreeningSettings(10, 10, RuleClass.EXCLUDE, RuleClass.EXCLUDE), Modality.MESOTHERAPY);
        assertThat(result.decision()).isEqualTo(Decision.DEFERRED);
        assertThat(result.deferredUntil()).isEqualTo(SESSION.plusDays(2));
    }

    @Test
    void anNsaidWithoutADateNeedsThePhysicianNotTheDefault() {
        ScreeningResult result = screen(healthy().medication("NSAID", false, null), ADULT, Modality.MESOTHERAPY,
                Set.of());
        assertThat(result.decision()).isEqualTo(Decision.NEEDS_PHYSICIAN_REVIEW);
        assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.dateUnknown()).isTrue());
    }

    @Test
    void prescribedAspirinIsAnAntithromboticNeverAWashOut() {
        ScreeningResult result = screen(healthy().medication("ASPIRIN", true, SESSION.minusDays(1)), ADULT,
                Modality.MESOTHERAPY, Set.of());
        assertThat(ids(result)).containsExactly("ANTITHROMBOTIC");
        assertThat(result.findings().get(0).message(java.util.Locale.ENGLISH)).contains("never stop");
    }

    @Test
    void aspirinWaitsItsOwnTenDaysWhereAnotherAntiInflammatoryWaitsSeven() {
        ScreeningResult aspirin = screen(healthy().medication("ASPIRIN", false, SESSION.minusDays(8)), ADULT,
                Modality.MESOTHERAPY, Set.of());
        assertThat(ids(aspirin)).containsExactly("ASPIRIN_WASHOUT");
        assertThat(aspirin.deferredUntil()).isEqualTo(SESSION.plusDays(2));
        assertThat(screen(healthy().medication("ASPIRIN", false, SESSION.minusDays(10)), ADULT, Modality.MESOTHERAPY,
                Set.of()).decision()).isEqualTo(Decision.ELIGIBLE);
        ScreeningResult shorter = ENGINE.screen(facts(healthy().medication("ASPIRIN", false, SESSION.minusDays(8)),
                ADULT, SESSION, Set.of()), new ScreeningSettings(7, 7, RuleClass.EXCLUDE, RuleClass.EXCLUDE),
                Modality.MESOTHERAPY);
        assertThat(shorter.decision()).as("the organisation's setting").isEqualTo(Decision.ELIGIBLE);
    }

    @Test
    void anAntiplateletCountsWhetherPrescribedOrNot() {
        for (Boolean prescribed : new Boolean[] { true, false, null }) {
            assertThat(ids(screen(healthy().medication("ANTIPLATELET", prescribed, SESSION), ADULT, Modality.PRP,
                    Set.of()))).as("prescribed: " + prescribed).containsExactly("ANTITHROMBOTIC");
        }
    }

    @Test
    void aPrescribedAntiInflammatoryNeedsThePhysicianAndIsNeverAWashOut() {
        ScreeningResult result = screen(healthy().medication("NSAID", true, SESSION.minusDays(1)), ADULT,
                Modality.MESOTHERAPY, Set.of());
        assertThat(ids(result)).containsExactly("NSAID_PRESCRIBED");
        assertThat(result.decision()).isEqualTo(Decision.NEEDS_PHYSICIAN_REVIEW);
    }

    @Test
    void aMedicineTheDictionaryDoesNotKnowIsNeverReadAsHarmless() {
        assertThat(screen(healthy().medication("UNKNOWN", false, SESSION.minusDays(40)), ADULT, Modality.MESOTHERAPY,
                Set.of()).decision()).isEqualTo(Decision.NEEDS_PHYSICIAN_REVIEW);
        assertThat(screen(healthy().medication("OTHER", false, SESSION.minusDays(40)), ADULT, Modality.MESOTHERAPY,
                Set.of()).decision()).as("a known medicine no rule concerns").isEqualTo(Decision.ELIGIBLE);
    }

    // --- settings ---

    @Test
    void anticoagulantsExcludeByDefaultAndNeedThePhysicianWhenTheClinicSaysSo() {
        IntakeFixture intake = healthy().medication("ANTICOAGULANT", true, SESSION);
        assertThat(screen(intake, ADULT, Modality.PRP, Set.of()).decision()).isEqualTo(Decision.NOT_ELIGIBLE);
        ScreeningResult caution = ENGINE.screen(facts(intake, ADULT, SESSION, Set.of()),
                new ScreeningSettings(7, 10, RuleClass.CAUTION, RuleClass.EXCLUDE), Modality.PRP);
        assertThat(caution.decision()).isEqualTo(Decision.NEEDS_PHYSICIAN_REVIEW);
    }

    @Test
    void aBleedingDisorderHasItsOwnSettingApartFromAnticoagulants() {
        IntakeFixture haemophilia = healthy().answer("medicalHistory.bleedingDisorder", "YES");
        ScreeningSettings anticoagulantsToThePhysician = new ScreeningSettings(7, 10, RuleClass.CAUTION,
                RuleClass.EXCLUDE);
        assertThat(ENGINE.screen(facts(haemophilia, ADULT, SESSION, Set.of()), anticoagulantsToThePhysician,
                Modality.MESOTHERAPY).decision()).isEqualTo(Decision.NOT_ELIGIBLE);
        assertThat(ENGINE.screen(facts(haemophilia, ADULT, SESSION, Set.of()), new ScreeningSettings(7, 10,
                RuleClass.EXCLUDE, RuleClass.CAUTION), Modality.MESOTHERAPY).decision())
                .isEqualTo(Decision.NEEDS_PHYSICIAN_REVIEW);
    }

    // --- combinations ---

    @Test
    void excludeBeatsDeferBeatsCaution() {
        IntakeFixture all = healthy().answer("medicalHistory.keloidTendency", "YES")
                .answer("medicalHistory.recentFever", "YES").answer("medicalHistory.breastfeeding", "YES");
        assertThat(screen(all, ADULT, Modality.MESOTHERAPY, Set.of()).decision()).isEqualTo(Decision.NOT_ELIGIBLE);
        all.answer("medicalHistory.breastfeeding", "NO");
        assertThat(screen(all, ADULT, Modality.MESOTHERAPY, Set.of()).decision()).isEqualTo(Decision.DEFERRED);
        all.answer("medicalHistory.recentFever", "NO");
        assertThat(screen(all, ADULT, Modality.MESOTHERAPY, Set.of()).decision())
                .isEqualTo(Decision.NEEDS_PHYSICIAN_REVIEW);
    }

    @Test
    void aDeferralWithoutAnEndDateWinsOverDatedOnes() {
        IntakeFixture intake = healthy().medication("NSAID", false, SESSION.minusDays(2))
                .answer("scalpToday.openWound", "YES");
        ScreeningResult result = screen(intake, ADULT, Modality.MESOTHERAPY, Set.of());
        assertThat(result.decision()).isEqualTo(Decision.DEFERRED);
        assertThat(result.deferredUntil()).as("until the wound has healed").isNull();
    }

    @Test
    void everyFindingIsReportedWithItsSource() {
        IntakeFixture intake = healthy().answer("medicalHistory.pregnancy", "YES").answer("medicalHistory.tobacco", "YES");
        ScreeningResult result = screen(intake, ADULT, Modality.PRP, Set.of());
        assertThat(ids(result)).containsExactlyInAnyOrder("PREGNANCY", "TOBACCO_PRP");
        assertThat(result.findings()).allSatisfy(f -> {
            assertThat(f.source()).isNotBlank();
            assertThat(f.messages()).containsKeys("en", "fr", "es");
        });
    }

    // --- unknown and missing answers ---

    @Test
    void anUnknownAnswerIsNeverANo() {
        ScreeningResult result = screen(healthy().answer("medicalHistory.pregnancy", "UNKNOWN"), ADULT,
                Modality.MESOTHERAPY, Set.of());
        assertThat(result.decision()).isEqualTo(Decision.NEEDS_PHYSICIAN_REVIEW);
        assertThat(result.unanswered()).containsExactly("medicalHistory.pregnancy");
    }

    @Test
    void aMissingSafetyAnswerNeedsThePhysician() {
        ScreeningResult result = screen(healthy().answer("scalpToday.infection", null), ADULT, Modality.PRP, Set.of());
        assertThat(result.decision()).isEqualTo(Decision.NEEDS_PHYSICIAN_REVIEW);
        assertThat(result.unanswered()).containsExactly("scalpToday.infection");
    }

    @Test
    void anUnknownAnswerDoesNotSoftenAnExclusion() {
        IntakeFixture intake = healthy().answer("medicalHistory.breastfeeding", "YES")
                .answer("medicalHistory.diabetes", "UNKNOWN");
        assertThat(screen(intake, ADULT, Modality.MESOTHERAPY, Set.of()).decision()).isEqualTo(Decision.NOT_ELIGIBLE);
    }

    // --- formula: each ingredient brings its rules (knowledge/ingredients.json, tested in IngredientRulesTests) ---

    @Test
    void ingredientRulesSpeakOnlyForTheirIngredientAndNameIt() {
        String lidocaine = """
                [{"id":"ALLERGY","class":"EXCLUDE","modalities":["MESOTHERAPY"],
                  "when":{"answer":"allergies.localAnaesthetics","is":["YES"]},
                  "message":{"en":"Allergic","fr":"Allergique","es":"Alérgico"},"source":"test"}]""";
        java.util.List<Rule> rules = KnowledgeLoader.rules(IntakeFixture.JSON.readTree(lidocaine), QUESTIONNAIRE,
                "test", "LIDOCAINE.");
        IntakeFixture allergic = healthy().answer("allergies.localAnaesthetics", "YES");
        ScreeningResult withLidocaine = ENGINE.screen(facts(allergic, ADULT, SESSION, Set.of("LIDOCAINE")),
                ScreeningSettings.DEFAULTS, Modality.MESOTHERAPY, rules, "lidocaine-1");
        assertThat(withLidocaine.decision()).isEqualTo(Decision.NOT_ELIGIBLE);
        assertThat(ids(withLidocaine)).contains("LIDOCAINE.ALLERGY", "HYPERSENSITIVITY");
        assertThat(withLidocaine.ruleSetVersion()).isEqualTo(RULES.version() + "+lidocaine-1");
        assertThat(screen(allergic, ADULT, Modality.MESOTHERAPY, Set.of()).decision()).isEqualTo(Decision.ELIGIBLE);
    }

    @Test
    void freeTextAllergiesMatchWholeWordsWithoutCaseOrAccents() {
        Condition.AnswerMentions zinc = new Condition.AnswerMentions("allergies.otherIngredients",
                java.util.List.of("zinc", "acide hyaluronique"));
        assertThat(zinc.evaluate(facts(healthy().answer("allergies.otherIngredients", "Zinc, nickel"), ADULT, SESSION,
                Set.of()), ScreeningSettings.DEFAULTS).fired()).isTrue();
        assertThat(zinc.evaluate(facts(healthy().answer("allergies.otherIngredients", "ACIDE HYALURONIQUE!"), ADULT,
                SESSION, Set.of()), ScreeningSettings.DEFAULTS).fired()).isTrue();
        assertThat(zinc.evaluate(facts(healthy().answer("allergies.otherIngredients", "zincite dust"), ADULT,
                SESSION, Set.of()), ScreeningSettings.DEFAULTS).fired()).isFalse();
    }

    // --- helpers ---

    static IntakeFixture healthy() {
        return IntakeFixture.healthy(QUESTIONNAIRE);
    }

    static ScreeningResult screen(IntakeFixture intake, LocalDate birthDate, Modality modality, Set<String> formula) {
        return ENGINE.screen(facts(intake, birthDate, SESSION, formula), ScreeningSettings.DEFAULTS, modality);
    }

    static ScreeningResult screenOn(IntakeFixture intake, LocalDate birthDate, LocalDate session) {
        return ENGINE.screen(facts(intake, birthDate, session, Set.of()), ScreeningSettings.DEFAULTS,
                Modality.MESOTHERAPY);
    }

    static ScreeningFacts facts(IntakeFixture intake, LocalDate birthDate, LocalDate session, Set<String> formula) {
        return new ScreeningFacts(intake.document(), birthDate, org.follicle.patients.Sex.FEMALE, session, formula);
    }

    static Set<String> ids(ScreeningResult result) {
        return result.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
    }
}
