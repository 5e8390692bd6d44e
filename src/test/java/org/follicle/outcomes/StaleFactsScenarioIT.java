package org.follicle.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.follicle.diagnosis.AssessmentRecorded;
import org.follicle.diagnosis.DiagnosisRecorded;
import org.follicle.patients.PatientCorrected;
import org.follicle.patients.PatientVoided;
import org.follicle.plans.PlanChanged;
import org.follicle.scheduling.AppointmentTypeChanged;
import org.follicle.security.Role;
import org.follicle.sessions.AdverseEventRecorded;
import org.follicle.sessions.SessionSigned;
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
 * Each fact the other modules publish about what the cohort reports read marks its patient's facts stale, in the
 * publishing transaction.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(StaffFixture.class)
class StaleFactsScenarioIT {

    /** Patients no other test has: marks need no patient row. */
    private static final long FIRST = 9_000_001;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffFixture fixture;

    @Test
    void everyPublishedFactMarksItsPatient(Scenario scenario) {
        List<Object> facts = List.of(new PatientCorrected(FIRST), new PatientVoided(FIRST + 1),
                new PlanChanged(1, FIRST + 2), new AssessmentRecorded(1, FIRST + 3, false),
                new DiagnosisRecorded(1, FIRST + 4), new SessionSigned(1, 1, 1, FIRST + 5, null, Instant.now()),
                new AdverseEventRecorded(1, FIRST + 6, true));
        for (int i = 0; i < facts.size(); i++) {
            long patient = FIRST + i;
            scenario.publish(facts.get(i))
                    .andCleanup(() -> jdbc.sql("DELETE FROM outcomes_stale WHERE patient_id = :p").param("p", patient)
                            .update())
                    .andWaitForStateChange(() -> marks(patient), marks -> marks > 0)
                    .andVerify(marks -> assertThat(marks).as(facts.toString()).isEqualTo(1));
        }
    }

    @Test
    void aTypesNewPriceMarksThePatientsWithACourseOfThatType(Scenario scenario) {
        Organisation org = fixture.organisation();
        long doctor = fixture.staff(org, "doctor", Map.of(org.paris(), Role.PRACTITIONER)).id();
        long patient = fixture.patient(org, org.paris(), "Prix", "Paula");
        long other = fixture.patient(org, org.paris(), "Autre", "Olga");
        long plan = fixture.startedCourse(org, org.paris(), patient, doctor, "PRP", LocalDate.now());
        for (long p : new long[] { patient, other }) {
            jdbc.sql("""
                    INSERT INTO scheduling_appointment (organisation_id, clinic_id, patient_id, practitioner_id,
                        type_code, starts_at, ends_at, status, plan_id, plan_sequence, created_at, created_by,
                        changed_at, changed_by)
                    VALUES (:org, :clinic, :patient, :doctor, :type, :start, :start + INTERVAL '30 minutes', 'BOOKED',
                        :plan, :sequence, now(), 'test', now(), 'test')""")
                    .param("org", org.id()).param("clinic", org.paris()).param("patient", p).param("doctor", doctor)
                    .param("type", p == patient ? "PRP" : "MESOTHERAPY")
                    .param("start", OffsetDateTime.now().plusDays(p == patient ? 3 : 4))
                    .param("plan", p == patient ? plan : null).param("sequence", p == patient ? 1 : null).update();
        }
        jdbc.sql("DELETE FROM outcomes_stale WHERE patient_id IN (:p)").param("p", List.of(patient, other)).update();

        scenario.publish(new AppointmentTypeChanged(org.id(), "PRP"))
                .andWaitForStateChange(() -> marks(patient), marks -> marks > 0)
                .andVerify(marks -> assertThat(marks(other)).as("a patient without a course of that type").isZero());
    }

    private long marks(long patient) {
        return jdbc.sql("SELECT count(*) FROM outcomes_stale WHERE patient_id = :p").param("p", patient)
                .query(Long.class).single();
    }
}
