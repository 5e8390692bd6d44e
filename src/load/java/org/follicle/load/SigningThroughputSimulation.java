package org.follicle.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The write path at its limit: practitioners (LOAD_USERS, 16) signing booked visits one after another, without
 * pause, for LOAD_SECONDS (60). Sessions signed per second = the "sign session" requests per second of the report;
 * compare with pgbench's single-row inserts at as many clients (docs/performance.md).
 */
public class SigningThroughputSimulation extends Simulation {

    static final int USERS = Integer.parseInt(ClinicDaySimulation.env("LOAD_USERS", "16"));

    static final Duration LENGTH = Duration.ofSeconds(Long.parseLong(ClinicDaySimulation.env("LOAD_SECONDS", "60")));

    ScenarioBuilder signing = scenario("Practitioners: sign sessions back to back")
            .during(LENGTH).on(feed(ClinicDaySimulation.ORG.bookedVisits()).exec(ClinicDaySimulation.SIGN));

    {
        setUp(signing.injectOpen(atOnceUsers(USERS)))
                .protocols(http.baseUrl(ClinicDaySimulation.BASE).acceptHeader("application/json").shareConnections())
                .assertions(global().failedRequests().count().is(0L));
    }
}
