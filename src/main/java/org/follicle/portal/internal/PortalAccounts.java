package org.follicle.portal.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.messaging.MessageKind;
import org.follicle.messaging.OutgoingMessage;
import org.follicle.messaging.PatientMessages;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.Languages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patients' portal accounts. The clinic invites a patient whose record has an email address; the patient then
 * signs in with a link sent to that address. An account is matched to a record by the clinic, never by a name the
 * patient types, and closed (with a reason), never deleted.
 */
@Service
@Transactional
class PortalAccounts implements UserDetailsService {

    static final String ACCOUNT = "portal-account";

    private final JdbcClient jdbc;

    private final PatientRegistry patients;

    private final ClinicDirectory clinics;

    private final PatientMessages outbox;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final Clock clock;

    PortalAccounts(JdbcClient jdbc, PatientRegistry patients, ClinicDirectory clinics, PatientMessages outbox,
            ClinicAccess access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.clinics = clinics;
        this.outbox = outbox;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Opens the portal to the patient (or sends the invitation again, to the address the record has now) and emails
     * them where to sign in.
     *
     * @param portalUrl the portal's sign-in page, as the patient reaches it
     */
    Account invite(long patientId, String portalUrl) {
        PatientView patient = patients.openPatient(patientId, Privilege.PATIENT_WRITE);
        if (patient.email() == null || patient.email().isBlank()) {
            throw new BusinessRuleException("portal.invite.noEmail");
        }
        Instant now = clock.instant();
        String by = access.current().username();
        Optional<Account> open = account(patient.id());
        if (open.isPresent()) {
            jdbc.sql("UPDATE portal_account SET email = :email, invited_at = :now, invited_by = :by WHERE id = :id")
                    .param("email", patient.email().trim()).param("now", Timestamp.from(now)).param("by", by)
                    .param("id", open.get().id()).update();
        }
        else {
            jdbc.sql("""
                    INSERT INTO portal_account (organisation_id, clinic_id, patient_id, email, invited_at, invited_by)
                    VALUES (:org, :clinic, :patient, :email, :now, :by)""").param("org", patient.organisationId())
                    .param("clinic", patient.clinicId()).param("patient", patient.id())
                    .param("email", patient.email().trim()).param("now", Timestamp.from(now)).param("by", by).update();
        }
        Account account = account(patient.id()).orElseThrow();
        audit.record(AuditRecord.success(open.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE, ACCOUNT,
                account.id(), patient.clinicId()));
        Locale locale = languageOf(patient);
        String clinicName = clinics.find(patient.clinicId()).orElseThrow().name();
        Object[] args = { patient.givenName(), clinicName, portalUrl };
        outbox.queue(new OutgoingMessage(patient.organisationId(), patient.clinicId(), patient.id(), null,
                MessageKind.PORTAL_INVITATION, patient.email(), locale.getLanguage(),
                outbox.text(patient.organisationId(), MessageKind.PORTAL_INVITATION, "subject", args, locale),
                outbox.text(patient.organisationId(), MessageKind.PORTAL_INVITATION, "body", args, locale), null), now);
        return account;
    }

    /** Closes the patient's account: the patient can no longer sign in; what they did stays. */
    void close(long patientId, String reason) {
        PatientView patient = patients.writablePatient(patientId, Privilege.PATIENT_WRITE);
        String text = reason == null ? "" : reason.trim();
        if (text.length() < 5) {
            throw BusinessRuleException.onField("reason", "portal.close.reasonNeeded", 5);
        }
        Account account = account(patient.id())
                .orElseThrow(() -> new BusinessRuleException("portal.close.noAccount"));
        jdbc.sql("""
                UPDATE portal_account SET closed_at = :now, closed_by = :by, close_reason = :reason
                WHERE id = :id AND closed_at IS NULL""").param("now", Timestamp.from(clock.instant()))
                .param("by", access.current().username()).param("reason", text).param("id", account.id()).update();
        audit.record(new AuditRecord(AuditAction.ACCOUNT_DEACTIVATE, ACCOUNT, String.valueOf(account.id()),
                patient.clinicId(), AuditOutcome.SUCCESS, null));
    }

    /** The patient's open account, if any; the caller has checked access to the patient. */
    @Transactional(readOnly = true)
    Optional<Account> account(long patientId) {
        return jdbc.sql(SELECT + " WHERE patient_id = :patient AND closed_at IS NULL").param("patient", patientId)
                .query(Account.class).optional();
    }

    /**
     * The open account a sign-in link goes to for this address: the latest invited, should the same person be a
     * patient of two organisations.
     */
    @Transactional(readOnly = true)
    Optional<Account> forAddress(String email) {
        return jdbc.sql(SELECT + " WHERE lower(email) = lower(:email) AND closed_at IS NULL ORDER BY invited_at DESC LIMIT 1")
                .param("email", email.trim()).query(Account.class).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public PortalPatient loadUserByUsername(String username) {
        Long id = username != null && username.startsWith("portal-") ? parse(username.substring(7)) : null;
        Account account = id == null ? null : jdbc.sql(SELECT + " WHERE id = :id AND closed_at IS NULL")
                .param("id", id).query(Account.class).optional().orElse(null);
        if (account == null) {
            throw new UsernameNotFoundException("no open portal account");
        }
        return new PortalPatient(account.id(), account.patientId(), account.organisationId(), account.clinicId(),
                PortalPatient.usernameOf(account.id()));
    }

    /**
     * The patient signed in, by a link or a passkey (the sign-in itself is audited by the security module): the
     * account is in use.
     */
    @org.springframework.context.event.EventListener
    void signedIn(org.springframework.security.authentication.event.AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof PortalPatient patient)) {
            return;
        }
        jdbc.sql("UPDATE portal_account SET signed_in_at = :now WHERE id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", patient.accountId()).update();
    }

    static Locale languageOf(PatientView patient) {
        Locale locale = Languages.supported(patient.preferredLanguage());
        return locale == null ? Locale.ENGLISH : locale;
    }

    private static Long parse(String digits) {
        try {
            return Long.parseLong(digits);
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    private static final String SELECT = """
            SELECT id, organisation_id, clinic_id, patient_id, email, invited_at, invited_by, signed_in_at
            FROM portal_account""";

    record Account(long id, long organisationId, long clinicId, long patientId, String email, Instant invitedAt,
            String invitedBy, Instant signedInAt) {
    }
}
