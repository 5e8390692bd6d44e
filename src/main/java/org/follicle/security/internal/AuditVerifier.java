package org.follicle.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * Re-computes the audit log's hash chain. An entry edited in the database no longer matches its hash (an HMAC under
 * a key the database does not hold, {@link AuditKeys}); a removed entry leaves a gap in the sequence and a
 * mismatched previous hash; removed last entries no longer reach the head row, nor the last checkpoint kept outside
 * the database ({@link AuditAnchors}), whose hashes must also be those of the entries they saw. The log is read as
 * a stream, so its size does not matter.
 */
@Component
class AuditVerifier {

    private final JdbcTemplate streaming;

    private final JdbcClient jdbc;

    private final AuditChain chain;

    private final Clock clock;

    private final AuditKeys keys;

    private final AuditAnchors anchors;

    AuditVerifier(DataSource dataSource, JdbcClient jdbc, AuditChain chain, Clock clock, AuditKeys keys,
            AuditAnchors anchors) {
        this.keys = keys;
        this.anchors = anchors;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.jdbc = jdbc;
        this.chain = chain;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AuditVerification verifyChain() {
        List<AuditAnchors.Anchor> forged = new ArrayList<>();
        List<AuditAnchors.Anchor> checkpoints = anchors.read(forged);
        Map<Long, List<String>> anchored = new HashMap<>();
        checkpoints.forEach(a -> anchored.computeIfAbsent(a.seq(), seq -> new ArrayList<>()).add(a.hash()));
        Walk walk = new Walk(keys, anchored);
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
                walk.fail(walk.lastSeq + 1, "audit.verify.problem.truncated");
            }
        }
        if (walk.brokenAt == null && !checkpoints.isEmpty()
                && checkpoints.get(checkpoints.size() - 1).seq() > walk.lastSeq) {
            // The head row was rewritten to match a shortened chain: the checkpoint outside saw more.
            walk.fail(walk.lastSeq + 1, "audit.verify.problem.truncated");
        }
        if (walk.brokenAt == null && !forged.isEmpty()) {
            walk.fail(forged.get(0).seq(), "audit.verify.problem.anchorForged");
        }
        AuditAnchors.Anchor latest = checkpoints.stream().filter(a -> a.seq() <= walk.lastSeq)
                .reduce((first, second) -> second).orElse(null);
        return new AuditVerification(walk.brokenAt == null, walk.checked, walk.brokenAt, walk.problem,
                Instant.now(clock), latest == null ? null : latest.seq(), latest == null ? null : latest.at());
    }

    /** Verifies and writes the check itself to the log. */
    public AuditVerification verifyAndRecord() {
        AuditVerification result = verifyChain();
        if (result.intact()) {
            anchors.write();
        }
        chain.record(new AuditRecord(AuditAction.AUDIT_VERIFY, "audit-log", null, null,
                result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                result.intact() ? "entries=" + result.entriesChecked() : "broken-at=" + result.brokenAt()));
        return result;
    }

    private static final class Walk {

        private final AuditKeys keys;

        private final Map<Long, List<String>> anchored;

        /** Once an entry is keyed, an unkeyed one after it is a rewrite by someone without the key. */
        private boolean keyed;

        Walk(AuditKeys keys, Map<Long, List<String>> anchored) {
            this.keys = keys;
            this.anchored = anchored;
        }

        long checked;

        long lastSeq;

        String lastHash = AuditChain.GENESIS;

        Long brokenAt;

        String problem;

        void check(ResultSet rs) throws SQLException {
            AuditEntry entry = read(rs);
            checked++;
            // Computed once an entry: an HMAC over every field, for every entry of the log.
            String expected = keys.hash(entry, entry.previousHash());
            if (entry.seq() != lastSeq + 1) {
                fail(lastSeq + 1, "audit.verify.problem.missing");
            }
            else if (!entry.previousHash().equals(lastHash)) {
                fail(entry.seq(), "audit.verify.problem.link");
            }
            else if (entry.keyId() == null && keyed) {
                fail(entry.seq(), "audit.verify.problem.altered");
            }
            else if (expected == null) {
                fail(entry.seq(), "audit.verify.problem.unknownKey");
            }
            else if (!expected.equals(entry.hash())) {
                fail(entry.seq(), "audit.verify.problem.altered");
            }
            else if (anchored.containsKey(entry.seq()) && !anchored.get(entry.seq()).stream()
                    .allMatch(entry.hash()::equals)) {
                fail(entry.seq(), "audit.verify.problem.anchor");
            }
            keyed |= entry.keyId() != null;
            lastSeq = entry.seq();
            lastHash = entry.hash();
        }

        void fail(long seq, String key) {
            brokenAt = seq;
            problem = key;
        }

        private static AuditEntry read(ResultSet rs) throws SQLException {
            return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                    rs.getObject("organisation_id", Long.class), rs.getString("actor"),
                    rs.getObject("actor_id", Long.class), rs.getString("actor_roles"),
                    rs.getObject("clinic_id", Long.class), rs.getString("action"), rs.getString("record_type"),
                    rs.getString("record_id"), rs.getString("client_address"), rs.getString("outcome"),
                    rs.getString("detail"), rs.getString("previous_hash").trim(), rs.getString("hash").trim(),
                    rs.getString("key_id"));
        }
    }
}
