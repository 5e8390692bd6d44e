package org.follicle;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import org.follicle.security.Role;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.Photos;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.follicle.SchedulingIT.expect;

/**
 * Sessions through the API: the pre-check screens again (a new intake version), a consent is required, the chart
 * is checked (depth, volumes, zones), signing uses the lots exactly once and locks the record, corrections are
 * addenda, and retries create nothing twice.
 */
@FollicleIntegrationTest
class SessionsIT {

    static final String PRECHECK = "{\"pregnancy\":\"%s\",\"fever\":\"NO\",\"scalpToday\":{\"infection\":\"NO\","
            + "\"inflammation\":\"NO\",\"openWound\":\"NO\",\"sunburn\":\"NO\",\"psoriasisOrDermatitis\":\"NO\"},"
            + "\"newMedicines\":[]}";

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    Http http;

    Organisation org;

    String doctor;

    long doctorId;

    String admin;

    long patient;

    long appointment;

    long formula;

    long lot;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        org = fixture.organisation();
        StaffFixture.Staff doc = fixture.staff(org, "doctor", Map.of(org.paris(), Role.PRACTITIONER));
        doctorId = doc.id();
        doctor = fixture.token(doc);
        admin = fixture.token(fixture.staff(org, "manager", Map.of(org.paris(), Role.ADMIN)));
        fixture.weekdayHours(org.paris(), doctorId);
        patient = fixture.patient(org, org.paris(), "Seance", "Sarah");
        jdbc.sql("UPDATE patients_patient SET email = 'sarah@example.invalid' WHERE id = :id").param("id", patient)
                .update();
        assertThat(http.send("PUT", "/api/v1/patients/" + patient + "/intake", doctor, IntakeIT.intake("\"NO\"", "[]"),
                Map.of()).statusCode()).isLessThan(300);
        fixture.consent(patient, org.paris(), org.id(), "MESOTHERAPY");
        LocalDate monday = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(8)
                .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        appointment = SchedulingIT.id(http.send("POST", "/api/v1/appointments", doctor, "{\"clinicId\":" + org.paris()
                + ",\"patientId\":" + patient + ",\"practitionerId\":" + doctorId + ",\"typeCode\":\"MESOTHERAPY\","
                + "\"start\":\"" + monday + "T10:00\"}", Map.of()));
        formula = Long.parseLong(http.send("POST", "/api/v1/patients/" + patient + "/formulas", doctor,
                "{\"formula\":" + FormularyIT.formula("BIOTIN") + "}", Map.of()).body()
                .replaceAll("^\\{\"formula\":\\{\"id\":(\\d+),.*", "$1"));
        long product = SchedulingIT.id(http.send("POST", "/api/v1/products", admin, "{\"sku\":\"S-" + org.suffix()
                + "\",\"name\":\"Biotin vial\",\"manufacturer\":\"Lab\",\"form\":\"VIAL\",\"purpose\":\"INJECTION\","
                + "\"cost\":1,\"vatRate\":20,\"currency\":\"EUR\"}", Map.of()));
        lot = SchedulingIT.id(http.send("POST", "/api/v1/lots", admin, "{\"clinicId\":" + org.paris()
                + ",\"productId\":" + product + ",\"lotNumber\":\"B-1\",\"expiry\":\"" + LocalDate.now().plusYears(1)
                + "\",\"quantity\":10}", Map.of()));
    }

    @Test
    void aWholeSessionUsesTheLotsOnceAndIsLockedOnceSigned() {
        HttpResponse<String> started = start("NO", null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        long session = sessionId(started);
        assertThat(start("NO", null).statusCode()).as("a retry finds the same session").isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM sessions_session WHERE appointment_id = :a").param("a", appointment)
                .query(Long.class).single()).isEqualTo(1);

        HttpResponse<String> charted = chart(session, 0, "5", "[{\"zone\":\"VERTEX\",\"points\":30,\"volumeMl\":1.5},"
                + "{\"zone\":\"FRONTAL\",\"points\":20,\"volumeMl\":0.5}]", "[{\"lotId\":" + lot + ",\"quantity\":2}]");
        assertThat(charted.statusCode()).as(charted.body()).isEqualTo(200);
        assertThat(charted.body()).contains("Depth 5 mm: scalp injections stay under 4 mm", "\"totalPoints\":50",
                "\"totalVolumeMl\":2.0");

        assertThat(staleMarks()).as("nothing the cohort facts read has changed yet").isZero();
        HttpResponse<String> signed = sign(session, 1);
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(signed.body()).contains("\"status\":\"SIGNED\"");
        assertThat(staleMarks()).as("the signing marks the patient's cohort facts stale").isPositive();
        // The aftercare email goes now, not at the booked end, once the signing has committed; the sheet is there
        // as a PDF.
        await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.sql("""
                        SELECT status || ' ' || (send_after <= now()) FROM messaging_message
                        WHERE appointment_id = :a AND kind = 'AFTERCARE' ORDER BY id""").param("a", appointment)
                        .query(String.class).list()).containsExactly("CANCELLED false", "QUEUED true"));
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                .query(Long.class).single()).as("the event is done with").isZero();
        // The email's read of the patient is the application's own, and audited as such.
        await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
                SELECT actor FROM security_audit_entry
                WHERE record_type = 'patient' AND record_id = :p AND detail = 'care message'""")
                .param("p", String.valueOf(patient)).query(String.class).list()).containsExactly("(follicle)"));
        HttpResponse<String> sheet = http.get("/api/v1/sessions/" + session + "/aftercare.pdf", doctor);
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.body()).startsWith("%PDF");
        assertThat(stock()).isEqualTo(8);
        expect(sign(session, 2), 422, "signed and locked");
        expect(chart(session, 2, "2", "[{\"zone\":\"VERTEX\",\"points\":1,\"volumeMl\":1}]", "[]"), 422,
                "signed and locked");
        assertThat(stock()).as("signing again used nothing").isEqualTo(8);
        assertThat(jdbc.sql("SELECT status FROM scheduling_appointment WHERE id = :a").param("a", appointment)
                .query(String.class).single()).isEqualTo("ATTENDED");
        assertThat(http.get("/api/v1/patients/" + patient + "/lots", doctor).body()).contains("B-1");

        HttpResponse<String> addendum = http.send("POST", "/api/v1/sessions/" + session + "/addenda", doctor,
                "{\"text\":\"Vertex volume was 1.2 mL, not 1.5\",\"reason\":\"Typing error\"}", Map.of());
        assertThat(addendum.statusCode()).isEqualTo(201);
        assertThat(http.get("/api/v1/sessions/" + session, doctor).body()).contains("Typing error", "\"volumeMl\":1.5");
        assertThatThrownBy(() -> jdbc.sql("UPDATE sessions_session SET chart = '{}' WHERE id = :id")
                .param("id", session).update()).hasMessageContaining("is signed");
    }

    @Test
    void aPossiblePregnancyStopsTheSessionUnlessThePractitionerGivesAReason() {
        jdbc.sql("UPDATE patients_patient SET sex = 'FEMALE' WHERE id = :id").param("id", patient).update();
        expect(start("YES", null), 422, "A practitioner may treat anyway, with a reason");
        assertThat(jdbc.sql("SELECT count(*) FROM intake_form WHERE patient_id = :p").param("p", patient)
                .query(Long.class).single()).as("the pre-check is a new version of the intake").isEqualTo(2);
        expect(start("YES", "short"), 422, "at least 10 characters");
        HttpResponse<String> overridden = start("YES", "Negative pregnancy test this morning");
        assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(201);
        assertThat(overridden.body()).contains("\"screeningDecision\":\"NOT_ELIGIBLE\"",
                "Negative pregnancy test this morning");
    }

    @Test
    void anOverrideGivenOnTheChartLastsThroughThePrecheckThatLeavesItsFindingsUnchanged() {
        assertThat(http.send("PUT", "/api/v1/patients/" + patient + "/intake", doctor, IntakeIT.intake("\"NO\"", "[]")
                .replace("\"bleedingDisorder\":\"NO\"", "\"bleedingDisorder\":\"YES\""), Map.of()).statusCode())
                .isLessThan(300);
        HttpResponse<String> overridden = http.send("POST", "/api/v1/patients/" + patient
                + "/screening/MESOTHERAPY/review", doctor, "{\"kind\":\"OVERRIDE\",\"reason\":\"Mild von Willebrand, "
                + "haematologist agrees to microneedling\"}", Map.of());
        assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(200);
        HttpResponse<String> started = http.send("POST", "/api/v1/sessions", doctor, "{\"appointmentId\":"
                + appointment + ",\"modality\":\"MECHANICAL\",\"precheck\":" + PRECHECK.formatted("NO") + "}",
                Map.of());
        assertThat(started.statusCode()).as("the pre-check amends the intake, the override still stands: "
                + started.body()).isEqualTo(201);
        assertThat(started.body()).contains("\"screeningDecision\":\"NOT_ELIGIBLE\"");
    }

    @Test
    void noSessionWithoutAValidConsent() {
        jdbc.sql("UPDATE intake_consent SET withdrawn_at = now(), withdrawal_reason = 'test' WHERE patient_id = :p")
                .param("p", patient).update();
        expect(start("NO", null), 422, "no valid MESOTHERAPY consent");
        assertThat(jdbc.sql("SELECT count(*) FROM sessions_session WHERE patient_id = :p").param("p", patient)
                .query(Long.class).single()).isZero();
    }

    @Test
    void badChartsAreRefusedClearlyAndNothingIsSaved() {
        long session = sessionId(start("NO", null));
        expect(chart(session, 0, "2", "[{\"zone\":\"VERTEX\",\"points\":10,\"volumeMl\":-1}]", "[]"), 400,
                "A volume cannot be negative");
        expect(chart(session, 0, "12", "[{\"zone\":\"VERTEX\",\"points\":10,\"volumeMl\":1}]", "[]"), 400,
                "Depth is between 0.1 and 10 mm");
        expect(chart(session, 0, "2", "[{\"zone\":\"EARLOBE\",\"points\":10,\"volumeMl\":1}]", "[]"), 422,
                "Unknown zone of the scalp map: EARLOBE");
        expect(chart(session, 5, "2", "[{\"zone\":\"VERTEX\",\"points\":10,\"volumeMl\":1}]", "[]"), 412, "");
        assertThat(http.get("/api/v1/sessions/" + session, doctor).body()).contains("\"chart\":{}");
    }

    @Test
    void signingNeedsLotsAndRefusesAnExpiredOneUsingNothing() {
        long session = sessionId(start("NO", null));
        assertThat(chart(session, 0, "2", "[{\"zone\":\"VERTEX\",\"points\":10,\"volumeMl\":1}]", "[]").statusCode())
                .isEqualTo(200);
        expect(sign(session, 1), 422, "Give the lots used before signing");
        jdbc.sql("UPDATE formulary_lot SET expiry = :d WHERE id = :id").param("d", LocalDate.now().minusDays(3))
                .param("id", lot).update();
        assertThat(chart(session, 1, "2", "[{\"zone\":\"VERTEX\",\"points\":10,\"volumeMl\":1}]",
                "[{\"lotId\":" + lot + ",\"quantity\":1}]").statusCode()).isEqualTo(200);
        expect(sign(session, 2), 422, "expired");
        assertThat(stock()).isEqualTo(10);
        assertThat(http.get("/api/v1/sessions/" + session, doctor).body()).contains("\"status\":\"OPEN\"");
        // The appointment is marked attended and its aftercare queued before the lots are used: a refused signing
        // takes them back with the rest.
        assertThat(jdbc.sql("SELECT status FROM scheduling_appointment WHERE id = :a").param("a", appointment)
                .query(String.class).single()).isNotEqualTo("ATTENDED");
        // The audit log says what happened: the appointment was not marked attended, the attempt failed.
        assertThat(jdbc.sql("""
                SELECT outcome || ' ' || detail FROM security_audit_entry
                WHERE record_type = 'appointment' AND record_id = :a AND action = 'UPDATE' ORDER BY seq""")
                .param("a", String.valueOf(appointment)).query(String.class).list())
                .containsExactly("FAILURE rolled back: ATTENDED");
        assertThat(jdbc.sql("""
                SELECT status || ' ' || (send_after <= now()) FROM messaging_message
                WHERE appointment_id = :a AND kind = 'AFTERCARE' ORDER BY id""").param("a", appointment)
                .query(String.class).list()).as("the booked aftercare only").containsExactly("QUEUED false");
        assertThat(staleMarks()).as("a refused signing marks nothing").isZero();
    }

    @Test
    void anAdverseEventLeadsToItsLotsRecallAndIsAmendedWithHistory() {
        long session = sessionId(start("NO", null));
        chart(session, 0, "2", "[{\"zone\":\"VERTEX\",\"points\":10,\"volumeMl\":1}]",
                "[{\"lotId\":" + lot + ",\"quantity\":1}]");
        assertThat(sign(session, 1).statusCode()).isEqualTo(200);
        String event = "{\"clinicId\":" + org.paris() + ",\"patientId\":" + patient + ",\"sessionId\":" + session
                + ",\"kind\":\"INFECTION\",\"onsetOn\":\"" + LocalDate.now() + "\",\"severity\":\"SERIOUS\","
                + "\"relation\":\"PROBABLE\",\"actionTaken\":\"Antibiotics\",\"outcome\":\"ONGOING\"%s}";
        expect(http.send("POST", "/api/v1/adverse-events", doctor, event.formatted(",\"followUpOn\":\""
                + LocalDate.now().minusDays(2) + "\""), Map.of()), 422, "The follow-up is before the onset");
        expect(http.send("POST", "/api/v1/adverse-events", doctor, event.formatted("").replace("INFECTION", "SUNSTROKE"),
                Map.of()), 400, "kind");
        HttpResponse<String> recorded = http.send("POST", "/api/v1/adverse-events", doctor, event.formatted(""), Map.of());
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.body()).contains("/formulary/lots/" + lot + "#recall");
        long id = Long.parseLong(recorded.body().replaceAll("^\\{\"event\":\\{\"id\":(\\d+),.*", "$1"));
        assertThat(http.get("/api/v1/adverse-events?clinic=" + org.paris() + "&severity=SERIOUS", doctor).body())
                .contains("\"id\":" + id);
        assertThat(http.get("/api/v1/adverse-events?clinic=" + org.paris() + "&severity=MILD", doctor).body())
                .doesNotContain("\"id\":" + id);
        HttpResponse<String> resolved = http.send("PUT", "/api/v1/adverse-events/" + id, doctor,
                event.formatted("").replace("ONGOING", "RESOLVED"), Map.of("If-Match", "\"0\""));
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT snapshot ->> 'outcome' FROM sessions_adverse_event_revision WHERE event_id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("ONGOING");
        expect(http.send("PUT", "/api/v1/adverse-events/" + id, doctor, event.formatted(""),
                Map.of("If-Match", "\"0\"")), 412, "");
        long due = Long.parseLong(http.send("POST", "/api/v1/adverse-events", doctor, event.formatted(
                ",\"followUpOn\":\"" + LocalDate.now() + "\""), Map.of()).body()
                .replaceAll("^\\{\"event\":\\{\"id\":(\\d+),.*", "$1"));
        assertThat(http.get("/api/v1/adverse-events?clinic=" + org.paris() + "&followUpDue=true", doctor).body())
                .contains("\"id\":" + due).doesNotContain("\"id\":" + id + ",");
    }

    @Test
    void theChartNamesThePatientsOwnPhotosOnly() {
        fixture.consent(patient, org.paris(), org.id(), "PHOTOGRAPHY");
        long photo = SchedulingIT.id(http.upload("/api/v1/patients/" + patient + "/photos", doctor,
                Map.of("view", "TOP"), "top.png", Photos.png()));
        long other = fixture.patient(org, org.paris(), "Autre", "Anne");
        fixture.consent(other, org.paris(), org.id(), "PHOTOGRAPHY");
        long otherPhoto = SchedulingIT.id(http.upload("/api/v1/patients/" + other + "/photos", doctor,
                Map.of("view", "TOP"), "top.png", Photos.png()));
        long session = sessionId(start("NO", null));
        String chart = "{\"technique\":\"NAPPAGE\",\"photoIds\":[%d]}";
        expect(http.send("PUT", "/api/v1/sessions/" + session, doctor, chart.formatted(otherPhoto),
                Map.of("If-Match", "\"0\"")), 422, "is not one of this patient's");
        HttpResponse<String> saved = http.send("PUT", "/api/v1/sessions/" + session, doctor, chart.formatted(photo),
                Map.of("If-Match", "\"0\""));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("\"photoIds\":[" + photo + "]");
    }

    private HttpResponse<String> start(String pregnancy, String overrideReason) {
        return http.send("POST", "/api/v1/sessions", doctor, "{\"appointmentId\":" + appointment
                + ",\"modality\":\"CHEMICAL\",\"formulaId\":" + formula + ",\"precheck\":"
                + PRECHECK.formatted(pregnancy) + (overrideReason == null ? "" : ",\"overrideReason\":\""
                        + overrideReason + "\"") + "}", Map.of());
    }

    private HttpResponse<String> chart(long session, int version, String depth, String zones, String lots) {
        return http.send("PUT", "/api/v1/sessions/" + session, doctor, "{\"technique\":\"NAPPAGE\",\"needleGauge\":30,"
                + "\"needleLengthMm\":4,\"depthMm\":" + depth + ",\"zones\":" + zones + ",\"durationMinutes\":20,"
                + "\"pain\":3,\"lots\":" + lots + "}", Map.of("If-Match", "\"" + version + "\""));
    }

    private HttpResponse<String> sign(long session, int version) {
        return http.send("POST", "/api/v1/sessions/" + session + "/sign", doctor, null,
                Map.of("If-Match", "\"" + version + "\""));
    }

    private int stock() {
        return jdbc.sql("SELECT quantity FROM formulary_stock WHERE lot_id = :lot AND clinic_id = :clinic")
                .param("lot", lot).param("clinic", org.paris()).query(Integer.class).single();
    }

    private static long sessionId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return Long.parseLong(response.body().replaceAll("^\\{\"session\":\\{\"id\":(\\d+),.*", "$1"));
    }

    private long staleMarks() {
        return jdbc.sql("SELECT count(*) FROM outcomes_stale WHERE patient_id = :p").param("p", patient)
                .query(Long.class).single();
    }
}
