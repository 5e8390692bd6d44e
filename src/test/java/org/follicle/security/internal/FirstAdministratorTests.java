package org.follicle.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.follicle.security.ClinicCatalog;
import org.follicle.security.ClinicRef;
import org.follicle.security.Role;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Answers;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class FirstAdministratorTests {

    private final StaffAccounts accounts = mock(StaffAccounts.class);

    private final ClinicCatalog clinics = mock(ClinicCatalog.class);

    private final PasswordPolicy passwords = new PasswordPolicy(new SecuritySettings(null, null,
            new SecuritySettings.Password(12, 128)), NoOpPasswordEncoder.getInstance());

    private final TransactionTemplate transaction = new TransactionTemplate(mock(PlatformTransactionManager.class));

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void createsTheOrganisationClinicAndAdministratorOnAnEmptyInstallation() {
        when(accounts.count()).thenReturn(0L);
        when(clinics.createOrganisation("Clinique du Cuir", "Lyon", "Europe/Paris"))
                .thenReturn(new ClinicRef(3, 2, "Lyon", java.time.ZoneId.of("Europe/Paris")));
        firstAdministrator("Clinique du Cuir", "Lyon", "manager", "a long first password").run(new DefaultApplicationArguments());
        ArgumentCaptor<StaffAccount> saved = ArgumentCaptor.forClass(StaffAccount.class);
        verify(accounts).save(saved.capture());
        assertThat(saved.getValue().getUsername()).isEqualTo("manager");
        assertThat(saved.getValue().getRoles()).containsExactly(new StaffAccount.ClinicRole(3, Role.ADMIN));
    }

    @Test
    void doesNothingOnceAnyAccountExists() {
        when(accounts.count()).thenReturn(4L);
        firstAdministrator("Org", "Lyon", "manager", "a long first password").run(new DefaultApplicationArguments());
        verify(clinics, never()).createOrganisation(any(), any(), any());
        verify(accounts, never()).save(any());
    }

    @Test
    void doesNothingWithoutTheWholeSetup() {
        firstAdministrator("Org", "", "manager", "a long first password").run(new DefaultApplicationArguments());
        verify(accounts, never()).count();
    }

    private FirstAdministrator firstAdministrator(String org, String clinic, String user, String password) {
        JdbcClient jdbc = mock(JdbcClient.class, Answers.RETURNS_DEEP_STUBS);
        return new FirstAdministrator(accounts, clinics, passwords, jdbc, transaction, clock, org, clinic,
                "Europe/Paris", user, password);
    }
}
