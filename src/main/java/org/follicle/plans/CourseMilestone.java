package org.follicle.plans;

import java.time.LocalDate;
import java.util.List;

/**
 * An evaluation visit of a patient's course, where the protocol put it: what it measures and at which sites.
 *
 * @param milestone the protocol's ISO period after the first session ({@code P6M})
 * @param months the milestone in whole months, how cohorts compare courses
 * @param due the booked evaluation's day, or the day the protocol targets when none is booked
 * @param treatment MESOTHERAPY, PRP, COMBINED or OTHER, from the protocol's session types
 */
public record CourseMilestone(long planId, long clinicId, long patientId, String protocolCode, String protocolName,
        String treatment, LocalDate startsOn, String planStatus, String milestone, int months, LocalDate due,
        List<String> measures, List<String> sites) {
}
