package org.follicle;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.follicle.security.Role;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.follicle.support.StaffFixture.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Intake and screening through the API, on PostgreSQL: answers, decisions, reviews, overrides, settings. */
@FollicleIntegrationTest
class IntakeIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    Http http;

    Organisation org;

    String assistant;

    String practitioner;

    long patient;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        org = fixture.organisation();
        assistant = fixture.token(fixture.staff(org, "assistant", Map.of(org.paris(), Role.ASSISTANT)));
        practitioner = fixture.token(fixture.staff(org, "doctor", Map.of(org.paris(), Role.PRACTITIONER)));
        patient = fixture.patient(org, org.paris(), "Intake", "Patient");
    }

    @Test
    void aHealthyIntakeIsEligibleForBothModalities() {
        HttpResponse<String> saved = put(intake("\"NO\"", "[]"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("\"modality\":\"MESOTHERAPY\",\"decision\":\"ELIGIBLE\"")
                .contains("\"modality\":\"PRP\",\"decision\":\"ELIGIBLE\"").contains("\"ruleSetVersion\"");
    }

    @Test
    void aPregnancyExcludesWithItsReasonAndSource() {
        put(intake("\"YES\"", "[]"));
        HttpResponse<String> screening = http.get(screeningPath("MESOTHERAPY"), assistant);
        assertThat(screening.body()).contains("\"decision\":\"NOT_ELIGIBLE\"").contains("\"ruleId\":\"PREGNANCY\"")
                .contains("\"source\":\"Knowledge base 1a");
    }

    @Test
    void answersAreKeptAsHistoryAndTheLatestDecides() {
        put(intake("\"YES\"", "[]"));
        put(intake("\"NO\"", "[]"));
        assertThat(http.get(screeningPath("PRP"), assistant).body()).contains("\"decision\":\"ELIGIBLE\"");
        assertThat(jdbc.sql("SELECT count(*) FROM intake_form WHERE patient_id = :p").param("p", patient)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void intakeVersionsAreShownWithWhoWhenAndWhatChanged() {
        put(intake("\"NO\"", "[]"));
        put(intake("\"NO\"", "[]").replace("\"tobacco\":\"NO\"", "\"tobacco\":\"YES\""));
        HttpResponse<String> versions = http.get("/api/v1/patients/" + patient + "/intake/versions", practitioner);
        assertThat(versions.statusCode()).isEqualTo(200);
        JsonNode list = tools.jackson.databind.json.JsonMapper.builder().build().readTree(versions.body());
        assertThat(list).hasSize(2);
        assertThat(list.get(0).path("number").asInt()).isEqualTo(2);
        assertThat(list.get(0).path("timeZone").asString()).isEqualTo("Europe/Paris");
        assertThat(list.get(0).path("recordedBy").asString()).as("a name, not a login").doesNotContain(".");
        assertThat(list.get(0).path("changes")).singleElement().satisfies(c -> {
            assertThat(c.path("question").asString()).isEqualTo("Smokes or uses tobacco?");
            assertThat(c.path("before").get(0).asString()).isEqualTo("NO");
            assertThat(c.path("after").get(0).asString()).isEqualTo("YES");
        });
    }

    @Test
    void anNsaidDefersUntilTheWashOutEndsAndTheDateCanBeAsked() {
        String ibuprofen = "[{\"kind\":\"NSAID\",\"name\":\"ibuprofen\",\"prescribed\":false,\"lastTaken\":\""
                + LocalDate.now().minusDays(2) + "\"}]";
        put(intake("\"NO\"", ibuprofen));
        assertThat(http.get(screeningPath("MESOTHERAPY"), assistant).body()).contains("\"decision\":\"DEFERRED\"")
                .contains("\"deferredUntil\":\"" + LocalDate.now().plusDays(5) + "\"");
        assertThat(http.get(screeningPath("MESOTHERAPY") + "&date=" + LocalDate.now().plusDays(5), assistant).body())
                .contains("\"decision\":\"ELIGIBLE\"");
    }

    @Test
    void missingSafetyAnswersAreRefusedByName() {
        String partial = intake("\"NO\"", "[]").replace("\"diabetes\":\"NO\",", "");
        HttpResponse<String> response = put(partial);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"medicalHistory.diabetes\"").contains("Unknown is an answer");
        assertThat(http.get("/api/v1/patients/" + patient + "/intake", assistant).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownCodesAndFutureDatesAreRefusedClearly() {
        HttpResponse<String> code = put(intake("\"MAYBE\"", "[]"));
        assertThat(code.statusCode()).isEqualTo(400);
        assertThat(code.body()).contains("\"field\":\"medicalHistory.pregnancy\"");
        HttpResponse<String> kind = put(intake("\"NO\"", "[{\"kind\":\"HERBAL\",\"prescribed\":false}]"));
        assertThat(kind.body()).contains("medications[0].kind");
        HttpResponse<String> future = put(intake("\"NO\"", "[{\"kind\":\"NSAID\",\"prescribed\":false,\"lastTaken\":\""
                + LocalDate.now().plusDays(3) + "\"}]"));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("medications[0].lastTaken");
        assertThat(http.get(screeningPath("LASER"), assistant).statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownAnswerNeedsThePhysicianWhoSignsItOff() {
        put(intake("\"UNKNOWN\"", "[]"));
        assertThat(http.get(screeningPath("MESOTHERAPY"), assistant).body())
                .contains("\"decision\":\"NEEDS_PHYSICIAN_REVIEW\"").contains("medicalHistory.pregnancy");
        assertThat(review("MESOTHERAPY", assistant, "SIGN_OFF", null).statusCode()).isEqualTo(403);
        HttpResponse<String> signed = review("MESOTHERAPY", practitioner, "SIGN_OFF", null);
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.body()).contains("\"decision\":\"NEEDS_PHYSICIAN_REVIEW\"").contains("\"kind\":\"SIGN_OFF\"");
    }

    @Test
    void anOverrideNeedsAWrittenReasonIsAuditedAndNeverTurnsTheDecisionIntoEligible() {
        put(intake("\"YES\"", "[]"));
        HttpResponse<String> noReason = review("PRP", practitioner, "OVERRIDE", "because");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        assertThat(review("PRP", practitioner, "SIGN_OFF", null).statusCode()).isEqualTo(422);
        HttpResponse<String> overridden = review("PRP", practitioner, "OVERRIDE", "Patient is not pregnant: test negative today");
        assertThat(overridden.statusCode()).isEqualTo(200);
        assertThat(overridden.body()).contains("\"decision\":\"NOT_ELIGIBLE\"").contains("\"kind\":\"OVERRIDE\"")
                .contains("test negative today");
        assertThat(jdbc.sql("SELECT count(*) FROM security_audit_entry WHERE action = 'SCREENING_OVERRIDE' "
                + "AND record_id = :p").param("p", String.valueOf(patient)).query(Long.class).single()).isEqualTo(1);
        put(intake("\"YES\"", "[]").replace("\"hairHistory\":{\"pattern\":\"CROWN\"", "\"hairHistory\":{\"pattern\":\"DIFFUSE_THINNING\""));
        assertThat(http.get(screeningPath("PRP"), assistant).body())
                .as("an amendment that leaves the findings as they were keeps the override")
                .contains("\"kind\":\"OVERRIDE\"").contains("test negative today");
        put(intake("\"YES\"", "[]").replace("\"tobacco\":\"NO\"", "\"tobacco\":\"YES\""));
        assertThat(http.get(screeningPath("PRP"), assistant).body()).as("a new finding needs a new decision")
                .contains("TOBACCO_PRP").contains("\"review\":null");
    }

    @Test
    void medicinesAreReadByWhatTheyAreNotByAKindPickedByHand() {
        HttpResponse<String> saved = put(intake("\"NO\"", "[{\"name\":\"Kardégic 75 mg\",\"prescribed\":true},"
                + "{\"kind\":\"OTHER\",\"name\":\"Plavix\",\"prescribed\":false},"
                + "{\"name\":\"Zorglubine\",\"prescribed\":true}]"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode stored = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(http.get("/api/v1/patients/" + patient + "/intake", assistant).body())
                .path("answers").path("medications");
        assertThat(stored).extracting(m -> m.path("name").asString() + " " + m.path("kind").asString() + " "
                + m.path("code").asString("-")).containsExactly("Kardégic 75 mg ASPIRIN ASPIRIN",
                        "Plavix ANTIPLATELET CLOPIDOGREL", "Zorglubine UNKNOWN -");
        assertThat(http.get(screeningPath("MESOTHERAPY"), assistant).body()).contains("ANTITHROMBOTIC")
                .contains("UNKNOWN_MEDICINE").contains("\"decision\":\"NOT_ELIGIBLE\"");

        HttpResponse<String> suggestions = http.get("/api/v1/medicines?q=xare", assistant);
        assertThat(suggestions.statusCode()).isEqualTo(200);
        assertThat(suggestions.body()).contains("\"name\":\"Xarelto\"", "\"medicine\":\"rivaroxaban\"",
                "\"medicineClass\":\"ANTICOAGULANT\"", "\"atc\":[\"B01AF01\"]");
    }

    @Test
    void anUnansweredMedicineListIsUnknownNotNone() {
        HttpResponse<String> contradiction = put(intake("\"NO\"", "[{\"name\":\"Advil\",\"prescribed\":false}]")
                .replace("\"takesMedicines\":\"YES\"", "\"takesMedicines\":\"NO\""));
        assertThat(contradiction.statusCode()).isEqualTo(400);
        assertThat(contradiction.body()).contains("medicalHistory.takesMedicines");
        HttpResponse<String> notListed = put(intake("\"NO\"", "[]").replace("\"takesMedicines\":\"NO\"",
                "\"takesMedicines\":\"YES\""));
        assertThat(notListed.statusCode()).isEqualTo(400);
        assertThat(notListed.body()).contains("list them");
        HttpResponse<String> unknown = put(intake("\"NO\"", "[]").replace("\"takesMedicines\":\"NO\"",
                "\"takesMedicines\":\"UNKNOWN\""));
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("\"decision\":\"NEEDS_PHYSICIAN_REVIEW\"")
                .contains("medicalHistory.takesMedicines");
    }

    @Test
    void aManIsNotAskedAboutPregnancyAWomanIs() {
        String withoutPregnancy = intake("null", "[]").replace("\"pregnancy\":null,\"breastfeeding\":\"NO\","
                + "\"childbearingPotential\":\"NO\",", "");
        jdbc.sql("UPDATE patients_patient SET sex = 'MALE' WHERE id = :id").param("id", patient).update();
        HttpResponse<String> man = put(withoutPregnancy);
        assertThat(man.statusCode()).as(man.body()).isEqualTo(200);
        assertThat(man.body()).contains("\"modality\":\"MESOTHERAPY\",\"decision\":\"ELIGIBLE\"");
        jdbc.sql("UPDATE patients_patient SET sex = 'FEMALE' WHERE id = :id").param("id", patient).update();
        HttpResponse<String> woman = put(withoutPregnancy);
        assertThat(woman.statusCode()).isEqualTo(400);
        assertThat(woman.body()).contains("medicalHistory.pregnancy", "medicalHistory.childbearingPotential");
    }

    @Test
    void organisationSettingsChangeTheAnticoagulantRuleAndAreAudited() {
        String apixaban = "[{\"kind\":\"ANTICOAGULANT\",\"name\":\"apixaban\",\"prescribed\":true}]";
        put(intake("\"NO\"", apixaban));
        assertThat(http.get(screeningPath("MESOTHERAPY"), assistant).body()).contains("\"decision\":\"NOT_ELIGIBLE\"");
        Staff admin = fixture.staff(org, "admin", Map.of(org.paris(), Role.ADMIN));
        Http page = new Http(port);
        page.signIn(admin.username(), StaffFixture.PASSWORD);
        page.page("/admin/screening");
        assertThat(page.form("/admin/screening", Map.of("nsaidWindowDays", "10", "aspirinWindowDays", "12",
                "anticoagulantClass", "CAUTION", "bleedingDisorderClass", "EXCLUDE"))
                .statusCode()).isEqualTo(302);
        assertThat(http.get(screeningPath("MESOTHERAPY"), assistant).body())
                .contains("\"decision\":\"NEEDS_PHYSICIAN_REVIEW\"");
        assertThat(jdbc.sql("SELECT detail FROM security_audit_entry WHERE action = 'SETTINGS_CHANGE' AND actor = :u")
                .param("u", admin.username()).query(String.class).single())
                .isEqualTo("nsaidWindowDays=10,aspirinWindowDays=12,anticoagulantClass=CAUTION,"
                        + "bleedingDisorderClass=EXCLUDE");
        Staff assistantStaff = fixture.staff(org, "assistant2", Map.of(org.paris(), Role.ASSISTANT));
        Http other = new Http(port);
        other.signIn(assistantStaff.username(), StaffFixture.PASSWORD);
        other.page("/");
        assertThat(other.form("/admin/screening", Map.of("nsaidWindowDays", "1", "aspirinWindowDays", "1",
                "anticoagulantClass", "CAUTION", "bleedingDisorderClass", "CAUTION"))
                .statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> put(String body) {
        return http.send("PUT", "/api/v1/patients/" + patient + "/intake", assistant, body, Map.of());
    }

    private HttpResponse<String> review(String modality, String token, String kind, String reason) {
        return http.send("POST", "/api/v1/patients/" + patient + "/screening/" + modality + "/review", token,
                "{\"kind\":\"" + kind + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}", Map.of());
    }

    private String screeningPath(String modality) {
        return "/api/v1/patients/" + patient + "/screening?modality=" + modality;
    }

    /** A complete intake answering "no" everywhere, with the given pregnancy answer and medicines. */
    static String intake(String pregnancy, String medications) {
        return """
                {"medicalHistory":{"pregnancy":%s,"breastfeeding":"NO","childbearingPotential":"NO","autoimmuneDisease":"NO","diabetes":"NO",
                "insulin":"NO","heartDisease":"NO","kidneyFailure":"NO","liverFailure":"NO","bleedingDisorder":"NO",
                "plateletDisorder":"NO","cancer":"NO","currentChemotherapy":"NO","immunosuppression":"NO",
                "keloidTendency":"NO","phaeochromocytoma":"NO","recentFever":"NO","septicaemia":"NO",
                "recentScalpSteroidInjection":"NO","tobacco":"NO","takesMedicines":%s},
                "medications":%s,
                "allergies":{"localAnaesthetics":"NO","methylxanthines":"NO","minoxidil":"NO",
                "fiveAlphaReductaseInhibitors":"NO","hyaluronicAcid":"NO"},
                "scalpToday":{"infection":"NO","inflammation":"NO","openWound":"NO","sunburn":"NO","psoriasisOrDermatitis":"NO"},
                "hairHistory":{"pattern":"CROWN","triggers":["STRESS"],"familyHistory":"YES"}}
                """.formatted(pregnancy, "[]".equals(medications) ? "\"NO\"" : "\"YES\"", medications)
                .replace("\n", "");
    }
}
