package org.follicle.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.follicle.diagnosis.AssessmentRecorded;
import org.follicle.diagnosis.DiagnosisRecorded;
import org.follicle.patients.PatientCorrected;
import org.follicle.patients.PatientVoided;
import org.follicle.plans.PlanChanged;
import org.follicle.sessions.AdverseEventRecorded;
import org.follicle.sessions.SessionSigned;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
class StaleFactsScenarioIT {

    /** Patients no other test has: marks need no patient row. */
    private static final long FIRST = 9_000_001;

    @Autowired
    JdbcClient jdbc;

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

    private long marks(long patient) {
        return jdbc.sql("SELECT count(*) FROM outcomes_stale WHERE patient_id = :p").param("p", patient)
                .query(Long.class).single();
    }
}
