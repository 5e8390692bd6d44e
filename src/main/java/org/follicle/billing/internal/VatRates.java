package org.follicle.billing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The VAT categories of each country the clinics bill in, with their rate, the mention an exempt line carries and
 * the law each comes from ({@code billing/vat-rates.json}).
 */
@Component
class VatRates {

    private final Map<String, Country> countries;

    VatRates(JsonMapper json) {
        try (InputStream in = VatRates.class.getResourceAsStream("/billing/vat-rates.json")) {
            this.countries = Map.copyOf(json.readValue(in, File.class).countries());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        countries.forEach((code, country) -> country.categories().forEach((name, category) -> {
            if (category.source() == null || category.source().isBlank()) {
                throw new IllegalStateException("VAT category " + code + "/" + name + " has no source");
            }
        }));
    }

    /** The category in the country, or a refusal naming the field when the country has no such category. */
    Category category(String country, String category, String field) {
        Category found = countries.get(country).categories().get(category);
        if (found == null) {
            throw org.follicle.system.BusinessRuleException.onField(field, "billing.unknownVatCategory", category);
        }
        return found;
    }

    Map<String, Category> categories(String country) {
        return countries.get(country).categories();
    }

    String currency(String country) {
        return countries.get(country).currency();
    }

    record File(String checkedOn, Map<String, Country> countries) {
    }

    record Country(String currency, Map<String, Category> categories) {
    }

    /** @param exemption the mention an exempt line's invoice must carry, in the country's language */
    record Category(BigDecimal rate, String exemption, String source) {
    }
}
