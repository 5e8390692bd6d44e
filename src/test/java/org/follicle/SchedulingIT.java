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
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar through the API: booking with its emails queued, the clinic's hours and closures, the screening
 * and the minimum interval (a practitioner may override, with a reason, audited), moving and cancelling, another
 * clinic's appointments out of sight, and the practitioner's feed. Bad input gets a clear message and nothing is
 * stored.
 */
@FollicleIntegrationTest
public class SchedulingIT {

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

    long colleagueId;

    String doctor;

    String assistant;

    String admin;

    String madrid;

    long patient;

    long room;

    LocalDate monday;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        org = fixture.organisation();
        StaffFixture.Staff doc = fixture.staff(org, "doctor", Map.of(org.paris(), Role.PRACTITIONER));
        StaffFixture.Staff colleague = fixture.staff(org, "colleague", Map.of(org.paris(), Role.PRACTITIONER));
        doctorId = doc.id();
        colleagueId = colleague.id();
        doctor = fixture.token(doc);
        assistant = fixture.token(fixture.staff(org, "desk", Map.of(org.paris(), Role.ASSISTANT)));
        admin = fixture.token(fixture.staff(org, "manager", Map.of(org.paris(), Role.ADMIN)));
        madrid = fixture.token(fixture.staff(org, "madrid", Map.of(org.madrid(), Role.ADMIN)));
        patient = fixture.patient(org, org.paris(), "Agenda", "Paula");
        jdbc.sql("UPDATE patients_patient SET email = 'paula@example.invalid' WHERE id = :id").param("id", patient)
                .update();
        room = fixture.room(org.paris(), "Room A");
        fixture.weekdayHours(org.paris(), doctorId, colleagueId);
        monday = LocalDate.now(PARIS).plusDays(8).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    @Test
    void aBookingQueuesItsConfirmationWithTheCalendarFileAndItsTimedEmails() {
        HttpResponse<String> booked = book(assistant, patient, doctorId, room, "MESOTHERAPY", monday + "T10:00", null);
        assertThat(booked.statusCode()).isEqualTo(201);
        assertThat(booked.body()).contains("\"startsAt\":\"" + monday + "T10:00:00" + offset(monday) + "\"")
                .contains("\"endsAt\":\"" + monday + "T10:30:00" + offset(monday) + "\"").contains("needs a practitioner's review");
        long id = id(booked);
        assertThat(jdbc.sql("""
                SELECT kind || ':' || status || ':' || to_char(send_after AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD HH24:MI')
                FROM messaging_message WHERE appointment_id = :id ORDER BY send_after""").param("id", id)
                .query(String.class).list()).hasSize(4).last().isEqualTo("AFTERCARE:QUEUED:" + monday + " 10:30");
        assertThat(kinds(id)).contains("REMINDER:QUEUED:" + monday.minusDays(2) + " 10:00",
                "PRE_CARE:QUEUED:" + monday.minusDays(7) + " 10:00");
        String ics = jdbc.sql("SELECT calendar FROM messaging_message WHERE appointment_id = :id AND kind = 'CONFIRMATION'")
                .param("id", id).query(String.class).single();
        assertThat(ics).contains("BEGIN:VCALENDAR").contains("METHOD:REQUEST").contains("UID:appointment-" + id)
                .contains("DTSTART:" + monday.atTime(10, 0).atZone(PARIS).withZoneSameInstant(ZoneId.of("UTC"))
                        .toLocalDateTime().toString().replace("-", "").replace(":", "") + "00Z");
    }

