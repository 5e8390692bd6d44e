package org.follicle.formulary;

import java.util.List;

import org.follicle.formulary.internal.StockService;
import org.springframework.stereotype.Component;

/**
 * Stock as other modules use it: the Sessions module asks which lots to take (first expiry first) and records
 * what was prepared and given, which uses the stock once, authorised and audited.
 */
@Component
public class Stock {

    private final StockService service;

    Stock(StockService service) {
        this.service = service;
    }

    /** Lots of a product to take in a clinic, first expiry first, expired lots left out; short when not enough. */
    public List<LotSuggestion> suggest(long clinicId, long productId, int quantity) {
        return service.suggest(clinicId, productId, quantity);
    }

    /** The lots in stock in a clinic that may still be used, first expiry first: what a session picks from. */
    public List<UsableLot> usableLots(long clinicId) {
        return service.usableLots(clinicId);
    }

    /** Lots by id, in that order, with the clinic's usable quantity (0 when expired or not in the clinic). */
    public List<UsableLot> lots(long clinicId, java.util.Collection<Long> lotIds) {
        return service.lotsById(clinicId, lotIds);
    }

    /** For a formula, the first-expiring usable lot of each product carrying one of its ingredients. */
    public List<UsableLot> suggestForFormula(long clinicId, long formulaId) {
        return service.suggestForFormula(clinicId, formulaId);
    }

    /** The lots a preparation used, for tracing an adverse event to its lots' recall. */
    public List<Long> lotsOfPreparation(long preparationId) {
        return service.lotsOfPreparation(preparationId);
    }

    /** Notes which recipients of a recalled lot the recall email was queued for. */
    public void recallEmailed(long lotId, java.util.Collection<Long> patientIds) {
        service.recallEmailed(lotId, patientIds);
    }

    /** Uses the lots and records who received them; idempotent on the request key. */
    public Preparation prepare(PreparationRequest request) {
        return service.prepare(request);
    }
}
