package org.follicle.formulary;

import java.math.BigDecimal;

/**
 * A product the organisation sells to patients (home care), at its retail price before VAT, with what a clinic holds
 * of it in lots that may still be sold.
 */
public record RetailProduct(long productId, String sku, String name, BigDecimal retailPrice, String currency,
        int inStock) {
}