    @Test
    void nobodyIsDoubleBookedAndTheMessageSaysWho() {
        assertThat(book(assistant, patient, doctorId, room, "CONSULTATION", monday + "T10:00", null).statusCode())
                .isEqualTo(201);
        long other = fixture.patient(org, org.paris(), "Other", "Olga");
        HttpResponse<String> sameDoctor = book(assistant, other, doctorId, null, "CONSULTATION", monday + "T10:15", null);
        assertThat(sameDoctor.statusCode()).isEqualTo(422);
        assertThat(sameDoctor.body()).contains("The practitioner already has an appointment at that time");
        HttpResponse<String> sameRoom = book(assistant, other, colleagueId, room, "CONSULTATION", monday + "T10:20", null);
        assertThat(sameRoom.statusCode()).isEqualTo(422);
        assertThat(sameRoom.body()).contains("The room is already booked at that time");
        // Back to back is not an overlap.
        assertThat(book(assistant, other, doctorId, room, "CONSULTATION", monday + "T10:30", null).statusCode())
                .isEqualTo(201);
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void badTimesAndUnknownPeopleAreRefusedClearlyAndNothingIsStored() {
        expect(book(assistant, patient, doctorId, null, "CONSULTATION", monday + "T07:30", null), 422,
                "The clinic is not open at that time");
        expect(book(assistant, patient, doctorId, null, "CONSULTATION", monday + "T18:30", null), 422,
                "The practitioner does not work at that time");
        expect(book(assistant, patient, doctorId, null, "CONSULTATION", monday.plusDays(5) + "T10:00", null), 422,
                "The clinic is not open at that time");
        expect(book(assistant, patient, doctorId, null, "CONSULTATION", "2020-01-06T10:00", null), 422,
                "That time has passed");
        expect(book(assistant, patient, doctorId, null, "CONSULTATION", monday + "T10:00", monday + "T09:00"), 422,
                "The end must be after the start");
        expect(book(assistant, patient, 999999, null, "CONSULTATION", monday + "T10:00", null), 422,
                "is not a practitioner of this clinic");
        expect(book(assistant, patient, doctorId, 999999L, "CONSULTATION", monday + "T10:00", null), 422,
                "is not an open room of this clinic");
        expect(book(assistant, patient, doctorId, null, "MASSAGE", monday + "T10:00", null), 422,
                "Unknown appointment type MASSAGE");
        expect(http.send("POST", "/api/v1/appointments", assistant, "{\"clinicId\":" + org.paris() + ",", Map.of()),
                400, "");
        expect(http.send("POST", "/api/v1/appointments", assistant, "{\"clinicId\":" + org.paris() + ",\"patientId\":"
                + patient + ",\"practitionerId\":" + doctorId + ",\"typeCode\":\"CONSULTATION\"}", Map.of()), 400,
                "start");
        expect(http.send("POST", "/api/v1/appointments", assistant, "{\"clinicId\":" + org.paris()
                + ",\"patientId\":" + patient + ",\"practitionerId\":" + doctorId
                + ",\"typeCode\":\"CONSULTATION\",\"start\":\"next monday\"}", Map.of()), 400, "");
        assertThat(count()).isZero();
    }

    @Test
    void aClosedDaySaysWhyAndManagersSetTheClosures() {
        expect(http.send("POST", "/api/v1/clinics/" + org.paris() + "/closures", assistant,
                "{\"day\":\"" + monday + "\",\"reason\":\"Staff training\"}", Map.of()), 403, "");
        assertThat(http.send("POST", "/api/v1/clinics/" + org.paris() + "/closures", admin,
                "{\"day\":\"" + monday + "\",\"reason\":\"Staff training\"}", Map.of()).statusCode()).isEqualTo(201);
        expect(book(assistant, patient, doctorId, null, "CONSULTATION", monday + "T10:00", null), 422,
                "The clinic is closed on " + monday + ": Staff training");
        assertThat(http.get("/api/v1/clinics/" + org.paris() + "/calendar-settings", assistant).body())
                .contains("Staff training").contains("\"dayOfWeek\":1");
    }

    @Test
    void aNotEligibleScreeningStopsTheBookingUnlessAPractitionerGivesAReason() {
        jdbc.sql("UPDATE patients_patient SET sex = 'FEMALE' WHERE id = :id").param("id", patient).update();
        assertThat(http.send("PUT", "/api/v1/patients/" + patient + "/intake", doctor,
                IntakeIT.intake("\"YES\"", "[]"), Map.of()).statusCode()).isLessThan(300);
        expect(book(assistant, patient, doctorId, null, "MESOTHERAPY", monday + "T10:00", null), 422,
                "says not eligible for this treatment");
        expect(bookWithReason(assistant, "Patient confirmed not pregnant"), 422,
                "Only a practitioner may book despite the screening");
        expect(bookWithReason(doctor, "ok"), 422, "at least 10 characters");
        HttpResponse<String> overridden = bookWithReason(doctor, "Pregnancy test negative today, signed off");
        assertThat(overridden.statusCode()).isEqualTo(201);
        assertThat(overridden.body()).contains("Pregnancy test negative today");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM security_audit_entry WHERE action = 'BOOKING_OVERRIDE' AND record_id = :patient
                  AND outcome = 'SUCCESS' AND detail LIKE '%screeningNotEligible%'""")
                .param("patient", String.valueOf(patient)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPractitionersOverrideOnTheScreeningLetsReceptionBookWithAWarning() {
        jdbc.sql("UPDATE patients_patient SET sex = 'FEMALE' WHERE id = :id").param("id", patient).update();
        assertThat(http.send("PUT", "/api/v1/patients/" + patient + "/intake", doctor,
                IntakeIT.intake("\"YES\"", "[]"), Map.of()).statusCode()).isLessThan(300);
        assertThat(http.send("POST", "/api/v1/patients/" + patient + "/screening/MESOTHERAPY/review", doctor,
                "{\"kind\":\"OVERRIDE\",\"reason\":\"Not pregnant: test negative, signed\"}", Map.of())
                .statusCode()).isLessThan(300);
        HttpResponse<String> booked = book(assistant, patient, doctorId, null, "MESOTHERAPY", monday + "T10:00", null);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        assertThat(booked.body()).contains("accepted it: Not pregnant: test negative, signed");
    }

    @Test
    void twoTreatmentsCloserThanTheMinimumIntervalNeedAReason() {
        assertThat(book(assistant, patient, doctorId, null, "MESOTHERAPY", monday + "T10:00", null).statusCode())
                .isEqualTo(201);
        expect(book(assistant, patient, doctorId, null, "MESOTHERAPY", monday.plusDays(3) + "T10:00", null), 422,
                "Less than 6 days from the patient's treatment on " + monday);
        assertThat(book(assistant, patient, doctorId, null, "MESOTHERAPY", monday.plusDays(7) + "T10:00", null)
                .statusCode()).isEqualTo(201);
    }

    @Test
    void movingNeedsTheVersionKeepsTheRulesAndRewritesTheEmails() {
        long id = id(book(assistant, patient, doctorId, room, "MESOTHERAPY", monday + "T10:00", null));
        String move = "{\"start\":\"" + monday.plusDays(1) + "T11:00\"}";
        expect(http.send("POST", "/api/v1/appointments/" + id + "/move", assistant, move, Map.of()), 428, "");
        expect(http.send("POST", "/api/v1/appointments/" + id + "/move", assistant, move, Map.of("If-Match", "\"7\"")),
                412, "");
        expect(http.send("POST", "/api/v1/appointments/" + id + "/move", assistant,
                "{\"start\":\"" + monday.plusDays(1) + "T20:00\"}", Map.of("If-Match", "\"0\"")), 422,
                "not open at that time");
        HttpResponse<String> moved = http.send("POST", "/api/v1/appointments/" + id + "/move", assistant, move,
                Map.of("If-Match", "\"0\""));
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.body()).contains(monday.plusDays(1) + "T11:00:00" + offset(monday.plusDays(1)));
        assertThat(kinds(id)).contains("REMINDER:CANCELLED:" + monday.minusDays(2) + " 10:00",
                "REMINDER:QUEUED:" + monday.minusDays(1) + " 11:00").anyMatch(k -> k.startsWith("RESCHEDULED:QUEUED"));
    }

    @Test
    void cancellingNeedsAReasonFreesTheTimeAndTellsThePatient() {
        long id = id(book(assistant, patient, doctorId, room, "CONSULTATION", monday + "T10:00", null));
        expect(http.send("POST", "/api/v1/appointments/" + id + "/status", assistant, "{\"status\":\"CANCELLED\"}",
                Map.of("If-Match", "\"0\"")), 422, "Give the reason for cancelling");
        expect(http.send("POST", "/api/v1/appointments/" + id + "/status", assistant, "{\"status\":\"NO_SHOW\"}",
                Map.of("If-Match", "\"0\"")), 422, "has not started yet");
        assertThat(http.send("POST", "/api/v1/appointments/" + id + "/status", assistant,
                "{\"status\":\"CANCELLED\",\"reason\":\"Patient has the flu\"}", Map.of("If-Match", "\"0\""))
                .statusCode()).isEqualTo(200);
        assertThat(kinds(id)).anyMatch(k -> k.startsWith("CANCELLED:QUEUED")).anyMatch(k -> k.startsWith("REMINDER:CANCELLED"));
        long other = fixture.patient(org, org.paris(), "Next", "Nina");
        assertThat(book(assistant, other, doctorId, room, "CONSULTATION", monday + "T10:00", null).statusCode())
                .isEqualTo(201);
    }

    @Test
    void anotherClinicSeesNoneOfTheCalendar() {
        long id = id(book(assistant, patient, doctorId, room, "CONSULTATION", monday + "T10:00", null));
        expect(http.get("/api/v1/appointments/" + id, madrid), 404, "");
        expect(http.get("/api/v1/appointments?clinic=" + org.paris() + "&from=" + monday + "&to=" + monday, madrid),
                403, "");
        expect(http.send("POST", "/api/v1/appointments/" + id + "/status", madrid,
                "{\"status\":\"CANCELLED\",\"reason\":\"not mine\"}", Map.of("If-Match", "\"0\"")), 404, "");
        assertThat(http.get("/api/v1/appointments?clinic=" + org.paris() + "&from=" + monday + "&to=" + monday
                + "&practitioner=" + doctorId, assistant).body()).contains("\"id\":" + id);
        expect(http.get("/api/v1/appointments?clinic=" + org.paris() + "&from=" + monday + "&to=" + monday.plusDays(90),
                assistant), 422, "at most 62 days");
    }

    @Test
    void theDayViewFiltersByPractitionerRoomAndCancelled() {
        long inRoom = id(book(assistant, patient, doctorId, room, "CONSULTATION", monday + "T09:00", null));
        long noRoom = id(book(assistant, patient, doctorId, null, "CONSULTATION", monday + "T11:00", null));
        long cancelled = id(book(assistant, patient, doctorId, null, "CONSULTATION", monday + "T14:00", null));
        assertThat(http.send("POST", "/api/v1/appointments/" + cancelled + "/status", assistant,
                "{\"status\":\"CANCELLED\",\"reason\":\"Patient moved away\"}", Map.of("If-Match", "\"0\""))
                .statusCode()).isEqualTo(200);
        String day = "/api/v1/appointments?clinic=" + org.paris() + "&from=" + monday + "&to=" + monday;

        assertThat(http.get(day, assistant).body()).contains("\"id\":" + inRoom).contains("\"id\":" + noRoom)
                .doesNotContain("\"id\":" + cancelled);
        assertThat(http.get(day + "&cancelled=true", assistant).body()).contains("\"id\":" + cancelled);
        assertThat(http.get(day + "&room=" + room, assistant).body()).contains("\"id\":" + inRoom)
                .doesNotContain("\"id\":" + noRoom);
        assertThat(http.get(day + "&practitioner=" + doctorId + "&room=" + room, assistant).body())
                .contains("\"id\":" + inRoom).doesNotContain("\"id\":" + noRoom);
        assertThat(http.get(day + "&practitioner=" + (doctorId + 1_000_000), assistant).body())
                .doesNotContain("\"id\":" + inRoom).doesNotContain("\"id\":" + noRoom);
    }

    @Test
    void thePractitionersFeedListsTheirAppointmentsByFileNumberOnly() {
        long id = id(book(assistant, patient, doctorId, room, "CONSULTATION", monday + "T10:00", null));
        String path = http.send("POST", "/api/v1/calendar-feed", doctor, null, Map.of()).body()
                .replaceAll(".*\"path\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> feed = http.get(path, null);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(feed.body()).contains("UID:appointment-" + id).contains("Consultation · T").doesNotContain("Agenda");
        assertThat(http.get("/feeds/not-a-token.ics", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theWaitingListKeepsPatientsOldestFirst() {
        assertThat(http.send("POST", "/api/v1/waiting-list", assistant, "{\"clinicId\":" + org.paris()
                + ",\"patientId\":" + patient + ",\"typeCode\":\"PRP\",\"earliest\":\"" + monday + "\"}", Map.of())
                .statusCode()).isEqualTo(201);
        expect(http.send("POST", "/api/v1/waiting-list", assistant, "{\"clinicId\":" + org.paris()
                + ",\"patientId\":" + patient + ",\"typeCode\":\"PRP\",\"earliest\":\"" + monday + "\",\"latest\":\""
                + monday.minusDays(3) + "\"}", Map.of()), 422, "The last day is before the first day");
        assertThat(http.get("/api/v1/waiting-list?clinic=" + org.paris(), assistant).body()).contains("AGENDA, Paula");
    }

    @Test
    void thePreCareEmailGoesTheDaysTheManagerSets() {
        expect(http.send("PUT", "/api/v1/message-settings", assistant, "{\"preCareDays\":3}", Map.of()), 403, "");
        expect(http.send("PUT", "/api/v1/message-settings", admin, "{\"preCareDays\":0}", Map.of()), 422,
                "Between 1 and 30 days");
        expect(http.send("PUT", "/api/v1/message-settings", admin, "{\"preCareDays\":3}", Map.of()), 200, "3");
        long id = id(book(assistant, patient, doctorId, null, "MESOTHERAPY", monday + "T10:00", null));
        assertThat(kinds(id)).contains("PRE_CARE:QUEUED:" + monday.minusDays(3) + " 10:00");
    }

    private HttpResponse<String> bookWithReason(String token, String reason) {
        return http.send("POST", "/api/v1/appointments", token, "{\"clinicId\":" + org.paris() + ",\"patientId\":"
                + patient + ",\"practitionerId\":" + doctorId + ",\"typeCode\":\"MESOTHERAPY\",\"start\":\"" + monday
                + "T10:00\",\"overrideReason\":\"" + reason + "\"}", Map.of());
    }

    private HttpResponse<String> book(String token, long patientId, long practitioner, Long roomId, String type,
            String start, String end) {
        return http.send("POST", "/api/v1/appointments", token, "{\"clinicId\":" + org.paris() + ",\"patientId\":"
                + patientId + ",\"practitionerId\":" + practitioner + (roomId == null ? "" : ",\"roomId\":" + roomId)
                + ",\"typeCode\":\"" + type + "\",\"start\":\"" + start + "\""
                + (end == null ? "" : ",\"end\":\"" + end + "\"") + "}", Map.of());
    }

    private java.util.List<String> kinds(long appointmentId) {
        return jdbc.sql("""
                SELECT kind || ':' || status || ':' || to_char(send_after AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD HH24:MI')
                FROM messaging_message WHERE appointment_id = :id ORDER BY id""").param("id", appointmentId)
                .query(String.class).list();
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM scheduling_appointment WHERE clinic_id = :clinic")
                .param("clinic", org.paris()).query(Long.class).single();
    }

    static String offset(LocalDate day) {
        return day.atTime(10, 0).atZone(PARIS).getOffset().getId();
    }

    public static long id(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return Long.parseLong(response.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
    }

    static void expect(HttpResponse<String> response, int status, String text) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains(text);
    }
}
