package org.follicle.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * A clinic day at the generated organisation (docs/performance.md, "Clinic day"): receptionists search patients,
 * look at the day and book consultations with each clinic's consultant (then cancel them, which frees the time for the next run); practitioners open charts
 * with years of history and start, chart and sign the booked sessions; assistants record assessments; managers
 * run cohort reports. The assertions are the Performance issue's targets, so the run fails when one is missed.
 *
 * <p>Reads what to work on from the database first (DATABASE_URL, DATABASE_USERNAME, DATABASE_PASSWORD), calls
 * Follicle at FOLLICLE_URL (http://localhost:8080); LOAD_SECONDS (300), LOAD_FACTOR (1.0, the rates' multiplier) and
 * LOAD_ONLY (some scenarios by name, all when not given).
 */
public class ClinicDaySimulation extends Simulation {

    static final String PASSWORD = "load-test-password";

    static final String BASE = env("FOLLICLE_URL", "http://localhost:8080");

    static final Duration LENGTH = Duration.ofSeconds(Long.parseLong(env("LOAD_SECONDS", "300")));

    static final double FACTOR = Double.parseDouble(env("LOAD_FACTOR", "1.0"));

    /** LOAD_CLOSE_DAY=false: the day is not closed at the end (a warm-up, after which the measured day still sells). */
    static final boolean CLOSE_DAY = Boolean.parseBoolean(env("LOAD_CLOSE_DAY", "true"));

    /** LOAD_ONLY: some of the day's scenarios by name ("charts,signing"), or all of them when not given. */
    static final List<String> ONLY = java.util.stream.Stream.of(env("LOAD_ONLY", "").split(",")).map(String::strip)
            .filter(name -> !name.isEmpty()).toList();

    /**
     * How long the day takes to reach its rates: the practitioners sign in one after another over this time, as
     * they arrive, not all in the same second (forty Argon2 hashes at once are twelve seconds of CPU).
     */
    static final Duration RAMP = Duration.ofSeconds(Math.min(20, LENGTH.toSeconds() / 4));

    /** When the run ends: the practitioners who signed in during the ramp stop with everyone else. */
    static volatile long end = Long.MAX_VALUE;

    /** Practitioners opening charts, each one every 750 ms. */
    static final int PRACTITIONERS = (int) Math.max(1, Math.round(48 * FACTOR));

    /** The generated organisation, read once: who works where, which patients, which visits are booked. */
    static final Organisation ORG = Organisation.read();

    /** Which of the consultants' free slots the next booking takes. */
    static final AtomicInteger SLOT = new AtomicInteger(ThreadLocalRandom.current().nextInt(10_000));

    HttpProtocolBuilder protocol = http.baseUrl(BASE).acceptHeader("application/json")
            .header("Accept-Language", "en").shareConnections();

    static ChainBuilder api(String username) {
        return exec(session -> session.set("token", "Bearer flc_load_" + session.getString(username)));
    }

    /** Three keystrokes then the whole name, as a receptionist types; then the day's calendar of the clinic. */
    ScenarioBuilder reception = scenario("Reception: search and day view")
            .feed(ORG.patients(p -> Map.of("prefix", p.familyKey().substring(0, Math.min(3, p.familyKey().length())),
                    "family", p.familyKey(), "clinicId", p.clinicId(), "user", ORG.receptionist(p.clinicId()))))
            .exec(api("user"))
            .exec(http("search (3 letters)").get("/api/v1/patients?q=#{prefix}").header("Authorization", "#{token}")
                    .check(status().is(200)))
            .exec(http("search (name)").get("/api/v1/patients?q=#{family}").header("Authorization", "#{token}")
                    .check(status().is(200)))
            .exec(http("day view").get("/api/v1/appointments?clinic=#{clinicId}&from=" + LocalDate.now() + "&to="
                    + LocalDate.now()).header("Authorization", "#{token}").check(status().is(200)));

    /** A consultation in a free slot of the clinic's consultant, then cancelled with a reason (which frees it). */
    ScenarioBuilder booking = scenario("Reception: book and cancel")
            .feed(ORG.patients(p -> {
                Map<String, Object> row = new HashMap<>(ORG.consultationSlot(p.clinicId(), SLOT.getAndIncrement()));
                row.put("patientId", p.id());
                row.put("clinicId", p.clinicId());
                row.put("user", ORG.receptionist(p.clinicId()));
                return row;
            }))
            .exec(api("user"))
            .exec(http("book").post("/api/v1/appointments").header("Authorization", "#{token}")
                    .body(StringBody("""
                            {"clinicId": #{clinicId}, "patientId": #{patientId}, "practitionerId": #{practitionerId},
                             "typeCode": "CONSULTATION", "start": "#{start}"}""")).asJson()
                    .check(status().is(201), header("ETag").saveAs("etag"), jmesPath("appointment.id").saveAs("id")))
            .exec(http("cancel").post("/api/v1/appointments/#{id}/status").header("Authorization", "#{token}")
                    .header("If-Match", "#{etag}").body(StringBody("""
                            {"status": "CANCELLED", "reason": "Patient asked to come another day"}""")).asJson()
                    .check(status().is(200)));

    /**
     * A booked visit: start with the pre-check, chart (zones, the clinic's lot), sign. A PRP visit uses a kit; a
     * mesotherapy visit is charted as microneedling with hyaluronic acid (generated patients have no formula).
     */
    static final ChainBuilder SIGN = exec(api("user"))
            .exec(http("start session").post("/api/v1/sessions").header("Authorization", "#{token}")
                    .body(StringBody("""
                            {"appointmentId": #{appointmentId}, "modality": "#{modality}", "precheck": {"pregnancy": "NO",
                             "fever": "NO", "scalpToday": {"infection": "NO", "inflammation": "NO", "openWound": "NO",
                             "sunburn": "NO", "psoriasisOrDermatitis": "NO"}, "newMedicines": []}}""")).asJson()
                    .check(status().is(201), header("ETag").saveAs("etag"), jmesPath("session.id").saveAs("sessionId")))
            .exec(http("chart session").put("/api/v1/sessions/#{sessionId}").header("Authorization", "#{token}")
                    .header("If-Match", "#{etag}").body(StringBody("""
                            {"technique": "POINT_BY_POINT", "needleGauge": 30, "depthMm": 1.5,
                             "zones": [{"zone": "FRONTAL", "points": 40, "volumeMl": 2.0},
                                       {"zone": "VERTEX", "points": 40, "volumeMl": 2.0}],
                             "durationMinutes": 45, "pain": 3, "lots": [{"lotId": #{lotId}, "quantity": 1}],
                             "prp": #{prp}}"""))
                    .asJson().check(status().is(200), header("ETag").saveAs("etag")))
            .exec(http("sign session").post("/api/v1/sessions/#{sessionId}/sign").header("Authorization", "#{token}")
                    .header("If-Match", "#{etag}").check(status().is(200)));

    ScenarioBuilder signing = scenario("Practitioners: start, chart and sign a session").feed(ORG.bookedVisits())
            .exec(SIGN);

    /** Trichoscopy at three sites, as the assistant types it in after the photos. */
    ScenarioBuilder assessing = scenario("Assistants: record an assessment")
            .feed(ORG.patients(p -> Map.of("patientId", p.id(), "user", ORG.assistant(p.clinicId()),
                    "hairs", 20 + (int) (p.id() % 30))))
            .exec(api("user"))
            .exec(http("record assessment").post("/api/v1/patients/#{patientId}/assessments")
                    .header("Authorization", "#{token}").body(StringBody("""
                            {"assessedOn": "%s", "device": "Dermoscope", "magnification": 20, "vellusCutoffUm": 40,
                             "sites": [{"site": "FRONTAL", "hairs": #{hairs}, "areaCm2": 0.25},
                                       {"site": "VERTEX", "hairs": #{hairs}, "areaCm2": 0.25},
                                       {"site": "OCCIPITAL", "hairs": 45, "areaCm2": 0.25}]}"""
                            .formatted(LocalDate.now()))).asJson().check(status().is(201)));

    /** What a director compares the courses by: each report is one of these questions. */
    static final List<String> COMPARISONS = List.of("TREATMENT", "PROTOCOL", "FORMULA", "PRACTITIONER", "CLINIC",
            "SEX", "AGE_BAND", "DIAGNOSIS", "STAGE");

    /**
     * The whole organisation's report, then PRP in women, as a director compares them, each split by one of the
     * comparisons at random. A report is computed once per refresh of the facts and then kept (CohortReports), so
     * the questions vary: eighteen different ones, of which a run asks some for the first time (computed) and some
     * again (kept). Measure after a refresh (docs/performance.md), when none is kept yet.
     */
    ScenarioBuilder reporting = scenario("Managers: cohort reports")
            .feed(java.util.stream.Stream.generate(() -> Map.<String, Object>of("whole", anyComparison(),
                    "prp", anyComparison())).iterator())
            .exec(session -> session.set("token", "Bearer flc_load_load.director"))
            .exec(http("cohort report").get("/api/v1/analytics/cohorts?compareBy=#{whole}")
                    .header("Authorization", "#{token}").check(status().is(200)))
            .exec(http("cohort report (PRP, women)")
                    .get("/api/v1/analytics/cohorts?protocol=PRP&sex=FEMALE&compareBy=#{prp}")
                    .header("Authorization", "#{token}").check(status().is(200)));

    /**
     * The front desk invoices a visit and takes the card: a draft with one line, issued under the clinic's next
     * number (sealed after the last), then paid.
     */
    ScenarioBuilder billing = scenario("Reception: invoice and take the payment")
            .feed(ORG.patients(p -> Map.of("patientId", p.id(), "clinicId", p.clinicId(),
                    "user", ORG.receptionist(p.clinicId()))))
            .exec(api("user"))
            .exec(http("draft invoice").post("/api/v1/invoices").header("Authorization", "#{token}")
                    .body(StringBody("""
                            {"clinicId": #{clinicId}, "patientId": #{patientId}, "lines": [{"description":
                             "Scalp mesotherapy", "quantity": 1, "unitPrice": 180, "vatCategory": "EXEMPT_MEDICAL"}]}"""))
                    .asJson().check(status().is(201), header("ETag").saveAs("etag"), jmesPath("id").saveAs("id")))
            .exec(http("issue invoice").post("/api/v1/invoices/#{id}/issue").header("Authorization", "#{token}")
                    .header("If-Match", "#{etag}").check(status().is(200)))
            .exec(http("record payment").post("/api/v1/invoices/#{id}/payments").header("Authorization", "#{token}")
                    .body(StringBody("""
                            {"method": "CARD", "amount": 180}""")).asJson().check(status().is(201)));

    /**
     * Once the day is over, each clinic's manager closes it: its figures per VAT rate and payment method, summed and
     * sealed. Nothing more can be issued on the day afterwards, so it comes after every other scenario.
     */
    ScenarioBuilder closing = scenario("Managers: close the day")
            .feed(ORG.clinics().stream().map(clinic -> Map.<String, Object>of("clinicId", clinic,
                    "user", ORG.manager(clinic))).iterator())
            .exec(api("user"))
            .exec(http("close the day").post("/api/v1/clinics/#{clinicId}/sales-closures")
                    .header("Authorization", "#{token}").body(StringBody("""
                            {"period": "DAY", "day": "%s"}""".formatted(LocalDate.now()))).asJson()
                    .check(status().is(201)));

    /** Practitioners signed in (a browser session), opening the charts of patients with five years of history. */
    ScenarioBuilder charts = scenario("Practitioners: open charts")
            .feed(ORG.practitioners())
            .exec(http("login page").get("/login").header("Accept", "text/html")
                    .check(css("input[name=_csrf]", "value").saveAs("csrf")))
            .exec(http("login").post("/login").header("Accept", "text/html").formParam("username", "#{user}")
                    .formParam("password", PASSWORD).formParam("_csrf", "#{csrf}").check(status().is(200)))
            .asLongAs(session -> System.nanoTime() < end)
            .on(exec(session -> session.set("patientId", ORG.longHistory(session.getLong("clinicId"))))
                    .pace(Duration.ofMillis(750))
                    .exec(http("chart page").get("/patients/#{patientId}").header("Accept", "text/html")
                            .check(status().is(200))));

    {
        // At LOAD_FACTOR=1: 150 + 36 + 30 + 25 + 30 + 0.2 requests a second arriving, and the practitioners' charts
        // at about 64 a second once all have signed in: 335 a second, a little over 330 over the whole run with the
        // ramp; then each clinic's day closed.
        Map<String, PopulationBuilder> day = new LinkedHashMap<>();
        day.put("reception", reception.injectOpen(arrivals(50)));
        day.put("booking", booking.injectOpen(arrivals(18)));
        day.put("signing", signing.injectOpen(arrivals(10)));
        day.put("assessing", assessing.injectOpen(arrivals(25)));
        day.put("reporting", reporting.injectOpen(arrivals(0.1)));
        day.put("billing", billing.injectOpen(arrivals(10)));
        if (CLOSE_DAY) {
            day.put("closing", closing.injectOpen(nothingFor(LENGTH.plusSeconds(5)),
                    atOnceUsers(ORG.clinics().size())));
        }
        day.put("charts", charts.injectClosed(rampConcurrentUsers(0).to(PRACTITIONERS).during(RAMP),
                constantConcurrentUsers(PRACTITIONERS).during(LENGTH.minus(RAMP))));
        if (ONLY.isEmpty()) {
            List<io.gatling.javaapi.core.Assertion> targets = new ArrayList<>(List.of(
                    global().failedRequests().count().is(0L),
                    global().requestsPerSec().gte(300.0 * FACTOR),
                    global().responseTime().percentile(95).lte(50),
                    global().responseTime().percentile(99).lte(200),
                    details("search (3 letters)").responseTime().percentile(95).lte(20),
                    details("search (name)").responseTime().percentile(95).lte(20),
                    details("chart page").responseTime().percentile(95).lte(80),
                    details("book").responseTime().percentile(95).lte(50),
                    details("issue invoice").responseTime().percentile(95).lte(50),
                    details("record payment").responseTime().percentile(95).lte(50),
                    details("cohort report").responseTime().max().lte(2000)));
            if (CLOSE_DAY) {
                targets.add(details("close the day").responseTime().max().lte(1000));
            }
            setUp(List.copyOf(day.values())).protocols(protocol).assertions(targets);
        } else {
            // Part of the day, to measure what its requests cost (perf/cost-per-request.sh): the targets are the
            // whole day's, so only failures are asserted.
            setUp(ONLY.stream().map(name -> Optional.ofNullable(day.get(name)).orElseThrow(
                    () -> new IllegalArgumentException("LOAD_ONLY: no scenario " + name + "; one of " + day.keySet())))
                    .toList()).protocols(protocol).assertions(global().failedRequests().count().is(0L));
        }
    }

    @Override
    public void before() {
        end = System.nanoTime() + LENGTH.toNanos();
    }

    static String anyComparison() {
        return COMPARISONS.get(ThreadLocalRandom.current().nextInt(COMPARISONS.size()));
    }

    /** A scenario's arrivals per second at LOAD_FACTOR=1, for the whole run. */
    static OpenInjectionStep arrivals(double perSecond) {
        return constantUsersPerSec(perSecond * FACTOR).during(LENGTH);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    record Patient(long id, long clinicId, String familyKey) {
    }

    /** What the load works on, read from the generated organisation before the run. */
    record Organisation(List<Patient> patients, Map<Long, List<Long>> longHistories, Map<Long, Long> consultants,
            Set<String> taken, Map<Long, List<String>> staff, List<Map<String, Object>> booked) {

        static Organisation read() {
            String url = env("DATABASE_URL", "jdbc:postgresql://localhost:5432/follicle_load");
            try (Connection c = DriverManager.getConnection(url, env("DATABASE_USERNAME", "follicle_load"),
                    env("DATABASE_PASSWORD", "follicle_load")); Statement st = c.createStatement()) {
                List<Patient> patients = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("""
                        SELECT p.id, p.clinic_id, p.family_key FROM patients_patient p
                        JOIN clinics_organisation o ON o.id = p.organisation_id AND o.name = 'Load Hair Clinics'
                        ORDER BY md5(p.id::text) LIMIT 20000""")) {
                    while (rs.next()) {
                        patients.add(new Patient(rs.getLong(1), rs.getLong(2), rs.getString(3)));
                    }
                }
                Map<Long, List<Long>> longHistories = new HashMap<>();
                try (ResultSet rs = st.executeQuery("""
                        SELECT DISTINCT p.clinic_id, p.patient_id FROM plans_plan p
                        JOIN clinics_organisation o ON o.id = p.organisation_id AND o.name = 'Load Hair Clinics'
                        WHERE p.starts_on < current_date - 1000""")) {
                    while (rs.next()) {
                        longHistories.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    }
                }
                Map<Long, Long> consultants = new HashMap<>();
                Map<Long, List<String>> staff = new HashMap<>();
                try (ResultSet rs = st.executeQuery("""
                        SELECT r.clinic_id, s.id, s.username FROM security_staff s
                        JOIN security_clinic_role r ON r.staff_id = s.id
                        WHERE s.username LIKE 'load.c%' ORDER BY s.username""")) {
                    while (rs.next()) {
                        staff.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(3));
                        if (rs.getString(3).endsWith(".practitioner12")) {
                            consultants.put(rs.getLong(1), rs.getLong(2));
                        }
                    }
                }
                // The consultants' times already taken: a booking whose cancellation failed in an earlier run (a 503
                // while the application was still cold) keeps its time, which the next booking there would be refused.
                Set<String> taken = new HashSet<>();
                try (ResultSet rs = st.executeQuery("""
                        SELECT a.practitioner_id,
                               to_char(a.starts_at AT TIME ZONE k.time_zone, 'YYYY-MM-DD"T"HH24:MI:SS')
                        FROM scheduling_appointment a JOIN clinics_clinic k ON k.id = a.clinic_id
                        JOIN security_staff s ON s.id = a.practitioner_id AND s.username LIKE 'load.c%.practitioner12'
                        WHERE a.starts_at > now() AND a.status IN ('BOOKED', 'ATTENDED')""")) {
                    while (rs.next()) {
                        taken.add(rs.getLong(1) + " " + rs.getString(2));
                    }
                }
                // The next booked visits without a session, each with the clinic's in-date lot it needs.
                List<Map<String, Object>> booked = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("""
                        SELECT a.id, s.username, (SELECT k.lot_id FROM formulary_stock k
                            JOIN formulary_lot l ON l.id = k.lot_id JOIN formulary_product pr ON pr.id = l.product_id
                            WHERE k.clinic_id = a.clinic_id AND k.quantity > 0 AND l.expiry > current_date
                              AND pr.sku = CASE a.type_code WHEN 'PRP' THEN 'PRP-KIT' ELSE 'HA-NR' END
                            ORDER BY l.expiry LIMIT 1) AS lot_id, a.type_code
                        FROM scheduling_appointment a
                        JOIN clinics_organisation o ON o.id = a.organisation_id AND o.name = 'Load Hair Clinics'
                        JOIN security_staff s ON s.id = a.practitioner_id
                        WHERE a.status = 'BOOKED' AND a.type_code IN ('PRP', 'MESOTHERAPY')
                          AND NOT EXISTS (SELECT 1 FROM sessions_session x WHERE x.appointment_id = a.id)
                        ORDER BY a.starts_at, a.id LIMIT 50000""")) {
                    while (rs.next()) {
                        boolean prp = rs.getString(4).equals("PRP");
                        booked.add(Map.of("appointmentId", rs.getLong(1), "user", rs.getString(2), "lotId",
                                rs.getLong(3), "modality", prp ? "PRP" : "MECHANICAL", "prp", prp
                                        ? "{\"bloodMl\": 20, \"gForce\": 1500, \"minutes\": 10, \"spins\": 2, \"prpMl\": 4}"
                                        : "null"));
                    }
                }
                if (patients.isEmpty() || booked.isEmpty()) {
                    throw new IllegalStateException("No generated organisation with booked visits at " + url
                            + ": generate one first, or put the kept one back (perf/data-set.sh restore;"
                            + " docs/performance.md, The data set)");
                }
                return new Organisation(patients, longHistories, consultants, taken, staff, booked);
            }
            catch (SQLException e) {
                throw new IllegalStateException("Cannot read the generated organisation at " + url, e);
            }
        }

        /** Random patients, as rows for a feeder. */
        Iterator<Map<String, Object>> patients(Function<Patient, Map<String, Object>> row) {
            return java.util.stream.Stream.generate(
                    () -> row.apply(patients.get(ThreadLocalRandom.current().nextInt(patients.size())))).iterator();
        }

        /** Each booked visit once: a run that outlasts them fails rather than signing one twice. */
        Iterator<Map<String, Object>> bookedVisits() {
            return booked.iterator();
        }

        /** Each practitioner in turn, with the clinic they work at. */
        Iterator<Map<String, Object>> practitioners() {
            List<Map<String, Object>> rows = new ArrayList<>();
            staff.forEach((clinic, names) -> names.stream().filter(n -> n.contains(".practitioner"))
                    .forEach(n -> rows.add(Map.of("user", n, "clinicId", clinic))));
            AtomicInteger next = new AtomicInteger();
            return java.util.stream.Stream.generate(() -> rows.get(next.getAndIncrement() % rows.size())).iterator();
        }

        long longHistory(long clinicId) {
            List<Long> ids = longHistories.get(clinicId);
            return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
        }

        String receptionist(long clinicId) {
            return first(clinicId, ".reception");
        }

        String manager(long clinicId) {
            return first(clinicId, ".manager");
        }

        List<Long> clinics() {
            return staff.keySet().stream().sorted().toList();
        }

        String assistant(long clinicId) {
            return first(clinicId, ".assistant");
        }

        private String first(long clinicId, String role) {
            return staff.get(clinicId).stream().filter(n -> n.contains(role)).findFirst().orElseThrow();
        }

        /**
         * The n-th free slot of a clinic's consultant (the twelfth practitioner, who runs no course): by half hours
         * from 08:00 to 19:30, on the weekdays of the next eight weeks; the next one when it was taken before the run.
         */
        Map<String, Object> consultationSlot(long clinicId, int n) {
            Map<String, Object> slot = slot(clinicId, n);
            for (int next = n + 1; next < n + 24 * 40
                    && taken.contains(slot.get("practitionerId") + " " + slot.get("start")); next++) {
                slot = slot(clinicId, next);
            }
            return slot;
        }

        private Map<String, Object> slot(long clinicId, int n) {
            int slot = Math.floorMod(n, 24 * 40);
            LocalDate day = LocalDate.now().plusDays(1);
            for (int skip = slot / 24; skip > 0 || day.getDayOfWeek().getValue() > 5; day = day.plusDays(1)) {
                if (day.getDayOfWeek().getValue() <= 5 && skip > 0) {
                    skip--;
                }
            }
            int half = slot % 24;
            return Map.of("practitionerId", consultants.get(clinicId), "start",
                    day + "T" + String.format("%02d:%02d:00", 8 + half / 2, half % 2 * 30));
        }
    }
}
