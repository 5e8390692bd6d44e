package org.follicle.portal.internal;

import java.util.List;

import org.follicle.system.DemoDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Marc Lefèvre, a demo patient of Paris, invited to the portal, with a message from the clinic waiting. */
@Component
class PortalDemoData implements DemoDataContributor {

    static final String EMAIL = "marc.lefevre@example.invalid";

    private final JdbcClient jdbc;

    PortalDemoData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int getOrder() {
        return 99;
    }

    @Override
    public void loadDemoData() {
        jdbc.sql("""
                INSERT INTO portal_account (organisation_id, clinic_id, patient_id, email, invited_at, invited_by)
                SELECT organisation_id, clinic_id, id, email, now(), 'demo' FROM patients_patient
                WHERE lower(email) = :email""").param("email", EMAIL).update();
        jdbc.sql("""
                INSERT INTO portal_message (organisation_id, clinic_id, patient_id, from_patient, author, body, sent_at)
                SELECT organisation_id, clinic_id, patient_id, FALSE, 'Dr Hélène Moreau',
                       'Bonjour, écrivez-nous ici pour toute question sur vos soins.', now()
                FROM portal_account WHERE lower(email) = :email""").param("email", EMAIL).update();
    }

    @Override
    public List<String> describeDemoData() {
        return List.of("Patient portal: /portal, sign in as " + EMAIL
                + " (without an email server, the sign-in link is shown on the page)");
    }
}
