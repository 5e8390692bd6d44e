package org.follicle.plans;

import java.time.LocalDate;
import java.util.List;

/**
 * Treatment plans for systems that exchange records with the clinic (the FHIR API): each course with its planned
 * visits and the appointments booked for them. Reads are checked and audited as on the chart.
 */
public interface PlanExchange {

    /** The patient's courses, the latest first. */
    List<Course> coursesOf(long patientId);

    /** One course, if the user may read its patient's record; 404 otherwise. */
    Course course(long planId);

    /**
     * A course.
     *
     * @param status PROPOSED, ACTIVE, PAUSED, COMPLETED or STOPPED
     */
    record Course(long id, long patientId, long clinicId, long practitionerId, String protocolCode,
            String protocolName, String protocolSource, String status, String statusReason, LocalDate startsOn,
            List<PlannedVisit> visits) {
    }

    /**
     * A visit of the course, with the appointment booked for it if there is one.
     *
     * @param kind SESSION, EVALUATION or CHECK_IN
     */
    record PlannedVisit(int sequence, String kind, String typeCode, LocalDate target, Long appointmentId) {
    }
}
