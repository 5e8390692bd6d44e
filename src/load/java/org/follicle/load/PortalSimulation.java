package org.follicle.load;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The patient portal with PORTAL_PATIENTS (2,000) patients of the generated organisation signed in at once
 * (docs/performance.md, "Patient portal"): each signs in with a one-time link, then looks at their home page and at
 * the free times of a visit with a practitioner of their clinic every PORTAL_THINK seconds (20) until LOAD_SECONDS
 * (300) are over. The links are written in the database beforehand, as the emails would carry them (an account
 * opened for each patient as an invitation would); run Follicle with FOLLICLE_SECURE_COOKIES=false, as the load
 * talks plain HTTP.
 */
public class PortalSimulation extends Simulation {

    static final String BASE = ClinicDaySimulation.env("FOLLICLE_URL", "http://localhost:8080");

    static final int PATIENTS = Integer.parseInt(ClinicDaySimulation.env("PORTAL_PATIENTS", "2000"));

    static final Duration LENGTH = Duration.ofSeconds(Long.parseLong(ClinicDaySimulation.env("LOAD_SECONDS", "300")));

    static final int THINK = Integer.parseInt(ClinicDaySimulation.env("PORTAL_THINK", "20"));

    /** The patients sign in over this time, then stay signed in together. */
    static final Duration ARRIVAL = Duration.ofSeconds(Math.min(120, LENGTH.toSeconds() / 3));

    static final LocalDate MONDAY = LocalDate.now().plusDays(7).with(TemporalAdjusters.next(DayOfWeek.MONDAY));

    HttpProtocolBuilder protocol = http.baseUrl(BASE).acceptHeader("text/html").header("Accept-Language", "fr");

    ScenarioBuilder patients = scenario("Patients on the portal")
            .feed(links().iterator())
            .exec(http("sign-in link").get("/portal/login/ott?token=#{token}")
                    .check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
            .exec(http("sign in").post("/portal/login/ott").formParam("token", "#{token}")
                    .formParam("_csrf", "#{csrf}").check(status().is(200), substring("/portal/logout")))
            .exec(during(LENGTH.minus(ARRIVAL)).on(pauseAround()
                    .exec(http("home").get("/portal").check(status().is(200), substring("/portal/logout")))
                    .exec(pauseAround())
                    .exec(http("booking times").get("/portal/book?type=CONSULTATION&practitioner=#{practitioner}&day="
                            + MONDAY).check(status().is(200), substring("/portal/logout")))));

    {
        setUp(patients.injectOpen(rampUsers(PATIENTS).during(ARRIVAL))).protocols(protocol)
                .assertions(global().failedRequests().count().is(0L),
                        details("home").responseTime().percentile(95).lte(100),
                        details("booking times").responseTime().percentile(95).lte(100));
    }

    private static io.gatling.javaapi.core.ChainBuilder pauseAround() {
        return io.gatling.javaapi.core.CoreDsl.pause(Duration.ofSeconds(THINK / 2), Duration.ofSeconds(THINK * 3 / 2));
    }

    /** A sign-in link for each of the first patients of the generated organisation, and a practitioner of theirs. */
    static List<Map<String, Object>> links() {
        String url = ClinicDaySimulation.env("DATABASE_URL", "jdbc:postgresql://localhost:5432/follicle_load");
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, ClinicDaySimulation.env("DATABASE_USERNAME", "follicle_load"),
                ClinicDaySimulation.env("DATABASE_PASSWORD", "follicle_load")); Statement st = c.createStatement()) {
            Map<Long, Long> practitioner = new HashMap<>();
            try (ResultSet rs = st.executeQuery("""
                    SELECT r.clinic_id, min(s.id) FROM security_staff s JOIN security_clinic_role r ON r.staff_id = s.id
                    WHERE r.role = 'PRACTITIONER' AND s.active GROUP BY r.clinic_id""")) {
                while (rs.next()) {
                    practitioner.put(rs.getLong(1), rs.getLong(2));
                }
            }
            st.executeUpdate("""
                    INSERT INTO portal_account (organisation_id, clinic_id, patient_id, email, invited_at, invited_by)
                    SELECT p.organisation_id, p.clinic_id, p.id, 'load.' || p.id || '@example.invalid', now(), 'load'
                    FROM patients_patient p JOIN clinics_organisation o ON o.id = p.organisation_id
                    WHERE o.name = 'Load Hair Clinics' AND NOT p.voided ORDER BY p.id LIMIT %d
                    ON CONFLICT DO NOTHING""".formatted(PATIENTS));
            try (ResultSet rs = st.executeQuery("""
                    SELECT a.id, a.clinic_id FROM portal_account a JOIN clinics_organisation o ON o.id = a.organisation_id
                    WHERE o.name = 'Load Hair Clinics' AND a.closed_at IS NULL ORDER BY a.patient_id LIMIT %d"""
                    .formatted(PATIENTS)); PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO one_time_tokens (token_value, username, expires_at) VALUES (?, ?, ?)")) {
                while (rs.next()) {
                    String token = UUID.randomUUID().toString();
                    insert.setString(1, token);
                    insert.setString(2, "portal-" + rs.getLong(1));
                    insert.setTimestamp(3, Timestamp.from(Instant.now().plus(Duration.ofHours(2))));
                    insert.addBatch();
                    rows.add(Map.of("token", token, "practitioner", practitioner.getOrDefault(rs.getLong(2), 0L)));
                }
                insert.executeBatch();
            }
        }
        catch (java.sql.SQLException e) {
            throw new IllegalStateException("The generated organisation could not be read at " + url, e);
        }
        return rows;
    }
}
