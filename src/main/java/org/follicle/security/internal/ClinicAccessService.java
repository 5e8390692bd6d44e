package org.follicle.security.internal;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;

import org.follicle.security.AuditAction;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.CurrentStaff;
import org.follicle.security.Privilege;
import org.follicle.security.SignedInPatient;
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

@Component
class ClinicAccessService implements ClinicAccess {

    private static final Logger log = LoggerFactory.getLogger(ClinicAccess.class);

    private final AuditChain audit;

    ClinicAccessService(AuditChain audit) {
        this.audit = audit;
    }

    @Override
    public CurrentStaff current() {
        return currentIfAny().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not signed in"));
    }

    @Override
    public Optional<CurrentStaff> currentIfAny() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal principal) {
            return Optional.of(principal.staff());
        }
        return Optional.empty();
    }

    @Override
    public Optional<SignedInPatient> signedInPatient() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SignedInPatient patient ? Optional.of(patient)
                : Optional.empty();
    }

    @Override
    public String actorName() {
        return currentIfAny().map(CurrentStaff::username).orElseGet(() -> signedInPatient()
                .map(SignedInPatient::actorName).orElseThrow(() -> new AuthenticationCredentialsNotFoundException(
                        "not signed in")));
    }

    @Override
    public boolean can(Privilege privilege, long clinicId) {
        return currentIfAny().map(staff -> staff.can(privilege, clinicId)).orElse(false);
    }

    @Override
    public void require(Privilege privilege, long clinicId) {
        if (!can(privilege, clinicId)) {
            deny(privilege, clinicId, null, null);
            throw new AccessDeniedException("missing " + privilege + " in clinic " + clinicId);
        }
    }

    @Override
    public void requireVisible(Privilege privilege, long clinicId, String recordType, Object recordId) {
        if (!can(privilege, clinicId)) {
            deny(privilege, clinicId, recordType, recordId);
            throw new RecordNotFoundException(recordType, recordId);
        }
    }

    @Override
    public Set<Long> clinicsWith(Privilege privilege) {
        return currentIfAny().map(staff -> staff.rolesByClinic().keySet().stream()
                .filter(clinic -> staff.can(privilege, clinic)).collect(Collectors.toSet())).orElse(Set.of());
    }

    @Override
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

    @Override
    public long workingClinic() {
        return selectedClinic().orElseThrow(() -> new AccessDeniedException("no clinic"));
    }

    @Override
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
        audit.record(new AuditRecord(AuditAction.ACCESS_DENIED, recordType,
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
