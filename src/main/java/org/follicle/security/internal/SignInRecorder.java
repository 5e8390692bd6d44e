package org.follicle.security.internal;

import org.follicle.security.AuditAction;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.CurrentStaff;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords towards the lockout of the name from that address ({@link SignInThrottle}), clears them on
 * success, and audits every sign-in, failed sign-in and sign-out.
 */
@Component
class SignInRecorder {

    private final AuditChain audit;

    private final SignInThrottle throttle;

    SignInRecorder(AuditChain audit, SignInThrottle throttle) {
        this.audit = audit;
        this.throttle = throttle;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof org.follicle.security.SignedInPatient patient) {
            audit.append(new AuditChain.Actor(patient.actorName(), null, patient.organisationId(),
                    "PATIENT"), new AuditRecord(AuditAction.LOGIN, null, null, null, AuditOutcome.SUCCESS, null));
            return;
        }
        if (!(event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal)) {
            return;
        }
        CurrentStaff staff = principal.staff();
        throttle.succeeded(staff.username(), source(event.getAuthentication()));
        audit.append(new AuditChain.Actor(staff.username(), staff.id(), staff.organisationId(), null),
                new AuditRecord(AuditAction.LOGIN, null, null, null, AuditOutcome.SUCCESS, null));
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        if (!(event.getAuthentication()
                instanceof org.springframework.security.authentication.UsernamePasswordAuthenticationToken)) {
            // A patient's sign-in link expired or used, or a passkey refused: the token itself is written nowhere.
            audit.append(AuditChain.Actor.typed("portal"), new AuditRecord(AuditAction.LOGIN_FAILURE, null, null,
                    null, AuditOutcome.FAILURE, event.getAuthentication().getClass().getSimpleName()));
            return;
        }
        String typed = StaffAccount.normalise(String.valueOf(event.getAuthentication().getPrincipal()));
        String reason = "bad-credentials";
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            throttle.failed(typed, source(event.getAuthentication()));
        }
        else if (event instanceof AuthenticationFailureDisabledEvent) {
            reason = "deactivated";
        }
        audit.append(AuditChain.Actor.typed(typed),
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

    /** The address the sign-in came from, as the login form's details recorded it. */
    static String source(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
                : null;
    }
}
