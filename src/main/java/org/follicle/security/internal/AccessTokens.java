package org.follicle.security.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.follicle.security.AuditAction;
import org.follicle.security.AuditRecord;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.RecordNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the JSON API. A token is 32 random bytes, shown once; only its SHA-256 is stored
 * (a high-entropy secret needs no slow hash). A token acts with its owner's roles as they are at each request,
 * so removing a role or deactivating the account takes effect at once; revoking it ends it.
 */
@Component
class AccessTokens {

    static final String PREFIX = "flc_";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** How often last-use is written: a busy integration must not turn every read into a write. */
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;

    private final AuditChain audit;

    private final Clock clock;

    private final StaffSessions staff;

    /**
     * When this instance last wrote each token's last use, so that most calls skip the statement; the statement's
     * own condition keeps other instances from writing it more often. Holds only tokens that were valid.
     */
    private final Map<String, Instant> usesNoted = new ConcurrentHashMap<>();

    AccessTokens(JdbcClient jdbc, AuditChain audit, Clock clock, StaffSessions staff) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.staff = staff;
    }

    /** Creates a token and returns it in clear, the only time it is ever visible. */
    @Transactional
    IssuedToken create(long staffId, String name, Integer validDays) {
        String cleanName = name == null ? "" : name.trim();
        if (cleanName.isEmpty() || cleanName.length() > 100) {
            throw BusinessRuleException.onField("name", "token.nameRequired");
        }
        if (validDays != null && (validDays < 1 || validDays > 366)) {
            throw BusinessRuleException.onField("validDays", "token.validDaysRange");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expires = validDays == null ? null : now.plus(Duration.ofDays(validDays));
        long id = jdbc.sql("""
                INSERT INTO security_access_token (staff_id, name, token_hash, token_hint, created_at, expires_at)
                VALUES (:staff, :name, :hash, :hint, :now, :expires) RETURNING id""")
                .param("staff", staffId).param("name", cleanName).param("hash", sha256(token))
                .param("hint", token.substring(token.length() - 4)).param("now", Timestamp.from(now))
                .param("expires", expires == null ? null : Timestamp.from(expires))
                .query(Long.class).single();
        audit.record(AuditRecord.success(AuditAction.TOKEN_CREATE, "access-token", id, null));
        return new IssuedToken(id, cleanName, token, expires);
    }

    List<TokenView> of(long staffId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT id, name, token_hint, created_at, expires_at, last_used_at, revoked_at
                FROM security_access_token WHERE staff_id = :staff ORDER BY created_at DESC""")
                .param("staff", staffId)
                .query((rs, n) -> TokenView.of(rs.getLong("id"), rs.getString("name"), rs.getString("token_hint"),
                        instant(rs.getObject("created_at", OffsetDateTime.class)),
                        instant(rs.getObject("expires_at", OffsetDateTime.class)),
                        instant(rs.getObject("last_used_at", OffsetDateTime.class)),
                        instant(rs.getObject("revoked_at", OffsetDateTime.class)), now))
                .list();
    }

    /** Revokes one of the user's own tokens; another user's token answers as missing. */
    @Transactional
    void revoke(long staffId, long tokenId) {
        int changed = jdbc.sql("""
                UPDATE security_access_token SET revoked_at = :now
                WHERE id = :id AND staff_id = :staff AND revoked_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("id", tokenId).param("staff", staffId).update();
        if (changed == 0) {
            throw new RecordNotFoundException("access-token", tokenId);
        }
        audit.record(AuditRecord.success(AuditAction.TOKEN_REVOKE, "access-token", tokenId, null));
    }

    /** The active owner of a valid token (not revoked, not expired), noting the token's use. */
    Optional<StaffPrincipal> principalOf(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = sha256(token);
        Optional<StaffPrincipal> owner = staff.tokenOwner(hash, now);
        Instant noted = usesNoted.get(hash);
        Instant stale = now.minus(LAST_USE_RESOLUTION);
        if (owner.isPresent() && (noted == null || noted.isBefore(stale))) {
            usesNoted.put(hash, now);
            jdbc.sql("""
                    UPDATE security_access_token SET last_used_at = :now
                    WHERE token_hash = :hash AND (last_used_at IS NULL OR last_used_at < :stale)""")
                    .param("now", Timestamp.from(now)).param("hash", hash).param("stale", Timestamp.from(stale))
                    .update();
        }
        return owner;
    }

    static String sha256(String token) {
        return AuditChain.sha256(token);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** A token just created: {@code token} is the secret, shown once. */
    record IssuedToken(long id, String name, String token, Instant expiresAt) {
    }

    /** A token as its owner sees it later: never the secret, only its last four characters. */
    record TokenView(long id, String name, String hint, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
            Instant revokedAt, TokenStatus status) {

        static TokenView of(long id, String name, String hint, Instant createdAt, Instant expiresAt,
                Instant lastUsedAt, Instant revokedAt, Instant now) {
            TokenStatus status = revokedAt != null ? TokenStatus.REVOKED
                    : expiresAt != null && !expiresAt.isAfter(now) ? TokenStatus.EXPIRED : TokenStatus.ACTIVE;
            return new TokenView(id, name, hint, createdAt, expiresAt, lastUsedAt, revokedAt, status);
        }
    }

    enum TokenStatus {
        ACTIVE, REVOKED, EXPIRED
    }
}
