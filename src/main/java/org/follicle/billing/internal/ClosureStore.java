package org.follicle.billing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.follicle.security.Seals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of closed days and months; no access checks. */
@Repository
class ClosureStore {

    private static final String SELECT = """
            SELECT id, clinic_id, period, first_day, last_day, summary, number, closed_at, closed_by, previous_seal,
                seal, seal_key
            FROM billing_closure""";

    private final JdbcClient jdbc;

    ClosureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long organisationId, Closure closure, String previousSeal, Seals.Seal seal) {
        return jdbc.sql("""
                INSERT INTO billing_closure (organisation_id, clinic_id, period, first_day, last_day, summary, number,
                    closed_at, closed_by, previous_seal, seal, seal_key)
                VALUES (:org, :clinic, :period, :first, :last, :summary, :number, :at, :by, :previous, :seal, :key)
                RETURNING id""").param("org", organisationId).param("clinic", closure.clinicId())
                .param("period", closure.period().name()).param("first", closure.firstDay())
                .param("last", closure.lastDay()).param("summary", closure.summary())
                .param("number", closure.number()).param("at", Timestamp.from(closure.closedAt()))
                .param("by", closure.closedBy()).param("previous", previousSeal).param("seal", seal.hash())
                .param("key", seal.keyId()).query(Long.class).single();
    }

    boolean dayClosed(long clinicId, LocalDate day) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM billing_closure WHERE clinic_id = :clinic AND period = 'DAY'
                    AND first_day = :day)""").param("clinic", clinicId).param("day", day).query(Boolean.class)
                .single();
    }

    boolean closed(long clinicId, Closure.Period period, LocalDate firstDay) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM billing_closure WHERE clinic_id = :clinic AND period = :period
                    AND first_day = :first)""").param("clinic", clinicId).param("period", period.name())
                .param("first", firstDay).query(Boolean.class).single();
    }

    List<Closure> ofClinic(long clinicId) {
        return jdbc.sql(SELECT + " WHERE clinic_id = :clinic ORDER BY number DESC").param("clinic", clinicId)
                .query(this::closure).list();
    }

    List<Sealed> sealed(long clinicId) {
        return jdbc.sql(SELECT + " WHERE clinic_id = :clinic ORDER BY number").param("clinic", clinicId)
                .query((rs, row) -> new Sealed(closure(rs, row), rs.getString("previous_seal"),
                        new Seals.Seal(rs.getString("seal_key"), rs.getString("seal")))).list();
    }

    private Closure closure(ResultSet rs, int row) throws SQLException {
        return new Closure(rs.getLong("id"), rs.getLong("clinic_id"), Closure.Period.valueOf(rs.getString("period")),
                rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class),
                rs.getString("summary"), rs.getLong("number"), rs.getTimestamp("closed_at").toInstant(),
                rs.getString("closed_by"));
    }

    record Sealed(Closure closure, String previousSeal, Seals.Seal seal) {
    }
}
