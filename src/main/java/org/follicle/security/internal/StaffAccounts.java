package org.follicle.security.internal;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface StaffAccounts extends ListCrudRepository<StaffAccount, Long> {

    Optional<StaffAccount> findByUsername(String username);
}
