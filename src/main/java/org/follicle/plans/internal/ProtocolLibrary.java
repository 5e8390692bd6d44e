package org.follicle.plans.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Protocol templates: the shipped ones (knowledge/protocols.json, checked at start and synced into the database)
 * and each organisation's own, which may be copies of a shipped one under the same code (then the organisation
 * sees its copy) or new ones.
 */
@Component
@Order(0)
class ProtocolLibrary implements ApplicationRunner {

    /** Serialises the sync of the shipped protocols when several instances start together. */
    private static final long LOCK = 0x466F6C6C5072_01L;

    private final List<ProtocolDefinition> shipped;

    private final JdbcClient jdbc;

    private final JsonMapper json;

    private final Validator validator;

    private final TransactionTemplate transactions;

    private final Clock clock;

    ProtocolLibrary(JdbcClient jdbc, JsonMapper json, Validator validator, TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.validator = validator;
        this.transactions = transactions;
        this.clock = clock;
        this.shipped = load();
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", LOCK).query(Object.class).single();
            for (ProtocolDefinition p : shipped) {
                jdbc.sql("""
                        INSERT INTO plans_protocol (organisation_id, code, definition, changed_at, changed_by)
                        VALUES (NULL, :code, CAST(:definition AS jsonb), :now, 'knowledge-base')
                        ON CONFLICT (code) WHERE organisation_id IS NULL DO UPDATE SET definition = EXCLUDED.definition,
                            version = plans_protocol.version + 1, changed_at = EXCLUDED.changed_at
                        WHERE plans_protocol.definition <> EXCLUDED.definition""").param("code", p.code())
                        .param("definition", json.writeValueAsString(p))
                        .param("now", Timestamp.from(clock.instant())).update();
            }
        });
    }

    /** The organisation's protocols: its own, and the shipped ones it has no copy of, by code. */
    List<Protocol> list(long organisationId) {
        Map<String, Protocol> byCode = new LinkedHashMap<>();
        rows(organisationId).forEach(p -> byCode.merge(p.definition().code(), p, (a, b) -> a.shipped() ? b : a));
        return new ArrayList<>(byCode.values());
    }

    Optional<Protocol> find(long organisationId, String code) {
        return list(organisationId).stream().filter(p -> p.definition().code().equals(code)).findFirst();
    }

    /** Adds the organisation's own protocol (a copy of a shipped one keeps its code). */
    Protocol add(long organisationId, ProtocolDefinition definition, String copiedFrom, String by) {
        jdbc.sql("""
                INSERT INTO plans_protocol (organisation_id, code, definition, copied_from, changed_at, changed_by)
                VALUES (:org, :code, CAST(:definition AS jsonb), :from, :now, :by)""").param("org", organisationId)
                .param("code", definition.code()).param("definition", json.writeValueAsString(definition))
                .param("from", copiedFrom).param("now", Timestamp.from(clock.instant())).param("by", by).update();
        return ownOf(organisationId, definition.code()).orElseThrow();
    }

    /** Changes the organisation's own protocol; false when the version is stale. */
    boolean update(long organisationId, ProtocolDefinition definition, int version, String by) {
        return jdbc.sql("""
                UPDATE plans_protocol SET definition = CAST(:definition AS jsonb), version = version + 1,
                    changed_at = :now, changed_by = :by
                WHERE organisation_id = :org AND code = :code AND version = :version""")
                .param("definition", json.writeValueAsString(definition)).param("now", Timestamp.from(clock.instant()))
                .param("by", by).param("org", organisationId).param("code", definition.code())
                .param("version", version).update() == 1;
    }

    Optional<Protocol> ownOf(long organisationId, String code) {
        return rows(organisationId).stream().filter(p -> !p.shipped() && p.definition().code().equals(code))
                .findFirst();
    }

    /** The problems of a definition, as field paths with messages; empty when it can be used. */
    Map<String, String> problems(ProtocolDefinition definition) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (ConstraintViolation<ProtocolDefinition> v : validator.validate(definition)) {
            problems.put(v.getPropertyPath().toString(), v.getMessage());
        }
        if (definition.names() != null && !definition.names().keySet().containsAll(Set.of("en", "fr", "es"))) {
            problems.put("names", "needs en, fr and es");
        }
        if (definition.induction() != null) {
            definition.induction().stream().filter(p -> p != null && p.every() != null
                    && (p.every().isNegative() || p.every().isZero())).findFirst()
                    .ifPresent(p -> problems.put("induction.every", "must be a positive period"));
        }
        if (definition.induction() != null && definition.checkIns() != null && definition.milestones() != null
                && definition.induction().isEmpty() && definition.checkIns().isEmpty()
                && definition.milestones().isEmpty()) {
            problems.put("induction", "a protocol needs sessions, milestones or check-ins");
        }
        return problems;
    }

    private List<Protocol> rows(long organisationId) {
        return jdbc.sql("""
                SELECT id, organisation_id IS NULL AS shipped, definition::text AS definition, copied_from, version
                FROM plans_protocol WHERE (organisation_id IS NULL OR organisation_id = :org) AND active ORDER BY id""")
                .param("org", organisationId)
                .query((rs, n) -> new Protocol(rs.getLong("id"), rs.getBoolean("shipped"),
                        json.readValue(rs.getString("definition"), ProtocolDefinition.class),
                        rs.getString("copied_from"), rs.getInt("version")))
                .list();
    }

    private List<ProtocolDefinition> load() {
        try (InputStream in = new ClassPathResource("knowledge/protocols.json").getInputStream()) {
            JsonNode root = json.readTree(in);
            List<ProtocolDefinition> list = new ArrayList<>();
            for (JsonNode node : root.path("protocols")) {
                ProtocolDefinition p = json.treeToValue(node, ProtocolDefinition.class);
                Map<String, String> problems = problems(p);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("knowledge/protocols.json, " + p.code() + ": " + problems);
                }
                list.add(p);
            }
            return List.copyOf(list);
        }
        catch (IOException e) {
            throw new IllegalStateException("knowledge/protocols.json cannot be read", e);
        }
    }

    /** A protocol as the organisation sees it. */
    record Protocol(long id, boolean shipped, ProtocolDefinition definition, String copiedFrom, int version) {
    }
}
