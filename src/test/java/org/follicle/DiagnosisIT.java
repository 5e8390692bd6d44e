package org.follicle;

import java.net.http.HttpResponse;
import java.util.Map;

import org.follicle.security.Role;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Assessments and diagnoses through the API: derived measures, refusals of impossible ones, codes. */
@FollicleIntegrationTest
class DiagnosisIT {

    static final String ASSESSMENT = """
            {"assessedOn":"2026-11-20","device":"FotoFinder","magnification":20,"vellusCutoffUm":40,
             "sites":[{"site":"VERTEX","hairs":42,"areaCm2":0.25,"terminal":30,"vellus":10,"meanDiameterUm":60,
                       "anagenPercent":80,"telogenPercent":20,"hairsPerFollicularUnit":1.8,"emptyFollicles":3,
                       "signs":["HAIR_DIAMETER_DIVERSITY","YELLOW_DOTS"]},
                      {"site":"OCCIPITAL","hairs":55,"areaCm2":0.25,"meanDiameterUm":75}],
             "pullTest":{"grasped":50,"out":6},"combCount":12,"sinclairShedding":5,"norwood":"III_VERTEX",
             "sinclairPart":2,"salt":{"left":50,"right":20,"top":10,"back":0},"notes":"Crown thinning"}""";

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    Http http;

    String assistant;

    String practitioner;

    long patient;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        Organisation org = fixture.organisation();
        assistant = fixture.token(fixture.staff(org, "assistant", Map.of(org.paris(), Role.ASSISTANT)));
        practitioner = fixture.token(fixture.staff(org, "doctor", Map.of(org.paris(), Role.PRACTITIONER)));
        patient = fixture.patient(org, org.paris(), "Trichoscopie", "Paul");
    }

    @Test
    void recordsAnAssessmentWithItsDerivedMeasures() {
        HttpResponse<String> recorded = post("/assessments", assistant, ASSESSMENT);
        assertThat(recorded.statusCode()).isEqualTo(201);
        assertThat(recorded.body()).contains("\"site\":\"VERTEX\"").contains("\"density\":168.0")
                .contains("\"terminalPercent\":75.0").contains("\"cumulativeThickness\":10.08")
                .contains("\"pullTestPositive\":true").contains("\"salt\":16.6").contains("\"saltBand\":\"MILD\"")
                .contains("\"norwood\":\"III_VERTEX\"").contains("\"warnings\":[]");
        assertThat(http.get("/api/v1/patients/" + patient + "/assessments", assistant).body())
                .contains("\"density\":220.0");
    }

    @Test
    void warnsOfAnUnusualDiameterButKeepsTheMeasure() {
        HttpResponse<String> recorded = post("/assessments", assistant,
                ASSESSMENT.replace("\"meanDiameterUm\":75", "\"meanDiameterUm\":160"));
        assertThat(recorded.statusCode()).isEqualTo(201);
        assertThat(recorded.body()).contains("above 150 µm");
    }

    @Test
    void refusesImpossibleMeasuresAndStoresNothing() {
        assertThat(post("/assessments", assistant, ASSESSMENT.replace("\"hairs\":42", "\"hairs\":-1")).body())
                .contains("sites[0].hairs");
        assertThat(post("/assessments", assistant, ASSESSMENT.replace("\"areaCm2\":0.25,\"terminal\"", "\"areaCm2\":0,\"terminal\""))
                .body()).contains("sites[0].areaCm2");
        HttpResponse<String> classified = post("/assessments", assistant, ASSESSMENT.replace("\"vellus\":10", "\"vellus\":20"));
        assertThat(classified.statusCode()).isEqualTo(400);
        assertThat(classified.body()).contains("exceed the hairs counted");
        assertThat(post("/assessments", assistant, ASSESSMENT.replace("\"out\":6", "\"out\":60")).body())
                .contains("pullTest.out");
        assertThat(post("/assessments", assistant, ASSESSMENT.replace("\"site\":\"OCCIPITAL\"", "\"site\":\"NOSE\"")).body())
                .contains("sites[1].site");
        assertThat(post("/assessments", assistant, ASSESSMENT.replace("\"vellusCutoffUm\":40", "\"vellusCutoffUm\":45")).body())
                .contains("vellusCutoffUm");
        assertThat(post("/assessments", assistant, ASSESSMENT.replace("\"norwood\":\"III_VERTEX\"", "\"norwood\":\"VIII\"")).body())
                .contains("\"field\":\"norwood\"");
        assertThat(jdbc.sql("SELECT count(*) FROM diagnosis_assessment WHERE patient_id = :p").param("p", patient)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM diagnosis_site s JOIN diagnosis_assessment a ON a.id = s.assessment_id "
                + "WHERE a.patient_id = :p").param("p", patient).query(Long.class).single()).isZero();
    }

    @Test
    void aVoidedAssessmentStaysButLeavesTheTrends() {
        String id = post("/assessments", assistant, ASSESSMENT).body().replaceAll(".*\"assessment\":\\{\"id\":(\\d+),.*", "$1");
        assertThat(http.get("/api/v1/patients/" + patient + "/trends", assistant).body()).contains("VERTEX");
        assertThat(post("/assessments/" + id + "/void", assistant, "{\"reason\":\"\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> voided = post("/assessments/" + id + "/void", assistant, "{\"reason\":\"Wrong patient\"}");
        assertThat(voided.statusCode()).isEqualTo(200);
        assertThat(voided.body()).contains("\"voided\":true").contains("Wrong patient");
        assertThat(http.get("/api/v1/patients/" + patient + "/trends", assistant).body()).isEqualTo("[]");
        assertThat(http.get("/api/v1/patients/" + patient + "/assessments/" + id, assistant).statusCode()).isEqualTo(200);
    }

    @Test
    void aPractitionerDiagnosesWithCodesFromTheKnowledgeBase() {
        assertThat(post("/diagnoses", assistant, "{\"category\":\"AGA_MALE\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> aga = post("/diagnoses", practitioner,
                "{\"category\":\"AGA_MALE\",\"stage\":\"Norwood III vertex\",\"notes\":\"Early, follicles intact\"}");
        assertThat(aga.statusCode()).isEqualTo(201);
        assertThat(aga.body()).contains("\"icd10\":\"L64.9\"").contains("\"snomed\":\"87872006\"");
        HttpResponse<String> te = post("/diagnoses", practitioner,
                "{\"category\":\"TELOGEN_EFFLUVIUM_ACUTE\",\"trigger\":\"Postpartum, 3 months\"}");
        assertThat(te.body()).contains("\"icd10\":\"L65.0\"").contains("\"snomed\":null");
        assertThat(post("/diagnoses", practitioner, "{\"category\":\"BALDNESS\"}").statusCode()).isEqualTo(422);
        assertThat(http.get("/api/v1/patients/" + patient + "/diagnoses", assistant).body())
                .startsWith("[{\"id\"").contains("TELOGEN_EFFLUVIUM_ACUTE").contains("AGA_MALE");
    }

    private HttpResponse<String> post(String path, String token, String body) {
        return http.send("POST", "/api/v1/patients/" + patient + path, token, body.replace("\n", ""), Map.of());
    }
}
