package org.follicle.scheduling;

import java.math.BigDecimal;

import org.follicle.intake.Modality;

/**
 * A kind of appointment of an organisation (consultation, mesotherapy session, PRP, follow-up) with its length,
 * its price, and for treatments the screening modality and the shortest interval between two of them.
 *
 * @param price the price of one, or {@code null} when the clinic has not set it
 */
public record AppointmentType(String code, int durationMinutes, boolean treatment, int minimumIntervalDays,
        BigDecimal price, String currency, int version) {

    /** The screening modality a treatment needs, or {@code null} for a visit that treats nothing. */
    public Modality modality() {
        if (!treatment) {
            return null;
        }
        return "PRP".equals(code) ? Modality.PRP : Modality.MESOTHERAPY;
    }
}
