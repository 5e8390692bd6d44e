package org.follicle.intake.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.follicle.intake.ConsentType;
import org.follicle.intake.PatientConsents;
import org.follicle.intake.internal.Consents.ConsentView;
import org.follicle.system.ReadOnce;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A patient's consents as recorded; the latest consent of a type decides: signed and not withdrawn means given. */
@Component
class ConsentStatus implements PatientConsents {

    /** All but the signed PDF and the signature image, which only their own downloads read. */
    static final String COLUMNS = """
            id, patient_id, type, document_version, language, signer_name, signed_at, witness_name, withdrawn_at,
            withdrawal_reason""";

    static final RowMapper<ConsentView> ROW = (rs, n) -> new ConsentView(rs.getLong("id"), rs.getLong("patient_id"),
            ConsentType.valueOf(rs.getString("type")), rs.getInt("document_version"), rs.getString("language"),
            rs.getString("signer_name"), rs.getObject("signed_at", OffsetDateTime.class).toInstant(),
            rs.getString("witness_name"), Optional.ofNullable(rs.getObject("withdrawn_at", OffsetDateTime.class))
                    .map(OffsetDateTime::toInstant).orElse(null), rs.getString("withdrawal_reason"));

    private final JdbcClient jdbc;

    ConsentStatus(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isGiven(long patientId, ConsentType type) {
        return of(patientId).stream().filter(c -> c.type() == type).findFirst().map(c -> !c.withdrawn())
                .orElse(false);
    }

    /**
     * Latest first. Read once in a read-only transaction (ReadOnce): a chart page's consents and its photos (may
     * they be taken?) both ask.
     */
    List<ConsentView> of(long patientId) {
        return ReadOnce.read(this, "of", patientId, () -> jdbc.sql(
                "SELECT " + COLUMNS + " FROM intake_consent WHERE patient_id = :patient ORDER BY id DESC")
                .param("patient", patientId).query(ROW).list());
    }
}
