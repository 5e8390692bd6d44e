package org.follicle;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.follicle.SchedulingIT.expect;

/**
 * Follow-up visits at a course's milestones (gaps, the practitioner's photographic rating, one per milestone,
 * voided and recorded again) and the cohort report over courses whose figures are worked out by hand below.
 */
@FollicleIntegrationTest
class CohortsIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    Http http;

    Organisation org;

    StaffFixture.Staff doc;

    String doctor;

    String assistant;

    String manager;

    LocalDate start;

    long product;

    int slot;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        org = fixture.organisation();
        doc = fixture.staff(org, "doctor", Map.of(org.paris(), Role.PRACTITIONER));
        doctor = fixture.token(doc);
        assistant = fixture.token(fixture.staff(org, "assistant", Map.of(org.paris(), Role.ASSISTANT)));
        manager = fixture.token(fixture.staff(org, "manager", Map.of(org.paris(), Role.ADMIN)));
        // Courses that began seven months ago, so their 6-month review is behind us.
        start = LocalDate.now(ZoneOffset.UTC).minusMonths(7);
        for (var type : List.of(List.of("MESOTHERAPY", "180"), List.of("PRP", "450"))) {
            jdbc.sql("""
                    INSERT INTO scheduling_appointment_type (organisation_id, code, duration_minutes, treatment, price)
                    VALUES (:org, :code, 30, TRUE, :price)
                    ON CONFLICT (organisation_id, code) DO UPDATE SET price = EXCLUDED.price""")
                    .param("org", org.id()).param("code", type.get(0)).param("price", new java.math.BigDecimal(type.get(1)))
                    .update();
        }
        product = jdbc.sql("""
                INSERT INTO formulary_product (organisation_id, sku, name, manufacturer, form, purpose, cost, vat_rate,
                    currency, created_at, created_by)
                VALUES (:org, 'DUT-1', 'Dutasteride vial', 'Lab', 'VIAL', 'INJECTION', 10, 20, 'EUR', now(), 'test')
                RETURNING id""").param("org", org.id()).query(Long.class).single();
    }

    @Test
    void aFollowUpShowsWhatTheProtocolAskedForAndNotMeasuredAsGaps() {
        long patient = fixture.patient(org, org.paris(), "Suivi", "Sam");
        long plan = course(patient, "MESO_AGA", "ACTIVE", 0, null);
        // No trichoscopy before the course: the change cannot be computed, and the visit says so.
        long assessment = assess(patient, start.plusMonths(6), 44);
        HttpResponse<String> recorded = followUp(doctor, patient, plan, "P6M", start.plusMonths(6),
                "\"assessmentId\":" + assessment);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.body()).contains("\"code\":\"PHOTOS\"", "\"code\":\"SATISFACTION\"",
                "\"code\":\"GLOBAL_PHOTO\"", "\"code\":\"BASELINE\"", "\"code\":\"SITES\",\"detail\":\"FRONTAL, OCCIPITAL\"")
                .doesNotContain("\"code\":\"TRICHOSCOPY\"");
        // One follow-up per milestone; voided with a reason, the milestone can be recorded again.
        expect(followUp(doctor, patient, plan, "P6M", start.plusMonths(6), ""), 422, "already recorded");
        long id = json.readTree(recorded.body()).path("followUp").path("id").asLong();
        expect(http.send("POST", "/api/v1/follow-ups/" + id + "/void", doctor, "{\"reason\":\"no\"}", Map.of()), 422,
                "reason");
        assertThat(http.send("POST", "/api/v1/follow-ups/" + id + "/void", doctor,
                "{\"reason\":\"Wrong milestone chosen\"}", Map.of()).statusCode()).isEqualTo(200);
        assertThat(followUp(doctor, patient, plan, "P6M", start.plusMonths(6), satisfaction(2)).statusCode())
                .isEqualTo(201);
        String milestones = http.get("/api/v1/patients/" + patient + "/follow-ups", assistant).body();
        assertThat(milestones).contains("\"milestone\":\"P2M\"", "\"milestone\":\"P4M\"", "\"satisfactionScore\":2.00");
    }

    @Test
    void badFollowUpsAreRefusedWithTheirReason() {
        long patient = fixture.patient(org, org.paris(), "Refus", "Rita");
        long plan = course(patient, "MESO_AGA", "ACTIVE", 0, null);
        LocalDate day = start.plusMonths(6);
        expect(followUp(doctor, patient, plan, "P5M", day, ""), 422, "no such review");
        expect(followUp(doctor, patient, plan, "P6M", LocalDate.now(ZoneOffset.UTC).plusDays(2), ""), 422, "future");
        expect(followUp(doctor, patient, plan, "P6M", start.minusDays(1), ""), 422, "before the course");
        expect(followUp(doctor, patient, plan, "P6M", day, "\"globalScore\":2"), 422, "two different photos");
        expect(followUp(assistant, patient, plan, "P6M", day, "\"globalScore\":2"), 403, "");
        expect(followUp(doctor, patient, plan, "P6M", day, "\"globalScore\":5"), 400, "globalScore");
        expect(followUp(doctor, patient, plan, "P6M", day, "\"satisfaction\":{\"GROWTH\":1}"), 422, "every question");
        expect(followUp(doctor, patient, plan, "P6M", day, "\"satisfaction\":{\"HAPPINESS\":1}"), 400, "satisfaction");
        expect(followUp(doctor, patient, plan, "P6M", day, "\"adverseEvents\":\"REPORTED\""), 422, "reported");
        long other = fixture.patient(org, org.paris(), "Autre", "Alex");
        long photo = jdbc.sql("""
                INSERT INTO diagnosis_photo (organisation_id, clinic_id, patient_id, view, taken_on, image_key,
                    thumbnail_key, content_type, width, height, taken_by, uploaded_at)
                VALUES (:org, :clinic, :patient, 'TOP', CURRENT_DATE, repeat('a', 64), repeat('b', 64), 'image/jpeg',
                    10, 10, 'test', now()) RETURNING id""").param("org", org.id()).param("clinic", org.paris())
                .param("patient", other).query(Long.class).single();
        expect(followUp(doctor, patient, plan, "P6M", day, "\"currentPhotoId\":" + photo), 422, "not one of the patient");
        String madrid = fixture.token(fixture.staff(org, "madrid", Map.of(org.madrid(), Role.PRACTITIONER)));
        expect(followUp(madrid, patient, plan, "P6M", day, ""), 404, "");
        assertThat(jdbc.sql("SELECT count(*) FROM outcomes_follow_up WHERE patient_id = :p").param("p", patient)
                .query(Long.class).single()).isZero();
    }

    /**
     * Six mesotherapy courses and three PRP courses, worked by hand. Mesotherapy: vertex 40 hairs in 0.25 cm²
     * (160/cm²) at baseline, then 44, 46, 40, 48, 42, 44 at 6 months: +10, +15, 0, +20, +5, +10% (+16, +24, 0,
     * +32, +8, +16 hairs/cm²). Responders at +10%: 4 of 6, Wilson 95% 0.3000 to 0.9032. Mean change 16, sd
     * sqrt(640 / 5) = 11.3137, t(5) = 2.5706, half-width 11.8731: 4.1269 to 27.8731. Satisfied: 4 of 6. Five
     * courses completed with 8 sessions, one stopped after 3: 43 of 48 sessions (89.6%), drop-out 1 of 6. Two
     * adverse events in 43 sessions: 46.5 per 1,000; lot M-2 (the second patient's 8 sessions) 1 in 8: 125.0; lot
     * M-1 1 in 35: 28.6. Cost per responder 43 x 180 / 4 = 1935.00. PRP: +20, +5, +25%: 2 of 3, too few patients
     * to conclude; 9 x 450 / 2 = 2025.00.
     */
    @Test
    void theCohortReportComparesMesotherapyAndPrpWithHandWorkedFigures() {
        int[] meso = { 44, 46, 40, 48, 42, 44 };
        for (int i = 0; i < meso.length; i++) {
            long patient = fixture.patient(org, org.paris(), "Meso" + i, "M");
            long plan = course(patient, "MESO_AGA", i == 5 ? "STOPPED" : "COMPLETED", i == 5 ? 3 : 8,
                    i == 1 ? "M-2" : "M-1");
            if (i < 2) {
                adverseEvent(patient, plan);
            }
            measuredAtSixMonths(patient, plan, meso[i], i < 4 ? 2 : 0);
        }
        int[] prp = { 48, 42, 50 };
        for (int i = 0; i < prp.length; i++) {
            long patient = fixture.patient(org, org.paris(), "Prp" + i, "P");
            long plan = course(patient, "PRP", "COMPLETED", 3, "P-1");
            measuredAtSixMonths(patient, plan, prp[i], 1);
        }
        assertThat(http.send("POST", "/api/v1/analytics/cohorts/refresh", manager, "", Map.of()).statusCode())
                .isEqualTo(200);

        HttpResponse<String> response = http.get("/api/v1/analytics/cohorts?compareBy=TREATMENT", manager);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = json.readTree(response.body());
        JsonNode mesotherapy = group(report, "MESOTHERAPY");
        assertThat(mesotherapy.path("courses").asInt()).isEqualTo(6);
        assertThat(mesotherapy.path("conclusive").asBoolean()).isTrue();
        assertThat(mesotherapy.path("responders").path("count").asInt()).isEqualTo(4);
        assertThat(mesotherapy.path("responders").path("low").asDouble()).isCloseTo(0.3000, within(1e-4));
        assertThat(mesotherapy.path("responders").path("high").asDouble()).isCloseTo(0.9032, within(1e-4));
        assertThat(mesotherapy.path("densityChange").path("mean").asDouble()).isCloseTo(16.0, within(1e-6));
        assertThat(mesotherapy.path("densityChange").path("low").asDouble()).isCloseTo(4.1269, within(1e-3));
        assertThat(mesotherapy.path("densityChange").path("high").asDouble()).isCloseTo(27.8731, within(1e-3));
        assertThat(mesotherapy.path("satisfied").path("count").asInt()).isEqualTo(4);
        assertThat(mesotherapy.path("adherencePercent").asDouble()).isEqualTo(89.6);
        assertThat(mesotherapy.path("dropOut").path("count").asInt()).isEqualTo(1);
        assertThat(mesotherapy.path("adverseEventsPer1000").asDouble()).isEqualTo(46.5);
        assertThat(mesotherapy.path("costPerResponder").asDouble()).isEqualTo(1935.00);
        JsonNode platelets = group(report, "PRP");
        assertThat(platelets.path("responders").path("count").asInt()).isEqualTo(2);
        assertThat(platelets.path("conclusive").asBoolean()).isFalse();
        assertThat(platelets.path("costPerResponder").asDouble()).isEqualTo(2025.00);
        assertThat(report.path("total").path("courses").asInt()).isEqualTo(9);
        assertThat(response.body()).contains(
                "{\"product\":\"Dutasteride vial\",\"lot\":null,\"sessions\":52,\"adverseEvents\":2,\"per1000\":38.5}",
                "{\"product\":\"Dutasteride vial\",\"lot\":\"M-1\",\"sessions\":35,\"adverseEvents\":1,\"per1000\":28.6}",
                "{\"product\":\"Dutasteride vial\",\"lot\":\"M-2\",\"sessions\":8,\"adverseEvents\":1,\"per1000\":125.0}");

        // A responder as a photographic score: nobody was rated, so nobody is assessed.
        JsonNode photo = json.readTree(http.get("/api/v1/analytics/cohorts?responder=PHOTO&threshold=1", manager).body());
        assertThat(group(photo, "MESOTHERAPY").path("responders").isNull()).isTrue();
        // Filters narrow the cohort; one that matches nothing is an empty report, not an error.
        assertThat(http.get("/api/v1/analytics/cohorts?protocol=PRP", manager).body()).contains("\"courses\":3");
        assertThat(http.get("/api/v1/analytics/cohorts?ageBand=UNDER_30", manager).body())
                .contains("\"groups\":[]", "\"total\":null", "\"empty\":true");
        HttpResponse<String> csv = http.get("/api/v1/analytics/cohorts.csv?compareBy=TREATMENT", manager);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("Treatment,Courses,Patients,").contains(
                "Mesotherapy,6,6,true,6,4,66.7,30.0,90.3,16.0,4.1,27.9,10.0,66.7,1.33,89.6,16.7,43,2,46.5,1935.00,EUR",
                "All courses,9,9,", "Dutasteride vial,M-2,8,1,125.0");
    }

    /**
     * A report is computed once per refresh of the facts (CohortReports): the same question is answered the same
     * until the next refresh, which the next report then sees; another clinic's manager asking the same question
     * gets their own clinic's answer, never the one computed for Paris.
     */
    @Test
    void aReportIsTheSameUntilTheFactsAreRefreshedAndEachClinicHasItsOwn() {
        course(fixture.patient(org, org.paris(), "Avant", "Anna"), "PRP", "COMPLETED", 3, "P-1");
        refresh();
        JsonNode first = json.readTree(http.get("/api/v1/analytics/cohorts", manager).body());
        assertThat(first.path("total").path("courses").asInt()).isEqualTo(1);

        course(fixture.patient(org, org.paris(), "Apres", "Alba"), "PRP", "COMPLETED", 3, "P-1");
        JsonNode again = json.readTree(http.get("/api/v1/analytics/cohorts", manager).body());
        assertThat(again).isEqualTo(first);
        String madrid = fixture.token(fixture.staff(org, "madrid-manager", Map.of(org.madrid(), Role.ADMIN)));
        assertThat(http.get("/api/v1/analytics/cohorts", madrid).body()).contains("\"empty\":true");

        refresh();
        JsonNode refreshed = json.readTree(http.get("/api/v1/analytics/cohorts", manager).body());
        assertThat(refreshed.path("total").path("courses").asInt()).isEqualTo(2);
        assertThat(refreshed.path("asOf").asString()).isNotEqualTo(first.path("asOf").asString());
        assertThat(jdbc.sql("""
                SELECT count(*) FROM security_audit_entry
                WHERE organisation_id = :org AND record_type = 'cohort-report' AND action = 'READ'""")
                .param("org", org.id()).query(Long.class).single()).as("every report read is audited").isEqualTo(4);
    }

    /**
     * A cohort's lots are read once for all the ways it is compared (CohortReports): the same lots however the
     * report splits the courses, and never another cohort's, even when that one was asked first.
     */
    @Test
    void aCohortHasTheSameLotsHoweverItIsComparedAndNoOtherCohortsLots() {
        course(fixture.patient(org, org.paris(), "Lot", "Lena"), "PRP", "COMPLETED", 3, "P-1");
        course(fixture.patient(org, org.paris(), "Lot", "Luis"), "MESO_AGA", "COMPLETED", 2, "M-1");
        refresh();
        JsonNode whole = json.readTree(http.get("/api/v1/analytics/cohorts?compareBy=SEX", manager).body());
        assertThat(whole.path("lots").toString()).contains("\"P-1\"", "\"M-1\"");
        JsonNode platelets = json.readTree(http.get("/api/v1/analytics/cohorts?protocol=PRP&compareBy=SEX", manager)
                .body());
        assertThat(platelets.path("lots").toString()).contains("\"P-1\"").doesNotContain("\"M-1\"");

        JsonNode byClinic = json.readTree(http.get("/api/v1/analytics/cohorts?protocol=PRP&compareBy=CLINIC",
                manager).body());
        assertThat(byClinic.path("groups")).isNotEqualTo(platelets.path("groups"));
        assertThat(byClinic.path("lots")).isEqualTo(platelets.path("lots"));
        assertThat(json.readTree(http.get("/api/v1/analytics/cohorts?compareBy=TREATMENT&months=12", manager).body())
                .path("lots")).isEqualTo(whole.path("lots"));
    }

    /**
     * A patient is one patient in each group and in the total, however many courses (CohortReports: a group's
     * courses less the repeats, V18): one patient with two PRP courses and a mesotherapy course, another with one
     * PRP course.
     */
    @Test
    void aPatientWithSeveralCoursesCountsOnceInEachGroup() {
        long tess = fixture.patient(org, org.paris(), "Twice", "Tess");
        course(tess, "PRP", "COMPLETED", 1, "P-1");
        course(tess, "PRP", "COMPLETED", 1, "P-1");
        course(tess, "MESO_AGA", "COMPLETED", 1, "M-1");
        course(fixture.patient(org, org.paris(), "Once", "Olga"), "PRP", "COMPLETED", 1, "P-1");
        refresh();
        JsonNode report = json.readTree(http.get("/api/v1/analytics/cohorts?compareBy=TREATMENT", manager).body());
        assertThat(group(report, "PRP").path("courses").asInt()).isEqualTo(3);
        assertThat(group(report, "PRP").path("patients").asInt()).isEqualTo(2);
        assertThat(group(report, "MESOTHERAPY").path("patients").asInt()).isEqualTo(1);
        assertThat(report.path("total").path("courses").asInt()).isEqualTo(4);
        assertThat(report.path("total").path("patients").asInt()).isEqualTo(2);
        // Filtered down to one of her three courses, she is still one patient.
        JsonNode mesotherapy = json.readTree(
                http.get("/api/v1/analytics/cohorts?protocol=MESO_AGA", manager).body());
        assertThat(mesotherapy.path("total").path("courses").asInt()).isEqualTo(1);
        assertThat(mesotherapy.path("total").path("patients").asInt()).isEqualTo(1);
    }

    /**
     * A refresh recomputes the facts of the patients whose records changed since the last one (marked from the facts
     * each change publishes, StaleFacts), including those whose courses an appointment type's new price costs:
     * afterwards the facts are what the records say, for every organisation, and no mark is left.
     */
    @Test
    void aRefreshRecomputesThePatientsWhoseRecordsChangedAndTheFactsMatchTheRecords() {
        long anna = fixture.patient(org, org.paris(), "Stale", "Anna");
        long annaCourse = course(anna, "MESO_AGA", "COMPLETED", 3, "M-1");
        long bea = fixture.patient(org, org.paris(), "Stale", "Bea");
        long beaCourse = course(bea, "PRP", "COMPLETED", 2, "P-1");
        refresh();
        assertThat(marks()).isZero();
        assertThat(factsUnlikeTheRecords()).isZero();

        // An adverse event and a six-month review for one patient, the other's record voided.
        adverseEvent(anna, annaCourse);
        measuredAtSixMonths(anna, annaCourse, 48, 2);
        HttpResponse<String> voided = http.send("POST", "/api/v1/patients/" + bea + "/void", doctor,
                "{\"reason\":\"Duplicate record\"}", Map.of("If-Match", http.get("/api/v1/patients/" + bea, doctor)
                        .headers().firstValue("ETag").orElseThrow()));
        assertThat(voided.statusCode()).as(voided.body()).isEqualTo(200);
        assertThat(marks()).isPositive();
        assertThat(factsUnlikeTheRecords()).isPositive();
        refresh();
        assertThat(marks()).isZero();
        assertThat(factsUnlikeTheRecords()).isZero();
        assertThat(jdbc.sql("SELECT adverse_events FROM outcomes_course_fact WHERE plan_id = :plan")
                .param("plan", annaCourse).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM outcomes_milestone_fact WHERE plan_id = :plan")
                .param("plan", annaCourse).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM outcomes_course_fact WHERE plan_id = :plan")
                .param("plan", beaCourse).query(Long.class).single()).as("a voided patient's course").isZero();

        // A price is in the cost of every course of its type.
        int version = jdbc.sql("""
                SELECT version FROM scheduling_appointment_type WHERE organisation_id = :org AND code = 'MESOTHERAPY'""")
                .param("org", org.id()).query(Integer.class).single();
        HttpResponse<String> priced = http.send("PUT", "/api/v1/appointment-types/MESOTHERAPY", manager,
                "{\"durationMinutes\":30,\"minimumIntervalDays\":0,\"price\":200,\"currency\":\"EUR\"}",
                Map.of("If-Match", "\"" + version + "\""));
        assertThat(priced.statusCode()).as(priced.body()).isEqualTo(200);
        assertThat(factsUnlikeTheRecords()).isPositive();
        refresh();
        assertThat(factsUnlikeTheRecords()).isZero();
        assertThat(jdbc.sql("SELECT cost FROM outcomes_course_fact WHERE plan_id = :plan").param("plan", annaCourse)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("600");
    }

    private long marks() {
        return jdbc.sql("SELECT count(*) FROM outcomes_stale").query(Long.class).single();
    }

    /** The rows of the three facts that their definitions, computed from the records now, do not give, and back. */
    private long factsUnlikeTheRecords() {
        long unlike = 0;
        for (String facts : List.of("course", "milestone", "lot")) {
            unlike += jdbc.sql("""
                    SELECT count(*) FROM ((TABLE outcomes_%1$s_fact EXCEPT ALL TABLE outcomes_%1$s_source)
                        UNION ALL (TABLE outcomes_%1$s_source EXCEPT ALL TABLE outcomes_%1$s_fact)) unlike"""
                    .formatted(facts)).query(Long.class).single();
        }
        return unlike;
    }

    private void refresh() {
        assertThat(http.send("POST", "/api/v1/analytics/cohorts/refresh", manager, "", Map.of()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void impossibleFiltersAndUnauthorisedReadersAreRefused() {
        expect(http.get("/api/v1/analytics/cohorts?from=2026-06-01&to=2026-01-01", manager), 422, "ends before");
        expect(http.get("/api/v1/analytics/cohorts?responder=PHOTO&threshold=4", manager), 422, "between -3 and 3");
        expect(http.get("/api/v1/analytics/cohorts?months=0", manager), 422, "between 1 and 60");
        expect(http.get("/api/v1/analytics/cohorts?sex=ROBOT", manager), 400, "sex");
        expect(http.get("/api/v1/analytics/cohorts?from=yesterday", manager), 400, "from");
        expect(http.get("/api/v1/analytics/cohorts", assistant), 403, "");
        expect(http.get("/api/v1/analytics/cohorts?clinicId=" + org.madrid(), manager), 404, "");
        assertThat(http.get("/api/v1/analytics/cohorts", manager).body()).contains("\"empty\":true");
    }

    private JsonNode group(JsonNode report, String key) {
        for (JsonNode g : report.path("groups")) {
            if (g.path("key").asString("").equals(key)) {
                return g;
            }
        }
        throw new AssertionError("no group " + key + " in " + report);
    }

    private void measuredAtSixMonths(long patient, long plan, int hairs, int satisfaction) {
        assess(patient, start, 40);
        long later = assess(patient, start.plusMonths(6), hairs);
        HttpResponse<String> r = followUp(doctor, patient, plan, "P6M", start.plusMonths(6),
                "\"assessmentId\":" + later + "," + satisfaction(satisfaction));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private static String satisfaction(int score) {
        return "\"satisfaction\":{\"SATISFIED_OVERALL\":%1$d,\"SATISFIED_FRONT\":%1$d,\"SATISFIED_TOP\":%1$d,"
                .formatted(score) + "\"GROWTH\":1,\"APPEARANCE\":1,\"THINNING_AREA\":0,\"SLOWER_LOSS\":1}";
    }

    private HttpResponse<String> followUp(String token, long patient, long plan, String milestone, LocalDate day,
            String more) {
        return http.send("POST", "/api/v1/patients/" + patient + "/follow-ups", token,
                "{\"planId\":%d,\"milestone\":\"%s\",\"visitOn\":\"%s\",\"adverseEvents\":\"NONE\"%s}"
                        .formatted(plan, milestone, day, more.isEmpty() ? "" : "," + more).replace(
                                "\"adverseEvents\":\"NONE\",\"adverseEvents\"", "\"adverseEvents\""),
                Map.of());
    }

    private long assess(long patient, LocalDate day, int hairs) {
        HttpResponse<String> r = http.send("POST", "/api/v1/patients/" + patient + "/assessments", doctor, """
                {"assessedOn":"%s","vellusCutoffUm":40,"sites":[{"site":"VERTEX","hairs":%d,"areaCm2":0.25}]}"""
                .formatted(day, hairs), Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).path("assessment").path("id").asLong();
    }

    /**
     * A course as the records hold it once under way: the plan with the shipped protocol, and its signed sessions,
     * each prepared from the lot given (one vial).
     */
    private long course(long patient, String protocol, String status, int sessions, String lot) {
        long plan = fixture.startedCourse(org, org.paris(), patient, doc.id(), protocol, start);
        jdbc.sql("UPDATE plans_plan SET status = :status WHERE id = :id").param("status", status).param("id", plan)
                .update();
        Long lotId = lot == null ? null : jdbc.sql("""
                INSERT INTO formulary_lot (organisation_id, product_id, lot_number, expiry, received_at, received_by)
                VALUES (:org, :product, :lot, DATE '2030-01-01', now(), 'test')
                ON CONFLICT (product_id, lot_number) DO UPDATE SET lot_number = EXCLUDED.lot_number RETURNING id""")
                .param("org", org.id()).param("product", product).param("lot", lot).query(Long.class).single();
        for (int i = 0; i < sessions; i++) {
            // Every appointment of the test at its own hour: the practitioner is never in two places.
            OffsetDateTime at = start.atTime(LocalTime.of(8, 0)).atOffset(ZoneOffset.UTC).plusHours(slot++);
            long appointment = jdbc.sql("""
                    INSERT INTO scheduling_appointment (organisation_id, clinic_id, patient_id, practitioner_id,
                        type_code, starts_at, ends_at, status, plan_id, plan_sequence, created_at, created_by,
                        changed_at, changed_by)
                    VALUES (:org, :clinic, :patient, :doctor, :type, :at, :at + INTERVAL '30 minutes', 'ATTENDED',
                        :plan, :seq, now(), 'test', now(), 'test') RETURNING id""")
                    .param("org", org.id()).param("clinic", org.paris()).param("patient", patient)
                    .param("doctor", doc.id()).param("type", protocol.equals("PRP") ? "PRP" : "MESOTHERAPY")
                    .param("at", at).param("plan", plan).param("seq", i + 1).query(Long.class).single();
            long preparation = jdbc.sql("""
                    INSERT INTO formulary_preparation (organisation_id, clinic_id, request_key, prepared_at, prepared_by)
                    VALUES (:org, :clinic, 'test-' || :appointment, now(), 'test') RETURNING id""")
                    .param("org", org.id()).param("clinic", org.paris()).param("appointment", appointment)
                    .query(Long.class).single();
            jdbc.sql("""
                    INSERT INTO formulary_stock_movement (organisation_id, clinic_id, lot_id, kind, quantity,
                        balance_after, preparation_id, recorded_at, recorded_by)
                    VALUES (:org, :clinic, :lot, 'USED', -1, 0, :preparation, now(), 'test')""")
                    .param("org", org.id()).param("clinic", org.paris()).param("lot", lotId)
                    .param("preparation", preparation).update();
            jdbc.sql("""
                    INSERT INTO sessions_session (organisation_id, clinic_id, patient_id, appointment_id,
                        practitioner_id, modality, precheck, screening_decision, screening_findings, status,
                        preparation_id, signed_at, signed_by, started_at, started_by, changed_at, changed_by)
                    VALUES (:org, :clinic, :patient, :appointment, :doctor, :modality, '{}', 'ELIGIBLE', '[]',
                        'SIGNED', :preparation, now(), 'test', now(), 'test', now(), 'test')""")
                    .param("org", org.id()).param("clinic", org.paris()).param("patient", patient)
                    .param("appointment", appointment).param("doctor", doc.id())
                    .param("modality", protocol.equals("PRP") ? "PRP" : "CHEMICAL").param("preparation", preparation)
                    .update();
        }
        // Written as data, not through the modules: marked for the refresh as their published facts would mark it.
        jdbc.sql("INSERT INTO outcomes_stale (patient_id) VALUES (:patient)").param("patient", patient).update();
        return plan;
    }

    /** A mild adverse event after the course's first session, recorded as the practitioner would. */
    private void adverseEvent(long patient, long plan) {
        long session = jdbc.sql("""
                SELECT s.id FROM sessions_session s JOIN scheduling_appointment a ON a.id = s.appointment_id
                WHERE a.plan_id = :plan AND a.plan_sequence = 1""").param("plan", plan).query(Long.class).single();
        HttpResponse<String> recorded = http.send("POST", "/api/v1/adverse-events", doctor, """
                {"clinicId":%d,"patientId":%d,"sessionId":%d,"kind":"BRUISING","onsetOn":"%s","severity":"MILD",
                 "relation":"PROBABLE","outcome":"RESOLVED"}""".formatted(org.paris(), patient, session, start),
                Map.of());
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    }
}
