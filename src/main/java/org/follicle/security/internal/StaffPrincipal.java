package org.follicle.security.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.follicle.security.CurrentStaff;
import org.follicle.security.Privilege;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in staff member as Spring Security holds them. Its authorities are the privileges held in at
 * least one clinic ({@code PRIV_*}), which gate whole pages; the check for one clinic is
 * {@link org.follicle.security.ClinicAccess}.
 */
public record StaffPrincipal(CurrentStaff staff, String passwordHash, boolean enabled, boolean locked)
        implements UserDetails {

    static StaffPrincipal of(StaffAccount account, boolean locked) {
        return new StaffPrincipal(account.toCurrentStaff(), account.getPasswordHash(), account.isActive(), locked);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        Set<String> names = new HashSet<>();
        staff.rolesByClinic().values().forEach(roles -> roles.forEach(role -> {
            names.add("ROLE_" + role.name());
            role.privileges().stream().map(Privilege::authority).forEach(names::add);
        }));
        List<GrantedAuthority> authorities = names.stream().sorted().<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return staff.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The copy kept in the HTTP session (stored in the database): without the password hash. */
    StaffPrincipal withoutPassword() {
        return new StaffPrincipal(staff, null, enabled, locked);
    }
}
