package org.follicle.security.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.follicle.security.AuditAction;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.CurrentStaff;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords towards the lockout, clears them on success, and audits every sign-in, failed sign-in
 * and sign-out. The counter is updated in one statement, so parallel guesses cannot slip past it.
 */
@Component
class SignInRecorder {

    private final JdbcClient jdbc;

    private final AuditChain audit;

    private final SecuritySettings.Lockout lockout;

    private final Clock clock;

    SignInRecorder(JdbcClient jdbc, AuditChain audit, SecuritySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.lockout = settings.lockout();
        this.clock = clock;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal)) {
            return;
        }
        CurrentStaff staff = principal.staff();
        jdbc.sql("UPDATE security_staff SET failed_logins = 0, locked_until = NULL WHERE id = :id")
                .param("id", staff.id()).update();
        audit.append(new AuditChain.Actor(staff.username(), staff.id(), staff.organisationId(), null),
                new AuditRecord(AuditAction.LOGIN, null, null, null, AuditOutcome.SUCCESS, null));
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        String typed = StaffAccount.normalise(String.valueOf(event.getAuthentication().getPrincipal()));
        String reason = "bad-credentials";
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            countFailure(typed);
        }
        else if (event instanceof AuthenticationFailureLockedEvent) {
            reason = "locked";
        }
        else if (event instanceof AuthenticationFailureDisabledEvent) {
            reason = "deactivated";
        }
        String actor = typed.length() > 100 ? typed.substring(0, 100) : typed;
        audit.append(new AuditChain.Actor(actor, null, null, null),
                new AuditRecord(AuditAction.LOGIN_FAILURE, null, null, null, AuditOutcome.FAILURE, reason));
    }

    @EventListener
    void on(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof StaffPrincipal p) {
            CurrentStaff staff = p.staff();
            audit.append(new AuditChain.Actor(staff.username(), staff.id(), staff.organisationId(), null),
                    new AuditRecord(AuditAction.LOGOUT, null, null, null, AuditOutcome.SUCCESS, null));
        }
    }

    private void countFailure(String username) {
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE security_staff SET
                    failed_logins = CASE WHEN failed_logins + 1 >= :max THEN 0 ELSE failed_logins + 1 END,
                    locked_until = CASE WHEN failed_logins + 1 >= :max THEN :until ELSE locked_until END
                WHERE username = :username AND (locked_until IS NULL OR locked_until <= :now)""")
                .param("max", lockout.maxFailures())
                .param("until", Timestamp.from(now.plus(lockout.duration())))
                .param("username", username)
                .param("now", Timestamp.from(now))
                .update();
    }
}
