/**
 * Billing: the clinic as a seller, its invoices and credit notes, numbered without gaps per series and final once
 * issued, with VAT by the rules of the clinic's country. A visit is invoiced at its appointment type's price.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "security", "clinics", "patients", "scheduling",
        "formulary", "sessions" })
package org.follicle.billing;
