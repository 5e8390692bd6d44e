package org.follicle.scheduling.internal;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.follicle.scheduling.AppointmentStatus;

/** What reception sends to book, move and close appointments. Times are wall-clock times in the clinic. */
final class BookingInputs {

    private BookingInputs() {
    }

    /**
     * @param end optional: the type's length from the start when left out
     * @param overrideReason a practitioner's reason to book despite the screening or the minimum interval
     */
    record Appointment(@NotNull Long clinicId, @NotNull Long patientId, @NotNull Long practitionerId, Long roomId,
            @NotBlank @Size(max = 40) String typeCode, @NotNull LocalDateTime start, LocalDateTime end,
            @Size(max = 500) String note, @Size(max = 500) String overrideReason) {
    }

    record Move(@NotNull LocalDateTime start, LocalDateTime end, Long roomId, @Size(max = 500) String overrideReason) {
    }

    /** Cancelled and missed need a reason of a few words when cancelled; attended needs none. */
    record Outcome(@NotNull AppointmentStatus status, @Size(max = 500) String reason) {
    }

    record Waiting(@NotNull Long clinicId, @NotNull Long patientId, @NotBlank @Size(max = 40) String typeCode,
            Long practitionerId, @NotNull java.time.LocalDate earliest, java.time.LocalDate latest,
            @Size(max = 500) String note) {
    }
}
