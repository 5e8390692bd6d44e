package org.follicle.formulary.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An organisation's formulary settings: the regulatory jurisdiction its ingredient alerts are read in, and how many
 * days ahead a lot's expiry is flagged.
 */
record FormularySettings(@NotNull Jurisdiction jurisdiction, @NotNull @Min(1) @Max(365) Integer expiryWarningDays) {

    static final FormularySettings DEFAULTS = new FormularySettings(Jurisdiction.EU, 60);

    enum Jurisdiction {
        EU, UK, US, OTHER
    }

    @Repository
    static class Store {

        private final JdbcClient jdbc;

        Store(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        FormularySettings of(long organisationId) {
            return jdbc.sql("SELECT jurisdiction, expiry_warning_days FROM formulary_settings WHERE organisation_id = :org")
                    .param("org", organisationId)
                    .query((rs, n) -> new FormularySettings(Jurisdiction.valueOf(rs.getString(1)), rs.getInt(2)))
                    .optional().orElse(DEFAULTS);
        }
    }
}
