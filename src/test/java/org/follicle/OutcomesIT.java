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

import static org.assertj.core.api.Assertions.assertThat;
import static org.follicle.SchedulingIT.expect;

/** A patient's progress through the API: their own change per site beside the sourced published figures. */
@FollicleIntegrationTest
class OutcomesIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    Http http;

    Organisation org;

    String doctor;

    long patient;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        org = fixture.organisation();
        doctor = fixture.token(fixture.staff(org, "doctor", Map.of(org.paris(), Role.PRACTITIONER)));
        patient = fixture.patient(org, org.paris(), "Progres", "Paul");
    }

    @Test
    void theChangeFromBaselineStandsBesideThePublishedFiguresWithTheirSources() {
        assess("2026-05-20", 42);
        assess("2026-11-20", 50);
        HttpResponse<String> progress = http.get("/api/v1/patients/" + patient + "/progress?modality=PRP", doctor);
        assertThat(progress.statusCode()).as(progress.body()).isEqualTo(200);
        // Vertex: 42 then 50 hairs in 0.25 cm², 168 then 200 hairs/cm²: +32, +19.0%.
        assertThat(progress.body()).contains("\"site\":\"VERTEX\"", "\"baselineDensity\":168",
                "\"latestDensity\":200", "\"densityChange\":32", "\"densityChangePercent\":19.0",
                "\"noChangeYet\":false", "\"source\":\"[85]\"", "\"strength\":\"META_ANALYSIS\"",
                "not a promise for you");
        assertThat(progress.body()).doesNotContain("DUTASTERIDE_FPHL_PHOTO", "Dutasteride mesotherapy");
    }

    @Test
    void aPatientIsShownTheEvidenceOfTheirOwnSexWithItsReference() {
        jdbc.sql("UPDATE patients_patient SET sex = 'MALE' WHERE id = :id").param("id", patient).update();
        String man = http.get("/api/v1/patients/" + patient + "/progress?modality=PRP", doctor).body();
        assertThat(man).contains("PRP meta-analysis, men", "\"reference\":\"Gupta AK et al., 2020")
                .doesNotContain("PRP meta-analysis, women");
        jdbc.sql("UPDATE patients_patient SET sex = 'FEMALE' WHERE id = :id").param("id", patient).update();
        String woman = http.get("/api/v1/patients/" + patient + "/progress?modality=PRP", doctor).body();
        assertThat(woman).doesNotContain("PRP meta-analysis, men");
        assertThat(http.get("/api/v1/patients/" + patient + "/progress?modality=MESOTHERAPY", doctor).body())
                .contains("\"reference\":null").contains("Moftah N et al., 2013");
    }

    @Test
    void withoutASecondMeasureThereIsNoTrajectoryYet() {
        assertThat(http.get("/api/v1/patients/" + patient + "/progress", doctor).body()).contains("\"noChangeYet\":true",
                "\"sites\":[]");
        assess("2026-11-20", 42);
        assertThat(http.get("/api/v1/patients/" + patient + "/progress", doctor).body())
                .contains("\"noChangeYet\":true", "\"densityChange\":null");
    }

    @Test
    void anUnknownModalityOrAnotherClinicsPatientIsRefused() {
        expect(http.get("/api/v1/patients/" + patient + "/progress?modality=HOMEOPATHY", doctor), 400, "modality");
        String madrid = fixture.token(fixture.staff(org, "madrid", Map.of(org.madrid(), Role.PRACTITIONER)));
        expect(http.get("/api/v1/patients/" + patient + "/progress", madrid), 404, "");
    }

    private void assess(String day, int hairs) {
        HttpResponse<String> r = http.send("POST", "/api/v1/patients/" + patient + "/assessments", doctor,
                DiagnosisIT.ASSESSMENT.replace("2026-11-20", day).replace("\"hairs\":42", "\"hairs\":" + hairs)
                        .replace("\n", ""), Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
}
