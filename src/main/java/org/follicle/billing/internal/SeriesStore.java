package org.follicle.billing.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the clinics' series (invoices, credit notes, payments, closures): the next number of each and the seal
 * of its last record; no access checks.
 */
@Repository
class SeriesStore {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;

    SeriesStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the next number of the clinic's series, with the seal of its last record. The row stays locked until
     * the transaction commits, so a concurrent writer waits and takes the following number; a rollback gives the
     * number back.
     */
    Series take(long clinicId, String series) {
        open(clinicId, series);
        return jdbc.sql("""
                UPDATE billing_series SET next_number = next_number + 1 WHERE clinic_id = :clinic AND kind = :kind
                RETURNING next_number - 1 AS number, last_seal""").param("clinic", clinicId).param("kind", series)
                .query((rs, row) -> new Series(rs.getLong("number"), rs.getString("last_seal"))).single();
    }

    /**
     * Holds the series against a writer that takes it until the transaction ends, without taking a number: an issue
     * holds the closures' series, so that a day is not closed while a document of that day is being issued.
     */
    void hold(long clinicId, String series) {
        open(clinicId, series);
        jdbc.sql("SELECT 1 FROM billing_series WHERE clinic_id = :clinic AND kind = :kind FOR SHARE")
                .param("clinic", clinicId).param("kind", series).query(Integer.class).single();
    }

    /** A clinic's series begins the first time it is used. */
    private void open(long clinicId, String series) {
        jdbc.sql("INSERT INTO billing_series (clinic_id, kind) VALUES (:clinic, :kind) ON CONFLICT DO NOTHING")
                .param("clinic", clinicId).param("kind", series).update();
    }

    /** The record just numbered is the series' last: its seal is the one the next record covers. */
    void sealed(long clinicId, String series, String seal) {
        jdbc.sql("UPDATE billing_series SET last_seal = :seal WHERE clinic_id = :clinic AND kind = :kind")
                .param("seal", seal).param("clinic", clinicId).param("kind", series).update();
    }

    /** Where a series stands: the next number it gives and the seal of its last record. */
    Series find(long clinicId, String series) {
        return jdbc.sql("SELECT next_number, last_seal FROM billing_series WHERE clinic_id = :clinic AND kind = :kind")
                .param("clinic", clinicId).param("kind", series)
                .query((rs, row) -> new Series(rs.getLong("next_number"), rs.getString("last_seal"))).optional()
                .orElse(new Series(1, GENESIS));
    }

    /** @param number the number taken, or for {@link #find} the next to be given */
    record Series(long number, String lastSeal) {
    }
}
