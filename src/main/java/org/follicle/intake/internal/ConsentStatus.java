package org.follicle.intake.internal;

import org.follicle.intake.ConsentType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The latest consent of a type decides: signed and not withdrawn means given. */
@Component
public class ConsentStatus {

    private final JdbcClient jdbc;

    ConsentStatus(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isGiven(long patientId, ConsentType type) {
        return jdbc.sql("""
                SELECT withdrawn_at IS NULL FROM intake_consent WHERE patient_id = :patient AND type = :type
                ORDER BY id DESC LIMIT 1""").param("patient", patientId).param("type", type.name())
                .query(Boolean.class).optional().orElse(false);
    }
}
