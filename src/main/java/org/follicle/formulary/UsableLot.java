package org.follicle.formulary;

import java.time.LocalDate;

/** A lot in stock in a clinic that may still be used, with how many units are there. */
public record UsableLot(long lotId, long productId, String productName, String lotNumber, LocalDate expiry, int available) {
}
