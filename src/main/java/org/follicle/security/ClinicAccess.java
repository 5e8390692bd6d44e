package org.follicle.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;

import org.follicle.security.internal.AuditChain;
import org.follicle.security.internal.StaffPrincipal;
import org.follicle.system.RecordNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The privilege check every module makes on the server before it reads or writes a clinic's records. A user
 * sees a clinic's records only through a role in that clinic.
 */
@Component
public class ClinicAccess {

    /** Session attribute holding the clinic chosen with the clinic switcher. */
    public static final String SELECTED_CLINIC = "follicle.clinicId";

    private static final Logger log = LoggerFactory.getLogger(ClinicAccess.class);

    private final AuditChain audit;

    ClinicAccess(AuditChain audit) {
        this.audit = audit;
    }

    /** The signed-in staff member; fails when nobody is signed in. */
    public CurrentStaff current() {
        return currentIfAny().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not signed in"));
    }

    public Optional<CurrentStaff> currentIfAny() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal principal) {
            return Optional.of(principal.staff());
        }
        return Optional.empty();
    }

    public boolean can(Privilege privilege, long clinicId) {
        return currentIfAny().map(staff -> staff.can(privilege, clinicId)).orElse(false);
    }

    /** Refuses (403, logged and audited) unless the user holds the privilege in the clinic. */
    public void require(Privilege privilege, long clinicId) {
        if (!can(privilege, clinicId)) {
            deny(privilege, clinicId, null, null);
            throw new AccessDeniedException("missing " + privilege + " in clinic " + clinicId);
        }
    }

    /**
     * Refuses as if the record did not exist (404, logged and audited) unless the user holds the privilege in
     * the record's clinic: another clinic's records cannot even be discovered.
     */
    public void requireVisible(Privilege privilege, long clinicId, String recordType, Object recordId) {
        if (!can(privilege, clinicId)) {
            deny(privilege, clinicId, recordType, recordId);
            throw new RecordNotFoundException(recordType, recordId);
        }
    }

    /** The clinics where the user holds the privilege. */
    public Set<Long> clinicsWith(Privilege privilege) {
        return currentIfAny().map(staff -> staff.rolesByClinic().keySet().stream()
                .filter(clinic -> staff.can(privilege, clinic)).collect(Collectors.toSet())).orElse(Set.of());
    }

    /**
     * The clinic the user works in now: the one chosen with the clinic switcher while they still have a role
     * there, else the first of their clinics; empty for a user with no clinic.
     */
    public Optional<Long> selectedClinic() {
        Optional<CurrentStaff> staff = currentIfAny();
        if (staff.isEmpty() || staff.get().clinicIds().isEmpty()) {
            return Optional.empty();
        }
        HttpSession session = session();
        if (session != null && session.getAttribute(SELECTED_CLINIC) instanceof Long chosen
                && staff.get().clinicIds().contains(chosen)) {
            return Optional.of(chosen);
        }
        return Optional.of(staff.get().clinicIds().iterator().next());
    }

    /** The clinic the user works in now (see {@link #selectedClinic()}); refused (403) for a user with no clinic. */
    public long workingClinic() {
        return selectedClinic().orElseThrow(() -> new AccessDeniedException("no clinic"));
    }

    /** Remembers the clinic chosen with the switcher; refused for a clinic where the user has no role. */
    public void selectClinic(long clinicId) {
        if (!current().clinicIds().contains(clinicId)) {
            deny(null, clinicId, "clinic", clinicId);
            throw new AccessDeniedException("no role in clinic " + clinicId);
        }
        HttpSession session = session();
        if (session != null) {
            session.setAttribute(SELECTED_CLINIC, clinicId);
        }
    }

    private void deny(Privilege privilege, long clinicId, String recordType, Object recordId) {
        String who = currentIfAny().map(CurrentStaff::username).orElse("anonymous");
        log.warn("Access denied: {} lacks {} in clinic {}{}", who, privilege == null ? "a role" : privilege, clinicId,
                recordType == null ? "" : " (" + recordType + " " + recordId + ")");
        audit.append(new AuditRecord(AuditAction.ACCESS_DENIED, recordType,
                recordId == null ? null : String.valueOf(recordId), clinicId, AuditOutcome.DENIED,
                privilege == null ? "no-role" : privilege.name()));
    }

    private static HttpSession session() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getSession(false);
        }
        return null;
    }
}
