package org.follicle.generator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.follicle.billing.SalesHistory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds one organisation at a scale, from a seed, with set-based SQL inside PostgreSQL (generate_series and
 * INSERT ... SELECT: the rows never travel, a large organisation loads in minutes). The same seed on an empty
 * database gives the same organisation.
 */
class OrganisationGenerator {

    static final String ORGANISATION = "Load Hair Clinics";

    /** Every generated staff member's password; their API token is {@code flc_load_} and their username. */
    static final String PASSWORD = "load-test-password";

    private static final Logger log = LoggerFactory.getLogger(OrganisationGenerator.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DataSource dataSource;

    private final PasswordEncoder encoder;

    private final SalesHistory sales;

    OrganisationGenerator(DataSource dataSource, PasswordEncoder encoder, SalesHistory sales) {
        this.dataSource = dataSource;
        this.encoder = encoder;
        this.sales = sales;
    }

    /** @return the organisation's id and how many rows of each kind it has */
    Generated generate(Scale scale, double seed) {
        if (seed < -1 || seed > 1) {
            throw new IllegalArgumentException("The seed is a number from -1 to 1, e.g. 0.42");
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            if (exists(statement)) {
                throw new IllegalStateException("This database already holds a generated organisation (" + ORGANISATION
                        + "): generate into an empty database");
            }
            long organisationId;
            try (ResultSet rs = statement.executeQuery("INSERT INTO clinics_organisation (name) VALUES ('"
                    + ORGANISATION + "') RETURNING id")) {
                rs.next();
                organisationId = rs.getLong(1);
            }
            String script = script().replace("${org}", Long.toString(organisationId))
                    .replace("${seed}", Double.toString(seed)).replace("${clinics}", Integer.toString(scale.clinics))
                    .replace("${patients}", Integer.toString(scale.patients))
                    .replace("${password}", encoder.encode(PASSWORD).replace("'", "''"))
                    .replace("${intake}", healthyIntake().replace("'", "''"));
            long started = System.nanoTime();
            for (String sql : statements(script)) {
                long t = System.nanoTime();
                statement.execute(sql);
                log.info("{} ms: {}", (System.nanoTime() - t) / 1_000_000, firstLine(sql));
            }
            // The last year's visits invoiced and paid: through billing, which alone can seal them.
            long t = System.nanoTime();
            int invoices = sales.invoiceAttendedVisits(organisationId, LocalDate.now().minusYears(1), LocalDate.now());
            log.info("{} ms: {} invoices and payments of the last year", (System.nanoTime() - t) / 1_000_000, invoices);
            statement.execute("VACUUM ANALYZE billing_invoice");
            statement.execute("VACUUM ANALYZE billing_invoice_line");
            statement.execute("VACUUM ANALYZE billing_payment");
            Map<String, Long> counts = counts(statement, organisationId);
            log.info("Generated {} at scale {} in {} s: {}", ORGANISATION, scale.name().toLowerCase(Locale.ROOT),
                    (System.nanoTime() - started) / 1_000_000_000, counts);
            return new Generated(organisationId, counts);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Generating the organisation failed: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery(
                "SELECT EXISTS (SELECT 1 FROM clinics_organisation WHERE name = '" + ORGANISATION + "')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static Map<String, Long> counts(Statement statement, long organisationId) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : new String[] { "clinics_clinic", "security_staff", "patients_patient",
                "scheduling_appointment", "sessions_session", "diagnosis_assessment", "formulary_stock_movement",
                "outcomes_follow_up", "billing_invoice", "billing_payment" }) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT count(*) FROM " + table + " WHERE organisation_id = " + organisationId)) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }

    /**
     * A healthy adult's intake, built from the questionnaire as it stands: every safety question answered "no", no
     * medicines. Built rather than stored so that a new question never leaves generated patients unanswered.
     */
    static String healthyIntake() {
        try (InputStream in = new ClassPathResource("knowledge/intake-questionnaire.json").getInputStream()) {
            ObjectNode document = JSON.createObjectNode();
            for (JsonNode section : JSON.readTree(in).get("sections")) {
                for (JsonNode question : section.get("questions")) {
                    if (question.path("safety").asBoolean()) {
                        String[] path = question.get("path").asString().split("\\.");
                        ObjectNode node = document;
                        for (int i = 0; i < path.length - 1; i++) {
                            node = node.has(path[i]) ? (ObjectNode) node.get(path[i]) : node.putObject(path[i]);
                        }
                        node.put(path[path.length - 1], "NO");
                    }
                }
            }
            document.putArray("medications");
            return JSON.writeValueAsString(document);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String script() {
        try (InputStream in = new ClassPathResource("generator/organisation.sql").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The script's statements: each ends with a semicolon at the end of a line; comment lines are dropped. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--") || line.isBlank()) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String firstLine(String sql) {
        String line = sql.lines().findFirst().orElse("");
        return line.length() > 100 ? line.substring(0, 100) + "..." : line;
    }

    record Generated(long organisationId, Map<String, Long> counts) {
    }
}
