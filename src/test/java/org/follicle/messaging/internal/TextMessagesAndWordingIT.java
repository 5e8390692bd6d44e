package org.follicle.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import org.follicle.messaging.Channel;
import org.follicle.messaging.MessageKind;
import org.follicle.messaging.OutgoingMessage;
import org.follicle.security.Role;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.PortalSessions;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A patient who prefers text messages gets their reminders through the SMS gateway (sign-in links still by email),
 * and an organisation's own wording of a message, checked when saved, is what patients receive.
 */
@FollicleIntegrationTest
class TextMessagesAndWordingIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxWorker worker;

    @Autowired
    LocalSmsGateway sms;

    @Autowired
    Outbox outbox;

    Organisation org;

    long patient;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        patient = fixture.patient(org, org.paris(), "Texto", "Inès");
        jdbc.sql("UPDATE patients_patient SET email = 'ines@example.invalid', phone = '+33 6 12 34 56 78', "
                + "preferred_language = 'fr' WHERE id = :id").param("id", patient).update();
        jdbc.sql("UPDATE messaging_message SET status = 'CANCELLED' WHERE status = 'QUEUED'").update();
    }

    @Test
    void aPatientWhoPrefersTextMessagesGetsRemindersBySmsAndSignInLinksByEmail() {
        Http portal = PortalSessions.signedIn(port, jdbc, patient);
        portal.page("/portal/preferences");
        assertThat(portal.page("/portal/preferences").body()).contains("SMS au +33 6 12 34 56 78");
        portal.form("/portal/preferences", Map.of("channel", "SMS"));
        assertThat(outbox.preferredChannel(patient)).isEqualTo(Channel.SMS);

        jdbc.sql("UPDATE messaging_message SET status = 'CANCELLED' WHERE status = 'QUEUED'").update();
        outbox.queue(new OutgoingMessage(org.id(), org.paris(), patient, null, MessageKind.REMINDER,
                "ines@example.invalid", "fr", "Rappel : votre rendez-vous demain", "À demain 10 h.", "BEGIN:VCALENDAR"),
                java.time.Instant.now());
        outbox.queue(new OutgoingMessage(org.id(), org.paris(), patient, null, MessageKind.SIGN_IN_LINK,
                "ines@example.invalid", "fr", "Votre lien", "https://example.invalid/portal/login/ott?token=x", null),
                java.time.Instant.now());
        assertThat(jdbc.sql("SELECT kind || ' ' || channel || ' ' || recipient || ' ' || (calendar IS NULL) FROM "
                + "messaging_message WHERE patient_id = :p AND status = 'QUEUED' ORDER BY id").param("p", patient)
                .query(String.class).list()).containsExactly("REMINDER SMS +33 6 12 34 56 78 true",
                        "SIGN_IN_LINK EMAIL ines@example.invalid true");
        worker.sendDue();
        assertThat(sms.sent()).anySatisfy(text -> {
            assertThat(text.phone()).isEqualTo("+33 6 12 34 56 78");
            assertThat(text.text()).contains("Rappel : votre rendez-vous demain", "À demain 10 h.");
        });
        assertThat(sms.sent()).noneSatisfy(text -> assertThat(text.text()).contains("token="));

        jdbc.sql("UPDATE patients_patient SET phone = NULL WHERE id = :id").param("id", patient).update();
        portal.page("/portal/preferences");
        portal.form("/portal/preferences", Map.of("channel", "EMAIL"));
        portal.form("/portal/preferences", Map.of("channel", "SMS"));
        assertThat(outbox.preferredChannel(patient)).isEqualTo(Channel.EMAIL);
    }

    @Test
    void theOrganisationsWordingIsCheckedWhenSavedAndSentInsteadOfFollicles() {
        StaffFixture.Staff manager = fixture.staff(org, "manager", Map.of(org.paris(), Role.ADMIN));
        Http page = new Http(port);
        page.signIn(manager.username(), StaffFixture.PASSWORD);
        assertThat(page.page("/admin/messages?kind=REMINDER&language=fr").body()).contains("Rappel", "{1}");
        HttpResponse<String> unknown = page.form("/admin/messages", Map.of("kind", "REMINDER", "language", "fr",
                "subject", "Rappel du {1}", "body", "Bonjour {0}, à {1} chez {9}."));
        assertThat(unknown.body()).contains("{9}", "is-invalid");
        HttpResponse<String> noLink = page.form("/admin/messages", Map.of("kind", "SIGN_IN_LINK", "language", "fr",
                "subject", "Votre lien", "body", "Bonjour {0}, voici votre accès."));
        assertThat(noLink.body()).contains("{1}", "is-invalid");
        assertThat(jdbc.sql("SELECT count(*) FROM messaging_template WHERE organisation_id = :o").param("o", org.id())
                .query(Integer.class).single()).isZero();

        HttpResponse<String> saved = page.form("/admin/messages", Map.of("kind", "REMINDER", "language", "fr",
                "subject", "N'oubliez pas : {1}", "body", "Bonjour {0}, l'équipe de {2} vous attend le {1}."));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(outbox.text(org.id(), MessageKind.REMINDER, "body", new Object[] { "Inès", "lundi 10 h",
                "Paris", "", "", 7, 24 }, java.util.Locale.FRENCH))
                .isEqualTo("Bonjour Inès, l'équipe de Paris vous attend le lundi 10 h.");
        // Another language, and another organisation, keep Follicle's wording.
        assertThat(outbox.text(org.id(), MessageKind.REMINDER, "subject", new Object[] { "Inès", "Monday" },
                java.util.Locale.ENGLISH)).doesNotContain("oubliez");
        Organisation other = fixture.organisation();
        assertThat(outbox.text(other.id(), MessageKind.REMINDER, "subject", new Object[] { "Inès", "lundi" },
                java.util.Locale.FRENCH)).doesNotContain("oubliez");

        page.page("/admin/messages?kind=REMINDER&language=fr");
        page.form("/admin/messages", Map.of("kind", "REMINDER", "language", "fr", "reset", "true"));
        assertThat(outbox.text(org.id(), MessageKind.REMINDER, "subject", new Object[] { "Inès", "lundi" },
                java.util.Locale.FRENCH)).doesNotContain("oubliez");
    }

    static LocalDate monday() {
        return LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(8).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }
}
