package org.follicle.formulary;

import java.util.List;

/**
 * Stock as other modules use it: the Sessions module asks which lots to take (first expiry first) and records
 * what was prepared and given, which uses the stock once, authorised and audited.
 */
public interface Stock {

    /** Lots of a product to take in a clinic, first expiry first, expired lots left out; short when not enough. */
    List<LotSuggestion> suggest(long clinicId, long productId, int quantity);

    /** The lots in stock in a clinic that may still be used, first expiry first: what a session picks from. */
    List<UsableLot> usableLots(long clinicId);

    /** Lots by id, in that order, with the clinic's usable quantity (0 when expired or not in the clinic). */
    List<UsableLot> lots(long clinicId, java.util.Collection<Long> lotIds);

    /** For a formula, the first-expiring usable lot of each product carrying one of its ingredients. */
    List<UsableLot> suggestForFormula(long clinicId, long formulaId);

    /** The lots a preparation used, for tracing an adverse event to its lots' recall. */
    List<Long> lotsOfPreparation(long preparationId);

    /** Notes which recipients of a recalled lot the recall email was queued for. */
    void recallEmailed(long lotId, java.util.Collection<Long> patientIds);

    /** Uses the lots and records who received them; idempotent on the request key. */
    Preparation prepare(PreparationRequest request);

    /** The active retail products with a price, with what the clinic holds of each in lots that may be sold. */
    List<RetailProduct> retailProducts(long clinicId);

    /**
     * Sells units of a retail product: taken from the clinic's lots first expiry first, and given to the patient
     * (when the buyer is one), so that a recall of the lot reaches them. Refused whole when the usable lots hold too
     * few. Sent again with the same key, it takes nothing and returns what the first sale took.
     *
     * @param patientId the buyer when a patient, or {@code null}
     * @param saleKey unique in the organisation: the sale's line
     */
    List<LotSuggestion> sell(long clinicId, long productId, int quantity, Long patientId, String saleKey);
}
