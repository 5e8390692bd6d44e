/**
 * Billing: the clinic as a seller, its price list, its invoices and credit notes, numbered without gaps per series and
 * final once issued, with VAT by the rules of the clinic's country; courses sold and used by signed sessions, home-care
 * products sold from the formulary's stock, payments at the desk and online, closures and revenue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "security", "clinics", "patients", "scheduling",
        "formulary", "sessions", "plans" })
package org.follicle.billing;
