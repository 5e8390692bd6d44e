package org.follicle.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

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
 * Scheduling with what it depends on and nothing else (no sessions, plans or outcomes): the aftercare email follows
 * a signed session's {@link AppointmentAttended}, once the transaction that publishes it commits.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(StaffFixture.class)
class AftercareScenarioIT {

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

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
}
