package org.follicle.security.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** Reloads a signed-in user's account and roles as they stand now. */
@Component
class StaffSessions {

    private final StaffAccounts accounts;

    StaffSessions(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    /** The principal for an account that is still active; empty for a deactivated or missing one. */
    Optional<StaffPrincipal> activePrincipal(long staffId) {
        return accounts.findById(staffId).filter(StaffAccount::isActive)
                .map(account -> StaffPrincipal.of(account, false).withoutPassword());
    }
}
