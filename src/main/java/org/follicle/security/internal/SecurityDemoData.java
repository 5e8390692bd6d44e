package org.follicle.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.follicle.security.ClinicCatalog;
import org.follicle.security.ClinicRef;
import org.follicle.security.Role;
import org.follicle.system.DemoDataContributor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The demo clinic's staff: one account per role, all with the password {@value #PASSWORD}. */
@Component
class SecurityDemoData implements DemoDataContributor {

    static final String PASSWORD = "follicle-demo";

    private final StaffAccounts accounts;

    private final ClinicCatalog clinics;

    private final PasswordEncoder encoder;

    private final Clock clock;

    SecurityDemoData(StaffAccounts accounts, ClinicCatalog clinics, PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.clinics = clinics;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return 20;
    }

    @Override
    public void loadDemoData() {
        ClinicRef paris = clinics.findByName("Paris").orElseThrow();
        ClinicRef madrid = clinics.findByName("Madrid").orElseThrow();
        Instant now = clock.instant();
        String hash = encoder.encode(PASSWORD);
        StaffAccount admin = account(paris, "admin", "Camille Laurent", now, hash);
        admin.setRolesIn(paris.id(), Set.of(Role.ADMIN), now, "demo");
        admin.setRolesIn(madrid.id(), Set.of(Role.ADMIN), now, "demo");
        StaffAccount practitioner = account(paris, "practitioner", "Dr Hélène Moreau", now, hash);
        practitioner.setRolesIn(paris.id(), Set.of(Role.PRACTITIONER), now, "demo");
        StaffAccount madridPractitioner = account(madrid, "practitioner.madrid", "Dra. Lucía Fernández", now, hash);
        madridPractitioner.setRolesIn(madrid.id(), Set.of(Role.PRACTITIONER), now, "demo");
        StaffAccount assistant = account(paris, "assistant", "Julien Petit", now, hash);
        assistant.setRolesIn(paris.id(), Set.of(Role.ASSISTANT), now, "demo");
        accounts.saveAll(List.of(admin, practitioner, madridPractitioner, assistant));
    }

    @Override
    public List<String> describeDemoData() {
        return List.of("Sign in at http://localhost:8080 with password '" + PASSWORD + "' as:",
                "  admin                ADMIN in Paris and Madrid",
                "  practitioner         PRACTITIONER in Paris",
                "  practitioner.madrid  PRACTITIONER in Madrid",
                "  assistant            ASSISTANT in Paris");
    }

    private static StaffAccount account(ClinicRef clinic, String username, String name, Instant now, String hash) {
        return new StaffAccount(clinic.organisationId(), username, name, username + "@demo.follicle.invalid", hash,
                now, "demo");
    }
}
