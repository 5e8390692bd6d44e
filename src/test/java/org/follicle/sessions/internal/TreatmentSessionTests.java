package org.follicle.sessions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.follicle.intake.Decision;
import org.follicle.intake.Finding;
import org.follicle.intake.Modality;
import org.follicle.intake.ReviewedScreening;
import org.follicle.intake.RuleClass;
import org.follicle.intake.ScreeningResult;
import org.follicle.support.BrokenRule;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.StaleRecordException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import tools.jackson.databind.json.JsonMapper;

/** The session's rules, without Spring or a database: each transition, what it refuses and what it returns. */
class TreatmentSessionTests {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    private static final SessionInputs.Zone FRONTAL = new SessionInputs.Zone("FRONTAL", 60, new BigDecimal("1.5"));

    private static final SessionInputs.LotUse ONE_VIAL = new SessionInputs.LotUse(7L, 1);

    @Test
    void aChartOnAnOpenSessionIsCheckedAgainstTheMapAndThePatientsPhotos() {
        TreatmentSession open = session(SessionModality.CHEMICAL, null, TreatmentSession.Status.OPEN);

        assertThat(open.checkChart(chart(List.of(FRONTAL), List.of(ONE_VIAL), "1.0", List.of(3L)), Set.of("FRONTAL"),
                List.of(3L))).isEmpty();
        assertThat(BrokenRule.of(() -> open.checkChart(chart(List.of(FRONTAL), List.of(), "1.0", null), Set.of("VERTEX"),
                List.of()))).isEqualTo("zones:session.unknownZone");
        assertThat(BrokenRule.of(() -> open.checkChart(chart(List.of(FRONTAL), List.of(), "1.0", List.of(4L)),
                Set.of("FRONTAL"), List.of(3L)))).isEqualTo("photoIds:session.unknownPhoto");
    }

    @Test
    void aChartTooDeepOrAnAnaestheticOverALargeAreaIsSavedWithAWarning() {
        TreatmentSession open = session(SessionModality.CHEMICAL, null, TreatmentSession.Status.OPEN);
        var deep = chart(List.of(FRONTAL), List.of(), "4.5", null);
        var occluded = new SessionInputs.Chart(SessionInputs.Technique.NAPPAGE, null, null, 32, null,
                new BigDecimal("1.0"), new SessionInputs.Anaesthetic("Lidocaine cream", 50, true), List.of(FRONTAL),
                null, null, null, null, null, null);

        assertThat(open.checkChart(deep, Set.of("FRONTAL"), List.of()))
                .extracting(DefaultMessageSourceResolvable::getCode).containsExactly("session.depthWarning");
        assertThat(TreatmentSession.warnings(chart(List.of(FRONTAL), List.of(), "4", null))).isEmpty();
        assertThat(TreatmentSession.warnings(occluded)).extracting(DefaultMessageSourceResolvable::getCode)
                .containsExactly("session.anaestheticWarning");
    }

    @Test
    void aSignedSessionIsLockedAndOnlyCorrectedByAddenda() {
        TreatmentSession signed = session(SessionModality.CHEMICAL, chart(List.of(FRONTAL), List.of(ONE_VIAL), "1.0",
                null), TreatmentSession.Status.SIGNED);
        TreatmentSession open = session(SessionModality.CHEMICAL, null, TreatmentSession.Status.OPEN);

        assertThat(BrokenRule.of(() -> signed.checkChart(signed.chart(), Set.of("FRONTAL"), List.of())))
                .isEqualTo("null:session.signedLocked");
        assertThat(BrokenRule.of(() -> signed.sign(3, c -> List.of(), NOW, "dr"))).isEqualTo("null:session.signedLocked");
        signed.requireSignedForAddendum();
        assertThat(BrokenRule.of(open::requireSignedForAddendum)).isEqualTo("null:session.addendumOnSigned");
    }

