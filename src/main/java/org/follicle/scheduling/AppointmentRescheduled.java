package org.follicle.scheduling;

import java.time.LocalDate;

/**
 * Published in the transaction that moves a plan's appointment or marks it missed, so that the plan can adapt
 * the sessions after it.
 *
 * @param newDate the day the session now takes place, or {@code null} when it was missed
 */
public record AppointmentRescheduled(long appointmentId, long planId, int planSequence, LocalDate previousDate,
        LocalDate newDate) {

    public boolean missed() {
        return newDate == null;
    }
}
