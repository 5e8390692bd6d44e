package org.follicle.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServletRequest;

import org.follicle.security.AuditRecord;
import org.follicle.security.CurrentStaff;
import org.follicle.security.Role;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends audit entries to the hash chain. Each entry's hash is SHA-256 over the previous entry's hash and
 * every field of the entry, so that verification ({@link AuditVerifier}) detects an edited, removed or
 * re-ordered entry. Appends are serialised on the chain's head row; each runs in its own transaction.
 *
 * <p>Those transactions take their connections from a small pool of their own. From the application's pool, a
 * request that holds a connection (its own transaction) would wait for a second one to audit: under load, every
 * connection ends up held by a request waiting for another, and nothing moves until the pool's timeout.
 */
@Component
public class AuditChain implements DisposableBean {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;

    private final TransactionTemplate ownTransaction;

    private final Clock clock;

    /** The audit's own pool, when the application's is Hikari (it always is outside odd test set-ups). */
    private final HikariDataSource pool;

    AuditChain(DataSource dataSource, Clock clock) {
        if (dataSource instanceof HikariDataSource application) {
            HikariConfig config = new HikariConfig();
            application.copyStateTo(config);
            // Appends queue on the head row anyway: a few connections keep it busy.
            config.setPoolName("audit");
            config.setMaximumPoolSize(3);
            config.setMinimumIdle(1);
            this.pool = new HikariDataSource(config);
        }
        else {
            this.pool = null;
        }
        DataSource audit = pool == null ? dataSource : pool;
        this.jdbc = JdbcClient.create(audit);
        this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(audit));
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public void destroy() {
        if (pool != null) {
            pool.close();
        }
    }

    /** Appends an entry for the signed-in user (or "anonymous"). */
    public void append(AuditRecord record) {
        Actor actor = currentActor(record.clinicId());
        append(actor, record);
    }

    /** Appends an entry for a named actor, such as the username typed at a failed sign-in. */
    void append(Actor actor, AuditRecord record) {
        AuditEntry entry = new AuditEntry(0, Instant.now(clock).truncatedTo(ChronoUnit.MICROS), actor.organisationId(),
                actor.name(), actor.id(), actor.roles(), record.clinicId(), record.action().name(),
                record.recordType(), record.recordId(), clientAddress(), record.outcome().name(),
                truncate(record.detail(), 500), null, null);
        ownTransaction.executeWithoutResult(status -> {
            Map<String, Object> head = jdbc.sql("SELECT last_seq, last_hash FROM security_audit_head WHERE id = 1 FOR UPDATE")
                    .query().singleRow();
            long seq = ((Number) head.get("last_seq")).longValue() + 1;
            String previous = ((String) head.get("last_hash")).trim();
            AuditEntry chained = entry.chained(seq, previous);
            jdbc.sql("""
                    INSERT INTO security_audit_entry (seq, occurred_at, organisation_id, actor, actor_id, actor_roles,
                        clinic_id, action, record_type, record_id, client_address, outcome, detail, previous_hash, hash)
                    VALUES (:seq, :at, :org, :actor, :actorId, :roles, :clinic, :action, :type, :recordId, :address,
                        :outcome, :detail, :previous, :hash)""")
                    .param("seq", seq).param("at", chained.occurredAt().atOffset(ZoneOffset.UTC))
                    .param("org", chained.organisationId()).param("actor", chained.actor())
                    .param("actorId", chained.actorId()).param("roles", chained.actorRoles())
                    .param("clinic", chained.clinicId()).param("action", chained.action())
                    .param("type", chained.recordType()).param("recordId", chained.recordId())
                    .param("address", chained.clientAddress()).param("outcome", chained.outcome())
                    .param("detail", chained.detail()).param("previous", previous).param("hash", chained.hash())
                    .update();
            jdbc.sql("UPDATE security_audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                    .param("seq", seq).param("hash", chained.hash()).update();
        });
    }

    static String hash(AuditEntry e, String previousHash) {
        StringBuilder canonical = new StringBuilder();
        // Length-prefixed fields: no value can be shifted into its neighbour and keep the same text.
        for (Object field : new Object[] { previousHash, e.seq(), e.occurredAt().toString(), e.organisationId(),
                e.actor(), e.actorId(), e.actorRoles(), e.clinicId(), e.action(), e.recordType(), e.recordId(),
                e.clientAddress(), e.outcome(), e.detail() }) {
            String text = field == null ? "\u0000" : field.toString();
            canonical.append(text.length()).append(':').append(text).append(';');
        }
        return sha256(canonical.toString());
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
        return new Actor(auth == null ? "anonymous" : auth.getName(), null, null, null);
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

    /** Who acted, as the log names them. */
    record Actor(String name, Long id, Long organisationId, String roles) {
    }
}