    @Test
    void signingNeedsTheVersionReadAChartLotsAndZones() {
        var charted = chart(List.of(FRONTAL), List.of(ONE_VIAL), "1.0", null);
        TreatmentSession session = session(SessionModality.CHEMICAL, charted, TreatmentSession.Status.OPEN);

        assertThatThrownBy(() -> session.sign(2, c -> List.of(), NOW, "dr")).isInstanceOf(StaleRecordException.class);
        assertThat(BrokenRule.of(() -> session(SessionModality.CHEMICAL, null, TreatmentSession.Status.OPEN)
                .sign(3, c -> List.of(), NOW, "dr"))).isEqualTo("null:session.notCharted");
        assertThat(BrokenRule.of(() -> session(SessionModality.PRP, chart(List.of(FRONTAL), List.of(), "1.0", null),
                TreatmentSession.Status.OPEN).sign(3, c -> List.of(), NOW, "dr"))).isEqualTo("lots:session.noLots");
        assertThat(BrokenRule.of(() -> session(SessionModality.CHEMICAL, chart(List.of(), List.of(ONE_VIAL), "1.0", null),
                TreatmentSession.Status.OPEN).sign(3, c -> List.of(), NOW, "dr"))).isEqualTo("zones:session.noZones");

        TreatmentSession.Signing signing = session.sign(3, c -> List.of(), NOW, "dr");
        assertThat(signing.lots()).containsExactly(ONE_VIAL);
        assertThat(signing.preparationKey()).isEqualTo("session-11");
        assertThat(signing.at()).isEqualTo(NOW);
    }

    @Test
    void aMechanicalSessionIsSignedWithoutLotsOrZones() {
        var bare = new SessionInputs.Chart(SessionInputs.Technique.MICRONEEDLING, null, null, null, null, null, null,
                null, 30, 2, null, null, null, null);
        TreatmentSession.Signing signing = session(SessionModality.MECHANICAL, bare, TreatmentSession.Status.OPEN)
                .sign(3, c -> List.of(), NOW, "dr");

        assertThat(signing.lots()).isEmpty();
    }

