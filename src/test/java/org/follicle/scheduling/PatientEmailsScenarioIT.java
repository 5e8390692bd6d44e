package org.follicle.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.follicle.formulary.LotRecalled;
import org.follicle.security.Role;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * Scheduling with what it depends on and nothing else (no sessions, plans or outcomes): the patient emails that
 * follow the facts it listens to.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(StaffFixture.class)
class PatientEmailsScenarioIT {

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    /** The aftercare follows a signed session's appointment, once the transaction that publishes it commits. */
    @Test
    void theAftercareOfAnAttendedSessionIsQueuedToGoNow(Scenario scenario) {
        Organisation org = fixture.organisation();
        long doctor = fixture.staff(org, "doctor", Map.of(org.paris(), Role.PRACTITIONER)).id();
        long patient = fixture.patient(org, org.paris(), "Scenario", "Sam");
        jdbc.sql("UPDATE patients_patient SET email = 'sam@example.invalid' WHERE id = :id").param("id", patient)
                .update();
        OffsetDateTime started = OffsetDateTime.now().minusHours(1);
        long appointment = jdbc.sql("""
                INSERT INTO scheduling_appointment (organisation_id, clinic_id, patient_id, practitioner_id, type_code,
                    starts_at, ends_at, status, created_at, created_by, changed_at, changed_by)
                VALUES (:org, :clinic, :patient, :doctor, 'MESOTHERAPY', :start, :start + INTERVAL '30 minutes',
                    'ATTENDED', now(), 'test', now(), 'test') RETURNING id""")
                .param("org", org.id()).param("clinic", org.paris()).param("patient", patient)
                .param("doctor", doctor).param("start", started).query(Long.class).single();

        scenario.publish(new AppointmentAttended(appointment, org.paris(), patient, LocalDate.now()))
                .andWaitForStateChange(() -> jdbc.sql("""
                        SELECT recipient FROM messaging_message
                        WHERE appointment_id = :a AND kind = 'AFTERCARE' AND status = 'QUEUED' AND send_after <= now()""")
                        .param("a", appointment).query(String.class).list(), queued -> !queued.isEmpty())
                .andVerify(queued -> assertThat(queued).containsExactly("sam@example.invalid"));
    }

    /** A recalled lot's notice goes to each recipient who can be emailed, in the name of the clinic that gave it. */
    @Test
    void aRecalledLotsNoticeGoesToEachRecipientWithAnAddress(Scenario scenario) {
        Organisation org = fixture.organisation();
        long emailed = fixture.patient(org, org.paris(), "Rappel", "Rose");
        long unreachable = fixture.patient(org, org.madrid(), "Rappel", "Marta");
        jdbc.sql("UPDATE patients_patient SET email = 'rose@example.invalid' WHERE id = :id").param("id", emailed)
                .update();

        scenario.publish(new LotRecalled(org.id(), -1, "Dutasteride vial", "D-17", "Contamination",
                List.of(new LotRecalled.Recipient(emailed, org.paris()),
                        new LotRecalled.Recipient(unreachable, org.madrid()))))
                .andWaitForStateChange(() -> jdbc.sql("""
                        SELECT patient_id || ' ' || clinic_id || ' ' || recipient FROM messaging_message
                        WHERE kind = 'LOT_RECALL' AND patient_id IN (:p)""").param("p", List.of(emailed, unreachable))
                        .query(String.class).list(), sent -> !sent.isEmpty())
                .andVerify(sent -> assertThat(sent).containsExactly(emailed + " " + org.paris()
                        + " rose@example.invalid"));
    }
}
