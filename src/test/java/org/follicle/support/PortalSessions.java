package org.follicle.support;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A patient signed in to the portal as they would be: an account for their address, a link asked for and followed. */
public final class PortalSessions {

    private static final Pattern LINK = Pattern.compile("/portal/login/ott\\?token=([0-9a-f-]{36})");

    private PortalSessions() {
    }

    /**
     * Signs the patient in with their open account, or first gives them an address and an account as an invitation
     * would.
     */
    public static Http signedIn(int port, JdbcClient jdbc, long patientId) {
        String email = jdbc.sql("SELECT email FROM portal_account WHERE patient_id = :id AND closed_at IS NULL")
                .param("id", patientId).query(String.class).optional().orElse(null);
        if (email == null) {
            email = "patient." + patientId + "@example.org";
            jdbc.sql("UPDATE patients_patient SET email = :email WHERE id = :id").param("email", email)
                    .param("id", patientId).update();
            jdbc.sql("""
                    INSERT INTO portal_account (organisation_id, clinic_id, patient_id, email, invited_at, invited_by)
                    SELECT organisation_id, clinic_id, id, :email, now(), 'test' FROM patients_patient WHERE id = :id""")
                    .param("email", email).param("id", patientId).update();
        }
        Http browser = new Http(port);
        browser.page("/portal/login");
        browser.form("/portal/login/link", Map.of("email", email));
        String token = lastLinkToken(jdbc, patientId);
        browser.page("/portal/login/ott?token=" + token);
        HttpResponse<String> in = browser.form("/portal/login/ott", Map.of("token", token));
        if (!in.headers().firstValue("Location").orElse("").endsWith("/portal")) {
            throw new IllegalStateException("not signed in: " + in.statusCode());
        }
        browser.page("/portal");
        return browser;
    }

    /** The token of the latest sign-in link emailed to the patient. */
    public static String lastLinkToken(JdbcClient jdbc, long patientId) {
        String body = jdbc.sql("""
                SELECT body FROM messaging_message WHERE patient_id = :p AND kind = 'SIGN_IN_LINK'
                ORDER BY id DESC LIMIT 1""").param("p", patientId).query(String.class).optional().orElse("");
        Matcher m = LINK.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no sign-in link in " + body);
        }
        return m.group(1);
    }

    /** A mesotherapy session started half an hour ago by the practitioner, as the chart would have opened it. */
    public static long sessionStartedToday(JdbcClient jdbc, StaffFixture.Organisation org, long practitionerId,
            long patientId) {
        long appointment = jdbc.sql("""
                INSERT INTO scheduling_appointment (organisation_id, clinic_id, patient_id, practitioner_id, type_code,
                    starts_at, ends_at, status, created_at, created_by, changed_at, changed_by)
                VALUES (:org, :clinic, :patient, :doctor, 'MESOTHERAPY', now() - INTERVAL '40 minutes',
                    now() - INTERVAL '10 minutes', 'ATTENDED', now(), 'test', now(), 'test') RETURNING id""")
                .param("org", org.id()).param("clinic", org.paris()).param("patient", patientId)
                .param("doctor", practitionerId).query(Long.class).single();
        return jdbc.sql("""
                INSERT INTO sessions_session (organisation_id, clinic_id, patient_id, appointment_id, practitioner_id,
                    modality, precheck, screening_decision, screening_findings, status, started_at, started_by,
                    changed_at, changed_by)
                VALUES (:org, :clinic, :patient, :appointment, :doctor, 'CHEMICAL', '{}', 'ELIGIBLE', '[]', 'OPEN',
                    now() - INTERVAL '30 minutes', 'test', now(), 'test') RETURNING id""").param("org", org.id())
                .param("clinic", org.paris()).param("patient", patientId).param("appointment", appointment)
                .param("doctor", practitionerId).query(Long.class).single();
    }
}
