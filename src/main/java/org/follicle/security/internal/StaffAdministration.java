package org.follicle.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.CurrentStaff;
import org.follicle.security.Privilege;
import org.follicle.security.Role;
import org.follicle.system.ApiPage;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.LanguageChosen;
import org.follicle.system.PageQuery;
import org.follicle.system.RecordNotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts as an admin manages them. An admin manages the accounts of the clinics where they hold
 * STAFF_MANAGE: they give roles only there, and reset or deactivate only accounts that work nowhere else.
 */
@Service
@Transactional
class StaffAdministration {

    static final String RECORD_TYPE = "staff";

    private final StaffAccounts accounts;

    private final JdbcClient jdbc;

    private final ClinicAccess access;

    private final PasswordPolicy passwords;

    private final AuditLog audit;

    private final Clock clock;

    private final SignInThrottle throttle;

    StaffAdministration(StaffAccounts accounts, JdbcClient jdbc, ClinicAccess access, PasswordPolicy passwords,
            AuditLog audit, Clock clock, SignInThrottle throttle) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.access = access;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** Staff with a role in one of the admin's clinics, and accounts with no role yet, by name. */
    @Transactional(readOnly = true)
    ApiPage<StaffSummary> list(String query, PageQuery page) {
        CurrentStaff admin = access.current();
        Set<Long> clinics = managedClinics();
        if (clinics.isEmpty()) {
            return page.page(List.of(), 0);
        }
        String like = query == null || query.isBlank() ? null : "%" + query.trim().toLowerCase() + "%";
        String where = """
                FROM security_staff s
                WHERE s.organisation_id = :org
                  AND (EXISTS (SELECT 1 FROM security_clinic_role r WHERE r.staff_id = s.id AND r.clinic_id IN (:clinics))
                       OR NOT EXISTS (SELECT 1 FROM security_clinic_role r WHERE r.staff_id = s.id))
                  AND (CAST(:like AS VARCHAR) IS NULL OR lower(s.display_name) LIKE :like OR s.username LIKE :like)""";
        long total = jdbc.sql("SELECT count(*) " + where).param("org", admin.organisationId())
                .param("clinics", clinics).param("like", like).query(Long.class).single();
        List<Long> ids = jdbc.sql("SELECT s.id " + where + " ORDER BY lower(s.display_name), s.id LIMIT :limit OFFSET :offset")
                .param("org", admin.organisationId()).param("clinics", clinics).param("like", like)
                .param("limit", page.size()).param("offset", page.offset()).query(Long.class).list();
        Map<Long, StaffAccount> byId = accounts.findAllById(ids).stream()
                .collect(Collectors.toMap(StaffAccount::getId, a -> a));
        Set<String> locked = throttle.locked(byId.values().stream().map(StaffAccount::getUsername).toList());
        List<StaffSummary> items = ids.stream().map(byId::get)
                .map(a -> StaffSummary.of(a, locked.contains(a.getUsername()))).toList();
        return page.page(items, total);
    }

    @Transactional(readOnly = true)
    StaffSummary get(long staffId) {
        StaffAccount account = visible(staffId);
        return StaffSummary.of(account, !throttle.locked(List.of(account.getUsername())).isEmpty());
    }

    StaffSummary create(NewStaff command) {
        CurrentStaff admin = access.current();
        String username = StaffAccount.normalise(command.username());
        if (accounts.findByUsername(username).isPresent()) {
            throw BusinessRuleException.onField("username", "staff.usernameTaken");
        }
        command.rolesByClinic().keySet().forEach(clinic -> access.require(Privilege.STAFF_MANAGE, clinic));
        Instant now = clock.instant();
        StaffAccount account = new StaffAccount(admin.organisationId(), username, command.displayName().trim(),
                blankToNull(command.email()), passwords.hash("password", command.password(), username, command.displayName()), now, admin.username());
        command.rolesByClinic().forEach((clinic, roles) -> account.setRolesIn(clinic, roles, now, admin.username()));
        StaffAccount saved = accounts.save(account);
        audit.record(AuditRecord.success(AuditAction.CREATE, RECORD_TYPE, saved.getId(), null));
        return StaffSummary.of(saved, false);
    }

    void update(long staffId, String displayName, String email, int version) {
        StaffAccount account = managed(staffId);
        if (account.getVersion() != version) {
            throw new org.follicle.system.StaleRecordException(RECORD_TYPE, staffId);
        }
        account.rename(displayName.trim(), blankToNull(email), clock.instant(), access.current().username());
        accounts.save(account);
        audit.record(AuditRecord.success(AuditAction.UPDATE, RECORD_TYPE, staffId, null));
    }

