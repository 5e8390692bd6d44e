package org.follicle.billing.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The clinic as a seller: the identity its invoices carry and the country whose VAT rules apply.
 *
 * @param companyId the business's registration: SIRET in France, NIF in Spain, the company number in the UK
 * @param vatId its VAT number, when it has one (a practitioner whose acts are all exempt may not)
 */
record Seller(@NotBlank @Pattern(regexp = "FR|ES|GB", message = "{billing.countryUnknown}") String country,
        @NotBlank @Size(max = 200) String legalName, @NotBlank @Size(max = 300) String street,
        @NotBlank @Size(max = 20) String postcode, @NotBlank @Size(max = 100) String city,
        @NotBlank @Size(max = 40) String companyId, @Size(max = 40) String vatId,
        @NotBlank @Size(max = 12) @Pattern(regexp = "[A-Z0-9]+", message = "{billing.prefixInvalid}") String invoicePrefix,
        @NotBlank @Size(max = 12) @Pattern(regexp = "[A-Z0-9]+", message = "{billing.prefixInvalid}") String creditNotePrefix) {
}
