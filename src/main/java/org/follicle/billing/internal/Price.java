package org.follicle.billing.internal;

import java.math.BigDecimal;

/**
 * An entry of a clinic's price list: the VAT category of a treatment (priced by its appointment type), a course of
 * sessions of one treatment sold ahead, or the VAT category of a retail product (priced by the product).
 *
 * @param appointmentType a treatment's type, or the type of a course's sessions
 * @param unitPrice a course's net price; {@code null} for a treatment or a product
 */
record Price(long id, long clinicId, Kind kind, String appointmentType, Long productId, String name, Integer sessions,
        Integer validityDays, BigDecimal unitPrice, String vatCategory, boolean active, int version) {

    enum Kind {
        TREATMENT, COURSE, PRODUCT
    }

    /** Whether the patient's VAT choice applies: to care, not to goods. */
    boolean isCare() {
        return kind != Kind.PRODUCT;
    }
}
