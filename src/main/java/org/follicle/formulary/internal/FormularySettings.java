package org.follicle.formulary.internal;

import java.sql.Timestamp;
import java.time.Instant;

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

        void save(long organisationId, FormularySettings settings, String by, Instant now) {
            jdbc.sql("""
                    INSERT INTO formulary_settings (organisation_id, jurisdiction, expiry_warning_days, changed_at,
                        changed_by) VALUES (:org, :jurisdiction, :days, :now, :by)
                    ON CONFLICT (organisation_id) DO UPDATE SET jurisdiction = EXCLUDED.jurisdiction,
                        expiry_warning_days = EXCLUDED.expiry_warning_days, changed_at = EXCLUDED.changed_at,
                        changed_by = EXCLUDED.changed_by""")
                    .param("org", organisationId).param("jurisdiction", settings.jurisdiction().name())
                    .param("days", settings.expiryWarningDays()).param("now", Timestamp.from(now)).param("by", by)
                    .update();
        }
    }
}
