package org.follicle.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.follicle.security.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServletRequest;

import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.CurrentStaff;
import org.follicle.security.Role;
import org.follicle.security.SignedInPatient;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends audit entries to the hash chain. Each entry's hash is SHA-256 over the previous entry's hash and
 * every field of the entry, so that verification ({@link AuditVerifier}) detects an edited, removed or
 * re-ordered entry.
 *
 * <p>One writer thread chains and inserts the entries, a batch per transaction: whatever has queued while the
 * previous batch committed. The caller waits until its entry is committed (an audited request does not answer
 * before its entry is written, and fails if it cannot be), but a busy clinic day no longer queues one transaction
 * per entry on the chain's head row: under load, those waits were the database's most expensive statement.
 *
 * <p>An entry recorded inside a read-write transaction is that transaction's: it is inserted, unchained, into
 * {@code security_audit_pending} just before the transaction commits, so it commits if and only if the act it
 * records commits. If the transaction rolls back, the attempt is written as a FAILURE instead. After the commit the
 * writer moves pending entries into the chain, and the caller waits for that as for any entry; entries left pending
 * (the application stopped in between) are chained by the next writer that runs, on any instance.
 *
 * <p>The writer has a small pool of its own. From the application's pool, a request that holds a connection (its
 * own transaction) would wait for a second one to audit: under load, every connection ends up held by a request
 * waiting for another, and nothing moves until the pool's timeout.
 */
@Component
public class AuditChain implements DisposableBean, AuditLog {

    static final String GENESIS = "0".repeat(64);

    private static final Logger LOG = LoggerFactory.getLogger(AuditChain.class);

    /**
     * Enough to empty the queue of a saturated machine in one transaction, small enough to stay one round trip:
     * counted in groups (a request's entries queue as one), so a batch may hold a little more than this.
     */
    private static final int MAX_BATCH = 200;

    /** How long a caller waits for its entry: beyond the audit pool's 30 s wait for a connection. */
    private static final long WAIT_SECONDS = 60;

    /**
     * A batch's entries as one statement, and the chain's head moved to the last of them. One statement per entry
     * (each moving the head) cost a signing, with its seven entries, more of PostgreSQL's time than any other of its
     * statements; as arrays the text is the same whatever the batch's size, so it is planned once. Every column
     * goes as text, cast here: one kind of array to build.
     */
    private static final String INSERT = """
            WITH head AS (UPDATE security_audit_head SET last_seq = ?, last_hash = ? WHERE id = 1)
            INSERT INTO security_audit_entry (seq, occurred_at, organisation_id, actor, actor_id, actor_roles,
                clinic_id, action, record_type, record_id, client_address, outcome, detail, previous_hash, hash, key_id)
            SELECT * FROM unnest(?::varchar[]::bigint[], ?::varchar[]::timestamptz[], ?::varchar[]::bigint[],
                ?::varchar[], ?::varchar[]::bigint[], ?::varchar[], ?::varchar[]::bigint[], ?::varchar[], ?::varchar[],
                ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])""";

    /**
     * The pending entries of a batch, taken out in one statement (the batch's transaction puts them in the chain or
     * rolls back and leaves them), oldest first, locked so that two instances never chain one twice.
     */
    private static final String PENDING = """
            WITH taken AS (
                DELETE FROM security_audit_pending WHERE id IN (
                    SELECT id FROM security_audit_pending ORDER BY id LIMIT 1000 FOR UPDATE SKIP LOCKED)
                RETURNING id, occurred_at, organisation_id, actor, actor_id, actor_roles, clinic_id, action,
                    record_type, record_id, client_address, outcome, detail)
            SELECT * FROM taken ORDER BY id""";

    /** Pending entries every ten seconds when idle: those an instance that stopped left behind. */
    private static final long SWEEP_MILLIS = 10_000;

    private final JdbcTemplate jdbc;

    /** The application's own connection: an entry of a transaction is inserted with it, in it. */
    private final JdbcTemplate inTransaction;

    private final TransactionTemplate ownTransaction;

    private final Clock clock;

    /** The audit's own pool, when the application's is Hikari (it always is outside odd test set-ups). */
    private final HikariDataSource pool;

    /** Groups of entries: a request's entries queue as one, so they are committed in the same transaction. */
    private final BlockingQueue<List<Pending>> queue = new LinkedBlockingQueue<>();

    private final Thread writer;

    private volatile boolean open = true;

    /** The entries of a {@link #together} call on this thread, written when it ends; null outside one. */
    private final ThreadLocal<List<Pending>> gathered = new ThreadLocal<>();

    private final AuditKeys keys;

