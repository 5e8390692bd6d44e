package org.follicle;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.follicle.security.Role;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.Lots;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.follicle.SchedulingIT.expect;

/**
 * A lot's recall is an act: the lot is quarantined and never offered or used again (the database refuses a use),
 * each patient who received it is written to through the outbox, in every clinic, and the clinic records who was
 * reached; the practitioner who gave it sees the patients to reach on the dashboard.
 */
@FollicleIntegrationTest
class LotRecallIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    Http http;

    Organisation org;

    StaffFixture.Staff doctor;

    String doctorToken;

    String admin;

    long emailed;

    long unreachable;

    long madridPatient;

    long lot;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        org = fixture.organisation();
        doctor = fixture.staff(org, "doctor", Map.of(org.paris(), Role.PRACTITIONER));
        doctorToken = fixture.token(doctor);
        admin = fixture.token(fixture.staff(org, "manager", Map.of(org.paris(), Role.ADMIN)));
        emailed = fixture.patient(org, org.paris(), "Rappel", "Rose");
        jdbc.sql("UPDATE patients_patient SET email = 'rose@example.invalid' WHERE id = :id").param("id", emailed)
                .update();
        unreachable = fixture.patient(org, org.paris(), "Rappel", "Sans");
        madridPatient = fixture.patient(org, org.madrid(), "Retirada", "Marta");
        jdbc.sql("UPDATE patients_patient SET email = 'marta@example.invalid' WHERE id = :id")
                .param("id", madridPatient).update();
        lot = Lots.receive(http, admin, org.paris(), "Exosome vial", "EXOSOMES", "EX-9", 10);
        give(doctorToken, org.paris(), emailed);
        give(doctorToken, org.paris(), unreachable);
        // Some of the lot goes to Madrid, where a Madrid practitioner gives it to a Madrid patient.
        String bothClinics = fixture.token(fixture.staff(org, "stock", Map.of(org.paris(), Role.ASSISTANT,
                org.madrid(), Role.ASSISTANT)));
        assertThat(http.send("POST", "/api/v1/stock-movements", bothClinics, "{\"clinicId\":" + org.paris() + ",\"lotId\":"
                + lot + ",\"kind\":\"TRANSFER\",\"quantity\":2,\"toClinicId\":" + org.madrid() + "}", Map.of())
                .statusCode()).isEqualTo(201);
        give(fixture.token(fixture.staff(org, "madrid-doc", Map.of(org.madrid(), Role.PRACTITIONER))), org.madrid(),
                madridPatient);
    }

    @Test
    void aRecallQuarantinesTheLotWritesToEveryRecipientAndTracksWhoWasReached() {
        expect(http.send("POST", "/api/v1/lots/" + lot + "/recall", admin, "{\"reason\":\"short\"}", Map.of()), 422,
                "at least 10 characters");
        assertThat(http.send("POST", "/api/v1/lots/" + lot + "/recall", doctorToken,
                "{\"reason\":\"Supplier notice 2026-41: sterility not assured\"}", Map.of()).statusCode())
                .as("a practitioner does not recall a lot").isEqualTo(403);

        HttpResponse<String> recalled = http.send("POST", "/api/v1/lots/" + lot + "/recall", admin,
                "{\"reason\":\"Supplier notice 2026-41: sterility not assured\"}", Map.of());
        assertThat(recalled.statusCode()).as(recalled.body()).isEqualTo(200);
        assertThat(recalled.body()).contains("\"quarantineReason\":\"Supplier notice 2026-41: sterility not assured\"");
        assertThat(jdbc.sql("""
                SELECT patient_id || ' ' || emailed || ' ' || (given_by = :doctor) FROM formulary_recall_contact
                WHERE lot_id = :lot ORDER BY patient_id""").param("lot", lot).param("doctor", doctor.username())
                .query(String.class).list()).containsExactly(emailed + " true true", unreachable + " false true",
                        madridPatient + " true false");
        assertThat(jdbc.sql("""
                SELECT patient_id || ' ' || status || ' ' || language FROM messaging_message WHERE kind = 'LOT_RECALL'
                  AND patient_id IN (:ids) ORDER BY patient_id""").param("ids", java.util.List.of(emailed, unreachable,
                madridPatient)).query(String.class).list())
                .as("every recipient with an email, the Madrid one too, is written to")
                .containsExactly(emailed + " QUEUED en", madridPatient + " QUEUED en");
        assertThat(jdbc.sql("SELECT body FROM messaging_message WHERE kind = 'LOT_RECALL' AND patient_id = :p")
                .param("p", emailed).query(String.class).single()).contains("Hello Rose", "Exosome vial (lot EX-9)")
                .doesNotContain("sterility");

        // Never offered or used again, and the database refuses a use whatever the application does.
        assertThat(http.get("/api/v1/lots?clinic=" + org.paris() + "&usable=true", admin).body())
                .doesNotContain("\"lotNumber\":\"EX-9\"");
        expect(http.send("POST", "/api/v1/preparations", doctorToken, preparation(org.paris(), emailed), Map.of()),
                422, "recalled and quarantined");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO formulary_stock_movement (organisation_id, clinic_id, lot_id, kind, quantity, balance_after,
                    recorded_at, recorded_by) VALUES (:org, :clinic, :lot, 'USED', -1, 0, now(), 'mallory')""")
                .param("org", org.id()).param("clinic", org.paris()).param("lot", lot).update())
                .hasMessageContaining("quarantined");
        expect(http.send("POST", "/api/v1/lots/" + lot + "/recall", admin,
                "{\"reason\":\"Supplier notice 2026-41 again\"}", Map.of()), 422, "already recalled");

        // The practitioner who gave it is told; the clinic records who was reached.
        Http page = new Http(port);
        page.signIn(doctor.username(), StaffFixture.PASSWORD);
        assertThat(page.page("/").body()).contains("Patients to reach about a recalled lot");
        HttpResponse<String> reached = http.send("POST", "/api/v1/lots/" + lot + "/recipients/" + unreachable
                + "/reached", doctorToken, "{\"note\":\"Phoned, no symptom\"}", Map.of());
        assertThat(reached.statusCode()).as(reached.body()).isEqualTo(200);
        assertThat(reached.body()).contains("\"reachedNote\":\"Phoned, no symptom\"");
        expect(http.send("POST", "/api/v1/lots/" + lot + "/recipients/" + unreachable + "/reached", doctorToken,
                "{\"note\":\"again\"}", Map.of()), 422, "already reached");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM security_audit_entry WHERE record_type = 'lot' AND record_id = :lot
                  AND detail LIKE 'recalled, 3 patients to reach%'""").param("lot", String.valueOf(lot))
                .query(Long.class).single()).isEqualTo(1);
    }

    private void give(String token, long clinic, long patient) {
        HttpResponse<String> given = http.send("POST", "/api/v1/preparations", token, preparation(clinic, patient),
                Map.of());
        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
    }

    private String preparation(long clinic, long patient) {
        String key = UUID.randomUUID().toString();
        return "{\"clinicId\":" + clinic + ",\"requestKey\":\"" + key + "\",\"lots\":[{\"lotId\":" + lot
                + ",\"quantity\":1}],\"recipients\":[{\"patientId\":" + patient + ",\"sessionRef\":\"S-" + key + "\"}]}";
    }
}
