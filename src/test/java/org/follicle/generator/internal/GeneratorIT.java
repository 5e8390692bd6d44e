package org.follicle.generator.internal;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.follicle.support.FhirConformance;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generator at its small scale, in the suite's database (another organisation: nobody else's records change),
 * then what the load simulation does with it, through the real API and login: a receptionist's search, a
 * practitioner's session started, charted and signed from a booked visit, a director's cohort report.
 */
@FollicleIntegrationTest
class GeneratorIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    org.follicle.billing.SalesHistory sales;

    @Test
    void generatesAnOrganisationTheClinicDaySimulationCanWorkOn() throws Exception {
        OrganisationGenerator generator = new OrganisationGenerator(dataSource, encoder, sales);
        OrganisationGenerator.Generated generated = generator.generate(Scale.SMALL, 0.42);
        long org = generated.organisationId();

        Map<String, Long> counts = generated.counts();
        assertThat(counts).containsEntry("clinics_clinic", 2L).containsEntry("patients_patient", 2_000L)
                .containsEntry("security_staff", 35L);
        // About five sessions a patient, two movements a mesotherapy session, two assessments a reviewed course.
        assertThat(counts.get("sessions_session")).isBetween(9_000L, 14_000L);
        assertThat(counts.get("formulary_stock_movement")).isBetween(15_000L, 28_000L);
        assertThat(counts.get("diagnosis_assessment")).isBetween(3_000L, 4_500L);
        assertThat(counts.get("outcomes_follow_up")).isBetween(1_200L, 2_000L);
        // The organisation's cohort facts filled as a refresh computes them, its bulk loads leaving no mark behind.
        assertThat(jdbc.sql("SELECT count(*) FROM outcomes_course_fact WHERE organisation_id = :org").param("org", org)
                .query(Long.class).single()).isEqualTo(jdbc.sql("""
                        SELECT count(*) FROM plans_plan WHERE organisation_id = :org AND status <> 'PROPOSED'""")
                        .param("org", org).query(Long.class).single());
        assertThat(jdbc.sql("""
                SELECT count(*) FROM (SELECT * FROM outcomes_lot_source WHERE organisation_id = :org
                                      EXCEPT ALL SELECT * FROM outcomes_lot_fact WHERE organisation_id = :org) missing""")
                .param("org", org).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM outcomes_stale s JOIN patients_patient p ON p.id = s.patient_id
                WHERE p.organisation_id = :org""").param("org", org).query(Long.class).single()).isZero();
        // Every visit within the clinic's hours, on a weekday; booked ones over the next three months at most.
        assertThat(jdbc.sql("""
                SELECT count(*) FROM scheduling_appointment a JOIN clinics_clinic c ON c.id = a.clinic_id
                WHERE a.organisation_id = :org AND ((a.starts_at AT TIME ZONE c.time_zone)::time < TIME '08:00'
                   OR (a.ends_at AT TIME ZONE c.time_zone)::time > TIME '20:00'
                   OR extract(isodow FROM a.starts_at AT TIME ZONE c.time_zone) > 5
                   OR (a.status = 'BOOKED' AND a.starts_at > now() + INTERVAL '92 days'))""")
                .param("org", org).query(Long.class).single()).isZero();
        // Each conditions at a plausible rate, names in the three languages.
        assertThat(jdbc.sql("""
                SELECT count(DISTINCT category) FROM diagnosis_diagnosis WHERE organisation_id = :org""")
                .param("org", org).query(Long.class).single()).isEqualTo(4L);
        assertThat(jdbc.sql("SELECT count(DISTINCT preferred_language) FROM patients_patient WHERE organisation_id = :org")
                .param("org", org).query(Long.class).single()).isEqualTo(3L);
        assertThatThrownBy(() -> generator.generate(Scale.SMALL, 0.42)).hasMessageContaining("already holds");
        // The last year's attended visits invoiced and paid, each clinic's sales records sealed in order.
        assertThat(counts.get("billing_invoice")).isEqualTo(jdbc.sql("""
                SELECT count(*) FROM scheduling_appointment WHERE organisation_id = :org AND status = 'ATTENDED'
                AND starts_at >= CAST(current_date - INTERVAL '1 year' AS DATE)
                AND starts_at < current_date""").param("org", org).query(Long.class).single()).isPositive()
                .isEqualTo(counts.get("billing_payment"));

        Http http = new Http(port);
        // A manager's sales records verify; the desk issues the next number and takes the card, as the clinic day does.
        Map<String, Object> desk = jdbc.sql("""
                SELECT r.clinic_id, min(s.username) FILTER (WHERE s.username LIKE '%.reception1') AS desk,
                    min(s.username) FILTER (WHERE s.username LIKE '%.manager1') AS manager,
                    (SELECT max(number) FROM billing_invoice i WHERE i.clinic_id = r.clinic_id) AS last,
                    (SELECT min(id) FROM patients_patient p WHERE p.clinic_id = r.clinic_id) AS patient
                FROM security_clinic_role r JOIN security_staff s ON s.id = r.staff_id
                WHERE s.organisation_id = :org GROUP BY r.clinic_id ORDER BY r.clinic_id LIMIT 1""")
                .param("org", org).query().singleRow();
        assertThat(http.get("/api/v1/clinics/" + desk.get("clinic_id") + "/sales-records/verification",
                "flc_load_" + desk.get("manager")).body()).startsWith("{\"intact\":true")
                .contains("{\"series\":\"INVOICE\",\"records\":" + desk.get("last") + ",\"intact\":true");
        String deskToken = "flc_load_" + desk.get("desk");
        HttpResponse<String> drafted = http.send("POST", "/api/v1/invoices", deskToken, "{\"clinicId\":"
                + desk.get("clinic_id") + ",\"patientId\":" + desk.get("patient") + ",\"lines\":[{\"description\":"
                + "\"Scalp mesotherapy\",\"quantity\":1,\"unitPrice\":180,\"vatCategory\":\"EXEMPT_MEDICAL\"}]}", Map.of());
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        String invoice = json.readTree(drafted.body()).get("id").asString();
        HttpResponse<String> issued = http.send("POST", "/api/v1/invoices/" + invoice + "/issue", deskToken, null,
                Map.of("If-Match", "\"1\""));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        assertThat(issued.body()).contains(String.format("\"number\":\"F-%06d\"", ((Number) desk.get("last")).longValue() + 1));
        assertThat(http.send("POST", "/api/v1/invoices/" + invoice + "/payments", deskToken,
                "{\"method\":\"CARD\",\"amount\":180}", Map.of()).statusCode()).isEqualTo(201);
        // Reception finds an accented name typed without its accents.
        Map<String, Object> accented = jdbc.sql("""
                SELECT p.family_name, p.family_key, s.username FROM patients_patient p
                JOIN security_clinic_role r ON r.clinic_id = p.clinic_id
                JOIN security_staff s ON s.id = r.staff_id AND s.username LIKE '%.reception1'
                WHERE p.organisation_id = :org AND p.family_name <> p.family_key AND p.family_name ~ '[áéíóúÁÉ]'
                ORDER BY p.id LIMIT 1""").param("org", org).query().singleRow();
        HttpResponse<String> found = http.get("/api/v1/patients?q=" + accented.get("family_key"),
                "flc_load_" + accented.get("username"));
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains((String) accented.get("family_name"));

        // A practitioner starts, charts and signs the next booked PRP visit; the clinic's kit lot goes down by one.
        Map<String, Object> visit = jdbc.sql("""
                SELECT a.id, s.username, k.lot_id, k.quantity FROM scheduling_appointment a
                JOIN security_staff s ON s.id = a.practitioner_id
                JOIN formulary_stock k ON k.clinic_id = a.clinic_id
                JOIN formulary_lot l ON l.id = k.lot_id AND l.expiry > current_date
                JOIN formulary_product pr ON pr.id = l.product_id AND pr.sku = 'PRP-KIT'
                WHERE a.organisation_id = :org AND a.status = 'BOOKED' AND a.type_code = 'PRP'
                ORDER BY a.starts_at, l.expiry LIMIT 1""").param("org", org).query().singleRow();
        String practitioner = "flc_load_" + visit.get("username");
        HttpResponse<String> started = http.send("POST", "/api/v1/sessions", practitioner, """
                {"appointmentId": %s, "modality": "PRP", "precheck": {"pregnancy": "NO", "fever": "NO",
                 "scalpToday": {"infection": "NO", "inflammation": "NO", "openWound": "NO", "sunburn": "NO",
                 "psoriasisOrDermatitis": "NO"}, "newMedicines": []}}""".formatted(visit.get("id")), Map.of());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode session = json.readTree(started.body()).get("session");
        HttpResponse<String> charted = http.send("PUT", "/api/v1/sessions/" + session.get("id").asLong(), practitioner, """
                {"technique": "POINT_BY_POINT", "needleGauge": 30, "depthMm": 1.5,
                 "zones": [{"zone": "FRONTAL", "points": 40, "volumeMl": 2.0}], "durationMinutes": 45,
                 "lots": [{"lotId": %s, "quantity": 1}]}""".formatted(visit.get("lot_id")),
                Map.of("If-Match", started.headers().firstValue("ETag").orElseThrow()));
        assertThat(charted.statusCode()).as(charted.body()).isEqualTo(200);
        HttpResponse<String> signed = http.send("POST", "/api/v1/sessions/" + session.get("id").asLong() + "/sign",
                practitioner, null, Map.of("If-Match", charted.headers().firstValue("ETag").orElseThrow()));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT quantity FROM formulary_stock WHERE lot_id = :lot AND clinic_id = (SELECT clinic_id "
                + "FROM scheduling_appointment WHERE id = :visit)").param("lot", visit.get("lot_id"))
                .param("visit", visit.get("id")).query(Integer.class).single())
                .isEqualTo(((Number) visit.get("quantity")).intValue() - 1);

        // Staff sign in on the login page with the documented password and open a chart with years of history.
        Http browser = new Http(port);
        assertThat(browser.signIn((String) visit.get("username"), OrganisationGenerator.PASSWORD).headers()
                .firstValue("Location").orElse("")).doesNotContain("error");
        long longHistory = jdbc.sql("""
                SELECT p.patient_id FROM plans_plan p JOIN scheduling_appointment a ON a.id = :visit
                WHERE p.clinic_id = a.clinic_id AND p.starts_on < current_date - 1000 ORDER BY p.id LIMIT 1""")
                .param("visit", visit.get("id")).query(Long.class).single();
        assertThat(browser.page("/patients/" + longHistory).statusCode()).isEqualTo(200);

        // The director's cohort report covers the generated courses.
        JsonNode report = json.readTree(http.get("/api/v1/analytics/cohorts", "flc_load_load.director").body());
        assertThat(report.toString()).contains("\"empty\":false");

        // Every resource the FHIR API gives about the practitioner's clinic's patients with the longest histories
        // validates without an error.
        FhirConformance fhir = new FhirConformance(port, practitioner);
        List<Long> patients = jdbc.sql("""
                SELECT p.patient_id FROM plans_plan p JOIN scheduling_appointment a ON a.id = :visit
                WHERE p.clinic_id = a.clinic_id ORDER BY p.starts_on, p.id LIMIT 8""")
                .param("visit", visit.get("id")).query(Long.class).list();
        List<String> errors = new java.util.ArrayList<>();
        fhir.crawl(patients).forEach(resource -> errors.addAll(fhir.errors(resource)));
        assertThat(errors).isEmpty();
    }

    @Test
    void refusesASeedOutsideWhatPostgreSqlAccepts() {
        assertThatThrownBy(() -> new OrganisationGenerator(dataSource, encoder, sales).generate(Scale.SMALL, 42))
                .hasMessageContaining("from -1 to 1");
    }

    @Test
    void aHealthyIntakeAnswersEverySafetyQuestionNo() {
        assertThat(OrganisationGenerator.healthyIntake()).contains("\"pregnancy\":\"NO\"").contains("\"medications\":[]")
                .doesNotContain("YES");
    }
}
