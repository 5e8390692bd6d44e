package org.follicle.plans.internal;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A course to plan: the protocol, the formula, who treats and where, from which day at which time of day (the
 * clinic's wall-clock time).
 *
 * @param overrideReason a practitioner's reason to book despite the screening or an interval
 */
record PlanInput(@NotNull Long clinicId, @NotNull Long patientId, @NotBlank @Size(max = 60) String protocolCode,
        Long formulaId, @NotNull Long practitionerId, Long roomId, @NotNull LocalDate startsOn,
        @NotNull LocalTime sessionTime, @Size(max = 500) String overrideReason) {
}
