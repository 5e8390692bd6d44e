package org.follicle.security;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The signed-in staff member with their roles as they stand now (reloaded on every request, so a removed
 * role or a deactivated account takes effect at once).
 */
public record CurrentStaff(long id, String username, String displayName, long organisationId,
        Map<Long, Set<Role>> rolesByClinic) implements Serializable {

    public boolean can(Privilege privilege, long clinicId) {
        return rolesByClinic.getOrDefault(clinicId, Set.of()).stream().anyMatch(role -> role.grants(privilege));
    }

    /** The clinics where this person holds any role, in id order. */
    public Set<Long> clinicIds() {
        return new TreeSet<>(rolesByClinic.keySet());
    }

    public Set<Role> rolesIn(long clinicId) {
        return rolesByClinic.getOrDefault(clinicId, Set.of());
    }
}
