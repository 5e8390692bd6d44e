package org.follicle.security.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class StaffDetailsService implements UserDetailsService {

    private final StaffAccounts accounts;

    StaffDetailsService(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(StaffAccount.normalise(username))
                // Never locked as an account: sign-ins are throttled per name and address (SignInThrottle).
                .map(account -> StaffPrincipal.of(account, false))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
