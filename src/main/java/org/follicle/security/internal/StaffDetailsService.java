package org.follicle.security.internal;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class StaffDetailsService implements UserDetailsService {

    private final StaffAccounts accounts;

    private final Clock clock;

    StaffDetailsService(StaffAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(StaffAccount.normalise(username))
                .map(account -> StaffPrincipal.of(account, account.isLocked(clock.instant())))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
