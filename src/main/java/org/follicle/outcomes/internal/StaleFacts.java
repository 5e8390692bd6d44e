package org.follicle.outcomes.internal;

import org.follicle.diagnosis.AssessmentRecorded;
import org.follicle.diagnosis.DiagnosisRecorded;
import org.follicle.patients.PatientCorrected;
import org.follicle.patients.PatientVoided;
import org.follicle.plans.PlanChanged;
import org.follicle.scheduling.AppointmentTypeChanged;
import org.follicle.sessions.AdverseEventRecorded;
import org.follicle.sessions.SessionSigned;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Marks the patients whose cohort facts a change makes stale, for the next refresh to compute again
 * ({@link CohortFacts}), from the facts the other modules publish about what the reports read: a patient's details,
 * a course, an assessment or a diagnosis, a signed session, an adverse event, an appointment type's price.
 * <p>
 * In the transaction of the change, not after it: the mark commits if and only if the change does, in one statement.
 * After the commit a lost mark would leave a report wrong until the patient's next change, and the event publication
 * log that prevents it costs two more writes a change.
 */
@Component
class StaleFacts {

    private final JdbcClient jdbc;

    StaleFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void mark(long patientId) {
        jdbc.sql("INSERT INTO outcomes_stale (patient_id) VALUES (:patient)").param("patient", patientId).update();
    }

    @EventListener
    void on(PatientCorrected corrected) {
        mark(corrected.patientId());
    }

    @EventListener
    void on(PatientVoided voided) {
        mark(voided.patientId());
    }

    @EventListener
    void on(PlanChanged changed) {
        mark(changed.patientId());
    }

    @EventListener
    void on(AssessmentRecorded recorded) {
        mark(recorded.patientId());
    }

    @EventListener
    void on(DiagnosisRecorded recorded) {
        mark(recorded.patientId());
    }

    @EventListener
    void on(SessionSigned signed) {
        mark(signed.patientId());
    }

    @EventListener
    void on(AdverseEventRecorded recorded) {
        mark(recorded.patientId());
    }

    /** A type's price is in the cost of every course with an appointment of that type. */
    @EventListener
    void on(AppointmentTypeChanged changed) {
        jdbc.sql("""
                INSERT INTO outcomes_stale (patient_id)
                SELECT DISTINCT patient_id FROM scheduling_appointment
                WHERE organisation_id = :org AND type_code = :code AND plan_id IS NOT NULL""")
                .param("org", changed.organisationId()).param("code", changed.code()).update();
    }
}
