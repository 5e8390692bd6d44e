package org.follicle.scheduling;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * The appointments of a treatment course, booked together: all or none.
 *
 * @param overrideReason the practitioner's reason to book despite the screening or the minimum interval, or
 *        {@code null}
 */
public record CourseBooking(long clinicId, long patientId, long practitionerId, Long roomId, long planId,
        List<Visit> visits, String overrideReason) {

    /** One appointment of the course, in its place. */
    public record Visit(int sequence, String typeCode, ZonedDateTime start) {
    }
}
