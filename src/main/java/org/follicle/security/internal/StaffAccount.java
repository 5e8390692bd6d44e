package org.follicle.security.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.follicle.security.CurrentStaff;
import org.follicle.security.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A member of staff who signs in to Follicle, with their roles per clinic. Accounts are deactivated, never
 * deleted: the audit log and clinical records name them.
 */
@Table("security_staff")
class StaffAccount implements Persistable<Long> {

    @Id
    private Long id;

    private long organisationId;

    private String username;

    private String displayName;

    private String email;

    private String passwordHash;

    private String locale;

    private boolean active = true;

    private Instant passwordChangedAt;

    @Version
    private int version;

    private Instant createdAt;

    private String createdBy;

    private Instant changedAt;

    private String changedBy;

    @MappedCollection(idColumn = "staff_id")
    private Set<ClinicRole> roles = new HashSet<>();

    protected StaffAccount() {
    }

    StaffAccount(long organisationId, String username, String displayName, String email, String passwordHash,
            Instant now, String by) {
        this.organisationId = organisationId;
        this.username = normalise(username);
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
        this.createdAt = now;
        this.createdBy = by;
        this.changedAt = now;
        this.changedBy = by;
    }

    /** Usernames are compared without case or surrounding spaces: "Admin " is "admin". */
    static String normalise(String username) {
        return username == null ? null : username.trim().toLowerCase(java.util.Locale.ROOT);
    }

    void changePassword(String newHash, Instant now, String by) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
        touch(now, by);
    }

    void deactivate(Instant now, String by) {
        this.active = false;
        touch(now, by);
    }

    void reactivate(Instant now, String by) {
        this.active = true;
        touch(now, by);
    }

    void rename(String newDisplayName, String newEmail, Instant now, String by) {
        this.displayName = newDisplayName;
        this.email = newEmail;
        touch(now, by);
    }

    /** Replaces this account's roles in one clinic, leaving its roles elsewhere as they are. */
    void setRolesIn(long clinicId, Set<Role> newRoles, Instant now, String by) {
        roles.removeIf(role -> role.clinicId() == clinicId);
        newRoles.forEach(role -> roles.add(new ClinicRole(clinicId, role)));
        touch(now, by);
    }

    private void touch(Instant now, String by) {
        this.changedAt = now;
        this.changedBy = by;
    }

    CurrentStaff toCurrentStaff() {
        Map<Long, Set<Role>> byClinic = new HashMap<>();
        if (active) {
            roles.forEach(r -> byClinic.computeIfAbsent(r.clinicId(), k -> new HashSet<>()).add(r.role()));
        }
        return new CurrentStaff(id, username, displayName, organisationId, byClinic);
    }

    @Override
    public Long getId() {
        return id;
    }

    /** New until saved: the version cannot tell, since rows start at version 0. */
    @Override
    public boolean isNew() {
        return id == null;
    }

    long getOrganisationId() {
        return organisationId;
    }

    String getUsername() {
        return username;
    }

    String getDisplayName() {
        return displayName;
    }

    String getEmail() {
        return email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    String getLocale() {
        return locale;
    }

    boolean isActive() {
        return active;
    }

    int getVersion() {
        return version;
    }

    Set<ClinicRole> getRoles() {
        return roles;
    }

    Set<Role> rolesIn(long clinicId) {
        return roles.stream().filter(r -> r.clinicId() == clinicId).map(ClinicRole::role)
                .collect(java.util.stream.Collectors.toSet());
    }

    Set<Long> clinicsWith(Role role) {
        return roles.stream().filter(r -> r.role() == role).map(ClinicRole::clinicId)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** One role in one clinic. */
    @Table("security_clinic_role")
    record ClinicRole(long clinicId, Role role) {
    }
}
