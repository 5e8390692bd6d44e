package org.follicle.intake.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.follicle.system.DemoDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Intake answers for the demo patients, so that the demo shows every screening decision: eligible, pregnant
 * (not eligible), on an anticoagulant, a minor, an NSAID wash-out (deferred), an unknown answer (review).
 */
@Component
class IntakeDemoData implements DemoDataContributor {

    private final IntakeStore forms;

    private final JdbcClient jdbc;

    private final JsonMapper json;

    private final Clock clock;

    IntakeDemoData(IntakeStore forms, JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.forms = forms;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return 40;
    }

    @Override
    public void loadDemoData() {
        LocalDate today = LocalDate.now(clock);
        answer("Moreau", healthy());
        answer("Dubois", set(healthy(), "medicalHistory", "pregnancy", "YES"));
        ObjectNode anticoagulated = healthy();
        set(anticoagulated, "medicalHistory", "takesMedicines", "YES");
        anticoagulated.withArray("medications").addObject().put("kind", "ANTICOAGULANT").put("code", "APIXABAN")
                .put("name", "Eliquis").put("prescribed", true).put("lastTaken", today.toString());
        answer("Lefèvre", anticoagulated);
        answer("Martin", healthy());
        ObjectNode ibuprofen = healthy();
        set(ibuprofen, "medicalHistory", "takesMedicines", "YES");
        ibuprofen.withArray("medications").addObject().put("kind", "NSAID").put("code", "IBUPROFEN")
                .put("name", "Advil").put("prescribed", false).put("lastTaken", today.minusDays(3).toString());
        answer("Bernard", ibuprofen);
        answer("Nguyen", set(healthy(), "medicalHistory", "diabetes", "UNKNOWN"));
        answer("García", healthy());
        answer("Fernández", set(healthy(), "scalpToday", "psoriasisOrDermatitis", "YES"));
    }

    private ObjectNode healthy() {
        ObjectNode doc = json.createObjectNode();
        Map<String, String[]> sections = Map.of(
                "medicalHistory", new String[] { "pregnancy", "breastfeeding", "childbearingPotential", "autoimmuneDisease", "diabetes",
                        "insulin", "heartDisease", "kidneyFailure", "liverFailure", "bleedingDisorder",
                        "plateletDisorder", "cancer", "currentChemotherapy", "immunosuppression", "keloidTendency",
                        "phaeochromocytoma", "recentFever", "septicaemia", "recentScalpSteroidInjection", "tobacco", "takesMedicines" },
                "allergies", new String[] { "localAnaesthetics", "methylxanthines", "minoxidil",
                        "fiveAlphaReductaseInhibitors", "hyaluronicAcid" },
                "scalpToday", new String[] { "infection", "inflammation", "openWound", "sunburn",
                        "psoriasisOrDermatitis" });
        sections.forEach((section, questions) -> {
            ObjectNode node = doc.putObject(section);
            for (String q : questions) {
                node.put(q, "NO");
            }
        });
        doc.putArray("medications");
        doc.putObject("hairHistory").put("pattern", "DIFFUSE_THINNING").put("onset", "2024-09")
                .put("familyHistory", "YES");
        return doc;
    }

    private static ObjectNode set(ObjectNode doc, String section, String question, String value) {
        ((ObjectNode) doc.get(section)).put(question, value);
        return doc;
    }

    /** Demo only: finds the demo patient by family name in the registry's table. */
    private void answer(String familyName, ObjectNode document) {
        jdbc.sql("SELECT id, organisation_id, clinic_id FROM patients_patient WHERE family_name = :name AND created_by = 'demo'")
                .param("name", familyName)
                .query((rs, n) -> forms.insert(rs.getLong("organisation_id"), rs.getLong("clinic_id"), rs.getLong("id"),
                        1, document, clock.instant(), "demo"))
                .list();
    }
}
