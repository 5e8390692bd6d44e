package org.follicle.formulary;

import java.time.LocalDate;

/** A lot to take, first expiry first: how many units to take from it and how many it has. */
public record LotSuggestion(long lotId, String lotNumber, LocalDate expiry, int take, int available) {
}
