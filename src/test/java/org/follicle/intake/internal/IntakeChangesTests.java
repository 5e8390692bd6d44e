package org.follicle.intake.internal;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Intake versions compared question by question. */
class IntakeChangesTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void onlyWhatChangedIsListedWithItsBeforeAndAfter() {
        JsonNode before = JSON.readTree("""
                {"medicalHistory": {"pregnancy": "NO", "tobacco": "NO", "haemoglobin": null},
                 "medications": [], "hairHistory": {"triggers": ["STRESS"]}}""");
        JsonNode after = JSON.readTree("""
                {"medicalHistory": {"pregnancy": "NO", "tobacco": "YES", "haemoglobin": 12.5},
                 "medications": [{"kind": "NSAID", "name": "Advil", "lastTaken": "2026-12-01"}],
                 "hairHistory": {"triggers": ["STRESS", "ILLNESS"]}}""");
        assertThat(IntakeChanges.between(before, after)).containsExactly(
                new IntakeChanges.Change("medicalHistory.tobacco", java.util.List.of("NO"), java.util.List.of("YES")),
                new IntakeChanges.Change("medicalHistory.haemoglobin", java.util.List.of(), java.util.List.of("12.5")),
                new IntakeChanges.Change("medications", java.util.List.of(), java.util.List.of("Advil (2026-12-01)")),
                new IntakeChanges.Change("hairHistory.triggers", java.util.List.of("STRESS"),
                        java.util.List.of("STRESS", "ILLNESS")));
    }

    @Test
    void theFirstVersionListsEveryAnswerAndAnAnswerRemovedIsShownGone() {
        JsonNode first = JSON.readTree("{\"medicalHistory\": {\"pregnancy\": \"NO\"}}");
        assertThat(IntakeChanges.between(null, first)).singleElement()
                .isEqualTo(new IntakeChanges.Change("medicalHistory.pregnancy", java.util.List.of(),
                        java.util.List.of("NO")));
        assertThat(IntakeChanges.between(first, JSON.readTree("{\"medicalHistory\": {}}"))).singleElement()
                .isEqualTo(new IntakeChanges.Change("medicalHistory.pregnancy", java.util.List.of("NO"),
                        java.util.List.of()));
        assertThat(IntakeChanges.between(first, first)).isEmpty();
    }
}
