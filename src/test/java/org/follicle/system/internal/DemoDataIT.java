package org.follicle.system.internal;

import java.util.List;

import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.system.DemoDataContributor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo clinic a newcomer signs in to: loaded once, with the logins the README lists. */
@FollicleIntegrationTest
class DemoDataIT {

    @LocalServerPort
    int port;

    @Autowired
    List<DemoDataContributor> contributors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Environment environment;

    @Test
    void loadsTheDemoClinicOnceWithItsLogins() {
        DemoDataLoader loader = new DemoDataLoader(contributors, jdbc, transaction, environment, true);
        loader.run(new DefaultApplicationArguments());
        loader.run(new DefaultApplicationArguments());

        assertThat(jdbc.sql("SELECT count(*) FROM clinics_organisation WHERE name = 'Demo Hair Clinics'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT username FROM security_staff WHERE username IN "
                + "('admin', 'practitioner', 'practitioner.madrid', 'assistant') ORDER BY username")
                .query(String.class).list())
                .containsExactly("admin", "assistant", "practitioner", "practitioner.madrid");
        // Reception's day has appointments, Lefèvre's course is under way and Bernard's maintenance is overdue.
        assertThat(jdbc.sql("""
                SELECT p.status FROM plans_plan p JOIN clinics_organisation o ON o.id = p.organisation_id
                WHERE o.name = 'Demo Hair Clinics' ORDER BY p.id""").query(String.class).list())
                .containsExactly("ACTIVE", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED",
                        "COMPLETED", "COMPLETED");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM scheduling_appointment a JOIN clinics_organisation o ON o.id = a.organisation_id
                WHERE o.name = 'Demo Hair Clinics' AND a.status = 'BOOKED' AND a.starts_at > now()""")
                .query(Long.class).single()).isGreaterThan(3);
        Http desk = new Http(port);
        desk.signIn("assistant", "follicle-demo");
        assertThat(desk.page("/recalls").body()).contains("BERNARD, Sophie");
        assertThat(desk.page("/calendar").statusCode()).isEqualTo(200);
        long lefevre = jdbc.sql("SELECT patient_id FROM portal_account WHERE email = 'marc.lefevre@example.invalid'")
                .query(Long.class).single();
        assertThat(org.follicle.support.PortalSessions.signedIn(port, jdbc, lefevre).page("/portal/messages").body())
                .contains("Dr Hélène Moreau");
        // The courses reviewed at six months fill the director's cohort report.
        Http director = new Http(port);
        director.signIn("admin", "follicle-demo");
        assertThat(director.page("/analytics/cohorts").body()).contains("Mesotherapy", "2 of 4", "PRP");
        for (String username : List.of("admin", "practitioner", "practitioner.madrid", "assistant")) {
            assertThat(new Http(port).signIn(username, "follicle-demo").headers().firstValue("Location"))
                    .as(username).hasValueSatisfying(location -> assertThat(location).doesNotContain("login"));
        }
    }

    @Test
    void madridPractitionerCannotSeeTheParisClinic() {
        new DemoDataLoader(contributors, jdbc, transaction, environment, true).run(new DefaultApplicationArguments());
        long paris = jdbc.sql("SELECT c.id FROM clinics_clinic c JOIN clinics_organisation o ON o.id = c.organisation_id "
                + "WHERE o.name = 'Demo Hair Clinics' AND c.name = 'Paris'").query(Long.class).single();
        Http madrid = new Http(port);
        madrid.signIn("practitioner.madrid", "follicle-demo");
        assertThat(madrid.page("/admin/clinics/" + paris).statusCode()).isIn(403, 404);
    }
}
