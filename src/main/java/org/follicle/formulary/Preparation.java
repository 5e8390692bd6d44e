package org.follicle.formulary;

import java.util.List;

/**
 * A recorded preparation.
 *
 * @param alreadyRecorded true when the request key had been seen: nothing was used again
 */
public record Preparation(long id, long clinicId, boolean alreadyRecorded, List<UsedLot> lots, List<Long> patientIds) {

    public record UsedLot(long lotId, String lotNumber, String productName, int quantity) {
    }
}
