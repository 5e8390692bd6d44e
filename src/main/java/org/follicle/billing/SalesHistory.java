package org.follicle.billing;

import java.time.LocalDate;

/**
 * For the load generator: the invoices and payments of visits already attended, written in bulk as the front desk
 * would have issued them, each sealed after the last of its series, so that the sales records verify.
 */
public interface SalesHistory {

    /**
     * Invoices every visit attended in the organisation's clinics from {@code from} to the day before {@code until},
     * at the visit type's price, each paid by card or cash the same day.
     *
     * @return how many invoices were issued
     */
    int invoiceAttendedVisits(long organisationId, LocalDate from, LocalDate until);
}
