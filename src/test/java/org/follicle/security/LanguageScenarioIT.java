package org.follicle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.follicle.system.LanguageChosen;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * Security with what it needs to start and nothing more: system, and clinics behind the {@link ClinicCatalog} it
 * declares. The language a user picks on a page stays with the account.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = { "system", "clinics" })
@ActiveProfiles("test")
@Import(StaffFixture.class)
class LanguageScenarioIT {

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theLanguageChosenIsKeptWithTheAccount(Scenario scenario) {
        Organisation org = fixture.organisation();
        String username = fixture.staff(org, "assistant", Map.of(org.paris(), Role.ASSISTANT)).username();

        scenario.publish(new LanguageChosen(username, Locale.forLanguageTag("es")))
                .andWaitForStateChange(() -> jdbc.sql("""
                        SELECT coalesce(locale, '') FROM security_staff WHERE username = :u""").param("u", username)
                        .query(String.class).single(), locale -> !locale.isEmpty())
                .andVerify(locale -> assertThat(locale).isEqualTo("es"));
    }
}
