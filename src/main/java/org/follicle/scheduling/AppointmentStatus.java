package org.follicle.scheduling;

/** Where an appointment stands. Cancelled and missed appointments free their time but stay on record. */
public enum AppointmentStatus {
    BOOKED, ATTENDED, CANCELLED, NO_SHOW;

    /** Whether the appointment still takes its practitioner's and room's time. */
    public boolean takesTime() {
        return this == BOOKED || this == ATTENDED;
    }
}
