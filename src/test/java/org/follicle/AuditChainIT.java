package org.follicle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.follicle.security.AuditAction;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
import org.follicle.security.AuditVerification;
import org.follicle.security.Role;
import org.follicle.security.internal.AuditChain;
import org.follicle.support.DatabaseOwner;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.follicle.support.StaffFixture.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log is append-only and tamper-evident: the database refuses changes, and a change made anyway
 * (by someone who can disable the trigger) is found by verification.
 */
@FollicleIntegrationTest
class AuditChainIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditChain chain;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    org.springframework.core.env.Environment environment;

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** Tampering tests damage the shared chain; each test that does puts it back as it was. */
    Runnable repair = () -> { };

    @AfterEach
    void restoreChain() {
        repair.run();
    }

    /** Even the owner changes nothing by mistake: the trigger must be switched off first. */
    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry() {
        audit.record(AuditRecord.success(AuditAction.READ, "record-test", 1, null));
        long seq = lastSeq();
        JdbcClient owner = DatabaseOwner.jdbc(environment);
        assertThatThrownBy(() -> owner.sql("UPDATE security_audit_entry SET actor = 'mallory' WHERE seq = :seq")
                .param("seq", seq).update()).isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((DataAccessException) e).getMostSpecificCause().getMessage())
                        .contains("append-only"));
        assertThatThrownBy(() -> owner.sql("DELETE FROM security_audit_entry WHERE seq = :seq").param("seq", seq)
                .update()).isInstanceOf(DataAccessException.class);
    }

    /** The application's own login can add entries, and nothing else: no change, no deletion, no switching off. */
    @Test
    void theApplicationsRoleCannotAlterTheAuditTables() {
        audit.record(AuditRecord.success(AuditAction.READ, "record-test", 3, null));
        for (String attack : List.of("ALTER TABLE security_audit_entry DISABLE TRIGGER USER",
                "DROP TRIGGER security_audit_entry_append_only ON security_audit_entry",
                "DELETE FROM security_audit_entry WHERE seq = (SELECT max(seq) FROM security_audit_entry)",
                "UPDATE security_audit_entry SET actor = 'mallory' WHERE seq = 1",
                "TRUNCATE security_audit_entry", "DELETE FROM security_audit_head",
                "ALTER TABLE security_audit_entry OWNER TO CURRENT_USER")) {
            assertThatThrownBy(() -> jdbc.sql(attack).update()).as(attack).isInstanceOf(DataAccessException.class)
                    .satisfies(e -> assertThat(((DataAccessException) e).getMostSpecificCause().getMessage())
                            .as(attack).containsAnyOf("permission denied", "must be owner"));
        }
        assertThat(verifyOverApi().intact()).isTrue();
    }

    @Test
    void anUntouchedChainVerifies() {
        audit.record(AuditRecord.success(AuditAction.CREATE, "record-test", 2, null));
        AuditVerification result = verifyOverApi();
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(lastSeq() - 1); // the verification itself is appended after
    }

    @Test
    void editingAPastEntryInTheDatabaseMakesVerificationFail() {
        audit.record(AuditRecord.success(AuditAction.READ, "patient", 42, null));
        long seq = lastSeq();
        audit.record(AuditRecord.success(AuditAction.READ, "patient", 43, null));
        String original = jdbc.sql("SELECT record_id FROM security_audit_entry WHERE seq = :seq").param("seq", seq)
                .query(String.class).single();
        tamper("UPDATE security_audit_entry SET record_id = '99' WHERE seq = " + seq);
        repair = () -> tamper("UPDATE security_audit_entry SET record_id = '" + original + "' WHERE seq = " + seq);

        AuditVerification result = verifyOverApi();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(seq);
        assertThat(result.problem()).isEqualTo("audit.verify.problem.altered");
    }

    @Test
    void deletingAnEntryMakesVerificationFail() {
        audit.record(AuditRecord.success(AuditAction.READ, "patient", 7, null));
        long seq = lastSeq();
        audit.record(AuditRecord.success(AuditAction.READ, "patient", 8, null));
        Map<String, Object> row = jdbc.sql("SELECT * FROM security_audit_entry WHERE seq = :seq").param("seq", seq)
                .query().singleRow();
        tamper("DELETE FROM security_audit_entry WHERE seq = " + seq);
        repair = () -> reinsert(row);

        AuditVerification result = verifyOverApi();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(seq);
        assertThat(result.problem()).isEqualTo("audit.verify.problem.missing");
    }

    /**
     * The attack the database role allowed: delete the last entries (the record of earlier failed checks among
     * them) and rewrite the head row to match. The checkpoint kept outside the database saw more.
     */
    @Test
    void removingTheLastEntriesAndRewritingTheHeadIsFoundByTheCheckpoint() {
        for (int i = 0; i < 3; i++) {
            audit.record(AuditRecord.success(AuditAction.READ, "patient", 70 + i, null));
        }
        assertThat(verifyOverApi().intact()).isTrue(); // writes a checkpoint of the head as it is
        long anchored = jdbc.sql("SELECT last_seq FROM security_audit_head").query(Long.class).single();
        audit.record(AuditRecord.success(AuditAction.READ, "patient", 73, null));
        long last = lastSeq();
        List<Map<String, Object>> tail = jdbc.sql("SELECT * FROM security_audit_entry WHERE seq > :keep ORDER BY seq")
                .param("keep", anchored - 2).query().listOfRows();
        Map<String, Object> head = jdbc.sql("SELECT last_seq, last_hash FROM security_audit_head").query().singleRow();
        repair = () -> restore(anchored - 1, tail, head);
        tamper("DELETE FROM security_audit_entry WHERE seq > " + (anchored - 2));
        jdbc.sql("UPDATE security_audit_head SET last_seq = :seq, last_hash = (SELECT hash FROM security_audit_entry "
                + "WHERE seq = :seq)").param("seq", anchored - 2).update();
        assertThat(last).isGreaterThan(anchored);

        AuditVerification result = verifyOverApi();
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).isEqualTo("audit.verify.problem.truncated");
        assertThat(result.brokenAt()).isEqualTo(anchored - 1);
    }

    /** A checkpoint rewritten to match a shortened chain does not carry the key's signature. */
    @Test
    void aForgedCheckpointIsFound() throws Exception {
        audit.record(AuditRecord.success(AuditAction.READ, "patient", 90, null));
        assertThat(verifyOverApi().intact()).isTrue();
        java.nio.file.Path dir = org.follicle.security.internal.AuditChainAccess.anchorDir(context);
        java.nio.file.Path latest;
        try (var files = java.nio.file.Files.list(dir)) {
            latest = files.filter(f -> f.toString().endsWith(".anchor")).max(java.util.Comparator.naturalOrder())
                    .orElseThrow();
        }
        String original = java.nio.file.Files.readString(latest);
        java.nio.file.Path forged = dir.resolve("99999999999999999999.anchor");
        java.nio.file.Files.writeString(forged, original.replaceAll("seq=\\d+", "seq=1"));
        repair = () -> {
            try {
                java.nio.file.Files.delete(forged);
            }
            catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };

        AuditVerification result = verifyOverApi();
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).isEqualTo("audit.verify.problem.anchorForged");
    }

    /** Rewriting an entry and recomputing its hash as SHA-256 (the key is not in the database) is found. */
    @Test
    void rewritingAnEntryWithARecomputedHashIsFound() {
        audit.record(AuditRecord.success(AuditAction.READ, "patient", 80, null));
        long seq = lastSeq();
        Map<String, Object> row = jdbc.sql("SELECT * FROM security_audit_entry WHERE seq = :seq").param("seq", seq)
                .query().singleRow();
        Map<String, Object> head = jdbc.sql("SELECT last_seq, last_hash FROM security_audit_head").query().singleRow();
        java.time.Instant at = ((java.time.OffsetDateTime) jdbc.sql("SELECT occurred_at FROM security_audit_entry WHERE seq = :seq")
                .param("seq", seq).query(java.time.OffsetDateTime.class).single()).toInstant();
        for (String keyId : new String[] { null, String.valueOf(row.get("key_id")) }) {
            org.follicle.security.internal.AuditChainAccess forged = org.follicle.security.internal.AuditChainAccess
                    .sha256Entry(seq, at, row, "81", String.valueOf(row.get("previous_hash")).trim(), keyId);
            tamper("UPDATE security_audit_entry SET record_id = '81', key_id = " + (keyId == null ? "NULL" : "'" + keyId
                    + "'") + ", hash = '" + forged.hash() + "' WHERE seq = " + seq);
            jdbc.sql("UPDATE security_audit_head SET last_hash = :hash").param("hash", forged.hash()).update();
            repair = () -> restore(seq, List.of(row), head);
            AuditVerification result = verifyOverApi();
            assertThat(result.intact()).as("key %s", keyId).isFalse();
            assertThat(result.brokenAt()).isEqualTo(seq);
            assertThat(result.problem()).isEqualTo("audit.verify.problem.altered");
            repair.run();
            repair = () -> { };
        }
    }

    @Test
    void concurrentAppendsAreCommittedTogetherAndChainInOrder() throws Exception {
        long before = lastSeq();
        int threads = 16;
        int each = 25;
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                calls.add(callers.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        audit.record(AuditRecord.success(AuditAction.READ, "batch-test", thread * 1000 + i, null));
                    }
                }));
            }
            for (Future<?> call : calls) {
                call.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            callers.shutdownNow();
        }
        // Every caller returned after its entry was committed: all are there, numbered without a gap.
        var written = jdbc.sql("""
                SELECT count(*) AS entries, count(DISTINCT record_id) AS records, min(seq) AS first, max(seq) AS last,
                       count(DISTINCT xmin::text) AS transactions
                FROM security_audit_entry WHERE seq > :before AND record_type = 'batch-test'""")
                .param("before", before).query().singleRow();
        assertThat(((Number) written.get("entries")).intValue()).isEqualTo(threads * each);
        assertThat(((Number) written.get("records")).intValue()).isEqualTo(threads * each);
        assertThat(((Number) written.get("last")).longValue() - ((Number) written.get("first")).longValue())
                .isEqualTo(threads * each - 1);
        // Callers that arrived while a batch was committing shared the next transaction.
        assertThat(((Number) written.get("transactions")).intValue()).isLessThan(threads * each);
        assertThat(verifyOverApi().intact()).isTrue();
    }

    @Test
    void anEntryTheDatabaseRefusesFailsAloneAndTheOthersAreWritten() throws Exception {
        long before = lastSeq();
        String tooLong = "record-type-longer-than-the-sixty-characters-its-column-holds-" + "x".repeat(20);
        ExecutorService callers = Executors.newFixedThreadPool(9);
        try {
            List<Future<?>> good = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                good.add(callers.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        audit.record(AuditRecord.success(AuditAction.READ, "refusal-test", thread * 1000 + i, null));
                    }
                }));
            }
            Future<?> bad = callers.submit(() -> audit.record(AuditRecord.success(AuditAction.READ, tooLong, 1, null)));
            assertThatThrownBy(() -> bad.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(DataAccessException.class);
            for (Future<?> call : good) {
                call.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            callers.shutdownNow();
        }
        var written = jdbc.sql("""
                SELECT count(*) FILTER (WHERE record_type = 'refusal-test') AS good, count(*) AS entries,
                       max(seq) - min(seq) + 1 AS span
                FROM security_audit_entry WHERE seq > :before""").param("before", before).query().singleRow();
        assertThat(((Number) written.get("good")).intValue()).isEqualTo(160);
        // The refused entry's batch was rolled back whole and written again without it: no number was skipped.
        assertThat(((Number) written.get("span")).longValue()).isEqualTo(((Number) written.get("entries")).longValue());
        assertThat(verifyOverApi().intact()).isTrue();
    }

    @Test
    void entriesRecordedTogetherAreWrittenWhenTheWorkEndsInOneTransaction() throws Throwable {
        long before = lastSeq();
        String answer = chain.together(() -> {
            for (int i = 0; i < 4; i++) {
                audit.record(AuditRecord.success(AuditAction.READ, "together-test", i, null));
            }
            // Nothing is written while the work goes on.
            assertThat(lastSeq()).isEqualTo(before);
            return "page";
        });
        assertThat(answer).isEqualTo("page");
        var written = jdbc.sql("""
                SELECT count(*) AS entries, count(DISTINCT xmin::text) AS transactions, string_agg(record_id, ',' ORDER BY seq) AS ids
                FROM security_audit_entry WHERE seq > :before AND record_type = 'together-test'""")
                .param("before", before).query().singleRow();
        assertThat(written.get("ids")).isEqualTo("0,1,2,3");
        assertThat(((Number) written.get("transactions")).intValue()).isEqualTo(1);
    }

    @Test
    void entriesRecordedTogetherAreWrittenWhenTheWorkFails() {
        long before = lastSeq();
        assertThatThrownBy(() -> chain.together(() -> {
            audit.record(AuditRecord.success(AuditAction.READ, "failure-test", 1, null));
            throw new IllegalStateException("the page failed");
        })).hasMessage("the page failed");
        assertThat(jdbc.sql("SELECT count(*) FROM security_audit_entry WHERE seq > :before AND record_type = 'failure-test'")
                .param("before", before).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEntryOfATransactionCommitsWithItAndARolledBackOneIsWrittenAsAFailure() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            audit.record(AuditRecord.success(AuditAction.UPDATE, "tx-test", "kept", null));
            // Not in the chain, nor visible to anyone else, before the act commits.
            assertThat(countOf("kept")).isZero();
        });
        assertThat(outcomesOf("kept")).containsExactly("SUCCESS null");

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            audit.record(new AuditRecord(AuditAction.UPDATE, "tx-test", "refused", null, AuditOutcome.SUCCESS, "ATTENDED"));
            throw new IllegalStateException("refused after the entry");
        })).hasMessage("refused after the entry");
        assertThat(outcomesOf("refused")).containsExactly("FAILURE rolled back: ATTENDED");
        assertThat(verifyOverApi().intact()).isTrue();
    }

    @Test
    void whenTheEntryCannotBeWrittenTheActIsNotSavedEither() {
        // The database refuses this entry as it would refuse every write when it stops.
        JdbcClient owner = DatabaseOwner.jdbc(environment);
        owner.sql("""
                CREATE FUNCTION audit_test_refuse() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'refused for the test'; END $$ LANGUAGE plpgsql""").update();
        owner.sql("""
                CREATE TRIGGER audit_test_refuse BEFORE INSERT ON security_audit_pending FOR EACH ROW
                WHEN (NEW.record_type = 'patient' AND NEW.action = 'CREATE') EXECUTE FUNCTION audit_test_refuse()""")
                .update();
        repair = () -> owner.sql("DROP FUNCTION audit_test_refuse() CASCADE").update();
        Organisation org = fixture.organisation();
        Staff assistant = fixture.staff(org, "assistant", Map.of(org.paris(), Role.ASSISTANT));
        var response = new Http(port).send("POST", "/api/v1/patients", fixture.token(assistant), """
                {"clinicId":%d,"patient":{"familyName":"Sansjournal","givenName":"Léa","birthDate":"1990-01-01","sex":"FEMALE"}}"""
                .formatted(org.paris()), Map.of());
        assertThat(response.statusCode()).as(response.body()).isGreaterThanOrEqualTo(500);
        assertThat(response.body()).doesNotContain("refused for the test", "Exception");
        assertThat(jdbc.sql("SELECT count(*) FROM patients_patient WHERE family_name = 'Sansjournal'")
                .query(Long.class).single()).as("the patient was not saved without its entry").isZero();
    }

    private long countOf(String recordId) {
        return jdbc.sql("SELECT count(*) FROM security_audit_entry WHERE record_type = 'tx-test' AND record_id = :id")
                .param("id", recordId).query(Long.class).single()
                + jdbc.sql("SELECT count(*) FROM security_audit_pending WHERE record_type = 'tx-test' AND record_id = :id")
                        .param("id", recordId).query(Long.class).single();
    }

    private List<String> outcomesOf(String recordId) {
        return jdbc.sql("""
                SELECT outcome || ' ' || coalesce(detail, 'null') FROM security_audit_entry
                WHERE record_type = 'tx-test' AND record_id = :id ORDER BY seq""")
                .param("id", recordId).query(String.class).list();
    }

    private AuditVerification verifyOverApi() {
        Organisation org = fixture.organisation();
        Staff auditor = fixture.staff(org, "auditor", Map.of(org.paris(), Role.ADMIN));
        var response = new Http(port).send("POST", "/api/v1/audit/verification", fixture.token(auditor), null, Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        boolean intact = body.contains("\"intact\":true");
        Long brokenAt = intact ? null : Long.valueOf(body.replaceAll(".*\"brokenAt\":(\\d+).*", "$1"));
        String problem = intact ? null : body.replaceAll(".*\"problem\":\"([^\"]+)\".*", "$1");
        long checked = Long.parseLong(body.replaceAll(".*\"entriesChecked\":(\\d+).*", "$1"));
        return new AuditVerification(intact, checked, brokenAt, problem, null, null, null);
    }

    private long lastSeq() {
        return jdbc.sql("SELECT coalesce(max(seq), 0) FROM security_audit_entry").query(Long.class).single();
    }

    /** What an attacker with the owner's rights could do: switch the guard off, change the log, switch it on. */
    private void tamper(String sql) {
        JdbcClient owner = DatabaseOwner.jdbc(environment);
        owner.sql("ALTER TABLE security_audit_entry DISABLE TRIGGER USER").update();
        try {
            owner.sql(sql).update();
        }
        finally {
            owner.sql("ALTER TABLE security_audit_entry ENABLE TRIGGER USER").update();
        }
    }

    /** Puts back the entries from {@code from} on as they were, dropping those written on the tampered chain. */
    private void restore(long from, List<Map<String, Object>> rows, Map<String, Object> head) {
        tamper("DELETE FROM security_audit_entry WHERE seq >= " + from);
        rows.forEach(this::reinsert);
        jdbc.sql("UPDATE security_audit_head SET last_seq = :seq, last_hash = :hash")
                .param("seq", head.get("last_seq")).param("hash", head.get("last_hash")).update();
    }

    private void reinsert(Map<String, Object> row) {
        jdbc.sql("""
                INSERT INTO security_audit_entry (seq, occurred_at, organisation_id, actor, actor_id, actor_roles, clinic_id,
                    action, record_type, record_id, client_address, outcome, detail, previous_hash, hash, key_id)
                VALUES (:seq, :occurred_at, :organisation_id, :actor, :actor_id, :actor_roles, :clinic_id, :action,
                    :record_type, :record_id, :client_address, :outcome, :detail, :previous_hash, :hash, :key_id)""")
                .params(row).update();
    }
}
