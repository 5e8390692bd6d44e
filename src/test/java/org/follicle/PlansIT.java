package org.follicle;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.follicle.SchedulingIT.expect;

/**
 * Treatment plans through the API: protocols as data that managers copy and edit, a course booked in one step on
 * the practitioner's real agenda (holidays, daylight saving), adapting when a session moves or is cancelled,
 * stopped with a reason, the quote, and the recall list with its invitation.
 */
@FollicleIntegrationTest
class PlansIT {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    Http http;

    Organisation org;

    long doctorId;

    String doctor;

    String admin;

    String madrid;

    long patient;

    LocalDate monday;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        org = fixture.organisation();
        StaffFixture.Staff doc = fixture.staff(org, "doctor", Map.of(org.paris(), Role.PRACTITIONER));
        doctorId = doc.id();
        doctor = fixture.token(doc);
        admin = fixture.token(fixture.staff(org, "manager", Map.of(org.paris(), Role.ADMIN)));
        madrid = fixture.token(fixture.staff(org, "madrid", Map.of(org.madrid(), Role.ADMIN)));
        patient = fixture.patient(org, org.paris(), "Course", "Camille");
        jdbc.sql("UPDATE patients_patient SET email = 'camille@example.invalid', preferred_language = 'fr' WHERE id = :id")
                .param("id", patient).update();
        fixture.weekdayHours(org.paris(), doctorId);
        monday = LocalDate.now(PARIS).plusDays(8).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    @Test
    void shippedProtocolsCarryTheirSchedulesAndSources() {
        String body = http.get("/api/v1/protocols", doctor).body();
        assertThat(body).contains("\"code\":\"MESO_AGA\"", "\"code\":\"MESO_TE\"", "\"code\":\"PRP\"",
                "\"code\":\"MESO_PRP\"", "\"code\":\"POST_TRANSPLANT\"", "\"every\":\"P7D\"", "\"maintenance\":\"P6M\"",
                "[44][60]", "\"checkIns\":[\"P1D\"");
    }

    @Test
    void managersCopyAndEditAProtocolAndBadDefinitionsAreRefused() {
        String copy = "{\"copyOf\":\"PRP\"}";
        expect(http.send("POST", "/api/v1/protocols", doctor, copy, Map.of()), 403, "");
        HttpResponse<String> copied = http.send("POST", "/api/v1/protocols", admin, copy, Map.of());
        assertThat(copied.statusCode()).as(copied.body()).isEqualTo(201);
        assertThat(copied.body()).contains("\"shipped\":false", "\"copiedFrom\":\"PRP\"");
        String edited = http.get("/api/v1/protocols/PRP", admin).body().replaceAll("^.*\"definition\":(\\{.*\\}),\"copiedFrom\".*$", "$1")
                .replace("\"sessions\":3", "\"sessions\":4");
        HttpResponse<String> saved = http.send("PUT", "/api/v1/protocols/PRP", admin, edited, Map.of("If-Match", "\"0\""));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("\"sessions\":4");
        expect(http.send("PUT", "/api/v1/protocols/PRP", admin, edited.replace("\"sessions\":4", "\"sessions\":0"),
                Map.of("If-Match", "\"1\"")), 400, "induction[0].sessions");
        expect(http.send("PUT", "/api/v1/protocols/PRP", admin, edited, Map.of()), 428, "");
        // Another organisation still sees the shipped protocol.
        Organisation other = fixture.organisation();
        String stranger = fixture.token(fixture.staff(other, "other", Map.of(other.paris(), Role.ADMIN)));
        assertThat(http.get("/api/v1/protocols/PRP", stranger).body()).contains("\"shipped\":true", "\"sessions\":3");
    }

