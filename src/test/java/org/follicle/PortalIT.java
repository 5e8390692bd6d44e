package org.follicle;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.follicle.support.PortalSessions;
import org.follicle.support.Signatures;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.follicle.support.StaffFixture.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The patient portal as patients and the clinic use it: invited by the clinic, signed in by a link that works once,
 * seeing and changing only their own records, booking within the clinic's rules, reporting after a treatment to
 * the side-effects list, and writing to the clinic.
 */
@FollicleIntegrationTest
public class PortalIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    Organisation org;

    Staff doctor;

    Http desk;

    long elise;

    @BeforeEach
    void clinic() {
        org = fixture.organisation();
        doctor = fixture.staff(org, "doctor", Map.of(org.paris(), Role.PRACTITIONER));
        fixture.weekdayHours(org.paris(), doctor.id());
        Staff assistant = fixture.staff(org, "desk", Map.of(org.paris(), Role.ASSISTANT));
        desk = new Http(port);
        desk.signIn(assistant.username(), StaffFixture.PASSWORD);
        elise = patient("Durand", "Élise", "fr");
    }

    long patient(String family, String given, String language) {
        long id = fixture.patient(org, org.paris(), family, given);
        jdbc.sql("UPDATE patients_patient SET email = :email, preferred_language = :language WHERE id = :id")
                .param("email", given.toLowerCase().replace("é", "e") + "." + id + "@example.org")
                .param("language", language).param("id", id).update();
        return id;
    }

    String email(long patient) {
        return jdbc.sql("SELECT email FROM patients_patient WHERE id = :id").param("id", patient).query(String.class)
                .single();
    }

    void invite(long patient) {
        desk.page("/patients/" + patient);
        HttpResponse<String> invited = desk.form("/patients/" + patient + "/portal-invitation", Map.of());
        assertThat(invited.statusCode()).isEqualTo(302);
        assertThat(messages(patient, "PORTAL_INVITATION")).isEqualTo(1);
    }

    int messages(long patient, String kind) {
        return jdbc.sql("SELECT count(*) FROM messaging_message WHERE patient_id = :p AND kind = :k")
                .param("p", patient).param("k", kind).query(Integer.class).single();
    }

    /** Asks for a link as the patient would and returns the token the email carries. */
    String askForLink(Http browser, long patient) {
        browser.page("/portal/login");
        HttpResponse<String> asked = browser.form("/portal/login/link", Map.of("email", email(patient)));
        assertThat(asked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/portal/login/sent"));
        return PortalSessions.lastLinkToken(jdbc, patient);
    }

    HttpResponse<String> follow(Http browser, String token) {
        browser.page("/portal/login/ott?token=" + token);
        return browser.form("/portal/login/ott", Map.of("token", token));
    }

    Http signedIn(long patient) {
        invite(patient);
        Http browser = new Http(port);
        HttpResponse<String> in = follow(browser, askForLink(browser, patient));
        assertThat(in.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/portal"));
        return browser;
    }

    @Test
    void anInvitedPatientSignsInWithALinkThatWorksOnce() {
        Http browser = new Http(port);
        assertThat(browser.page("/portal").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/portal/login"));
        // Before the invitation the address has no account: the same answer, and no email.
        browser.page("/portal/login");
        assertThat(browser.form("/portal/login/link", Map.of("email", email(elise))).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/portal/login/sent"));
        assertThat(messages(elise, "SIGN_IN_LINK")).isZero();
        assertThat(browser.form("/portal/login/link", Map.of("email", "not an address")).body())
                .contains("Enter an email address", "is-invalid");

        invite(elise);
        String token = askForLink(browser, elise);
        HttpResponse<String> in = follow(browser, token);
        assertThat(in.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/portal"));
        HttpResponse<String> home = browser.page("/portal");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Bonjour Élise", "Vos rendez-vous");
        assertThat(jdbc.sql("SELECT count(*) FROM security_audit_entry WHERE actor = :a AND organisation_id = :o")
                .param("a", "patient:" + elise).param("o", org.id()).query(Integer.class).single()).isPositive();

        Http other = new Http(port);
        assertThat(follow(other, token).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/portal/login?invalid"));
        assertThat(other.page("/portal/login?invalid").body()).contains("expired or has already been used");
        assertThat(jdbc.sql("SELECT count(*) FROM security_audit_entry WHERE actor LIKE :t").param("t", "%" + token + "%")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM security_audit_entry WHERE action = 'LOGIN' AND actor = :a")
                .param("a", "patient:" + elise).query(Integer.class).single()).isEqualTo(1);
        // A staff member's session is no way into the portal, nor a patient's into the staff pages.
        assertThat(desk.page("/portal").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/portal/login"));
        assertThat(browser.page("/patients/" + elise).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        browser.form("/portal/logout", Map.of());
        assertThat(browser.page("/portal").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/portal/login"));
    }

    @Test
    void aPatientSeesAndChangesOnlyTheirOwnRecords() {
        long marc = patient("Martin", "Marc", "en");
        Http eliseBrowser = signedIn(elise);
        Http marcsBrowser = signedIn(marc);
        long marcsVisit = appointment(marc, "CONSULTATION", nextMonday().plusDays(7).atTime(10, 0), "BOOKED");
        long marcsSession = session(marc);
        long marcsInvoice = issuedInvoice(marc);
        marcsBrowser.page("/portal/invoices");
        String marcsCheckout = marcsBrowser.form("/portal/invoices/" + marcsInvoice + "/pay", Map.of()).headers()
                .firstValue("Location").orElseThrow();
        assertThat(marcsCheckout).contains("/portal/payments/local/");
        String checkoutPath = marcsCheckout.substring(marcsCheckout.indexOf("/portal/"));

        eliseBrowser.page("/portal");
        assertThat(eliseBrowser.form("/portal/appointments/" + marcsVisit + "/cancel", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT status FROM scheduling_appointment WHERE id = :id").param("id", marcsVisit)
                .query(String.class).single()).isEqualTo("BOOKED");
        assertThat(eliseBrowser.form("/portal/aftercare/" + marcsSession, Map.of("pain", "9", "redness", "true",
                "swelling", "true", "concern", "true")).statusCode()).isIn(302, 404);
        assertThat(jdbc.sql("SELECT count(*) FROM portal_checkin WHERE session_id = :s").param("s", marcsSession)
                .query(Integer.class).single()).isZero();
        assertThat(eliseBrowser.page("/portal/invoices/" + marcsInvoice + "/pdf").statusCode()).isEqualTo(404);
        assertThat(eliseBrowser.page("/portal/invoices").body()).doesNotContain("F-000001");
        assertThat(eliseBrowser.form("/portal/invoices/" + marcsInvoice + "/pay", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(eliseBrowser.page(checkoutPath).statusCode()).isEqualTo(404);
        assertThat(eliseBrowser.form(checkoutPath, Map.of()).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM billing_payment WHERE invoice_id = :i").param("i", marcsInvoice)
                .query(Integer.class).single()).isZero();

        // Marc, on his own: his invoice, its PDF, and paying it on the gateway's page.
        assertThat(marcsBrowser.page("/portal/invoices").body()).contains("F-000001", "Pay online");
        assertThat(marcsBrowser.page(checkoutPath).body()).contains("F-000001");
        assertThat(marcsBrowser.page("/portal/invoices/" + marcsInvoice + "/pdf").statusCode()).isEqualTo(200);
        assertThat(marcsBrowser.form(checkoutPath, Map.of()).statusCode()).isEqualTo(302);
        assertThat(marcsBrowser.page("/portal/invoices").body()).contains("paid").doesNotContain("Pay online");
        assertThat(eliseBrowser.page("/portal").body()).doesNotContain("Martin", "MARTIN");
    }

    @Test
    void aPatientBooksWithinTheClinicRulesAndCancelsBeforeTheNotice() {
        Http browser = signedIn(elise);
        LocalDate monday = nextMonday();
        HttpResponse<String> times = browser.page("/portal/book?type=CONSULTATION&practitioner=" + doctor.id()
                + "&day=" + monday);
        assertThat(times.body()).contains("value=\"" + monday + "T09:00\"", "value=\"" + monday + "T17:30\"")
                .doesNotContain("T18:00\"");
        HttpResponse<String> booked = browser.form("/portal/book", Map.of("type", "CONSULTATION",
                "practitioner", String.valueOf(doctor.id()), "start", monday + "T09:00"));
        assertThat(booked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/portal"));
        long visit = jdbc.sql("SELECT id FROM scheduling_appointment WHERE patient_id = :p AND created_by = :by")
                .param("p", elise).param("by", "patient:" + elise).query(Long.class).single();
        assertThat(messages(elise, "CONFIRMATION")).isEqualTo(1);
        assertThat(browser.page("/portal/book?type=CONSULTATION&practitioner=" + doctor.id() + "&day=" + monday)
                .body()).doesNotContain("value=\"" + monday + "T09:00\"");

        // Outside the hours, and a treatment the screening does not clear (no intake yet): refused, plainly.
        assertThat(browser.form("/portal/book", Map.of("type", "CONSULTATION", "practitioner",
                String.valueOf(doctor.id()), "start", monday + "T20:00")).body()).contains("pas ouverte");
        HttpResponse<String> treatment = browser.form("/portal/book", Map.of("type", "MESOTHERAPY",
                "practitioner", String.valueOf(doctor.id()), "start", monday + "T11:00"));
        assertThat(treatment.body()).contains("ne peut pas être réservé en ligne", "Contactez votre clinique");
        assertThat(jdbc.sql("SELECT count(*) FROM scheduling_appointment WHERE patient_id = :p").param("p", elise)
                .query(Integer.class).single()).isEqualTo(1);

        // Moved to another free time of the same practitioner, then cancelled.
        assertThat(browser.page("/portal/appointments/" + visit + "/move?day=" + monday).body())
                .contains("value=\"" + monday + "T10:30\"");
        assertThat(browser.form("/portal/appointments/" + visit + "/move", Map.of("start", monday + "T20:00")).body())
                .contains("pas ouverte");
        HttpResponse<String> moved = browser.form("/portal/appointments/" + visit + "/move",
                Map.of("start", monday + "T10:30"));
        assertThat(moved.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/portal"));
        assertThat(jdbc.sql("SELECT to_char(starts_at AT TIME ZONE 'Europe/Paris', 'HH24:MI') FROM scheduling_appointment "
                + "WHERE id = :id").param("id", visit).query(String.class).single()).isEqualTo("10:30");
        assertThat(messages(elise, "RESCHEDULED")).isEqualTo(1);
        browser.page("/portal");
        assertThat(browser.form("/portal/appointments/" + visit + "/cancel", Map.of()).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT status FROM scheduling_appointment WHERE id = :id").param("id", visit)
                .query(String.class).single()).isEqualTo("CANCELLED");
        long soon = appointment(elise, "CONSULTATION",
                java.time.LocalDateTime.now(ZoneId.of("Europe/Paris")).plusHours(3).withSecond(0).withNano(0), "BOOKED");
        browser.form("/portal/appointments/" + soon + "/cancel", Map.of());
        assertThat(jdbc.sql("SELECT status FROM scheduling_appointment WHERE id = :id").param("id", soon)
                .query(String.class).single()).isEqualTo("BOOKED");
        assertThat(browser.page("/portal").body()).contains("appelez votre clinique");

        // The clinic shortens its notice to two hours: three hours ahead, the patient may cancel online.
        Http manager = new Http(port);
        manager.signIn(fixture.staff(org, "manager", Map.of(org.paris(), Role.ADMIN)).username(), StaffFixture.PASSWORD);
        manager.page("/calendar/settings");
        manager.form("/calendar/settings/messages", Map.of("preCareDays", "7", "aftercareHours", "24",
                "cancellationNoticeHours", "2"));
        browser.page("/portal");
        browser.form("/portal/appointments/" + soon + "/cancel", Map.of());
        assertThat(jdbc.sql("SELECT status FROM scheduling_appointment WHERE id = :id").param("id", soon)
                .query(String.class).single()).isEqualTo("CANCELLED");
    }

    @Test
    void aWorryingReportAfterATreatmentReachesTheSideEffectsList() {
        Http browser = signedIn(elise);
        long session = session(elise);
        assertThat(browser.page("/portal/aftercare").body()).contains("jour 0", "Douleur");
        HttpResponse<String> unanswered = browser.form("/portal/aftercare/" + session,
                Map.of("pain", "6", "redness", "true", "swelling", "false"));
        assertThat(unanswered.body()).contains("Répondez par oui ou par non");
        assertThat(jdbc.sql("SELECT count(*) FROM portal_checkin WHERE session_id = :s").param("s", session)
                .query(Integer.class).single()).isZero();

        HttpResponse<String> sent = browser.form("/portal/aftercare/" + session, Map.of("pain", "6", "redness",
                "true", "swelling", "false", "concern", "true", "note", "Des boutons sur le vertex"));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(browser.form("/portal/aftercare/" + session, Map.of("pain", "2", "redness", "false", "swelling",
                "false", "concern", "false")).body()).contains("déjà fait le point");

        Staff manager = fixture.staff(org, "nurse", Map.of(org.paris(), Role.PRACTITIONER));
        Http clinic = new Http(port);
        clinic.signIn(manager.username(), StaffFixture.PASSWORD);
        HttpResponse<String> list = clinic.page("/adverse-events");
        assertThat(list.body()).contains("Reported by patients", "douleur 6/10", "Des boutons sur le vertex");
        long report = jdbc.sql("SELECT id FROM sessions_patient_report WHERE patient_id = :p").param("p", elise)
                .query(Long.class).single();
        clinic.form("/patient-reports/" + report + "/review", Map.of("note", "Called her: mild folliculitis, cream"));
        assertThat(clinic.page("/adverse-events").body()).doesNotContain("Des boutons sur le vertex");
    }

    @Test
    void messagesGoBothWaysAndTheEmailCarriesNoText() {
        Http browser = signedIn(elise);
        browser.page("/portal/messages");
        assertThat(browser.form("/portal/messages", Map.of("text", "  ")).body()).contains("Écrivez d&#39;abord");
        browser.form("/portal/messages", Map.of("text", "Puis-je me laver les cheveux ce soir ?"));
        HttpResponse<String> chart = desk.page("/patients/" + elise);
        assertThat(chart.body()).contains("Puis-je me laver les cheveux ce soir ?");
        desk.form("/patients/" + elise + "/portal-messages", Map.of("text", "Oui, doucement, à l'eau tiède."));
        String notice = jdbc.sql("SELECT body FROM messaging_message WHERE patient_id = :p AND kind = 'PORTAL_MESSAGE'")
                .param("p", elise).query(String.class).single();
        assertThat(notice).doesNotContain("tiède");
        assertThat(browser.page("/portal").body()).contains("1 nouveau(x) message(s)");
        assertThat(browser.page("/portal/messages").body()).contains("Oui, doucement, à l&#39;eau tiède.");
    }

    /** An invoice issued to the patient by the front desk, through the API. */
    long issuedInvoice(long patient) {
        String admin = fixture.token(fixture.staff(org, "manager", Map.of(org.paris(), Role.ADMIN)));
        Http api = new Http(port);
        assertThat(api.send("PUT", "/api/v1/clinics/" + org.paris() + "/seller", admin, BillingIT.SELLER, Map.of())
                .statusCode()).isEqualTo(200);
        long invoice = SchedulingIT.id(api.send("POST", "/api/v1/invoices", admin, BillingIT.draft(org.paris(), patient),
                Map.of()));
        assertThat(api.send("POST", "/api/v1/invoices/" + invoice + "/issue", admin, null, Map.of("If-Match", "\"1\""))
                .statusCode()).isEqualTo(200);
        return invoice;
    }

    @Test
    void photosSentFromAPhoneAreConsentGatedStrippedAndMarkedAsThePatients() {
        Http browser = signedIn(elise);
        browser.page("/portal/photos");
        assertThat(browser.page("/portal/photos").body()).contains("besoin de votre consentement");
        assertThat(sendPhoto(browser, "TOP", Photos.jpegWithExif()).statusCode()).isEqualTo(302);
        assertThat(browser.page("/portal/photos").body()).contains("besoin de votre consentement");
        assertThat(jdbc.sql("SELECT count(*) FROM diagnosis_photo WHERE patient_id = :p").param("p", elise)
                .query(Integer.class).single()).isZero();

        fixture.consent(elise, org.paris(), org.id(), "PHOTOGRAPHY");
        browser.page("/portal/photos");
        sendPhoto(browser, "TOP", "not a photo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(browser.page("/portal/photos").body()).contains("alert-danger");
        sendPhoto(browser, "CLOSE_UP", Photos.jpegWithExif());
        assertThat(browser.page("/portal/photos").body()).contains("Choisissez l&#39;une des vues standard");
        assertThat(sendPhoto(browser, "TOP", Photos.jpegWithExif()).statusCode()).isEqualTo(302);
        var photo = jdbc.sql("SELECT id, submitted_by_patient, taken_by FROM diagnosis_photo WHERE patient_id = :p")
                .param("p", elise).query().singleRow();
        assertThat(photo).containsEntry("submitted_by_patient", true).containsEntry("taken_by", "patient:" + elise);
        long id = ((Number) photo.get("id")).longValue();
        assertThat(browser.page("/portal/photos").body()).contains("/portal/photos/" + id);
        assertThat(desk.page("/patients/" + elise).body()).contains("Sent by the patient, not for assessment");

        long marc = patient("Martin", "Marc", "en");
        Http marcsBrowser = signedIn(marc);
        assertThat(marcsBrowser.page("/portal/photos/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void theProgressPageShowsTheMeasuredDensityPerSiteAndPromisesNothing() {
        Http browser = signedIn(elise);
        assertThat(browser.page("/portal/progress").body()).contains("Pas encore de mesure");
        String doctorToken = fixture.token(doctor);
        Http api = new Http(port);
        for (String[] visit : new String[][] { { "2026-06-01", "40" }, { "2026-11-20", "46" } }) {
            HttpResponse<String> r = api.send("POST", "/api/v1/patients/" + elise + "/assessments", doctorToken,
                    DiagnosisIT.ASSESSMENT.replace("2026-11-20", visit[0]).replace("\"hairs\":42", "\"hairs\":" + visit[1])
                            .replace("\n", ""), Map.of());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        String page = browser.page("/portal/progress").body();
        assertThat(page).contains("Densité des cheveux par zone", "2026-06-01", "2026-11-20", "+")
                .doesNotContainIgnoringCase("garanti");
    }

    @Test
    void thePatientAnswersTheQuestionnaireAndSignsAConsentOnTheirPhone() throws Exception {
        Http browser = signedIn(elise);
        assertThat(browser.page("/portal/intake").body()).contains("Votre questionnaire de santé", "medicalHistory.pregnancy");
        assertThat(browser.form("/portal/intake", Map.of("medicalHistory.pregnancy", "NO")).body())
                .contains("alert-danger");
        assertThat(jdbc.sql("SELECT count(*) FROM intake_form WHERE patient_id = :p").param("p", elise)
                .query(Integer.class).single()).isZero();

        Map<String, String> answers = new java.util.LinkedHashMap<>();
        flatten("", new tools.jackson.databind.json.JsonMapper().readTree(IntakeIT.intake("\"NO\"", "[]")), answers);
        HttpResponse<String> saved = browser.form("/portal/intake", answers);
        assertThat(saved.headers().firstValue("Location")).as(saved.body())
                .hasValueSatisfying(l -> assertThat(l).endsWith("/portal"));
        assertThat(jdbc.sql("SELECT recorded_by FROM intake_form WHERE patient_id = :p").param("p", elise)
                .query(String.class).single()).isEqualTo("patient:" + elise);
        // Screened clear by the answers, the treatment can now be booked online.
        HttpResponse<String> treatment = browser.form("/portal/book", Map.of("type", "MESOTHERAPY",
                "practitioner", String.valueOf(doctor.id()), "start", nextMonday() + "T11:00"));
        assertThat(treatment.headers().firstValue("Location")).as(treatment.body())
                .hasValueSatisfying(l -> assertThat(l).endsWith("/portal"));

        assertThat(browser.page("/portal").body()).contains("/portal/consents/MESOTHERAPY");
        browser.page("/portal/consents/MESOTHERAPY?language=fr");
        assertThat(browser.form("/portal/consents/MESOTHERAPY", Map.of("language", "fr", "signerName", "Élise Durand"))
                .body()).contains("alert-danger");
        HttpResponse<String> signed = browser.form("/portal/consents/MESOTHERAPY", Map.of("language", "fr",
                "signerName", "Élise Durand", "signature", Signatures.drawn()));
        assertThat(signed.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT witness FROM intake_consent WHERE patient_id = :p AND type = 'MESOTHERAPY'")
                .param("p", elise).query(String.class).single()).isEqualTo("patient:" + elise);
        assertThat(browser.page("/portal").body()).doesNotContain("/portal/consents/MESOTHERAPY");
    }

    private static void flatten(String prefix, tools.jackson.databind.JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), into));
        }
        else if (node.isArray()) {
            if (node.size() > 0 && node.get(0).isValueNode()) {
                into.put(prefix, node.get(0).asString());
            }
        }
        else {
            into.put(prefix, node.asString());
        }
    }

    private HttpResponse<String> sendPhoto(Http browser, String view, byte[] image) {
        String boundary = "----portal" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"view\"\r\n\r\n" + view
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(image);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return browser.raw("POST", "/portal/photos", null, "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }

    static LocalDate nextMonday() {
        return LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    long appointment(long patient, String type, java.time.LocalDateTime at, String status) {
        return jdbc.sql("""
                INSERT INTO scheduling_appointment (organisation_id, clinic_id, patient_id, practitioner_id, type_code,
                    starts_at, ends_at, status, created_at, created_by, changed_at, changed_by)
                VALUES (:org, :clinic, :patient, :doctor, :type, CAST(:at AS TIMESTAMPTZ), CAST(:at AS TIMESTAMPTZ) + INTERVAL '30 minutes', :status, now(), 'test',
                    now(), 'test') RETURNING id""").param("org", org.id()).param("clinic", org.paris())
                .param("patient", patient).param("doctor", doctor.id()).param("type", type)
                .param("at", java.sql.Timestamp.from(at.atZone(ZoneId.of("Europe/Paris")).toInstant()))
                .param("status", status).query(Long.class).single();
    }

    long session(long patient) {
        return PortalSessions.sessionStartedToday(jdbc, org, doctor.id(), patient);
    }
}
