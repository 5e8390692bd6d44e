package org.follicle.scheduling;

import java.time.LocalDate;

/**
 * Published in the transaction that signs an appointment's session, which marks it attended: the patient's
 * aftercare follows once it commits.
 */
public record AppointmentAttended(long appointmentId, long clinicId, long patientId, LocalDate day) {
}
