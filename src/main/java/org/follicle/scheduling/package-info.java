/**
 * The calendar of each clinic: opening and working hours, closures, appointment types, appointments of patients
 * with practitioners and rooms (never double-booked: the database refuses it), the waiting list, appointment
 * emails through an outbox (confirmation with an .ics file, reminder, pre-care, aftercare) and practitioners'
 * private calendar feeds.
 * <p>
 * Other modules book through {@link org.follicle.scheduling.AppointmentBook} and plan with an
 * {@link org.follicle.scheduling.Agenda}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "security", "clinics", "patients", "messaging",
        "intake", "formulary" })
package org.follicle.scheduling;
