package org.follicle.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * An integrator on the FHIR API of the generated organisation (docs/performance.md, "FHIR API"): the four
 * interactions the issue measures, each at FHIR_RATE (20) a second for LOAD_SECONDS (60): read a patient, search
 * patients by name, search a patient's hair densities, register a patient. Signs in with a generated
 * practitioner's token (flc_load_ and the username), whose clinic's patients it works on.
 */
public class FhirSimulation extends Simulation {

    static final String BASE = ClinicDaySimulation.env("FOLLICLE_URL", "http://localhost:8080") + "/fhir";

    static final double RATE = Double.parseDouble(ClinicDaySimulation.env("FHIR_RATE", "20"));

    static final Duration LENGTH = Duration.ofSeconds(Long.parseLong(ClinicDaySimulation.env("LOAD_SECONDS", "60")));

    static final String DENSITY = "https://follicle.org/fhir/CodeSystem/trichoscopy|hair-density";

    static final AtomicLong CREATED = new AtomicLong();

    static final Workload WORK = workload();

    HttpProtocolBuilder protocol = http.baseUrl(BASE).acceptHeader("application/fhir+json")
            .contentTypeHeader("application/fhir+json").authorizationHeader("Bearer " + WORK.token());

    ScenarioBuilder read = scenario("Patient read").feed(patients())
            .exec(http("Patient read").get("/Patient/#{patient}").check(status().is(200)));

    ScenarioBuilder byName = scenario("Patient search by name").feed(names())
            .exec(http("Patient search by name").get("/Patient?name=#{name}")
                    .check(status().is(200), jsonPath("$.resourceType").is("Bundle")));

    ScenarioBuilder densities = scenario("Observation search by patient and code").feed(patients())
            .exec(http("Observation search by patient and code").get("/Observation?patient=#{patient}&code="
                    + DENSITY).check(status().is(200)));

    ScenarioBuilder create = scenario("Patient create").feed(newPatients())
            .exec(http("Patient create").post("/Patient").body(io.gatling.javaapi.core.CoreDsl.StringBody(
                    "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"#{family}\",\"given\":[\"Load\"]}],"
                            + "\"gender\":\"female\",\"birthDate\":\"1980-01-01\"}"))
                    .check(status().is(201)));

    {
        setUp(read.injectOpen(constantUsersPerSec(RATE).during(LENGTH)),
                byName.injectOpen(constantUsersPerSec(RATE).during(LENGTH)),
                densities.injectOpen(constantUsersPerSec(RATE).during(LENGTH)),
                create.injectOpen(constantUsersPerSec(RATE).during(LENGTH))).protocols(protocol)
                .assertions(global().failedRequests().count().is(0L),
                        details("Patient read").responseTime().percentile(95).lte(200));
    }

    private static java.util.Iterator<Map<String, Object>> patients() {
        return java.util.stream.Stream.generate(() -> Map.<String, Object>of("patient",
                WORK.patients().get(ThreadLocalRandom.current().nextInt(WORK.patients().size())))).iterator();
    }

    private static java.util.Iterator<Map<String, Object>> names() {
        return java.util.stream.Stream.generate(() -> Map.<String, Object>of("name",
                WORK.names().get(ThreadLocalRandom.current().nextInt(WORK.names().size())))).iterator();
    }

    private static java.util.Iterator<Map<String, Object>> newPatients() {
        return java.util.stream.Stream.generate(() -> Map.<String, Object>of("family",
                "Fhirload" + System.nanoTime() + "x" + CREATED.incrementAndGet())).iterator();
    }

    /** A practitioner's token, the patients of their clinic and the beginnings of their family names. */
    record Workload(String token, List<Long> patients, List<String> names) {
    }

    static Workload workload() {
        String url = ClinicDaySimulation.env("DATABASE_URL", "jdbc:postgresql://localhost:5432/follicle_load");
        try (Connection c = DriverManager.getConnection(url, ClinicDaySimulation.env("DATABASE_USERNAME",
                "follicle_load"), ClinicDaySimulation.env("DATABASE_PASSWORD", "follicle_load"));
                Statement st = c.createStatement()) {
            String username;
            long clinic;
            try (ResultSet rs = st.executeQuery("""
                    SELECT s.username, r.clinic_id FROM security_staff s JOIN security_clinic_role r ON r.staff_id = s.id
                    JOIN clinics_organisation o ON o.id = s.organisation_id
                    WHERE o.name = 'Load Hair Clinics' AND r.role = 'PRACTITIONER' AND s.active
                    ORDER BY s.id LIMIT 1""")) {
                rs.next();
                username = rs.getString(1);
                clinic = rs.getLong(2);
            }
            List<Long> patients = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT id, left(family_key, 3) FROM patients_patient "
                    + "WHERE clinic_id = " + clinic + " AND NOT voided ORDER BY id LIMIT 2000")) {
                while (rs.next()) {
                    patients.add(rs.getLong(1));
                    names.add(rs.getString(2));
                }
            }
            return new Workload("flc_load_" + username, patients, names);
        }
        catch (java.sql.SQLException e) {
            throw new IllegalStateException("The generated organisation could not be read at " + url, e);
        }
    }
}