    /** Gives exactly these roles in one clinic where the admin manages staff. */
    void setRoles(long staffId, long clinicId, Set<Role> roles) {
        access.require(Privilege.STAFF_MANAGE, clinicId);
        // Only accounts that work nowhere else: an admin of one clinic does not change the roles of someone who
        // also works, or administers the organisation, in clinics they do not manage.
        StaffAccount account = visible(staffId);
        if (!account.getRoles().stream().allMatch(r -> managedClinics().contains(r.clinicId()))) {
            throw new BusinessRuleException("staff.rolesElsewhere");
        }
        CurrentStaff admin = access.current();
        if (account.getId() == admin.id() && !roles.contains(Role.ADMIN) && admin.rolesIn(clinicId).contains(Role.ADMIN)) {
            // Nobody removes their own admin role: a clinic must not lose its last administrator by a slip.
            throw new BusinessRuleException("staff.cannotRemoveOwnAdmin");
        }
        if (account.getId() == admin.id() && !admin.rolesIn(clinicId).containsAll(roles)) {
            // A role one gives oneself is given by nobody: another administrator gives it.
            throw new BusinessRuleException("staff.cannotGrantSelf");
        }
        if (!roles.contains(Role.ADMIN) && account.rolesIn(clinicId).contains(Role.ADMIN)
                && otherActiveAdmins(clinicId, staffId) == 0) {
            throw new BusinessRuleException("staff.lastAdmin");
        }
        account.setRolesIn(clinicId, roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles), clock.instant(),
                admin.username());
        accounts.save(account);
        audit.record(new AuditRecord(AuditAction.ROLE_CHANGE, RECORD_TYPE, String.valueOf(staffId), clinicId,
                org.follicle.security.AuditOutcome.SUCCESS,
                roles.stream().map(Role::name).sorted().collect(Collectors.joining(","))));
    }

    /** A new password given by an administrator; it also lifts every lock on the account's sign-ins. */
    void resetPassword(long staffId, String newPassword) {
        StaffAccount account = managed(staffId);
        throttle.forget(account.getUsername());
        account.changePassword(passwords.hash("password", newPassword, account.getUsername(), account.getDisplayName()),
                clock.instant(), access.current().username());
        accounts.save(account);
        audit.record(AuditRecord.success(AuditAction.PASSWORD_RESET, RECORD_TYPE, staffId, null));
    }

    void deactivate(long staffId) {
        StaffAccount account = managed(staffId);
        if (account.getId() == access.current().id()) {
            throw new BusinessRuleException("staff.cannotDeactivateSelf");
        }
        for (long clinicId : account.clinicsWith(Role.ADMIN)) {
            if (otherActiveAdmins(clinicId, staffId) == 0) {
                throw new BusinessRuleException("staff.lastAdmin");
            }
        }
        account.deactivate(clock.instant(), access.current().username());
        accounts.save(account);
        jdbc.sql("DELETE FROM system_http_session WHERE principal_name = :username")
                .param("username", account.getUsername()).update();
        audit.record(AuditRecord.success(AuditAction.ACCOUNT_DEACTIVATE, RECORD_TYPE, staffId, null));
    }

    void reactivate(long staffId) {
        StaffAccount account = managed(staffId);
        account.reactivate(clock.instant(), access.current().username());
        accounts.save(account);
        audit.record(AuditRecord.success(AuditAction.ACCOUNT_REACTIVATE, RECORD_TYPE, staffId, null));
    }

    /** The signed-in user changes their own password, proving they know the current one. */
    void changeOwnPassword(String currentPassword, String newPassword) {
        CurrentStaff me = access.current();
        StaffAccount account = accounts.findById(me.id()).orElseThrow();
        if (!passwords.matches(currentPassword, account.getPasswordHash())) {
            throw BusinessRuleException.onField("currentPassword", "password.currentWrong");
        }
        account.changePassword(passwords.hash("newPassword", newPassword, me.username(), me.displayName()),
                clock.instant(), me.username());
        accounts.save(account);
        audit.record(AuditRecord.success(AuditAction.PASSWORD_CHANGE, RECORD_TYPE, me.id(), null));
    }

    @EventListener
    void on(LanguageChosen event) {
        jdbc.sql("UPDATE security_staff SET locale = :locale WHERE username = :username")
                .param("locale", event.language().toLanguageTag()).param("username", event.username()).update();
    }

    /** Active administrators of the clinic other than this account. */
    private long otherActiveAdmins(long clinicId, long staffId) {
        return jdbc.sql("""
                SELECT count(*) FROM security_clinic_role r JOIN security_staff s ON s.id = r.staff_id
                WHERE r.clinic_id = :clinic AND r.role = 'ADMIN' AND s.active AND s.id <> :staff""")
                .param("clinic", clinicId).param("staff", staffId).query(Long.class).single();
    }

    Set<Long> managedClinics() {
        return access.clinicsWith(Privilege.STAFF_MANAGE);
    }

    /** An account the admin may see: same organisation, and a role in one of the admin's clinics or none. */
    private StaffAccount visible(long staffId) {
        CurrentStaff admin = access.current();
        Set<Long> clinics = managedClinics();
        return accounts.findById(staffId)
                .filter(a -> a.getOrganisationId() == admin.organisationId())
                .filter(a -> a.getRoles().isEmpty() || a.getRoles().stream().anyMatch(r -> clinics.contains(r.clinicId())))
                .orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, staffId));
    }

    /** An account the admin may reset or deactivate: every clinic it works in is one the admin manages. */
    private StaffAccount managed(long staffId) {
        StaffAccount account = visible(staffId);
        Set<Long> clinics = managedClinics();
        if (!account.getRoles().stream().allMatch(r -> clinics.contains(r.clinicId()))) {
            throw new AccessDeniedException("account works in a clinic this admin does not manage");
        }
        return account;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** What a new account needs. */
    record NewStaff(String username, String displayName, String email, String password,
            Map<Long, Set<Role>> rolesByClinic) {
    }

    /** A staff account as lists and the API show it. */
    record StaffSummary(long id, String username, String displayName, String email, boolean active, boolean locked,
            Map<Long, List<Role>> rolesByClinic, int version) {

        /** {@code locked}: sign-ins as this account are refused from some address for now. */
        static StaffSummary of(StaffAccount a, boolean locked) {
            Map<Long, List<Role>> roles = new java.util.TreeMap<>();
            a.getRoles().forEach(r -> roles.computeIfAbsent(r.clinicId(), k -> new ArrayList<>()).add(r.role()));
            roles.values().forEach(list -> list.sort(null));
            return new StaffSummary(a.getId(), a.getUsername(), a.getDisplayName(), a.getEmail(), a.isActive(),
                    locked, roles, a.getVersion());
        }
    }
}
