package org.follicle.formulary;

import java.util.List;

/**
 * A lot was recalled and quarantined: each patient who received it is to be told, in their clinic's name.
 *
 * @param recipients the patients who received the lot, each with the clinic that gave it
 */
public record LotRecalled(long organisationId, long lotId, String productName, String lotNumber, String reason,
        List<Recipient> recipients) {

    public record Recipient(long patientId, long clinicId) {
    }
}
