package org.follicle.security.internal;

import java.time.Clock;
import java.util.Set;

import org.follicle.security.ClinicCatalog;
import org.follicle.security.ClinicRef;
import org.follicle.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * The first start of a new installation (production included): when no staff account exists yet and
 * {@code follicle.setup.*} is given, creates the organisation, its first clinic and an administrator, so that
 * nobody has to write SQL to get in. Does nothing once any account exists.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final StaffAccounts accounts;

    private final ClinicCatalog clinics;

    private final PasswordPolicy passwords;

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    private final Clock clock;

    private final Setup setup;

    FirstAdministrator(StaffAccounts accounts, ClinicCatalog clinics, PasswordPolicy passwords, JdbcClient jdbc,
            TransactionTemplate transaction, Clock clock,
            @Value("${follicle.setup.organisation:}") String organisation,
            @Value("${follicle.setup.clinic:}") String clinic,
            @Value("${follicle.setup.time-zone:Europe/Paris}") String timeZone,
            @Value("${follicle.setup.admin-username:}") String username,
            @Value("${follicle.setup.admin-password:}") String password) {
        this.accounts = accounts;
        this.clinics = clinics;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.setup = new Setup(organisation, clinic, timeZone, username, password);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!setup.given()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            // One instance at a time decides, so two starting together do not both create an organisation.
            jdbc.sql("SELECT pg_advisory_xact_lock(4711)").query().singleRow();
            if (accounts.count() > 0) {
                return;
            }
            ClinicRef first = clinics.createOrganisation(setup.organisation(), setup.clinic(), setup.timeZone());
            StaffAccount admin = new StaffAccount(first.organisationId(), setup.username(), setup.username(), null,
                    passwords.hash("password", setup.password(), setup.username()), clock.instant(), "setup");
            admin.setRolesIn(first.id(), Set.of(Role.ADMIN), clock.instant(), "setup");
            accounts.save(admin);
            log.info("First start: created organisation '{}', clinic '{}' and administrator '{}'.",
                    setup.organisation(), setup.clinic(), admin.getUsername());
        });
    }

    /** What {@code follicle.setup.*} says; all of organisation, clinic, username and password are needed. */
    record Setup(String organisation, String clinic, String timeZone, String username, String password) {

        boolean given() {
            return StringUtils.hasText(organisation) && StringUtils.hasText(clinic) && StringUtils.hasText(username)
                    && StringUtils.hasText(password);
        }
    }
}
