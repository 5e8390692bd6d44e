/**
 * Formulary: the ingredient library (names, class, ATC codes, contraindications as screening rules, regulatory
 * alerts, sources), cocktail formulas (templates and patients' formulas, checked against the patient through the
 * intake screening), the product catalogue, lots and the stock ledger per clinic, and recall.
 * <p>
 * Other modules use stock through {@link org.follicle.formulary.Stock}: the Sessions module prepares and
 * administers lots through it, so that every injection is traceable to its lot.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "security", "clinics", "patients",
        "intake" })
package org.follicle.formulary;