    @Test
    void aCourseIsBookedInOneStepAtTheSameWallClockTimeWithOneConfirmation() {
        HttpResponse<String> created = plan("MESO_AGA", monday, true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long plan = planId(created);
        assertThat(created.body()).contains("\"status\":\"ACTIVE\"");
        List<String> times = times(plan);
        assertThat(times).hasSize(11).allMatch(t -> t.endsWith("10:00") || t.endsWith("09:30"));
        assertThat(times.get(0)).isEqualTo(monday + " 10:00");
        assertThat(times.get(1)).isEqualTo(monday.plusWeeks(1) + " 10:00");
        assertThat(jdbc.sql("SELECT count(*) FROM messaging_message WHERE patient_id = :p AND kind = 'COURSE_CONFIRMATION'")
                .param("p", patient).query(Long.class).single()).isEqualTo(1);
        String ics = jdbc.sql("SELECT calendar FROM messaging_message WHERE patient_id = :p AND kind = 'COURSE_CONFIRMATION'")
                .param("p", patient).query(String.class).single();
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(12);
        assertThat(jdbc.sql("SELECT subject FROM messaging_message WHERE patient_id = :p AND kind = 'COURSE_CONFIRMATION'")
                .param("p", patient).query(String.class).single()).startsWith("Votre programme de soins");
    }

    @Test
    void aMonthlyCourseAcrossTheNextClockChangeKeepsItsHour() {
        ZonedDateTime change = ZonedDateTime.ofInstant(PARIS.getRules().nextTransition(
                monday.atStartOfDay(PARIS).toInstant()).getInstant(), PARIS);
        LocalDate start = change.toLocalDate().minusWeeks(5).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        long plan = planId(plan("PRP", start, true));
        List<String> utcHours = jdbc.sql("""
                SELECT to_char(starts_at AT TIME ZONE 'UTC', 'HH24') FROM scheduling_appointment
                WHERE plan_id = :plan AND type_code = 'PRP' ORDER BY starts_at""").param("plan", plan).query(String.class).list();
        assertThat(times(plan).stream().filter(t -> !t.endsWith("09:30"))).allMatch(t -> t.endsWith("10:00"));
        assertThat(utcHours).hasSize(3);
        assertThat(utcHours.stream().distinct()).hasSize(2);
    }

    @Test
    void aHolidayPushesOnlyItsSession() {
        http.send("POST", "/api/v1/clinics/" + org.paris() + "/closures", admin,
                "{\"day\":\"" + monday.plusWeeks(1) + "\",\"reason\":\"Holiday\"}", Map.of());
        long plan = planId(plan("MESO_AGA", monday, true));
        assertThat(times(plan)).startsWith(monday + " 10:00", monday.plusWeeks(1).plusDays(1) + " 10:00",
                monday.plusWeeks(2) + " 10:00");
    }

    @Test
    void movingASessionLaterPushesTheSessionsAfterIt() {
        long plan = planId(plan("MESO_AGA", monday, true));
        long second = appointment(plan, 2);
        HttpResponse<String> moved = http.send("POST", "/api/v1/appointments/" + second + "/move", doctor,
                "{\"start\":\"" + monday.plusWeeks(1).plusDays(2) + "T10:00\"}", Map.of("If-Match", "\"0\""));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        List<String> times = times(plan);
        assertThat(times).startsWith(monday + " 10:00", monday.plusWeeks(1).plusDays(2) + " 10:00",
                monday.plusWeeks(2).plusDays(2) + " 10:00", monday.plusWeeks(3).plusDays(2) + " 10:00");
        assertThat(jdbc.sql("SELECT count(*) FROM messaging_message WHERE patient_id = :p AND kind = 'RESCHEDULED'")
                .param("p", patient).query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aCancelledSessionIsBookedAgainAndTheRestFollow() {
        long plan = planId(plan("MESO_AGA", monday, true));
        long second = appointment(plan, 2);
        assertThat(http.send("POST", "/api/v1/appointments/" + second + "/status", doctor,
                "{\"status\":\"CANCELLED\",\"reason\":\"Patient away that week\"}", Map.of("If-Match", "\"0\""))
                .statusCode()).isEqualTo(200);
        List<String> sequenceTwo = jdbc.sql("""
                SELECT status || ' ' || to_char(starts_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') FROM scheduling_appointment
                WHERE plan_id = :plan AND plan_sequence = 2 ORDER BY id""").param("plan", plan).query(String.class).list();
        assertThat(sequenceTwo).containsExactly("CANCELLED " + monday.plusWeeks(1),
                "BOOKED " + monday.plusWeeks(1).plusDays(1));
        assertThat(times(plan).get(2)).isEqualTo(monday.plusWeeks(2).plusDays(1) + " 10:00");
    }

    @Test
    void stoppingNeedsAReasonAndCancelsWhatIsToCome() {
        long plan = planId(plan("MESO_AGA", monday, true));
        expect(http.send("POST", "/api/v1/plans/" + plan + "/stop", doctor, "{}", Map.of("If-Match", "\"1\"")), 422,
                "Give the reason");
        HttpResponse<String> stopped = http.send("POST", "/api/v1/plans/" + plan + "/stop", doctor,
                "{\"reason\":\"Pregnant: treatment stopped\"}", Map.of("If-Match", "\"1\""));
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        assertThat(stopped.body()).contains("\"status\":\"STOPPED\"", "Pregnant: treatment stopped");
        assertThat(jdbc.sql("SELECT count(*) FROM scheduling_appointment WHERE plan_id = :plan AND status = 'BOOKED'")
                .param("plan", plan).query(Long.class).single()).isZero();
    }

    @Test
    void aCourseThatCannotBePlacedIsRefusedWholeAndNothingIsStored() {
        for (int i = 0; i < 21; i++) {
            http.send("POST", "/api/v1/clinics/" + org.paris() + "/closures", admin,
                    "{\"day\":\"" + monday.plusDays(3 + i) + "\",\"reason\":\"Works\"}", Map.of());
        }
        expect(plan("MESO_AGA", monday, true), 422, "finds no free time within two weeks");
        expect(plan("MESO_AGA", LocalDate.now(PARIS).minusDays(3), true), 422, "today or later");
        expect(plan("NO_SUCH", monday, true), 422, "Unknown protocol NO_SUCH");
        expect(http.send("POST", "/api/v1/patients/" + patient + "/plans", doctor, "{\"clinicId\":" + org.paris()
                + ",\"protocolCode\":\"PRP\"}", Map.of()), 400, "practitionerId");
        assertThat(jdbc.sql("SELECT count(*) FROM plans_plan WHERE patient_id = :p").param("p", patient)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM scheduling_appointment WHERE patient_id = :p").param("p", patient)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theQuoteListsTheCourseBesideAPrpCourse() {
        String types = http.get("/api/v1/appointment-types", admin).body();
        assertThat(types).contains("\"code\":\"MESOTHERAPY\"");
        expect(http.send("PUT", "/api/v1/appointment-types/MESOTHERAPY", admin, "{\"durationMinutes\":30,"
                + "\"minimumIntervalDays\":6,\"price\":180,\"currency\":\"EUR\"}", Map.of("If-Match", "\"0\"")), 200, "180");
        expect(http.send("PUT", "/api/v1/appointment-types/PRP", admin, "{\"durationMinutes\":60,"
                + "\"minimumIntervalDays\":21,\"price\":450,\"currency\":\"EUR\"}", Map.of("If-Match", "\"0\"")), 200, "450");
        expect(http.send("PUT", "/api/v1/appointment-types/PRP", doctor, "{\"durationMinutes\":60,"
                + "\"minimumIntervalDays\":21,\"price\":1,\"currency\":\"EUR\"}", Map.of("If-Match", "\"1\"")), 403, "");
        long plan = planId(plan("MESO_AGA", monday, false));
        String body = http.get("/api/v1/plans/" + plan, doctor).body();
        assertThat(body).contains("\"status\":\"PROPOSED\"", "\"typeCode\":\"MESOTHERAPY\",\"count\":8,\"unitPrice\":180",
                "\"amount\":1440", "\"prpComparison\":{\"protocolCode\":\"PRP\"", "\"amount\":1350");
        HttpResponse<String> pdf = http.get("/api/v1/plans/" + plan + "/quote.pdf", doctor);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        expect(http.get("/api/v1/plans/" + plan, madrid), 404, "");
    }

    @Test
    void theRecallListShowsOverdueMaintenanceOldestFirstAndInvites() {
        long plan = planId(plan("PRP", monday, true));
        // The course took place long ago (its last review over a year back): maintenance is overdue, nothing to come.
        jdbc.sql("""
                UPDATE scheduling_appointment SET status = 'ATTENDED',
                    starts_at = starts_at - interval '500 days', ends_at = ends_at - interval '500 days'
                WHERE plan_id = :plan""").param("plan", plan).update();
        String list = http.get("/api/v1/recalls", admin).body();
        assertThat(list).contains("\"planId\":" + plan, "COURSE, Camille", "\"daysOverdue\":");
        assertThat(http.send("POST", "/api/v1/recalls/" + plan + "/invitation", admin, null, Map.of()).statusCode())
                .isEqualTo(202);
        assertThat(jdbc.sql("SELECT subject FROM messaging_message WHERE patient_id = :p AND kind = 'INVITATION'")
                .param("p", patient).query(String.class).single()).contains("entretien");
        assertThat(http.get("/api/v1/recalls", madrid).body()).doesNotContain("\"planId\":" + plan);
        // Once something is booked, the patient leaves the list.
        SchedulingIT.id(http.send("POST", "/api/v1/appointments", doctor, "{\"clinicId\":" + org.paris()
                + ",\"patientId\":" + patient + ",\"practitionerId\":" + doctorId
                + ",\"typeCode\":\"CONSULTATION\",\"start\":\"" + monday + "T15:00\"}", Map.of()));
        assertThat(http.get("/api/v1/recalls", admin).body()).doesNotContain("\"planId\":" + plan);
    }

    private HttpResponse<String> plan(String protocol, LocalDate start, boolean book) {
        return http.send("POST", "/api/v1/patients/" + patient + "/plans", doctor, "{\"clinicId\":" + org.paris()
                + ",\"protocolCode\":\"" + protocol + "\",\"practitionerId\":" + doctorId + ",\"startsOn\":\"" + start
                + "\",\"sessionTime\":\"10:00\",\"book\":" + book + "}", Map.of());
    }

    private static long planId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return Long.parseLong(response.body().replaceAll("^\\{\"plan\":\\{\"id\":(\\d+),.*", "$1"));
    }

    private long appointment(long plan, int sequence) {
        return jdbc.sql("SELECT id FROM scheduling_appointment WHERE plan_id = :plan AND plan_sequence = :s AND status = 'BOOKED'")
                .param("plan", plan).param("s", sequence).query(Long.class).single();
    }

    /** The plan's booked visits by start, in clinic time. */
    private List<String> times(long plan) {
        return jdbc.sql("""
                SELECT to_char(starts_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD HH24:MI') FROM scheduling_appointment
                WHERE plan_id = :plan AND status = 'BOOKED' ORDER BY starts_at""").param("plan", plan)
                .query(String.class).list();
    }
}
