package org.follicle.portal.internal;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import org.follicle.security.SignedInPatient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The patient signed in to the portal, kept in the HTTP session (in the database): their account, no password.
 *
 * @param username the account's sign-in name, {@code portal-<account id>}, never shown
 */
record PortalPatient(long accountId, long patientId, long organisationId, long clinicId, String username)
        implements UserDetails, SignedInPatient, Serializable {

    static final String AUTHORITY = "PORTAL_PATIENT";

    static String usernameOf(long accountId) {
        return "portal-" + accountId;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(AUTHORITY));
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return username;
    }
}