    AuditChain(DataSource dataSource, Clock clock, AuditKeys keys) {
        this.keys = keys;
        if (dataSource instanceof HikariDataSource application) {
            HikariConfig config = new HikariConfig();
            application.copyStateTo(config);
            // One writer; the second connection covers a connection being replaced.
            config.setPoolName("audit");
            config.setMaximumPoolSize(2);
            config.setMinimumIdle(1);
            this.pool = new HikariDataSource(config);
        }
        else {
            this.pool = null;
        }
        DataSource audit = pool == null ? dataSource : pool;
        this.jdbc = new JdbcTemplate(audit);
        this.inTransaction = new JdbcTemplate(dataSource);
        this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(audit));
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.writer = new Thread(this::write, "audit-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Stops taking entries, writes those already queued, then closes the pool. */
    @Override
    public void destroy() throws InterruptedException {
        open = false;
        writer.join(TimeUnit.SECONDS.toMillis(30));
        if (pool != null) {
            pool.close();
        }
    }

    /**
     * Appends an entry for the signed-in user; for nobody signed in, "anonymous" in a request, and the application
     * ({@value Actor#APPLICATION}) in work of its own, such as an email that follows a committed act.
     */
    @Override
    public void record(AuditRecord record) {
        Actor actor = currentActor(record.clinicId());
        append(actor, record);
    }

    /**
     * Appends an entry for a named actor, such as the username typed at a failed sign-in; returns once committed,
     * or inside {@link #together}, at once (the entry is written when the work ends).
     */
    void append(Actor actor, AuditRecord record) {
        AuditEntry entry = AuditEntry.unchained(Instant.now(clock).truncatedTo(ChronoUnit.MICROS),
                actor.organisationId(), actor.name(), actor.id(), actor.roles(), record.clinicId(),
                record.action().name(), record.recordType(), record.recordId(), clientAddress(),
                record.outcome().name(), truncate(record.detail(), 500));
        TransactionEntries ofTransaction = transactionEntries();
        if (ofTransaction != null) {
            ofTransaction.entries.add(entry);
            return;
        }
        queue(new Pending(entry, new CompletableFuture<>()));
    }

    /** Writes the entry now, or inside {@link #together}, when the work ends. */
    private void queue(Pending pending) {
        List<Pending> together = gathered.get();
        if (together != null) {
            together.add(pending);
            return;
        }
        submit(List.of(pending));
    }

    /**
     * The entries of the current read-write transaction, registered with it on first use; null outside one (no
     * transaction, or a read-only one, which cannot insert: its entries are written by the writer at once).
     */
    private TransactionEntries transactionEntries() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return null;
        }
        // A synchronisation, not a bound resource: an inner REQUIRES_NEW transaction suspends it with its own.
        for (TransactionSynchronization known : TransactionSynchronizationManager.getSynchronizations()) {
            if (known instanceof TransactionEntries entries && entries.chain() == this) {
                return entries;
            }
        }
        TransactionEntries entries = new TransactionEntries();
        TransactionSynchronizationManager.registerSynchronization(entries);
        return entries;
    }

    /** The entries of one transaction: inserted with it, or written as failed attempts when it rolls back. */
    private final class TransactionEntries implements TransactionSynchronization {

        final List<AuditEntry> entries = new ArrayList<>();

        AuditChain chain() {
            return AuditChain.this;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            String[][] columns = new String[13][entries.size()];
            for (int i = 0; i < entries.size(); i++) {
                AuditEntry e = entries.get(i);
                Object[] row = { e.occurredAt(), e.organisationId(), e.actor(), e.actorId(), e.actorRoles(),
                        e.clinicId(), e.action(), e.recordType(), e.recordId(), e.clientAddress(), e.outcome(),
                        e.detail() };
                for (int c = 0; c < row.length; c++) {
                    columns[c][i] = Objects.toString(row[c], null);
                }
                columns[12][i] = String.valueOf(i);
            }
            // The entries' order within the transaction is kept by the sequence, in the order of the arrays.
            inTransaction.update("""
                    INSERT INTO security_audit_pending (occurred_at, organisation_id, actor, actor_id, actor_roles,
                        clinic_id, action, record_type, record_id, client_address, outcome, detail)
                    SELECT occurred_at, organisation_id, actor, actor_id, actor_roles, clinic_id, action, record_type,
                        record_id, client_address, outcome, detail
                    FROM unnest(?::varchar[]::timestamptz[], ?::varchar[]::bigint[], ?::varchar[],
                        ?::varchar[]::bigint[], ?::varchar[], ?::varchar[]::bigint[], ?::varchar[], ?::varchar[],
                        ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]::int[])
                        AS e(occurred_at, organisation_id, actor, actor_id, actor_roles, clinic_id, action,
                             record_type, record_id, client_address, outcome, detail, position)
                    ORDER BY position""", (Object[]) columns);
        }

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
                // Committed with the act; the caller waits for the chain as for any entry, but its act stands.
                queue(new Pending(null, new CompletableFuture<>()));
                return;
            }
            for (AuditEntry e : entries) {
                queue(new Pending(AuditOutcome.SUCCESS.name().equals(e.outcome()) ? e.failed() : e,
                        new CompletableFuture<>()));
            }
        }
    }

    /**
     * Runs work whose audit entries are written together when it ends, and returns its result only once they are
     * committed. A request that makes several audited calls (the chart reads the patient, the assessments, the
     * follow-ups, the appointments; signing a session writes the session, the stock, the appointment) then waits
     * for one batch instead of one commit per call. The entries are written even when the work fails: a refused
     * call is audited like any other.
     */
    public <T> T together(Work<T> work) throws Throwable {
        if (gathered.get() != null) {
            return work.run();
        }
        List<Pending> entries = new ArrayList<>();
        gathered.set(entries);
        T result;
        try {
            result = work.run();
        }
        catch (Throwable e) {
            try {
                submit(entries);
            }
            catch (RuntimeException unwritten) {
                e.addSuppressed(unwritten);
            }
            throw e;
        }
        finally {
            gathered.remove();
        }
        submit(entries);
        return result;
    }

    /** Work that may throw anything, as a controller method called through an aspect may. */
    @FunctionalInterface
    public interface Work<T> {

        T run() throws Throwable;
    }

    /** Queues the entries in their order and waits until each is committed; throws the first failure. */
    private void submit(List<Pending> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (!open) {
            throw new IllegalStateException("The audit chain is closed: the application is stopping");
        }
        queue.add(entries);
        for (Pending pending : entries) {
            if (pending.entry() != null) {
                await(pending);
                continue;
            }
            try {
                await(pending);
            }
            catch (RuntimeException e) {
                LOG.warn("Committed audit entries are still pending; the writer will chain them: {}", e.toString());
            }
        }
    }

    private static void await(Pending pending) {
        try {
            // A writer that died would leave the caller waiting for ever: the pool's own timeout bounds the wait.
            pending.written().get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted before the audit entry was written", e);
        }
        catch (TimeoutException e) {
            throw new IllegalStateException("The audit entry was not written within " + WAIT_SECONDS + " s", e);
        }
        catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException("The audit entry could not be written", e.getCause());
        }
    }

    /** The writer thread: a batch per transaction until the application stops and the queue is empty. */
    private void write() {
        List<List<Pending>> groups = new ArrayList<>(MAX_BATCH);
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        long swept = 0;
        while (open || !queue.isEmpty()) {
            try {
                List<Pending> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (System.currentTimeMillis() - swept > SWEEP_MILLIS) {
                        swept = System.currentTimeMillis();
                        sweep();
                    }
                    continue;
                }
                groups.add(first);
                queue.drainTo(groups, MAX_BATCH - 1);
                groups.forEach(batch::addAll);
                try {
                    commit(batch);
                }
                catch (RuntimeException e) {
                    // The batch was rolled back whole: one entry the database refuses must not fail the others.
                    batch.forEach(pending -> commit(List.of(pending)));
                }
                catch (Error e) {
                    batch.forEach(pending -> pending.written().completeExceptionally(e));
                    throw e;
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            groups.clear();
            batch.clear();
        }
    }

    /** Writes the entries in one transaction and tells their callers; throws (callers untold) if it fails. */
    private void commit(List<Pending> batch) {
        try {
            ownTransaction.executeWithoutResult(status -> insert(batch));
        }
        catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).written().completeExceptionally(e);
                return;
            }
            throw e;
        }
        batch.forEach(pending -> pending.written().complete(null));
    }

    /** Chains what an earlier run left pending; a failure is tried again at the next sweep. */
    private void sweep() {
        try {
            if (Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM security_audit_pending)", Boolean.class))) {
                ownTransaction.executeWithoutResult(status -> insert(List.of()));
            }
        }
        catch (RuntimeException e) {
            LOG.warn("Pending audit entries could not be chained yet: {}", e.toString());
        }
    }

    private void insert(List<Pending> batch) {
        // The head row stays locked for the batch: another instance of the application queues behind it.
        // The head's id a parameter: a statement without one went as text, planned again for every batch.
        Map<String, Object> head = jdbc.queryForMap(
                "SELECT last_seq, last_hash FROM security_audit_head WHERE id = ? FOR UPDATE", 1);
        long seq = ((Number) head.get("last_seq")).longValue();
        String previous = ((String) head.get("last_hash")).trim();
        // The entries committed with their acts come first, then those queued here.
        List<AuditEntry> entries = new ArrayList<>(jdbc.query(PENDING, (rs, n) -> AuditEntry.unchained(
                rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(),
                rs.getObject("organisation_id", Long.class), rs.getString("actor"),
                rs.getObject("actor_id", Long.class), rs.getString("actor_roles"),
                rs.getObject("clinic_id", Long.class), rs.getString("action"), rs.getString("record_type"),
                rs.getString("record_id"), rs.getString("client_address"), rs.getString("outcome"),
                rs.getString("detail"))));
        batch.stream().map(Pending::entry).filter(Objects::nonNull).forEach(entries::add);
        if (entries.isEmpty()) {
            return;
        }
        // One array per column, in the statement's order.
        String[][] columns = new String[16][entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry e = entries.get(i).chained(++seq, previous, keys);
            Object[] row = { e.seq(), e.occurredAt(), e.organisationId(), e.actor(), e.actorId(), e.actorRoles(),
                    e.clinicId(), e.action(), e.recordType(), e.recordId(), e.clientAddress(), e.outcome(),
                    e.detail(), previous, e.hash(), e.keyId() };
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = Objects.toString(row[c], null);
            }
            previous = e.hash();
        }
        Object[] args = new Object[2 + columns.length];
        args[0] = seq;
        args[1] = previous;
        System.arraycopy(columns, 0, args, 2, columns.length);
        jdbc.update(INSERT, args);
    }

    /** The SHA-256 hash of an entry written before the chain was keyed (see {@link AuditKeys#hash}). */
    static String hash(AuditEntry e, String previousHash) {
        return sha256(canonical(e, previousHash));
    }

    /** The text an entry's hash is computed over: every field, and the key's name when it has one. */
    static String canonical(AuditEntry e, String previousHash) {
        StringBuilder canonical = new StringBuilder();
        // Length-prefixed fields: no value can be shifted into its neighbour and keep the same text.
        for (Object field : new Object[] { previousHash, e.seq(), e.occurredAt().toString(), e.organisationId(),
                e.actor(), e.actorId(), e.actorRoles(), e.clinicId(), e.action(), e.recordType(), e.recordId(),
                e.clientAddress(), e.outcome(), e.detail() }) {
            String text = field == null ? "\u0000" : field.toString();
            canonical.append(text.length()).append(':').append(text).append(';');
        }
        if (e.keyId() != null) {
            canonical.append("key:").append(e.keyId().length()).append(':').append(e.keyId()).append(';');
        }
        return canonical.toString();
    }

    /** Hex SHA-256 of UTF-8 text. */
    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static Actor currentActor(Long clinicId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal principal) {
            CurrentStaff staff = principal.staff();
            return new Actor(staff.username(), staff.id(), staff.organisationId(), rolesText(staff, clinicId));
        }
        if (auth != null && auth.getPrincipal() instanceof SignedInPatient patient) {
            return new Actor(patient.actorName(), null, patient.organisationId(), "PATIENT");
        }
        if (auth != null) {
            return new Actor(auth.getName(), null, null, null);
        }
        return new Actor(RequestContextHolder.getRequestAttributes() == null ? Actor.APPLICATION : "anonymous", null,
                null, null);
    }

    /** The roles the actor held where it acted: in the record's clinic, else all of them as clinic:role. */
    private static String rolesText(CurrentStaff staff, Long clinicId) {
        if (clinicId != null) {
            return staff.rolesIn(clinicId).stream().map(Role::name).sorted().collect(Collectors.joining(","));
        }
        Map<Long, Set<Role>> sorted = new TreeMap<>(staff.rolesByClinic());
        return truncate(sorted.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(role -> e.getKey() + ":" + role.name()))
                .sorted().collect(Collectors.joining(",")), 200);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return truncate(request.getRemoteAddr(), 64);
        }
        return null;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** An entry waiting for the writer, and the caller waiting for it; no entry: chain what is pending. */
    private record Pending(AuditEntry entry, CompletableFuture<Void> written) {
    }

    /** Who acted, as the log names them. */
    record Actor(String name, Long id, Long organisationId, String roles) {

        /** The application acting on its own; no account is named so (logins are letters, digits and . _ -). */
        static final String APPLICATION = "(follicle)";

        /** Whoever typed this name at the sign-in, known or not. */
        static Actor typed(String username) {
            String name = StaffAccount.normalise(username);
            return new Actor(name.length() > 100 ? name.substring(0, 100) : name, null, null, null);
        }
    }
}