    @Test
    void signingRefusesWhatThePatientMayNotReceiveWithTheReasons() {
        var charted = chart(List.of(FRONTAL), List.of(ONE_VIAL), "1.0", null);
        TreatmentSession session = session(SessionModality.CHEMICAL, charted, TreatmentSession.Status.OPEN);

        assertThatThrownBy(() -> session.sign(3, c -> List.of("Minoxidil lot A1: allergy."), NOW, "dr"))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("session.refusedAtSigning");
                    assertThat(e.arguments()).containsExactly("Minoxidil lot A1: allergy.");
                });
    }

    @Test
    void theScreeningStopsTheStartUnlessAPractitionerGivesAReason() {
        Finding exclusion = finding("pregnancy", RuleClass.EXCLUDE);
        Finding caution = finding("anticoagulant", RuleClass.CAUTION);
        var stopped = TreatmentSession.Screened.of(List.of(
                unreviewed(result(Decision.NOT_ELIGIBLE, null, exclusion, caution)),
                unreviewed(result(Decision.ELIGIBLE, null))), TODAY);

        assertThat(stopped.decision()).isEqualTo(Decision.NOT_ELIGIBLE);
        assertThatThrownBy(() -> stopped.override("  ", Decision::name, Finding::ruleId))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.field()).isEqualTo("overrideReason");
                    assertThat(e.arguments()).containsExactly("NOT_ELIGIBLE", "pregnancy");
                });
        assertThat(BrokenRule.of(() -> stopped.override("too short", Decision::name, Finding::ruleId)))
                .isEqualTo("overrideReason:appointment.overrideReasonShort");
        assertThat(stopped.override("  Discussed with the obstetrician  ", Decision::name, Finding::ruleId))
                .isEqualTo("Discussed with the obstetrician");
        assertThat(stopped.findingIds()).containsExactly("pregnancy", "anticoagulant");
    }

    @Test
    void aDeferralThatHasEndedOrAReviewThatClearedItDoesNotStopTheStart() {
        Finding fever = finding("fever", RuleClass.DEFER);
        var ended = TreatmentSession.Screened.of(List.of(
                unreviewed(result(Decision.DEFERRED, TODAY, fever))), TODAY);
        var cleared = TreatmentSession.Screened.of(List.of(
                reviewed(result(Decision.DEFERRED, TODAY.plusDays(3), fever))), TODAY);
        var open = TreatmentSession.Screened.of(List.of(
                unreviewed(result(Decision.DEFERRED, null, fever))), TODAY);

        assertThat(ended.override(null, Decision::name, Finding::ruleId)).isNull();
        assertThat(cleared.override(null, Decision::name, Finding::ruleId)).isNull();
        assertThat(cleared.decision()).isEqualTo(Decision.DEFERRED);
        assertThat(open.stopping()).containsExactly(fever);
    }

    @Test
    void anOverrideCoversOnlyTheFindingsItWasGivenFor() {
        TreatmentSession overridden = new TreatmentSession(11, 1, 2, 3, 4, 5, SessionModality.CHEMICAL, 6L, null,
                Decision.NOT_ELIGIBLE, List.of("pregnancy"), "Discussed with the obstetrician", null,
                TreatmentSession.Status.OPEN, null, null, null, 3, NOW, "dr");
        Finding pregnancy = finding("pregnancy", RuleClass.EXCLUDE);
        Finding allergy = finding("allergy", RuleClass.EXCLUDE);

        assertThat(overridden.uncovered(List.of(pregnancy, allergy))).containsExactly(allergy);
        assertThat(session(SessionModality.CHEMICAL, null, TreatmentSession.Status.OPEN)
                .uncovered(List.of(pregnancy))).containsExactly(pregnancy);
    }

    @Test
    void theApiShowsAnEmptyChartBeforeTheFirstSaveAndTheChartAfter() {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(json.valueToTree(session(SessionModality.CHEMICAL, null, TreatmentSession.Status.OPEN))
                .path("chart").isObject()).isTrue();
        assertThat(json.valueToTree(session(SessionModality.CHEMICAL, null, TreatmentSession.Status.OPEN))
                .path("chart").isEmpty()).isTrue();
        var charted = json.valueToTree(session(SessionModality.CHEMICAL, chart(List.of(FRONTAL), List.of(ONE_VIAL),
                "1.0", null), TreatmentSession.Status.OPEN));
        assertThat(charted.path("chart").path("zones").path(0).path("zone").asString()).isEqualTo("FRONTAL");
        assertThat(charted.path("status").asString()).isEqualTo("OPEN");
        assertThat(charted.has("chartShown")).isFalse();
    }

    private static TreatmentSession session(SessionModality modality, SessionInputs.Chart chart,
            TreatmentSession.Status status) {
        return new TreatmentSession(11, 1, 2, 3, 4, 5, modality, 6L, null, Decision.ELIGIBLE, List.of(), null, chart,
                status, null, null, null, 3, NOW, "dr");
    }

    private static SessionInputs.Chart chart(List<SessionInputs.Zone> zones, List<SessionInputs.LotUse> lots,
            String depth, List<Long> photos) {
        return new SessionInputs.Chart(SessionInputs.Technique.NAPPAGE, null, null, 32, null, new BigDecimal(depth),
                null, zones, 20, 2, null, lots, null, photos);
    }

    private static ReviewedScreening unreviewed(ScreeningResult result) {
        return new ReviewedScreening(result, null, null, null, null);
    }

    /** Cleared by a practitioner's override still in force. */
    private static ReviewedScreening reviewed(ScreeningResult result) {
        return new ReviewedScreening(result, "OVERRIDE", "Seen by the physician", "Dr Roux", NOW);
    }

    private static ScreeningResult result(Decision decision, LocalDate until, Finding... findings) {
        return new ScreeningResult(Modality.MESOTHERAPY, decision, until, List.of(findings), List.of(), "1", 1, TODAY);
    }

    private static Finding finding(String id, RuleClass kind) {
        return new Finding(id, kind, Map.of("en", id), "source", null, false);
    }
}
