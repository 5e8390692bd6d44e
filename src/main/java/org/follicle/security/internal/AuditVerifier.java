package org.follicle.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import javax.sql.DataSource;

import org.follicle.security.AuditAction;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.AuditVerification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-computes the audit log's hash chain. An entry edited in the database no longer matches its hash; a removed
 * entry leaves a gap in the sequence and a mismatched previous hash; removed last entries no longer reach the
 * head row. The log is read as a stream, so its size does not matter.
 */
@Component
class AuditVerifier {

    private final JdbcTemplate streaming;

    private final JdbcClient jdbc;

    private final AuditChain chain;

    private final Clock clock;

    AuditVerifier(DataSource dataSource, JdbcClient jdbc, AuditChain chain, Clock clock) {
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.jdbc = jdbc;
        this.chain = chain;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AuditVerification verifyChain() {
        Walk walk = new Walk();
        streaming.query("SELECT * FROM security_audit_entry ORDER BY seq", rs -> {
            if (walk.brokenAt == null) {
                walk.check(rs);
            }
        });
        if (walk.brokenAt == null) {
            Map<String, Object> head = jdbc.sql("SELECT last_seq, last_hash FROM security_audit_head WHERE id = 1")
                    .query().singleRow();
            long headSeq = ((Number) head.get("last_seq")).longValue();
            if (headSeq != walk.lastSeq || !((String) head.get("last_hash")).trim().equals(walk.lastHash)) {
                walk.brokenAt = walk.lastSeq + 1;
                walk.problem = "audit.verify.problem.truncated";
            }
        }
        return new AuditVerification(walk.brokenAt == null, walk.checked, walk.brokenAt, walk.problem,
                Instant.now(clock));
    }

    /** Verifies and writes the check itself to the log. */
    public AuditVerification verifyAndRecord() {
        AuditVerification result = verifyChain();
        chain.append(new AuditRecord(AuditAction.AUDIT_VERIFY, "audit-log", null, null,
                result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                result.intact() ? "entries=" + result.entriesChecked() : "broken-at=" + result.brokenAt()));
        return result;
    }

    private static final class Walk {

        long checked;

        long lastSeq;

        String lastHash = AuditChain.GENESIS;

        Long brokenAt;

        String problem;

        void check(ResultSet rs) throws SQLException {
            AuditEntry entry = read(rs);
            checked++;
            if (entry.seq() != lastSeq + 1) {
                fail(lastSeq + 1, "audit.verify.problem.missing");
            }
            else if (!entry.previousHash().equals(lastHash)) {
                fail(entry.seq(), "audit.verify.problem.link");
            }
            else if (!AuditChain.hash(entry, entry.previousHash()).equals(entry.hash())) {
                fail(entry.seq(), "audit.verify.problem.altered");
            }
            lastSeq = entry.seq();
            lastHash = entry.hash();
        }

        private void fail(long seq, String key) {
            brokenAt = seq;
            problem = key;
        }

        private static AuditEntry read(ResultSet rs) throws SQLException {
            return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                    rs.getObject("organisation_id", Long.class), rs.getString("actor"),
                    rs.getObject("actor_id", Long.class), rs.getString("actor_roles"),
                    rs.getObject("clinic_id", Long.class), rs.getString("action"), rs.getString("record_type"),
                    rs.getString("record_id"), rs.getString("client_address"), rs.getString("outcome"),
                    rs.getString("detail"), rs.getString("previous_hash").trim(), rs.getString("hash").trim());
        }
    }
}
