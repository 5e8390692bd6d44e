package org.follicle.formulary.internal;

import java.util.List;

import org.follicle.intake.ScreeningResult;

/**
 * A formula checked against a patient: the screening with the ingredients' rules (each finding names its
 * ingredient, as {@code MINOXIDIL.HEART_DISEASE}), and the regulatory alerts of its ingredients in the
 * organisation's jurisdiction.
 */
record FormulaCheck(ScreeningResult screening, List<Alert> alerts) {

    record Alert(String ingredient, String ingredientName, String jurisdiction, String status, boolean blocking,
            String message, String source) {
    }
}
