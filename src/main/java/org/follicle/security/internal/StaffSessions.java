package org.follicle.security.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.follicle.security.CurrentStaff;
import org.follicle.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reloads a signed-in user's account and roles as they stand now, on every page and API call: one query for the
 * account and its roles together (loading the account aggregate through the repository cost an eighth of the CPU
 * of a clinic day under load).
 */
@Component
class StaffSessions {

    private final JdbcClient jdbc;

    StaffSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The principal for an account that is still active; empty for a deactivated or missing one. */
    Optional<StaffPrincipal> activePrincipal(long staffId) {
        return principal("s.id = :id", Map.of("id", staffId));
    }

    /**
     * The active owner of a valid token (not revoked, not expired), read with the account and roles in the same
     * query: an API call's sign-in is one round trip.
     */
    Optional<StaffPrincipal> tokenOwner(String tokenHash, Instant now) {
        return principal("""
                s.id = (SELECT staff_id FROM security_access_token
                        WHERE token_hash = :hash AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now))""",
                Map.of("hash", tokenHash, "now", Timestamp.from(now)));
    }

    private Optional<StaffPrincipal> principal(String condition, Map<String, ?> params) {
        record Row(long id, String username, String displayName, long organisationId, Long clinicId, String role) {
        }
        var rows = jdbc.sql("""
                SELECT s.id, s.username, s.display_name, s.organisation_id, r.clinic_id, r.role
                FROM security_staff s LEFT JOIN security_clinic_role r ON r.staff_id = s.id
                WHERE s.active AND\s""" + condition).params(params).query(Row.class).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Set<Role>> roles = new HashMap<>();
        rows.stream().filter(r -> r.clinicId() != null)
                .forEach(r -> roles.computeIfAbsent(r.clinicId(), k -> new HashSet<>()).add(Role.valueOf(r.role())));
        Row account = rows.get(0);
        return Optional.of(new StaffPrincipal(new CurrentStaff(account.id(), account.username(),
                account.displayName(), account.organisationId(), roles), null, true, false));
    }
}
