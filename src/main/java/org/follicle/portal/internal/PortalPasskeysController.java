package org.follicle.portal.internal;

import java.util.List;

import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
import org.follicle.system.RecordNotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The patient's passkeys: added from this page (the browser and Spring Security's endpoints do the ceremony,
 * {@code portal-passkeys.js}), listed, and removed. A passkey signs in without waiting for an email.
 */
@Controller
class PortalPasskeysController {

    static final String PASSKEY = "passkey";

    private final JdbcPublicKeyCredentialUserEntityRepository users;

    private final JdbcUserCredentialRepository credentials;

    private final AuditLog audit;

    private final org.follicle.clinics.ClinicDirectory clinics;

    PortalPasskeysController(JdbcPublicKeyCredentialUserEntityRepository users,
            JdbcUserCredentialRepository credentials, AuditLog audit, org.follicle.clinics.ClinicDirectory clinics) {
        this.users = users;
        this.credentials = credentials;
        this.audit = audit;
        this.clinics = clinics;
    }

    @GetMapping("/portal/passkeys")
    String passkeys(@AuthenticationPrincipal PortalPatient me, Model model) {
        java.time.ZoneId zone = clinics.find(me.clinicId()).orElseThrow().zone();
        model.addAttribute("passkeys", of(me).stream().map(c -> new Passkey(c.getCredentialId().toBase64UrlString(),
                c.getLabel(), day(c.getCreated(), zone), day(c.getLastUsed(), zone))).toList());
        return "portal/passkeys";
    }

    private static java.time.LocalDate day(java.time.Instant at, java.time.ZoneId zone) {
        return at == null ? null : at.atZone(zone).toLocalDate();
    }

    /** A passkey as the page lists it, by the name the patient gave it. */
    record Passkey(String id, String label, java.time.LocalDate created, java.time.LocalDate lastUsed) {
    }

    @PostMapping("/portal/passkeys/{credentialId}/removal")
    @Transactional
    String remove(@AuthenticationPrincipal PortalPatient me, @PathVariable String credentialId,
            RedirectAttributes redirect) {
        CredentialRecord credential = of(me).stream()
                .filter(c -> c.getCredentialId().toBase64UrlString().equals(credentialId)).findFirst()
                .orElseThrow(() -> new RecordNotFoundException(PASSKEY, credentialId));
        credentials.delete(credential.getCredentialId());
        audit.record(AuditRecord.success(AuditAction.UPDATE, PASSKEY, me.accountId(), me.clinicId()));
        redirect.addFlashAttribute("flash", "portal.passkeys.removed");
        return "redirect:/portal/passkeys";
    }

    private List<CredentialRecord> of(PortalPatient me) {
        PublicKeyCredentialUserEntity user = users.findByUsername(me.getUsername());
        return user == null ? List.of() : credentials.findByUserId(user.getId());
    }
}
