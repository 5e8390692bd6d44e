package org.follicle.messaging.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.follicle.security.Role;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patient emails through a real SMTP server (GreenMail): the outbox keeps a message when the server is down and
 * sends it on a later attempt, in the patient's language with the .ics file; it gives up after five attempts and
 * says so; a patient without an address shows a failed message instead of silence.
 */
@FollicleIntegrationTest
class MessagesIT {

    static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
    }

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxWorker worker;

    GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    Http http;

    Organisation org;

    String desk;

    long doctor;

    LocalDate monday;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        org = fixture.organisation();
        doctor = fixture.staff(org, "doctor", Map.of(org.paris(), Role.PRACTITIONER)).id();
        desk = fixture.token(fixture.staff(org, "desk", Map.of(org.paris(), Role.ASSISTANT)));
        fixture.weekdayHours(org.paris(), doctor);
        monday = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(8).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        // Earlier tests' messages are not this test's business.
        jdbc.sql("UPDATE messaging_message SET status = 'CANCELLED' WHERE status = 'QUEUED'").update();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void aConfirmationWaitsOutAnSmtpFailureAndGoesOnTheNextAttemptInThePatientsLanguage() throws Exception {
        long patient = patient("helene@example.invalid", "fr");
        long appointment = book(patient);
        long confirmation = message(appointment, "CONFIRMATION");

        assertThat(worker.sendDue()).isZero();
        assertThat(row(confirmation)).contains("QUEUED", "attempts=1").contains("Mail");
        assertThat(jdbc.sql("SELECT send_after > now() FROM messaging_message WHERE id = :id").param("id", confirmation)
                .query(Boolean.class).single()).isTrue();

        smtp.start();
        assertThat(worker.sendDue()).as("not due yet: it waits before trying again").isZero();
        jdbc.sql("UPDATE messaging_message SET send_after = now() WHERE id = :id").param("id", confirmation).update();
        assertThat(worker.sendDue()).isEqualTo(1);
        assertThat(row(confirmation)).contains("SENT", "attempts=2");

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).startsWith("Votre rendez-vous du");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("helene@example.invalid");
        String raw = GreenMailUtil.getWholeMessage(received[0]);
        assertThat(raw).contains("text/calendar").contains("appointment.ics");
        assertThat(GreenMailUtil.getBody(received[0])).contains("BEGIN:VCALENDAR");
        assertThat(http.get("/api/v1/patients/" + patient + "/appointments", desk).body())
                .contains("\"kind\":\"CONFIRMATION\"", "\"status\":\"SENT\"");
    }

    @Test
    void afterFiveFailedAttemptsTheMessageIsMarkedFailedWithTheError() {
        long appointment = book(patient("marc@example.invalid", "en"));
        long confirmation = message(appointment, "CONFIRMATION");
        jdbc.sql("UPDATE messaging_message SET attempts = 4 WHERE id = :id").param("id", confirmation).update();
        worker.sendDue();
        assertThat(row(confirmation)).contains("FAILED", "attempts=5");
    }

    @Test
    void aPatientWithoutAnAddressShowsAFailedMessageRatherThanNothing() {
        long appointment = book(patient(null, "es"));
        assertThat(row(message(appointment, "CONFIRMATION"))).contains("FAILED", "no email address");
    }

    private long patient(String email, String language) {
        long id = fixture.patient(org, org.paris(), "Mail", "Hélène");
        jdbc.sql("UPDATE patients_patient SET email = :email, preferred_language = :language WHERE id = :id")
                .param("email", email).param("language", language).param("id", id).update();
        return id;
    }

    private long book(long patient) {
        String body = http.send("POST", "/api/v1/appointments", desk, "{\"clinicId\":" + org.paris() + ",\"patientId\":"
                + patient + ",\"practitionerId\":" + doctor + ",\"typeCode\":\"CONSULTATION\",\"start\":\"" + monday
                + "T10:00\"}", Map.of()).body();
        return Long.parseLong(body.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
    }

    private long message(long appointment, String kind) {
        return jdbc.sql("SELECT id FROM messaging_message WHERE appointment_id = :a AND kind = :k")
                .param("a", appointment).param("k", kind).query(Long.class).single();
    }

    private String row(long message) {
        return jdbc.sql("""
                SELECT status || ' attempts=' || attempts || ' ' || coalesce(last_error, '') FROM messaging_message
                WHERE id = :id""").param("id", message).query(String.class).single();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
